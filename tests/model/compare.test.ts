import { describe, expect, it } from 'vitest';
import { compare, compareDays, PeriodError, periodMonths } from '../../model/compare.ts';
import { daysOf, seriesOf } from '../fixtures/source-info.ts';

/** 2022-01..2023-12, value = month number (1..12) + 10, the last month partial. */
const doc = seriesOf('2022-01', '2023-12', (m) => Number(m.slice(5)) + 10, ['2023-12'], '2023-12-15');

describe('periodMonths', () => {
  it.each([
    ['2023-07', undefined, ['2023-07', '2023-07']],
    ['2023-05..2023-07', undefined, ['2023-05', '2023-07']],
    ['trailing3', '2023-01', ['2022-10', '2022-12']],
    ['trailing12', '2023-03..2023-04', ['2022-03', '2023-02']],
  ])('%s after %s -> %j', (period, after, months) => {
    expect(periodMonths(period, after)).toEqual(months);
  });
});

describe('compare', () => {
  it('sets a month against the mean of the 12 months before it', () => {
    const c = compare(doc, 'trailing12', '2023-11');
    // 2022-11..2023-10: values 21, 22, 11..20 -> 198 / 12 = 16.5.
    expect(c.basis).toBe('monthly_mean');
    expect([c.before.from, c.before.to, c.before.total, c.before.value, c.after.value]).toEqual(['2022-11', '2023-10', 198, 16.5, 21]);
    expect(c.change).toEqual({ base: 16.5, value: 21, abs: 4.5, pct: 27.3, ratio: 1.27, lowBaseline: false });
    expect(c.trend).toMatchObject({ band: 'higher', label: 'Higher' });
  });

  it('refuses to compare a period holding a partial month, and says so', () => {
    const c = compare(doc, '2023-09..2023-10', '2023-11..2023-12');
    expect(c.change).toBeNull();
    expect(c.caveats).toEqual(['November–December 2023 includes a month the source covers only in part: not compared']);
  });

  it('throws PeriodError for a month outside the series', () => {
    expect(() => compare(doc, 'trailing3', '2022-02')).toThrow(
      new PeriodError('November 2021 is not in this series, which covers 2022-01 to 2023-12.'),
    );
  });
});

/**
 * Daily counts 2023-12-01..2024-03-31: one event a day, except none on 10-19 January (real
 * zeros inside the coverage); two fatalities on 29 February 2024, none otherwise.
 */
const quiet = (d: string) => d >= '2024-01-10' && d <= '2024-01-19';
const daily = daysOf(
  '2023-12-01',
  '2024-03-31',
  (d) => (quiet(d) ? 0 : 1),
  (d) => (d === '2024-02-29' ? 2 : 0),
);

describe('compareDays', () => {
  it('sums windows that cross month and year boundaries, both days included', () => {
    const c = compareDays(daily, 'events', '2023-12-25..2024-01-05', '2024-01-25..2024-02-05');
    expect(c.basis).toBe('total');
    expect(c.before).toEqual({
      period: '2023-12-25..2024-01-05',
      unit: 'day',
      from: '2023-12-25',
      to: '2024-01-05',
      days: 12,
      total: 12,
      value: 12,
      partial: false,
      provisional: false,
      counts: 'daily',
      sources: ['src'],
    });
    expect([c.after.days, c.after.total]).toEqual([12, 12]);
    expect(c.change).toEqual({ base: 12, value: 12, abs: 0, pct: 0, ratio: 1, lowBaseline: false });
    expect(c.trend.band).toBe('stable');
    expect(c.sentence).toBe(
      'Political violence events in Niger stayed at 12 in 25 December 2023–5 January 2024 and in 25 January–5 February 2024 (0%, 1x).',
    );
  });

  it('counts days without events inside the coverage as real zeros', () => {
    const c = compareDays(daily, 'events', '2024-01-01..2024-01-14', '2024-01-15..2024-01-28');
    // 1-9 January: 9 events; 10-14: none. 15-19: none; 20-28: 9.
    expect([c.before.total, c.after.total]).toEqual([9, 9]);
    expect(compareDays(daily, 'events', '2024-01-10..2024-01-14', '2024-01-15..2024-01-19').before.total).toBe(0);
  });

  it('includes the leap day', () => {
    const c = compareDays(daily, 'fatalities', '2024-02-25..2024-02-27', '2024-02-28..2024-03-01');
    expect([c.before.days, c.before.total, c.after.days, c.after.total]).toEqual([3, 0, 3, 2]);
    expect(c.caveats).toEqual(['low baseline: 0 in 25–27 February 2024, percentages are unstable']);
    expect(compareDays(daily, 'events', 'trailing3d', '2024-03-01').before).toMatchObject({
      from: '2024-02-27',
      to: '2024-02-29',
      total: 3,
    });
  });

  it('compares daily means when the windows differ in length, judging the baseline by its count', () => {
    // January: 31 days, 21 events; February 2024: 29 days, 29 events.
    const c = compareDays(daily, 'events', '2024-01-01..2024-01-31', '2024-02-01..2024-02-29');
    expect(c.basis).toBe('daily_mean');
    expect([c.before.total, c.before.value, c.after.total, c.after.value]).toEqual([21, 0.68, 29, 1]);
    // Below 10 as a mean, but 21 events behind it: not a low baseline.
    expect(c.change).toEqual({ base: 0.68, value: 1, abs: 0.32, pct: 47.1, ratio: 1.47, lowBaseline: false });
    expect(c.trend.band).toBe('higher');
    expect(c.caveats).toEqual(['the periods differ in length (31 and 29 days): daily means are compared']);
    expect(c.sentence).toBe(
      'Political violence events per day in Niger rose from 0.68 in 1–31 January 2024 to 1 in 1–29 February 2024 (+47.1%, 1.47x).',
    );
    const few = compareDays(daily, 'events', '2024-01-01..2024-01-09', '2024-02-01..2024-02-29');
    expect([few.before.total, few.change?.lowBaseline, few.trend.band]).toEqual([9, true, 'low_baseline']);
    expect(few.caveats[0]).toBe('low baseline: 9 in 1–9 January 2024, percentages are unstable');
  });

  it.each([
    ['2024-01-01', '2024-03-25..2024-04-05', '1 April 2024'],
    ['2024-01-01', '2024-05-01..2024-05-02', '1 May 2024'],
    ['2023-11-25..2023-12-05', '2024-01-01', '25 November 2023'],
  ])('refuses a window reaching outside the days covered (%s, %s), naming the first day outside', (before, after, day) => {
    expect(() => compareDays(daily, 'events', before, after)).toThrow(
      new PeriodError(
        `${day} is not in the daily counts for Niger, which cover 2023-12-01 to 2024-03-31; no figure is given for days outside them.`,
      ),
    );
  });

  it('refuses a country without daily counts with the reason, and periods of the other unit', () => {
    expect(() =>
      compareDays(
        daysOf(null, '2024-03-31', () => 0),
        'events',
        '2024-01-01',
        '2024-01-02',
      ),
    ).toThrow(new PeriodError('Niger has no event-level source here.'));
    expect(() => compareDays(daily, 'events', '2024-01', '2024-02')).toThrow(PeriodError);
    expect(() => compare(doc, '2023-07-01', '2023-07-02')).toThrow(PeriodError);
  });
});
