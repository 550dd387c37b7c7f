/**
 * Calendar days as `YYYY-MM-DD` strings (UTC, no time of day): the unit of day windows ("the 30
 * days after 26 July"), beside the calendar months of month.ts. Pure: no Node or DOM imports.
 */
import { fmtDate } from './format.ts';
import type { Lang } from './lang.ts';
import { monthName, RANGE_DASH } from './month.ts';

export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const MS_PER_DAY = 86_400_000;

/** Is `s` written `YYYY-MM-DD` and a real calendar day? @example isDay('2024-02-29') === true, isDay('2023-02-29') === false */
export function isDay(s: string): boolean {
  if (!DAY_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC reads years 0 to 99 as 1900 to 1999; such years are not ACLED's anyway.
  return y >= 100 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Days since 1970-01-01 of a valid day. @example dayNumber('1970-01-02') === 1 */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The day `n` days after 1970-01-01. @example dayOfNumber(1) === '1970-01-02' */
export function dayOfNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (n may be negative). @example addDays('2023-12-31', 1) === '2024-01-01' */
export function addDays(day: string, n: number): string {
  return dayOfNumber(dayNumber(day) + n);
}

/** Number of days from `from` to `to`, both included. @example daysIn('2023-07-27', '2023-08-25') === 30 */
export function daysIn(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** @example dayLabel('2023-07-26') === '26 July 2023' */
export function dayLabel(day: string, lang: Lang = 'en'): string {
  return fmtDate(day, lang);
}

/**
 * A run of days in words, naming the month and year once where they are shared.
 * @example daySpan('2023-06-26', '2023-07-25') === '26 June–25 July 2023'
 * @example daySpan('2024-05-01', '2024-05-15') === '1–15 May 2024'
 * @example daySpan('2023-12-20', '2024-01-10') === '20 December 2023–10 January 2024'
 */
export function daySpan(from: string, to: string, lang: Lang = 'en'): string {
  if (from === to) return dayLabel(from, lang);
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const dash = RANGE_DASH[lang];
  const first = lang === 'fr' && fd === 1 ? '1er' : String(fd);
  if (fy !== Number(to.slice(0, 4))) return `${dayLabel(from, lang)}${dash}${dayLabel(to, lang)}`;
  if (fm !== Number(to.slice(5, 7))) return `${first} ${monthName(fm, lang)}${dash}${dayLabel(to, lang)}`;
  return `${first}${dash}${dayLabel(to, lang)}`;
}
