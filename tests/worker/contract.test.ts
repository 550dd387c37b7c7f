/**
 * Responses checked against the OpenAPI document the Worker serves, and random query strings
 * thrown at every route: never a 5xx, always JSON or problem+json (or the CSV asked for).
 */

import { env, exports } from 'cloudflare:workers';
import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/build/dataset.ts';
import { CATEGORY_IDS } from '../../model/categories.ts';
import { buildTestDataset, seed } from './seed.ts';

type Doc = {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }>;
};

let ds: Dataset;
let doc: Doc;
const get = (path: string) => exports.default.fetch(new Request(`http://localhost${path}`));

beforeAll(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
  doc = (await (await get('/api/v1/openapi.json')).json()) as Doc;
});

/** Validate a body against the schema the document gives for this route, status and media type. */
function check(route: string, status: number, type: string, body: unknown): string[] {
  const media = doc.paths[route]?.get.responses[String(status)]?.content[type];
  if (!media) return [`the document has no ${status} ${type} response for ${route}`];
  const id = 'https://sahel-pulse.invalid/openapi.json';
  const v = new Validator({ $id: `${id}#response`, ...(media.schema as object), components: doc.components } as never, '2020-12', false);
  const result = v.validate(body);
  return result.valid ? [] : result.errors.slice(0, 5).map((e) => `${e.instanceLocation}: ${e.error}`);
}

const base = (path: string) => path.split('?')[0]!.replace('/api/v1', '');

describe('responses match the OpenAPI document', () => {
  it.each([
    '/api/v1/catalogue',
    '/api/v1/claims',
    '/api/v1/series?country=NER&category=political_violence&measure=events',
    '/api/v1/series?country=NER&admin1=tillaberi&category=political_violence&measure=fatalities&from=2023-07',
    '/api/v1/series?country=NER&category=political_violence,civilian_targeting&measure=events',
    '/api/v1/compare?country=MLI&category=political_violence&measure=events&before=2023-06..2023-07&after=2023-08',
    '/api/v1/compare?country=NER&category=political_violence&measure=events&before=2023-07&after=2023-08',
    '/api/v1/check?country=NER&category=political_violence&measure=events,fatalities&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2',
    // Day windows: totals, daily means, and readings that cannot be decided (region, no daily counts, outside).
    '/api/v1/compare?country=NER&category=political_violence&measure=events&before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10',
    '/api/v1/compare?country=NER&category=political_violence&measure=fatalities&before=trailing20d&after=2023-07-26',
    '/api/v1/check?country=NER&category=political_violence&measure=events,fatalities&before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10&relation=pct_increase_gt&threshold=40',
    '/api/v1/check?country=NER&admin1=Tillaberi&category=political_violence&measure=events&before=trailing4w&after=2023-07-29..2023-08-04&relation=ratio_gte&threshold=2',
    // Weeks: a weekly series; windows from weekly counts (a region; a country past its daily counts), and checked against them.
    '/api/v1/series?country=NER&admin1=Tillaberi&category=political_violence&measure=events&unit=week&from=2023-07-01',
    '/api/v1/compare?country=NER&admin1=Diffa&category=political_violence&measure=fatalities&before=trailing2w&after=2023-07-29..2023-08-11',
    '/api/v1/compare?country=NER&category=political_violence&measure=events&before=trailing4w&after=2023-08-05..2023-09-01',
    '/api/v1/compare?country=NER&category=political_violence&measure=events&before=2023-07-15..2023-07-21&after=2023-07-22..2023-07-28',
    '/api/v1/check?country=MLI&category=political_violence&measure=events&after=2023-07-27..2023-08-10&relation=value_gte&threshold=2',
    '/api/v1/check?country=NER&category=political_violence&measure=events&before=trailing30d&after=2023-08-01..2023-08-30&relation=ratio_gte&threshold=2',
  ])('200 %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(check(base(path), 200, 'application/json', await res.json())).toEqual([]);
  });

  it.each([
    ['/api/v1/series?country=XX&category=battles&measure=events', 400],
    ['/api/v1/series?country=MLI&category=civilian_targeting&measure=events', 404],
    ['/api/v1/compare?country=MLI&category=battles&measure=events&before=2020-01&after=2023-07', 404],
    ['/api/v1/claims?version=000000000000', 404],
    ['/api/v1/compare?country=MLI&category=battles&measure=events&before=2023-07-01&after=2023-07-02', 404],
    ['/api/v1/compare?country=NER&category=battles&measure=events&before=2023-05-01&after=2023-07-02', 404],
    ['/api/v1/compare?country=NER&admin1=Diffa&category=battles&measure=events&before=2023-07-01&after=2023-07-02', 400],
    ['/api/v1/compare?country=NER&category=battles&measure=events&before=2023-07&after=2023-07-02', 400],
    ['/api/v1/check?country=NER&category=battles&measure=events&after=2023-02-29&relation=value_gte&threshold=1', 400],
  ])('%s -> %i problem', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(check(base(path), status, 'application/problem+json', await res.json())).toEqual([]);
  });

  it('catches a body that breaks the document (the check is not vacuous)', async () => {
    const body = (await (await get('/api/v1/series?country=NER&category=political_violence&measure=events')).json()) as {
      points: { value: unknown }[];
    };
    body.points[0]!.value = 'many';
    expect(check('/series', 200, 'application/json', body)).not.toEqual([]);
  });
});

describe('random query strings', () => {
  const PARAMS = [
    'country',
    'admin1',
    'category',
    'measure',
    'from',
    'to',
    'before',
    'after',
    'relation',
    'threshold',
    'wording',
    'version',
    'format',
    'x',
  ];
  const value = fc.oneof(
    fc.constantFrom(
      'NER',
      'niger',
      'MLI',
      'Tillaberi',
      'events',
      'fatalities',
      '2023-07',
      '2023-06..2023-08',
      'trailing12',
      '2023-07-26',
      '2023-07-01..2023-07-15',
      '2023-02-29',
      '2023-08-10..2023-07-27',
      '1990-01-01..2023-07-15',
      'trailing30d',
      'csv',
      'json',
      '000000000000',
      '',
    ),
    fc.constantFrom(
      ...CATEGORY_IDS,
      'political_violence,riots',
      'events,fatalities',
      'ratio_gte',
      'value_gte',
      'pct_increase_gt',
      '40',
      '1.5',
    ),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "=cmd|' /C calc'!A0", '\u202e\u0000'),
  );
  const query = fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 8 });
  const route = fc.constantFrom('catalogue', 'series', 'compare', 'claims', 'check', 'nope');

  it('never answer 5xx, and always answer JSON, problem+json or CSV', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(route, query, async (r, q) => {
        const qs = new URLSearchParams(q).toString();
        const res = await get(`/api/v1/${r}?${qs}`);
        seen.add(res.status);
        expect(res.status, `${r}?${qs}`).toBeLessThan(500);
        const type = res.headers.get('content-type') ?? '';
        const text = await res.text();
        if (type.startsWith('text/csv')) return;
        expect(type, `${r}?${qs}`).toMatch(/^application\/(problem\+)?json; charset=utf-8$/);
        expect(() => JSON.parse(text)).not.toThrow();
        // Nothing the client sent comes back as markup.
        expect(text, `${r}?${qs}`).not.toMatch(/[<>]/);
      }),
      { numRuns: 2000 },
    );
    // Both answers and refusals were exercised.
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400, 404]));
  }, 120_000);
});
