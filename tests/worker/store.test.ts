/**
 * The KV reader (worker/store.ts): the size-capped memo of entries (least recently used out),
 * and the last good version answering when the current one cannot be read.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/build/dataset.ts';
import { keys, POINTER_KEY, VERSIONS_KEY } from '../../model/keys.ts';
import app from '../../worker/index.ts';
import { Memo } from '../../worker/store.ts';
import { get } from './request.ts';
import { buildTestDataset, publishWith, seed } from './seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const listVersions = (...versions: string[]) =>
  env.SAHEL_KV.put(
    VERSIONS_KEY,
    JSON.stringify(versions.map((version) => ({ version, publishedAt: '2026-01-01T00:00:00Z', entries: ds.entries.length }))),
  );

describe('the last good version answers when the current one cannot', () => {
  it('when an entry of the current version is corrupt', async () => {
    const bad = await publishWith(env.SAHEL_KV, ds, (v) => keys.claims(v), '{"dataset": ');
    await listVersions(ds.version, bad);
    const res = await get('/api/v1/claims');
    expect(res.status).toBe(200);
    expect(res.headers.get('sahel-pulse-fallback')).toBe(`${ds.version}; the current dataset cannot be read`);
    expect(((await res.json()) as { dataset: { version: string } }).dataset.version).toBe(ds.version);
  });

  it('when a daily-counts entry is corrupt or of the wrong shape (day windows)', async () => {
    const path =
      '/api/v1/compare?country=NER&category=political_violence&measure=events&before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10';
    for (const text of ['{"days": ', '{"days": {"from": "2023-06-01"}, "why": null}']) {
      const bad = await publishWith(env.SAHEL_KV, ds, (v) => keys.days(v, 'NER', 'political_violence'), text);
      await listVersions(ds.version, bad);
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('sahel-pulse-fallback')).toBe(`${ds.version}; the current dataset cannot be read`);
      expect(((await res.json()) as { after: { total: number } }).after.total).toBe(1);
      // Pinned to the corrupt version: 503, never numbers made up from it.
      const pinned = await get(`${path}&version=${bad}`);
      expect(pinned.status).toBe(503);
      expect(((await pinned.json()) as { detail: string }).detail).toMatch(
        new RegExp(`^The stored entry v:${bad}:days:NER:political_violence is corrupt\\.`),
      );
    }
  });

  it('when the pointer is missing', async () => {
    await listVersions(ds.version);
    await env.SAHEL_KV.delete(POINTER_KEY);
    const res = await get('/api/v1/series?country=MLI&category=political_violence&measure=events');
    expect(res.status).toBe(200);
    expect(res.headers.get('sahel-pulse-fallback')).toMatch(new RegExp(`^${ds.version};`));
  });

  it('but not for a pinned version, and not when nothing good is left', async () => {
    const bad = await publishWith(env.SAHEL_KV, ds, (v) => keys.catalogue(v), 'null');
    await listVersions(bad);
    expect((await get(`/api/v1/catalogue?version=${bad}`)).status).toBe(503);
    expect((await get('/api/v1/catalogue')).status).toBe(503);
    await env.SAHEL_KV.delete(VERSIONS_KEY);
    await env.SAHEL_KV.delete(POINTER_KEY);
    const res = await get('/api/v1/catalogue');
    expect(res.status).toBe(503);
    expect(res.headers.get('sahel-pulse-fallback')).toBeNull();
  });
});

describe('the memo of entries read', () => {
  const memo = () => new Memo<string>(10, (s) => s.length);

  it('drops the least recently used entries once past its size, and counts the sizes of those it keeps', () => {
    const m = memo();
    m.set('a', 'xxx');
    m.set('b', 'yyy');
    m.set('c', 'zzz');
    expect([m.keys(), m.bytes]).toEqual([['a', 'b', 'c'], 9]);
    // Reading `a` makes it the most recently used: `b` is now the oldest.
    expect(m.get('a')).toBe('xxx');
    m.set('d', 'ww');
    expect([m.keys(), m.bytes]).toEqual([['c', 'a', 'd'], 8]);
    expect(m.get('b')).toBeUndefined();
    m.set('e', 'vvvvvv');
    expect([m.keys(), m.bytes]).toEqual([['d', 'e'], 8]);
    expect([m.get('a'), m.get('d'), m.get('e')]).toEqual([undefined, 'ww', 'vvvvvv']);
  });

  it('counts a key stored twice once (two requests that missed it at once)', () => {
    const m = memo();
    m.set('a', 'xxxx');
    m.set('a', 'xxxx');
    m.set('a', 'xxxx');
    expect([m.keys(), m.bytes]).toEqual([['a'], 4]);
    m.set('b', 'yyyy');
    expect([m.keys(), m.bytes]).toEqual([['a', 'b'], 8]);
    m.set('a', 'xx');
    expect([m.keys(), m.bytes]).toEqual([['b', 'a'], 6]);
  });

  it('keeps no value larger than itself, and drops nothing for it', () => {
    const m = memo();
    m.set('a', 'xxx');
    m.set('big', 'y'.repeat(11));
    expect([m.keys(), m.bytes, m.get('big')]).toEqual([['a'], 3, undefined]);
    m.set('exact', 'z'.repeat(7));
    expect([m.keys(), m.bytes]).toEqual([['a', 'exact'], 10]);
  });

  it('spares a KV read for an entry already read, and for none other', async () => {
    const v = await publishWith(env.SAHEL_KV, ds, keys.claims, ds.entries.find((e) => e.key === keys.claims(ds.version))!.value);
    const read: string[] = [];
    const kv = {
      get: (key: string) => {
        read.push(key.replace(v, 'V'));
        return env.SAHEL_KV.get(key);
      },
    } as unknown as KVNamespace;
    const request = async (path: string) => {
      const res = await app.request(`http://localhost${path}`, {}, { ...env, SAHEL_KV: kv, POINTER_CACHE_SECONDS: '0' });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    };
    const series = '/api/v1/series?country=MLI&category=political_violence&measure=events';
    await request(series);
    await request(series);
    await request(`${series}&format=csv`);
    await request('/api/v1/series?country=MLI&category=political_violence&measure=fatalities');
    expect(read).toEqual([
      POINTER_KEY,
      'v:V:series:MLI:political_violence:events',
      POINTER_KEY,
      POINTER_KEY,
      POINTER_KEY,
      'v:V:series:MLI:political_violence:fatalities',
    ]);
  });
});
