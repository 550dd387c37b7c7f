/**
 * The cost test (issue 12): no request may cost more than a normal one, and no input may slip
 * through as another. A fast-check property sends 10,000 requests over the whole parameter space
 * (years 0000..99999, huge ranges, long and unicode strings, thresholds, headers) and asserts
 * that every answer is a 2xx, 3xx or 4xx with JSON or problem+json (or the CSV asked for), and
 * that no request does more work than a fixed budget: `expansion.steps` (model/month.ts)
 * counts every month and day a request expands, and the budget is set by the seeded data's own
 * extent. Each request is also timed, with a ceiling far below a second. Then the issue's
 * examples and their relatives, as exact regression tests.
 * Data: tests/worker/seed.ts (Niger: months 2023-06..2023-08, days 2023-06-01..2023-08-10; Mali monthly).
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/build/dataset.ts';
import { CATEGORY_IDS } from '../../model/categories.ts';
import { expansion } from '../../model/month.ts';
import { addWeeks, weekEnd, weekIndex, weekOfIndex } from '../../model/week.ts';
import app from '../../worker/index.ts';
import { buildTestDataset, seed } from './seed.ts';

let ds: Dataset;

beforeAll(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

/**
 * Work budget per request: the seeded data spans 71 days and 3 months; a request expands at most
 * its two periods, each bounded by that extent before any loop. (Before the fix, after=9999-12
 * expanded about 1,000,000 months.)
 */
const WORK_BUDGET = 2 * 71;
/** Per-request ceiling: far below a second, with room for other test runs sharing the 2 cores. */
const TIME_CEILING_MS = 250;

const figures = { requests: 0, statuses: new Map<number, number>(), slowest: { ms: 0, path: '' }, maxSteps: 0 };

async function request(path: string, headers: Record<string, string> = {}) {
  const before = expansion.steps;
  const t0 = performance.now();
  const res = await app.request(`http://localhost${path}`, { headers }, { ...env, POINTER_CACHE_SECONDS: '60' });
  const body = await res.text();
  const ms = performance.now() - t0;
  const steps = expansion.steps - before;
  figures.requests++;
  figures.statuses.set(res.status, (figures.statuses.get(res.status) ?? 0) + 1);
  if (ms > figures.slowest.ms) figures.slowest = { ms, path };
  figures.maxSteps = Math.max(figures.maxSteps, steps);
  return { res, body, ms, steps };
}

afterAll(() => {
  if (figures.requests === 0) return;
  const statuses = [...figures.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  console.log(
    `cost test: ${figures.requests} requests; statuses ${statuses.join(', ')}; slowest ${figures.slowest.ms.toFixed(1)} ms (${figures.slowest.path.slice(0, 160)}); most work ${figures.maxSteps} steps (budget ${WORK_BUDGET})`,
  );
});

// ---------------------------------------------------------------------------------------------
// Generators over the whole parameter space

const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((x) => String(x).padStart(n, '0'));
const year = fc.oneof(
  digits(4, 9999),
  fc.constantFrom('0000', '0001', '0099', '0100', '2023', '9999', '10000', '99999', '-001', '1e4'),
  fc.integer({ min: 10000, max: 9_999_999 }).map(String),
);
const monthPart = fc.oneof({ weight: 4, arbitrary: digits(2, 12) }, { weight: 1, arbitrary: digits(2, 99) });
const realMonth = fc.constantFrom('2023-05', '2023-06', '2023-07', '2023-08', '2023-09');
const month = fc.oneof(
  { weight: 2, arbitrary: realMonth },
  { weight: 3, arbitrary: fc.tuple(year, monthPart).map(([y, m]) => `${y}-${m}`) },
);
const day = fc.oneof(
  fc.constantFrom('2023-06-01', '2023-07-26', '2023-08-10', '2023-08-11', '2024-02-29'),
  fc.tuple(month, digits(2, 31)).map(([m, d]) => `${m}-${d}`),
);
// ACLED weeks: Saturdays near the seeded weeks (2023-05-27..2023-09-23) and in any year from 0100 to 9999.
const saturday = fc.oneof(
  fc.integer({ min: -30, max: 30 }).map((i) => addWeeks('2023-07-01', i)),
  fc.integer({ min: weekIndex('0100-01-02'), max: weekIndex('9985-12-27') }).map(weekOfIndex),
);
/** A run of whole weeks (Saturday..Friday), or one that is a day off at either end. */
const weeks = fc
  .tuple(saturday, fc.integer({ min: 0, max: 600 }), fc.constantFrom(0, 0, 0, -1, 1))
  .map(
    ([from, n, off]) =>
      `${from}..${weekEnd(addWeeks(from, n)).replace(/\d{2}$/, (d) => String(Math.min(28, Math.max(1, Number(d) + off))).padStart(2, '0'))}`,
  );
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('!!', '\u0000', ' ', '\u202e', '\u200b', '<script>', '=1+1', '..', '-', 'é'),
  fc.integer({ min: 100, max: 1000 }).map((n) => 'x'.repeat(n)),
);
const period = fc.oneof(
  { weight: 3, arbitrary: month },
  { weight: 2, arbitrary: fc.tuple(month, month).map(([a, b]) => `${a}..${b}`) },
  { weight: 2, arbitrary: day },
  { weight: 2, arbitrary: fc.tuple(day, day).map(([a, b]) => `${a}..${b}`) },
  { weight: 1, arbitrary: fc.constantFrom('trailing3', 'trailing12', 'trailing30d', 'trailing3660d', 'trailing3661d', 'trailing99999') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map((n) => `trailing${n}d`) },
  { weight: 2, arbitrary: weeks },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.constantFrom(1, 2, 4, 52, 522, 523)).map((n) => `trailing${n}w`),
  },
  { weight: 1, arbitrary: text },
);
const admin1 = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('Tillaberi', 'TILLABÉRI', 'tillaberi', 'Diffa', 'Agadez') },
  { weight: 2, arbitrary: text },
);
const threshold = fc.oneof(
  fc.constantFrom('0', '1.5', '40', '03.50', '1000000', '1000000.0001', '0.0001', '0.00001', '1e-7', 'Infinity', '-1', ''),
  fc.integer({ min: 1, max: 600 }).map((n) => '9'.repeat(n)),
  fc.double({ noNaN: true }).map(String),
  text,
);
const country = fc.oneof(fc.constantFrom('NER', 'niger', 'MLI', 'mali', 'BFA', 'TCD', 'NGA', 'nigeria'), text);
const category = fc.oneof(fc.constantFrom(...CATEGORY_IDS, 'political_violence,battles', 'civilian_targeting'), text);
const measure = fc.constantFrom('events', 'fatalities', 'events,fatalities', 'deaths');
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const common = fc.record({
  version: fc.option(fc.constantFrom('000000000000', 'current'), { nil: undefined, freq: 6 }),
  format: fc.option(fc.constantFrom('json', 'csv', 'xml'), { nil: undefined, freq: 4 }),
});
const headers = fc.record({
  accept: fc.option(fc.constantFrom('text/csv', 'text/csv;q=0', 'text/csv;q=0.5, application/json', 'application/json, text/csv', '*/*'), {
    nil: undefined,
  }),
  'if-none-match': fc.option(fc.constantFrom('*', '"nope"', 'W/"x", *'), { nil: undefined, freq: 4 }),
});

type Query = Record<string, string | undefined>;
const route = fc.oneof(
  fc.record({
    r: fc.constant('series'),
    q: fc.record({
      country,
      admin1,
      category,
      measure,
      unit: maybe(fc.constantFrom('week', 'month', 'day', 'WEEK')),
      from: maybe(fc.oneof(month, day, saturday)),
      to: maybe(fc.oneof(month, day, saturday)),
    }),
  }),
  fc.record({ r: fc.constant('compare'), q: fc.record({ country, admin1, category, measure, before: period, after: period }) }),
  fc.record({
    r: fc.constant('check'),
    q: fc.record({
      country,
      admin1,
      category,
      measure,
      before: maybe(period),
      after: period,
      relation: fc.constantFrom('pct_increase_gt', 'pct_decrease_gt', 'ratio_gte', 'ratio_gt', 'value_gte'),
      threshold,
      wording: maybe(text),
    }),
  }),
  fc.record({ r: fc.constantFrom('catalogue', 'claims'), q: fc.constant({} as Query) }),
);

function pathOf(r: string, q: Query, c: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...c })) {
    if (v === undefined) continue;
    p.set(k, k === 'version' && v === 'current' ? ds.version : v);
  }
  return `/api/v1/${r}?${p}`;
}

/** Every answer: a 2xx, 3xx or 4xx, with JSON or problem+json (or the CSV asked for); within the work and time budgets. */
async function assertAnswer(path: string, h: Record<string, string>) {
  const { res, body, ms, steps } = await request(path, h);
  expect(res.status, path).toBeGreaterThanOrEqual(200);
  expect(res.status, `${path}: ${body.slice(0, 300)}`).toBeLessThan(500);
  const type = res.headers.get('content-type');
  if (res.status === 304) expect(body).toBe('');
  else if (res.status >= 400) {
    expect(type, path).toBe('application/problem+json; charset=utf-8');
    const p = JSON.parse(body) as { status: number; detail: string; version?: string };
    expect(p.status).toBe(res.status);
    expect(p.detail.length).toBeGreaterThan(0);
    // A 404 depends on the data: it names the dataset version that answered.
    if (res.status === 404) expect(p.version, `${path}: ${body}`).toMatch(/^[0-9a-f]{12}$/);
  } else if (type === 'text/csv; charset=utf-8') {
    expect(path.includes('format=csv') || /text\/csv(?!;q=0\b)/.test(h.accept ?? ''), path).toBe(true);
  } else {
    expect(type, path).toBe('application/json; charset=utf-8');
    JSON.parse(body);
  }
  expect(steps, path).toBeLessThanOrEqual(WORK_BUDGET);
  expect(ms, path).toBeLessThan(TIME_CEILING_MS);
}

describe('cost: 10,000 fuzzed requests over the whole parameter space', () => {
  // Split in three properties so that a failure names its part; 6,000 + 3,000 + 1,000 requests.
  it('periods of any year, length and syntax, on every route', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(route, common, headers, async ({ r, q }, c, h) => {
        await assertAnswer(pathOf(r, q as Query, c), Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as never);
      }),
      { numRuns: 6000 },
    );
  });

  it('extreme years in the periods of real series', { timeout: 120_000 }, async () => {
    const far = fc.tuple(year, monthPart).map(([y, m]) => `${y}-${m}`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('NER', 'MLI'),
        fc.constantFrom(undefined, 'Tillaberi'),
        fc.oneof(
          far,
          fc.tuple(far, far).map(([a, b]) => `${a}..${b}`),
          fc.tuple(realMonth, far).map(([a, b]) => `${a}..${b}`),
        ),
        fc.oneof(far, realMonth, fc.constantFrom('trailing3', 'trailing12')),
        fc.constantFrom('compare', 'check'),
        async (country, region, after, before, r) => {
          const q: Query = { country, admin1: region, category: 'political_violence', measure: 'events', before, after };
          if (r === 'check') Object.assign(q, { relation: 'pct_increase_gt', threshold: '40' });
          await assertAnswer(pathOf(r, q, {}), {});
        },
      ),
      { numRuns: 3000 },
    );
  });

  it(
    'whole weeks, near and far, and trailingNw up to huge N, on real countries and regions (series too)',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('NER', 'MLI'),
          fc.constantFrom(undefined, 'Tillaberi', 'Diffa'),
          weeks,
          fc.oneof(
            weeks,
            fc.integer({ min: 1, max: 99999 }).map((n) => `trailing${n}w`),
          ),
          fc.constantFrom('compare', 'check', 'series'),
          async (country, region, after, before, r) => {
            const q: Query =
              r === 'series'
                ? {
                    country,
                    admin1: region,
                    category: 'political_violence',
                    measure: 'events',
                    unit: 'week',
                    from: after.slice(0, 10),
                    to: after.slice(12, 22),
                  }
                : { country, admin1: region, category: 'political_violence', measure: 'events', before, after };
            if (r === 'check') Object.assign(q, { relation: 'pct_increase_gt', threshold: '40' });
            await assertAnswer(pathOf(r, q, {}), {});
          },
        ),
        { numRuns: 1000 },
      );
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The examples and their relatives

const NER = 'country=NER&category=political_violence&measure=events';

async function problemOf(path: string, status: number, h: Record<string, string> = {}) {
  const { res, body, steps, ms } = await request(path, h);
  expect(res.status, body).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(steps).toBeLessThanOrEqual(WORK_BUDGET);
  expect(ms).toBeLessThan(TIME_CEILING_MS);
  return JSON.parse(body) as { detail: string; version?: string; errors?: { parameter: string; message: string }[] };
}

describe('1. far-future and far-past months cost what 2023 costs', () => {
  it.each([
    [`/api/v1/compare?${NER}&before=2023-07&after=9999-12`, 'December 9999'],
    [`/api/v1/compare?${NER}&before=2023-07&after=2024-01..2024-12`, 'January 2024'],
    [`/api/v1/compare?${NER}&before=trailing12&after=9999-12`, 'December 9998'],
    [`/api/v1/compare?${NER}&before=0001-01&after=2023-07`, 'January 1'],
    [`/api/v1/compare?${NER}&before=0000-01..0000-02&after=2023-07`, 'January 0'],
    [`/api/v1/compare?country=MLI&category=political_violence&measure=fatalities&before=2023-06&after=2023-08..2024-02`, 'September 2023'],
  ])("%s: 404 naming %s and the series' months, with the version", async (path, month) => {
    const p = await problemOf(path, 404);
    expect(p.detail).toMatch(new RegExp(`^${month} is not in this series, which covers 2023-0[56] to 2023-08\\.$`));
    expect(p.version).toBe(ds.version);
  });

  it.each(['10000-01', '99999', '99999-12', '2023-07..10000-01', '2023-07..9999-12'])(
    'after=%s is a 400 saying how to write a period',
    async (after) => {
      const p = await problemOf(`/api/v1/compare?${NER}&before=2023-06&after=${after}`, 400);
      expect(p.errors?.[0]?.parameter).toBe('after');
    },
  );

  it('a period longer than 100 years is a 400, before anything is counted', async () => {
    const p = await problemOf(`/api/v1/compare?${NER}&before=0001-01..2022-12&after=2023-07`, 400);
    expect(p.detail).toBe('before: 0001-01..2022-12 is 24264 months long; a period may be at most 1200 months (100 years)');
  });

  it('day windows in far years: a 404 naming the days covered', async () => {
    const p = await problemOf(`/api/v1/compare?${NER}&before=9999-11-01..9999-11-30&after=9999-12-01..9999-12-31`, 404);
    expect(p.detail).toMatch(
      /^1 November 9999 is not in the weekly counts for Niger, which cover the weeks 2023-05-27 to 2023-09-29, and its daily counts 2023-06-01 to 2023-08-10/,
    );
  });

  it('/check and /series answer far years at once: cannot be decided, or an empty range', async () => {
    const check = await request(`/api/v1/check?${NER}&before=2023-07&after=9999-12&relation=pct_increase_gt&threshold=40`);
    expect(check.res.status).toBe(200);
    expect((JSON.parse(check.body) as { claim: { verdict: string } }).claim.verdict).toBe('cannot_be_decided');
    const series = await request(`/api/v1/series?${NER}&from=0001-01&to=9999-12`);
    expect((JSON.parse(series.body) as { points: unknown[] }).points).toHaveLength(3);
    for (const r of [check, series]) expect(r.steps).toBeLessThanOrEqual(WORK_BUDGET);
  });
});

describe('2 and 3. regions are looked up in the catalogue; junk is refused', () => {
  const long = 'x'.repeat(470);
  it.each(['series', 'compare', 'check'])('a 470-character admin1 on /%s is a 404 listing the regions', async (r) => {
    const extra = r === 'series' ? '' : `&before=2023-06&after=2023-07${r === 'check' ? '&relation=ratio_gte&threshold=2' : ''}`;
    const p = await problemOf(`/api/v1/${r}?${NER}&admin1=${long}${extra}`, 404);
    expect(p.detail).toBe(`Unknown admin1 region "${long}" for Niger; regions: Diffa, Tillabéri.`);
    expect(p.version).toBe(ds.version);
  });

  it.each([
    ['%21%21', '!!'],
    ['%00', '\u0000'],
    ['%20', ' '],
    ['%E2%80%AE', '\u202e'],
  ])('admin1=%s names no region: a 400 on every data route and country', async (raw, s) => {
    for (const path of [
      `/api/v1/series?${NER}&admin1=${raw}`,
      `/api/v1/series?country=MLI&category=political_violence&measure=events&admin1=${raw}`,
      `/api/v1/compare?${NER}&admin1=${raw}&before=2023-06&after=2023-07`,
      `/api/v1/check?${NER}&admin1=${raw}&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2`,
    ]) {
      const p = await problemOf(path, 400);
      expect(p.errors).toEqual([
        {
          parameter: 'admin1',
          message: `${JSON.stringify(s)} names no region (nothing is left once case, accents and punctuation are set aside): give a region's name or slug from the catalogue, e.g. Tillaberi, or leave admin1 out for the country total`,
        },
      ]);
    }
  });

  it('wording that holds no word is a 400', async () => {
    const p = await problemOf(
      `/api/v1/check?${NER}&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2&wording=%E2%80%AE%20!`,
      400,
    );
    expect(p.errors?.[0]?.parameter).toBe('wording');
  });
});

describe('4. reversed and overlapping periods are refused, saying what to write', () => {
  it.each([
    [
      'check',
      'before=2023-08&after=2023-07&relation=pct_decrease_gt&threshold=30',
      '"before" (2023-08) comes after "after" (2023-07): "before" is the earlier period; to compare them the other way round, write before=2023-07&after=2023-08',
    ],
    [
      'compare',
      'before=2023-01..2023-12&after=2023-06',
      '"before" (2023-01..2023-12) and "after" (2023-06) overlap (2023-06 is in both): "before" must end before "after" starts, e.g. before=2023-01..2023-05&after=2023-06',
    ],
    [
      'compare',
      'before=2023-07&after=2023-07',
      '"before" (2023-07) and "after" (2023-07) overlap (2023-07 is in both): "before" must end before "after" starts, e.g. before=2023-06&after=2023-07',
    ],
    [
      'compare',
      'before=2023-07-20..2023-08-02&after=2023-07-27..2023-08-10',
      '"before" (2023-07-20..2023-08-02) and "after" (2023-07-27..2023-08-10) overlap (2023-07-27 is in both): "before" must end before "after" starts, e.g. before=2023-07-20..2023-07-26&after=2023-07-27..2023-08-10',
    ],
    [
      // Found by the fuzzer: counting 16 weeks back from the year 100 left the calendar days Date.UTC reads (a 500).
      'compare',
      'before=trailing16w&after=0100-04-17..0100-04-23',
      'trailing16w before 0100-04-17..0100-04-23 would start before the year 0100: give "before" as a day or range of days',
    ],
    [
      'compare',
      'before=2023-08-01..2023-08-10&after=2023-07-01..2023-07-10',
      '"before" (2023-08-01..2023-08-10) comes after "after" (2023-07-01..2023-07-10): "before" is the earlier period; to compare them the other way round, write before=2023-07-01..2023-07-10&after=2023-08-01..2023-08-10',
    ],
  ])('/%s?%s', async (r, periods, message) => {
    const p = await problemOf(`/api/v1/${r}?${NER}&${periods}`, 400);
    expect(p.errors).toEqual([{ parameter: 'before', message }]);
  });
});

describe('5. thresholds are finite and within range; links carry them as accepted', () => {
  it.each(['9'.repeat(400), '1000000.5', '0.00001', '1e-7', 'Infinity'])('threshold=%s is a 400', async (t) => {
    const p = await problemOf(`/api/v1/check?${NER}&before=2023-06&after=2023-07&relation=ratio_gt&threshold=${t}`, 400);
    expect(p.errors?.[0]?.parameter).toBe('threshold');
  });

  it('the largest and smallest thresholds are written back as plain decimals in permalink and page', async () => {
    for (const [t, canonical] of [
      ['1000000', '1000000'],
      ['0.0001', '0.0001'],
      ['0003.5000', '3.5'],
    ]) {
      const { res, body } = await request(`/api/v1/check?${NER}&before=2023-06&after=2023-07&relation=ratio_gt&threshold=${t}`);
      expect(res.status).toBe(200);
      const b = JSON.parse(body) as { permalink: string; page: string; claim: { readings: { relation: { value: number } }[] } };
      expect(b.claim.readings[0]!.relation.value).toBe(Number(canonical));
      expect(new URL(b.permalink, 'http://x').searchParams.get('threshold')).toBe(canonical);
      expect(new URL(b.page, 'http://x').searchParams.get('threshold')).toBe(canonical);
    }
  });
});

describe('6. 304 only for data that exists; data errors name the version', () => {
  it('an If-None-Match that matches, or *, gives 304 for a real series and never for an unknown region or version', async () => {
    const ok = await request(`/api/v1/series?${NER}`);
    const etag = ok.res.headers.get('etag')!;
    expect((await request(`/api/v1/series?${NER}`, { 'if-none-match': etag })).res.status).toBe(304);
    expect((await request(`/api/v1/series?${NER}`, { 'if-none-match': '*' })).res.status).toBe(304);
    const region = `/api/v1/series?${NER}&admin1=Nowhere`;
    const regionTag = `"${ds.version}-${'0'.repeat(8)}", *`;
    expect((await problemOf(region, 404, { 'if-none-match': regionTag })).version).toBe(ds.version);
    const pinned = await problemOf(`/api/v1/series?${NER}&version=000000000000`, 404, { 'if-none-match': '*' });
    expect(pinned.detail).toMatch(/^Dataset version 000000000000 is not published here/);
    expect((await problemOf(`/api/v1/compare?${NER}&before=2023-07&after=9999-12`, 404, { 'if-none-match': '*' })).version).toBe(
      ds.version,
    );
  });
});

describe('7. HTTP details', () => {
  it.each([
    ['text/csv;q=0', 'application/json; charset=utf-8'],
    ['text/csv; q=0.0, application/json', 'application/json; charset=utf-8'],
    ['text/csv;q=0.5, application/json', 'application/json; charset=utf-8'],
    ['text/csv', 'text/csv; charset=utf-8'],
    ['application/json;q=0.9, text/csv', 'text/csv; charset=utf-8'],
    ['*/*', 'application/json; charset=utf-8'],
  ])('Accept: %s gives %s', async (accept, type) => {
    expect((await request(`/api/v1/series?${NER}`, { accept })).res.headers.get('content-type')).toBe(type);
  });

  it('a body sent chunked, without Content-Length, is a 413 (a raw GET with one: tests/e2e/hostile.test.ts)', async () => {
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('x'));
        c.close();
      },
    });
    const res = await app.request(`http://localhost/api/v1/series?${NER}`, { method: 'PUT', body, duplex: 'half' } as RequestInit, env);
    expect(res.status).toBe(413);
  });

  it('the API reference page carries a Permissions-Policy; data answers, which are no documents, do not', async () => {
    expect((await request('/api/v1/docs')).res.headers.get('permissions-policy')).toBe(
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    );
    for (const path of [`/api/v1/series?${NER}`, '/api/v1/nothing', `/api/v1/compare?${NER}&before=x&after=y`])
      expect((await request(path)).res.headers.get('permissions-policy'), path).toBeNull();
  });
});
