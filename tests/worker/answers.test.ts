/**
 * Answers served again (worker/answers.ts): from the isolate's memory and from the edge cache
 * (the Cache API, `caches.default`, as Miniflare runs it), byte for byte and header for header
 * what the app answers (200, HEAD, 304, CSV); never an error, a fallback or an answer of another
 * version; a newly published version served once the pointer's lifetime is over. Each test
 * publishes a fresh version, so nothing of it is kept beforehand. Data: tests/worker/seed.ts.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/build/dataset.ts';
import { keys, VERSIONS_KEY } from '../../model/keys.ts';
import { counts, forget } from '../../worker/answers.ts';
import app from '../../worker/index.ts';
import { buildTestDataset, publishWith, seed } from './seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

/** Publish a fresh copy of the dataset as current: its version. */
const fresh = () => publishWith(env.SAHEL_KV, ds, keys.claims, ds.entries.find((e) => e.key === keys.claims(ds.version))!.value);

/** An ExecutionContext whose waitUntil promises can be awaited (the edge cache is written in waitUntil). */
function context() {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => pending.push(p), passThroughOnException: () => {}, props: {} };
  return { ctx: ctx as unknown as ExecutionContext, done: () => Promise.all(pending) };
}

/** A request through the Worker's fetch (answers kept, served again), with `bindings` over the test's env. */
async function fetchWorker(
  path: string,
  init: RequestInit = {},
  bindings: { POINTER_CACHE_SECONDS?: string; SAHEL_KV?: KVNamespace } = {},
) {
  const { ctx, done } = context();
  const res = await app.fetch(new Request(`http://localhost${path}`, init), { ...env, ...bindings }, ctx);
  const body = await res.text();
  await done();
  return { res, body };
}

/** What the app itself answers, bypassing the answers kept (a request announcing an empty body is not looked up). */
async function fromApp(path: string, init: RequestInit = {}, bindings: { POINTER_CACHE_SECONDS?: string; SAHEL_KV?: KVNamespace } = {}) {
  const headers = new Headers(init.headers);
  headers.set('content-length', '0');
  const before = { ...counts };
  const r = await fetchWorker(path, { ...init, headers }, bindings);
  expect(counts).toEqual(before);
  return r;
}

const headersOf = (res: Response) => [...res.headers].sort(([a], [b]) => a.localeCompare(b));

/** Counts before and after `f`: which source answered. */
async function sourceOf(f: () => Promise<unknown>): Promise<'memory' | 'edge' | 'made'> {
  const before = { ...counts };
  await f();
  const moved = (['memory', 'edge', 'made'] as const).filter((k) => counts[k] !== before[k]);
  expect(moved).toHaveLength(1);
  return moved[0]!;
}

const SERIES = '/api/v1/series?country=NER&admin1=Tillab%C3%A9ri&category=political_violence&measure=fatalities';

describe('answers kept in memory', () => {
  it('serve a pinned answer again, identical to what the app answers: 200, CSV, HEAD and 304', { timeout: 30_000 }, async () => {
    const v = await fresh();
    for (const [path, init] of [
      [`${SERIES}&version=${v}`, {}],
      [`${SERIES}&version=${v}&format=csv`, {}],
      [`${SERIES}&version=${v}`, { headers: { accept: 'text/csv' } }],
      [`/api/v1/claims?version=${v}`, {}],
    ] as [string, RequestInit][]) {
      expect(await sourceOf(() => fetchWorker(path, init))).toBe('made');
      let again: Awaited<ReturnType<typeof fetchWorker>> | undefined;
      expect(await sourceOf(async () => (again = await fetchWorker(path, init)))).toBe('memory');
      const app = await fromApp(path, init);
      expect(again!.res.status).toBe(200);
      expect(again!.body).toBe(app.body);
      expect(headersOf(again!.res)).toEqual(headersOf(app.res));
      expect(again!.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

      const head = { ...init, method: 'HEAD' };
      let h: Awaited<ReturnType<typeof fetchWorker>> | undefined;
      expect(await sourceOf(async () => (h = await fetchWorker(path, head)))).toBe('memory');
      expect(h!.body).toBe('');
      expect(headersOf(h!.res)).toEqual(headersOf((await fromApp(path, head)).res));

      const etag = app.res.headers.get('etag')!;
      for (const inm of [etag, `W/${etag}, "other"`, '*']) {
        const cond = { ...init, headers: { ...(init.headers as Record<string, string>), 'if-none-match': inm } };
        let nm: Awaited<ReturnType<typeof fetchWorker>> | undefined;
        expect(await sourceOf(async () => (nm = await fetchWorker(path, cond)))).toBe('memory');
        const byApp = await fromApp(path, cond);
        expect([nm!.res.status, byApp.res.status]).toEqual([304, 304]);
        expect(nm!.body).toBe('');
        expect(headersOf(nm!.res)).toEqual(headersOf(byApp.res));
      }
      // An ETag of another answer: the whole answer.
      const other = { ...init, headers: { ...(init.headers as Record<string, string>), 'if-none-match': '"nope"' } };
      expect((await fetchWorker(path, other)).res.status).toBe(200);
    }
  });

  it('keep current answers only while the pointer is cached (POINTER_CACHE_SECONDS > 0)', { timeout: 30_000 }, async () => {
    await fresh();
    const path = '/api/v1/series?country=MLI&category=political_violence&measure=events';
    // Tests run with POINTER_CACHE_SECONDS = 0: every request reads the pointer, and the app answers.
    expect(await sourceOf(() => fetchWorker(path))).toBe('made');
    expect(await sourceOf(() => fetchWorker(path))).toBe('made');
  });

  it('keep no error, no answer of a version not published, and no fallback', { timeout: 30_000 }, async () => {
    const v = await fresh();
    for (const path of [
      '/api/v1/series?country=NER&category=nothing&measure=events',
      `/api/v1/series?country=NER&admin1=Nowhere&category=political_violence&measure=events&version=${v}`,
      '/api/v1/catalogue?version=000000000000',
    ]) {
      for (let i = 0; i < 2; i++) {
        let r: Awaited<ReturnType<typeof fetchWorker>> | undefined;
        expect(await sourceOf(async () => (r = await fetchWorker(path, {}, { POINTER_CACHE_SECONDS: '1' })))).toBe('made');
        expect(r!.res.status).toBeGreaterThanOrEqual(400);
        expect(r!.res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      }
    }
    // The last good version answering for a corrupt current one: served, never kept.
    const bad = await publishWith(env.SAHEL_KV, ds, keys.claims, '{"dataset": ');
    await env.SAHEL_KV.put(VERSIONS_KEY, JSON.stringify([v, bad].map((version) => ({ version, publishedAt: '', entries: 1 }))));
    for (let i = 0; i < 2; i++) {
      let r: Awaited<ReturnType<typeof fetchWorker>> | undefined;
      expect(await sourceOf(async () => (r = await fetchWorker('/api/v1/claims', {}, { POINTER_CACHE_SECONDS: '1' })))).toBe('made');
      expect(r!.res.headers.get('sahel-pulse-fallback')).toBe(`${v}; the current dataset cannot be read`);
    }
    // Methods, bodies and long URLs are the app's.
    expect((await fetchWorker(`${SERIES}&version=${v}`, { method: 'POST' })).res.status).toBe(405);
    expect((await fetchWorker(`/api/v1/catalogue?version=${v}&x=${'a'.repeat(3000)}`)).res.status).toBe(414);
    await new Promise((r) => setTimeout(r, 1100)); // leave no pointer cached for other tests
  });
});

describe('answers kept at the edge (Cache API)', () => {
  it(
    'serve a pinned answer from caches.default, immutable, keyed by URL and version, without reading KV',
    { timeout: 30_000 },
    async () => {
      const v = await fresh();
      const path = `${SERIES}&version=${v}`;
      const first = await fetchWorker(path);
      expect(first.res.status).toBe(200);
      const stored = await caches.default.match(`http://localhost/__answers/${v}/json${path}`);
      expect(stored?.status).toBe(200);
      expect(stored!.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await stored!.text()).toBe(first.body);

      // A fresh isolate (memory empty) whose KV cannot be read: the edge answers, the same bytes and headers.
      forget();
      const broken = { get: () => Promise.reject(new Error('KV down')) } as unknown as KVNamespace;
      let hit: Awaited<ReturnType<typeof fetchWorker>> | undefined;
      expect(await sourceOf(async () => (hit = await fetchWorker(path, {}, { SAHEL_KV: broken })))).toBe('edge');
      expect(hit!.body).toBe(first.body);
      expect(headersOf(hit!.res)).toEqual(headersOf(first.res));
      // Then from memory; the CSV of the same URL is another answer (another key).
      expect(await sourceOf(() => fetchWorker(path, {}, { SAHEL_KV: broken }))).toBe('memory');
      expect(await sourceOf(() => fetchWorker(path, { headers: { accept: 'text/csv' } }))).toBe('made');
      forget();
      const hits = counts.edge;
      for (let i = 0; i < 3; i++) {
        forget();
        await fetchWorker(path, { headers: { accept: 'text/csv' } }, { SAHEL_KV: broken });
      }
      expect(counts.edge - hits).toBe(3);
    },
  );

  it("serve a current answer for the pointer's lifetime, and a newly published version after it", { timeout: 30_000 }, async () => {
    const pointer = { POINTER_CACHE_SECONDS: '1' };
    const path = '/api/v1/series?country=MLI&category=political_violence&measure=events';
    const versionOf = (body: string) => (JSON.parse(body) as { dataset: { version: string } }).dataset.version;
    const v1 = await fresh();
    await new Promise((r) => setTimeout(r, 1100)); // any pointer cached before is stale
    const first = await fetchWorker(path, {}, pointer);
    expect(versionOf(first.body)).toBe(v1);
    const stored = await caches.default.match(`http://localhost/__answers/${v1}/json${path}`);
    expect(stored?.headers.get('cache-control')).toBe('public, max-age=1');
    expect(await sourceOf(() => fetchWorker(path, {}, pointer))).toBe('memory');
    forget();
    let edge: Awaited<ReturnType<typeof fetchWorker>> | undefined;
    expect(await sourceOf(async () => (edge = await fetchWorker(path, {}, pointer)))).toBe('edge');
    // Served to the client as a current answer: revalidate, by ETag.
    expect(headersOf(edge!.res)).toEqual(headersOf(first.res));
    expect(edge!.res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

    const v2 = await fresh();
    await new Promise((r) => setTimeout(r, 1100)); // the pointer's lifetime
    // Memory and edge still hold v1's answer; the pointer now names v2, and v2 answers.
    const after = await fetchWorker(path, {}, pointer);
    expect(versionOf(after.body)).toBe(v2);
    expect(after.res.headers.get('etag')).toMatch(new RegExp(`^"${v2}-`));
    await new Promise((r) => setTimeout(r, 1100)); // leave no pointer cached for other tests
  });
});

describe('answers kept per language', () => {
  const COMPARE = '/api/v1/compare?country=NER&category=political_violence&measure=events&before=2023-06&after=2023-07';

  it(
    'keep an English and a French answer apart when only Accept-Language differs, in memory and at the edge',
    { timeout: 30_000 },
    async () => {
      const v = await fresh();
      const path = `${COMPARE}&version=${v}`;
      const fr = { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } };
      const en = await fetchWorker(path);
      expect(en.res.headers.get('content-language')).toBe('en');
      // Not the English answer kept a moment ago: the French one is made, then kept.
      let first: Awaited<ReturnType<typeof fetchWorker>> | undefined;
      expect(await sourceOf(async () => (first = await fetchWorker(path, fr)))).toBe('made');
      expect(first!.res.headers.get('content-language')).toBe('fr');
      expect(first!.body).toMatch(/"sentence":"Le nombre d'événements/);
      expect(await sourceOf(() => fetchWorker(path, fr))).toBe('memory');
      expect(await sourceOf(() => fetchWorker(path))).toBe('memory');
      // From the edge in a fresh isolate: the same bytes, and the answer's own Vary.
      forget();
      let edge: Awaited<ReturnType<typeof fetchWorker>> | undefined;
      expect(await sourceOf(async () => (edge = await fetchWorker(path, fr)))).toBe('edge');
      expect(edge!.body).toBe(first!.body);
      expect(headersOf(edge!.res)).toEqual(headersOf(first!.res));
      expect(edge!.res.headers.get('vary')).toBe('Accept, Accept-Language');
    },
  );
});
