/** GET /api/v1/catalogue: the stored catalogue as it is, and as CSV. Data: tests/worker/seed.ts. */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../data/build/dataset.ts';
import { keys } from '../../../model/keys.ts';
import { get } from '../request.ts';
import { buildTestDataset, seed } from '../seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

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

  it('answers CSV: a header and one row per country and per region', async () => {
    const res = await get('/api/v1/catalogue?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('country_iso3,country,admin1,categories,months_from,months_to,partial_months,dataset_version,as_of,credit');
    expect(lines).toHaveLength(4 + 1);
  });
});
