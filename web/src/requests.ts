/**
 * The API requests the page makes. Those the first view needs are started by the first module
 * (app.js), before the rest of the app is loaded: the catalogue (every view needs it) and, when
 * the page opens on the overview, its series and the claims. Series are kept for the session, by
 * path.
 */

import type { WeekSeries } from '../../model/api.ts';
import type { CategoryId, Measure } from '../../model/categories.ts';
import { isMonth } from '../../model/month.ts';
import type { Catalogue, ClaimsDoc, CountryEntry, SeriesDoc, SeriesSet } from '../../model/types.ts';
import { getCatalogue, getClaims, getJson, getSeries } from './api.ts';
import { type SeriesParams, seriesPath, seriesSetPath, type WeekParams, weekSeriesPath } from './api-paths.ts';
import { afterFirstPaint } from './schedule.ts';
import type { ViewState } from './state.ts';
import { overviewFromWeek } from './views/overview-data.ts';

/**
 * Series requests by path, kept for the session (a series of a dataset version does not change;
 * back/forward redraw without refetching). A failed request is forgotten, so it is retried.
 */
const seriesCache = new Map<string, Promise<SeriesDoc>>();

/** The series at `path` (as built by api-paths.ts's seriesPath), requested once per session. */
export function series(path: string): Promise<SeriesDoc> {
  let p = seriesCache.get(path);
  if (!p) {
    p = getSeries(path);
    seriesCache.set(path, p);
    p.catch(() => seriesCache.delete(path));
  }
  return p;
}

const weekCache = new Map<string, Promise<WeekSeries>>();

/** The weekly series at `path` (as built by api-paths.ts's weekSeriesPath), requested once per session. */
export function weekSeries(path: string): Promise<WeekSeries> {
  let p = weekCache.get(path);
  if (!p) {
    p = getJson<WeekSeries>(path);
    weekCache.set(path, p);
    p.catch(() => weekCache.delete(path));
  }
  return p;
}

const setCache = new Map<string, Promise<SeriesDoc[]>>();

/** The series of several categories (see seriesSetPath), requested once per session. */
export function seriesSet(s: SeriesParams, categories: readonly CategoryId[]): Promise<SeriesDoc[]> {
  if (categories.length === 0) return Promise.resolve([]);
  const path = seriesSetPath(s, categories);
  let p = setCache.get(path);
  if (!p) {
    p = getJson<SeriesSet>(path).then((set) => set.series);
    setCache.set(path, p);
    p.catch(() => setCache.delete(path));
  }
  return p;
}

/** An overview series: political violence in one country, one measure, the state's range. */
export function overviewSeries(iso3: string, measure: Measure, s: Pick<ViewState, 'from' | 'to'>) {
  return { country: iso3, category: 'political_violence' as CategoryId, measure, admin1: null, from: s.from, to: s.to };
}

const query = new URLSearchParams(location.search);
/** The page opens on the overview (as resolveState reads the view, an unknown one included). */
const overviewFirst = !['country', 'compare'].includes(query.get('view') ?? '');

/** An overview weekly series (a card's headline and weekly chart): political violence in one country, its last weeks; null without them. */
export function overviewWeekSeries(c: CountryEntry, measure: Measure): WeekParams | null {
  const w = c.weeks?.categories.includes('political_violence') ? c.weeks : null;
  return w && { country: c.iso3, category: 'political_violence', measure, admin1: null, from: overviewFromWeek(w.to) };
}

/**
 * The overview's series, card by card in the page's order (a card's weekly series, then its
 * monthly ones: the first chart on screen is the first card's weekly chart), as soon as the
 * catalogue names the weeks and the page is painted (before the app has run; not before the first
 * paint, which they would compete with). The browser opens six connections per host (HTTP/1.1,
 * as `wrangler dev` serves): requests started earlier would hold them while the first chart's waits.
 */
function prefetchOverview(cat: Catalogue): void {
  const month = (x: string | null) => (x && isMonth(x) ? x : null);
  const range = { from: month(query.get('from')), to: month(query.get('to')) };
  const monthly = !(range.from && range.to && range.from > range.to);
  const card = (iso3: string) => {
    const c = cat.countries.find((x) => x.iso3 === iso3);
    for (const m of ['events', 'fatalities'] as const) {
      const p = c && overviewWeekSeries(c, m);
      if (p) void weekSeries(weekSeriesPath(p)).catch(() => undefined);
    }
    if (monthly)
      for (const m of ['events', 'fatalities'] as const) void series(seriesPath(overviewSeries(iso3, m, range))).catch(() => undefined);
  };
  // The first card at once, then a card per task: starting a request costs a phone a few milliseconds.
  for (const [i, el] of [...document.querySelectorAll<HTMLElement>('.ov-card[data-country]')].entries()) {
    const iso3 = el.dataset.country!;
    if (i === 0) card(iso3);
    else setTimeout(() => card(iso3), 0);
  }
}

let claimsRequest: Promise<ClaimsDoc> | null = null;

/** The headline claims (shown on the overview, below its charts), requested once. */
export function claims(): Promise<ClaimsDoc> {
  return (claimsRequest ??= getClaims());
}

// Request order matters (a browser opens six connections per host): the catalogue first (the
// page preloads it), the overview's series next, card by card, the claims (drawn below the charts)
// last; other views ask for the claims once they are drawn (main.ts).
/** The catalogue, requested when the page starts. */
export const cataloguePromise: Promise<Catalogue> = getCatalogue();
if (overviewFirst) {
  void Promise.all([cataloguePromise, afterFirstPaint()]).then(
    ([cat]) => {
      prefetchOverview(cat);
      // After the cards' series (timers run in order).
      setTimeout(() => claims().catch(() => undefined), 0);
    },
    () => undefined,
  );
}
// Settled later by main.ts; not an unhandled rejection in the meantime.
cataloguePromise.catch(() => undefined);
