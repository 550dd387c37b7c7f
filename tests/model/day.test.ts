/** Days (model/day.ts): validation, arithmetic and wording. */
import { describe, expect, it } from 'vitest';
import { addDays, dayLabel, daySpan, daysIn, isDay } from '../../model/day.ts';

describe('days', () => {
  it.each([
    ['2023-07-26', true],
    ['2020-02-29', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-7-26', false],
    ['2023-07-26T00:00', false],
    ['0099-01-01', false],
  ])('isDay(%s) = %s', (s, ok) => {
    expect(isDay(s)).toBe(ok);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2023-07-27', -30)).toBe('2023-06-27');
    expect(addDays('2020-02-28', 366)).toBe('2021-02-28');
  });

  it('counts the days of a window, both ends included', () => {
    expect(daysIn('2023-07-27', '2023-08-25')).toBe(30);
    expect(daysIn('2023-06-26', '2023-07-25')).toBe(30);
    expect(daysIn('2023-07-26', '2023-07-26')).toBe(1);
    expect(daysIn('2020-02-28', '2020-03-01')).toBe(3);
    expect(daysIn('2023-02-28', '2023-03-01')).toBe(2);
    expect(daysIn('2019-01-01', '2024-05-15')).toBe(1962);
  });

  it('writes windows in words, naming a shared month or year once', () => {
    expect(dayLabel('2023-07-26')).toBe('26 July 2023');
    expect(daySpan('2023-07-26', '2023-07-26')).toBe('26 July 2023');
    expect(daySpan('2023-06-26', '2023-07-25')).toBe('26 June–25 July 2023');
    expect(daySpan('2024-05-01', '2024-05-15')).toBe('1–15 May 2024');
    expect(daySpan('2023-12-20', '2024-01-10')).toBe('20 December 2023–10 January 2024');
  });
});
