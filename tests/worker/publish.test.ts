/**
 * Publishing, rolling back and pruning against Miniflare KV, with the Worker reading it: an
 * interrupted publish leaves the previous version served whole.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDataset, type Dataset, type KvEntry } from '../../data/build/dataset.ts';
import { batches, type KvWriter, namespaceWriter, prune, publish, rollback } from '../../data/publish/publish.ts';
import { keys, POINTER_KEY, VERSIONS_KEY, versionPrefix } from '../../model/keys.ts';
import type { AggregateRow } from '../../model/types.ts';
import { sourceInfo } from '../fixtures/source-info.ts';

const LIMITS = { pairs: 3, requestBytes: 100_000_000, valueBytes: 25 * 1024 * 1024 };

async function dataset(events: number): Promise<Dataset> {
  const rows: AggregateRow[] = ['2023-06', '2023-07', '2023-08'].map((month, i) => ({
    country: 'MLI',
    admin1: '',
    month,
    category: 'political_violence',
    events: events + i,
    fatalities: 2 * events,
  }));
  return buildDataset({
    sources: [{ info: sourceInfo('table', 'aggregate', '2023-09-01', { from: '2023-06-01', through: '2023-08-31' }), rows }],
    claims: [],
  });
}

/** A writer that fails on its `n`th bulk request, as a dropped connection would. */
function failingAfter(kv: KvWriter, n: number): KvWriter & { calls: number } {
  const w = {
    calls: 0,
    ...kv,
    async putMany(entries: KvEntry[]) {
      if (++w.calls >= n) throw new Error('connection lost');
      await kv.putMany(entries);
    },
  };
  return w;
}

const served = async (): Promise<string> => {
  const res = await exports.default.fetch(new Request('http://localhost/api/v1/catalogue'));
  expect(res.status).toBe(200);
  return ((await res.json()) as Dataset['catalogue']).dataset.version;
};

const keysOf = async (version: string) => (await env.SAHEL_KV.list({ prefix: versionPrefix(version) })).keys.map((k) => k.name);

const opts = (now: string) => ({ now, limits: LIMITS });

let A: Dataset, B: Dataset, C: Dataset, D: Dataset;
const kv = () => namespaceWriter(env.SAHEL_KV);

beforeEach(async () => {
  for (const k of (await env.SAHEL_KV.list()).keys) await env.SAHEL_KV.delete(k.name);
  [A, B, C, D] = await Promise.all([dataset(10), dataset(20), dataset(30), dataset(40)]);
});

describe('publish to KV', () => {
  it('batches within the limits and refuses values over 25 MiB', () => {
    const parts = batches(A.entries, LIMITS);
    expect(parts.every((p) => p.length <= 3)).toBe(true);
    expect(parts.flat()).toEqual(A.entries);
    expect(() => batches([{ key: 'v:x:big', value: 'x'.repeat(25 * 1024 * 1024 + 1) }])).toThrow(/over KV's 26214400-byte limit/);
    const big = Array.from({ length: 5 }, (_, i) => ({ key: `v:x:${i}`, value: 'y'.repeat(400) }));
    expect(batches(big, { pairs: 100, requestBytes: 1000, valueBytes: 1000 }).map((b) => b.length)).toEqual([2, 2, 1]);
  });

  it('writes entries, then the versions list, then the pointer', async () => {
    const order: string[] = [];
    const spy: KvWriter = {
      ...kv(),
      async putMany(entries) {
        order.push(...entries.map((e) => (e.key.startsWith('v:') ? 'entry' : e.key)));
        await kv().putMany(entries);
      },
    };
    await publish(spy, A.version, A.entries, opts('2026-01-01T00:00:00Z'));
    expect(order).toEqual([...A.entries.map(() => 'entry'), VERSIONS_KEY, POINTER_KEY]);
    expect(await served()).toBe(A.version);
  });

  it('leaves the previous version served when a publish fails midway', async () => {
    await publish(kv(), A.version, A.entries, opts('2026-01-01T00:00:00Z'));
    const failing = failingAfter(kv(), 2);
    await expect(publish(failing, B.version, B.entries, opts('2026-02-01T00:00:00Z'))).rejects.toThrow('connection lost');
    // Part of B was written, but nothing points at it.
    expect((await keysOf(B.version)).length).toBe(LIMITS.pairs);
    expect(JSON.parse((await env.SAHEL_KV.get(POINTER_KEY))!)).toEqual({ version: A.version, publishedAt: '2026-01-01T00:00:00Z' });
    expect(await served()).toBe(A.version);
    const body = await (await exports.default.fetch(new Request('http://localhost/api/v1/catalogue'))).text();
    expect(body).toBe(A.entries.find((e) => e.key === keys.catalogue(A.version))!.value);
    // A failure on the very last write (the pointer) also leaves A served.
    const n = batches(B.entries, LIMITS).length;
    await expect(publish(failingAfter(kv(), n + 2), B.version, B.entries, opts('2026-02-01T00:00:00Z'))).rejects.toThrow();
    expect(await served()).toBe(A.version);
    // Retrying the publish completes it.
    await publish(kv(), B.version, B.entries, opts('2026-02-02T00:00:00Z'));
    expect(await served()).toBe(B.version);
  });

  it('rolls back to the previous version, or a named one', async () => {
    await expect(rollback(kv())).rejects.toThrow('no version published before (none)');
    await publish(kv(), A.version, A.entries, opts('2026-01-01T00:00:00Z'));
    await publish(kv(), B.version, B.entries, opts('2026-02-01T00:00:00Z'));
    await publish(kv(), C.version, C.entries, opts('2026-03-01T00:00:00Z'));
    expect(await served()).toBe(C.version);
    expect(await rollback(kv())).toEqual({ version: B.version, publishedAt: '2026-02-01T00:00:00Z' });
    expect(await served()).toBe(B.version);
    expect((await rollback(kv())).version).toBe(A.version);
    await expect(rollback(kv())).rejects.toThrow(`no version published before ${A.version}`);
    expect((await rollback(kv(), C.version)).version).toBe(C.version);
    expect(await served()).toBe(C.version);
    await expect(rollback(kv(), 'nope')).rejects.toThrow('version nope was never published');
  });

  it('prunes only old versions and leftovers of failed publishes', async () => {
    await publish(kv(), A.version, A.entries, opts('2026-01-01T00:00:00Z'));
    await publish(kv(), B.version, B.entries, opts('2026-02-01T00:00:00Z'));
    await publish(kv(), C.version, C.entries, opts('2026-03-01T00:00:00Z'));
    await rollback(kv()); // serving B
    await expect(publish(failingAfter(kv(), 2), D.version, D.entries, opts('2026-04-01T00:00:00Z'))).rejects.toThrow();
    const result = await prune(kv(), 1);
    // Kept: the newest (C) and the one served (B); removed: A and D's partial upload.
    expect(result).toEqual({ kept: [B.version, C.version], removed: [A.version, D.version].sort(), deletedKeys: A.entries.length + 3 });
    expect(await keysOf(A.version)).toEqual([]);
    expect(await keysOf(D.version)).toEqual([]);
    expect((await keysOf(B.version)).length).toBe(B.entries.length);
    expect((await keysOf(C.version)).length).toBe(C.entries.length);
    expect(await served()).toBe(B.version);
    expect(JSON.parse((await env.SAHEL_KV.get(VERSIONS_KEY))!).map((v: { version: string }) => v.version)).toEqual([B.version, C.version]);
    await expect(rollback(kv(), A.version)).rejects.toThrow('never published');
    await expect(prune(kv(), 0)).rejects.toThrow('--keep');
  });
});
