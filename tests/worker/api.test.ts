import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { keys, POINTER_KEY } from '../../model/keys.ts';
import type { Dataset } from '../../data/build/dataset.ts';
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
  const body = (await res.json()) as { status: number; title: string; detail: string; [k: string]: unknown };
  expect(body.status).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+/); // no stack trace
  return body;
}

const entry = (key: string) => ds.entries.find((e) => e.key === key)!.value;

describe('GET /api/v1/catalogue', () => {
  it('serves the stored catalogue byte for byte', async () => {
    const res = await get('/api/v1/catalogue');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe(entry(keys.catalogue(ds.version)));
  });

  it('names the countries, regions and dataset version', async () => {
    const body = (await (await get('/api/v1/catalogue')).json()) as Dataset['catalogue'];
    expect(body.dataset.version).toBe(ds.version);
    expect(body.dataset.credit).toBe('ACLED, www.acleddata.com');
    expect(body.countries.map((c) => [c.iso3, c.admin1.map((r) => r.slug), c.partialMonths])).toEqual([
      ['MLI', [], []],
      ['NER', ['diffa', 'tillaberi'], ['2023-08']],
    ]);
  });
});

describe('GET /api/v1/series', () => {
  it('serves a stored series unchanged', async () => {
    const res = await get('/api/v1/series?country=NER&category=political_violence&measure=events');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(entry(keys.series(ds.version, 'NER', 'political_violence', 'events')));
  });

  it('accepts country names and region names in any case and accent', async () => {
    const res = await get('/api/v1/series?country=niger&admin1=TILLABERI&category=political_violence&measure=fatalities');
    const body = (await res.json()) as Dataset['series'][number];
    expect(body.series.admin1).toEqual({ name: 'Tillabéri', slug: 'tillaberi' });
    expect(body.points.map((p) => [p.month, p.value, p.partial])).toEqual([
      ['2023-06', 10, false],
      ['2023-07', 3, false],
      ['2023-08', 40, true],
    ]);
  });

  it('filters by from and to', async () => {
    const body = (await (
      await get('/api/v1/series?country=MLI&category=political_violence&measure=events&from=2023-07&to=2023-07')
    ).json()) as Dataset['series'][number];
    expect(body.points).toHaveLength(1);
    expect(body.points[0]).toMatchObject({
      month: '2023-07',
      value: 120,
      vsPrevious: { base: 100, value: 120, abs: 20, pct: 20, ratio: 1.2, lowBaseline: false },
    });
    expect(body.dataset.version).toBe(ds.version);
  });

  it.each([
    [
      'country=XX&category=political_violence&measure=events',
      'country',
      'unknown country "XX"; use an ISO3 code or name: BFA (Burkina Faso), TCD (Chad), MLI (Mali), NER (Niger), NGA (Nigeria)',
    ],
    [
      'country=NER&category=violence&measure=events',
      'category',
      'unknown category "violence"; use one or more of political_violence, battles, explosions_remote_violence, violence_against_civilians, demonstrations, protests, riots, strategic_developments, civilian_targeting, attacks_on_state_forces',
    ],
    ['country=NER&category=battles&measure=deaths', 'measure', 'must be one of events, fatalities'],
    ['country=NER&category=battles&measure=events&from=2023-13', 'from', 'must be a month written YYYY-MM, e.g. 2023-08'],
    ['country=NER&category=battles&measure=events&from=2023-08&to=2023-07', 'from', '"from" must not be after "to"'],
    [
      'country=NER&category=battles&measure=events&form=2023-07',
      'form',
      'unknown parameter(s) form; valid parameters: country, admin1, category, measure, from, to, version, format',
    ],
    ['category=battles&measure=events', 'country', 'Invalid input: expected string, received undefined'],
  ])('400 for %s', async (qs, parameter, message) => {
    const body = await problem(await get(`/api/v1/series?${qs}`), 400);
    expect(body.errors).toEqual([{ parameter, message }]);
  });

  it('404 says which categories a country has', async () => {
    const body = await problem(await get('/api/v1/series?country=Mali&category=civilian_targeting&measure=events'), 404);
    expect(body.detail).toBe(
      'Category civilian_targeting is not available for Mali (it needs event-level data); available: political_violence, battles, explosions_remote_violence, violence_against_civilians, demonstrations, protests, riots, strategic_developments.',
    );
  });

  it('404 lists the regions when a region is unknown, and says when a country has none', async () => {
    const a = await problem(await get('/api/v1/series?country=NER&admin1=Agadez&category=political_violence&measure=events'), 404);
    expect(a.detail).toBe('Unknown admin1 region "Agadez" for Niger; regions: Diffa, Tillabéri.');
    const b = await problem(await get('/api/v1/series?country=MLI&admin1=Gao&category=political_violence&measure=events'), 404);
    expect(b.detail).toMatch(/^Mali has no admin1 \(region\) figures/);
  });

  it('404 for a country the dataset does not hold', async () => {
    const body = await problem(await get('/api/v1/series?country=Chad&category=political_violence&measure=events'), 404);
    expect(body.detail).toBe('The dataset has no data for TCD; countries: MLI, NER.');
  });
});

describe('GET /api/v1/compare', () => {
  const compareJson = async (qs: string) => (await (await get(`/api/v1/compare?${qs}`)).json()) as Comparison;

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
    expect(body.caveats).toEqual(['August 2023 includes a month the source covers only in part: not compared']);
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
    expect(mixed.caveats).toEqual(['the periods differ in length (2 and 1 months): monthly means are compared']);
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
      'before: must be a month (YYYY-MM, e.g. 2023-07), a range of months (2023-05..2023-07), a day (YYYY-MM-DD, e.g. 2023-07-26), a range of days (2023-06-26..2023-07-25, both days included), trailing3 / trailing12 (the 3 or 12 months before "after" starts) or trailingNd (the N days before "after" starts, e.g. trailing30d)',
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
});

describe('GET /api/v1/check', () => {
  const check = '/api/v1/check?country=NER&category=political_violence&measure=events,fatalities';

  it('evaluates a claim given in the query, one reading per measure', async () => {
    const res = await get(`${check}&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2&wording=doubled`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { claim: Dataset['claims']['claims'][number]; permalink: string };
    expect(body.claim.verdict).toBe('supported');
    expect(body.claim.quote).toBe('Political violence in Niger, July 2023 against June 2023: doubled');
    expect(body.claim.readings.map((r) => [r.measure, r.beforeValue, r.afterValue, r.holds])).toEqual([
      ['events', 5, 10, true],
      ['fatalities', 10, 23, true],
    ]);
    expect(body.permalink).toBe(
      `/api/v1/check?after=2023-07&before=2023-06&category=political_violence&country=NER&measure=events%2Cfatalities&relation=ratio_gte&threshold=2&version=${ds.version}&wording=doubled`,
    );
    const again = (await (await get(body.permalink)).json()) as { claim: unknown };
    expect(again.claim).toEqual(body.claim);
  });

  it('words a claim given without wording in plain language, and links its dashboard view', async () => {
    const body = (await (
      await get(
        '/api/v1/check?country=niger&category=political_violence&measure=fatalities&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2',
      )
    ).json()) as { claim: Dataset['claims']['claims'][number]; page: string };
    expect(body.claim.quote).toBe('Political violence in Niger, July 2023 against June 2023: at least 2 times');
    expect(body.claim.readings.map((r) => r.relation.wording)).toEqual(['at least 2 times']);
    expect(body.claim.interpretation).toBe('Read for reported fatalities, with the relation "at least 2 times" (ratio_gte 2), as asked.');
    expect(body.page).toBe(
      '/?view=compare&country=NER&category=political_violence&measure=fatalities&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2',
    );
  });

  it('answers "cannot be decided" for a partial month, never a guess', async () => {
    const body = (await (await get(`${check}&before=2023-07&after=2023-08&relation=pct_increase_gt&threshold=0`)).json()) as {
      claim: { verdict: string; readings: { holds: boolean | null; caveats: string[] }[] };
    };
    expect(body.claim.verdict).toBe('cannot_be_decided');
    expect(body.claim.readings.map((r) => r.holds)).toEqual([null, null]);
  });

  it.each([
    [
      'after=2023-07&relation=ratio_gte&threshold=2',
      'before: value_gte takes only "after"; every other relation needs both "before" and "after"',
    ],
    [
      'before=2023-06&after=2023-07&relation=value_gte&threshold=2',
      'before: value_gte takes only "after"; every other relation needs both "before" and "after"',
    ],
    ['before=2023-06&after=2023-07&relation=ratio_gte&threshold=lots', 'threshold: must be a non-negative number, e.g. 40 or 1.5'],
    [
      'before=2023-06&after=2023-07&relation=tripled&threshold=3',
      'relation: must be one of pct_increase_gt, pct_decrease_gt, ratio_gte, ratio_gt, value_gte',
    ],
  ])('400 for %s', async (qs, detail) => {
    const body = await problem(await get(`${check}&${qs}`), 400);
    expect(body.detail).toBe(detail);
  });
});

describe('GET /api/v1/claims', () => {
  it('serves the evaluated claims', async () => {
    const res = await get('/api/v1/claims');
    expect(await res.text()).toBe(entry(keys.claims(ds.version)));
    const body = JSON.parse(entry(keys.claims(ds.version))) as Dataset['claims'];
    expect(body.claims.map((c) => [c.id, c.verdict, c.readings[0]!.beforeValue, c.readings[0]!.afterValue])).toEqual([
      ['niger-test', 'supported', 5, 10],
    ]);
  });
});

describe('missing or corrupt data', () => {
  it('503 when no dataset is published', async () => {
    await env.SAHEL_KV.delete(POINTER_KEY);
    const body = await problem(await get('/api/v1/catalogue'), 503);
    expect(body.detail).toMatch(/^No dataset has been published \(the KV pointer "current" is missing\)\./);
  });

  it('503 when the pointer names a version with no entries', async () => {
    await env.SAHEL_KV.put(POINTER_KEY, JSON.stringify({ version: 'feedfacecafe', publishedAt: '' }));
    const body = await problem(await get('/api/v1/claims'), 503);
    expect(body.detail).toMatch(/^Dataset feedfacecafe has no claims entry\./);
  });

  it('503 when an entry is corrupt, for pass-through routes too', async () => {
    await publishWith(env.SAHEL_KV, ds, (v) => keys.series(v, 'NER', 'political_violence', 'events'), '{"dataset": {');
    const body = await problem(await get('/api/v1/series?country=NER&category=political_violence&measure=events'), 503);
    expect(body.detail).toMatch(/^The stored entry v:[0-9a-f]{12}:series:NER:political_violence:events is corrupt\./);
  });

  it.each(['not json', 'null', '{"version": 42}'])('503 when the pointer holds %s', async (text) => {
    await env.SAHEL_KV.put(POINTER_KEY, text);
    await problem(await get('/api/v1/catalogue'), 503);
  });

  it.each(['null', '{}', '[1, 2]'])('503 when a series entry holds %s, with or without filters', async (text) => {
    await publishWith(env.SAHEL_KV, ds, (v) => keys.series(v, 'MLI', 'political_violence', 'events'), text);
    const path = '/api/v1/series?country=MLI&category=political_violence&measure=events';
    for (const p of [
      path,
      `${path}&from=2023-07`,
      '/api/v1/compare?country=MLI&category=political_violence&measure=events&before=2023-06&after=2023-07',
    ]) {
      const body = await problem(await get(p), 503);
      expect(body.detail).toMatch(/^The stored entry v:[0-9a-f]{12}:series:MLI:political_violence:events is corrupt\./);
    }
  });
});

describe('other routes', () => {
  it('404 problem for an unknown API path, listing the routes', async () => {
    const body = await problem(await get('/api/v1/nope'), 404);
    expect(body.detail).toBe(
      'No such route. API routes: /api/v1/catalogue, /api/v1/series, /api/v1/compare, /api/v1/claims, /api/v1/check, /api/v1/openapi.json, /api/v1/docs.',
    );
  });

  it('sets security headers on API responses', async () => {
    const res = await get('/api/v1/catalogue');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
