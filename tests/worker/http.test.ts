import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { geoId, keys, POINTER_KEY } from '../../model/keys.ts';
import type { Dataset } from '../../data/build/dataset.ts';
import { buildTestDataset, seed } from './seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://localhost${path}`, init));
const SERIES = '/api/v1/series?country=NER&admin1=Tillab%C3%A9ri&category=political_violence&measure=fatalities';

describe('CSV', () => {
  it('serves a series as CSV with a header row, provenance on every row and a filename that records the filters', async () => {
    const res = await get(`${SERIES}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="sahel-pulse_series_NER_tillaberi_political_violence_fatalities_${ds.version}.csv"`,
    );
    const asOf = ds.catalogue.dataset.asOf;
    expect((await res.text()).split('\r\n')).toEqual([
      'country_iso3,country,admin1,category,measure,month,value,partial,source,vs_previous_abs,vs_previous_pct,low_baseline,dataset_version,as_of,credit',
      `NER,Niger,Tillabéri,political_violence,fatalities,2023-06,10,false,niger-events,,,,${ds.version},${asOf},"ACLED, www.acleddata.com"`,
      `NER,Niger,Tillabéri,political_violence,fatalities,2023-07,3,false,niger-events,-7,-70,false,${ds.version},${asOf},"ACLED, www.acleddata.com"`,
      `NER,Niger,Tillabéri,political_violence,fatalities,2023-08,40,true,niger-events,,,,${ds.version},${asOf},"ACLED, www.acleddata.com"`,
      '',
    ]);
  });

  it('is chosen by Accept: text/csv too, and the filename records from and to', async () => {
    const res = await get('/api/v1/series?country=MLI&category=political_violence&measure=events&from=2023-07', {
      headers: { accept: 'text/csv' },
    });
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="sahel-pulse_series_MLI_political_violence_events_2023-07_${ds.version}.csv"`,
    );
    expect((await res.text()).trim().split('\r\n')).toHaveLength(3);
  });

  it.each([
    [
      '/api/v1/catalogue?format=csv',
      'country_iso3,country,admin1,categories,months_from,months_to,partial_months,dataset_version,as_of,credit',
      4,
    ],
    [
      '/api/v1/claims?format=csv',
      'claim_id,quote,headline,interpretation,verdict,country_iso3,admin1,category,measure,before,after,before_value,after_value,pct,ratio,relation,holds,sentence,dataset_version,as_of,credit',
      // The claim's reading and its alternative reading's.
      2,
    ],
    [
      '/api/v1/compare?country=MLI&category=political_violence&measure=events&before=2023-06&after=2023-07&format=csv',
      'country_iso3,admin1,category,measure,basis,before,before_value,after,after_value,abs,pct,ratio,low_baseline,trend,caveats,dataset_version,as_of,credit',
      1,
    ],
  ])('%s has a header and one row per item', async (path, header, rows) => {
    const res = await get(path);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(header);
    expect(lines).toHaveLength(rows + 1);
  });
});

describe('several categories', () => {
  it('returns a SeriesSet in JSON and every series in CSV', async () => {
    const body = (await (await get('/api/v1/series?country=NER&category=political_violence,civilian_targeting&measure=events')).json()) as {
      dataset: { version: string };
      series: { series: { category: { id: string } }; points: unknown[] }[];
    };
    expect(body.dataset.version).toBe(ds.version);
    expect(body.series.map((s) => [s.series.category.id, s.points.length])).toEqual([
      ['political_violence', 3],
      ['civilian_targeting', 3],
    ]);
    const csv = await (
      await get('/api/v1/series?country=NER&category=political_violence&category=civilian_targeting&measure=events&format=csv')
    ).text();
    expect(csv.trim().split('\r\n')).toHaveLength(7);
  });

  it('404 names the category a country lacks', async () => {
    const res = await get('/api/v1/series?country=MLI&category=political_violence,civilian_targeting&measure=events');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^Category civilian_targeting is not available for Mali/);
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
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});

describe('documentation', () => {
  it('serves an OpenAPI 3.1 document of every route', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/catalogue', '/check', '/claims', '/compare', '/series']);
    expect(doc.paths['/series']!.get.parameters.map((p) => p.name)).toEqual([
      'country',
      'admin1',
      'category',
      'measure',
      'from',
      'to',
      'version',
      'format',
    ]);
  });

  it('serves a readable docs page built from it', async () => {
    const res = await get('/api/v1/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const html = await res.text();
    expect(html).toContain('<code>GET /api/v1/series</code>');
    expect(html).toContain('trailing3 / trailing12');
    expect(html).not.toMatch(/<script/i);
  });
});
