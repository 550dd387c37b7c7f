/** Errors as RFC 9457 problem details (application/problem+json), with a detail a user can act on. */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../model/api.ts';

/** A problem as sent: the model's Problem and extension members (RFC 9457, 3.2) such as `allowed`, `routes`, `version`. */
export type ProblemDetails = Problem & { [extension: string]: unknown };

/** Thrown anywhere in a request; app.onError answers it as problem+json. */
export class ProblemError extends HTTPException {
  readonly problem: ProblemDetails;
  constructor(status: ContentfulStatusCode, title: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(status, { message: detail });
    this.problem = { type: 'about:blank', title, status, detail, ...extensions };
  }
}

export function problemResponse(p: ProblemDetails): Response {
  // Problems quote what the client sent: < > & are written as JSON escapes, so a body that is
  // somehow rendered as HTML still shows them as text.
  const body = JSON.stringify(p).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Response(body, { status: p.status, headers: { 'content-type': 'application/problem+json; charset=utf-8' } });
}

export const badRequest = (detail: string, ext?: Record<string, unknown>) => new ProblemError(400, 'Invalid request', detail, ext);
export const notFound = (detail: string, ext?: Record<string, unknown>) => new ProblemError(404, 'Not found', detail, ext);
/** The data store cannot give what should be there: missing pointer, missing or corrupt entry. */
export const unavailable = (detail: string) =>
  new ProblemError(
    503,
    'Data unavailable',
    `${detail} The dataset may be being published, or was not loaded: try again shortly; operators should run npm run data:publish.`,
  );
