/** GET /claims: the headline claims, each with a verdict, its numbers and the definitions used. */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import type { ClaimsDoc } from '../../model/types.ts';
import { PROVENANCE, provenance } from '../csv.ts';
import { answer, type Env, send } from '../http.ts';
import * as store from '../store.ts';
import { Claim, Dataset, type Equal, format, lang, responses, version } from './schemas.ts';

const ClaimsQuery = z.strictObject({ version, format, lang });

const ClaimsSchema = z.object({ dataset: Dataset, claims: z.array(Claim) }).openapi('Claims');

/** Compile-time: the schema describes exactly the stored claims. */
true satisfies Equal<z.infer<typeof ClaimsSchema>, ClaimsDoc>;

export const route = createRoute({
  method: 'get',
  path: '/claims',
  operationId: 'listClaims',
  tags: ['Claims'],
  security: [],
  summary: 'Headline claims, each with a verdict, its numbers and the definitions used',
  description:
    'The claims published with the dataset (quotes from public statements), each read against the data: its verdict, the readings behind it (series, periods, relation, values), caveats, alternative readings with their own verdicts, and a citation naming the dataset version.',
  request: { query: ClaimsQuery },
  responses: responses('The evaluated claims.', ClaimsSchema),
});

/** The stored claims as they are; in CSV, one row per reading. */
export const handler: RouteHandler<typeof route, Env> = (c) =>
  answer(c, { ...c.req.valid('query'), sentences: true }, async (a) => {
    const s = await store.claims(c.env.SAHEL_KV, a.version, a.lang!);
    // A version built before French was added answers in English, and says so.
    a.lang = s.lang;
    return send(c, a, store.bytesOf(s), () => ({
      name: ['claims'],
      columns: [
        'claim_id',
        'quote',
        'headline',
        'interpretation',
        'verdict',
        'country_iso3',
        'admin1',
        'category',
        'measure',
        'before',
        'after',
        'before_value',
        'after_value',
        'pct',
        'ratio',
        'relation',
        'holds',
        'sentence',
        ...PROVENANCE,
      ],
      // One row per reading: the primary reading's rows (headline true) carry the claim's headline
      // verdict; each alternative reading's rows carry its own verdict and interpretation.
      rows: s.doc.claims.flatMap((cl) =>
        // (`?? []`: versions built before alternative readings existed have none.)
        [cl, ...(cl.alternatives ?? [])].flatMap((it, k) =>
          it.readings.map((r) => [
            cl.id,
            cl.quote,
            k === 0,
            it.interpretation,
            it.verdict,
            r.country,
            r.admin1,
            r.category,
            r.measure,
            r.before,
            r.after,
            r.beforeValue,
            r.afterValue,
            r.change?.pct ?? null,
            r.change?.ratio ?? null,
            `${r.relation.kind} ${r.relation.value}`,
            r.holds,
            r.sentence,
            ...provenance(s.doc.dataset),
          ]),
        ),
      ),
    }));
  });
