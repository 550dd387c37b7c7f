/**
 * HTTP behaviour shared by the data routes: which dataset version answers, conditional requests
 * (ETag / 304), caching, and JSON or CSV output.
 */
import type { Context } from 'hono';
import { type CsvTable, filename, toCsv } from './csv.ts';
import { ProblemError } from './problem.ts';
import { lastGoodVersion, resolveVersion, type VersionRef } from './store.ts';

export type Env = { Bindings: Cloudflare.Env };
export type Format = 'json' | 'csv';

/** Pinned versions never change: cache for a year. The current one must be revalidated (cheaply, by ETag). */
const CACHE_PINNED = 'public, max-age=31536000, immutable';
const CACHE_CURRENT = 'public, max-age=0, must-revalidate';

/** `format` wins; otherwise `Accept: text/csv` asks for CSV; JSON is the default. */
export function formatOf(c: Context<Env>, format: Format | undefined): Format {
  if (format) return format;
  return /\btext\/csv\b/i.test(c.req.header('accept') ?? '') ? 'csv' : 'json';
}

export interface Answer {
  version: VersionRef;
  format: Format;
  etag: string;
}

/**
 * Resolve the version and format of a request. Returns a 304 response when the client already
 * holds this representation: the answer is a pure function of version, URL and format, so it
 * is known without reading the data.
 */
function begin(c: Context<Env>, version: VersionRef, format: Format | undefined): Answer | Response {
  const fmt = formatOf(c, format);
  const url = new URL(c.req.url);
  url.searchParams.sort();
  const etag = `"${version.version}-${fnv1a(`${url.pathname}?${url.searchParams}|${fmt}`)}"`;
  const a: Answer = { version, format: fmt, etag };
  const inm = c.req.header('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304, headers(a));
  }
  return a;
}

const isUnavailable = (e: unknown): e is ProblemError => e instanceof ProblemError && e.problem.status === 503;

/**
 * Answer a data request: resolve its version, answer 304 when the client is up to date, else
 * `run`. When the current version cannot answer (pointer missing, an entry missing or corrupt),
 * the last good published version answers instead, marked by a `Sahel-Pulse-Fallback` header
 * and one log line; a pinned version never falls back.
 */
export async function answer(
  c: Context<Env>,
  q: { version?: string | undefined; format?: Format | undefined },
  run: (a: Answer) => Promise<Response>,
): Promise<Response> {
  const kv = c.env.SAHEL_KV;
  let version: VersionRef;
  try {
    version = await resolveVersion(kv, q.version, Number(c.env.POINTER_CACHE_SECONDS));
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    const good = await lastGoodVersion(kv, null);
    if (!good) throw e;
    return fallback(c, q.format, run, good, e.problem.detail);
  }
  const a = begin(c, version, q.format);
  if (a instanceof Response) return a;
  try {
    return await run(a);
  } catch (e) {
    if (!isUnavailable(e) || version.pinned) throw e;
    const good = await lastGoodVersion(kv, version.version);
    if (!good) throw e;
    return fallback(c, q.format, run, good, e.problem.detail);
  }
}

async function fallback(
  c: Context<Env>,
  format: Format | undefined,
  run: (a: Answer) => Promise<Response>,
  good: string,
  why: string,
): Promise<Response> {
  console.error(`serving dataset ${good}, the last good version: ${why}`);
  const a = begin(c, { version: good, pinned: false }, format);
  const res = a instanceof Response ? a : await run(a);
  res.headers.set('sahel-pulse-fallback', `${good}; the current dataset cannot be read`);
  return res;
}

function headers(a: Answer): Record<string, string> {
  return { etag: a.etag, 'cache-control': a.version.pinned ? CACHE_PINNED : CACHE_CURRENT, vary: 'Accept' };
}

/** Send JSON (a stored entry's bytes as they are, see store.bytesOf; or a value) or CSV, with caching headers. */
export function send(c: Context<Env>, a: Answer, json: Uint8Array<ArrayBuffer> | object, csv: () => CsvTable): Response {
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
