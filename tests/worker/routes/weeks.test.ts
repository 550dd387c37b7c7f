/**
 * Weeks in the API: /series?unit=week (countries and regions, JSON and CSV), /compare and
 * /check on whole ACLED weeks (regions; a country past its daily counts), the weekly cross-check
 * of a daily answer, the provisional caveat, the 400 naming the nearest whole-week ranges, and the
 * catalogue's weeks, freshness and regions. Data: tests/worker/seed.ts (Niger's weeks 2023-05-27
 * to 2023-09-23, provisional from 2023-09-02; the week of 22 July revised: 5 events against 4).
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../data/build/dataset.ts';
import { buildDataset } from '../../../data/build/dataset.ts';
import type { CheckResult, CompareResult, WeekSeries } from '../../../model/api.ts';
import type { Catalogue } from '../../../model/types.ts';
import { testSources } from '../../fixtures/niger.ts';
import { get, problem } from '../request.ts';
import { buildTestDataset, CLAIMS, seed } from '../seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const PV = 'category=political_violence';
const json = async <T>(path: string): Promise<T> => {
  const res = await get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

describe('GET /api/v1/series?unit=week', () => {
  it('gives a region its weeks with week-over-week changes, trailing means and flags, from the week asked for', async () => {
    const s = await json<WeekSeries>(
      `/api/v1/series?country=NER&admin1=tillaberi&${PV}&measure=events&unit=week&from=2023-07-22&to=2023-08-12`,
    );
    expect([s.unit, s.source, s.weeks, s.series.admin1]).toEqual([
      'week',
      'weekly',
      { from: '2023-05-27', through: '2023-09-23', provisionalFrom: '2023-09-02' },
      { name: 'Tillabéri', slug: 'tillaberi' },
    ]);
    expect(s.points.map((p) => [p.week, p.value, p.vsPrevious?.abs ?? null, p.mean4, p.provisional])).toEqual([
      ['2023-07-22', 0, 0, 1, false],
      ['2023-07-29', 1, 1, 1, false],
      ['2023-08-05', 3, 2, 0.25, false],
      ['2023-08-12', 0, -3, 1, false],
    ]);
    // Not a year of weeks before: no 52-week mean, no year-ago week.
    expect(s.points.every((p) => p.mean52 === null && p.vsYearAgo === null)).toBe(true);
  });

  it("sums a country's regions, flags the newest four weeks provisional, and answers CSV", async () => {
    const s = await json<WeekSeries>(`/api/v1/series?country=NER&${PV}&measure=events&unit=week&from=2023-08-26`);
    expect(s.points.map((p) => [p.week, p.value, p.provisional])).toEqual([
      ['2023-08-26', 0, false],
      ['2023-09-02', 6, true],
      ['2023-09-09', 0, true],
      ['2023-09-16', 1, true],
      ['2023-09-23', 0, true],
    ]);
    const csv = await (await get(`/api/v1/series?country=NER&${PV}&measure=events&unit=week&from=2023-09-16&format=csv`)).text();
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      'country_iso3,country,admin1,category,measure,week,week_end,value,provisional,source,vs_previous_abs,vs_previous_pct,mean4,mean52,vs_year_ago_pct,low_baseline,dataset_version,as_of,credit',
      `NER,Niger,,political_violence,events,2023-09-16,2023-09-22,1,true,weekly,1,,2,,,true,${ds.version},2023-09-29,"ACLED, www.acleddata.com"`,
    ]);
  });

  it.each([
    ['from=2023-07-23', 'from: 2023-07-23 is a Sunday, not the Saturday that starts an ACLED week'],
    ['from=2023-07', 'from: "2023-07" is not a week: give the Saturday that starts it'],
    ['category=political_violence,battles', 'category: unit=week takes one category at a time'],
    ['unit=day', 'unit: must be month or week'],
  ])('400 for %s', async (qs, start) => {
    const path = `/api/v1/series?country=NER&measure=events&unit=week&${qs.startsWith('category') ? qs : `${PV}&${qs}`}`.replace(
      'unit=week&unit=day',
      'unit=day',
    );
    expect((await problem(await get(path), 400)).detail.startsWith(start)).toBe(true);
  });

  it('a month with a day is a 400 that points to unit=week; a country without weeks is a 404 saying which have them', async () => {
    expect((await problem(await get(`/api/v1/series?country=NER&${PV}&measure=events&from=2023-07-01`), 400)).detail).toBe(
      'from: must be a month written YYYY-MM, e.g. 2023-08 (for weeks add unit=week)',
    );
    const p = await problem(await get(`/api/v1/series?country=MLI&${PV}&measure=events&unit=week`), 404);
    expect([p.detail, p.version]).toEqual(['The dataset has no weekly counts for Mali; countries with weeks: NER.', ds.version]);
  });
});

describe('GET /api/v1/compare on whole weeks', () => {
  it('answers a region from its weekly counts (trailingNw included)', async () => {
    const c = await json<CompareResult>(
      `/api/v1/compare?country=NER&admin1=Diffa&${PV}&measure=events&before=trailing2w&after=2023-07-15..2023-07-28`,
    );
    expect([c.before.from, c.before.to, c.before.total, c.after.total, c.after.counts, c.after.weeks, c.basis]).toEqual([
      '2023-07-01',
      '2023-07-14',
      0,
      7,
      'weekly',
      2,
      'total',
    ]);
    expect(c.series.admin1).toEqual({ name: 'Diffa', slug: 'diffa' });
  });

  it('answers from daily counts where they cover the window, showing the weekly figure and whether they agree', async () => {
    const c = await json<CompareResult>(
      `/api/v1/compare?country=NER&${PV}&measure=events&before=2023-07-08..2023-07-14&after=2023-07-22..2023-07-28`,
    );
    expect([c.before.counts, c.before.crossCheck, c.after.counts, c.after.crossCheck]).toEqual([
      'daily',
      { source: 'weekly', counts: 'weekly', total: 0, agrees: true },
      'daily',
      { source: 'weekly', counts: 'weekly', total: 5, agrees: false },
    ]);
    expect(c.after.total).toBe(4);
    expect(c.caveats).toContain(
      "22–28 July 2023: the weekly counts (weekly) give 5, the daily counts 4 (ACLED revised events between the two downloads; see the catalogue's crossChecks)",
    );
  });

  it('answers whole weeks past the daily counts from weekly counts; a provisional side is not settled', async () => {
    const c = await json<CompareResult>(`/api/v1/compare?country=NER&${PV}&measure=events&before=trailing4w&after=2023-09-02..2023-09-29`);
    expect([c.before.total, c.before.counts, c.after.total, c.after.counts, c.after.provisional]).toEqual([5, 'weekly', 7, 'weekly', true]);
    expect(c.trend).toMatchObject({ band: 'low_baseline', settled: false });
    expect(c.trend.label).toMatch(/\(provisional\)$/);
    expect(c.caveats).toContain(
      "2–29 September 2023 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
    );
  });
});

describe('GET /api/v1/check on whole weeks', () => {
  it('decides a claim about a region in whole weeks', async () => {
    const r = await json<CheckResult>(
      `/api/v1/check?country=NER&admin1=Diffa&${PV}&measure=events,fatalities&before=2023-07-08..2023-07-14&after=2023-07-15..2023-07-21&relation=ratio_gte&threshold=2`,
    );
    expect(r.claim.readings.map((x) => [x.measure, x.beforeValue, x.afterValue, x.holds])).toEqual([
      ['events', 0, 2, null],
      ['fatalities', 0, 0, null],
    ]);
    expect(r.claim.readings[0]!.caveats).toEqual(['the base is zero: a percent change or ratio is undefined']);
    const pass = await json<CheckResult>(
      `/api/v1/check?country=NER&admin1=Diffa&${PV}&measure=events&before=2023-07-15..2023-07-21&after=2023-07-22..2023-07-28&relation=ratio_gte&threshold=2`,
    );
    expect([pass.claim.verdict, pass.claim.readings[0]!.beforeValue, pass.claim.readings[0]!.afterValue]).toEqual(['supported', 2, 5]);
  });

  it('a region window that is not whole weeks is a 400 naming the nearest whole-week ranges', async () => {
    const p = await problem(
      await get(`/api/v1/check?country=NER&admin1=Diffa&${PV}&measure=events&after=2023-07-16..2023-07-28&relation=value_gte&threshold=2`),
      400,
    );
    expect(p.errors).toEqual([
      {
        parameter: 'after',
        message:
          'regions have weekly counts only (day windows are not offered for regions), which are never split into days: 2023-07-16..2023-07-28 is not a run of whole ACLED weeks (Saturday to Friday): it starts on a Sunday; the nearest whole-week ranges are 2023-07-22..2023-07-28 (1 week), inside it and 2023-07-15..2023-07-28 (2 weeks), covering it',
      },
    ]);
  });
});

describe('the catalogue', () => {
  it("lists each country's weeks, freshness per unit and source, and regions named once across sources", async () => {
    const c = await json<Catalogue>('/api/v1/catalogue');
    const ner = c.countries.find((x) => x.iso3 === 'NER')!;
    expect(ner.admin1.map((r) => r.name)).toEqual(['Diffa', 'Tillabéri']);
    expect(ner.weeks).toEqual({
      source: 'weekly',
      from: '2023-05-27',
      to: '2023-09-23',
      through: '2023-09-29',
      provisionalFrom: '2023-09-02',
      categories: ['political_violence'],
    });
    expect(ner.freshness?.map((f) => [f.unit, f.source, f.through, f.provisional.from])).toEqual([
      ['day', 'niger-events', '2023-08-10', '2023-07-14'],
      ['month', 'niger-events', '2023-08-10', '2023-08-01'],
      ['week', 'weekly', '2023-09-29', '2023-09-02'],
    ]);
    expect(c.countries.find((x) => x.iso3 === 'MLI')!.weeks).toBeNull();
    // Each region says which categories it has monthly series of (the seed's regions have monthly ones).
    expect(ner.admin1.find((r) => r.slug === 'diffa')!.categories).toContain('political_violence');
  });

  it('a monthly series of a region with weeks only is a 404 that points to unit=week, never a 503', async () => {
    // The seed plus one week in Agadez, a region no monthly source has.
    const sources = testSources();
    const weekly = sources.find((s) => s.info.unit === 'week')!;
    weekly.weekly = [
      ...weekly.weekly!,
      { country: 'NER', admin1: 'Agadez', week: '2023-07-01', category: 'political_violence', events: 1, fatalities: 0 },
    ];
    await seed(env.SAHEL_KV, await buildDataset({ sources, claims: CLAIMS }));
    const ner = (await json<Catalogue>('/api/v1/catalogue')).countries.find((x) => x.iso3 === 'NER')!;
    expect(ner.admin1.find((r) => r.slug === 'agadez')).toEqual({ name: 'Agadez', slug: 'agadez', categories: [] });
    const p = await problem(await get(`/api/v1/series?country=NER&admin1=agadez&${PV}&measure=events`), 404);
    expect(p.detail).toBe(
      'Agadez (Niger) has no monthly figures: its source counts ACLED weeks, which are never split into months. Agadez has weekly counts of political_violence: ask with unit=week.',
    );
    expect(p.allowed).toEqual([]);
    const w = await json<WeekSeries>(
      `/api/v1/series?country=NER&admin1=agadez&${PV}&measure=events&unit=week&from=2023-07-01&to=2023-07-01`,
    );
    expect(w.points.map((x) => [x.week, x.value])).toEqual([['2023-07-01', 1]]);
  });
});
