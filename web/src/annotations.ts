/**
 * Turning points (coups) from data/annotations.json, each with its source, and where they fall
 * on a chart's time axis. Pure: no DOM.
 */
import ANNOTATIONS_FILE from '../../data/annotations.json' with { type: 'json' };
import { weekContaining } from '../../model/week.ts';
import { t } from './messages.ts';

/** A turning point from data/annotations.json (a coup, ...): drawn on every time axis. */
export interface Annotation {
  /** YYYY-MM-DD. */
  date: string;
  /** ISO 3166-1 alpha-3 code, as in the catalogue. */
  country: string;
  label: string;
  kind: string;
  source: string;
}

export const ANNOTATIONS: readonly Annotation[] = (ANNOTATIONS_FILE as { annotations: Annotation[] }).annotations;

export interface CoupMarker {
  /** Index of the event's month among the chart's months. */
  index: number;
  label: string;
  date: string;
}

/** Annotations in `country` whose month is among `months` (the chart's x axis). */
export function coupMarkers(country: string, months: readonly string[], coups: readonly Annotation[] = ANNOTATIONS): CoupMarker[] {
  return coups
    .filter((c) => c.country === country)
    .map((c) => ({ index: months.indexOf(c.date.slice(0, 7)), label: t.annotation(c.label, c.date), date: c.date }))
    .filter((m) => m.index >= 0);
}

/** Annotations in `country` whose ACLED week is among `weeks` (a weekly chart's week starts). */
export function coupWeekMarkers(country: string, weeks: readonly string[], coups: readonly Annotation[] = ANNOTATIONS): CoupMarker[] {
  return coups
    .filter((c) => c.country === country)
    .map((c) => ({ index: weeks.indexOf(weekContaining(c.date)), label: t.annotation(c.label, c.date), date: c.date }))
    .filter((m) => m.index >= 0);
}
