/**
 * HTTP behaviour shared by the data routes: which dataset version answers, conditional requests
 * (ETag / 304), caching, and JSON or CSV output.
 */
import type { Context } from 'hono';
import { type Lang, langOf } from '../model/lang.ts';
import { type CsvTable, filename, toCsv } from './csv.ts';
import { ProblemError } from './problem.ts';
import { lastGoodVersion, resolveVersion, type VersionRef } from './store.ts';

export type Env = { Bindings: Cloudflare.Env };
export type Format = 'json' | 'csv';

/** Pinned versions never change: cache for a year. The current one must be revalidated (cheaply, by ETag). */
export const CACHE_PINNED = 'public, max-age=31536000, immutable';
export const CACHE_CURRENT = 'public, max-age=0, must-revalidate';

/**
 * A `.csv` path (routes/index.ts: each route's CSV operation) is CSV. Then `format` wins; otherwise an `Accept` header naming `text/csv` with a q-value above 0, and at
 * least that of JSON (`application/json`, `application/*` or `*\/*`), asks for CSV; JSON is the
 * default. @example formatOf(c, undefined) === 'json' for `Accept: text/csv;q=0`
 */
export function formatOf(c: Context<Env>, format: Format | undefined): Format {
  if (c.req.path.endsWith('.csv')) return 'csv';
  return format ?? acceptFormat(c.req.header('accept') ?? '');
}

/** The format an Accept header asks for (see formatOf). */
export function acceptFormat(accept: string): Format {
  const q = acceptQualities(accept);
  const csv = q.get('text/csv') ?? 0;
  const json = q.get('application/json') ?? q.get('application/*') ?? q.get('*/*') ?? 0;
  return csv > 0 && csv >= json ? 'csv' : 'json';
}

/** Media ranges of an Accept header and their q-values (RFC 9110, 12.5.1); a malformed q counts as 0. */
function acceptQualities(accept: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of accept.split(',').slice(0, 32)) {
    const [range = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (!range) continue;
    const qp = params.find((x) => x.startsWith('q='));
    const q = qp === undefined ? 1 : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(qp.slice(2)) ? Number(qp.slice(2)) : 0;
    out.set(range, Math.max(out.get(range) ?? 0, q));
  }
  return out;
}

export interface Answer {
  version: VersionRef;
  format: Format;
  /** The language of the answer's sentences; null on routes whose answer has none. */
  lang: Lang | null;
  etag: string;
}

/** What a data request asks: a version, a format, and (on routes that write sentences) a language. */
export interface Ask {
  version?: string | undefined;
  format?: Format | undefined;
  lang?: Lang | undefined;
  /** Does the answer hold sentences (and so follow `lang`, else Accept-Language)? */
  sentences?: boolean;
}

/**
 * Resolve the version and format of a request, and its ETag (a pure function of version, URL and
 * format). Whether the client already holds it is decided in `send`, once the request is known
 * to name data that exists: an unknown region or version is a 404, never a 304.
 */
function begin(c: Context<Env>, version: VersionRef, q: Ask): Answer {
  const fmt = formatOf(c, q.format);
  // `lang`, else Accept-Language: the ETag names the language, as it names the format.
  const lang = q.sentences ? langOf(q.lang, c.req.header('accept-language')) : null;
  const url = new URL(c.req.url);
  url.searchParams.sort();
  const etag = `"${version.version}-${fnv1a(`${url.pathname}?${url.searchParams}|${fmt}${lang ? `|${lang}` : ''}`)}"`;
  return { version, format: fmt, lang, etag };
}

/** Does an If-None-Match header hold this ETag (or `*`: any current representation, RFC 9110 13.1.2)? */
export function holdsEtag(inm: string | null | undefined, etag: string): boolean {
  if (!inm) return false;
  if (inm.trim() === '*') return true;
  return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

const notModified = (c: Context<Env>, a: Answer): boolean => holdsEtag(c.req.header('if-none-match'), a.etag);

/** A problem that depends on the data names the dataset version that answered (`version`, a problem extension). */
function withVersion(e: unknown, version: string): unknown {
  if (e instanceof ProblemError && e.problem.status < 500) e.problem.version ??= version;
  return e;
}

const isUnavailable = (e: unknown): e is ProblemError => e instanceof ProblemError && e.problem.status === 503;

/**
 * Answer a data request: resolve its version, answer 304 when the client is up to date, else
 * `run`. When the current version cannot answer (pointer missing, an entry missing or corrupt),
 * the last good published version answers instead, marked by a `Sahel-Pulse-Fallback` header
 * and one log line; a pinned version never falls back.
 */
export async function answer(c: Context<Env>, q: Ask, run: (a: Answer) => Promise<Response>): Promise<Response> {
  const kv = c.env.SAHEL_KV;
  let version: VersionRef;
  try {
    version = await resolveVersion(kv, q.version, Number(c.env.POINTER_CACHE_SECONDS));
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    const good = await lastGoodVersion(kv, null);
    if (!good) throw e;
    return fallback(c, q, run, good, e.problem.detail);
  }
  const a = begin(c, version, q);
  try {
    return await run(a);
  } catch (e) {
    if (!isUnavailable(e) || version.pinned) throw withVersion(e, version.version);
    const good = await lastGoodVersion(kv, version.version);
    if (!good) throw e;
    return fallback(c, q, run, good, e.problem.detail);
  }
}

async function fallback(c: Context<Env>, q: Ask, run: (a: Answer) => Promise<Response>, good: string, why: string): Promise<Response> {
  console.error(`serving dataset ${good}, the last good version: ${why}`);
  let res: Response;
  try {
    res = await run(begin(c, { version: good, pinned: false }, q));
  } catch (e) {
    throw withVersion(e, good);
  }
  res.headers.set('sahel-pulse-fallback', `${good}; the current dataset cannot be read`);
  return res;
}

function headers(a: Answer): Record<string, string> {
  const cache = { etag: a.etag, 'cache-control': a.version.pinned ? CACHE_PINNED : CACHE_CURRENT };
  return a.lang ? { ...cache, vary: 'Accept, Accept-Language', 'content-language': a.lang } : { ...cache, vary: 'Accept' };
}

/**
 * Send JSON (a stored entry's bytes as they are, see store.bytesOf; or a value) or CSV, with
 * caching headers; or 304 when the client holds it. Called only once the data was found, so a
 * 304 never stands for a request the data cannot answer.
 */
export function send(c: Context<Env>, a: Answer, json: Uint8Array<ArrayBuffer> | object, csv: () => CsvTable): Response {
  if (notModified(c, a)) return c.body(null, 304, headers(a));
  if (a.format === 'csv') {
    const t = csv();
    return c.body(toCsv(t), 200, {
      ...headers(a),
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename(t.name, a.version.version)}"`,
    });
  }
  return c.body(json instanceof Uint8Array ? json : JSON.stringify(json), 200, {
    ...headers(a),
    'content-type': 'application/json; charset=utf-8',
  });
}

/** 32-bit FNV-1a, hex: a short, stable fingerprint of the request for the ETag. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
