/**
 * The view's state (country, category, measure, region), read from and written to the URL query.
 * Pure: no DOM.
 */
import type { CategoryId, Measure } from '../../data/model/categories.ts';
import type { CountryEntry } from '../../data/model/types.ts';

export interface ViewState {
  country: string;
  category: CategoryId;
  measure: Measure;
  /** Admin1 slug, or null for the country total. */
  admin1: string | null;
}

export const DEFAULT_STATE: ViewState = {
  country: 'NER',
  category: 'political_violence',
  measure: 'events',
  admin1: null,
};

const MEASURE_VALUES: readonly Measure[] = ['events', 'fatalities'];

/**
 * The state the query asks for, corrected to what the catalogue offers: an unknown country falls
 * back to the default, a category the country lacks to political violence (or its first one), an
 * unknown region to the country total.
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
  const a = query.get('admin1');
  const admin1 = country.admin1.find((r) => r.slug === a)?.slug ?? null;
  return { country: country.iso3, category, measure, admin1 };
}

/** The URL query for a state: `?country=NER&category=political_violence&measure=events[&admin1=...]`. */
export function stateQuery(s: ViewState): string {
  const q = new URLSearchParams({ country: s.country, category: s.category, measure: s.measure });
  if (s.admin1 !== null) q.set('admin1', s.admin1);
  return `?${q.toString()}`;
}

/** The API path of a state's series; `admin1` overrides the state's region (null = country total). */
export function seriesPath(s: ViewState, admin1: string | null = s.admin1): string {
  const q = new URLSearchParams({ country: s.country, category: s.category, measure: s.measure });
  if (admin1 !== null) q.set('admin1', admin1);
  return `/api/v1/series?${q.toString()}`;
}
