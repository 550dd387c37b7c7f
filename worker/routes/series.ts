/** GET /series: monthly series of one geography and measure, one category or several, with their metrics and flags. */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { CATEGORY_IDS } from '../../model/categories.ts';
import { MONTH_PATTERN } from '../../model/month.ts';
import type { SeriesDoc, SeriesSet as SeriesSetDoc } from '../../model/types.ts';
import { type CsvTable, PROVENANCE, provenance } from '../csv.ts';
import { answer, type Env, send } from '../http.ts';
import { findSeries, findSeveral } from '../lookup.ts';
import * as store from '../store.ts';
import { admin1, Change, country, Dataset, type Equal, format, measure, responses, SeriesInfo, version } from './schemas.ts';

const MONTH_HINT = 'a month written YYYY-MM, e.g. 2023-08';
const month = z.string().regex(MONTH_PATTERN, `must be ${MONTH_HINT}`);

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

const from = month
  .optional()
  .openapi({ param: { name: 'from', in: 'query' }, description: `First month to include, ${MONTH_HINT}.`, example: '2023-01' });
const to = month
  .optional()
  .openapi({ param: { name: 'to', in: 'query' }, description: `Last month to include, ${MONTH_HINT}.`, example: '2023-12' });

const SeriesQuery = z
  .strictObject({ country, admin1, category: categories, measure, from, to, version, format })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });

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

const Series = z.object({ dataset: Dataset, series: SeriesInfo, points: z.array(Point) }).openapi('Series');
const SeriesSet = z.object({ dataset: Dataset, series: z.array(Series) }).openapi('SeriesSet');

/** Compile-time: the schemas describe exactly the stored series and series sets. */
true satisfies Equal<z.infer<typeof Series>, SeriesDoc>;
true satisfies Equal<z.infer<typeof SeriesSet>, SeriesSetDoc>;

export const route = createRoute({
  method: 'get',
  path: '/series',
  summary: 'Monthly series with month-over-month metrics and flags',
  description:
    'One category gives a Series, several (comma-separated) a SeriesSet. Each month has its value, source, partial-month flag, and changes against the previous month, the trailing 3- and 12-month means and the same month a year earlier.',
  request: { query: SeriesQuery },
  responses: responses('The series.', Series.or(SeriesSet)),
});

/** One series (the stored text as it is, unless filtered by month), or several from their bundle. */
export const handler: RouteHandler<typeof route, Env> = (c) => {
  const q = c.req.valid('query');
  return answer(c, q, async (a) => {
    const inRange = (d: SeriesDoc): SeriesDoc =>
      q.from || q.to ? { ...d, points: d.points.filter((p) => (!q.from || p.month >= q.from) && (!q.to || p.month <= q.to)) } : d;
    const range = [q.from ?? '', q.to ?? ''];
    if (q.category.length === 1) {
      const s = await findSeries(c.env.SAHEL_KV, a.version, q, q.category[0]!);
      const doc = inRange(s.doc);
      // Unfiltered, the stored text goes out as it is.
      return send(c, a, q.from || q.to ? doc : store.bytesOf(s), () => seriesCsv([doc], range));
    }
    const docs = (await findSeveral(c.env.SAHEL_KV, a.version, q, q.category)).map(inRange);
    const set: SeriesSetDoc = { dataset: docs[0]!.dataset, series: docs };
    return send(c, a, set, () => seriesCsv(docs, range));
  });
};

/** One row per month of each series; the file name records the geography, categories, measure and months asked for. */
function seriesCsv(docs: SeriesDoc[], range: string[]): CsvTable {
  const first = docs[0]!.series;
  return {
    name: ['series', first.country.iso3, first.admin1?.slug ?? '', ...docs.map((d) => d.series.category.id), first.measure, ...range],
    columns: [
      'country_iso3',
      'country',
      'admin1',
      'category',
      'measure',
      'month',
      'value',
      'partial',
      'source',
      'vs_previous_abs',
      'vs_previous_pct',
      'low_baseline',
      ...PROVENANCE,
    ],
    rows: docs.flatMap((d) =>
      d.points.map((p) => [
        d.series.country.iso3,
        d.series.country.name,
        d.series.admin1?.name ?? null,
        d.series.category.id,
        d.series.measure,
        p.month,
        p.value,
        p.partial,
        p.source,
        p.vsPrevious?.abs ?? null,
        p.vsPrevious?.pct ?? null,
        p.vsPrevious?.lowBaseline ?? null,
        ...provenance(d.dataset),
      ]),
    ),
  };
}
