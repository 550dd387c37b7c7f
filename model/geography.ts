/**
 * Countries the project knows by ISO 3166-1 alpha-3 code, and the one rule for naming admin1
 * regions in keys and URLs. Imports nothing Node- or DOM-specific.
 */

/** ACLED country names (as spelled in ACLED exports) and their ISO3 codes. */
export const COUNTRIES = [
  { iso3: 'BFA', name: 'Burkina Faso' },
  { iso3: 'TCD', name: 'Chad' },
  { iso3: 'MLI', name: 'Mali' },
  { iso3: 'NER', name: 'Niger' },
  { iso3: 'NGA', name: 'Nigeria' },
] as const;
export type Iso3 = (typeof COUNTRIES)[number]['iso3'];

/** ISO3 code for an ACLED country name or ISO3 code, case-insensitive; null when unknown. */
export function toIso3(nameOrCode: string): Iso3 | null {
  const q = fold(nameOrCode);
  const hit = COUNTRIES.find((c) => fold(c.iso3) === q || fold(c.name) === q);
  return hit ? hit.iso3 : null;
}

export function countryName(iso3: Iso3): string {
  return COUNTRIES.find((c) => c.iso3 === iso3)!.name;
}

/**
 * Accent- and case-insensitive form of a place name: "Tillabéri" and "TILLABERI" both give
 * "tillaberi". Used as the admin1 part of keys and to match user input and map outlines.
 * @example slug('Tillabéri') === 'tillaberi'
 */
export function slug(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();
}
