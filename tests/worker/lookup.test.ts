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
    // Past the daily counts, only weeks cover it, and it is not whole weeks: a 400 from the same entry.
    [`${NER}&measure=events&before=2023-07-02..2023-07-31&after=2023-08-01..2023-08-30`, 400, 'v:V:days:NER:political_violence'],
    // Whole weeks past the daily counts: the weekly counts held in the same entry answer.
    [`${NER}&measure=events&before=trailing4w&after=2023-08-05..2023-09-01`, 200, 'v:V:days:NER:political_violence'],
    [`${NER}&measure=events&before=9999-11-06..9999-11-12&after=9999-11-13..9999-11-19`, 404, 'v:V:days:NER:political_violence'],
    ['/api/v1/series?country=NER&category=political_violence&measure=events&unit=week', 200, 'v:V:weeks:NER:political_violence'],
    [
      '/api/v1/series?country=NER&category=political_violence&measure=fatalities&unit=week&from=2023-07-01&to=2023-09-23&format=csv',
      200,
      'v:V:weeks:NER:political_violence',
    ],
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

  // Five fresh publishes: longer than the default 5 s on a loaded machine.
  it(
    'a region is looked up in the catalogue first (read once per isolate and version), so no text from the URL reaches a key',
    { timeout: 30_000 },
    async () => {
      const path = `/api/v1/check?country=NER&admin1=Tillaberi&category=political_violence&measure=events,fatalities&${COUP}&relation=ratio_gte&threshold=2`;
      expect(await reads(path)).toEqual({
        status: 400, // 1-15 July and 27 July-10 August are not whole weeks, and regions have weeks only: refused before any read
        keys: [],
      });
      const weeks = `/api/v1/check?country=NER&admin1=Tillaberi&category=political_violence&measure=events,fatalities&before=2023-07-01..2023-07-14&after=2023-07-15..2023-07-28&relation=ratio_gte&threshold=2`;
      expect(await reads(weeks)).toEqual({
        status: 200,
        keys: [POINTER_KEY, 'v:V:catalogue', 'v:V:weeks:NER.tillaberi:political_violence'],
      });
      for (const path of [
        '/api/v1/series?country=NER&admin1=Diffa&category=political_violence&measure=events&unit=week&from=2023-07-01',
        '/api/v1/compare?country=NER&admin1=Diffa&category=political_violence&measure=events&before=trailing2w&after=2023-07-15..2023-07-28',
      ])
        expect(await reads(path)).toEqual({ status: 200, keys: [POINTER_KEY, 'v:V:catalogue', 'v:V:weeks:NER.diffa:political_violence'] });
      const long = `/api/v1/series?country=NER&admin1=${'x'.repeat(470)}&category=political_violence&measure=events`;
      expect(await reads(long)).toEqual({ status: 404, keys: [POINTER_KEY, 'v:V:catalogue'] });
    },
  );

  it('a month check read for events and fatalities reads the entry holding both measures', async () => {
    expect(await reads(`${CHECK}&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2`)).toEqual({
      status: 200,
      keys: [POINTER_KEY, 'v:V:measures:NER:political_violence'],
    });
  });
});
