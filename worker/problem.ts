/** Errors as RFC 9457 problem details (application/problem+json), with a detail a user can act on. */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../model/api.ts';
import type { Lang } from '../model/lang.ts';
import { WORDS } from '../model/words.ts';

/** A problem as sent: the model's Problem and extension members (RFC 9457, 3.2) such as `allowed`, `routes`, `version`. */
export type ProblemDetails = Problem & { [extension: string]: unknown };

/** Thrown anywhere in a request; app.onError answers it as problem+json. */
export class ProblemError extends HTTPException {
  readonly problem: ProblemDetails;
  /** The language the detail is written in (English unless a route wrote it in the language asked for). */
  readonly lang: Lang;
  constructor(status: ContentfulStatusCode, title: string, detail: string, extensions: Record<string, unknown> = {}, lang: Lang = 'en') {
    super(status, { message: detail });
    this.problem = { type: 'about:blank', title, status, detail, ...extensions };
    this.lang = lang;
  }
}

/** The English titles the Worker writes, and their key in the catalogue of words (model/words.ts). */
const TITLES: Record<string, keyof (typeof WORDS)['en']['problem']> = {
  'Invalid request': 'badRequest',
  'Not found': 'notFound',
  'Data unavailable': 'unavailable',
};

/**
 * The problem as sent. A detail written in another language than English takes its title in that
 * language too (RFC 9457 lets a title change for localisation only) and says so in Content-Language.
 */
export function problemResponse(p: ProblemDetails, lang: Lang = 'en'): Response {
  const key = TITLES[p.title];
  const sent = lang !== 'en' && key ? { ...p, title: WORDS[lang].problem[key] } : p;
  // Problems quote what the client sent: < > & are written as JSON escapes, so a body that is
  // somehow rendered as HTML still shows them as text.
  const body = JSON.stringify(sent).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': lang };
  return new Response(body, { status: p.status, headers });
}

export const badRequest = (detail: string, ext?: Record<string, unknown>, lang?: Lang) =>
  new ProblemError(400, 'Invalid request', detail, ext, lang);
export const notFound = (detail: string, ext?: Record<string, unknown>, lang?: Lang) =>
  new ProblemError(404, 'Not found', detail, ext, lang);
/** The data store cannot give what should be there: missing pointer, missing or corrupt entry. */
export const unavailable = (detail: string) =>
  new ProblemError(
    503,
    'Data unavailable',
    `${detail} The dataset may be being published, or was not loaded: try again shortly; operators should run npm run data:publish.`,
  );
