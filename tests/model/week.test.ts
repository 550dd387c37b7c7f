import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_DAYS } from '../../model/period.ts';
import {
  addWeeks,
  alignment,
  isWeekStart,
  MAX_ALIGN_DAYS,
  MAX_RANGE_WEEKS,
  nearestWeekStarts,
  parseWeekStart,
  WeekSyntaxError,
  weekContaining,
  weekday,
  weekEnd,
  weekIndex,
  weekLabel,
  weekOfIndex,
  weekProblem,
  weekRange,
  weeksIn,
} from '../../model/week.ts';

describe('ACLED weeks (Saturday to Friday, named by the Saturday)', () => {
  it('knows Saturdays, and the newest week of the weekly file', () => {
    expect(weekday('2026-03-14')).toBe('Saturday');
    expect(weekday('1970-01-01')).toBe('Thursday');
    expect(isWeekStart('2026-03-14')).toBe(true);
    expect(isWeekStart('1997-01-04')).toBe(true);
    expect(isWeekStart('2026-03-15')).toBe(false);
    expect(isWeekStart('2026-02-29')).toBe(false); // not a day
    expect(weekEnd('2026-03-14')).toBe('2026-03-20');
    expect(weekLabel('2026-03-14')).toBe('14–20 March 2026');
    expect(weekLabel('2023-12-30')).toBe('30 December 2023–5 January 2024');
  });

  it('does week arithmetic on day numbers, across years and before 1970', () => {
    expect(weekIndex('1970-01-03')).toBe(0);
    expect(weekIndex('1970-01-02')).toBe(-1);
    expect(weekOfIndex(-1)).toBe('1969-12-27');
    expect(weekOfIndex(weekIndex('2026-03-14'))).toBe('2026-03-14');
    expect(addWeeks('2023-12-30', 1)).toBe('2024-01-06');
    expect(addWeeks('2024-03-02', -1)).toBe('2024-02-24');
    expect(addWeeks('2026-03-14', -52)).toBe('2025-03-15');
    expect(weeksIn('2019-01-05', '2024-05-04')).toBe(279);
    expect(weeksIn('2024-05-04', '2019-01-05')).toBe(0);
  });

  it('finds the week containing any day', () => {
    expect(weekContaining('2026-03-14')).toBe('2026-03-14');
    expect(weekContaining('2026-03-20')).toBe('2026-03-14');
    expect(weekContaining('2026-03-21')).toBe('2026-03-21');
    expect(weekContaining('2024-01-01')).toBe('2023-12-30');
    expect(weekContaining('2024-02-29')).toBe('2024-02-24');
    expect(nearestWeekStarts('2026-03-15')).toEqual({ before: '2026-03-14', after: '2026-03-21' });
    expect(nearestWeekStarts('2026-03-14')).toEqual({ before: '2026-03-14', after: '2026-03-14' });
  });

  it('parses a week start, naming the nearest Saturdays when it is not one', () => {
    expect(parseWeekStart(' 2026-03-14 ')).toBe('2026-03-14');
    expect(() => parseWeekStart('2026-03-15')).toThrow(WeekSyntaxError);
    expect(weekProblem('2026-03-15')).toBe(
      '2026-03-15 is a Sunday, not the Saturday that starts an ACLED week (weeks run Saturday to Friday); ' +
        'the nearest are 2026-03-14 (the week 14–20 March 2026) and 2026-03-21 (21–27 March 2026)',
    );
    expect(weekProblem('2026-03-20')).toMatch(/is a Friday, .* the nearest are 2026-03-14 .* and 2026-03-21/);
    expect(weekProblem('2023-02-29')).toBe('2023-02-29 is not a calendar day: give the Saturday that starts the week, as YYYY-MM-DD');
    expect(weekProblem('14-March-2026')).toBe(
      '"14-March-2026" is not a week: give the Saturday that starts it, as YYYY-MM-DD (e.g. 2026-03-14)',
    );
    expect(weekProblem('2026-03-14')).toBeNull();
  });

  it('enumerates bounded ranges and refuses long or reversed ones before looping', () => {
    expect(weekRange('2023-12-23', '2024-01-06')).toEqual(['2023-12-23', '2023-12-30', '2024-01-06']);
    expect(weekRange('2026-03-14', '2026-03-14')).toEqual(['2026-03-14']);
    expect(() => weekRange('2024-01-06', '2023-12-23')).toThrow('must run forwards');
    expect(() => weekRange('2026-03-15', '2026-03-28')).toThrow('is a Sunday');
    const t = performance.now();
    expect(() => weekRange('1997-01-04', '9999-12-25')).toThrow(`at most ${MAX_RANGE_WEEKS} weeks`);
    expect(performance.now() - t).toBeLessThan(50);
    const from = '1997-01-04';
    expect(weekRange(from, addWeeks(from, MAX_RANGE_WEEKS - 1))).toHaveLength(MAX_RANGE_WEEKS);
    expect(() => weekRange(from, addWeeks(from, MAX_RANGE_WEEKS))).toThrow(WeekSyntaxError);
  });

  it('tells whether a day range is whole weeks, and the nearest whole-week ranges when not', () => {
    expect(alignment('2023-07-29', '2023-08-25')).toEqual({
      aligned: true,
      span: { from: '2023-07-29', to: '2023-08-19', weeks: 4, days: { from: '2023-07-29', to: '2023-08-25' } },
    });
    expect(alignment('2026-03-14', '2026-03-20')).toMatchObject({ aligned: true, span: { weeks: 1 } });
    const a = alignment('2023-07-27', '2023-08-25');
    expect(a).toEqual({
      aligned: false,
      reason:
        '2023-07-27..2023-08-25 is not a run of whole ACLED weeks (Saturday to Friday): it starts on a Thursday; ' +
        'the nearest whole-week ranges are 2023-07-29..2023-08-25 (4 weeks), inside it and 2023-07-22..2023-08-25 (5 weeks), covering it',
      inside: { from: '2023-07-29', to: '2023-08-19', weeks: 4, days: { from: '2023-07-29', to: '2023-08-25' } },
      covering: { from: '2023-07-22', to: '2023-08-19', weeks: 5, days: { from: '2023-07-22', to: '2023-08-25' } },
    });
    const b = alignment('2026-03-15', '2026-03-19'); // inside one week: no whole week inside
    expect(b.aligned).toBe(false);
    if (!b.aligned) {
      expect(b.inside).toBeNull();
      expect(b.covering).toEqual({ from: '2026-03-14', to: '2026-03-14', weeks: 1, days: { from: '2026-03-14', to: '2026-03-20' } });
      expect(b.reason).toContain(
        'it starts on a Sunday and ends on a Thursday; the nearest whole-week ranges are 2026-03-14..2026-03-20 (1 week), covering it',
      );
    }
    const c = alignment('2026-03-14', '2026-03-26');
    expect(c).toMatchObject({ aligned: false, inside: { from: '2026-03-14', to: '2026-03-14' }, covering: { to: '2026-03-21' } });
  });

  it('refuses ill-formed, reversed and over-long day ranges', () => {
    expect(MAX_ALIGN_DAYS).toBe(MAX_WINDOW_DAYS);
    expect(() => alignment('2023-02-29', '2023-03-03')).toThrow('2023-02-29 is not a calendar day');
    expect(() => alignment('2023-03-03', '2023-03-01')).toThrow('must run forwards');
    expect(() => alignment('2000-01-01', '2026-01-01')).toThrow(`at most ${MAX_ALIGN_DAYS} days`);
  });
});
