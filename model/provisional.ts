/**
 * What of a source is provisional: ACLED revises recent events for weeks after they happen
 * (the weekly file shows events added to Niger's weeks months later), so the newest stretch of
 * any download is the least settled. No change with a provisional side is presented as settled.
 * Pure.
 */
import { addDays } from './day.ts';
import { addWeeks } from './week.ts';

/**
 * The newest four weeks of a source are provisional: ACLED's own guidance is that recent weeks
 * are revised as reports come in, and four weeks is the revision window the issue sets.
 */
export const PROVISIONAL_WEEKS = 4;

/** The first provisional week of a weekly source whose last week starts on `lastWeek`. @example provisionalWeek('2026-03-14') === '2026-02-21' */
export function provisionalWeek(lastWeek: string): string {
  return addWeeks(lastWeek, 1 - PROVISIONAL_WEEKS);
}

/** The first provisional day of a daily source running through `through`: its newest four weeks. @example provisionalDay('2024-05-15') === '2024-04-18' */
export function provisionalDay(through: string): string {
  return addDays(through, 1 - 7 * PROVISIONAL_WEEKS);
}

/** The provisional month of a monthly (or daily) source: the month containing its end. @example provisionalMonth('2024-09-30') === '2024-09' */
export function provisionalMonth(through: string): string {
  return through.slice(0, 7);
}

/** The caveat of a comparison with a provisional side. */
export const PROVISIONAL_CAVEAT =
  "includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled";
