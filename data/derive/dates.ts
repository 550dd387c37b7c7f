/**
 * Validated `YYYY-MM` and `YYYY-MM-DD` text -> small whole numbers, read by character code
 * rather than by slicing and Number(): this runs once per row, millions of times. Pure.
 */

/** Character code of '0'; a digit's code minus this is its value. */
const ZERO = 0x30;
/** The year's four digit codes weighted 1000, 100, 10 and 1 sum to the year plus this: 48 x 1111 = 53328. */
const YEAR_OFFSET = ZERO * 1111;
/** Two digit codes weighted 10 and 1 sum to their number plus this: 48 x 11 = 528. */
const PAIR_OFFSET = ZERO * 11;

/** Every monthNumber is below this: months from January of year 0 to December of 9999. */
export const MONTH_LIMIT = 10_000 * 12;

/**
 * Months since January of year 0 (year x 12 + month - 1), below MONTH_LIMIT.
 * @example monthNumber('2023-07') === 2023 * 12 + 6
 */
export function monthNumber(m: string): number {
  const year = m.charCodeAt(0) * 1000 + m.charCodeAt(1) * 100 + m.charCodeAt(2) * 10 + m.charCodeAt(3) - YEAR_OFFSET;
  return year * 12 + (m.charCodeAt(5) * 10 + m.charCodeAt(6) - PAIR_OFFSET - 1);
}

/**
 * The day of the month (1 to 31) of a `YYYY-MM-DD` date.
 * @example dayOfMonth('2023-07-26') === 26
 */
export function dayOfMonth(date: string): number {
  return date.charCodeAt(8) * 10 + date.charCodeAt(9) - PAIR_OFFSET;
}
