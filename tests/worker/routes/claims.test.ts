/** GET /api/v1/claims: the evaluated claims as stored, and as CSV with a row per reading. Data: tests/worker/seed.ts. */
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

describe('GET /api/v1/claims', () => {
  it('serves the evaluated claims', async () => {
    const res = await get('/api/v1/claims');
    expect(await res.text()).toBe(entry(keys.claims(ds.version)));
    const body = JSON.parse(entry(keys.claims(ds.version))) as Dataset['claims'];
    expect(body.claims.map((c) => [c.id, c.verdict, c.readings[0]!.beforeValue, c.readings[0]!.afterValue])).toEqual([
      ['niger-test', 'supported', 5, 10],
    ]);
  });

  it('answers CSV: a header and one row per reading', async () => {
    const res = await get('/api/v1/claims?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'claim_id,quote,headline,interpretation,verdict,country_iso3,admin1,category,measure,before,after,before_value,after_value,pct,ratio,relation,holds,sentence,dataset_version,as_of,credit',
    );
    // The claim's reading and its alternative reading's.
    expect(lines).toHaveLength(2 + 1);
  });

  it('lists alternative readings beside the headline one in CSV, with their interpretation', async () => {
    const lines = (await (await get('/api/v1/claims?format=csv')).text()).trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 5)).toEqual(['claim_id', 'quote', 'headline', 'interpretation', 'verdict']);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'niger-test,Political violence in Niger doubled in July.,true,July vs June 2023,supported',
      'niger-test,Political violence in Niger doubled in July.,false,30 days against the 30 days before,not_supported',
    ]);
  });
});
