/** Calendar months as `YYYY-MM` strings: the project's one time unit. */
import type { Lang } from './lang.ts';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH_PATTERN.test(s);
}

/**
 * Longest run of months any request may expand: 100 years, ten times the span of the data. The
 * API refuses longer periods (period.ts) and periods outside the data before expanding them;
 * monthRange enforces the cap itself, so no caller can loop for longer.
 */
export const MAX_MONTHS = 1200;

/**
 * Work done expanding periods (months and days visited), for the cost test: every loop over a
 * user-given period adds to it, so a test can assert that no request costs more than a budget.
 */
export const expansion = { steps: 0 };

/** Months since 0000-01, as a number: months are compared and counted by it, never as strings. @example monthIndex('0001-01') === 12 */
export function monthIndex(m: string): number {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return y * 12 + (mo - 1);
}

/** The month of an index (years written with at least four digits). @example monthOfIndex(12) === '0001-01' */
export function monthOfIndex(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((((i % 12) + 12) % 12) + 1).padStart(2, '0')}`;
}

/** The month `n` months after `m` (n may be negative). @example addMonths('2023-12', 1) === '2024-01' */
export function addMonths(m: string, n: number): string {
  return monthOfIndex(monthIndex(m) + n);
}

/** Number of months from `from` to `to`, both included (0 when `to` is before `from`). @example monthsIn('2023-05', '2023-07') === 3 */
export function monthsIn(from: string, to: string): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** Every month from `from` to `to`, inclusive. Throws RangeError beyond MAX_MONTHS months. */
export function monthRange(from: string, to: string): string[] {
  const n = monthsIn(from, to);
  if (n > MAX_MONTHS) throw new RangeError(`monthRange: ${from}..${to} is ${n} months, more than ${MAX_MONTHS}`);
  const start = monthIndex(from);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(monthOfIndex(start + i));
  expansion.steps += n;
  return out;
}

/** Number of days in a month. */
export function daysInMonth(m: string): number {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

let frenchMonths: Intl.DateTimeFormat | undefined;

/** A month's name (1-12) in a language; French from Intl, lower case as French writes it ("août"). */
export function monthName(mo: number, lang: Lang = 'en'): string {
  if (lang === 'en') return MONTH_NAMES[mo - 1] ?? '';
  frenchMonths ??= new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' });
  return frenchMonths.format(Date.UTC(2000, mo - 1, 1));
}

/** The dash between the ends of a range: French spaces it ("mai – juillet 2023"). */
export const RANGE_DASH: Record<Lang, string> = { en: '–', fr: ' – ' };

/** @example monthLabel('2023-08') === 'August 2023', monthLabel('2023-08', 'fr') === 'août 2023' */
export function monthLabel(m: string, lang: Lang = 'en'): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return `${monthName(mo, lang)} ${y}`;
}

/**
 * A run of months in words. @example monthSpan('2022-01', '2022-08') === 'January–August 2022'
 * @example monthSpan('2022-12', '2023-02') === 'December 2022–February 2023'
 */
export function monthSpan(from: string, to: string, lang: Lang = 'en'): string {
  if (from === to) return monthLabel(from, lang);
  const dash = RANGE_DASH[lang];
  if (from.slice(0, 4) === to.slice(0, 4)) return `${monthName(Number(from.slice(5)), lang)}${dash}${monthLabel(to, lang)}`;
  return `${monthLabel(from, lang)}${dash}${monthLabel(to, lang)}`;
}
