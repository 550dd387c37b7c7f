/** The period syntax (model/period.ts) shared by the API and the claims file. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../model/day.ts';
import { isDayPeriod, MAX_WINDOW_DAYS, PeriodSyntaxError, parsePeriod, resolvePeriods } from '../../model/period.ts';
import { periodMessage, periodProblem } from '../../model/period-messages.ts';

/** The error a call throws (it must throw). */
function catchPeriod(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a PeriodSyntaxError');
}

describe('periods', () => {
  it.each([
    ['2023-07', 'after', { kind: 'window', unit: 'month', from: '2023-07', to: '2023-07' }],
    ['2023-05..2023-07', 'after', { kind: 'window', unit: 'month', from: '2023-05', to: '2023-07' }],
    ['trailing12', 'before', { kind: 'trailing', unit: 'month', n: 12 }],
    ['2023-07-26', 'after', { kind: 'window', unit: 'day', from: '2023-07-26', to: '2023-07-26' }],
    ['2023-07-27..2023-08-25', 'after', { kind: 'window', unit: 'day', from: '2023-07-27', to: '2023-08-25' }],
    ['2024-02-29', 'after', { kind: 'window', unit: 'day', from: '2024-02-29', to: '2024-02-29' }],
    ['trailing30d', 'before', { kind: 'trailing', unit: 'day', n: 30 }],
    ['trailing3660d', 'before', { kind: 'trailing', unit: 'day', n: 3660 }],
  ] as const)('%s as %s', (s, role, parsed) => {
    expect(parsePeriod(s, role)).toEqual(parsed);
  });

  it.each([
    ['2023-02-30', 'after', '2023-02-30 is not a calendar day: February 2023 has 28 days'],
    ['2023-02-29..2023-03-10', 'after', '2023-02-29 is not a calendar day: February 2023 has 28 days'],
    ['2023-07-01..2023-06-31', 'after', '2023-06-31 is not a calendar day: June 2023 has 30 days'],
    ['2023-13-01', 'after', '2023-13-01 is not a calendar day: months run from 01 to 12'],
    ['2023-13', 'after', '2023-13 is not a month: months run from 01 to 12'],
    [
      '2023-08-25..2023-07-27',
      'after',
      'a range must run forwards: 2023-08-25..2023-07-27 ends before it starts (write 2023-07-27..2023-08-25)',
    ],
    ['2023-08..2023-06', 'before', 'a range must run forwards: 2023-08..2023-06 ends before it starts (write 2023-06..2023-08)'],
    [
      '2023-07..2023-08-25',
      'after',
      '2023-07..2023-08-25 mixes a month and a day: write both ends as months (YYYY-MM) or both as days (YYYY-MM-DD)',
    ],
    [
      '2010-01-01..2023-08-25',
      'after',
      `2010-01-01..2023-08-25 is 4985 days long; a day window may be at most ${MAX_WINDOW_DAYS} days (about ten years): use months for longer periods`,
    ],
    [
      'trailing30d',
      'after',
      'trailing30d counts back from "after", so "after" cannot be one: give a month (YYYY-MM, e.g. 2023-08), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26) or a range of days (2023-07-27..2023-08-25, both days included)',
    ],
    ['trailing0d', 'before', 'trailing0d: N in trailingNd must be from 1 to 3660 days'],
    ['trailing3661d', 'before', 'trailing3661d: N in trailingNd must be from 1 to 3660 days'],
    [
      'trailing2',
      'before',
      'trailing2: the trailing months offered are trailing3 and trailing12; for days write trailingNd, e.g. trailing30d, for weeks trailingNw, e.g. trailing4w',
    ],
    [
      '26 July 2023',
      'after',
      'must be a month (YYYY-MM, e.g. 2023-08), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26) or a range of days (2023-07-27..2023-08-25, both days included)',
    ],
    [
      '2023-07-27..2023-08-01..2023-08-25',
      'after',
      'must be a month (YYYY-MM, e.g. 2023-08), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26) or a range of days (2023-07-27..2023-08-25, both days included)',
    ],
  ] as const)('%s as %s is refused: %s', (s, role, message) => {
    expect(() => parsePeriod(s, role)).toThrow(PeriodSyntaxError);
    expect(() => parsePeriod(s, role)).toThrow(expect.objectContaining({ problem: expect.anything() }));
    expect(periodMessage((catchPeriod(() => parsePeriod(s, role)) as PeriodSyntaxError).problem)).toBe(message);
    expect(periodProblem(s, role)).toBe(message);
  });

  it('accepts a day window of exactly 3,660 days and refuses 3,661', () => {
    const from = '2014-01-01';
    expect(periodProblem(`${from}..${addDays(from, MAX_WINDOW_DAYS - 1)}`, 'after')).toBeNull();
    expect(periodProblem(`${from}..${addDays(from, MAX_WINDOW_DAYS)}`, 'after')).toMatch(/is 3661 days long/);
  });

  it('resolves trailing periods against "after": the months or days just before it starts', () => {
    expect(resolvePeriods('trailing30d', '2023-07-27..2023-08-25')).toEqual({
      unit: 'day',
      before: { unit: 'day', from: '2023-06-27', to: '2023-07-26' },
      after: { unit: 'day', from: '2023-07-27', to: '2023-08-25' },
    });
    // Across a leap day and a year boundary.
    expect(resolvePeriods('trailing3d', '2024-03-01').before).toEqual({ unit: 'day', from: '2024-02-27', to: '2024-02-29' });
    expect(resolvePeriods('trailing7d', '2024-01-03').before).toEqual({ unit: 'day', from: '2023-12-27', to: '2024-01-02' });
    expect(resolvePeriods('trailing3', '2023-01..2023-02').before).toEqual({ unit: 'month', from: '2022-10', to: '2022-12' });
    expect(resolvePeriods(null, '2023-07-26')).toEqual({
      unit: 'day',
      before: null,
      after: { unit: 'day', from: '2023-07-26', to: '2023-07-26' },
    });
  });

  it.each([
    [
      '2023-07',
      '2023-07-27..2023-08-25',
      '"before" (2023-07) is in months and "after" (2023-07-27..2023-08-25) in days: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
    ],
    [
      '2023-06-26..2023-07-25',
      '2023-08',
      '"before" (2023-06-26..2023-07-25) is in days and "after" (2023-08) in months: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
    ],
    [
      'trailing30d',
      '2023-08',
      '"before" (trailing30d) is in days and "after" (2023-08) in months: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
    ],
    [
      'trailing3',
      '2023-08-01',
      '"before" (trailing3) is in months and "after" (2023-08-01) in days: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
    ],
  ])('refuses %s against %s: both periods must be of one unit', (before, after, message) => {
    expect(() => resolvePeriods(before, after)).toThrow(PeriodSyntaxError);
    expect(periodMessage((catchPeriod(() => resolvePeriods(before, after)) as PeriodSyntaxError).problem)).toBe(message);
  });

  it('refuses trailing months that would start before the year 0000 (they have no YYYY-MM form)', () => {
    for (const [before, after] of [
      ['trailing12', '0000-06'],
      ['trailing3', '0000-01'],
    ])
      expect(periodMessage((catchPeriod(() => resolvePeriods(before!, after!)) as PeriodSyntaxError).problem)).toBe(
        `${before} before ${after} would start before the year 0000: give "before" as a month or range`,
      );
    expect(resolvePeriods('trailing3', '0000-04').before).toEqual({ unit: 'month', from: '0000-01', to: '0000-03' });
  });

  it('tells day periods from month periods by their syntax', () => {
    expect(['2023-07-26', '2023-07-27..2023-08-25', 'trailing30d'].map(isDayPeriod)).toEqual([true, true, true]);
    expect(['2023-07', '2023-05..2023-07', 'trailing3', 'trailing12'].map(isDayPeriod)).toEqual([false, false, false, false]);
  });
});

describe('trailingNw: the N ACLED weeks before "after"', () => {
  it('is 7N days, whole weeks when "after" starts on a Saturday', () => {
    expect(resolvePeriods('trailing4w', '2023-07-29..2023-08-04')).toEqual({
      unit: 'day',
      before: { unit: 'day', from: '2023-07-01', to: '2023-07-28' },
      after: { unit: 'day', from: '2023-07-29', to: '2023-08-04' },
    });
    expect(isDayPeriod('trailing52w')).toBe(true);
  });

  it.each([
    ['trailing0w', 'trailing0w: N in trailingNw must be from 1 to 522 weeks'],
    ['trailing523w', 'trailing523w: N in trailingNw must be from 1 to 522 weeks'],
    ['trailing99999w', 'trailing99999w: N in trailingNw must be from 1 to 522 weeks'],
  ])('%s is refused', (p, message) => {
    expect(periodProblem(p, 'before')).toBe(message);
  });

  it('is refused as "after"', () => {
    expect(periodProblem('trailing4w', 'after')).toMatch(/^trailing4w counts back from "after"/);
  });
});
