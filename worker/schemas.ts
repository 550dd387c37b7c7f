/**
 * Zod schemas of the API: the query schemas validate requests, and both generate the OpenAPI
 * document (@hono/zod-openapi), so the documentation cannot drift from what is enforced. The
 * response schemas mirror data/model/types.ts; the type checks at the bottom fail to compile if
 * the two disagree.
 */
import { z } from '@hono/zod-openapi';
import { CATEGORY_IDS, MEASURES } from '../model/categories.ts';
import type { ClaimVerdict } from '../model/claim.ts';
import { RELATION_KINDS } from '../model/relations.ts';
import type { Comparison as ModelComparison } from '../model/compare.ts';
import { COUNTRIES, slug, toIso3 } from '../model/geography.ts';
import { REGION_DAYS_WHY } from '../model/days.ts';
import { MONTH_PATTERN } from '../model/month.ts';
import { isDayPeriod, PERIOD_SYNTAX, periodProblem, periodsProblem, type Role } from '../model/period.ts';
import { TREND_LABELS, type TrendBand } from '../model/trend.ts';
import type { Catalogue, ClaimsDoc, SeriesDoc } from '../model/types.ts';

// ---------------------------------------------------------------------------------------------
// Requests

const MONTH_HINT = 'a month written YYYY-MM, e.g. 2023-08';
const month = z.string().regex(MONTH_PATTERN, `must be ${MONTH_HINT}`);

const country = z
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

const admin1 = z
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
    description: 'Admin1 region name or slug, any case or accents (Niger only in this dataset).',
    example: 'Tillaberi',
  });

const categoryEnum = z.enum(CATEGORY_IDS, { error: `must be one of ${CATEGORY_IDS.join(', ')}` });
const category = categoryEnum.openapi({
  param: { name: 'category', in: 'query' },
  description: 'A category id (see the catalogue).',
  example: 'political_violence',
});

/** One category, several separated by commas, or the parameter repeated. */
const categories = z
  .union([z.string(), z.array(z.string())])
  .transform((v, ctx) => {
    const ids = [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()))];
    const bad = ids.filter((id) => !(CATEGORY_IDS as readonly string[]).includes(id));
    if (bad.length > 0 || ids.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown category ${bad.map((b) => `"${b}"`).join(', ')}; use one or more of ${CATEGORY_IDS.join(', ')}`,
      });
      return z.NEVER;
    }
    return ids as (typeof CATEGORY_IDS)[number][];
  })
  .openapi({
    param: { name: 'category', in: 'query' },
    type: 'string',
    description:
      'One or more category ids, separated by commas (or the parameter repeated). One category returns a Series, several a SeriesSet.',
    example: 'political_violence',
  });

const measure = z
  .enum(MEASURES, { error: `must be one of ${MEASURES.join(', ')}` })
  .openapi({ param: { name: 'measure', in: 'query' }, description: 'events or fatalities.', example: 'events' });

const version = z
  .string()
  .regex(/^[0-9a-f]{12}$/, 'must be a dataset version: 12 hexadecimal digits, as in dataset.version')
  .optional()
  .openapi({
    param: { name: 'version', in: 'query' },
    description: 'Pin a dataset version (see dataset.version) for a stable, citable, long-cacheable answer. Default: the current version.',
    example: '1cd57918d1c7',
  });

const format = z
  .enum(['json', 'csv'], { error: 'must be json or csv' })
  .optional()
  .openapi({ param: { name: 'format', in: 'query' }, description: 'json (default) or csv. `Accept: text/csv` also selects CSV.' });

const from = month
  .optional()
  .openapi({ param: { name: 'from', in: 'query' }, description: `First month to include, ${MONTH_HINT}.`, example: '2023-01' });
const to = month
  .optional()
  .openapi({ param: { name: 'to', in: 'query' }, description: `Last month to include, ${MONTH_HINT}.`, example: '2023-12' });

/** A period, checked by the same parser the claims use (data/model/period.ts), so messages agree. */
const period = (name: Role) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const problem = periodProblem(s, name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .openapi({
      param: { name, in: 'query' },
      description: `${PERIOD_SYNTAX[name][0]!.toUpperCase()}${PERIOD_SYNTAX[name].slice(1)}. Both periods must be of the same unit; a day window may be at most 3,660 days and must lie within the days the country's daily counts cover (see the catalogue's countries[].days). Day windows exist at country level only, for countries with an event-level source.`,
    });

/**
 * Thresholds: at most a million (a ratio of a million, +1,000,000%, or a million events is
 * beyond any count in the data) and four decimals, so every accepted N is finite and is written
 * back into links as a plain decimal (never `Infinity` or `1e-7`), which the page accepts again.
 */
export const MAX_THRESHOLD = 1_000_000;
export const THRESHOLD_DECIMALS = 4;

/** The two periods together: the same unit, and `trailing...` resolvable against `after`. */
const periodsAgree = (q: { before?: string | undefined; after: string }, ctx: z.RefinementCtx) => {
  if (q.before === undefined || periodProblem(q.before, 'before') || periodProblem(q.after, 'after')) return;
  const problem = periodsProblem(q.before, q.after);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['before'] });
};

// Strict objects: a misspelt parameter is an error, not a silently ignored filter.
export const CatalogueQuery = z.strictObject({ version, format });
export const ClaimsQuery = z.strictObject({ version, format });
export const SeriesQuery = z
  .strictObject({ country, admin1, category: categories, measure, from, to, version, format })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });
export const CompareQuery = z
  .strictObject({
    country,
    admin1,
    category,
    measure,
    before: period('before').openapi({ example: '2023-07' }),
    after: period('after').openapi({ example: '2023-08' }),
    version,
    format,
  })
  .superRefine(periodsAgree)
  .superRefine((q, ctx) => {
    if (q.admin1 !== undefined && isDayPeriod(q.after)) ctx.addIssue({ code: 'custom', message: REGION_DAYS_WHY, path: ['admin1'] });
  });

const measures = z
  .string()
  .transform((v, ctx) => {
    const ids = [...new Set(v.split(',').map((x) => x.trim()))];
    if (ids.length === 0 || ids.some((m) => !(MEASURES as readonly string[]).includes(m))) {
      ctx.addIssue({ code: 'custom', message: `must be events, fatalities, or both separated by a comma` });
      return z.NEVER;
    }
    return ids as (typeof MEASURES)[number][];
  })
  .openapi({
    param: { name: 'measure', in: 'query' },
    type: 'string',
    description: 'events, fatalities, or events,fatalities to read the claim both ways (each is a reading).',
    example: 'events,fatalities',
  });

export const CheckQuery = z
  .strictObject({
    country,
    admin1,
    category,
    measure: measures,
    before: period('before').optional(),
    after: period('after').openapi({ example: '2023-08' }),
    relation: z.enum(RELATION_KINDS, { error: `must be one of ${RELATION_KINDS.join(', ')}` }).openapi({
      param: { name: 'relation', in: 'query' },
      description:
        'pct_increase_gt ("rose by more than N%"), pct_decrease_gt ("fell by more than N%"), ratio_gte ("quadrupled" = 4), ratio_gt ("more than doubled" = 2), value_gte ("at least N" in `after`, no `before`).',
      example: 'pct_increase_gt',
    }),
    threshold: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a non-negative number, e.g. 40 or 1.5')
      .transform((s, ctx) => {
        const n = Number(s);
        if (n <= MAX_THRESHOLD && (s.split('.')[1] ?? '').length <= THRESHOLD_DECIMALS) return n;
        ctx.addIssue({
          code: 'custom',
          message: `must be from 0 to ${MAX_THRESHOLD.toLocaleString('en')} with at most ${THRESHOLD_DECIMALS} decimals, e.g. 40 or 1.5`,
        });
        return z.NEVER;
      })
      .openapi({
        param: { name: 'threshold', in: 'query' },
        type: 'string',
        description: `N in the relation: a number from 0 to ${MAX_THRESHOLD.toLocaleString('en')} with at most ${THRESHOLD_DECIMALS} decimals (links write it back as a plain decimal, e.g. 03.50 as 3.5).`,
        example: '40',
      }),
    wording: z
      .string()
      .max(200)
      .regex(
        /[\p{L}\p{N}]/u,
        'must contain words (a letter or a digit), e.g. "quadrupled"; leave wording out for the plain-language default',
      )
      .optional()
      .openapi({
        param: { name: 'wording', in: 'query' },
        description: 'The claim in its own words, quoted back (at most 200 characters).',
        example: 'rose by more than 40%',
      }),
    version,
    format,
  })
  .refine((q) => (q.relation === 'value_gte') === (q.before === undefined), {
    message: 'value_gte takes only "after"; every other relation needs both "before" and "after"',
    path: ['before'],
  })
  .superRefine(periodsAgree);

/** Every parameter each route takes, for the "unknown parameter" message. */
export const PARAMETERS = {
  catalogue: Object.keys(CatalogueQuery.shape),
  claims: Object.keys(ClaimsQuery.shape),
  series: ['country', 'admin1', 'category', 'measure', 'from', 'to', 'version', 'format'],
  compare: ['country', 'admin1', 'category', 'measure', 'before', 'after', 'version', 'format'],
  check: ['country', 'admin1', 'category', 'measure', 'before', 'after', 'relation', 'threshold', 'wording', 'version', 'format'],
};

// ---------------------------------------------------------------------------------------------
// Responses

const Dataset = z
  .object({
    version: z.string().openapi({ description: 'Content hash of the dataset: cite it with the figure.', example: '1cd57918d1c7' }),
    source: z.string(),
    credit: z.string().openapi({ example: 'ACLED, www.acleddata.com' }),
    asOf: z.string().openapi({ description: 'Last day covered by the newest source.', example: '2024-09-30' }),
  })
  .openapi('Dataset');

const Change = z
  .object({
    base: z.number(),
    value: z.number(),
    abs: z.number(),
    pct: z.number().nullable().openapi({ description: 'Percent change, one decimal; null when the base is 0.' }),
    ratio: z.number().nullable(),
    lowBaseline: z.boolean().openapi({ description: 'The base is below the low-baseline threshold (10): percentages are unstable.' }),
  })
  .openapi('Change');

const Point = z
  .object({
    month: z.string(),
    value: z.number(),
    source: z.string(),
    partial: z.boolean().openapi({ description: 'The source covers only part of the month: a lower bound; no change is computed.' }),
    vsPrevious: Change.nullable(),
    mean3: z.number().nullable(),
    vsMean3: Change.nullable(),
    mean12: z.number().nullable(),
    vsMean12: Change.nullable(),
    vsYearAgo: Change.nullable(),
  })
  .openapi('Point');

const Named = z.object({ name: z.string(), slug: z.string() });
const SeriesInfo = z
  .object({
    country: z.object({ iso3: z.string(), name: z.string() }),
    admin1: Named.nullable(),
    category: z.object({ id: categoryEnum, label: z.string(), definition: z.string() }),
    measure: z.enum(MEASURES),
  })
  .openapi('SeriesInfo');

export const Series = z.object({ dataset: Dataset, series: SeriesInfo, points: z.array(Point) }).openapi('Series');
export const SeriesSet = z.object({ dataset: Dataset, series: z.array(Series) }).openapi('SeriesSet');

const Rejection = z.object({ file: z.string().optional(), line: z.number(), reason: z.string() });
const SourceInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['event', 'aggregate']),
    origin: z.string(),
    retrieved: z.string(),
    file: z.string(),
    sha256: z.string(),
    coverage: z.object({ from: z.string(), through: z.string() }),
    aggregates: z.string(),
    rows: z.object({
      read: z.number(),
      accepted: z.number(),
      rejected: z.number(),
      byReason: z.record(z.string(), z.number()),
      duplicates: z.number().optional(),
    }),
    rejections: z.array(Rejection),
    duplicates: z.array(Rejection).optional(),
    coverageBasis: z.enum(['last event', 'last month', 'stated export date']).optional(),
    countries: z.record(z.string(), z.object({ from: z.string(), through: z.string(), accepted: z.number() })).optional(),
    totals: z.object({ events: z.number(), fatalities: z.number() }).optional(),
    files: z
      .array(z.object({ file: z.string(), sha256: z.string(), format: z.enum(['csv', 'json']), layout: z.string(), read: z.number() }))
      .optional(),
    daily: z
      .object({ file: z.string(), from: z.string(), through: z.string(), rows: z.number() })
      .optional()
      .openapi({ description: 'Event-level sources: the daily aggregate file (country x day x category) and the days it covers.' }),
  })
  .openapi('Source', { description: 'A raw source and its ingestion report.' });

export const CatalogueSchema = z
  .object({
    dataset: Dataset,
    countries: z.array(
      z.object({
        iso3: z.string(),
        name: z.string(),
        admin1: z.array(Named),
        categories: z.array(categoryEnum),
        months: z.object({ from: z.string(), to: z.string() }),
        partialMonths: z.array(z.string()),
        days: z
          .object({ from: z.string(), through: z.string(), source: z.string() })
          .nullable()
          .optional()
          .openapi({ description: 'Days the daily counts cover (day windows), or null: the country has no event-level source.' }),
      }),
    ),
    categories: z.array(z.object({ id: categoryEnum, label: z.string(), definition: z.string(), needs: z.enum(['event_type', 'event']) })),
    measures: z.array(z.enum(MEASURES)),
    sources: z.array(SourceInfo),
    precedence: z.string(),
    disagreements: z.array(
      z.object({
        country: z.string(),
        month: z.string(),
        category: categoryEnum,
        measure: z.enum(MEASURES),
        values: z.record(z.string(), z.number()),
        used: z.string(),
        partial: z.boolean(),
      }),
    ),
    thresholds: z.object({ lowBaseline: z.number(), note: z.string() }),
  })
  .openapi('Catalogue');

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

const Claim = z
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
  })
  .openapi('Claim');

export const ClaimsSchema = z.object({ dataset: Dataset, claims: z.array(Claim) }).openapi('Claims');
export const CheckSchema = z
  .object({
    dataset: Dataset,
    claim: Claim,
    permalink: z.string().openapi({ description: 'This check, pinned to the dataset version: its identity and citable address.' }),
    page: z.string().openapi({
      description: 'The dashboard view that shows this verdict card (view=compare with the same series, periods and relation).',
      example:
        '/?view=compare&country=NER&category=political_violence&measure=events&before=2023-07&after=2023-08&relation=pct_increase_gt&threshold=40',
    }),
  })
  .openapi('Check');

const Period = z.object({
  period: z.string().openapi({ description: 'As asked.', example: '2023-07' }),
  unit: z.enum(['month', 'day']),
  from: z.string().openapi({ description: 'First month (YYYY-MM) or day (YYYY-MM-DD), included.' }),
  to: z.string().openapi({ description: 'Last month or day, included.' }),
  months: z.number().optional().openapi({ description: 'Number of months (month periods).' }),
  days: z.number().optional().openapi({ description: 'Number of days (day periods).' }),
  total: z.number(),
  value: z
    .number()
    .openapi({ description: 'What is compared: the total, or the monthly (daily) mean when the two periods differ in length.' }),
  partial: z.boolean(),
  sources: z.array(z.string()),
});

export const CompareSchema = z
  .object({
    dataset: Dataset,
    series: SeriesInfo,
    basis: z.enum(['total', 'monthly_mean', 'daily_mean']),
    before: Period,
    after: Period,
    change: Change.nullable().openapi({ description: 'null when a period holds a partial month.' }),
    trend: z.object({ band: z.enum(Object.keys(TREND_LABELS) as [TrendBand, ...TrendBand[]]), label: z.string(), definition: z.string() }),
    caveats: z.array(z.string()),
    sentence: z.string(),
  })
  .openapi('Comparison');
export type Comparison = z.infer<typeof CompareSchema>;

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().openapi({ description: 'What went wrong and what to do about it.' }),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details (application/problem+json).' });

// ---------------------------------------------------------------------------------------------
// The schemas above must describe exactly what the pipeline stores (compile-time checks).

// Two types are equal when every type relates to them alike (the usual exact-equality test).
type Probe<X> = <T>() => T extends X ? 1 : 2;
type Equal<A, B> = Probe<A> extends Probe<B> ? true : false;
type Assignable<A, B> = A extends B ? true : false;
export const SCHEMAS_MATCH_MODEL: [
  Equal<z.infer<typeof Series>, SeriesDoc>,
  Equal<z.infer<typeof ClaimsSchema>['claims'][number], ClaimVerdict>,
  Assignable<Omit<z.infer<typeof CompareSchema>, 'dataset'>, ModelComparison>,
  Assignable<ModelComparison, Omit<z.infer<typeof CompareSchema>, 'dataset'>>,
  Assignable<ClaimsDoc, z.infer<typeof ClaimsSchema>>,
  Assignable<Catalogue, z.infer<typeof CatalogueSchema>>,
  Assignable<z.infer<typeof CatalogueSchema>, Catalogue>,
] = [true, true, true, true, true, true, true];
