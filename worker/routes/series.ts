/**
 * GET /series: monthly series of one geography and measure, one category or several, with their
 * metrics and flags; or (`unit=week`) one category's weekly series, its metrics computed for the
 * weeks asked for from the stored weekly counts.
 */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import type { WeekSeries as WeekSeriesDoc } from '../../model/api.ts';
import { CATEGORY_IDS } from '../../model/categories.ts';
import { MONTH_PATTERN } from '../../model/month.ts';
import type { SeriesDoc, SeriesSet as SeriesSetDoc } from '../../model/types.ts';
import { weekEnd, weekProblem } from '../../model/week.ts';
import { weeklyPoints } from '../../model/weekly.ts';
import { type CsvTable, PROVENANCE, provenance } from '../csv.ts';
import { answer, type Env, send } from '../http.ts';
import { findSeries, findSeveral, findWeeks } from '../lookup.ts';
import * as store from '../store.ts';
import { admin1, Change, country, Dataset, type Equal, format, measure, responses, SeriesInfo, version } from './schemas.ts';

const MONTH_HINT = 'a month written YYYY-MM, e.g. 2023-08';
const WEEK_HINT = 'with unit=week, the Saturday that starts an ACLED week, YYYY-MM-DD (e.g. 2026-03-14)';

const unit = z
  .enum(['month', 'week'], { error: 'must be month or week' })
  .optional()
  .openapi({
    param: { name: 'unit', in: 'query' },
    description:
      'month (default): calendar months from monthly and daily sources. week: ACLED weeks (Saturday to Friday) from the weekly source, one category at a time; never split into months.',
    example: 'month',
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

// Checked against the unit below: a month with unit=month, a week start with unit=week.
const from = z
  .string()
  .optional()
  .openapi({
    param: { name: 'from', in: 'query' },
    description: `First month to include, ${MONTH_HINT}; or ${WEEK_HINT}.`,
    example: '2023-01',
  });
const to = z
  .string()
  .optional()
  .openapi({
    param: { name: 'to', in: 'query' },
    description: `Last month to include, ${MONTH_HINT}; or ${WEEK_HINT}.`,
    example: '2023-12',
  });

const SeriesQuery = z
  .strictObject({ country, admin1, category: categories, measure, unit, from, to, version, format })
  .superRefine((q, ctx) => {
    const week = q.unit === 'week';
    for (const key of ['from', 'to'] as const) {
      const v = q[key];
      if (v === undefined) continue;
      const problem = week
        ? weekProblem(v)
        : MONTH_PATTERN.test(v)
          ? null
          : `must be ${MONTH_HINT}${/^\d{4}-\d{2}-\d{2}$/.test(v) ? ' (for weeks add unit=week)' : ''}`;
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [key] });
    }
    if (week && q.category.length > 1)
      ctx.addIssue({ code: 'custom', message: 'unit=week takes one category at a time (each is one stored entry)', path: ['category'] });
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });

const Point = z
  .object({
    month: z.string(),
    value: z.number(),
    source: z.string(),
    partial: z.boolean().openapi({ description: 'The source covers only part of the month: a lower bound; no change is computed.' }),
    provisional: z.boolean().openapi({
      description: "The month containing its source's end: ACLED may still revise it, so no change to or from it is settled.",
    }),
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

const WeekPoint = z
  .object({
    week: z
      .string()
      .openapi({ description: 'The Saturday that starts the ACLED week (it ends on the Friday after).', example: '2026-03-14' }),
    value: z.number(),
    provisional: z
      .boolean()
      .openapi({ description: 'One of the newest four weeks of the source: ACLED may still revise it, so no change to it is settled.' }),
    vsPrevious: Change.nullable(),
    mean4: z.number().nullable().openapi({ description: 'Mean of the 4 weeks before.' }),
    vsMean4: Change.nullable(),
    mean52: z.number().nullable().openapi({ description: 'Mean of the 52 weeks before.' }),
    vsMean52: Change.nullable(),
    vsYearAgo: Change.nullable().openapi({ description: 'The same week a year earlier (52 weeks back).' }),
  })
  .openapi('WeekPoint');

const WeekSeries = z
  .object({
    dataset: Dataset,
    unit: z.literal('week'),
    series: SeriesInfo,
    source: z.string(),
    weeks: z.object({ from: z.string(), through: z.string(), provisionalFrom: z.string() }).openapi({
      description: 'The weeks the stored counts cover (week starts) and the first provisional week.',
    }),
    points: z.array(WeekPoint),
  })
  .openapi('WeekSeries');

/** Compile-time: the schemas describe exactly the stored series and series sets, and the weekly series served. */
true satisfies Equal<z.infer<typeof Series>, SeriesDoc>;
true satisfies Equal<z.infer<typeof SeriesSet>, SeriesSetDoc>;
true satisfies Equal<z.infer<typeof WeekSeries>, WeekSeriesDoc>;

export const route = createRoute({
  method: 'get',
  path: '/series',
  operationId: 'getSeries',
  tags: ['Series'],
  security: [],
  summary: 'Monthly or weekly series with their changes and flags',
  description:
    'One category gives a Series, several (comma-separated) a SeriesSet. Each month has its value, source, partial-month and provisional flags, and changes against the previous month, the trailing 3- and 12-month means and the same month a year earlier. With unit=week (one category; from/to as week starts), a WeekSeries: each ACLED week (Saturday to Friday) with its value, provisional flag, and changes against the previous week, the trailing 4- and 52-week means and the same week a year earlier.',
  request: { query: SeriesQuery },
  responses: responses('The series.', Series.or(SeriesSet).or(WeekSeries)),
});

/** One series (the stored text as it is, unless filtered by month), or several from their bundle. */
export const handler: RouteHandler<typeof route, Env> = (c) => {
  const q = c.req.valid('query');
  return answer(c, q, async (a) => {
    if (q.unit === 'week') {
      const w = (await findWeeks(c.env.SAHEL_KV, a.version, q, q.category[0]!)).doc;
      const doc: WeekSeriesDoc = {
        dataset: w.dataset,
        unit: 'week',
        series: { ...w.info, measure: q.measure },
        source: w.source,
        weeks: { from: w.from, through: w.through, provisionalFrom: w.provisionalFrom },
        points: weeklyPoints(w, q.measure, q.from ?? null, q.to ?? null),
      };
      return send(c, a, doc, () => weeksCsv(doc, [q.from ?? '', q.to ?? '']));
    }
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

/** One row per week; the file name records the geography, category, measure and weeks asked for. */
function weeksCsv(d: WeekSeriesDoc, range: string[]): CsvTable {
  const s = d.series;
  return {
    name: ['series', s.country.iso3, s.admin1?.slug ?? '', s.category.id, s.measure, 'weeks', ...range],
    columns: [
      'country_iso3',
      'country',
      'admin1',
      'category',
      'measure',
      'week',
      'week_end',
      'value',
      'provisional',
      'source',
      'vs_previous_abs',
      'vs_previous_pct',
      'mean4',
      'mean52',
      'vs_year_ago_pct',
      'low_baseline',
      ...PROVENANCE,
    ],
    rows: d.points.map((p) => [
      s.country.iso3,
      s.country.name,
      s.admin1?.name ?? null,
      s.category.id,
      s.measure,
      p.week,
      weekEnd(p.week),
      p.value,
      p.provisional,
      d.source,
      p.vsPrevious?.abs ?? null,
      p.vsPrevious?.pct ?? null,
      p.mean4,
      p.mean52,
      p.vsYearAgo?.pct ?? null,
      p.vsPrevious?.lowBaseline ?? null,
      ...provenance(d.dataset),
    ]),
  };
}
