/**
 * The overview's Sahel-wide map (views/overview.ts shows its frame and measure control): every
 * region of the five countries on one colour scale, events or reported fatalities over the
 * headline's four ACLED weeks, with a legend, the outlines' credits and a table equivalent.
 * Loaded on demand with the other views (more.ts), when the map comes near the screen; the map
 * module (map.ts, with the outlines) after it. Each region's weekly series is one small request
 * (its last eight weeks).
 */
import type { Measure } from '../../../model/categories.ts';
import type { Catalogue } from '../../../model/types.ts';
import { getText } from '../api.ts';
import { weekSeriesPath } from '../api-paths.ts';
import { mergeCsv } from '../csv-merge.ts';
import { fig, figError, figReady, tableLater } from '../figure.ts';
import { creditLine, num } from '../format.ts';
import { t } from '../messages.ts';
import { tm } from '../messages-more.ts';
import { weekSeries } from '../requests.ts';
import { windowLabel } from './overview-data.ts';
import { rankingFromWeek, regionKey, regionWeekRanking } from './region-ranking.ts';

/** One region of the map: its country, the four weeks' total and its change. */
interface Cell {
  iso3: string;
  country: string;
  slug: string;
  name: string;
  value: number;
}

export async function drawSahelMap(cat: Catalogue, measure: Measure, stale: () => boolean): Promise<void> {
  const f = fig('sahel-map');
  const countries = cat.countries.filter((c) => c.weeks?.categories.includes('political_violence') && c.admin1.length > 0);
  const params = countries.flatMap((c) =>
    c.admin1.map((r) => ({
      c,
      p: {
        country: c.iso3,
        category: 'political_violence' as const,
        measure,
        admin1: r.slug,
        from: rankingFromWeek(c.weeks!.to),
      },
    })),
  );
  try {
    const docs = await Promise.all(params.map(({ p }) => weekSeries(weekSeriesPath(p))));
    if (stale()) return;
    const cells: Cell[] = [];
    let window = null as ReturnType<typeof regionWeekRanking>['window'];
    for (const c of countries) {
      const r = regionWeekRanking(docs.filter((_, i) => params[i]!.c === c));
      window ??= r.window;
      for (const row of r.rows)
        cells.push({ iso3: c.iso3, country: t.country(c.name), slug: row.slug, name: t.region(row.name), value: row.value });
    }
    cells.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
    if (!window || cells.length === 0) {
      figError(f, t.whatMap, new Error(tm().noFourWeeks));
      return;
    }
    const period = windowLabel(window);
    const top = cells.slice(0, 3).map((x) => `${x.name}, ${x.country} (${num(x.value)})`);
    const summary = tm().mapSummary(period, window.provisional, measure, top);
    const csv = () => Promise.all(params.map(({ p }) => getText(weekSeriesPath(p, 'csv')))).then(mergeCsv);
    figReady(f, summary, csv, ['sahel', 'regions', 'political_violence', measure, window.from], cat.dataset);
    tableLater(
      f.table!,
      {
        head: [tm().colRegion, tm().colCountry, `${t.measure[measure]}, ${period}`],
        rows: cells.map((x) => [x.name, x.country, num(x.value)]),
      },
      tm().mapTableCaption(t.measure[measure], period, window.provisional),
    );
    const values = new Map(cells.map((x) => [regionKey(x.iso3, x.slug), x.value]));
    const { drawRegionMap } = await import('../map.ts');
    if (stale()) return;
    const drawn = await drawRegionMap(
      f.canvas!,
      countries.map((c) => c.iso3),
      values,
      tm().mapPngTitle(t.measure[measure], period),
    );
    if (stale()) return;
    f.canvas!.dataset.drawn = drawn.drawn.join(' ');
    const missing = cells
      .filter((x) => !drawn.drawn.includes(regionKey(x.iso3, x.slug)))
      .map((x) => `${x.name}, ${x.country} (${num(x.value)})`);
    f.caption.textContent = tm().mapCaption(missing, drawn.credits, creditLine(cat.dataset));
  } catch (e) {
    if (!stale()) figError(f, t.whatMap, e);
  }
}
