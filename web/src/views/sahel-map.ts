/**
 * The overview's Sahel-wide map (views/overview.ts shows its frame and measure control): every
 * region of the five countries on one colour scale, events or reported fatalities over the ACLED
 * weeks chosen (the last 4, 12, 26 or 52, or a range of days: sahel-weeks.ts; the choice is the
 * URL's `mapweeks`), with a legend, the outlines' credits and a table equivalent. Loaded on demand
 * with the other views (more.ts), when the map comes near the screen; the map module (map.ts, with
 * the outlines) after it. Each region's weekly series is one small request, shared by the choices
 * it covers (sahel-weeks.ts's mapRequestWeeks).
 */
import type { Catalogue } from '../../../model/types.ts';
import { weekEnd } from '../../../model/week.ts';
import { getText } from '../api.ts';
import { weekSeriesPath } from '../api-paths.ts';
import { mergeCsv } from '../csv-merge.ts';
import { fig, figError, figReady, tableLater } from '../figure.ts';
import { creditLine, num } from '../format.ts';
import { t } from '../messages.ts';
import { tm } from '../messages-more.ts';
import { byId } from '../render.ts';
import { weekSeries } from '../requests.ts';
import type { ViewState } from '../state.ts';
import { windowLabel } from './overview-data.ts';
import { regionKey } from './region-ranking.ts';
import { type MapWeeks, mapRequestWeeks, mapWeeks, weeksTotal } from './sahel-weeks.ts';

/** One region of the map: its country and its total over the weeks. */
interface Cell {
  iso3: string;
  country: string;
  slug: string;
  name: string;
  value: number;
}

export async function drawSahelMap(
  cat: Catalogue,
  state: Pick<ViewState, 'measure' | 'mapWeeks'>,
  setState: (next: Partial<ViewState>) => Promise<void>,
  stale: () => boolean,
): Promise<void> {
  const f = fig('sahel-map');
  const measure = state.measure;
  const countries = cat.countries.filter((c) => c.weeks?.categories.includes('political_violence') && c.admin1.length > 0);
  // The weeks every mapped country covers: one window for all, on one scale.
  const first = countries
    .map((c) => c.weeks!.from)
    .sort()
    .at(-1);
  const last = countries.map((c) => c.weeks!.to).sort()[0];
  if (!first || !last || first > last) {
    figError(f, t.whatMap, new Error(tm().noFourWeeks));
    return;
  }
  const w = mapWeeks(state.mapWeeks, first, last);
  weekControls(w, first, last, state.mapWeeks, setState);
  const span = mapRequestWeeks(w, last);
  const params = countries.flatMap((c) =>
    c.admin1.map((r) => ({
      c,
      p: { country: c.iso3, category: 'political_violence' as const, measure, admin1: r.slug, ...span },
    })),
  );
  try {
    const docs = await Promise.all(params.map(({ p }) => weekSeries(weekSeriesPath(p))));
    if (stale()) return;
    let provisional = false;
    const cells: Cell[] = docs.map((d, i) => {
      const { c, p } = params[i]!;
      const total = weeksTotal(d.points, w);
      provisional ||= total.provisional;
      const region = c.admin1.find((r) => r.slug === p.admin1)!;
      return { iso3: c.iso3, country: t.country(c.name), slug: region.slug, name: t.region(region.name), value: total.value };
    });
    cells.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
    if (cells.length === 0) {
      figError(f, t.whatMap, new Error(tm().noFourWeeks));
      return;
    }
    const period = windowLabel({ from: w.from, to: weekEnd(w.to) });
    const top = cells.slice(0, 3).map((x) => `${x.name}, ${x.country} (${num(x.value)})`);
    const summary = tm().mapSummary(w.weeks, period, provisional, measure, top);
    // The CSV holds the weeks summed, no more: its own requests, made when it is downloaded.
    const csv = () => Promise.all(params.map(({ p }) => getText(weekSeriesPath({ ...p, from: w.from, to: w.to }, 'csv')))).then(mergeCsv);
    figReady(f, summary, csv, ['sahel', 'regions', 'political_violence', measure, w.from, weekEnd(w.to)], cat.dataset);
    tableLater(
      f.table!,
      {
        head: [tm().colRegion, tm().colCountry, `${t.measure[measure]}, ${period}`],
        rows: cells.map((x) => [x.name, x.country, num(x.value)]),
      },
      tm().mapTableCaption(t.measure[measure], period, provisional),
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
    f.canvas!.dataset.weeks = `${w.from}..${weekEnd(w.to)}`;
    const missing = cells
      .filter((x) => !drawn.drawn.includes(regionKey(x.iso3, x.slug)))
      .map((x) => `${x.name}, ${x.country} (${num(x.value)})`);
    f.caption.textContent = tm().mapCaption(missing, drawn.credits, creditLine(cat.dataset));
  } catch (e) {
    if (!stale()) figError(f, t.whatMap, e);
  }
}

/**
 * The weeks' controls (index.html), shown from the choice and enabled: a preset applies when
 * chosen; the two days apply together (the button, or Enter), as a date field changes with each
 * digit typed. Each choice goes to the URL (setState), which redraws the map.
 */
function weekControls(
  w: MapWeeks,
  first: string,
  last: string,
  current: string | null,
  setState: (next: Partial<ViewState>) => Promise<void>,
): void {
  const form = byId<HTMLFormElement>('sahel-weeks-form');
  const select = byId<HTMLSelectElement>('sahel-weeks');
  const from = byId<HTMLInputElement>('sahel-from');
  const to = byId<HTMLInputElement>('sahel-to');
  select.value = w.preset === null ? 'custom' : `last${w.preset}`;
  for (const input of [from, to]) {
    input.min = first;
    input.max = weekEnd(last);
  }
  from.value = w.from;
  to.value = weekEnd(w.to);
  const go = (param: string) => {
    const next = mapWeeks(param, first, last).param;
    if (next !== current) void setState({ mapWeeks: next });
  };
  select.onchange = () => go(select.value);
  form.onsubmit = (e) => {
    e.preventDefault();
    if (from.value && to.value) go(`${from.value}..${to.value}`);
  };
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('select, input, button'))
    el.disabled = false;
}
