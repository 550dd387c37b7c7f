/**
 * The scheduled refresh's steps (data/refresh/steps.ts) on the shipped data, in Node, ACLED
 * being the fake fed the Niger event file: step by step they publish exactly what buildDataset
 * builds from the merged base, under the same version; each step stays within the per-invocation
 * limits designed for (KV operations, subrequests, result size) and, each run alone in a process
 * as a Workflow step runs in its own invocation, within 64 MB of heap (half of Workers' 128 MB).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../data/build/dataset.ts';
import { parseClaims } from '../../../data/build/files.ts';
import { readShipped } from '../../../data/cli/aggregates.ts';
import { CLAIMS_FILE } from '../../../data/cli/paths.ts';
import { baseEntries, readBase } from '../../../data/refresh/base.ts';
import { runRefresh, type TextKv, WRITE_BATCH } from '../../../data/refresh/steps.ts';
import { keys, POINTER_KEY, STAGE_KEY_PREFIX, VERSIONS_KEY, versionPrefix } from '../../../model/keys.ts';
import type { Pointer, PublishedVersion } from '../../../model/types.ts';
import { ASKED, measureSteps } from '../../bench/refresh-steps.ts';
import { AcledFake, nigerApiRows, nigerEventsPresent } from '../../fixtures/acled-fake.ts';

const present = await nigerEventsPresent();

/** Niger's events of 2019-01-01 to 2024-05-15 in the Niger event file whose event dates fall in the window (counted by the fake's filter). */
const NIGER_WINDOW_ROWS = 3485;

describe.skipIf(!present)('refresh steps on the shipped data', () => {
  it('publish, pointer last, exactly the entries buildDataset builds from the merged base, within the per-step limits', async () => {
    const data = new Map<string, string>();
    let ops = 0;
    const kv: TextKv = {
      get: async (k) => {
        ops++;
        return data.get(k) ?? null;
      },
      put: async (k, v) => {
        ops++;
        data.set(k, v);
      },
      delete: async (k) => {
        ops++;
        data.delete(k);
      },
    };
    const sources = await readShipped();
    const claims = parseClaims(await readFile(CLAIMS_FILE, 'utf8'), 'data/claims.json');
    const served = await buildDataset({ sources, claims });
    for (const e of baseEntries(served.version, { sources, claims })) data.set(e.key, e.value);
    data.set(POINTER_KEY, JSON.stringify({ version: served.version, publishedAt: '' }));
    const fake = new AcledFake({ rows: await nigerApiRows() });
    let fetches = 0;
    const steps: { name: string; kvOps: number; subrequests: number; resultBytes: number }[] = [];
    const run = await runRefresh({
      kv,
      cfg: {
        base: 'http://acled.test',
        username: fake.state.username,
        password: fake.state.password,
        fetch: (u, init) => {
          fetches++;
          return fake.fetch(new Request(u, init));
        },
      },
      id: 'test',
      at: '2026-12-02T06:00:00.000Z',
      asked: ASKED,
      reason: String,
      doStep: async (name, work) => {
        const [o, f] = [ops, fetches];
        const result = await work();
        steps.push({ name, kvOps: ops - o, subrequests: fetches - f, resultBytes: JSON.stringify(result).length });
        return result;
      },
    });
    expect(run).toMatchObject({ outcome: 'published', window: { since: '2019-01-01', through: '2024-05-15' } });
    expect(run.rows).toEqual({ read: NIGER_WINDOW_ROWS, accepted: NIGER_WINDOW_ROWS, rejected: 0, duplicates: 0, byReason: {} });
    // The steps, in order: one read per country, then each country hashed, the version, each country written in batches.
    const countries = ['BFA', 'TCD', 'MLI', 'NER', 'NGA'];
    expect(steps.map((s) => s.name)).toEqual([
      'plan',
      'token',
      ...countries.map((c) => `read ${c}`),
      'merge',
      ...countries.map((c) => `hash ${c}`),
      'version',
      ...steps.filter((s) => s.name.startsWith('write ')).map((s) => s.name),
      'publish',
    ]);
    expect(steps.filter((s) => s.name.startsWith('write ')).length).toBeGreaterThanOrEqual(countries.length);
    // The pointer moved last, to what buildDataset gives from the merged base: same version, same entries, byte for byte.
    const version = (JSON.parse(data.get(POINTER_KEY)!) as Pointer).version;
    expect(version).toBe(run.version);
    expect(version).not.toBe(served.version);
    const merged = await readBase(async (k) => data.get(k) ?? null, version);
    expect(merged.sources.find((s) => s.info.id === 'acled-api')!.info.coverage).toEqual({ from: '2019-01-01', through: '2024-05-15' });
    const expected = await buildDataset(merged);
    expect(expected.version).toBe(version);
    const written = [...data].filter(([k]) => k.startsWith(versionPrefix(version)) && !k.startsWith(keys.base(version)));
    expect(written.length).toBe(expected.entries.length);
    expect(new Map(written)).toEqual(new Map(expected.entries.map((e) => [e.key, e.value])));
    // The versions list counts every key of the version, its base included (as rollback checks).
    const listed = (JSON.parse(data.get(VERSIONS_KEY)!) as PublishedVersion[]).find((v) => v.version === version)!;
    expect(listed.entries).toBe([...data.keys()].filter((k) => k.startsWith(versionPrefix(version))).length);
    expect([...data.keys()].filter((k) => k.startsWith(STAGE_KEY_PREFIX))).toEqual([]);
    // Per step: KV operations (1,000 a invocation), subrequests (50), result (1 MiB; a few hundred bytes here).
    for (const s of steps) {
      expect(s.kvOps, s.name).toBeLessThanOrEqual(s.name.startsWith('write ') ? WRITE_BATCH + 2 : 30);
      expect(s.subrequests, s.name).toBeLessThanOrEqual(s.name.startsWith('read ') || s.name === 'token' ? 3 : 0);
      expect(s.resultBytes, s.name).toBeLessThan(512);
    }
    expect(Math.max(...steps.map((s) => s.kvOps))).toBe(WRITE_BATCH + 2);
  }, 180_000);

  it('each step, alone in a process as in its own Workflow invocation, runs within 64 MB of heap (tests/bench/refresh-steps.ts)', async () => {
    const { steps } = await measureSteps(64);
    expect(steps.every((s) => s.ok)).toBe(true);
    expect(steps.at(-1)!.name).toBe('publish');
    for (const s of steps) expect(s.peakMB, s.name).toBeLessThan(64);
    // The build steps are the heavy ones: their own work (above Node's and the modules' heap) is measured, not nil.
    const hash = steps.filter((s) => s.name.startsWith('hash '));
    expect(Math.max(...hash.map((s) => s.peakMB - s.baseMB))).toBeGreaterThan(5);
  }, 600_000);
});
