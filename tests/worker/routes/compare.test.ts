/**
 * GET /api/v1/compare: two periods of a series, months (from the monthly series) or day windows
 * (from the country's daily counts), as JSON or CSV; 400s, and 404s that say what exists.
 * Data: tests/worker/seed.ts (Niger's daily counts 2023-06-01..2023-08-10; Mali monthly only).
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../data/build/dataset.ts';
import type { CompareResult } from '../../../model/api.ts';
import { DAY_WINDOWS_RULE } from '../../../model/days.ts';
import { get, problem } from '../request.ts';
import { buildTestDataset, seed } from '../seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const NER = '/api/v1/compare?country=NER&category=political_violence';
// 1-15 July: 4 events on the 1st, 2 on the 15th (5 fatalities); 27 July-10 August: 1 on 2 August (40 fatalities).
const COUP = 'before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10';

describe('GET /api/v1/compare', () => {
  const compareJson = async (qs: string) => (await (await get(`/api/v1/compare?${qs}`)).json()) as CompareResult;

  it('compares two months of a series', async () => {
    const body = await compareJson('country=NER&category=political_violence&measure=events&before=2023-06&after=2023-07');
    expect(body.basis).toBe('total');
    expect(body.before).toEqual({
      period: '2023-06',
      unit: 'month',
      from: '2023-06',
      to: '2023-06',
      months: 1,
      total: 5,
      value: 5,
      partial: false,
      provisional: false,
      counts: 'monthly',
      sources: ['niger-events'],
    });
    expect(body.after).toEqual({
      period: '2023-07',
      unit: 'month',
      from: '2023-07',
      to: '2023-07',
      months: 1,
      total: 10,
      value: 10,
      partial: false,
      provisional: false,
      counts: 'monthly',
      sources: ['niger-events'],
    });
    expect(body.change).toEqual({ base: 5, value: 10, abs: 5, pct: 100, ratio: 2, lowBaseline: true });
    expect(body.trend.band).toBe('low_baseline');
    expect(body.caveats).toEqual(['low baseline: 5 in June 2023, percentages are unstable']);
    expect(body.sentence).toBe('Political violence events in Niger rose from 5 in June 2023 to 10 in July 2023 (+100%, 2x).');
    expect(body.dataset.version).toBe(ds.version);
  });

  it('does not compare a partial month', async () => {
    const body = await compareJson('country=NER&category=political_violence&measure=events&before=2023-07&after=2023-08');
    expect(body.change).toBeNull();
    expect(body.trend.band).toBe('no_comparison');
    expect(body.caveats).toEqual([
      'August 2023 includes a month the source covers only in part: not compared',
      "August 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
    ]);
    expect(body.trend.settled).toBe(false);
  });

  it('compares windows: totals when equal in length, monthly means otherwise', async () => {
    // (Periods that overlap, 2023-06..2023-07 against 2023-07..2023-08, are refused: tests/worker/cost.test.ts.)
    const same = await compareJson('country=MLI&category=political_violence&measure=events&before=2023-06&after=2023-07');
    expect([same.basis, same.before.value, same.after.value, same.change, same.trend.band]).toEqual([
      'total',
      100,
      120,
      { base: 100, value: 120, abs: 20, pct: 20, ratio: 1.2, lowBaseline: false },
      'higher',
    ]);
    const mixed = await compareJson('country=MLI&category=political_violence&measure=events&before=2023-06..2023-07&after=2023-08');
    expect([mixed.basis, mixed.before.total, mixed.before.value, mixed.after.value, mixed.change?.pct, mixed.trend.band]).toEqual([
      'monthly_mean',
      220,
      110,
      90,
      -18.2,
      'lower',
    ]);
    expect(mixed.caveats).toEqual([
      'the periods differ in length (2 and 1 months): monthly means are compared',
      "August 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
    ]);
    expect([mixed.trend.label, mixed.trend.settled]).toEqual(['Lower (provisional)', false]);
    expect(mixed.sentence).toBe(
      'Political violence events per month in Mali fell from 110 in June–July 2023 to 90 in August 2023 (-18.2%, 0.82x).',
    );
  });

  it('compares a month with its trailing months', async () => {
    // Only trailing3 and trailing12 exist.
    const bad = await problem(
      await get('/api/v1/compare?country=MLI&category=political_violence&measure=fatalities&before=trailing2&after=2023-08'),
      400,
    );
    expect(bad.errors).toMatchObject([{ parameter: 'before' }]);
    const res = await get('/api/v1/compare?country=MLI&category=political_violence&measure=fatalities&before=trailing3&after=2023-08');
    expect((await problem(res, 404)).detail).toBe('May 2023 is not in this series, which covers 2023-06 to 2023-08.');
  });

  it.each([
    [
      'before=2023-7&after=2023-08',
      'before: must be a month (YYYY-MM, e.g. 2023-07), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26), a range of days (2023-06-26..2023-07-25, both days included), trailing3 / trailing12 (the 3 or 12 months before "after" starts), trailingNd (the N days before "after" starts, e.g. trailing30d) or trailingNw (the N weeks before "after" starts, e.g. trailing4w; ACLED weeks run Saturday to Friday)',
    ],
    [
      'before=2023-07&after=trailing3',
      'after: trailing3 counts back from "after", so "after" cannot be one: give a month (YYYY-MM, e.g. 2023-08), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26) or a range of days (2023-07-27..2023-08-25, both days included)',
    ],
    [
      'before=2023-08..2023-06&after=2023-09',
      'before: a range must run forwards: 2023-08..2023-06 ends before it starts (write 2023-06..2023-08)',
    ],
  ])('400 for %s', async (qs, detail) => {
    const body = await problem(await get(`/api/v1/compare?country=MLI&category=political_violence&measure=events&${qs}`), 400);
    expect(body.detail).toBe(detail);
  });

  it('404 for a month outside the series, 400 without both months', async () => {
    const a = await problem(
      await get('/api/v1/compare?country=MLI&category=political_violence&measure=events&before=2020-01&after=2023-07'),
      404,
    );
    expect(a.detail).toBe('January 2020 is not in this series, which covers 2023-06 to 2023-08.');
    const b = await problem(await get('/api/v1/compare?country=MLI&category=political_violence&measure=events&before=2023-06'), 400);
    expect(b.errors).toEqual([{ parameter: 'after', message: 'Invalid input: expected string, received undefined' }]);
  });

  it('answers CSV: a header and one row', async () => {
    const res = await get('/api/v1/compare?country=MLI&category=political_violence&measure=events&before=2023-06&after=2023-07&format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'country_iso3,admin1,category,measure,basis,before,before_value,after,after_value,abs,pct,ratio,low_baseline,trend,settled,before_counts,after_counts,before_weekly_check,after_weekly_check,caveats,dataset_version,as_of,credit',
    );
    expect(lines).toHaveLength(1 + 1);
  });
});

describe('GET /api/v1/compare with day windows', () => {
  it('compares two 15-day windows, one across a month boundary', async () => {
    const res = await get(`${NER}&measure=events&${COUP}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CompareResult;
    expect(body.dataset.version).toBe(ds.version);
    expect(body.series).toMatchObject({ country: { iso3: 'NER', name: 'Niger' }, admin1: null, measure: 'events' });
    expect(body.basis).toBe('total');
    expect(body.before).toEqual({
      period: '2023-07-01..2023-07-15',
      unit: 'day',
      from: '2023-07-01',
      to: '2023-07-15',
      days: 15,
      total: 6,
      value: 6,
      partial: false,
      provisional: true, // the newest four weeks of the daily counts (to 10 August) start on 14 July
      counts: 'daily',
      sources: ['niger-events'],
    });
    expect(body.after).toEqual({
      period: '2023-07-27..2023-08-10',
      unit: 'day',
      from: '2023-07-27',
      to: '2023-08-10',
      days: 15,
      total: 1,
      value: 1,
      partial: false,
      provisional: true,
      counts: 'daily',
      sources: ['niger-events'],
    });
    expect(body.change).toEqual({ base: 6, value: 1, abs: -5, pct: -83.3, ratio: 0.17, lowBaseline: true });
    expect(body.trend.band).toBe('low_baseline');
    expect(body.caveats).toEqual([
      'low baseline: 6 in 1–15 July 2023, percentages are unstable',
      "1–15 July 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
      "27 July–10 August 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
    ]);
    expect(body.sentence).toBe(
      'Political violence events in Niger fell from 6 in 1–15 July 2023 to 1 in 27 July–10 August 2023 (-83.3%, 0.17x).',
    );
  });

  it('compares daily means when the windows differ in length; trailingNd counts back from "after"', async () => {
    const body = (await (await get(`${NER}&measure=fatalities&before=2023-07-01..2023-07-20&after=2023-07-26`)).json()) as CompareResult;
    expect([body.basis, body.before.total, body.before.value, body.after.total, body.after.value]).toEqual(['daily_mean', 5, 0.25, 18, 18]);
    expect(body.caveats).toEqual([
      'low baseline: 5 in 1–20 July 2023, percentages are unstable',
      'the periods differ in length (20 and 1 days): daily means are compared',
      "1–20 July 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
      "26 July 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
    ]);
    expect(body.sentence).toBe(
      'Political violence reported fatalities per day in Niger rose from 0.25 in 1–20 July 2023 to 18 in 26 July 2023 (+7100%, 72x).',
    );
    const trailing = (await (await get(`${NER}&measure=events&before=trailing30d&after=2023-07-31..2023-08-09`)).json()) as CompareResult;
    // 1-30 July: 4 + 2 + 4 = 10; 31 July-9 August: 1.
    expect([trailing.before.from, trailing.before.to, trailing.before.total, trailing.after.total]).toEqual([
      '2023-07-01',
      '2023-07-30',
      10,
      1,
    ]);
  });

  it('answers CSV with the periods as asked', async () => {
    const res = await get(`${NER}&measure=events&${COUP}&format=csv`);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="sahel-pulse_compare_NER_political_violence_events_2023-07-01..2023-07-15_2023-07-27..2023-08-10_${ds.version}.csv"`,
    );
    const asOf = ds.catalogue.dataset.asOf;
    expect((await res.text()).split('\r\n')).toEqual([
      'country_iso3,admin1,category,measure,basis,before,before_value,after,after_value,abs,pct,ratio,low_baseline,trend,settled,before_counts,after_counts,before_weekly_check,after_weekly_check,caveats,dataset_version,as_of,credit',
      `NER,,political_violence,events,total,2023-07-01..2023-07-15,6,2023-07-27..2023-08-10,1,-5,-83.3,0.17,true,low_baseline,false,daily,daily,,,"low baseline: 6 in 1–15 July 2023, percentages are unstable; 1–15 July 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled; 27 July–10 August 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",${ds.version},${asOf},"ACLED, www.acleddata.com"`,
      '',
    ]);
  });

  it.each([
    ['before=2023-06-26..2023-07-25&after=2023-02-30', 'after: 2023-02-30 is not a calendar day: February 2023 has 28 days'],
    [
      'before=2023-07-25..2023-06-26&after=2023-07-27',
      'before: a range must run forwards: 2023-07-25..2023-06-26 ends before it starts (write 2023-06-26..2023-07-25)',
    ],
    [
      'before=2023-07&after=2023-07-27..2023-08-25',
      'before: "before" (2023-07) is in months and "after" (2023-07-27..2023-08-25) in days: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
    ],
    [
      'before=trailing30d&after=2023-08',
      'before: "before" (trailing30d) is in days and "after" (2023-08) in months: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
    ],
    [
      'before=2013-01-01..2023-07-25&after=2023-07-27',
      'before: 2013-01-01..2023-07-25 is 3858 days long; a day window may be at most 3660 days (about ten years): use months for longer periods',
    ],
    [
      'before=2023-07-01&after=trailing30d',
      'after: trailing30d counts back from "after", so "after" cannot be one: give a month (YYYY-MM, e.g. 2023-08), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26) or a range of days (2023-07-27..2023-08-25, both days included)',
    ],
  ])('400 for %s', async (qs, detail) => {
    expect((await problem(await get(`${NER}&measure=events&${qs}`), 400)).detail).toBe(detail);
  });

  it('400 for a day window on a region that is not whole weeks, naming the nearest whole-week ranges', async () => {
    const body = await problem(
      await get(
        `/api/v1/compare?country=NER&admin1=Tillaberi&category=political_violence&measure=events&before=2023-07-01..2023-07-14&after=2023-07-27..2023-08-10`,
      ),
      400,
    );
    expect(body.detail).toBe(
      'after: regions have weekly counts only (day windows are not offered for regions), which are never split into days: 2023-07-27..2023-08-10 is not a run of whole ACLED weeks (Saturday to Friday): it starts on a Thursday and ends on a Thursday; the nearest whole-week ranges are 2023-07-29..2023-08-04 (1 week), inside it and 2023-07-22..2023-08-11 (3 weeks), covering it',
    );
  });

  it('404 for a country without daily counts, naming where they exist and why', async () => {
    const body = await problem(await get(`/api/v1/compare?country=MLI&category=political_violence&measure=events&${COUP}`), 404);
    expect(body.detail).toBe(
      `Mali has no event-level source (only country x month tables), so it has no daily counts; daily counts exist for Niger (NER, 2023-06-01 to 2023-08-10). ${DAY_WINDOWS_RULE}`,
    );
  });

  it('404 for a window outside the days and weeks covered, never zeros; 400 where only weeks cover it and it is not whole weeks', async () => {
    // 1-30 August reaches past the daily counts (to 10 August): only weeks cover it, and it is not whole weeks.
    const late = await problem(await get(`${NER}&measure=events&before=2023-07-02..2023-07-31&after=2023-08-01..2023-08-30`), 400);
    expect(late.detail).toBe(
      "after: Niger's daily counts cover 2023-06-01 to 2023-08-10 only, and outside them it has weekly counts, which are never split into days: 2023-08-01..2023-08-30 is not a run of whole ACLED weeks (Saturday to Friday): it starts on a Tuesday and ends on a Wednesday; the nearest whole-week ranges are 2023-08-05..2023-08-25 (3 weeks), inside it and 2023-07-29..2023-09-01 (5 weeks), covering it",
    );
    expect(late.version).toBe(ds.version);
    // The week of 30 September is past the weekly counts (to 29 September).
    const later = await problem(await get(`${NER}&measure=events&before=2023-09-23..2023-09-29&after=2023-09-30..2023-10-06`), 404);
    expect(later.detail).toBe(
      '30 September 2023 is not in the weekly counts for Niger, which cover the weeks 2023-05-27 to 2023-09-29, and its daily counts 2023-06-01 to 2023-08-10; no figure is given outside them.',
    );
    const early = await problem(await get(`${NER}&measure=events&before=2023-05-20..2023-06-10&after=2023-06-11..2023-07-02`), 404);
    expect(early.detail).toMatch(/^20 May 2023 is not in the weekly counts for Niger/);
  });

  it('404 for a category a country does not have', async () => {
    const body = await problem(await get(`/api/v1/compare?country=MLI&category=civilian_targeting&measure=events&${COUP}`), 404);
    expect(body.detail).toMatch(/^Category civilian_targeting is not available for Mali/);
  });
});
