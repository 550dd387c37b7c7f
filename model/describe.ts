/** Sentences generated from numbers, shared by claims, the compare route and the page. */
import type { Measure } from './categories.ts';
import type { Change } from './change.ts';
import { fmtExact } from './format.ts';
import { monthLabel } from './month.ts';
import type { SeriesInfo } from './types.ts';

export const MEASURE_WORDS: Record<Measure, string> = { events: 'events', fatalities: 'reported fatalities' };

/** @example subject('Political violence', 'events', 'Niger') === 'Political violence events in Niger' */
export function subject(categoryLabel: string, measure: Measure, place: string): string {
  return `${categoryLabel} ${MEASURE_WORDS[measure]} in ${place}`;
}

/** 'Niger', or 'Tillaberi (Niger)' for a region. */
export function placeName(s: Pick<SeriesInfo, 'country' | 'admin1'>): string {
  return s.admin1 ? `${s.admin1.name} (${s.country.name})` : s.country.name;
}

/** Signed percent for display. @example signedPct(48) === '+48%' */
export function signedPct(pct: number): string {
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

/**
 * How a value moved between two months.
 * @example movement({ month: '2023-07', value: 25 }, { month: '2023-08', value: 37 }, c)
 *   === 'rose from 25 in July 2023 to 37 in August 2023 (+48%, 1.48x)'
 */
export function movement(before: { month: string; value: number }, after: { month: string; value: number }, c: Change | null): string {
  const verb = after.value > before.value ? 'rose' : after.value < before.value ? 'fell' : 'stayed';
  const tail = c && c.pct !== null ? ` (${signedPct(c.pct)}, ${c.ratio}x)` : '';
  return `${verb} from ${fmtExact(before.value)} in ${monthLabel(before.month)} to ${fmtExact(after.value)} in ${monthLabel(after.month)}${tail}`;
}
