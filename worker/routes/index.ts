/**
 * The API under /api/v1: the data routes (one module each: definition, handler, CSV columns), the
 * OpenAPI document generated from the schemas that validate their requests, and its readable
 * page. The list of routes and each route's valid parameters are read from the route
 * definitions, so they cannot drift from what is mounted and enforced.
 */
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { ParameterError } from '../../model/api.ts';
import { docsPage, type OpenApiDoc } from '../docs.ts';
import type { Env } from '../http.ts';
import { badRequest } from '../problem.ts';
import * as catalogue from './catalogue.ts';
import * as check from './check.ts';
import * as claims from './claims.ts';
import * as compare from './compare.ts';
import * as series from './series.ts';

/** Where the API is mounted (worker/index.ts). */
export const BASE = '/api/v1';
const DOCUMENT = '/openapi.json';
const DOCS = '/docs';

export const api = new OpenAPIHono<Env>({
  // One 400 problem listing every parameter at fault, and the valid parameters when one is unknown.
  defaultHook: (result, c) => {
    if (result.success) return;
    const valid = PARAMETERS[c.req.path] ?? [];
    const errors: ParameterError[] = result.error.issues.map((i) =>
      i.code === 'unrecognized_keys'
        ? { parameter: i.keys.join(', '), message: `unknown parameter(s) ${i.keys.join(', ')}; valid parameters: ${valid.join(', ')}` }
        : { parameter: i.path.join('.'), message: i.message },
    );
    throw badRequest(
      errors.map((e) => (e.message.startsWith('unknown parameter') ? e.message : `${e.parameter}: ${e.message}`)).join('; '),
      { errors },
    );
  },
});

/** Mount a route module (its definition and handler) on the API; its definition is what the lists below read. */
const mount = <R extends RouteConfig>(m: { route: R; handler: RouteHandler<R, Env> }): R => {
  api.openapi(m.route, m.handler);
  return m.route;
};

/** The data routes, mounted in the order of the document. */
const DEFINITIONS = [mount(catalogue), mount(series), mount(compare), mount(claims), mount(check)];

/** Routes listed in 404 answers and at /api/v1: the data routes, then the documentation. */
export const ROUTES = [...DEFINITIONS.map((r) => `${BASE}${r.path}`), `${BASE}${DOCUMENT}`, `${BASE}${DOCS}`];

/** Every parameter each data route takes (by its full path), read from its query schema, for the "unknown parameter" message. */
export const PARAMETERS: Record<string, string[]> = Object.fromEntries(
  DEFINITIONS.map((r) => [`${BASE}${r.path}`, Object.keys(r.request.query.shape)]),
);

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Sahel Pulse API',
    version: '1',
    description:
      'Month-over-month statistics on political violence in Burkina Faso, Chad, Mali, Niger and Nigeria, from ACLED data (ACLED, www.acleddata.com). No key needed. Every payload states its dataset version and source credit; pin `version` for a citable, immutable answer. Errors are RFC 9457 problem details.',
  },
  servers: [{ url: BASE }],
};

api.doc31(DOCUMENT, OPENAPI_CONFIG);

let docsHtml: string | null = null;
api.get(DOCS, (c) => {
  docsHtml ??= docsPage(api.getOpenAPI31Document(OPENAPI_CONFIG) as unknown as OpenApiDoc);
  return c.html(docsHtml);
});
api.get('/', (c) => c.json({ routes: ROUTES, docs: `${BASE}${DOCS}`, openapi: `${BASE}${DOCUMENT}` }));
