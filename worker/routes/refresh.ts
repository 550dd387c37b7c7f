/**
 * GET /refresh: the last refresh from ACLED's API, whatever its outcome (the KV record the
 * scheduled Workflow writes at the end of every run, worker/refresh.ts), beside the version served
 * now. Not a dataset document: it changes without a new version (a failed or unchanged run
 * publishes none), so it is never cached (no ETag, `no-store`) and takes no `version`.
 */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import type { LastRefresh } from '../../model/api.ts';
import { POINTER_KEY, REFRESH_KEY } from '../../model/keys.ts';
import type { Pointer, RefreshRun as Run } from '../../model/types.ts';
import type { Env } from '../http.ts';
import { RefreshRun } from './catalogue.ts';
import { type Equal, ProblemSchema } from './schemas.ts';

const LastRefreshSchema = z
  .object({
    run: RefreshRun.nullable().openapi({ description: 'The last run recorded, or null when none ran here.' }),
    served: z
      .string()
      .nullable()
      .openapi({ description: 'The dataset version served now: a failed or unchanged run leaves it as it was.' }),
  })
  .openapi('LastRefresh', {
    description: "The last refresh from ACLED's API, whatever its outcome, and the version served now.",
    example: {
      run: {
        at: '2026-12-02T06:00:00.000Z',
        by: 'workflow',
        window: { since: '2026-09-01', through: '2026-12-02' },
        countries: ['BFA', 'TCD', 'MLI', 'NER', 'NGA'],
        rows: { read: 0, accepted: 0, rejected: 0, duplicates: 0, byReason: {} },
        outcome: 'failed',
        reason:
          'ACLED refused the username or password (HTTP 401): the password may have expired or changed; update ACLED_USERNAME / ACLED_PASSWORD',
        version: null,
      },
      // No version named: an example must never name a version that is not served here.
      served: null,
    },
  });

/** Compile-time: the schema describes exactly the answer. */
true satisfies Equal<z.infer<typeof LastRefreshSchema>, LastRefresh>;

export const route = createRoute({
  method: 'get',
  path: '/refresh',
  operationId: 'getLastRefresh',
  tags: ['Catalogue'],
  security: [],
  summary: "The last refresh from ACLED's API, whatever its outcome",
  description:
    "When the last scheduled refresh from ACLED's API ran, the event dates it read, the rows read, accepted and rejected, and its outcome: `published` (a new version is served), `unchanged` (ACLED had no new data) or `failed`, with the reason in plain words (the password refused or expired, no API access, ACLED unreachable, rate-limited). A failed run leaves the served version as it was (`served`). Never cached; takes no parameters.",
  request: { query: z.strictObject({}) },
  responses: {
    200: {
      description: 'The last run and the version served.',
      headers: {
        'Cache-Control': {
          description: 'no-store: the record changes without a new dataset version.',
          schema: { type: 'string' as const },
        },
      },
      content: { 'application/json': { schema: LastRefreshSchema } },
    },
    400: {
      description: 'Invalid request: this route takes no parameters.',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export const handler: RouteHandler<typeof route, Env> = async (c) => {
  const kv = c.env.SAHEL_KV;
  const [run, pointer] = await Promise.all([kv.get<Run>(REFRESH_KEY, 'json'), kv.get<Pointer>(POINTER_KEY, 'json')]);
  const body: LastRefresh = { run: run ?? null, served: pointer?.version ?? null };
  return c.json(body, 200, { 'cache-control': 'no-store' });
};
