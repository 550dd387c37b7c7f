/**
 * The API's paths of series: one series (JSON or CSV), several categories of one place in one
 * request. Pure: no DOM; requests.ts and api.ts fetch them. The Compare view's paths (compare,
 * check) are views/compare-api.ts's: they load with that view.
 */
import type { CategoryId, Measure } from '../../model/categories.ts';
import type { ViewState } from './state.ts';

/** What names a series in the API: country, category, measure, region, range. */
export type SeriesParams = Pick<ViewState, 'country' | 'category' | 'measure' | 'admin1' | 'from' | 'to'>;

/** Series parameters for the API (country, category, measure, admin1, from, to) with overrides. */
export function seriesParams(s: SeriesParams, over: Partial<SeriesParams> = {}): URLSearchParams {
  const x = { ...s, ...over };
  const q = new URLSearchParams({ country: x.country, category: x.category, measure: x.measure });
  if (x.admin1 !== null) q.set('admin1', x.admin1);
  if (x.from !== null) q.set('from', x.from);
  if (x.to !== null) q.set('to', x.to);
  return q;
}

/** The API path of a series. */
export function seriesPath(s: SeriesParams, over: Partial<SeriesParams> = {}): string {
  return `/api/v1/series?${seriesParams(s, over).toString()}`;
}

/** The API's CSV of the same series (what the chart shows). */
export function seriesCsvPath(s: SeriesParams, over: Partial<SeriesParams> = {}): string {
  const q = seriesParams(s, over);
  q.set('format', 'csv');
  return `/api/v1/series?${q.toString()}`;
}

/**
 * The API path of several categories of one place and measure: one request, answered from one KV
 * read (the API's bundle), the series in the order asked; with `csv`, the same rows as the
 * categories' CSVs one after another.
 */
export function seriesSetPath(s: SeriesParams, categories: readonly CategoryId[], format?: 'csv'): string {
  const q = seriesParams(s);
  q.set('category', categories.join(','));
  if (format) q.set('format', format);
  return `/api/v1/series?${q.toString()}`;
}

/** A weekly series (ACLED weeks) of one place, category and measure, from the week starting `from` (a Saturday). */
export interface WeekParams {
  country: string;
  category: CategoryId;
  measure: Measure;
  admin1: string | null;
  from: string;
  to?: string;
}

/** The API path of a weekly series (`unit=week`); with `csv`, its CSV (one row per week). */
export function weekSeriesPath(w: WeekParams, format?: 'csv'): string {
  const q = new URLSearchParams({ country: w.country, category: w.category, measure: w.measure, unit: 'week', from: w.from });
  if (w.admin1 !== null) q.set('admin1', w.admin1);
  if (w.to) q.set('to', w.to);
  if (format) q.set('format', format);
  return `/api/v1/series?${q.toString()}`;
}
