/**
 * Fetching from the Worker's JSON API (same origin). A failed call throws an ApiError carrying
 * what went wrong: the problem+json `detail` when the Worker sent one.
 */
import type { ParameterError, Problem } from '../../model/api.ts';
import type { Catalogue, ClaimsDoc, SeriesDoc } from '../../model/types.ts';
import { LANG } from './lang.ts';

export class ApiError extends Error {
  /** The path requested. */
  readonly path: string;
  /** HTTP status; 0 when no response arrived (network failure). */
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  /** The parameters a 400 names, so that the page can mark its own fields. */
  readonly errors: ParameterError[];
  /** The language of title and detail: the problem's Content-Language, else English (the words below). */
  readonly lang: string;

  constructor(path: string, status: number, title: string, detail: string, errors: ParameterError[] = [], lang = 'en') {
    super(`${path}: ${status === 0 ? '' : `${status} `}${title}${detail ? ` (${detail})` : ''}`);
    this.name = 'ApiError';
    this.path = path;
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.lang = lang;
  }
}

/** A body that reads as a problem document; its fields are still checked one by one (a proxy may send its own). */
function isProblem(x: unknown): x is Partial<Problem> {
  return typeof x === 'object' && x !== null && ('title' in x || 'detail' in x);
}

/** GET a JSON document; throws ApiError on a network failure, an error status or a body that is not JSON. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(path, 0, 'Network error', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: reported below.
  }
  if (!res.ok) {
    if (isProblem(body)) {
      const errors = Array.isArray(body.errors) ? body.errors.filter((e) => typeof e?.parameter === 'string') : [];
      throw new ApiError(
        path,
        res.status,
        body.title ?? res.statusText,
        body.detail ?? '',
        errors,
        res.headers.get('content-language') ?? 'en',
      );
    }
    throw new ApiError(path, res.status, res.statusText || 'Error', text.slice(0, 200));
  }
  if (body === undefined) throw new ApiError(path, res.status, 'Response is not JSON', text.slice(0, 200));
  return body as T;
}

/**
 * The catalogue in English whatever the browser's Accept-Language (the catalogue's words follow
 * it): the page writes its own words in its language (messages*.ts) from the ids. The same URL as
 * index.html's preload, so that the preloaded answer is the one used.
 */
export const CATALOGUE_URL = '/api/v1/catalogue?lang=en';
export const getCatalogue = (signal?: AbortSignal) => getJson<Catalogue>(CATALOGUE_URL, signal);
/** The headline claims, their verdicts and citations in the page's language. */
export const getClaims = (signal?: AbortSignal) => getJson<ClaimsDoc>(LANG === 'fr' ? '/api/v1/claims?lang=fr' : '/api/v1/claims', signal);
/** `path` as built by api-paths.ts's seriesPath. */
export const getSeries = (path: string, signal?: AbortSignal) => getJson<SeriesDoc>(path, signal);

/** GET a text document (the API's CSV); throws ApiError like getJson. */
export async function getText(path: string, signal?: AbortSignal): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'text/csv' }, ...(signal ? { signal } : {}) });
  } catch (e) {
    throw new ApiError(path, 0, 'Network error', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  if (!res.ok) {
    let detail = text.slice(0, 200);
    try {
      const p = JSON.parse(text) as Partial<Problem>;
      detail = p.detail ?? detail;
    } catch {
      // Not a problem document.
    }
    throw new ApiError(path, res.status, res.statusText || 'Error', detail);
  }
  return text;
}
