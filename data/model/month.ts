/** Calendar months as `YYYY-MM` strings: the project's one time unit. */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH_PATTERN.test(s);
}

/** The month `n` months after `m` (n may be negative). @example addMonths('2023-12', 1) === '2024-01' */
export function addMonths(m: string, n: number): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const i = y * 12 + (mo - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
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

/** @example monthLabel('2023-08') === 'August 2023' */
export function monthLabel(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[mo - 1]} ${y}`;
}

/**
 * A run of months in words. @example monthSpan('2022-01', '2022-08') === 'January–August 2022'
 * @example monthSpan('2022-12', '2023-02') === 'December 2022–February 2023'
 */
export function monthSpan(from: string, to: string): string {
  if (from === to) return monthLabel(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${MONTH_NAMES[Number(from.slice(5)) - 1]}–${monthLabel(to)}`;
  return `${monthLabel(from)}–${monthLabel(to)}`;
}
