/**
 * The zod schemas more than one route uses: query parameters, parts of the response bodies, the
 * OpenAPI responses every data route has, and the types of the drift guards. Each route's own
 * query and response schemas are in its module (routes/<route>.ts).
 *
 * The query schemas validate requests and, with the response schemas, generate the OpenAPI
 * document (@hono/zod-openapi), so the documentation cannot drift from what is enforced. The
 * response schemas describe types of model/; each module's `true satisfies Equal<...>` lines fail to compile
 * when a schema and its type disagree.
 */

import { z } from '@hono/zod-openapi';
import type { Problem } from '../../model/api.ts';
import { CATEGORY_IDS, MEASURES } from '../../model/categories.ts';
import type { ClaimVerdict } from '../../model/claim.ts';
import { COUNTRIES, slug, toIso3 } from '../../model/geography.ts';
import { LANGS } from '../../model/lang.ts';
import { isDayPeriod, periodIssue, periodsIssue, type Role, resolvePeriods } from '../../model/period.ts';
import { PERIOD_SYNTAX, periodMessage } from '../../model/period-messages.ts';
import { RELATION_KINDS } from '../../model/relations.ts';
import { alignment } from '../../model/week.ts';
import { WORDS, type Words } from '../../model/words.ts';

// ---------------------------------------------------------------------------------------------
// Drift guards

// Two types are equal when every type relates to them alike (the usual exact-equality test).
type Probe<X> = <T>() => T extends X ? 1 : 2;
export type Equal<A, B> = Probe<A> extends Probe<B> ? true : false;
/** The declared members of a type, without its index signature (what a loose object adds). */
type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

// ---------------------------------------------------------------------------------------------
// Query parameters

export const country = z
  .string()
  .transform((s, ctx) => {
    const iso3 = toIso3(s);
    if (iso3) return iso3;
    ctx.addIssue({
      code: 'custom',
      message: `unknown country "${s}"; use an ISO3 code or name: ${COUNTRIES.map((c) => `${c.iso3} (${c.name})`).join(', ')}`,
    });
    return z.NEVER;
  })
  .openapi({ param: { name: 'country', in: 'query' }, description: 'ISO3 code or ACLED country name, any case.', example: 'NER' });

export const admin1 = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    // Input that folds to nothing (punctuation, spaces, control or direction characters) names no
    // region: refused, never read as "no region" (the country total).
    if (slug(s) === '')
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(s)} names no region (nothing is left once case, accents and punctuation are set aside): give a region's name or slug from the catalogue, e.g. Tillaberi, or leave admin1 out for the country total`,
      });
  })
  .optional()
  .openapi({
    param: { name: 'admin1', in: 'query' },
    description: "Admin1 region name or slug, any case or accents (see the catalogue for each country's regions).",
    example: 'Tillaberi',
  });

export const categoryEnum = z.enum(CATEGORY_IDS, { error: `must be one of ${CATEGORY_IDS.join(', ')}` });
export const category = categoryEnum.openapi({
  param: { name: 'category', in: 'query' },
  description: 'A category id (see the catalogue).',
  example: 'political_violence',
});

export const measure = z
  .enum(MEASURES, { error: `must be one of ${MEASURES.join(', ')}` })
  .openapi({ param: { name: 'measure', in: 'query' }, description: 'events or fatalities.', example: 'events' });

export const version = z
  .string()
  .regex(/^[0-9a-f]{12}$/, 'must be a dataset version: 12 hexadecimal digits, as in dataset.version')
  .optional()
  .openapi({
    param: { name: 'version', in: 'query' },
    // No example here: the served document gives the version published now (routes/index.ts), never a stale one.
    description: 'Pin a dataset version (see dataset.version) for a stable, citable, long-cacheable answer. Default: the current version.',
  });

export const lang = z
  .enum(LANGS, { error: 'must be en or fr' })
  .optional()
  .openapi({
    param: { name: 'lang', in: 'query' },
    description:
      'The language of the sentences (summaries, verdicts, caveats, citations): en (default) or fr. Without it, `Accept-Language` decides. Ids, field names and numbers never change with the language; the answer says its language in `Content-Language`. Problems about periods (ill-formed, reversed, overlapping, outside the counts, not whole weeks) are written in it too; other problems in English.',
  });

export const format = z
  .enum(['json', 'csv'], { error: 'must be json or csv' })
  .optional()
  .openapi({ param: { name: 'format', in: 'query' }, description: 'json (default) or csv. `Accept: text/csv` also selects CSV.' });

/**
 * An issue's message in every language: the issue keeps it (`params.say`), so that the 400 is
 * written in the language the request asks for (routes/index.ts); `message` is the English one.
 */
export type Say = (w: Words) => string;
function sayIssue(ctx: z.RefinementCtx, say: Say, path?: string[]): void {
  ctx.addIssue({ code: 'custom', message: say(WORDS.en), params: { say }, ...(path ? { path } : {}) });
}

/** A period, checked by the same parser the claims use (model/period.ts), so messages agree. */
export const period = (name: Role) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const problem = periodIssue(s, name);
      if (problem) sayIssue(ctx, (w) => periodMessage(problem, w.periods));
    })
    .openapi({
      param: { name, in: 'query' },
      description: `${PERIOD_SYNTAX[name][0]!.toUpperCase()}${PERIOD_SYNTAX[name].slice(1)}. Both periods must be of the same unit; a day window may be at most 3,660 days and must lie within the days the country's daily counts cover (see the catalogue's countries[].days). Day windows exist at country level only, for countries with an event-level source.`,
    });

/** The two periods together: the same unit, and `trailing...` resolvable against `after`. */
export const periodsAgree = (q: { before?: string | undefined; after: string }, ctx: z.RefinementCtx) => {
  if (q.before === undefined || periodIssue(q.before, 'before') || periodIssue(q.after, 'after')) return;
  const problem = periodsIssue(q.before, q.after);
  if (problem) sayIssue(ctx, (w) => periodMessage(problem, w.periods), ['before']);
};

/**
 * Day windows on a region: regions have weekly counts only (never daily ones: see
 * model/days.ts), so each window must be whole ACLED weeks, Saturday to Friday; otherwise a 400
 * naming the nearest whole-week ranges. Decided from the syntax alone, before any read.
 */
export const regionWeeks = (q: { admin1?: string | undefined; before?: string | undefined; after: string }, ctx: z.RefinementCtx) => {
  if (q.admin1 === undefined || !isDayPeriod(q.after) || periodIssue(q.after, 'after')) return;
  if (q.before !== undefined && (periodIssue(q.before, 'before') || periodsIssue(q.before, q.after))) return;
  const w = resolvePeriods(q.before ?? null, q.after);
  for (const [name, win] of [
    ['before', w.before],
    ['after', w.after],
  ] as const) {
    if (win === null) continue;
    const a = alignment(win.from, win.to);
    if (!a.aligned) sayIssue(ctx, (w) => w.coverage.regionWeeks(w.coverage.notWholeWeeks(win.from, win.to, a)), [name]);
  }
};

// ---------------------------------------------------------------------------------------------
// Parts of the responses

export const Dataset = z
  .object({
    // Examples: the published dataset's, filled in when the document is served (routes/index.ts).
    version: z.string().openapi({ description: 'Content hash of the dataset: cite it with the figure.' }),
    source: z.string(),
    credit: z.string(),
    asOf: z.string().openapi({ description: 'Last day covered by the newest source.' }),
  })
  .openapi('Dataset');

export const Change = z
  .object({
    base: z.number(),
    value: z.number(),
    abs: z.number(),
    pct: z.number().nullable().openapi({ description: 'Percent change, one decimal; null when the base is 0.' }),
    ratio: z.number().nullable(),
    lowBaseline: z.boolean().openapi({ description: 'The base is below the low-baseline threshold (10): percentages are unstable.' }),
  })
  .openapi('Change');

export const Named = z.object({ name: z.string(), slug: z.string() });
export const SeriesInfo = z
  .object({
    country: z.object({ iso3: z.string(), name: z.string() }),
    admin1: Named.nullable(),
    category: z.object({ id: categoryEnum, label: z.string(), definition: z.string() }),
    measure: z.enum(MEASURES),
  })
  .openapi('SeriesInfo');

const Relation = z.object({ kind: z.enum(RELATION_KINDS), value: z.number(), wording: z.string() });

const Reading = z.object({
  country: z.string(),
  admin1: z.string().nullable(),
  category: categoryEnum,
  measure: z.enum(MEASURES),
  before: z.string().nullable(),
  after: z.string(),
  relation: Relation,
  place: z.string(),
  definition: z.string(),
  beforeValue: z.number().nullable(),
  afterValue: z.number().nullable(),
  change: Change.nullable(),
  holds: z.boolean().nullable(),
  caveats: z.array(z.string()),
  sentence: z.string(),
});

const Verdict = z.enum(['supported', 'partly_supported', 'not_supported', 'cannot_be_decided']);

const Interpretation = z
  .object({
    interpretation: z.string(),
    verdict: Verdict,
    verdictLabel: z.string(),
    summary: z.string(),
    citation: z.string().openapi({ description: 'A compact sentence to quote, with the source credit and dataset version.' }),
    readings: z.array(Reading),
  })
  .openapi('Interpretation', { description: 'Another fair reading of a claim (e.g. day windows), with its own verdict.' });

/** An evaluated claim: the headline claims (/claims) and a claim checked on request (/check). */
export const Claim = z
  .object({
    id: z.string(),
    quote: z.string(),
    claimant: z.object({ name: z.string(), date: z.string().nullable(), url: z.string().nullable() }),
    interpretation: z.string(),
    verdict: Verdict.openapi({ description: 'The headline verdict: that of the primary reading (`readings`).' }),
    verdictLabel: z.string(),
    summary: z.string(),
    citation: z.string().openapi({ description: 'A compact sentence to quote, with the source credit and dataset version.' }),
    readings: z.array(Reading),
    alternatives: z
      .array(Interpretation)
      .openapi({ description: 'Alternative readings, each with its own verdict, reported beside the headline verdict.' }),
    translation: z
      .object({ lang: z.enum(LANGS), quote: z.string(), note: z.string() })
      .optional()
      .openapi({
        description:
          "In a language other than the quote's (lang=fr): the quote translated, marked as a translation; `quote` stays as it was said.",
      }),
  })
  .openapi('Claim');

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().openapi({ description: 'What went wrong and what to do about it.' }),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details (application/problem+json).' });

/** Compile-time: the shared response schemas describe exactly the model's types. */
true satisfies Equal<z.infer<typeof Claim>, ClaimVerdict>;
true satisfies Equal<Declared<z.infer<typeof ProblemSchema>>, Problem>;

// ---------------------------------------------------------------------------------------------
// OpenAPI responses of every data route

const problems = {
  400: {
    description: 'Invalid request: the detail says which parameter to fix and what is allowed.',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  404: {
    description: 'No such series, month or dataset version: the detail says what exists.',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  503: {
    description: 'The data store cannot answer (no dataset published, or a missing or corrupt entry).',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};
const cacheHeaders = {
  ETag: { description: 'Answer to If-None-Match with 304 Not Modified.', schema: { type: 'string' as const } },
  'Cache-Control': { description: 'Immutable for a pinned version; revalidate for the current one.', schema: { type: 'string' as const } },
};
const notModified = { 304: { description: 'Not modified: the copy named by If-None-Match is current.', headers: cacheHeaders } };

/**
 * A data route's responses: 200 with `schema` as JSON and its caching headers, 304, and the 400,
 * 404 and 503 problems. JSON only: the CSV of each route is its own operation (`<path>.csv`, see
 * csvResponses), so that a generated client types the JSON answer without a `| string`.
 */
export const responses = <S extends z.ZodType>(description: string, schema: S) => ({
  200: { description, headers: cacheHeaders, content: { 'application/json': { schema } } },
  ...notModified,
  ...problems,
});

/** The responses of a route's CSV operation (`<path>.csv`): 200 as text/csv with its file name, 304, problems. */
export const csvResponses = (description: string) => ({
  200: {
    description,
    headers: {
      ...cacheHeaders,
      'Content-Disposition': {
        description: 'attachment; filename="sahel-pulse_<route>_<filters>_<version>.csv": the file name records the query and the version.',
        schema: { type: 'string' as const },
      },
    },
    content: {
      'text/csv': {
        schema: {
          type: 'string' as const,
          description: 'A header row, then the data; every row ends with the dataset version, as-of date and credit.',
        },
      },
    },
  },
  ...notModified,
  ...problems,
});
