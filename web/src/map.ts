/**
 * The regions choropleth (chartjs-chart-geo). Loaded on demand (dynamic import, its own chunk):
 * only views with a country that has regions need it. Outlines: web/geo/niger-admin1.json,
 * simplified from Natural Earth (public domain) by web/geo/simplify.ts.
 */
import { Chart } from 'chart.js';
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale } from 'chartjs-chart-geo';
import type { Feature } from 'geojson';
import { getJson } from './api.ts';
import { theme } from './charts.ts';
import type { RegionRanking } from './views/country-data.ts';

Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale);

const cache = new Map<string, Promise<{ features: Feature[] }>>();
let chart: Chart | null = null;

/** Draw the ranking's month on the map, over the outlines at `url` (country-data.ts's MAP_OUTLINES); regions without outlines are left out. Returns the regions drawn. */
export async function drawRegionMap(canvas: HTMLCanvasElement, url: string, ranking: RegionRanking, label: string): Promise<number> {
  let geo = cache.get(url);
  if (!geo) {
    geo = getJson<{ features: Feature[] }>(url);
    cache.set(url, geo);
  }
  const { features } = await geo;
  const bySlug = new Map(ranking.rows.map((r) => [r.slug, r]));
  const t = theme();
  chart?.destroy();
  chart = new Chart(canvas, {
    type: 'choropleth',
    data: {
      labels: features.map((f) => String(f.properties?.name ?? '')),
      datasets: [
        {
          label,
          outline: features,
          borderColor: t.fg,
          borderWidth: 1,
          data: features.map((f) => ({ feature: f, value: bySlug.get(String(f.properties?.slug))?.value ?? Number.NaN })),
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      showOutline: true,
      plugins: { legend: { display: false } },
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
  return features.filter((f) => bySlug.has(String(f.properties?.slug))).length;
}
