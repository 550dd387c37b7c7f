/**
 * The words of period problems (model/period.ts, PeriodProblem) in English, and the period syntax
 * described for messages and the API documentation. Apart from period.ts so that the page, which
 * parses periods but shows the API's messages, does not carry them. The French are in words.ts.
 */
import { daysInMonth, MONTH_NAMES, MONTH_PATTERN } from './month.ts';
import {
  MAX_WINDOW_DAYS,
  MAX_WINDOW_MONTHS,
  MAX_WINDOW_WEEKS,
  type PeriodMessages,
  type PeriodProblem,
  periodIssue,
  type Role,
  type Unit,
} from './period.ts';

/** What each role accepts, for messages and the API documentation. */
export const PERIOD_SYNTAX: Record<Role, string> = {
  after:
    'a month (YYYY-MM, e.g. 2023-08), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26) or a range of days (2023-07-27..2023-08-25, both days included)',
  before:
    'a month (YYYY-MM, e.g. 2023-07), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26), a range of days (2023-06-26..2023-07-25, both days included), trailing3 / trailing12 (the 3 or 12 months before "after" starts), trailingNd (the N days before "after" starts, e.g. trailing30d) or trailingNw (the N weeks before "after" starts, e.g. trailing4w; ACLED weeks run Saturday to Friday)',
};

const unitWords = (u: Unit) => (u === 'month' ? 'months' : 'days');

/** The English messages. */
export const PERIOD_MESSAGES: PeriodMessages = {
  trailingAfter: (p) => `${p.period} counts back from "after", so "after" cannot be one: give ${PERIOD_SYNTAX.after}`,
  trailingDays: (p) => `${p.period}: N in trailingNd must be from 1 to ${MAX_WINDOW_DAYS} days`,
  trailingWeeks: (p) => `${p.period}: N in trailingNw must be from 1 to ${MAX_WINDOW_WEEKS} weeks`,
  trailingMonths: (p) =>
    `${p.period}: the trailing months offered are trailing3 and trailing12; for days write trailingNd, e.g. trailing30d, for weeks trailingNw, e.g. trailing4w`,
  syntax: (p) => `must be ${PERIOD_SYNTAX[p.role]}`,
  notADay: (p) => {
    const month = p.day.slice(0, 7);
    if (!MONTH_PATTERN.test(month)) return `${p.day} is not a calendar day: months run from 01 to 12`;
    const [y, m] = month.split('-').map(Number) as [number, number];
    return `${p.day} is not a calendar day: ${MONTH_NAMES[m - 1]} ${y} has ${daysInMonth(month)} days`;
  },
  notAMonth: (p) => `${p.month} is not a month: months run from 01 to 12`,
  mixedEnds: (p) => `${p.period} mixes a month and a day: write both ends as months (YYYY-MM) or both as days (YYYY-MM-DD)`,
  backwards: (p) => `a range must run forwards: ${p.period} ends before it starts (write ${p.to}..${p.from})`,
  tooManyMonths: (p) => `${p.period} is ${p.months} months long; a period may be at most ${MAX_WINDOW_MONTHS} months (100 years)`,
  tooManyDays: (p) =>
    `${p.period} is ${p.days} days long; a day window may be at most ${MAX_WINDOW_DAYS} days (about ten years): use months for longer periods`,
  unitsDiffer: (p) =>
    `"before" (${p.before}) is in ${unitWords(p.beforeUnit)} and "after" (${p.after}) in ${unitWords(p.afterUnit)}: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)`,
  reversed: (p) =>
    `"before" (${p.before}) comes after "after" (${p.after}): "before" is the earlier period; to compare them the other way round, write before=${p.after}&after=${p.before}`,
  overlap: (p) =>
    `"before" (${p.before}) and "after" (${p.after}) overlap (${p.shared} is in both): "before" must end before "after" starts, e.g. before=${p.suggestion}&after=${p.after}`,
  beforeYear0: (p) => `${p.before} before ${p.after} would start before the year 0000: give "before" as a month or range`,
  beforeYear100: (p) => `${p.before} before ${p.after} would start before the year 0100: give "before" as a day or range of days`,
};

/** A problem in words, in the language of `messages` (English by default). */
export function periodMessage(p: PeriodProblem, messages: PeriodMessages = PERIOD_MESSAGES): string {
  return (messages[p.code] as (p: PeriodProblem) => string)(p);
}

/** The problem with one period in words (English), or null when it is well formed. */
export function periodProblem(s: string, role: Role): string | null {
  const p = periodIssue(s, role);
  return p && periodMessage(p);
}
