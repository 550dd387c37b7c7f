/**
 * The API's routes (worker/routes/index.ts): the list of routes and each route's valid parameters,
 * read from the route definitions; the OpenAPI document and its readable page.
 */
import { describe, expect, it } from 'vitest';
import { PARAMETERS, ROUTES } from '../../../worker/routes/index.ts';
import { get, problem } from '../request.ts';

describe('the routes and their parameters, read from the route definitions', () => {
  it('lists the data routes in the order of the document, then the documentation', async () => {
    expect(ROUTES).toEqual([
      '/api/v1/catalogue',
      '/api/v1/catalogue.csv',
      '/api/v1/series',
      '/api/v1/series.csv',
      '/api/v1/compare',
      '/api/v1/compare.csv',
      '/api/v1/claims',
      '/api/v1/claims.csv',
      '/api/v1/check',
      '/api/v1/check.csv',
      '/api/v1/refresh',
      '/api/v1/openapi.json',
      '/api/v1/docs',
    ]);
    const res = await get('/api/v1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ routes: ROUTES, docs: '/api/v1/docs', openapi: '/api/v1/openapi.json' });
  });

  it("takes each route's parameters from its query schema (the .csv twin takes the same)", () => {
    for (const [path, names] of Object.entries(PARAMETERS)) if (path.endsWith('.csv')) expect(names).toEqual(PARAMETERS[path.slice(0, -4)]);
    expect(Object.fromEntries(Object.entries(PARAMETERS).filter(([p]) => !p.endsWith('.csv')))).toEqual({
      '/api/v1/catalogue': ['version', 'format', 'lang'],
      '/api/v1/series': ['country', 'admin1', 'category', 'measure', 'unit', 'from', 'to', 'version', 'format'],
      '/api/v1/compare': ['country', 'admin1', 'category', 'measure', 'before', 'after', 'version', 'format', 'lang'],
      '/api/v1/claims': ['version', 'format', 'lang'],
      '/api/v1/check': [
        'country',
        'admin1',
        'category',
        'measure',
        'before',
        'after',
        'relation',
        'threshold',
        'wording',
        'version',
        'format',
        'lang',
      ],
      // The last refresh: only the language (not a dataset document: no version, JSON only).
      '/api/v1/refresh': ['lang'],
    });
  });

  it.each(Object.entries(PARAMETERS))(
    '%s names its parameters when one is unknown; the document lists them but format (the path decides JSON or CSV)',
    async (path, parameters) => {
      const body = await problem(await get(`${path}?nope=1`), 400);
      expect(body.errors).toContainEqual({
        parameter: 'nope',
        message: `unknown parameter(s) nope; valid parameters: ${parameters.join(', ')}`,
      });
      const doc = (await (await get('/api/v1/openapi.json')).json()) as {
        paths: Record<string, { get: { parameters?: { name: string }[] } }>;
      };
      expect((doc.paths[path.replace('/api/v1', '')]!.get.parameters ?? []).map((p) => p.name)).toEqual(
        parameters.filter((p) => p !== 'format'),
      );
    },
  );
});

describe('unknown routes and the documentation', () => {
  it('404 problem for an unknown API path, listing the routes', async () => {
    const body = await problem(await get('/api/v1/nope'), 404);
    expect(body.detail).toBe(
      'No such route. API routes: /api/v1/catalogue, /api/v1/catalogue.csv, /api/v1/series, /api/v1/series.csv, /api/v1/compare, /api/v1/compare.csv, /api/v1/claims, /api/v1/claims.csv, /api/v1/check, /api/v1/check.csv, /api/v1/refresh, /api/v1/openapi.json, /api/v1/docs.',
    );
  });

  it('serves an OpenAPI 3.1 document of every route', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual([
      '/catalogue',
      '/catalogue.csv',
      '/series',
      '/series.csv',
      '/compare',
      '/compare.csv',
      '/claims',
      '/claims.csv',
      '/check',
      '/check.csv',
      '/refresh',
    ]);
    expect(doc.paths['/series']!.get.parameters.map((p) => p.name)).toEqual([
      'country',
      'admin1',
      'category',
      'measure',
      'unit',
      'from',
      'to',
      'version',
    ]);
  });

  it('serves a readable docs page built from it, with a form per route and its own script only', async () => {
    const res = await get('/api/v1/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    // The page's own policy (kept by the security-headers middleware): its script, fetches and forms to this origin only.
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('<span class="method">GET</span> <code>/api/v1/series</code>');
    expect(html).toContain('trailing3 / trailing12');
    // One script, a file: no inline script, no handler attribute.
    expect(html.match(/<script[^>]*>/gi)).toEqual(['<script src="/api-docs.js" defer>']);
    expect(html).toMatch(/<script src="\/api-docs.js" defer><\/script>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    for (const [op, path] of [
      ['getCatalogue', 'catalogue'],
      ['getSeries', 'series'],
      ['compareSeries', 'compare'],
      ['listClaims', 'claims'],
      ['checkClaim', 'check'],
      ['getLastRefresh', 'refresh'],
    ])
      expect(html).toContain(`<form class="try" method="get" action="/api/v1/${path}" data-op="${op}">`);
    // A form per operation; a CSV button for the five data routes (the last refresh is JSON only).
    expect(html.match(/<form class="try"/g)).toHaveLength(6);
    expect(html.match(/formaction="\/api\/v1\/[a-z]+\.csv"/g)).toHaveLength(5);
  });
});
