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
      '/api/v1/series',
      '/api/v1/compare',
      '/api/v1/claims',
      '/api/v1/check',
      '/api/v1/openapi.json',
      '/api/v1/docs',
    ]);
    const res = await get('/api/v1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ routes: ROUTES, docs: '/api/v1/docs', openapi: '/api/v1/openapi.json' });
  });

  it("takes each route's parameters from its query schema", () => {
    expect(PARAMETERS).toEqual({
      '/api/v1/catalogue': ['version', 'format'],
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
    });
  });

  it.each(Object.entries(PARAMETERS))(
    '%s names its parameters when one is unknown, as the document lists them',
    async (path, parameters) => {
      const body = await problem(await get(`${path}?nope=1`), 400);
      expect(body.errors).toContainEqual({
        parameter: 'nope',
        message: `unknown parameter(s) nope; valid parameters: ${parameters.join(', ')}`,
      });
      const doc = (await (await get('/api/v1/openapi.json')).json()) as {
        paths: Record<string, { get: { parameters: { name: string }[] } }>;
      };
      expect(doc.paths[path.replace('/api/v1', '')]!.get.parameters.map((p) => p.name)).toEqual(parameters);
    },
  );
});

describe('unknown routes and the documentation', () => {
  it('404 problem for an unknown API path, listing the routes', async () => {
    const body = await problem(await get('/api/v1/nope'), 404);
    expect(body.detail).toBe(
      'No such route. API routes: /api/v1/catalogue, /api/v1/series, /api/v1/compare, /api/v1/claims, /api/v1/check, /api/v1/openapi.json, /api/v1/docs.',
    );
  });

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
      'unit',
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
