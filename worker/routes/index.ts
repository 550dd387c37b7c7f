/**
 * The API under /api/v1: the data routes (one module each: definition, handler, CSV columns), the
 * OpenAPI document generated from the schemas that validate their requests, and its readable
 * page. The list of routes and each route's valid parameters are read from the route
 * definitions, so they cannot drift from what is mounted and enforced.
 *
 * Each data route answers at two paths: `/series` (JSON) and `/series.csv` (CSV), two operations
 * of the document (getSeries, getSeriesCsv), so that generated clients (openapi-typescript +
 * openapi-fetch) type each answer as what it is, never `Series | string`. `format=csv` and
 * `Accept: text/csv` still select CSV on the JSON path (the dashboard's download links and older
 * links use them), but are left out of the document: the documented way to CSV is the .csv path.
 */
import { OpenAPIHono, type RouteConfig, type RouteHandler, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ParameterError } from '../../model/api.ts';
import { langOf } from '../../model/lang.ts';
import type { DatasetRef } from '../../model/types.ts';
import { WORDS } from '../../model/words.ts';
import { docsPage, type OpenApiDoc } from '../docs.ts';
import type { Env } from '../http.ts';
import { badRequest, ProblemError } from '../problem.ts';
import * as store from '../store.ts';
import * as catalogue from './catalogue.ts';
import * as check from './check.ts';
import * as claims from './claims.ts';
import * as compare from './compare.ts';
import * as refresh from './refresh.ts';
import { csvResponses, type Say } from './schemas.ts';
import * as series from './series.ts';

/** Where the API is mounted (worker/index.ts). */
export const BASE = '/api/v1';
const DOCUMENT = '/openapi.json';
const DOCS = '/docs';
/** The API reference page's path: the one HTML page the Worker writes (index.ts gives it the page's headers). */
export const DOCS_PAGE = `${BASE}${DOCS}`;
/** The CSV twin of a data route's path. */
const CSV = '.csv';
/** ACLED's terms govern the data the API serves (derived aggregates, credited to ACLED). */
const DATA_TERMS = 'https://acleddata.com/terms-of-use/';

export const api = new OpenAPIHono<Env>({
  // One 400 problem listing every parameter at fault, and the valid parameters when one is unknown.
  // Periods' messages are written in the language asked for (`lang`, else Accept-Language) when
  // every issue has one in it (schemas.ts, Say); otherwise the whole problem is in English.
  defaultHook: (result, c) => {
    if (result.success) return;
    const valid = PARAMETERS[c.req.path] ?? [];
    const asked = langOf(c.req.query('lang'), c.req.header('accept-language'));
    const says = result.error.issues.map((i) => (i.code === 'custom' ? (i.params?.say as Say | undefined) : undefined));
    const lang = asked !== 'en' && says.every((say) => say !== undefined) ? asked : 'en';
    const errors: ParameterError[] = result.error.issues.map((i, k) =>
      i.code === 'unrecognized_keys'
        ? { parameter: i.keys.join(', '), message: `unknown parameter(s) ${i.keys.join(', ')}; valid parameters: ${valid.join(', ')}` }
        : { parameter: i.path.join('.'), message: lang === 'en' ? i.message : says[k]!(WORDS[lang]) },
    );
    // French puts a space before a colon and a semicolon.
    const [colon, semicolon] = lang === 'fr' ? [' : ', ' ; '] : [': ', '; '];
    throw badRequest(
      errors.map((e) => (e.message.startsWith('unknown parameter') ? e.message : `${e.parameter}${colon}${e.message}`)).join(semicolon),
      { errors },
      lang,
    );
  },
});

type DataRoute = RouteConfig & { operationId: string; summary: string; request: { query: z.ZodObject } };

/** On a .csv path, `format` may only say csv (the path already does). */
const csvOnly = async (c: Context<Env>, next: () => Promise<void>) => {
  const f = c.req.query('format');
  if (f !== undefined && f !== 'csv')
    throw badRequest(`format: ${c.req.path} answers CSV only; leave format out, or use the path without .csv for JSON`);
  await next();
};

/**
 * Mount a route module (its definition and handler) at its path (JSON, `format`/`Accept` still
 * honoured) and at its .csv path (CSV: http.ts formatOf), both validated by the route's query
 * schema; its definition is what the lists and the document below read.
 */
const mount = <R extends DataRoute>(m: { route: R; handler: RouteHandler<R, Env> }): R => {
  api.openapi({ ...m.route, hide: true }, m.handler);
  api.openapi({ ...m.route, path: `${m.route.path}${CSV}`, middleware: [csvOnly], hide: true }, m.handler);
  return m.route;
};

/** The data routes, mounted in the order of the document. */
const DEFINITIONS = [mount(catalogue), mount(series), mount(compare), mount(claims), mount(check)];

/** Routes listed in 404 answers and at /api/v1: the data routes, their CSV twins, then the documentation. */
export const ROUTES = [
  ...DEFINITIONS.flatMap((r) => [`${BASE}${r.path}`, `${BASE}${r.path}${CSV}`]),
  `${BASE}${refresh.route.path}`,
  `${BASE}${DOCUMENT}`,
  `${BASE}${DOCS}`,
];

/** Every parameter each data route takes (by its full path, JSON and CSV), read from its query schema, for the "unknown parameter" message. */
export const PARAMETERS: Record<string, string[]> = Object.fromEntries([
  ...DEFINITIONS.flatMap((r) => {
    const names = Object.keys(r.request.query.shape);
    return [
      [`${BASE}${r.path}`, names],
      [`${BASE}${r.path}${CSV}`, names],
    ];
  }),
  [`${BASE}${refresh.route.path}`, Object.keys(refresh.route.request.query.shape)],
]);

// The document: each route's JSON operation and its CSV twin, with the same parameters (those of
// the query schema that validates them, but `format`, which the path decides).
for (const r of DEFINITIONS) {
  const { format: _format, ...shape } = r.request.query.shape;
  const query = z.strictObject(shape);
  api.openAPIRegistry.registerPath({ ...r, request: { query } });
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: `${r.path}${CSV}`,
    operationId: `${r.operationId}Csv`,
    ...(r.tags ? { tags: r.tags } : {}),
    security: [],
    summary: `${r.summary} (CSV)`,
    description: `The answer of ${r.operationId} (GET ${BASE}${r.path}, same parameters) as CSV, for spreadsheets: a header row, then one row per record; every row ends with the dataset version, as-of date and credit. Text cells a spreadsheet would run as formulas are prefixed with '.`,
    request: { query },
    responses: csvResponses(`${r.summary}, as CSV.`),
  });
}

// The last refresh from ACLED's API: one JSON operation, no CSV twin, never cached (routes/refresh.ts).
api.openapi(refresh.route, refresh.handler);

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Sahel Pulse API',
    version: '1',
    description:
      'Month-over-month statistics on political violence in Burkina Faso, Chad, Mali, Niger and Nigeria, from ACLED data (ACLED, www.acleddata.com). No key needed. Every payload states its dataset version and source credit; pin `version` for a citable, immutable answer. Each data route answers JSON at its path and CSV at the same path with `.csv`. Errors are RFC 9457 problem details. The data are derived aggregates of ACLED data (counts per country or region, month, week or day, and category; never event rows), under ACLED\'s terms of use: credit "ACLED, www.acleddata.com".',
    termsOfService: DATA_TERMS,
    license: { name: 'ACLED Terms of Use (derived aggregates of ACLED data; attribution required)', url: DATA_TERMS },
  },
  servers: [{ url: BASE, description: 'This deployment (relative to the document).' }],
  tags: [
    { name: 'Catalogue', description: 'What the dataset holds: countries, regions, categories, coverage and sources.' },
    { name: 'Series', description: 'Monthly and weekly series, and two periods of a series compared.' },
    { name: 'Claims', description: 'Claims read against the data: the headline claims, and any claim checked on request.' },
  ],
};

type Document = ReturnType<typeof api.getOpenAPI31Document>;
let generated: Document | null = null;

/** The dataset published now (what answers requests without `version`), or null when none can be read. */
async function currentDataset(c: Context<Env>): Promise<DatasetRef | null> {
  try {
    const v = await store.resolveVersion(c.env.SAHEL_KV, undefined, Number(c.env.POINTER_CACHE_SECONDS));
    return (await store.catalogue(c.env.SAHEL_KV, v)).doc.dataset;
  } catch (e) {
    if (e instanceof ProblemError) return null;
    throw e;
  }
}

/**
 * The document as served: generated once per isolate from the route definitions, with the
 * examples that depend on the data filled in from the dataset published now (the `version`
 * parameter, the Dataset object), so that every example answers; with none published, those
 * examples are left out rather than stale. `contact` points at this deployment's reference page.
 */
export async function servedDocument(c: Context<Env>): Promise<{ doc: Document; dataset: DatasetRef | null }> {
  generated ??= api.getOpenAPI31Document(OPENAPI_CONFIG);
  const doc = structuredClone(generated);
  const dataset = await currentDataset(c);
  doc.info.contact = { name: 'Sahel Pulse API reference', url: `${new URL(c.req.url).origin}${BASE}${DOCS}` };
  for (const methods of Object.values(doc.paths ?? {}))
    for (const p of methods.get?.parameters ?? []) {
      if (!('name' in p) || p.name !== 'version' || !p.schema || !('type' in p.schema)) continue;
      if (dataset) p.schema.example = dataset.version;
    }
  const ds = doc.components?.schemas?.Dataset;
  if (dataset && ds && 'properties' in ds && ds.properties) {
    for (const [k, v] of Object.entries(dataset)) {
      const prop = ds.properties[k];
      if (prop && 'type' in prop) prop.example = v;
    }
  }
  return { doc, dataset };
}

api.get(DOCUMENT, async (c) => c.json((await servedDocument(c)).doc));

/** The reference page's policy: as the API's, plus its own script and form (try a request) and fetches to this origin. */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

api.get(DOCS, async (c) => {
  const { doc, dataset } = await servedDocument(c);
  c.header('content-security-policy', DOCS_CSP);
  c.header('cache-control', 'public, max-age=0, must-revalidate');
  return c.html(docsPage(doc as unknown as OpenApiDoc, dataset));
});
api.get('/', (c) => c.json({ routes: ROUTES, docs: `${BASE}${DOCS}`, openapi: `${BASE}${DOCUMENT}` }));
