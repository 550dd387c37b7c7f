/**
 * The only place KV key strings are built. The pipeline writes these keys and the Worker reads
 * them. A dataset version's entries all live under `v:<version>:`; `current` points at one version;
 * `versions` lists the versions published, oldest first (for rollback and pruning).
 */

import type { CategoryId, Measure } from './categories.ts';
import type { Lang } from './lang.ts';

/** Key of the pointer to the version being served. Written last when publishing. */
export const POINTER_KEY = 'current';

/** Key of the list of published versions (JSON `PublishedVersion[]`, oldest first). */
export const VERSIONS_KEY = 'versions';

/**
 * Key of the last refresh from ACLED's API (JSON RefreshRun): written by the scheduled Workflow at
 * the end of every run, failed ones included, so that a failure is on record while the served
 * version stays as it was.
 */
export const REFRESH_KEY = 'refresh';

/** Prefix of the scratch entries of a running refresh (deleted when it ends). */
export const STAGE_KEY_PREFIX = 'refresh-stage:';

/** Every key of every dataset version starts with this. */
export const VERSION_KEY_PREFIX = 'v:';

/** Geography id: a country's ISO3, or ISO3 and admin1 slug. @example geoId('NER', 'tillaberi') === 'NER.tillaberi' */
export function geoId(iso3: string, admin1Slug: string | null): string {
  return admin1Slug ? `${iso3}.${admin1Slug}` : iso3;
}

/** Prefix of every key of one version. @example versionPrefix('abc') === 'v:abc:' */
export function versionPrefix(version: string): string {
  return `${VERSION_KEY_PREFIX}${version}:`;
}

/** The version a dataset key belongs to, or null for keys outside any version (pointer, list). */
export function versionOfKey(key: string): string | null {
  if (!key.startsWith(VERSION_KEY_PREFIX)) return null;
  const end = key.indexOf(':', VERSION_KEY_PREFIX.length);
  return end < 0 ? null : key.slice(VERSION_KEY_PREFIX.length, end);
}

export const keys = {
  catalogue: (version: string) => `${versionPrefix(version)}catalogue`,
  /** The evaluated claims, with their sentences in English (`claims`) or French (`claims:fr`). */
  claims: (version: string, lang: Lang = 'en') => `${versionPrefix(version)}claims${lang === 'en' ? '' : `:${lang}`}`,
  series: (version: string, geo: string, category: CategoryId, measure: Measure) =>
    `${versionPrefix(version)}series:${geo}:${category}:${measure}`,
  /** Every category of one geography and measure (for requests that ask for several). */
  bundle: (version: string, geo: string, measure: Measure) => `${versionPrefix(version)}bundle:${geo}:${measure}`,
  /** Both measures of one geography and category (for a claim read for events and fatalities). */
  measures: (version: string, geo: string, category: CategoryId) => `${versionPrefix(version)}measures:${geo}:${category}`,
  /** A country's daily counts of one category, both measures in one entry (countries only: see days.ts). */
  days: (version: string, iso3: string, category: CategoryId) => `${versionPrefix(version)}days:${iso3}:${category}`,
  /** What the version was built from (every source's aggregates and the claims): what a refresh merges into. */
  base: (version: string) => `${versionPrefix(version)}base`,
  /** The weekly cells of one country of what the version was built from (beside `base`, which names the countries). */
  baseWeekly: (version: string, iso3: string) => `${versionPrefix(version)}base:weekly:${iso3}`,
  /** The weekly counts of one geography (country or region) and category, both measures in one entry. */
  weeks: (version: string, geo: string, category: CategoryId) => `${versionPrefix(version)}weeks:${geo}:${category}`,
};
