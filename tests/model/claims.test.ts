import { describe, expect, it } from 'vitest';
import type { Claim, Reading } from '../../model/claim.ts';
import { claimProblems, evaluateClaim, evaluateReading, relationHolds, verdictOf } from '../../model/claims.ts';
import { REGION_DAYS_WHY } from '../../model/days.ts';
import { daysOf, seriesOf } from '../fixtures/source-info.ts';

/** Niger battles, events: 2022-11 = 10, 2022-12 = 14, 2023-01 = 40, 2023-02 = 41 (partial). */
const VALUES: Record<string, number> = { '2022-11': 10, '2022-12': 14, '2023-01': 40, '2023-02': 41 };
const doc = seriesOf('2022-11', '2023-02', (m) => VALUES[m]!, ['2023-02'], '2023-02-14');
const lookup = () => doc;
const NIGER = { country: 'Niger', admin1: null };
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
  evaluateReading(reading(before, after, kind, value), NIGER, lookup).holds;

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
    expect(relationHolds('pct_decrease_gt', 25, { total: 3, length: 1 }, { total: 4, length: 1 })).toBe(false);
    expect(relationHolds('pct_decrease_gt', 24.9, { total: 3, length: 1 }, { total: 4, length: 1 })).toBe(true);
  });

  it('compares monthly means exactly when periods differ in length', () => {
    // (10 + 14) / 2 = 12 a month, then 40: 40 / 12 = 3.33x.
    expect(relationHolds('ratio_gte', 10 / 3, { total: 40, length: 1 }, { total: 24, length: 2 })).toBe(true);
    expect(holds('2022-11..2022-12', '2023-01', 'ratio_gte', 3.34)).toBe(false);
  });
});

describe('periods', () => {
  it('windows may cross a year boundary', () => {
    const r = evaluateReading(reading('2022-11', '2022-12..2023-01', 'ratio_gte', 2), NIGER, lookup);
    expect([r.beforeValue, r.afterValue, r.holds]).toEqual([10, 27, true]);
    expect(r.sentence).toBe(
      'Battles events per month in Niger rose from 10 in November 2022 to 27 in December 2022–January 2023 (+170%, 2.7x); "w" (at least 2x) holds.',
    );
  });

  it('a partial month cannot decide a claim, with the reason', () => {
    const r = evaluateReading(reading('2023-01', '2023-02', 'pct_increase_gt', 0), NIGER, lookup);
    expect([r.holds, r.caveats]).toEqual([null, ['a month is only partly covered by the source']]);
    expect(r.sentence).toBe(
      'Battles events in Niger: 40 in January 2023, 41 in February 2023; a partial month is not compared, so "w" (more than +0%) cannot be decided.',
    );
  });

  it('a month outside the series cannot decide a claim', () => {
    const r = evaluateReading(reading('2021-01', '2023-01', 'pct_increase_gt', 0), NIGER, lookup);
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
      () => NIGER,
      lookup,
      doc.dataset,
    );
    expect(v.citation).toBe(
      '"Battles quadrupled." supported by ACLED data: Battles events in Niger rose from 10 in November 2022 to 40 in January 2023 (+300%, 4x); "w" (at least 4x) holds. Source: ACLED, www.acleddata.com; Sahel Pulse dataset v, data to 2023-02-14.',
    );
  });
});

/**
 * Daily counts 2023-06-01..2023-08-31, events (fatalities are twice the events):
 * 1-30 June: 1 a day (so 21-30 June: 10); 1-10 July: 14 (1 a day, 5 on the 5th);
 * 11-20 July: 40 (4 a day); 21-31 July: none; August: 2 a day.
 */
const dayEvents = (d: string) =>
  d < '2023-07-01' ? 1 : d <= '2023-07-10' ? (d === '2023-07-05' ? 5 : 1) : d <= '2023-07-20' ? 4 : d <= '2023-07-31' ? 0 : 2;
const daily = daysOf('2023-06-01', '2023-08-31', dayEvents, (d) => 2 * dayEvents(d));
const byDay = (r: Reading) =>
  evaluateReading(
    r,
    { country: 'Niger', admin1: r.admin1 },
    () => null,
    () => daily,
  );
const dayReading = (
  before: string | null,
  after: string,
  kind: Reading['relation']['kind'],
  value: number,
  extra: Partial<Reading> = {},
): Reading => ({
  ...reading(before, after, kind, value),
  category: 'political_violence',
  ...extra,
});
const dayHolds = (before: string | null, after: string, kind: Reading['relation']['kind'], value: number) =>
  byDay(dayReading(before, after, kind, value)).holds;

describe('day windows: relations at their boundaries', () => {
  it('"more than 40%": 10 -> 14 over ten days each is exactly +40% and does not hold', () => {
    expect(dayHolds('2023-06-21..2023-06-30', '2023-07-01..2023-07-10', 'pct_increase_gt', 40)).toBe(false);
    expect(dayHolds('2023-06-21..2023-06-30', '2023-07-01..2023-07-10', 'pct_increase_gt', 39.9)).toBe(true);
    const r = byDay(dayReading('2023-06-21..2023-06-30', '2023-07-01..2023-07-10', 'pct_increase_gt', 40));
    expect(r.sentence).toBe(
      'Political violence events in Niger rose from 10 in 21–30 June 2023 to 14 in 1–10 July 2023 (+40%, 1.4x); "w" (more than +40%) does not hold.',
    );
  });

  it('"quadrupled": 10 -> 40 is exactly 4x and holds; "more than 4x" does not', () => {
    expect(dayHolds('2023-06-21..2023-06-30', '2023-07-11..2023-07-20', 'ratio_gte', 4)).toBe(true);
    expect(dayHolds('2023-06-21..2023-06-30', '2023-07-11..2023-07-20', 'ratio_gt', 4)).toBe(false);
    expect(dayHolds('2023-06-21..2023-06-30', '2023-07-11..2023-07-20', 'ratio_gte', 4.01)).toBe(false);
  });

  it('compares daily means exactly when windows differ in length: 20 in 20 days -> 14 in 10 days is exactly +40%', () => {
    const r = byDay(dayReading('2023-06-01..2023-06-20', '2023-07-01..2023-07-10', 'pct_increase_gt', 40));
    expect([r.beforeValue, r.afterValue, r.holds]).toEqual([1, 1.4, false]);
    expect(r.caveats).toEqual(['the periods differ in length: daily means are compared']);
    expect(dayHolds('2023-06-01..2023-06-20', '2023-07-01..2023-07-10', 'pct_increase_gt', 39.99)).toBe(true);
  });

  it('"at least N" in a day window, across a month boundary', () => {
    // 25-31 July: 0; 1-3 August: 6.
    const r = byDay(dayReading(null, '2023-07-25..2023-08-03', 'value_gte', 6));
    expect([r.afterValue, r.holds]).toEqual([6, true]);
    expect(dayHolds(null, '2023-07-25..2023-08-03', 'value_gte', 7)).toBe(false);
    expect(r.sentence).toBe('Political violence events in Niger in 25 July–3 August 2023: 6; "w" (at least 6) holds.');
  });
});

describe('day windows that cannot decide a claim', () => {
  it('a window outside the daily counts, with the coverage named', () => {
    const r = byDay(dayReading('2023-08-01..2023-08-30', '2023-08-31..2023-09-29', 'pct_increase_gt', 40));
    expect([r.holds, r.beforeValue, r.afterValue]).toEqual([null, null, null]);
    expect(r.caveats).toEqual([
      '1 September 2023 is not in the daily counts for Niger, which cover 2023-06-01 to 2023-08-31; no figure is given for days outside them.',
    ]);
    expect(byDay(dayReading('2023-05-20..2023-06-10', '2023-06-11..2023-07-02', 'ratio_gte', 2)).caveats[0]).toMatch(
      /^20 May 2023 is not in the daily counts for Niger, which cover 2023-06-01 to 2023-08-31/,
    );
  });

  it('a region: day windows are not offered for regions, and the reading says why', () => {
    const r = byDay(dayReading('2023-06-21..2023-06-30', '2023-07-01..2023-07-10', 'ratio_gte', 1.5, { admin1: 'Tillaberi' }));
    expect(r.holds).toBeNull();
    expect(r.caveats).toEqual([REGION_DAYS_WHY]);
    expect(r.caveats[0]).toMatch(
      /^Day windows are not offered for regions \(admin1\); use months for a region\. .*ACLED's terms restrict redistributing event rows/,
    );
    expect(r.sentence).toBe(
      'Political violence events in Tillaberi (Niger): day windows are not offered for regions, so "w" (at least 1.5x) cannot be decided.',
    );
  });

  it('a country without daily counts, with the reason its entry gives', () => {
    const none = daysOf(null, '2023-08-31', () => 0);
    const r = evaluateReading(
      dayReading('2023-06-21..2023-06-30', '2023-07-01..2023-07-10', 'ratio_gte', 2),
      NIGER,
      () => null,
      () => none,
    );
    expect([r.holds, r.caveats]).toEqual([null, ['Niger has no event-level source here.']]);
    expect(r.sentence).toBe(
      'Political violence events in Niger: there are no daily counts for Niger, so "w" (at least 2x) cannot be decided.',
    );
    const missing = evaluateReading(dayReading('2023-06-21..2023-06-30', '2023-07-01..2023-07-10', 'ratio_gte', 2), NIGER, () => null);
    expect([missing.holds, missing.caveats]).toEqual([null, ['the dataset has no daily counts of this series']]);
  });

  it('a zero base (real zeros inside the coverage)', () => {
    const r = byDay(dayReading('2023-07-21..2023-07-31', '2023-08-01..2023-08-11', 'ratio_gte', 2));
    expect([r.beforeValue, r.afterValue, r.holds]).toEqual([0, 22, null]);
    expect(r.caveats).toEqual(['the base is zero: a percent change or ratio is undefined']);
  });
});

describe('alternative readings', () => {
  const claim: Claim = {
    id: 'c',
    quote: 'Political violence rose by more than 40% in the month after 30 June.',
    claimant: { name: 'n', date: null, url: null },
    interpretation: 'calendar months: July against June',
    readings: [dayReading('2023-06', '2023-07', 'pct_increase_gt', 40)],
    alternatives: [
      {
        interpretation: 'ten days against ten days',
        readings: [
          dayReading('2023-06-21..2023-06-30', '2023-07-01..2023-07-10', 'pct_increase_gt', 40),
          dayReading('2023-06-21..2023-06-30', '2023-07-01..2023-07-10', 'pct_increase_gt', 40, { measure: 'fatalities' }),
        ],
      },
    ],
  };
  // Months: June 30, July 14 + 40 = 54: +80%.
  const months = seriesOf('2023-06', '2023-07', (m) => (m === '2023-06' ? 30 : 54), [], '2023-08-31');

  it('each gets its own verdict and citation; the headline verdict stays the primary reading', () => {
    const v = evaluateClaim(
      claim,
      () => NIGER,
      () => months,
      months.dataset,
      () => daily,
    );
    expect([v.verdict, v.readings.map((r) => r.holds)]).toEqual(['supported', [true]]);
    expect(v.alternatives).toHaveLength(1);
    const alt = v.alternatives[0]!;
    expect([alt.interpretation, alt.verdict, alt.summary]).toEqual([
      'ten days against ten days',
      'not_supported',
      'Not supported: 0 of 2 readings hold.',
    ]);
    expect(alt.readings.map((r) => [r.measure, r.beforeValue, r.afterValue, r.holds])).toEqual([
      ['events', 10, 14, false],
      ['fatalities', 20, 28, false],
    ]);
    expect(alt.citation).toBe(
      'Alternative reading of "Political violence rose by more than 40% in the month after 30 June.": not supported by ACLED data: ' +
        'Political violence events in Niger rose from 10 in 21–30 June 2023 to 14 in 1–10 July 2023 (+40%, 1.4x); "w" (more than +40%) does not hold. ' +
        'Political violence reported fatalities in Niger rose from 20 in 21–30 June 2023 to 28 in 1–10 July 2023 (+40%, 1.4x); "w" (more than +40%) does not hold. ' +
        'Source: ACLED, www.acleddata.com; Sahel Pulse dataset v, data to 2023-08-31.',
    );
    expect(
      evaluateClaim(
        { ...claim, alternatives: undefined },
        () => NIGER,
        () => months,
        months.dataset,
      ).alternatives,
    ).toEqual([]);
  });

  it('an ill-formed claim is refused with what to fix', () => {
    expect(claimProblems(claim)).toEqual([]);
    const bad: Claim = {
      ...claim,
      readings: [dayReading('2023-06', '2023-07-01..2023-07-10', 'pct_increase_gt', 40)],
      alternatives: [
        {
          interpretation: 'x',
          readings: [dayReading('2023-06-21', '2023-02-30', 'pct_increase_gt', 40), dayReading('2023-06-21', '2023-07-01', 'value_gte', 1)],
        },
      ],
    };
    expect(claimProblems(bad)).toEqual([
      'claim c readings[0]: "before" (2023-06) is in months and "after" (2023-07-01..2023-07-10) in days: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
      'claim c alternatives[0].readings[0]: 2023-02-30 is not a calendar day: February 2023 has 28 days',
      'claim c alternatives[0].readings[1]: value_gte takes only "after"; every other relation needs "before" and "after"',
    ]);
  });
});
