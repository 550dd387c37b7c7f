/**
 * The period syntax shared by the API's query, the claims file and the compare and claims
 * models: months (`2023-07`, `2023-05..2023-07`, `trailing3`, `trailing12`) or days
 * (`2023-07-26`, `2023-07-27..2023-08-25`, `trailing30d`). Weeks are day ranges too: an ACLED
 * week runs Saturday to Friday, so `2023-07-29..2023-08-25` is four whole weeks, and
 * `trailing4w` is the 28 days (four weeks) before "after" (see week.ts for alignment). Parsing says exactly what is wrong,
 * so the API's 400s and a malformed claims file give the same message. Pure.
 */
import { addDays, DAY_PATTERN, dayNumber, daySpan, daysIn, isDay } from './day.ts';
import type { Lang } from './lang.ts';
import { addMonths, MAX_MONTHS, MONTH_PATTERN, monthIndex, monthSpan, monthsIn } from './month.ts';

export type Unit = 'month' | 'day';

/**
 * Longest day window: 3,660 days, about ten years (the whole daily record is about five). A
 * longer period is a question for months, and the bound keeps every sum a request makes small.
 */
export const MAX_WINDOW_DAYS = 3660;

/** Longest month period: 1,200 months (100 years; the data span about ten). See month.ts, MAX_MONTHS. */
export const MAX_WINDOW_MONTHS = MAX_MONTHS;

/** A period's ends as numbers (months since year 0, or days since 1970), so they are compared as numbers, never as strings. */
export const position = (unit: Unit, p: string): number => (unit === 'day' ? dayNumber(p) : monthIndex(p));

/** Trailing month periods offered (a quarter and a year, as the series' own baselines). */
export const TRAILING_MONTHS = [3, 12] as const;

/** A run of months or days, both ends included. */
export interface Window {
  unit: Unit;
  from: string;
  to: string;
}

/** A period as written: a window, or `trailing...` (which needs the `after` period to count back from). */
export type ParsedPeriod = ({ kind: 'window' } & Window) | { kind: 'trailing'; unit: Unit; n: number };

export type Role = 'before' | 'after';

/**
 * Why a period, or a pair of periods, is refused: what happened and the values a message needs.
 * The message is written per language from these (PERIOD_MESSAGES below for English, the French in
 * model/words.ts), so the API answers a 400 in the language asked for.
 */
export type PeriodProblem =
  | { code: 'trailingAfter'; period: string }
  | { code: 'trailingDays'; period: string }
  | { code: 'trailingWeeks'; period: string }
  | { code: 'trailingMonths'; period: string }
  | { code: 'syntax'; role: Role }
  | { code: 'notADay'; day: string }
  | { code: 'notAMonth'; month: string }
  | { code: 'mixedEnds'; period: string }
  | { code: 'backwards'; period: string; from: string; to: string }
  | { code: 'tooManyMonths'; period: string; months: number }
  | { code: 'tooManyDays'; period: string; days: number }
  | { code: 'unitsDiffer'; before: string; after: string; beforeUnit: Unit; afterUnit: Unit }
  | { code: 'reversed'; before: string; after: string }
  | { code: 'overlap'; before: string; after: string; shared: string; suggestion: string }
  | { code: 'beforeYear0'; before: string; after: string }
  | { code: 'beforeYear100'; before: string; after: string };

/** A message for each kind of problem, in one language: a missing one is a type error. */
export type PeriodMessages = { [C in PeriodProblem['code']]: (p: Extract<PeriodProblem, { code: C }>) => string };

/**
 * An ill-formed period, or two that cannot be compared. `problem` says what (periodMessage in
 * model/period-messages.ts writes it in words, with what to write instead); the message names it
 * only, so that the page, which checks periods but shows the API's messages, carries no messages.
 */
export class PeriodSyntaxError extends Error {
  readonly problem: PeriodProblem;
  constructor(problem: PeriodProblem) {
    super(`period refused (${problem.code}): ${JSON.stringify(problem)}`);
    this.problem = problem;
  }
}

/** Longest trailingNw: as many whole weeks as fit in the longest day window (522 weeks). */
export const MAX_WINDOW_WEEKS = Math.floor(MAX_WINDOW_DAYS / 7);

const MONTH_OR_DAY = /^\d{4}-\d{2}(-\d{2})?$/;

/** Parse one period. Throws PeriodSyntaxError with what to fix. */
export function parsePeriod(s: string, role: Role): ParsedPeriod {
  const trailing = s.match(/^trailing(\d{1,5})([dw]?)$/);
  if (trailing) {
    if (role === 'after') throw new PeriodSyntaxError({ code: 'trailingAfter', period: s });
    const n = Number(trailing[1]);
    if (trailing[2] === 'd') {
      if (n < 1 || n > MAX_WINDOW_DAYS) throw new PeriodSyntaxError({ code: 'trailingDays', period: s });
      return { kind: 'trailing', unit: 'day', n };
    }
    if (trailing[2] === 'w') {
      if (n < 1 || n > MAX_WINDOW_WEEKS) throw new PeriodSyntaxError({ code: 'trailingWeeks', period: s });
      // N weeks are 7N days: a day window, whole weeks when "after" starts on a Saturday.
      return { kind: 'trailing', unit: 'day', n: 7 * n };
    }
    if (!(TRAILING_MONTHS as readonly number[]).includes(n)) throw new PeriodSyntaxError({ code: 'trailingMonths', period: s });
    return { kind: 'trailing', unit: 'month', n };
  }
  const parts = s.split('..');
  if (parts.length > 2 || parts.some((p) => !MONTH_OR_DAY.test(p))) throw new PeriodSyntaxError({ code: 'syntax', role });
  const [from, to = from] = parts as [string, string?];
  for (const p of [from, to]) {
    if (p.length === 10 && !isDay(p)) throw new PeriodSyntaxError({ code: 'notADay', day: p });
    if (p.length === 7 && !MONTH_PATTERN.test(p)) throw new PeriodSyntaxError({ code: 'notAMonth', month: p });
  }
  if (from.length !== to.length) throw new PeriodSyntaxError({ code: 'mixedEnds', period: s });
  const unit: Unit = from.length === 10 ? 'day' : 'month';
  if (position(unit, from) > position(unit, to)) throw new PeriodSyntaxError({ code: 'backwards', period: s, from, to });
  if (unit === 'month' && monthsIn(from, to) > MAX_WINDOW_MONTHS)
    throw new PeriodSyntaxError({ code: 'tooManyMonths', period: s, months: monthsIn(from, to) });
  if (unit === 'day' && daysIn(from, to) > MAX_WINDOW_DAYS)
    throw new PeriodSyntaxError({ code: 'tooManyDays', period: s, days: daysIn(from, to) });
  return { kind: 'window', unit, from, to };
}

/** What is wrong with one period, or null when it is well formed (for request validation). */
export function periodIssue(s: string, role: Role): PeriodProblem | null {
  try {
    parsePeriod(s, role);
    return null;
  } catch (e) {
    if (e instanceof PeriodSyntaxError) return e.problem;
    throw e;
  }
}

/**
 * Both periods resolved to windows of one unit (`before` null for a claim about `after` alone).
 * `trailingN` / `trailingNd` end the month or day before `after` starts. "before" must end before
 * "after" starts: reversed or overlapping periods are refused, with the periods to write instead
 * (a change from a later period to an earlier one, or between periods sharing months, would be
 * read as a rise or fall that did not happen). Throws PeriodSyntaxError.
 */
export function resolvePeriods(before: string | null, after: string): { unit: Unit; before: Window | null; after: Window } {
  const a = parsePeriod(after, 'after') as { kind: 'window' } & Window;
  if (before === null) return { unit: a.unit, before: null, after: window(a) };
  const b = parsePeriod(before, 'before');
  if (b.unit !== a.unit) throw new PeriodSyntaxError({ code: 'unitsDiffer', before, after, beforeUnit: b.unit, afterUnit: a.unit });
  if (b.kind === 'window') {
    const [bw, aw] = [window(b), window(a)];
    const at = (p: string) => position(a.unit, p);
    if (at(bw.from) >= at(aw.from) && at(bw.to) > at(aw.to)) throw new PeriodSyntaxError({ code: 'reversed', before, after });
    if (at(bw.to) >= at(aw.from)) {
      const shared = at(bw.from) > at(aw.from) ? bw.from : aw.from;
      // The suggestion: "before" cut to end just before "after" starts (or the month or day before it).
      const end = back(a.unit, aw.from, -1);
      const start = at(bw.from) < at(aw.from) ? bw.from : end;
      throw new PeriodSyntaxError({ code: 'overlap', before, after, shared, suggestion: start === end ? end : `${start}..${end}` });
    }
    return { unit: a.unit, before: bw, after: aw };
  }
  // Counted as a number: a month before the year 0000 has no YYYY-MM form to be checked by.
  if (a.unit === 'month' && monthIndex(a.from) - b.n < 0) throw new PeriodSyntaxError({ code: 'beforeYear0', before, after });
  const from = back(a.unit, a.from, -b.n);
  // Days are real calendar days from the year 100 on (isDay, model/day.ts), as every parsed day is.
  if (a.unit === 'day' && Number(from.slice(0, 4)) < 100) throw new PeriodSyntaxError({ code: 'beforeYear100', before, after });
  return { unit: a.unit, before: { unit: a.unit, from, to: back(a.unit, a.from, -1) }, after: window(a) };
}

const back = (unit: Unit, p: string, n: number) => (unit === 'day' ? addDays(p, n) : addMonths(p, n));

/** What is wrong with a pair of periods, or null (for request validation). */
export function periodsIssue(before: string | null, after: string): PeriodProblem | null {
  try {
    resolvePeriods(before, after);
    return null;
  } catch (e) {
    if (e instanceof PeriodSyntaxError) return e.problem;
    throw e;
  }
}

const window = (w: Window): Window => ({ unit: w.unit, from: w.from, to: w.to });

/** Is this a day period (a day, a range of days, trailingNd or trailingNw)? Only the syntax is looked at. */
export function isDayPeriod(s: string): boolean {
  return /^trailing\d+[dw]$/.test(s) || DAY_PATTERN.test(s.split('..')[0] ?? '');
}

/** A window in words: 'July 2023', 'May–July 2023', '27 July–25 August 2023'. */
export function windowLabel(w: Pick<Window, 'unit' | 'from' | 'to'>, lang: Lang = 'en'): string {
  return w.unit === 'day' ? daySpan(w.from, w.to, lang) : monthSpan(w.from, w.to, lang);
}
