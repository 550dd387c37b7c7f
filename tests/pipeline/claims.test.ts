import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateReading, type Reading, relationHolds, verdictOf } from '../../data/model/claims.ts';
import { seriesOf } from '../fixtures/source-info.ts';

/** Niger battles, events: 2022-11 = 10, 2022-12 = 14, 2023-01 = 40, 2023-02 = 41 (partial). */
const VALUES: Record<string, number> = { '2022-11': 10, '2022-12': 14, '2023-01': 40, '2023-02': 41 };
const doc = seriesOf('2022-11', '2023-02', (m) => VALUES[m]!, ['2023-02'], '2023-02-14');
const lookup = () => doc;
const reading = (before: string | null, after: string, kind: Reading['relation']['kind'], value: number): Reading => ({
  country: 'NER',
  admin1: null,
  category: 'battles',
  measure: 'events',
  before,
  after,
  relation: { kind, value, wording: 'w' },
});
const holds = (before: string | null, after: string, kind: Reading['relation']['kind'], value: number) =>
  evaluateReading(reading(before, after, kind, value), 'Niger', lookup).holds;

describe('relations at their boundaries', () => {
  it('"more than 40%": exactly +40% does not hold, just above does', () => {
    // 10 -> 14 is exactly +40%.
    expect(holds('2022-11', '2022-12', 'pct_increase_gt', 40)).toBe(false);
    expect(holds('2022-11', '2022-12', 'pct_increase_gt', 39.9)).toBe(true);
  });

  it('"quadrupled" (at least 4x): exactly 4x holds; "more than 4x" and "at least 4.01x" do not', () => {
    // 10 -> 40 is exactly 4x.
    expect(holds('2022-11', '2023-01', 'ratio_gte', 4)).toBe(true);
    expect(holds('2022-11', '2023-01', 'ratio_gt', 4)).toBe(false);
    expect(holds('2022-11', '2023-01', 'ratio_gte', 4.01)).toBe(false);
  });

  it('"at least N": exactly N holds', () => {
    expect(holds(null, '2023-01', 'value_gte', 40)).toBe(true);
    expect(holds(null, '2023-01', 'value_gte', 41)).toBe(false);
  });

  it('"fell by more than N%" is exact too', () => {
    expect(relationHolds('pct_decrease_gt', 25, { total: 3, months: 1 }, { total: 4, months: 1 })).toBe(false);
    expect(relationHolds('pct_decrease_gt', 24.9, { total: 3, months: 1 }, { total: 4, months: 1 })).toBe(true);
  });

  it('compares monthly means exactly when periods differ in length', () => {
    // (10 + 14) / 2 = 12 a month, then 40: 40 / 12 = 3.33x.
    expect(relationHolds('ratio_gte', 10 / 3, { total: 40, months: 1 }, { total: 24, months: 2 })).toBe(true);
    expect(holds('2022-11..2022-12', '2023-01', 'ratio_gte', 3.34)).toBe(false);
  });
});

describe('periods', () => {
  it('windows may cross a year boundary', () => {
    const r = evaluateReading(reading('2022-11', '2022-12..2023-01', 'ratio_gte', 2), 'Niger', lookup);
    expect([r.beforeValue, r.afterValue, r.holds]).toEqual([10, 27, true]);
    expect(r.sentence).toBe(
      'Battles events per month in Niger rose from 10 in November 2022 to 27 in December 2022–January 2023 (+170%, 2.7x); "w" (at least 2x) holds.',
    );
  });

  it('a partial month cannot decide a claim, with the reason', () => {
    const r = evaluateReading(reading('2023-01', '2023-02', 'pct_increase_gt', 0), 'Niger', lookup);
    expect([r.holds, r.caveats]).toEqual([null, ['a month is only partly covered by the source']]);
    expect(r.sentence).toBe(
      'Battles events in Niger: 40 in January 2023, 41 in February 2023; a partial month is not compared, so "w" (more than +0%) cannot be decided.',
    );
  });

  it('a month outside the series cannot decide a claim', () => {
    const r = evaluateReading(reading('2021-01', '2023-01', 'pct_increase_gt', 0), 'Niger', lookup);
    expect([r.holds, r.caveats]).toEqual([null, ['January 2021 is not in this series, which covers 2022-11 to 2023-02.']]);
  });
});

describe('verdicts', () => {
  it.each([
    [[true, true], 'supported'],
    [[true, false], 'partly_supported'],
    [[true, null], 'partly_supported'],
    [[false, false], 'not_supported'],
    [[false, null], 'cannot_be_decided'],
    [[null], 'cannot_be_decided'],
    [[], 'cannot_be_decided'],
  ] as const)('%j -> %s', (h, verdict) => {
    expect(verdictOf(h.map((x) => ({ holds: x })))).toBe(verdict);
  });

  it('gives a citable sentence with the credit and dataset version', () => {
    const v = evaluateClaim(
      {
        id: 'c',
        quote: 'Battles quadrupled.',
        claimant: { name: 'n', date: null, url: null },
        interpretation: 'i',
        readings: [reading('2022-11', '2023-01', 'ratio_gte', 4)],
      },
      () => 'Niger',
      lookup,
      doc.dataset,
    );
    expect(v.citation).toBe(
      '"Battles quadrupled." supported by ACLED data: Battles events in Niger rose from 10 in November 2022 to 40 in January 2023 (+300%, 4x); "w" (at least 4x) holds. Source: ACLED, www.acleddata.com; Sahel Pulse dataset v, data to 2023-02-14.',
    );
  });
});
