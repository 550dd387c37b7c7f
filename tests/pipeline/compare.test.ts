import { describe, expect, it } from 'vitest';
import { compare, PeriodError, periodMonths } from '../../data/model/compare.ts';
import { seriesOf } from '../fixtures/source-info.ts';

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
    const c = compare(doc, '2023-10..2023-11', '2023-11..2023-12');
    expect(c.change).toBeNull();
    expect(c.caveats).toEqual(['November–December 2023 includes a month the source covers only in part: not compared']);
  });

  it('throws PeriodError for a month outside the series', () => {
    expect(() => compare(doc, 'trailing3', '2022-02')).toThrow(
      new PeriodError('November 2021 is not in this series, which covers 2022-01 to 2023-12.'),
    );
  });
});
