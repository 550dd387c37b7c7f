/**
 * Day windows: where they exist and why only there. Daily counts are kept at country level, for
 * countries with an event-level source, never per region. Pure.
 */

/**
 * The rule and its reason. ACLED's terms restrict redistributing event rows and let the project
 * ship aggregates; counts per region x day x category come close to listing single events (most
 * such cells hold one), while a country's daily totals carry no place, actor or note.
 */
export const DAY_WINDOWS_RULE =
  'Day windows are offered at country level only, for countries with an event-level source: ' +
  "ACLED's terms restrict redistributing event rows, and counts per region, day and category come close to " +
  "listing single events, while a country's daily totals carry no place, actor or note.";

/** Why a region has no day windows (a reading on one cannot be decided). */
export const REGION_DAYS_WHY = `Day windows are not offered for regions (admin1); use months for a region. ${DAY_WINDOWS_RULE}`;

/** Where day windows exist, for messages. @example daysWhere([{ iso3: 'NER', name: 'Niger', from: '2019-01-01', through: '2024-05-15' }]) */
export function daysWhere(available: readonly { iso3: string; name: string; from: string; through: string }[]): string {
  if (available.length === 0) return 'this dataset has daily counts for no country';
  return `daily counts exist for ${available.map((a) => `${a.name} (${a.iso3}, ${a.from} to ${a.through})`).join(', ')}`;
}

/** Why a country has no day windows: it has country x month tables only. */
export function noDaysWhy(country: string, available: Parameters<typeof daysWhere>[0]): string {
  return `${country} has no event-level source (only country x month tables), so it has no daily counts; ${daysWhere(available)}. ${DAY_WINDOWS_RULE}`;
}
