/**
 * Numbers and days as every reader sees them, built on Intl (British English: "1,196",
 * "26 July 2023"). Pure: Intl is part of the language, in Node, workerd and browsers alike.
 */

// Made once: constructing an Intl formatter costs far more than formatting with it.
/** Thousands separated by commas, at most two decimals; a value that rounds to 0 is "0", never "-0". */
const NUMBER = /* @__PURE__ */ new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, signDisplay: 'negative' });
/**
 * Up to four decimals: the most any number in a generated sentence has (counts are integers,
 * means and changes are rounded to two decimals, a claim's threshold may have four), so every
 * such number is written exactly.
 */
const EXACT = /* @__PURE__ */ new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4, signDisplay: 'negative' });
/** Days are UTC calendar days: no time zone may move one to the day before. */
const DAY = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** @example fmtNum(1234) === '1,234', fmtNum(50.671) === '50.67', fmtNum(-4) === '-4' */
export function fmtNum(n: number): string {
  return NUMBER.format(n);
}

/** A number in a generated sentence, written exactly. @example fmtExact(5924) === '5,924', fmtExact(2.555) === '2.555' */
export function fmtExact(n: number): string {
  return EXACT.format(n);
}

/** A `YYYY-MM-DD` day in words. @example fmtDate('2024-05-15') === '15 May 2024' */
export function fmtDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return DAY.format(Date.UTC(y, m - 1, d));
}
