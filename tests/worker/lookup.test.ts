/**
 * The lookups (worker/lookup.ts) and the KV reads each request costs: the pointer and one entry;
 * a region looked up in the catalogue first, so no text from the URL reaches a key.
 * Data: tests/worker/seed.ts.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/build/dataset.ts';
import { keys, POINTER_KEY } from '../../model/keys.ts';
import app from '../../worker/index.ts';
import { buildTestDataset, publishWith, seed } from './seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const NER = '/api/v1/compare?country=NER&category=political_violence';
// 1-15 July: 4 events on the 1st, 2 on the 15th (5 fatalities); 27 July-10 August: 1 on 2 August (40 fatalities).
const COUP = 'before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10';
const CHECK = '/api/v1/check?country=NER&category=political_violence&measure=events,fatalities';

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
