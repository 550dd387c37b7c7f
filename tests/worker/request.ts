/** Requests to the Worker as a client sends them (its `fetch`, inside workerd), and what every problem answer must be. */
import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { Problem } from '../../model/api.ts';

export const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://localhost${path}`, init));

/** Assert `res` is a problem+json answer of `status`, with no stack trace; its body. */
export async function problem(res: Response, status: number): Promise<Problem & { [extension: string]: unknown }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  const body = (await res.json()) as Problem & { [extension: string]: unknown };
  expect(body.status).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+/); // no stack trace
  return body;
}
