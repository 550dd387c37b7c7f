/**
 * The OpenAPI document as clients and their generators read it (worker/routes/index.ts): named
 * operations, open security, terms and licence, tags; one media type per operation (JSON at the
 * path, CSV at `<path>.csv`), and the examples that depend on the data taken from the dataset
 * published now. The linters and generated clients run on the real served document in
 * tests/e2e/api-clients.test.ts.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get, problem } from '../request.ts';
import { buildTestDataset, seed } from '../seed.ts';

interface Param {
  name: string;
  required?: boolean;
  schema: { example?: unknown };
}
interface Op {
  operationId: string;
  tags: string[];
  security: unknown[];
  parameters?: Param[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Doc {
  info: { license: { name: string; url: string }; termsOfService: string; contact: { url: string } };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, { get: Op }>;
  components: { schemas: { Dataset: { properties: Record<string, { example?: unknown }> } } };
}

const document = async () => (await (await get('/api/v1/openapi.json')).json()) as Doc;
const ops = (doc: Doc) => Object.entries(doc.paths).map(([path, m]) => ({ path, ...m.get, parameters: m.get.parameters ?? [] }));
/** The data routes' operations: all but the last refresh (/refresh: no version, no CSV, never cached; tested below). */
const dataOps = (doc: Doc) => ops(doc).filter((o) => o.path !== '/refresh');

describe('the OpenAPI document', () => {
  it('with no dataset published, leaves out the examples that need one (never a stale version)', async () => {
    const doc = await document();
    for (const op of ops(doc)) expect(op.parameters.find((p) => p.name === 'version')?.schema.example).toBeUndefined();
    expect(doc.components.schemas.Dataset.properties.version?.example).toBeUndefined();
  });

  it('names every operation, declares it open (security: []) and tags it with a declared tag', async () => {
    const doc = await document();
    expect(ops(doc).map((o) => o.operationId)).toEqual([
      'getCatalogue',
      'getCatalogueCsv',
      'getSeries',
      'getSeriesCsv',
      'compareSeries',
      'compareSeriesCsv',
      'listClaims',
      'listClaimsCsv',
      'checkClaim',
      'checkClaimCsv',
      'getLastRefresh',
    ]);
    const tags = doc.tags.map((t) => t.name);
    for (const op of ops(doc)) {
      expect(op.security).toEqual([]);
      expect(op.tags.length).toBeGreaterThan(0);
      for (const t of op.tags) expect(tags).toContain(t);
    }
  });

  it("states ACLED's terms for the data, a server, and this deployment's reference page as contact", async () => {
    const doc = await document();
    expect(doc.info.termsOfService).toBe('https://acleddata.com/terms-of-use/');
    expect(doc.info.license.url).toBe('https://acleddata.com/terms-of-use/');
    expect(doc.info.license.name).toMatch(/ACLED/);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(doc.info.contact.url).toBe('http://localhost/api/v1/docs');
  });

  it('gives each operation one media type: JSON at the path, CSV at <path>.csv', async () => {
    const doc = await document();
    for (const op of dataOps(doc)) {
      expect(Object.keys(op.responses['200']!.content!), op.path).toEqual([op.path.endsWith('.csv') ? 'text/csv' : 'application/json']);
      expect(Object.keys(op.responses['400']!.content!)).toEqual(['application/problem+json']);
      expect(op.responses['304']!.content).toBeUndefined();
    }
    // The last refresh: JSON, or a problem for a parameter (it takes only lang); never a 304 (never cached).
    const last = ops(doc).find((o) => o.path === '/refresh')!;
    expect(Object.keys(last.responses).sort()).toEqual(['200', '400']);
    expect(Object.keys(last.responses['200']!.content!)).toEqual(['application/json']);
    expect(last.parameters.map((p) => p.name)).toEqual(['lang']);
  });

  it('fills the version examples with the dataset published now, and every CSV path answers CSV', async () => {
    const ds = await buildTestDataset();
    await seed(env.SAHEL_KV, ds);
    const doc = await document();
    for (const op of dataOps(doc)) expect(op.parameters.find((p) => p.name === 'version')?.schema.example, op.path).toBe(ds.version);
    const dataset = doc.components.schemas.Dataset.properties;
    expect(dataset.version?.example).toBe(ds.version);
    expect(typeof dataset.asOf?.example).toBe('string');

    const csv = await get(`/api/v1/claims.csv?version=${ds.version}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(`_${ds.version}.csv`);
    expect((await csv.text()).split('\n')[0]).toMatch(/^claim_id,/);
    // The JSON path still answers CSV to format=csv (the dashboard's download links), not in the document.
    const legacy = await get('/api/v1/claims?format=csv');
    expect(legacy.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const body = await problem(await get('/api/v1/claims.csv?format=json'), 400);
    expect(body.detail).toContain('answers CSV only');
  });
});
