/**
 * The regions choropleth (chartjs-chart-geo). Loaded on demand (dynamic import, its own chunk):
 * only the country view's map and the overview's Sahel-wide map need it, when they come near the
 * screen. Outlines: web/geo/<ISO3>-admin1.json (one per country, fetched when a map needs it),
 * simplified from OCHA COD-AB and geoBoundaries by web/geo/simplify.ts, each with its credit.
 */
import { Chart } from 'chart.js';
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale } from 'chartjs-chart-geo';
import type { Feature } from 'geojson';
import { getJson } from './api.ts';
import { theme } from './charts.ts';
import { num } from './format.ts';
import { t as M } from './messages.ts';
import { tm } from './messages-more.ts';
import { regionKey } from './views/region-ranking.ts';

Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale);

interface Outlines {
  features: Feature[];
  attribution?: { credit?: string };
}

const cache = new Map<string, Promise<Outlines>>();
const charts = new Map<HTMLCanvasElement, Chart>();

/** The URL of a country's outlines. */
const outlinesUrl = (iso3: string): string => `/geo/${iso3}-admin1.json`;

function outlines(iso3: string): Promise<Outlines> {
  const url = outlinesUrl(iso3);
  let geo = cache.get(url);
  if (!geo) {
    geo = getJson<Outlines>(url);
    cache.set(url, geo);
    geo.catch(() => cache.delete(url));
  }
  return geo;
}

/** What a map drew: the regions (keys) it coloured, and the outlines' credits. */
export interface MapDrawn {
  drawn: string[];
  credits: string[];
}

/**
 * Draw the values (keyed by regionKey) over the outlines of `countries`, on one colour scale;
 * outlines without a value are drawn empty. A click on a region hands its key to `onPick` (the
 * regions' table offers the same choice to the keyboard). Returns the regions drawn and the
 * outlines' credits.
 */
export async function drawRegionMap(
  canvas: HTMLCanvasElement,
  countries: readonly string[],
  values: ReadonlyMap<string, number>,
  label: string,
  onPick?: (key: string) => void,
): Promise<MapDrawn> {
  const layers = await Promise.all(countries.map((iso3) => outlines(iso3).then((o) => ({ iso3, o }))));
  const features = layers.flatMap(({ iso3, o }) => o.features.map((f) => ({ f, key: regionKey(iso3, String(f.properties?.slug ?? '')) })));
  const t = theme();
  charts.get(canvas)?.destroy();
  const chart = new Chart(canvas, {
    type: 'choropleth',
    data: {
      labels: features.map(({ f }) => M.region(String(f.properties?.name ?? ''))),
      datasets: [
        {
          label,
          outline: features.map(({ f }) => f),
          borderColor: t.fg,
          borderWidth: countries.length > 1 ? 0.5 : 1,
          data: features.map(({ f, key }) => ({ feature: f, value: values.get(key) ?? Number.NaN })),
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      showOutline: true,
      ...(onPick && {
        onClick: (_e, active) => {
          const i = active[0]?.index;
          if (i !== undefined) onPick(features[i]!.key);
        },
        // CSSOM, not a style attribute: allowed by a strict CSP.
        onHover: (_e, active) => {
          canvas.style.cursor = active.length > 0 ? 'pointer' : '';
        },
      }),
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = (item.raw as { value: number }).value;
              return `${String(item.chart.data.labels?.[item.dataIndex] ?? '')}: ${Number.isNaN(v) ? tm().mapNoData : num(v)}`;
            },
          },
        },
      },
      scales: {
        projection: { axis: 'x', projection: 'mercator' },
        color: {
          axis: 'x',
          interpolate: 'viridis',
          missing: t.bg,
          legend: { position: 'bottom-right', align: 'right' },
          ticks: { color: t.muted },
        },
      },
    },
  });
  charts.set(canvas, chart);
  return {
    drawn: features.filter(({ key }) => values.has(key)).map(({ key }) => key),
    credits: layers.map(({ o }) => tm().outlineCredit(o.attribution?.credit ?? '')).filter(Boolean),
  };
}

/**
 * The maps drawn (the e2e test finds a region's place on a map to click it).
 * @public Loaded by dynamic import, which knip does not follow.
 */
export function mapsOn(): Chart[] {
  return [...charts.values()];
}
