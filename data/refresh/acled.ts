/**
 * ACLED's API, as its R package acledR (2025) and its "getting started" documentation describe
 * it: an OAuth token (`POST {base}/oauth/token`, password grant, `client_id=acled`; refreshed with
 * the refresh token), then event rows (`GET {base}/api/acled/read?_format=json`, Bearer token,
 * filters `country=A|B`, `event_date=from|to&event_date_where=BETWEEN`, `limit`, `page`: pages are
 * read until one comes back shorter than `limit`). Every failure is an AcledError whose message
 * says in plain words what went wrong and what to do. Pure: only `fetch`, passed in or global.
 * Credentials are sent to ACLED only, never logged or put into an error.
 */
import { REFRESH_FAILURE_WORDS, type RefreshFailure } from '../../model/refresh-failures.ts';
import type { RefreshWindow } from './core.ts';
import { acledName } from './core.ts';
import { RefreshError } from './failure.ts';

export const DEFAULT_BASE = 'https://acleddata.com';
/** ACLED's default (and the R package's) page size. */
export const PAGE_SIZE = 5000;
/** A page or token request that takes longer than this fails (and is retried). */
export const TIMEOUT_MS = 60_000;
/** The only columns read: the ones the pipeline counts with (less to transfer, nothing else held). */
export const FIELDS = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'inter1',
  'inter2',
  'civilian_targeting',
  'country',
  'admin1',
  'fatalities',
  'timestamp',
];

/** The causes of failure at ACLED (a subset of model/refresh-failures.ts). */
export type FailureKind = Extract<
  RefreshFailure,
  | 'no-credentials'
  | 'credentials'
  | 'no-access'
  | 'rate-limited'
  | 'acled-server'
  | 'timeout'
  | 'unreachable'
  | 'acled-error'
  | 'bad-answer'
>;

/** A failure of ACLED's API; `retryable` failures may pass if tried again later. */
export class AcledError extends RefreshError {
  readonly kind: FailureKind;
  readonly retryable: boolean;
  constructor(kind: FailureKind, message: string) {
    super(kind, message);
    this.name = 'AcledError';
    this.kind = kind;
    this.retryable = kind === 'unreachable' || kind === 'timeout' || kind === 'acled-server' || kind === 'rate-limited';
  }
}

export interface AcledConfig {
  base: string;
  username: string;
  password: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  pageSize?: number;
  timeoutMs?: number;
}

export interface Token {
  access: string;
  refresh: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
}

const trimBase = (base: string) => base.replace(/\/+$/, '');

async function call(cfg: AcledConfig, url: string, init: RequestInit, what: string): Promise<Response> {
  const f = cfg.fetch ?? fetch;
  const ms = cfg.timeoutMs ?? TIMEOUT_MS;
  try {
    return await f(url, { ...init, signal: AbortSignal.timeout(ms) });
  } catch (e) {
    const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    throw new AcledError(
      timeout ? 'timeout' : 'unreachable',
      timeout
        ? `ACLED did not answer ${what} within ${Math.round(ms / 1000)} s (ACLED unreachable or slow); the refresh will be tried again`
        : `ACLED unreachable: it could not be reached for ${what} (${e instanceof Error ? e.message : String(e)}); check ACLED_API_URL and the network`,
    );
  }
}

async function json(res: Response, what: string): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new AcledError('bad-answer', `ACLED's answer to ${what} (HTTP ${res.status}) is not JSON`);
  }
}

function tokenOf(body: unknown, now: number): Token {
  const b = body as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown } | null;
  if (typeof b?.access_token !== 'string' || b.access_token === '')
    throw new AcledError('bad-answer', "ACLED's token answer has no access_token");
  const ttl = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : 86_400;
  return { access: b.access_token, refresh: typeof b.refresh_token === 'string' ? b.refresh_token : '', expiresAt: now + ttl * 1000 };
}

async function tokenRequest(cfg: AcledConfig, form: Record<string, string>, what: string, now: number): Promise<Token> {
  const res = await call(
    cfg,
    `${trimBase(cfg.base)}/oauth/token`,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() },
    what,
  );
  if (res.status === 429)
    throw new AcledError('rate-limited', `ACLED rate-limited the ${what} (HTTP 429); the refresh will be tried again later`);
  if (res.status >= 500)
    throw new AcledError('acled-server', `ACLED unreachable: the ${what} failed (HTTP ${res.status}); the refresh will be tried again`);
  if (!res.ok)
    throw new AcledError(
      'credentials',
      form.grant_type === 'refresh_token'
        ? `ACLED refused the refresh token (HTTP ${res.status})`
        : `ACLED refused the username or password (HTTP ${res.status}): the password may have expired or changed; update ACLED_USERNAME / ACLED_PASSWORD`,
    );
  return tokenOf(await json(res, what), now);
}

/** A new token from the username and password (password grant). */
export function getToken(cfg: AcledConfig, now = Date.now()): Promise<Token> {
  if (!cfg.username || !cfg.password)
    throw new AcledError('no-credentials', 'no ACLED credentials: set ACLED_USERNAME and ACLED_PASSWORD (as secrets on Cloudflare)');
  return tokenRequest(
    cfg,
    { username: cfg.username, password: cfg.password, grant_type: 'password', client_id: 'acled' },
    'token request',
    now,
  );
}

/** A fresh token from the refresh token, or, when that is refused, from the username and password. */
export async function renewToken(cfg: AcledConfig, token: Token, now = Date.now()): Promise<Token> {
  if (token.refresh) {
    try {
      return await tokenRequest(
        cfg,
        { grant_type: 'refresh_token', refresh_token: token.refresh, client_id: 'acled' },
        'token refresh',
        now,
      );
    } catch (e) {
      if (!(e instanceof AcledError) || e.kind !== 'credentials') throw e;
    }
  }
  return getToken(cfg, now);
}

/** The read URL of one page of one window. */
export function pageUrl(cfg: AcledConfig, w: Pick<RefreshWindow, 'since' | 'through' | 'countries'>, page: number): string {
  const q = new URLSearchParams({
    _format: 'json',
    country: w.countries.map(acledName).join('|'),
    event_date: `${w.since}|${w.through}`,
    event_date_where: 'BETWEEN',
    fields: FIELDS.join('|'),
    limit: String(cfg.pageSize ?? PAGE_SIZE),
    page: String(page),
  });
  return `${trimBase(cfg.base)}/api/acled/read?${q.toString()}`;
}

/**
 * One page of rows. An expired access token (401) is renewed once (`renew`); a 403 means the
 * account has no API access (ACLED issues tokens to accounts without it).
 */
export async function readPage(
  cfg: AcledConfig,
  token: Token,
  w: Pick<RefreshWindow, 'since' | 'through' | 'countries'>,
  page: number,
  renew: (t: Token) => Promise<Token> = (t) => renewToken(cfg, t),
): Promise<{ rows: unknown[]; token: Token }> {
  const what = `page ${page} of ${w.countries.join(', ')} events`;
  let t = token;
  for (let attempt = 0; ; attempt++) {
    const res = await call(
      cfg,
      pageUrl(cfg, w, page),
      { headers: { authorization: `Bearer ${t.access}`, accept: 'application/json' } },
      what,
    );
    if (res.status === 401 && attempt === 0) {
      t = await renew(t);
      continue;
    }
    if (res.status === 401)
      throw new AcledError('credentials', `ACLED refused a fresh token for ${what} (HTTP 401): check ACLED_USERNAME / ACLED_PASSWORD`);
    if (res.status === 403) throw new AcledError('no-access', REFRESH_FAILURE_WORDS.en['no-access']);
    if (res.status === 429)
      throw new AcledError('rate-limited', `ACLED rate-limited ${what} (HTTP 429); the refresh will be tried again later`);
    if (res.status >= 500)
      throw new AcledError('acled-server', `ACLED unreachable: ${what} failed (HTTP ${res.status}); the refresh will be tried again`);
    const body = (await json(res, what)) as { success?: unknown; data?: unknown; error?: unknown; message?: unknown } | null;
    if (!res.ok || body?.success === false) {
      const msg = errorText(body);
      throw new AcledError('acled-error', `ACLED answered ${what} with an error${msg ? `: ${msg}` : ` (HTTP ${res.status})`}`);
    }
    if (!Array.isArray(body?.data)) throw new AcledError('bad-answer', `ACLED's answer to ${what} has no "data" list`);
    return { rows: body.data, token: t };
  }
}

function errorText(body: { error?: unknown; message?: unknown } | null): string {
  const e = body?.error as { message?: unknown } | string | undefined;
  const text =
    typeof e === 'string' ? e : typeof e?.message === 'string' ? e.message : typeof body?.message === 'string' ? body.message : '';
  return text.slice(0, 300);
}

/**
 * Every page of a window, one after another, until a page comes back shorter than the page size.
 * Yields each page's rows (and the token in use, renewed when it expired).
 */
export async function* readPages(
  cfg: AcledConfig,
  token: Token,
  w: Pick<RefreshWindow, 'since' | 'through' | 'countries'>,
): AsyncGenerator<{ page: number; rows: unknown[]; token: Token }> {
  const limit = cfg.pageSize ?? PAGE_SIZE;
  let t = token;
  for (let page = 1; ; page++) {
    const r = await readPage(cfg, t, w, page);
    t = r.token;
    yield { page, rows: r.rows, token: t };
    if (r.rows.length < limit) return;
  }
}
