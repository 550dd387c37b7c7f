/** Month and day numbers read by character code (data/derive/dates.ts), against Number() on the slices. */
import { describe, expect, it } from 'vitest';
import { dayOfMonth, MONTH_LIMIT, monthNumber } from '../../../data/derive/dates.ts';

describe('monthNumber and dayOfMonth', () => {
  it('equal year x 12 + month - 1 and the day, from year 0 to 9999', () => {
    for (const [date, month, day] of [
      ['0000-01-01', 0, 1],
      ['2023-07-26', 2023 * 12 + 6, 26],
      ['2024-02-29', 2024 * 12 + 1, 29],
      ['9999-12-31', MONTH_LIMIT - 1, 31],
    ] as const) {
      expect(monthNumber(date.slice(0, 7)), date).toBe(month);
      expect(monthNumber(date), date).toBe(month);
      expect(dayOfMonth(date), date).toBe(day);
      expect(month, date).toBe(Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1);
    }
  });
});
