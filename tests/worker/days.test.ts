/**
 * Day windows through the API, inside workerd with Miniflare KV: /compare and /check with day
 * periods (JSON, CSV, 400s, 404s, "cannot be decided"), and the KV reads each request costs.
 * Data: tests/worker/seed.ts (Niger's daily counts 2023-06-01..2023-08-10; Mali monthly only).
 */
import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_WINDOWS_RULE, REGION_DAYS_WHY } from '../../model/days.ts';
import { keys, POINTER_KEY } from '../../model/keys.ts';
import type { Dataset } from '../../data/build/dataset.ts';
import app from '../../worker/index.ts';
import type { Comparison } from '../../worker/schemas.ts';
import { buildTestDataset, publishWith, seed } from './seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const get = (path: string) => exports.default.fetch(new Request(`http://localhost${path}`));

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  return (await res.json()) as { detail: string; errors?: { parameter: string; message: string }[] };
}

const NER = '/api/v1/compare?country=NER&category=political_violence';
// 1-15 July: 4 events on the 1st, 2 on the 15th (5 fatalities); 27 July-10 August: 1 on 2 August (40 fatalities).
const COUP = 'before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10';
const CHECK = '/api/v1/check?country=NER&category=political_violence&measure=events,fatalities';

describe('GET /api/v1/compare with day windows', () => {
  it('compares two 15-day windows, one across a month boundary', async () => {
    const res = await get(`${NER}&measure=events&${COUP}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Comparison;
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
      sources: ['niger-events'],
    });
    expect(body.change).toEqual({ base: 6, value: 1, abs: -5, pct: -83.3, ratio: 0.17, lowBaseline: true });
    expect(body.trend.band).toBe('low_baseline');
    expect(body.caveats).toEqual(['low baseline: 6 in 1–15 July 2023, percentages are unstable']);
    expect(body.sentence).toBe(
      'Political violence events in Niger fell from 6 in 1–15 July 2023 to 1 in 27 July–10 August 2023 (-83.3%, 0.17x).',
    );
  });

  it('compares daily means when the windows differ in length; trailingNd counts back from "after"', async () => {
    const body = (await (await get(`${NER}&measure=fatalities&before=2023-07-01..2023-07-20&after=2023-07-26`)).json()) as Comparison;
    expect([body.basis, body.before.total, body.before.value, body.after.total, body.after.value]).toEqual(['daily_mean', 5, 0.25, 18, 18]);
    expect(body.caveats).toEqual([
      'low baseline: 5 in 1–20 July 2023, percentages are unstable',
      'the periods differ in length (20 and 1 days): daily means are compared',
    ]);
    expect(body.sentence).toBe(
      'Political violence reported fatalities per day in Niger rose from 0.25 in 1–20 July 2023 to 18 in 26 July 2023 (+7100%, 72x).',
    );
    const trailing = (await (await get(`${NER}&measure=events&before=trailing30d&after=2023-07-31..2023-08-09`)).json()) as Comparison;
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
      'country_iso3,admin1,category,measure,basis,before,before_value,after,after_value,abs,pct,ratio,low_baseline,trend,caveats,dataset_version,as_of,credit',
      `NER,,political_violence,events,total,2023-07-01..2023-07-15,6,2023-07-27..2023-08-10,1,-5,-83.3,0.17,true,low_baseline,"low baseline: 6 in 1–15 July 2023, percentages are unstable",${ds.version},${asOf},"ACLED, www.acleddata.com"`,
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

  it('400 for a day window on a region, saying why regions have none', async () => {
    const body = await problem(
      await get(`/api/v1/compare?country=NER&admin1=Tillaberi&category=political_violence&measure=events&${COUP}`),
      400,
    );
    expect(body.detail).toBe(`admin1: ${REGION_DAYS_WHY}`);
    expect(body.detail).toContain("ACLED's terms restrict redistributing event rows");
  });

  it('404 for a country without daily counts, naming where they exist and why', async () => {
    const body = await problem(await get(`/api/v1/compare?country=MLI&category=political_violence&measure=events&${COUP}`), 404);
    expect(body.detail).toBe(
      `Mali has no event-level source (only country x month tables), so it has no daily counts; daily counts exist for Niger (NER, 2023-06-01 to 2023-08-10). ${DAY_WINDOWS_RULE}`,
    );
  });

  it('404 for a window outside the days covered, never zeros', async () => {
    // 1 August-30 August reaches 20 days past the last day covered (10 August).
    const late = await problem(await get(`${NER}&measure=events&before=2023-07-02..2023-07-31&after=2023-08-01..2023-08-30`), 404);
    expect(late.detail).toBe(
      '11 August 2023 is not in the daily counts for Niger, which cover 2023-06-01 to 2023-08-10; no figure is given for days outside them.',
    );
    const early = await problem(await get(`${NER}&measure=events&before=2023-05-20..2023-06-10&after=2023-06-11..2023-07-02`), 404);
    expect(early.detail).toMatch(/^20 May 2023 is not in the daily counts for Niger/);
  });

  it('404 for a category a country does not have', async () => {
    const body = await problem(await get(`/api/v1/compare?country=MLI&category=civilian_targeting&measure=events&${COUP}`), 404);
    expect(body.detail).toMatch(/^Category civilian_targeting is not available for Mali/);
  });
});

describe('GET /api/v1/check with day windows', () => {
  it('decides a claim over day windows from one entry, with permalink and dashboard page', async () => {
    const res = await get(`${CHECK}&${COUP}&relation=pct_increase_gt&threshold=40&wording=rose%20by%20more%20than%2040%25`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { claim: Dataset['claims']['claims'][number]; permalink: string; page: string };
    expect(body.claim.quote).toBe('Political violence in Niger, 27 July–10 August 2023 against 1–15 July 2023: rose by more than 40%');
    expect(body.claim.verdict).toBe('partly_supported');
    expect(body.claim.readings.map((r) => [r.measure, r.beforeValue, r.afterValue, r.change?.pct, r.holds])).toEqual([
      ['events', 6, 1, -83.3, false],
      ['fatalities', 5, 40, 700, true],
    ]);
    expect(body.claim.readings[1]!.sentence).toBe(
      'Political violence reported fatalities in Niger rose from 5 in 1–15 July 2023 to 40 in 27 July–10 August 2023 (+700%, 8x); "rose by more than 40%" (more than +40%) holds.',
    );
    expect(body.permalink).toBe(
      `/api/v1/check?after=2023-07-27..2023-08-10&before=2023-07-01..2023-07-15&category=political_violence&country=NER&measure=events%2Cfatalities&relation=pct_increase_gt&threshold=40&version=${ds.version}&wording=rose+by+more+than+40%25`,
    );
    expect(body.page).toBe(
      '/?view=compare&country=NER&category=political_violence&measure=events&readings=both&before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10&relation=pct_increase_gt&threshold=40&wording=rose+by+more+than+40%25',
    );
    expect(((await (await get(body.permalink)).json()) as { claim: unknown }).claim).toEqual(body.claim);
  });

  it('builds the page link from the validated query: ISO3, region slug, threshold as a number', async () => {
    const body = (await (
      await get(
        '/api/v1/check?country=niger&admin1=TILLAB%C3%89RI&category=political_violence&measure=fatalities&after=2023-07&relation=value_gte&threshold=03.50',
      )
    ).json()) as { page: string };
    expect(body.page).toBe(
      '/?view=compare&country=NER&category=political_violence&measure=fatalities&after=2023-07&relation=value_gte&threshold=3.5&admin1=tillaberi',
    );
  });

  it('exact boundaries hold on day windows: 5 -> 40 fatalities is exactly 8x', async () => {
    const at = async (relation: string, threshold: string) =>
      (
        (await (await get(`${CHECK}&${COUP}&relation=${relation}&threshold=${threshold}`)).json()) as {
          claim: { readings: { holds: boolean }[] };
        }
      ).claim.readings[1]!.holds;
    expect(await at('ratio_gte', '8')).toBe(true);
    expect(await at('ratio_gt', '8')).toBe(false);
    expect(await at('pct_increase_gt', '700')).toBe(false);
    expect(await at('pct_increase_gt', '699.9')).toBe(true);
  });

  it.each([
    [
      'a window outside the daily counts',
      `${CHECK}&before=2023-07-02..2023-07-31&after=2023-08-01..2023-08-30&relation=ratio_gte&threshold=2`,
      '11 August 2023 is not in the daily counts for Niger, which cover 2023-06-01 to 2023-08-10; no figure is given for days outside them.',
    ],
    [
      'a region',
      `/api/v1/check?country=NER&admin1=Tillaberi&category=political_violence&measure=events,fatalities&${COUP}&relation=ratio_gte&threshold=2`,
      REGION_DAYS_WHY,
    ],
    [
      'a country without daily counts',
      `/api/v1/check?country=MLI&category=political_violence&measure=events,fatalities&${COUP}&relation=ratio_gte&threshold=2`,
      `Mali has no event-level source (only country x month tables), so it has no daily counts; daily counts exist for Niger (NER, 2023-06-01 to 2023-08-10). ${DAY_WINDOWS_RULE}`,
    ],
  ])('"cannot be decided" for %s, with the reason', async (_, path, why) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      claim: { verdict: string; readings: { holds: boolean | null; beforeValue: number | null; caveats: string[] }[] };
    };
    expect(body.claim.verdict).toBe('cannot_be_decided');
    expect(body.claim.readings.map((r) => [r.holds, r.beforeValue, r.caveats])).toEqual([
      [null, null, [why]],
      [null, null, [why]],
    ]);
  });

  it('answers CSV, one row per measure', async () => {
    const res = await get(`${CHECK}&${COUP}&relation=pct_increase_gt&threshold=40&format=csv`);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'verdict,measure,before,after,before_value,after_value,pct,ratio,holds,caveats,sentence,permalink,dataset_version,as_of,credit',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 9).join(','))).toEqual([
      'partly_supported,events,2023-07-01..2023-07-15,2023-07-27..2023-08-10,6,1,-83.3,0.17,false',
      'partly_supported,fatalities,2023-07-01..2023-07-15,2023-07-27..2023-08-10,5,40,700,8,true',
    ]);
  });

  it('400 for periods of two units, or an ill-formed day', async () => {
    const mixed = await problem(await get(`${CHECK}&before=2023-07&after=2023-07-27..2023-08-25&relation=ratio_gte&threshold=2`), 400);
    expect(mixed.errors).toEqual([
      {
        parameter: 'before',
        message:
          '"before" (2023-07) is in months and "after" (2023-07-27..2023-08-25) in days: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
      },
    ]);
    const leap = await problem(await get(`${CHECK}&after=2023-02-29&relation=value_gte&threshold=2`), 400);
    expect(leap.detail).toBe('after: 2023-02-29 is not a calendar day: February 2023 has 28 days');
  });
});

describe('the claims route', () => {
  it('lists alternative readings beside the headline one in CSV, with their interpretation', async () => {
    const lines = (await (await get('/api/v1/claims?format=csv')).text()).trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 5)).toEqual(['claim_id', 'quote', 'headline', 'interpretation', 'verdict']);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'niger-test,Political violence in Niger doubled in July.,true,July vs June 2023,supported',
      'niger-test,Political violence in Niger doubled in July.,false,30 days against the 30 days before,not_supported',
    ]);
  });
});

describe('KV reads per request', () => {
  /** Publish a fresh copy of the dataset (nothing of it is in the Worker's memory), then count what one request reads. */
  async function reads(path: string): Promise<{ status: number; keys: string[] }> {
    const v = await publishWith(env.SAHEL_KV, ds, keys.claims, ds.entries.find((e) => e.key === keys.claims(ds.version))!.value);
    const read: string[] = [];
    const kv = new Proxy(env.SAHEL_KV, {
      get(target, prop) {
        if (prop === 'get')
          return (key: string, ...rest: unknown[]) => {
            read.push(key.replace(v, 'V'));
            return (target.get as (...a: unknown[]) => unknown).call(target, key, ...rest);
          };
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const res = await app.request(`http://localhost${path}`, {}, { ...env, SAHEL_KV: kv, POINTER_CACHE_SECONDS: '0' });
    await res.arrayBuffer();
    return { status: res.status, keys: read };
  }

  it.each([
    [`${NER}&measure=events&${COUP}`, 200, 'v:V:days:NER:political_violence'],
    [`${NER}&measure=fatalities&before=trailing30d&after=2023-07-31`, 200, 'v:V:days:NER:political_violence'],
    [`${NER}&measure=events&before=2023-07-02..2023-07-31&after=2023-08-01..2023-08-30`, 404, 'v:V:days:NER:political_violence'],
    [`/api/v1/compare?country=MLI&category=political_violence&measure=events&${COUP}`, 404, 'v:V:days:MLI:political_violence'],
    [`${CHECK}&${COUP}&relation=pct_increase_gt&threshold=40`, 200, 'v:V:days:NER:political_violence'],
    [
      `${CHECK}&before=2023-07-02..2023-07-31&after=2023-08-01..2023-08-30&relation=ratio_gte&threshold=2`,
      200,
      'v:V:days:NER:political_violence',
    ],
    [
      `/api/v1/check?country=MLI&category=political_violence&measure=events,fatalities&${COUP}&relation=ratio_gte&threshold=2`,
      200,
      'v:V:days:MLI:political_violence',
    ],
    [`${NER}&measure=events&before=2023-06&after=2023-07`, 200, 'v:V:series:NER:political_violence:events'],
    ['/api/v1/series?country=NER&category=political_violence&measure=events', 200, 'v:V:series:NER:political_violence:events'],
  ])('%s: the pointer and one entry', async (path, status, entry) => {
    expect(await reads(path)).toEqual({ status, keys: [POINTER_KEY, entry] });
  });

  it('a region is looked up in the catalogue first (read once per isolate and version), so no text from the URL reaches a key', async () => {
    const path = `/api/v1/check?country=NER&admin1=Tillaberi&category=political_violence&measure=events,fatalities&${COUP}&relation=ratio_gte&threshold=2`;
    expect(await reads(path)).toEqual({
      status: 200,
      keys: [POINTER_KEY, 'v:V:catalogue', 'v:V:measures:NER.tillaberi:political_violence'],
    });
    const long = `/api/v1/series?country=NER&admin1=${'x'.repeat(470)}&category=political_violence&measure=events`;
    expect(await reads(long)).toEqual({ status: 404, keys: [POINTER_KEY, 'v:V:catalogue'] });
  });

  it('a month check read for events and fatalities reads the entry holding both measures', async () => {
    expect(await reads(`${CHECK}&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2`)).toEqual({
      status: 200,
      keys: [POINTER_KEY, 'v:V:measures:NER:political_violence'],
    });
  });
});
