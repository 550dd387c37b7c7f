/**
 * The view's state, read from and written to the URL query, so that every view is reproducible
 * from its URL. Pure: no DOM.
 *
 * Parameters: view (overview | country | compare), country (ISO3), category, measure
 * (events | fatalities), admin1 (region slug), from / to (YYYY-MM, the charts' range), scale
 * (same: one y scale for the overview's small multiples), before / after (compare periods: months
 * YYYY-MM or YYYY-MM..YYYY-MM, or days YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD; "before" may also be
 * trailing3, trailing12 or trailingNd, resolved against "after"), relation / threshold / wording (compare: a claim to test, see
 * api-paths.ts's checkPath), readings (both: the check reads events and fatalities), unit (week: the compare
 * periods are whole ACLED weeks, written as day ranges; `before` may be trailingNw), mapweeks (the overview's
 * Sahel map: lastN or a day range, read by views/sahel-weeks.ts), embed (1: minimal chrome).
 * The API's paths for a state are built by api-paths.ts; the history, by router.ts.
 */
import type { CategoryId, Measure } from '../../model/categories.ts';
import { addDays } from '../../model/day.ts';
import { addMonths, daysInMonth, isMonth, monthIndex } from '../../model/month.ts';
import { monthlyCategories } from '../../model/monthly-categories.ts';
import {
  isDayPeriod,
  PeriodSyntaxError,
  parsePeriod as parseModelPeriod,
  resolvePeriods,
  type Unit,
  type Window,
} from '../../model/period.ts';
import type { CountryEntry, Region } from '../../model/types.ts';
import { addWeeks, weekEnd } from '../../model/week.ts';

/** The dashboard's views. boot.ts reads the list too: what it imports from here is only this list. */
export type View = 'overview' | 'country' | 'compare';
export const VIEWS: readonly View[] = ['overview', 'country', 'compare'];

export interface ViewState {
  view: View;
  country: string;
  category: CategoryId;
  measure: Measure;
  /** Admin1 slug, or null for the country total. */
  admin1: string | null;
  /** Range of the time axes (inclusive months), or null for the whole series. */
  from: string | null;
  to: string | null;
  /** Overview: one y scale for all countries. */
  sameScale: boolean;
  /** Compare periods: a month or day, or `from..to` (both of one unit). */
  before: string | null;
  after: string | null;
  /**
   * Compare: a claim to test, kept as the URL writes it. Not corrected here: the check route
   * validates it, and its problem detail tells the reader what to fix.
   */
  relation: string | null;
  threshold: string | null;
  /** The claim's own words for the relation; null = the plain-language default. */
  wording: string | null;
  /** The check reads events and fatalities (one reading each, as the headline claims do), not only `measure`. */
  bothMeasures: boolean;
  /** Compare: the periods are whole ACLED weeks (day ranges, Saturday to Friday; `unit=week`). */
  weeks: boolean;
  /** The Sahel map's weeks as the URL writes them (null: the last four); read against the catalogue with the map's code (sahel-weeks.ts). */
  mapWeeks: string | null;
}

export const DEFAULT_STATE: ViewState = {
  view: 'overview',
  country: 'NER',
  category: 'political_violence',
  measure: 'events',
  admin1: null,
  from: null,
  to: null,
  sameScale: false,
  before: null,
  after: null,
  relation: null,
  threshold: null,
  wording: null,
  bothMeasures: false,
  weeks: false,
  mapWeeks: null,
};

const MEASURE_VALUES: readonly Measure[] = ['events', 'fatalities'];

/** A window as a period parameter: `2023-07`, `2023-05..2023-07`, `2023-07-27..2023-08-25`. */
const periodOf = (w: Pick<Window, 'from' | 'to'>) => (w.from === w.to ? w.from : `${w.from}..${w.to}`);

/**
 * A period parameter as the model's period syntax reads it: a month or day, or a range of either
 * (in order); else null. `trailing...` needs "after": see comparePeriods.
 */
export function parsePeriod(s: string | null): string | null {
  if (!s) return null;
  try {
    const p = parseModelPeriod(s, 'after');
    return p.kind === 'window' ? periodOf(p) : null;
  } catch (e) {
    if (e instanceof PeriodSyntaxError) return null;
    throw e;
  }
}

/**
 * Both compare periods as windows: "before" may be `trailing...` (counted back from "after", as
 * the API does); a "before" that cannot be read with "after" (another unit) is dropped. Periods
 * in the wrong order or overlapping are kept as written: the API refuses them with a 400 saying
 * what to write, and the page shows that answer (the same rule, never a silent correction).
 */
export function comparePeriods(before: string | null, after: string | null): Pick<ViewState, 'before' | 'after'> {
  const a = parsePeriod(after);
  const b = parsePeriod(before);
  if (!a || !before) return { before: b, after: a };
  if (b) return { before: isDayPeriod(b) === isDayPeriod(a) ? b : null, after: a };
  try {
    const r = resolvePeriods(before, a);
    return { before: r.before ? periodOf(r.before) : null, after: a };
  } catch (e) {
    if (e instanceof PeriodSyntaxError) return { before: null, after: a };
    throw e;
  }
}

/**
 * A period in the other unit, covering the same calendar span: months become their days, days
 * the months they fall in. @example periodInUnit('2023-07', 'day') === '2023-07-01..2023-07-31'
 */
export function periodInUnit(p: string, unit: Unit): string {
  const [a, b] = periodBounds(p);
  if (isDayPeriod(p) === (unit === 'day')) return p;
  const w =
    unit === 'day'
      ? { from: `${a}-01`, to: `${b}-${String(daysInMonth(b)).padStart(2, '0')}` }
      : { from: a.slice(0, 7), to: b.slice(0, 7) };
  return periodOf(w);
}

/**
 * Both compare periods in the other unit (periodInUnit). Days that did not overlap can fall in a
 * shared month: "before" then ends the month before "after" starts, as the API requires.
 * @example periodsInUnit('2023-06-26..2023-07-25', '2023-07-27..2023-08-25', 'month') gives before '2023-06', after '2023-07..2023-08'
 */
export function periodsInUnit(before: string | null, after: string | null, unit: Unit): Pick<ViewState, 'before' | 'after'> {
  const a = after && periodInUnit(after, unit);
  let b = before && periodInUnit(before, unit);
  if (a && b && unit === 'month') {
    const [bFrom, bTo] = periodBounds(b);
    const start = periodBounds(a)[0];
    if (monthIndex(bTo) >= monthIndex(start) && monthIndex(bFrom) < monthIndex(start)) {
      const end = addMonths(start, -1);
      b = bFrom === end ? end : `${bFrom}..${end}`;
    }
  }
  return { before: b, after: a };
}

/**
 * The regions with monthly series of a category: the ones the page charts (a region with weekly
 * counts only has none, and is not offered until the page charts weeks).
 */
export function monthlyRegions(country: CountryEntry, category: CategoryId): Region[] {
  return country.admin1.filter((r) => monthlyCategories(country, r).includes(category));
}

/**
 * The regions a view charts: every region where weeks are charted (the Country view's weekly
 * chart, the Compare view's weeks) and the country has weekly counts of the category, else those
 * with monthly series.
 */
export function regionsFor(country: CountryEntry, category: CategoryId, view: View, weeks: boolean): Region[] {
  return weeks || (view === 'country' && hasWeeks(country, category)) ? country.admin1 : monthlyRegions(country, category);
}

/** Has the country ACLED weekly counts of the category (for it and each of its regions)? */
export function hasWeeks(country: Pick<CountryEntry, 'weeks'> | undefined, category: CategoryId): boolean {
  return Boolean(country?.weeks?.categories.includes(category));
}

/** Can the country (or region) be compared in days? Day windows exist for countries with daily counts, never for regions. */
export function hasDays(country: Pick<CountryEntry, 'days'> | undefined, admin1: string | null): boolean {
  return admin1 === null && Boolean(country?.days);
}

/** The first and last month (or day) of a period. */
export function periodBounds(p: string): [string, string] {
  const [a, b] = p.split('..') as [string, string | undefined];
  return [a, b ?? a];
}

/**
 * The state the query asks for, corrected to what the catalogue offers: an unknown country falls
 * back to the default, a category the country lacks to political violence (or its first one), an
 * unknown region to the country total, a malformed month or range to none.
 */
export function resolveState(query: URLSearchParams, countries: readonly CountryEntry[]): ViewState {
  const byIso = (iso: string | null) => countries.find((c) => c.iso3 === iso?.toUpperCase());
  const country = byIso(query.get('country')) ?? byIso(DEFAULT_STATE.country) ?? countries[0];
  if (!country) throw new Error('the catalogue lists no country');
  const wanted = query.get('category');
  const category =
    country.categories.find((c) => c === wanted) ??
    country.categories.find((c) => c === DEFAULT_STATE.category) ??
    country.categories[0] ??
    DEFAULT_STATE.category;
  const m = query.get('measure');
  const measure = MEASURE_VALUES.find((x) => x === m) ?? DEFAULT_STATE.measure;
  const periods = comparePeriods(query.get('before'), query.get('after'));
  // Weeks: day periods (or none yet) of a place with ACLED weekly counts of the category.
  const weeks = query.get('unit') === 'week' && hasWeeks(country, category) && !(periods.after && !isDayPeriod(periods.after));
  const v = query.get('view');
  const view = VIEWS.find((x) => x === v) ?? DEFAULT_STATE.view;
  const a = query.get('admin1');
  const admin1 = regionsFor(country, category, view, weeks).find((r) => r.slug === a)?.slug ?? null;
  let from = month(query.get('from'));
  let to = month(query.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    view,
    country: country.iso3,
    category,
    measure,
    admin1,
    from,
    to,
    sameScale: query.get('scale') === 'same',
    ...periods,
    relation: text(query.get('relation')),
    threshold: text(query.get('threshold')),
    wording: text(query.get('wording')),
    bothMeasures: query.get('readings') === 'both',
    weeks,
    mapWeeks: text(query.get('mapweeks')),
  };
}

function month(s: string | null): string | null {
  return s && isMonth(s) ? s : null;
}

function text(s: string | null): string | null {
  const t = s?.trim();
  return t ? t : null;
}

/** The URL query for a state; defaults that are not needed are left out, the series is always written. */
export function stateQuery(s: ViewState, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ view: s.view, country: s.country, category: s.category, measure: s.measure });
  if (s.admin1 !== null) q.set('admin1', s.admin1);
  if (s.from !== null) q.set('from', s.from);
  if (s.to !== null) q.set('to', s.to);
  if (s.sameScale) q.set('scale', 'same');
  if (s.before !== null) q.set('before', s.before);
  if (s.after !== null) q.set('after', s.after);
  if (s.relation !== null) q.set('relation', s.relation);
  if (s.threshold !== null) q.set('threshold', s.threshold);
  if (s.wording !== null) q.set('wording', s.wording);
  if (s.bothMeasures) q.set('readings', 'both');
  if (s.weeks) q.set('unit', 'week');
  if (s.mapWeeks !== null) q.set('mapweeks', s.mapWeeks);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `?${q.toString()}`;
}

/** Is there a claim to check: a relation and its threshold (the API judges whether they are valid)? */
export function hasCheck(s: Pick<ViewState, 'relation' | 'threshold'>): boolean {
  return s.relation !== null && s.threshold !== null;
}

/**
 * Default compare periods: the latest complete month, against the same month a year before; in
 * weeks, the last four ACLED weeks against the four before them.
 */
export function defaultPeriods(
  country: Pick<CountryEntry, 'months' | 'categoryMonths' | 'partialMonths' | 'weeks'>,
  category: CategoryId,
  weeks = false,
): { before: string; after: string } {
  if (weeks && country.weeks) {
    const last = country.weeks.to;
    const start = addWeeks(last, -3);
    return { before: `${addWeeks(start, -4)}..${addDays(start, -1)}`, after: `${start}..${weekEnd(last)}` };
  }
  let after = country.categoryMonths?.[category]?.to ?? country.months.to;
  while (country.partialMonths.includes(after)) after = addMonths(after, -1);
  return { before: addMonths(after, -12), after };
}
