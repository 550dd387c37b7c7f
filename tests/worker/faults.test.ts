/** Faults in KV (a missing pointer, missing or corrupt entries: 503) and hostile requests: clear problems, never a stack trace. */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/build/dataset.ts';
import { keys, POINTER_KEY } from '../../model/keys.ts';
import { get, problem } from './request.ts';
import { buildTestDataset, publishWith, seed } from './seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

describe('missing or corrupt data', () => {
  it('503 when no dataset is published', async () => {
    await env.SAHEL_KV.delete(POINTER_KEY);
    const body = await problem(await get('/api/v1/catalogue'), 503);
    expect(body.detail).toMatch(/^No dataset has been published \(the KV pointer "current" is missing\)\./);
  });

  it('503 when the pointer names a version with no entries', async () => {
    await env.SAHEL_KV.put(POINTER_KEY, JSON.stringify({ version: 'feedfacecafe', publishedAt: '' }));
    const body = await problem(await get('/api/v1/claims'), 503);
    expect(body.detail).toMatch(/^Dataset feedfacecafe has no claims entry\./);
  });

  it('503 when an entry is corrupt, for pass-through routes too', async () => {
    await publishWith(env.SAHEL_KV, ds, (v) => keys.series(v, 'NER', 'political_violence', 'events'), '{"dataset": {');
    const body = await problem(await get('/api/v1/series?country=NER&category=political_violence&measure=events'), 503);
    expect(body.detail).toMatch(/^The stored entry v:[0-9a-f]{12}:series:NER:political_violence:events is corrupt\./);
  });

  it.each(['not json', 'null', '{"version": 42}'])('503 when the pointer holds %s', async (text) => {
    await env.SAHEL_KV.put(POINTER_KEY, text);
    await problem(await get('/api/v1/catalogue'), 503);
  });

  it.each(['null', '{}', '[1, 2]'])('503 when a series entry holds %s, with or without filters', async (text) => {
    await publishWith(env.SAHEL_KV, ds, (v) => keys.series(v, 'MLI', 'political_violence', 'events'), text);
    const path = '/api/v1/series?country=MLI&category=political_violence&measure=events';
    for (const p of [
      path,
      `${path}&from=2023-07`,
      '/api/v1/compare?country=MLI&category=political_violence&measure=events&before=2023-06&after=2023-07',
    ]) {
      const body = await problem(await get(p), 503);
      expect(body.detail).toMatch(/^The stored entry v:[0-9a-f]{12}:series:MLI:political_violence:events is corrupt\./);
    }
  });
});

describe('hostile requests', () => {
  it('escapes what it quotes back', async () => {
    const res = await get('/api/v1/series?country=%3Cscript%3Ealert(1)%3C/script%3E&category=battles&measure=events');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\u003cscript\\u003e');
    expect((JSON.parse(text) as { detail: string }).detail).toContain('unknown country "<script>alert(1)</script>"');
  });

  it('answers an over-long URL with 414', async () => {
    const res = await get(`/api/v1/catalogue?x=${'a'.repeat(3000)}`);
    expect(res.status).toBe(414);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });

  it('refuses a request body with 413', async () => {
    const res = await get('/api/v1/catalogue', { method: 'GET', headers: { 'content-length': '5' } });
    expect(res.status).toBe(413);
  });
});
