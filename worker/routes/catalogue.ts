/** GET /catalogue: countries, regions, categories and their definitions, months, sources and ingestion reports. */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { CATALOGUE_NOTES } from '../../model/catalogue-notes.ts';
import { MEASURES } from '../../model/categories.ts';
import type { Lang } from '../../model/lang.ts';
import { REFRESH_FAILURES } from '../../model/refresh-failures.ts';
import type { Catalogue, CrossCheck as Check } from '../../model/types.ts';
import { WORDS } from '../../model/words.ts';
import { PROVENANCE, provenance } from '../csv.ts';
import { answer, type Env, send } from '../http.ts';
import * as store from '../store.ts';
import { categoryEnum, Dataset, type Equal, format, lang, Named, responses, version } from './schemas.ts';

// Strict objects: a misspelt parameter is an error, not a silently ignored filter.
const CatalogueQuery = z.strictObject({ version, format, lang });

const Rejection = z.object({ file: z.string().optional(), line: z.number(), reason: z.string(), sheet: z.string().optional() });
const Counts = z.object({ events: z.number(), fatalities: z.number() });
const CrossCheck = z.object({
  against: z.string().openapi({ description: 'The other source.' }),
  unit: z.enum(['week', 'month']),
  country: z.string(),
  from: z.string(),
  to: z.string(),
  note: z.string(),
  categories: z.array(
    z.object({
      category: categoryEnum,
      otherCategory: categoryEnum.optional(),
      periods: z.number(),
      equalEvents: z.number(),
      equalBoth: z.number(),
      differences: z.array(
        z.object({
          period: z.string(),
          source: Counts,
          other: Counts,
          riots: z.number().optional(),
          verdict: z.enum(['within riots', 'beyond riots', 'below']).optional(),
        }),
      ),
    }),
  ),
});
export const RefreshRun = z
  .object({
    at: z.string().openapi({ description: 'When the run started (ISO time).' }),
    by: z.enum(['cli', 'workflow']),
    window: z.object({ since: z.string(), through: z.string() }).openapi({ description: 'The event dates read.' }),
    countries: z.array(z.string()),
    rows: z.object({
      read: z.number(),
      accepted: z.number(),
      rejected: z.number(),
      duplicates: z.number(),
      byReason: z.record(z.string(), z.number()),
    }),
    outcome: z.enum(['published', 'unchanged', 'failed']),
    reason: z.string().nullable().openapi({
      description:
        'For a failure: why, in plain words (in English as recorded, with its details; on /refresh, in the language asked for when the record has a code).',
    }),
    code: z.enum(REFRESH_FAILURES).nullable().optional().openapi({
      description:
        'For a failure: its cause as a code, the same in every language (absent from runs recorded before codes existed). no-credentials: none set; credentials: username, password or token refused (HTTP 400/401); no-access: the account has no API access (HTTP 403); rate-limited: HTTP 429 on every try; acled-server: HTTP 5xx on every try; timeout: no answer in time; unreachable: the connection failed; acled-error: ACLED answered with an error; bad-answer: the answer could not be used; not-published: no dataset to refresh; no-base: the served version has no base to merge into; window: the dates or countries asked for cannot be refreshed; inconsistent: staged results missing or disagreeing; internal: anything else.',
    }),
    version: z.string().nullable(),
  })
  .openapi('RefreshRun', { description: "A refresh from ACLED's API (rows read = accepted + rejected + duplicates)." });
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
      filtered: z.number().optional(),
      filteredByCountry: z.record(z.string(), z.number()).optional(),
    }),
    rejections: z.array(Rejection),
    duplicates: z.array(Rejection).optional(),
    coverageBasis: z.enum(['last event', 'last month', 'stated export date']).optional(),
    countries: z
      .record(
        z.string(),
        z.object({
          from: z.string(),
          through: z.string(),
          accepted: z.number(),
          weeks: z.object({ from: z.string(), to: z.string() }).optional(),
        }),
      )
      .optional(),
    totals: z.object({ events: z.number(), fatalities: z.number() }).optional(),
    files: z
      .array(z.object({ file: z.string(), sha256: z.string(), format: z.enum(['csv', 'json']), layout: z.string(), read: z.number() }))
      .optional(),
    daily: z
      .object({ file: z.string(), from: z.string(), through: z.string(), rows: z.number() })
      .optional()
      .openapi({ description: 'Event-level sources: the daily aggregate file (country x day x category) and the days it covers.' }),
    unit: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'The unit the source counts in.' }),
    categories: z.array(categoryEnum).optional().openapi({ description: 'The categories the source gives exactly.' }),
    measures: z.array(z.enum(MEASURES)).optional(),
    indicator: z.enum(['political_violence', 'civilian_targeting', 'demonstrations']).optional(),
    inputs: z
      .array(
        z.object({
          file: z.string(),
          sha256: z.string(),
          format: z.enum(['csv', 'xlsx']),
          read: z.number(),
          skippedSheets: z.array(z.string()),
        }),
      )
      .optional(),
    crosschecks: z.array(CrossCheck).optional(),
    refresh: RefreshRun.optional().openapi({ description: "The source refreshed from ACLED's API: the run that last refreshed it." }),
  })
  .openapi('Source', { description: 'A raw source and its ingestion report.' });

const CatalogueSchema = z
  .object({
    dataset: Dataset,
    countries: z.array(
      z.object({
        iso3: z.string(),
        name: z.string(),
        admin1: z.array(
          Named.extend({
            categories: z
              .array(categoryEnum)
              .optional()
              .describe('Categories with monthly series for this region; none for a region with weekly counts only (unit=week).'),
          }),
        ),
        categories: z.array(categoryEnum),
        months: z.object({ from: z.string(), to: z.string() }),
        categoryMonths: z
          .partialRecord(categoryEnum, z.object({ from: z.string(), to: z.string() }))
          .optional()
          .describe("Each category's own first and last month at country level."),
        partialMonths: z.array(z.string()),
        days: z
          .object({ from: z.string(), through: z.string(), source: z.string() })
          .nullable()
          .optional()
          .openapi({ description: 'Days the daily counts cover (day windows), or null: the country has no event-level source.' }),
        weeks: z
          .object({
            source: z.string(),
            from: z.string(),
            to: z.string(),
            through: z.string(),
            provisionalFrom: z.string(),
            categories: z.array(categoryEnum),
          })
          .nullable()
          .optional()
          .openapi({
            description:
              'Weekly counts (ACLED weeks, Saturday to Friday): first and last week start, the Friday they run through, the first provisional week and the categories given; null without a weekly source.',
          }),
        freshness: z
          .array(
            z.object({
              unit: z.enum(['day', 'week', 'month']),
              source: z.string(),
              from: z.string(),
              through: z.string(),
              provisional: z.object({ from: z.string(), through: z.string() }),
            }),
          )
          .optional()
          .openapi({
            description:
              'Per unit and source, the first and last day covered and the provisional stretch at the end (the newest four weeks; for months, the month containing the end), which ACLED may still revise.',
          }),
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
    crossChecks: z
      .array(CrossCheck.extend({ source: z.string() }))
      .optional()
      .openapi({
        description:
          'Source disagreements found by comparing overlapping sources period by period (the weekly file against the event file by week, HDX against the Explorer table by month): every differing period with both figures. Reported, never merged.',
      }),
    thresholds: z.object({ lowBaseline: z.number(), note: z.string() }),
    lastRefresh: RefreshRun.optional().openapi({ description: "The last refresh from ACLED's API this version comes from." }),
  })
  .openapi('Catalogue');

/** Compile-time: the schema describes exactly the stored catalogue. */
true satisfies Equal<z.infer<typeof CatalogueSchema>, Catalogue>;

export const route = createRoute({
  method: 'get',
  path: '/catalogue',
  operationId: 'getCatalogue',
  tags: ['Catalogue'],
  security: [],
  summary: 'Countries, regions, categories and their definitions, months covered, sources and ingestion reports',
  description:
    "What the dataset holds: each country's regions, categories, months, days and weeks covered and the provisional stretch; the categories' definitions; the measures; every source with its coverage, file hashes and ingestion report; the rule that decides between sources, and where they disagree. Start here to find valid parameter values. With `lang=fr` (or `Accept-Language`), the words are French: the categories' labels and definitions, the source-precedence rule, the low-baseline note and the cross-checks' notes; ids, names, fields and numbers never change.",
  request: { query: CatalogueQuery },
  responses: responses('The catalogue of the dataset.', CatalogueSchema),
});

/** The stored catalogue as it is (in English); in another language, its words in it; in CSV, one row per country and per region. */
export const handler: RouteHandler<typeof route, Env> = (c) =>
  answer(c, { ...c.req.valid('query'), sentences: true }, async (a) => {
    const s = await store.catalogue(c.env.SAHEL_KV, a.version);
    return send(c, a, a.lang === 'en' || !a.lang ? store.bytesOf(s) : catalogueIn(s.doc, a.lang), () => ({
      name: ['catalogue'],
      columns: ['country_iso3', 'country', 'admin1', 'categories', 'months_from', 'months_to', 'partial_months', ...PROVENANCE],
      rows: s.doc.countries.flatMap((k) =>
        [null, ...k.admin1].map((r) => [
          k.iso3,
          k.name,
          r?.name ?? null,
          k.categories.join(' '),
          k.months.from,
          k.months.to,
          k.partialMonths.join(' '),
          ...provenance(s.doc.dataset),
        ]),
      ),
    }));
  });

/**
 * The catalogue's words in `lang` (model/catalogue-notes.ts, model/words.ts): the categories'
 * labels and definitions, the precedence rule, the low-baseline note and each cross-check's note,
 * written from the stored figures; everything else as stored.
 */
export function catalogueIn(doc: Catalogue, lang: Lang): Catalogue {
  const notes = CATALOGUE_NOTES[lang];
  const checkNote = (x: Check) => (x.unit === 'week' ? notes.weekCrossCheck(x.against) : notes.monthCrossCheck(x.against));
  return {
    ...doc,
    categories: doc.categories.map((k) => ({ ...k, ...WORDS[lang].category[k.id] })),
    sources: doc.sources.map((src) =>
      src.crosschecks ? { ...src, crosschecks: src.crosschecks.map((x) => ({ ...x, note: checkNote(x) })) } : src,
    ),
    precedence: notes.precedence,
    ...(doc.crossChecks ? { crossChecks: doc.crossChecks.map((x) => ({ ...x, note: checkNote(x) })) } : {}),
    thresholds: { ...doc.thresholds, note: notes.lowBaseline(doc.thresholds.lowBaseline) },
  };
}
