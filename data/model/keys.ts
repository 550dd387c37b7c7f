/**
 * The only place KV key strings are built. The pipeline writes these keys and the Worker reads
 * them. A dataset version's entries all live under `v:<version>:`; `current` points at one version.
 */
import type { CategoryId, Measure } from './categories.ts';

/** Key of the pointer to the version being served. Written last when publishing. */
export const POINTER_KEY = 'current';

/** Geography id: a country's ISO3, or ISO3 and admin1 slug. @example geoId('NER', 'tillaberi') === 'NER.tillaberi' */
export function geoId(iso3: string, admin1Slug: string | null): string {
  return admin1Slug ? `${iso3}.${admin1Slug}` : iso3;
}

export const keys = {
  catalogue: (version: string) => `v:${version}:catalogue`,
  claims: (version: string) => `v:${version}:claims`,
  series: (version: string, geo: string, category: CategoryId, measure: Measure) => `v:${version}:series:${geo}:${category}:${measure}`,
};
