/** GET /compare: two periods of a series (months or days) compared, with a trend band. */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import type { CompareResult } from '../../model/api.ts';
import { AlignmentError, type Comparison, compare, compareDays, compareWindows, PeriodError, weeksSource } from '../../model/compare.ts';
import { REGION_DAYS_WHY } from '../../model/days.ts';
import { isDayPeriod } from '../../model/period.ts';
import { TREND_LABELS, type TrendBand } from '../../model/trend.ts';
import type { DatasetRef } from '../../model/types.ts';
import { PROVENANCE, provenance } from '../csv.ts';
import { answer, type Env, send } from '../http.ts';
import { findDays, findSeries, findWeeks } from '../lookup.ts';
import { badRequest, notFound } from '../problem.ts';
import {
  admin1,
  Change,
  category,
  country,
  Dataset,
  type Equal,
  format,
  lang,
  measure,
  period,
  periodsAgree,
  regionWeeks,
  responses,
  SeriesInfo,
  version,
} from './schemas.ts';

const CompareQuery = z
  .strictObject({
    country,
    admin1,
    category,
    measure,
    before: period('before').openapi({ example: '2023-07' }),
    after: period('after').openapi({ example: '2023-08' }),
    version,
    format,
    lang,
  })
  .superRefine(periodsAgree)
  .superRefine(regionWeeks);

const Period = z.object({
  period: z.string().openapi({ description: 'As asked.', example: '2023-07' }),
  unit: z.enum(['month', 'day']),
  from: z.string().openapi({ description: 'First month (YYYY-MM) or day (YYYY-MM-DD), included.' }),
  to: z.string().openapi({ description: 'Last month or day, included.' }),
  months: z.number().optional().openapi({ description: 'Number of months (month periods).' }),
  days: z.number().optional().openapi({ description: 'Number of days (day periods).' }),
  weeks: z.number().optional().openapi({ description: 'Number of ACLED weeks (day periods answered from weekly counts).' }),
  total: z.number(),
  value: z
    .number()
    .openapi({ description: 'What is compared: the total, or the monthly (daily) mean when the two periods differ in length.' }),
  partial: z.boolean(),
  provisional: z
    .boolean()
    .openapi({ description: 'Holds data ACLED may still revise (the newest four weeks of a source, or the month containing its end).' }),
  counts: z.enum(['monthly', 'daily', 'weekly']).openapi({
    description:
      'Which counts answered: a day window is answered from daily counts where they cover it, else from weekly counts (whole weeks).',
  }),
  sources: z.array(z.string()),
  crossCheck: z
    .object({ source: z.string(), counts: z.literal('weekly'), total: z.number(), agrees: z.boolean() })
    .optional()
    .openapi({
      description:
        'A window answered from daily counts that is whole weeks the weekly counts also cover: their total and whether it equals the daily one.',
    }),
});

const CompareSchema = z
  .object({
    dataset: Dataset,
    series: SeriesInfo,
    basis: z.enum(['total', 'monthly_mean', 'daily_mean']),
    before: Period,
    after: Period,
    change: Change.nullable().openapi({ description: 'null when a period holds a partial month.' }),
    trend: z.object({
      band: z.enum(Object.keys(TREND_LABELS) as [TrendBand, ...TrendBand[]]),
      label: z.string(),
      definition: z.string(),
      settled: z.boolean().openapi({ description: 'false when a period is provisional (the label says so) or holds a partial month.' }),
    }),
    caveats: z.array(z.string()),
    sentence: z.string(),
  })
  .openapi('Comparison');

/** Compile-time: the schema describes exactly the model's CompareResult. */
true satisfies Equal<z.infer<typeof CompareSchema>, CompareResult>;

export const route = createRoute({
  method: 'get',
  path: '/compare',
  operationId: 'compareSeries',
  tags: ['Series'],
  security: [],
  summary: 'Two periods of a series compared, with a trend band',
  description:
    "Periods are months (2023-07), ranges of months (2023-05..2023-07), or for `before` the 3 or 12 months before `after` (trailing3, trailing12); or days (2023-07-26), ranges of days (2023-07-27..2023-08-25, both days included), or for `before` the N days or weeks before `after` (trailing30d, trailing4w). Both periods must be of the same unit. Periods of equal length compare totals; otherwise monthly (daily) means. A day window is answered from daily counts (country level only, for countries with an event-level source: ACLED's terms restrict redistributing event rows, and region x day counts come close to listing events) where they cover it, and otherwise from ACLED's weekly counts (countries and regions) when it is whole weeks, Saturday to Friday: a window that is not, where only weeks exist, is a 400 naming the nearest whole-week ranges; a window outside both is a 404 saying what is covered. Where both cover a window, the daily counts answer and `crossCheck` gives the weekly total. A provisional period (ACLED may still revise it) gets a caveat and an unsettled trend band.",
  request: { query: CompareQuery },
  responses: responses('The comparison.', CompareSchema),
});

/** Month periods from the monthly series, day periods from the country's daily counts; a period outside the data is a 404. */
export const handler: RouteHandler<typeof route, Env> = (c) => {
  const q = c.req.valid('query');
  return answer(c, { ...q, sentences: true }, async (a) => {
    let comparison: Comparison;
    let dataset: DatasetRef;
    try {
      if (isDayPeriod(q.after) && q.admin1 !== undefined) {
        // Regions: weekly counts only (the query schema checked the windows are whole weeks).
        const w = (await findWeeks(c.env.SAHEL_KV, a.version, q, q.category)).doc;
        dataset = w.dataset;
        comparison = compareWindows(weeksSource(w, REGION_DAYS_WHY), { ...w.info, measure: q.measure }, q.before, q.after, a.lang!);
      } else if (isDayPeriod(q.after)) {
        // Countries: one entry holds the daily counts and the weekly ones (days answer where they cover).
        const d = await findDays(c.env.SAHEL_KV, a.version, q.country, q.category);
        dataset = d.doc.dataset;
        comparison = compareDays(d.doc, q.measure, q.before, q.after, a.lang!);
      } else {
        const s = await findSeries(c.env.SAHEL_KV, a.version, q, q.category);
        dataset = s.doc.dataset;
        comparison = compare(s.doc, q.before, q.after, a.lang!);
      }
    } catch (e) {
      // The model wrote these in the answer's language.
      if (e instanceof PeriodError) throw notFound(e.message, {}, a.lang!);
      if (e instanceof AlignmentError) {
        const parameter = e.period === q.after ? 'after' : 'before';
        throw badRequest(
          `${parameter}${a.lang === 'fr' ? ' : ' : ': '}${e.message}`,
          { errors: [{ parameter, message: e.message }] },
          a.lang!,
        );
      }
      throw e;
    }
    const result: CompareResult = { dataset, ...comparison };
    const info = result.series;
    return send(c, a, result, () => ({
      name: ['compare', info.country.iso3, info.admin1?.slug ?? '', info.category.id, info.measure, q.before, q.after],
      columns: [
        'country_iso3',
        'admin1',
        'category',
        'measure',
        'basis',
        'before',
        'before_value',
        'after',
        'after_value',
        'abs',
        'pct',
        'ratio',
        'low_baseline',
        'trend',
        'settled',
        'before_counts',
        'after_counts',
        'before_weekly_check',
        'after_weekly_check',
        'caveats',
        ...PROVENANCE,
      ],
      rows: [
        [
          info.country.iso3,
          info.admin1?.name ?? null,
          info.category.id,
          info.measure,
          result.basis,
          q.before,
          result.before.value,
          q.after,
          result.after.value,
          result.change?.abs ?? null,
          result.change?.pct ?? null,
          result.change?.ratio ?? null,
          result.change?.lowBaseline ?? null,
          result.trend.band,
          result.trend.settled,
          result.before.counts,
          result.after.counts,
          result.before.crossCheck?.total ?? null,
          result.after.crossCheck?.total ?? null,
          result.caveats.join('; '),
          ...provenance(result.dataset),
        ],
      ],
    }));
  });
};
