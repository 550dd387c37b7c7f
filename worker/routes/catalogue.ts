/** GET /catalogue: countries, regions, categories and their definitions, months, sources and ingestion reports. */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { MEASURES } from '../../model/categories.ts';
import type { Catalogue } from '../../model/types.ts';
import { PROVENANCE, provenance } from '../csv.ts';
import { answer, type Env, send } from '../http.ts';
import * as store from '../store.ts';
import { categoryEnum, Dataset, type Equal, format, Named, responses, version } from './schemas.ts';

// Strict objects: a misspelt parameter is an error, not a silently ignored filter.
const CatalogueQuery = z.strictObject({ version, format });

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

const CatalogueSchema = z
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

/** Compile-time: the schema describes exactly the stored catalogue. */
true satisfies Equal<z.infer<typeof CatalogueSchema>, Catalogue>;

export const route = createRoute({
  method: 'get',
  path: '/catalogue',
  summary: 'Countries, regions, categories and their definitions, months covered, sources and ingestion reports',
  request: { query: CatalogueQuery },
  responses: responses('The catalogue of the dataset.', CatalogueSchema),
});

/** The stored catalogue as it is; in CSV, one row per country and per region. */
export const handler: RouteHandler<typeof route, Env> = (c) =>
  answer(c, c.req.valid('query'), async (a) => {
    const s = await store.catalogue(c.env.SAHEL_KV, a.version);
    return send(c, a, store.bytesOf(s), () => ({
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
