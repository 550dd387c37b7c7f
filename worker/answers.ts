/**
 * Answers made once and served again. A data route's answer (status 200) is a pure function of
 * the dataset version that answered, the request's path and query, the format its Accept
 * header asks for and the language its Accept-Language asks for (routes that write sentences
 * follow it when the query has no `lang`); versions never change once published. So each answer made is kept, whole
 * (body bytes and headers), and later requests for it skip routing, validation, lookups and
 * header middleware:
 * - per isolate, in memory (least recently used out, ANSWER_BYTES at most);
 * - at the edge, in the Cache API (`caches.default`, shared by the isolates of a Cloudflare
 *   location): an answer for a pinned version is immutable (kept a year), one for the current
 *   version is kept for the pointer's lifetime (POINTER_CACHE_SECONDS; not at all when it is 0).
 * Both are keyed by the version as well as the URL: a current answer is looked up under the
 * version the pointer names now, so a newly published version is served as soon as the pointer
 * is read again (within POINTER_CACHE_SECONDS, as without these caches), never masked by an
 * answer kept for the previous one.
 * Anything else (other methods, bodies, over-long URLs, errors, fallbacks, 304s to requests not
 * yet answered) goes to the Hono app, which decides and answers it as before.
 */
import type { Hono } from 'hono';
import { type Lang, langOf } from '../model/lang.ts';
import { acceptFormat, CACHE_CURRENT, CACHE_PINNED, type Env, type Format, holdsEtag } from './http.ts';
import { cachedVersion, Memo } from './store.ts';

type Fetch = Hono<Env>['fetch'];

/** An answer as sent: its body, its headers, and the headers of a 304 for it. */
interface Kept {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  headers: Headers;
  notModified: Headers;
}

/**
 * The memory kept answers may take per isolate: 8 MiB of bodies, each answer counted with
 * ANSWER_OVERHEAD more for its key and its two header sets (so at most 8 MiB / 4 KiB = 2,048 answers).
 * Workers isolates have 128 MB; the entries read (store.ts) take at most 16 MB more.
 */
const ANSWER_BYTES = 8 * 1024 * 1024;
const ANSWER_OVERHEAD = 4096;
const kept = new Memo<Kept>(ANSWER_BYTES, (k) => k.body.byteLength + ANSWER_OVERHEAD);

/** Where answers came from in this isolate, for tests and the operator. */
export const counts = { memory: 0, edge: 0, made: 0 };

/** Forget the answers kept in memory, as a new isolate starts (tests: the edge cache then answers). */
export function forget(): void {
  kept.clear();
}

/** The API's data routes live under this prefix; the answers kept are theirs. */
const PREFIX = '/api/v1/';
/** As in index.ts: longer URLs get a 414 from the app. */
const MAX_URL_LENGTH = 2048;
/** A pinned version in the query (the query schema's rule); anything else reads the current one. */
const PINNED = /[?&]version=([0-9a-f]{12})(?:&|$)/;
/** Headers the Cache API adds to what it was given (Miniflare and Cloudflare): not part of the answer. */
const CACHE_ADDED = ['age', 'cf-cache-status', 'content-length', 'date', 'expires'];
/** Headers of a 200 that a 304 does not repeat. */
const BODY_HEADERS = ['content-type', 'content-disposition', 'content-length'];

/** The format of each Accept header seen (they repeat: one per client library), at most 64. */
const formats = new Map<string, Format>();
function formatFor(accept: string | null): Format {
  if (!accept) return 'json';
  let f = formats.get(accept);
  if (f === undefined) {
    f = acceptFormat(accept);
    if (formats.size >= 64) formats.clear();
    formats.set(accept, f);
  }
  return f;
}

/** The language of each Accept-Language header seen (browsers send a handful), at most 64. */
const langs = new Map<string, Lang>();
function langFor(acceptLanguage: string | null): Lang {
  if (!acceptLanguage) return 'en';
  let l = langs.get(acceptLanguage);
  if (l === undefined) {
    l = langOf(undefined, acceptLanguage);
    if (langs.size >= 64) langs.clear();
    langs.set(acceptLanguage, l);
  }
  return l;
}

/**
 * What an answer varies on besides its URL: the format Accept asks for and the language
 * Accept-Language asks for ('json', 'csv', 'json.fr', 'csv.fr'). Routes without sentences ignore
 * the language; their answers are then kept once per language, which costs memory, not correctness.
 */
type Variant = string;
const variantOf = (headers: Headers): Variant => {
  const format = formatFor(headers.get('accept'));
  const lang = langFor(headers.get('accept-language'));
  return lang === 'en' ? format : `${format}.${lang}`;
};

/** The edge copy keeps the answer's Vary here (the Cache API is keyed by variant instead), and it is restored when served. */
const KEPT_VARY = 'sahel-pulse-vary';

/** The Cache API where the runtime has one (Cloudflare, workerd, Miniflare). */
const edgeCache = (): Cache | undefined => (typeof caches === 'undefined' ? undefined : (caches as unknown as { default?: Cache }).default);

/** Answer from a kept answer: 304 when the client holds it, HEAD without a body. */
function reply(k: Kept, method: string, inm: string | null): Response {
  if (inm !== null && holdsEtag(inm, k.etag)) return new Response(null, { status: 304, headers: k.notModified });
  return new Response(method === 'HEAD' ? null : k.body, { status: 200, headers: k.headers });
}

function keep(body: Uint8Array<ArrayBuffer>, headers: Headers, etag: string): Kept {
  const notModified = new Headers(headers);
  for (const h of BODY_HEADERS) notModified.delete(h);
  return { body, etag, headers, notModified };
}

/** Where the edge cache keeps an answer: under the version and variant (format, language), beside the URL's path and query. */
const edgeKey = (origin: string, version: string, variant: Variant, target: string) => `${origin}/__answers/${version}/${variant}${target}`;

/** The edge cache failing (or absent, as on a workerd with no cache service) is logged once per isolate, and answers go on. */
let edgeFailed = false;
function edgeFailure(e: unknown): undefined {
  if (!edgeFailed) console.error(`edge cache: ${e instanceof Error ? e.message : String(e)}; answering without it`);
  edgeFailed = true;
  return undefined;
}

/**
 * `app`'s fetch, with the answers it made served again from memory or the edge cache. Looked up
 * only when the version is known without a read (pinned, or the pointer cached and fresh); when
 * the pointer must be read, the app reads it, and its answer is kept under the version it names.
 * An answer kept in memory is returned at once (no promise, no closure made per request: this
 * path is most requests).
 */
export function servedAgain(app: Fetch): Fetch {
  return (request, env, ctx) => {
    // Each read of the request crosses into the runtime: each is made once.
    const url = request.url;
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    const method = request.method;
    const headers = request.headers;
    if (
      (method !== 'GET' && method !== 'HEAD') ||
      !url.startsWith(PREFIX, pathStart) ||
      url.length > MAX_URL_LENGTH ||
      request.body !== null ||
      headers.has('content-length') ||
      headers.has('transfer-encoding') ||
      !(env as Partial<Cloudflare.Env> | undefined)?.SAHEL_KV
    )
      return app(request, env, ctx);
    const target = url.slice(pathStart);
    const pinned = PINNED.exec(target)?.[1];
    const format = variantOf(headers);
    const known = pinned ?? cachedVersion();
    if (known !== null) {
      const hit = kept.get(`${known} ${format} ${target}`);
      if (hit) {
        counts.memory++;
        return reply(hit, method, headers.get('if-none-match'));
      }
    }
    return fromEdgeOrApp(app, request, env as Cloudflare.Env, ctx, url.slice(0, pathStart), target, pinned, format, known);
  };
}

async function fromEdgeOrApp(
  app: Fetch,
  request: Request,
  env: Cloudflare.Env,
  ctx: Parameters<Fetch>[2],
  origin: string,
  target: string,
  pinned: string | undefined,
  format: Variant,
  known: string | null,
): Promise<Response> {
  const cache = edgeCache();
  if (known !== null && cache) {
    const cached = await Promise.resolve()
      .then(() => cache.match(edgeKey(origin, known, format, target)))
      .catch(edgeFailure);
    if (cached?.status === 200) {
      const headers = new Headers(cached.headers);
      headers.set('cache-control', pinned ? CACHE_PINNED : CACHE_CURRENT);
      headers.set('vary', headers.get(KEPT_VARY) ?? 'Accept');
      for (const h of [...CACHE_ADDED, KEPT_VARY]) headers.delete(h);
      const k = keep(new Uint8Array(await cached.arrayBuffer()), headers, headers.get('etag') ?? '');
      kept.set(`${known} ${format} ${target}`, k);
      counts.edge++;
      return reply(k, request.method, request.headers.get('if-none-match'));
    }
  }

  counts.made++;
  const res = await app(request, env, ctx);
  const etag = res.headers.get('etag');
  // The version that answered, from the ETag ("<version>-<hash>", http.ts).
  const version = etag?.slice(1, etag.indexOf('-'));
  const pointerSeconds = Number(env.POINTER_CACHE_SECONDS);
  // Kept: a whole 200 of the version expected, as cacheable as its kind says, and not a
  // fallback; current answers only while the pointer is cached (else they are never looked up).
  if (
    request.method !== 'GET' ||
    res.status !== 200 ||
    !etag ||
    !version ||
    (known !== null && version !== known) ||
    res.headers.get('cache-control') !== (pinned ? CACHE_PINNED : CACHE_CURRENT) ||
    res.headers.has('sahel-pulse-fallback') ||
    (!pinned && !(pointerSeconds > 0))
  )
    return res;
  const body = new Uint8Array(await res.arrayBuffer());
  const k = keep(body, new Headers(res.headers), etag);
  kept.set(`${version} ${format} ${target}`, k);
  if (cache) {
    // The edge copy: cached a year (pinned) or the pointer's lifetime (current), keyed by
    // version and variant, so it needs no Vary; both are restored when it is served.
    const headers = new Headers(res.headers);
    headers.set('cache-control', pinned ? CACHE_PINNED : `public, max-age=${pointerSeconds}`);
    headers.set(KEPT_VARY, res.headers.get('vary') ?? 'Accept');
    headers.delete('vary');
    const put = Promise.resolve()
      .then(() => cache.put(edgeKey(origin, version, format, target), new Response(body, { headers })))
      .catch(edgeFailure);
    ctx?.waitUntil(put);
  }
  return reply(k, request.method, request.headers.get('if-none-match'));
}
