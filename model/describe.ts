/** Sentences generated from numbers, shared by claims, the compare route and the page. */
import type { Measure } from './categories.ts';
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
