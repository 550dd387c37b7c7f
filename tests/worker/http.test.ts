/**
 * HTTP behaviour every data route shares (worker/http.ts, worker/index.ts): JSON or CSV by
 * `format` or Accept, ETag and 304, caching of current and pinned versions, stored entries
 * served byte for byte, methods, CORS and security headers. Data: tests/worker/seed.ts.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/build/dataset.ts';
import { geoId, keys, POINTER_KEY } from '../../model/keys.ts';
import { get } from './request.ts';
import { buildTestDataset, seed } from './seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const SERIES = '/api/v1/series?country=NER&admin1=Tillab%C3%A9ri&category=political_violence&measure=fatalities';

describe('CSV', () => {
  it('is chosen by Accept: text/csv too, and the filename records from and to', async () => {
    const res = await get('/api/v1/series?country=MLI&category=political_violence&measure=events&from=2023-07', {
      headers: { accept: 'text/csv' },
    });
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="sahel-pulse_series_MLI_political_violence_events_2023-07_${ds.version}.csv"`,
    );
    expect((await res.text()).trim().split('\r\n')).toHaveLength(3);
  });
});

describe('caching', () => {
  it('answers If-None-Match with 304, and changes the ETag when a new version is published', async () => {
    const first = await get(SERIES);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`^"${ds.version}-[0-9a-f]{8}"$`));
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(first.headers.get('vary')).toBe('Accept');
    const again = await get(SERIES, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // The CSV of the same URL is another representation.
    expect((await get(`${SERIES}&format=csv`)).headers.get('etag')).not.toBe(etag);
    await env.SAHEL_KV.put(POINTER_KEY, JSON.stringify({ version: 'abcdefabcdef', publishedAt: '' }));
    const moved = await get(SERIES, { headers: { 'if-none-match': etag } });
    expect(moved.status).not.toBe(304);
  });

  it('serves a pinned version as immutable, and 404s a version that is not published', async () => {
    const pinned = await get(`${SERIES}&version=${ds.version}`);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gone = await get(`${SERIES}&version=000000000000`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { detail: string }).detail).toBe(
      'Dataset version 000000000000 is not published here (or was pruned); omit "version" for the current dataset.',
    );
    const bad = await get(`${SERIES}&version=latest`);
    expect(bad.status).toBe(400);
  });
});

describe('methods, CORS and headers', () => {
  it('answers HEAD like GET, without a body', async () => {
    const res = await get(SERIES, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect(await res.text()).toBe('');
  });

  it('serves a stored entry byte for byte, again and again (its bytes are encoded once and reused)', async () => {
    const stored = (key: string) => ds.entries.find((e) => e.key === key)!.value;
    const series = stored(keys.series(ds.version, geoId('NER', 'tillaberi'), 'political_violence', 'fatalities'));
    const claims = stored(keys.claims(ds.version));
    expect(series).toContain('Tillabéri'); // not ASCII: bytes and characters differ
    for (let i = 0; i < 3; i++) {
      const res = await get(SERIES);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.text()).toBe(series);
      expect(await (await get(SERIES, { method: 'HEAD' })).text()).toBe('');
      expect(await (await get('/api/v1/claims')).text()).toBe(claims);
    }
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    const res = await get(SERIES, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });

  it('is open to any origin for reading', async () => {
    const res = await get(SERIES, { headers: { origin: 'https://news.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('ETag,Content-Disposition');
    const pre = await get(SERIES, {
      method: 'OPTIONS',
      headers: { origin: 'https://news.example', 'access-control-request-method': 'GET' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS');
  });

  it('sends security headers', async () => {
    const res = await get(SERIES);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('gives data answers the API set of security headers, and the reference page every header', async () => {
    // OWASP's REST Security Cheat Sheet: what API responses need; the rest act only on HTML documents.
    const htmlOnly = [
      'referrer-policy',
      'permissions-policy',
      'cross-origin-opener-policy',
      'origin-agent-cluster',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ];
    for (const path of ['/api/v1/catalogue', `${SERIES}&format=csv`, '/api/v1/nothing', '/api/v1/series?country=NER']) {
      const res = await get(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d+/);
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
      for (const h of htmlOnly) expect(res.headers.get(h), `${path} ${h}`).toBeNull();
    }
    const page = await get('/api/v1/docs');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });
});
