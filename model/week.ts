/**
 * ACLED weeks: Saturday to Friday, named by the Saturday that starts them (`YYYY-MM-DD`), the
 * unit of ACLED's weekly aggregated data. Weekly counts are exact in this unit and are never
 * split into calendar months. Week arithmetic is done on day numbers (days since 1970-01-01),
 * never by stepping through dates. Pure: no Node or DOM imports.
 */
import { addDays, dayLabel, dayNumber, dayOfNumber, daySpan, isDay } from './day.ts';

/**
 * Day number of a Saturday: 1970-01-01 was a Thursday, so 1970-01-03 (day 2) was a Saturday;
 * every week start is 2 + 7k for some whole k.
 */
const SATURDAY_ZERO = 2;

/**
 * Longest run of weeks any function here enumerates: 1,600 weeks (about 30.7 years). ACLED's
 * weekly data for Africa start on 1997-01-04, so the whole record fits until 2027-09, and a
 * request for the year 9999 is refused before any loop, costing what a request for 2023 costs.
 */
export const MAX_RANGE_WEEKS = 1600;

/**
 * Longest day range checked for week alignment: 3,660 days, as the longest day window
 * (MAX_WINDOW_DAYS in model/period.ts, kept equal by a test).
 */
export const MAX_ALIGN_DAYS = 3660;

const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/** A week-start text that is not one, or a range too long: the message says what to write instead. */
export class WeekSyntaxError extends Error {}

/** The weekday of a valid day. @example weekday('2026-03-14') === 'Saturday' */
export function weekday(day: string): string {
  return WEEKDAYS[mod(dayNumber(day), 7)]!;
}

/** Is `s` a real calendar day `YYYY-MM-DD` that is a Saturday? @example isWeekStart('2026-03-14') === true */
export function isWeekStart(s: string): boolean {
  return isDay(s) && mod(dayNumber(s) - SATURDAY_ZERO, 7) === 0;
}

/**
 * ACLED week index of a week start (or of any day: the week containing it): whole weeks since
 * the week of 1970-01-03. @example weekIndex('1970-01-10') === 1
 */
export function weekIndex(day: string): number {
  return Math.floor((dayNumber(day) - SATURDAY_ZERO) / 7);
}

/** The week start of an index. @example weekOfIndex(1) === '1970-01-10' */
export function weekOfIndex(i: number): string {
  return dayOfNumber(SATURDAY_ZERO + 7 * i);
}

/** The week (its Saturday) containing a valid day. @example weekContaining('2026-03-20') === '2026-03-14' */
export function weekContaining(day: string): string {
  return weekOfIndex(weekIndex(day));
}

/** The Friday that ends a week. @example weekEnd('2026-03-14') === '2026-03-20' */
export function weekEnd(week: string): string {
  return addDays(week, 6);
}

/** The week `n` weeks after `week` (n may be negative). @example addWeeks('2026-03-14', -1) === '2026-03-07' */
export function addWeeks(week: string, n: number): string {
  return weekOfIndex(weekIndex(week) + n);
}

/** Number of weeks from `from` to `to`, both included (0 when `to` is before `from`). */
export function weeksIn(from: string, to: string): number {
  return Math.max(0, weekIndex(to) - weekIndex(from) + 1);
}

/**
 * The nearest Saturdays around a day: the one on or before it and the one after it (the same
 * day twice for a Saturday). @example nearestWeekStarts('2026-03-15') gives 2026-03-14 and 2026-03-21
 */
export function nearestWeekStarts(day: string): { before: string; after: string } {
  const before = weekContaining(day);
  return { before, after: before === day ? day : addWeeks(before, 1) };
}

/**
 * Parse a week start as written in a request or a file: a real `YYYY-MM-DD` that is a
 * Saturday. Throws WeekSyntaxError naming the nearest Saturdays.
 * @example parseWeekStart('2026-03-15') throws '2026-03-15 is a Sunday, not the Saturday that starts an ACLED week ...'
 */
export function parseWeekStart(s: string): string {
  const t = s.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t))
    throw new WeekSyntaxError(`"${s}" is not a week: give the Saturday that starts it, as YYYY-MM-DD (e.g. 2026-03-14)`);
  if (!isDay(t)) throw new WeekSyntaxError(`${t} is not a calendar day: give the Saturday that starts the week, as YYYY-MM-DD`);
  if (isWeekStart(t)) return t;
  const { before, after } = nearestWeekStarts(t);
  return fail(
    `${t} is a ${weekday(t)}, not the Saturday that starts an ACLED week (weeks run Saturday to Friday); ` +
      `the nearest are ${before} (the week ${daySpan(before, weekEnd(before))}) and ${after} (${daySpan(after, weekEnd(after))})`,
  );
}

/** The problem with a week start, or null when it is one (for request validation and row rejection). */
export function weekProblem(s: string): string | null {
  try {
    parseWeekStart(s);
    return null;
  } catch (e) {
    if (e instanceof WeekSyntaxError) return e.message;
    throw e;
  }
}

/**
 * Every week start from `from` to `to` (both week starts, included); refused (before any loop)
 * when the range runs backwards or holds more than MAX_RANGE_WEEKS weeks.
 */
export function weekRange(from: string, to: string): string[] {
  const a = weekIndex(parseWeekStart(from));
  const b = weekIndex(parseWeekStart(to));
  if (b < a) fail(`a range of weeks must run forwards: ${from}..${to} ends before it starts (write ${to}..${from})`);
  if (b - a + 1 > MAX_RANGE_WEEKS)
    fail(`${from}..${to} is ${b - a + 1} weeks; at most ${MAX_RANGE_WEEKS} weeks (about 30 years) can be asked for at once`);
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(weekOfIndex(i));
  return out;
}

/** A run of whole weeks, both ends week starts: `to` is the start of the last week. */
export interface WeekSpan {
  /** First week start (a Saturday). */
  from: string;
  /** Last week start (a Saturday); the span ends on weekEnd(to), a Friday. */
  to: string;
  weeks: number;
  /** The days covered, Saturday to Friday: `from..weekEnd(to)`. */
  days: { from: string; to: string };
}

export type Alignment =
  | { aligned: true; span: WeekSpan }
  | {
      aligned: false;
      /** Why not, in words, naming the nearest aligned ranges. */
      reason: string;
      /** The whole weeks inside the range (null when it holds none). */
      inside: WeekSpan | null;
      /** The fewest whole weeks covering the range. */
      covering: WeekSpan;
    };

/**
 * Is a day range (both days included) made of whole ACLED weeks, Saturday to Friday? If not,
 * the nearest aligned ranges: the whole weeks inside it and the whole weeks covering it.
 * Throws WeekSyntaxError for ill-formed days, a reversed range or one over MAX_ALIGN_DAYS.
 * @example alignment('2023-07-29', '2023-08-25') gives { aligned: true, span: { from: '2023-07-29', to: '2023-08-19', weeks: 4, ... } }
 */
export function alignment(from: string, to: string): Alignment {
  for (const d of [from, to]) if (!isDay(d)) fail(`${d} is not a calendar day written YYYY-MM-DD`);
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) fail(`a range must run forwards: ${from}..${to} ends before it starts (write ${to}..${from})`);
  if (b - a + 1 > MAX_ALIGN_DAYS) fail(`${from}..${to} is ${b - a + 1} days long; at most ${MAX_ALIGN_DAYS} days (about ten years)`);
  const first = Math.ceil((a - SATURDAY_ZERO) / 7); // first week starting on or after `from`
  const last = Math.floor((b - SATURDAY_ZERO + 1) / 7) - 1; // last week ending on or before `to`
  const outFirst = Math.floor((a - SATURDAY_ZERO) / 7);
  const outLast = Math.floor((b - SATURDAY_ZERO) / 7);
  if (first === outFirst && last === outLast) return { aligned: true, span: span(first, last) };
  const inside = last >= first ? span(first, last) : null;
  const covering = span(outFirst, outLast);
  const ends = [first !== outFirst ? `starts on a ${weekday(from)}` : null, last !== outLast ? `ends on a ${weekday(to)}` : null].filter(
    (x): x is string => x !== null,
  );
  const options = [inside ? `${describe(inside)}, inside it` : null, `${describe(covering)}, covering it`].filter(
    (x): x is string => x !== null,
  );
  return {
    aligned: false,
    reason:
      `${from}..${to} is not a run of whole ACLED weeks (Saturday to Friday): it ${ends.join(' and ')}; ` +
      `the nearest whole-week ranges are ${options.join(' and ')}`,
    inside,
    covering,
  };
}

/** The weeks of a span in words. @example weekLabel('2026-03-14') === '14–20 March 2026' */
export function weekLabel(week: string): string {
  return daySpan(week, weekEnd(week));
}

/**
 * @example weekName('2026-03-14') === 'the week of 14 March 2026'
 * @public For the generated sentences once weekly series are served (issue 14).
 */
export function weekName(week: string): string {
  return `the week of ${dayLabel(week)}`;
}

function span(first: number, last: number): WeekSpan {
  const from = weekOfIndex(first);
  const to = weekOfIndex(last);
  return { from, to, weeks: last - first + 1, days: { from, to: weekEnd(to) } };
}

function describe(s: WeekSpan): string {
  return `${s.days.from}..${s.days.to} (${s.weeks} week${s.weeks === 1 ? '' : 's'})`;
}

function fail(message: string): never {
  throw new WeekSyntaxError(message);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
