/**
 * A refresh failure with its cause as a code (model/refresh-failures.ts), so that the run record
 * can say why in every language; the message stays the English reason, with its details. Pure.
 */
import { isRefreshFailure, type RefreshFailure } from '../../model/refresh-failures.ts';

/** A failure whose cause is known; any other error is recorded as `internal`. */
export class RefreshError extends Error {
  readonly code: RefreshFailure;
  constructor(code: RefreshFailure, message: string) {
    super(message);
    this.name = 'RefreshError';
    this.code = code;
  }
}

/** The code of a failure: a RefreshError's (or an AcledError's), else null (not known from the error itself). */
export function codeOf(e: unknown): RefreshFailure | null {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return isRefreshFailure(code) ? code : null;
}
