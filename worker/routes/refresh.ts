/**
 * GET /refresh: the last refresh from ACLED's API, whatever its outcome (the KV record the
 * scheduled Workflow writes at the end of every run, worker/refresh.ts), beside the version served
 * now. Not a dataset document: it changes without a new version (a failed or unchanged run
 * publishes none), so it is never cached (no ETag, `no-store`) and takes no `version`.
 */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import type { LastRefresh } from '../../model/api.ts';
import { POINTER_KEY, REFRESH_KEY } from '../../model/keys.ts';
import { type Lang, langOf } from '../../model/lang.ts';
import { failureReason } from '../../model/refresh-failures.ts';
import type { Pointer, RefreshRun as Run } from '../../model/types.ts';
import type { Env } from '../http.ts';
import { RefreshRun } from './catalogue.ts';
import { type Equal, lang, ProblemSchema } from './schemas.ts';

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
        code: 'credentials',
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
    "When the last scheduled refresh from ACLED's API ran, the event dates it read, the rows read, accepted and rejected, and its outcome: `published` (a new version is served), `unchanged` (ACLED had no new data) or `failed`, with its cause as a code (`code`: credentials, no-access, rate-limited, acled-server, timeout, unreachable, ...) and the reason in plain words (`reason`). With `lang=fr` (or `Accept-Language`) the reason is the French sentence for its code; a record written before codes existed keeps its English reason, and the answer then says `Content-Language: en`. Ids, codes and numbers never change with the language. A failed run leaves the served version as it was (`served`). Never cached.",
  request: { query: z.strictObject({ lang }) },
  responses: {
    200: {
      description: 'The last run and the version served.',
      headers: {
        'Cache-Control': {
          description: 'no-store: the record changes without a new dataset version.',
          schema: { type: 'string' as const },
        },
        'Content-Language': {
          description: "The language of the reason: the one asked for, or en when the record's reason exists in English only.",
          schema: { type: 'string' as const },
        },
      },
      content: { 'application/json': { schema: LastRefreshSchema } },
    },
    400: {
      description: 'Invalid request: an unknown parameter, or a lang other than en or fr.',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export const handler: RouteHandler<typeof route, Env> = async (c) => {
  const kv = c.env.SAHEL_KV;
  const asked = langOf(c.req.valid('query').lang, c.req.header('accept-language'));
  const [run, pointer] = await Promise.all([kv.get<Run>(REFRESH_KEY, 'json'), kv.get<Pointer>(POINTER_KEY, 'json')]);
  const { run: said, lang: sent } = inLang(run ?? null, asked);
  const body: LastRefresh = { run: said, served: pointer?.version ?? null };
  return c.json(body, 200, { 'cache-control': 'no-store', 'content-language': sent, vary: 'Accept-Language' });
};

/**
 * The run with its reason in `lang` (the sentence for its code), and the language it is in: a
 * failure recorded without a code (before codes existed) keeps its English reason, whole.
 */
export function inLang(run: Run | null, lang: Lang): { run: Run | null; lang: Lang } {
  if (lang === 'en' || run?.reason == null) return { run, lang };
  const said = failureReason(run, lang);
  return said === null ? { run, lang: 'en' } : { run: { ...run, reason: said }, lang };
}
