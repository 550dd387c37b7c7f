/**
 * GET /check: a claim given in the query (a series, two periods, a relation and its threshold)
 * built into a Claim, evaluated as the headline claims are, and linked to its pinned API URL
 * (`permalink`) and its dashboard view (`page`).
 */
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import type { CheckResult } from '../../model/api.ts';
import { MEASURES } from '../../model/categories.ts';
import type { Claim as ClaimInput, Reading } from '../../model/claim.ts';
import { evaluateClaim } from '../../model/claims.ts';
import { isDayPeriod, resolvePeriods } from '../../model/period.ts';
import { RELATION_KINDS } from '../../model/relations.ts';
import type { DatasetRef, DaysDoc, SeriesDoc, SeriesInfo, WeeksDoc } from '../../model/types.ts';
import { WORDS } from '../../model/words.ts';
import { PROVENANCE, provenance } from '../csv.ts';
import { answer, type Env, send } from '../http.ts';
import { findDays, findMeasures, findWeeks } from '../lookup.ts';
import {
  admin1,
  Claim,
  category,
  country,
  Dataset,
  type Equal,
  format,
  lang,
  period,
  periodsAgree,
  regionWeeks,
  responses,
  version,
} from './schemas.ts';

/**
 * Thresholds: at most a million (a ratio of a million, +1,000,000%, or a million events is
 * beyond any count in the data) and four decimals, so every accepted N is finite and is written
 * back into links as a plain decimal (never `Infinity` or `1e-7`), which the page accepts again.
 */
const MAX_THRESHOLD = 1_000_000;
const THRESHOLD_DECIMALS = 4;

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

const CheckQuery = z
  .strictObject({
    country,
    admin1,
    category,
    measure: measures,
    before: period('before').optional().openapi({ example: '2023-07' }),
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
      // A refinement, not .regex: zod would write the flag into the document's pattern
      // ("[\\p{L}\\p{N}]/u"), which validators without Unicode regexes (Spectral's) misread.
      .refine(
        (s) => /[\p{L}\p{N}]/u.test(s),
        'must contain words (a letter or a digit), e.g. "quadrupled"; leave wording out for the plain-language default',
      )
      .optional()
      .openapi({
        param: { name: 'wording', in: 'query' },
        description: 'The claim in its own words, quoted back (at most 200 characters; at least one letter or digit).',
        example: 'rose by more than 40%',
      }),
    version,
    format,
    lang,
  })
  .refine((q) => (q.relation === 'value_gte') === (q.before === undefined), {
    message: 'value_gte takes only "after"; every other relation needs both "before" and "after"',
    path: ['before'],
  })
  .superRefine(periodsAgree)
  .superRefine(regionWeeks);

const CheckSchema = z
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

/** Compile-time: the schema describes exactly the model's CheckResult. */
true satisfies Equal<z.infer<typeof CheckSchema>, CheckResult>;

export const route = createRoute({
  method: 'get',
  path: '/check',
  operationId: 'checkClaim',
  tags: ['Claims'],
  security: [],
  summary: 'Check a claim: a series, two periods and a relation give a verdict',
  description:
    'The claim is given in the query (its identity: `permalink` pins it to the dataset version; `page` is the dashboard view of the same verdict). Each measure is a reading; the verdict combines them as for the headline claims. Periods are months or days (whole weeks from weekly counts where no daily counts cover them), as for /compare. A claim the data cannot decide (a missing or partial month, a zero base, a day window outside the daily and weekly counts, or not whole weeks where only weeks exist) gets the verdict cannot_be_decided with the reason, never a guess; a day window on a region that is not whole weeks is a 400.',
  request: { query: CheckQuery },
  responses: responses('The verdict.', CheckSchema),
});

/** The claim's data in one KV read, the claim built from the query and evaluated; in CSV, one row per reading. */
export const handler: RouteHandler<typeof route, Env> = (c) => {
  const q = c.req.valid('query');
  return answer(c, { ...q, sentences: true }, async (a) => {
    const kv = c.env.SAHEL_KV;
    // One KV read for the claim's data, both measures in one entry: the daily (and weekly) counts
    // for day windows on a country; the weekly counts for day windows (whole weeks) on a region;
    // otherwise the monthly series of the geography and category.
    const byDay = isDayPeriod(q.after);
    const docs = new Map<string, SeriesDoc>();
    let daily: DaysDoc | null = null;
    let weekly: WeeksDoc | null = null;
    let series: Pick<SeriesInfo, 'country' | 'admin1' | 'category'>;
    let dataset: DatasetRef;
    if (byDay && !q.admin1) {
      daily = (await findDays(kv, a.version, q.country, q.category)).doc;
      ({ dataset } = daily);
      series = { ...daily.series, admin1: null };
    } else if (byDay) {
      weekly = (await findWeeks(kv, a.version, q, q.category)).doc;
      ({ dataset } = weekly);
      series = weekly.info;
    } else {
      for (const doc of (await findMeasures(kv, a.version, q, q.category)).doc.series)
        if (q.measure.includes(doc.series.measure)) docs.set(doc.series.measure, doc);
      const first = docs.get(q.measure[0]!)!;
      ({ dataset, series } = first);
    }
    const wording = q.wording ?? WORDS[a.lang!].relation(q.relation, q.threshold);
    const readings: Reading[] = q.measure.map((measure) => ({
      country: q.country,
      admin1: series.admin1?.name ?? null,
      category: q.category,
      measure,
      before: q.before ?? null,
      after: q.after,
      relation: { kind: q.relation, value: q.threshold, wording },
    }));
    const words = WORDS[a.lang!];
    const claim: ClaimInput = {
      id: 'check',
      quote: words.check.quote({
        category: q.category,
        country: series.country.name,
        admin1: series.admin1?.name ?? null,
        after: span(q.after),
        before: q.before ? span(q.before, q.after) : null,
        wording,
      }),
      claimant: { name: words.check.claimant, date: null, url: null },
      interpretation: words.check.interpretation(q.measure, words.relation(q.relation, q.threshold), q.relation, q.threshold),
      readings,
    };
    const verdict = evaluateClaim(
      claim,
      () => ({ country: series.country.name, admin1: series.admin1?.name ?? null }),
      (r) => docs.get(r.measure) ?? null,
      dataset,
      () => daily,
      () => weekly,
      a.lang!,
    );
    const params = new URL(c.req.url).searchParams;
    params.set('version', a.version.version);
    // N in the form it was accepted (a plain decimal: 03.50 -> 3.5), as in `page`.
    params.set('threshold', String(q.threshold));
    params.delete('format');
    params.sort();
    const result: CheckResult = {
      dataset,
      claim: verdict,
      permalink: `/api/v1/check?${params}`,
      page: pageOf(q, series.admin1?.slug ?? null),
    };
    return send(c, a, result, () => ({
      name: ['check', q.country, series.admin1?.slug ?? '', q.category, q.before ?? '', q.after, q.relation, String(q.threshold)],
      columns: [
        'verdict',
        'measure',
        'before',
        'after',
        'before_value',
        'after_value',
        'pct',
        'ratio',
        'holds',
        'caveats',
        'sentence',
        'permalink',
        ...PROVENANCE,
      ],
      rows: verdict.readings.map((r) => [
        verdict.verdict,
        r.measure,
        r.before,
        r.after,
        r.beforeValue,
        r.afterValue,
        r.change?.pct ?? null,
        r.change?.ratio ?? null,
        r.holds,
        r.caveats.join('; '),
        r.sentence,
        result.permalink,
        ...provenance(dataset),
      ]),
    }));
  });
};

/**
 * The dashboard's compare view of a check, built from the validated query (ISO3 country, region
 * slug, measures as parsed, threshold as a number), never by copying the request's text.
 */
function pageOf(q: z.infer<typeof CheckQuery>, admin1Slug: string | null): string {
  // The page charts one measure; `readings=both` makes its check read the other one too.
  const p = new URLSearchParams({ view: 'compare', country: q.country, category: q.category, measure: q.measure[0]! });
  if (q.measure.length > 1) p.set('readings', 'both');
  if (q.before !== undefined) p.set('before', q.before);
  p.set('after', q.after);
  p.set('relation', q.relation);
  p.set('threshold', String(q.threshold));
  if (admin1Slug !== null) p.set('admin1', admin1Slug);
  if (q.wording !== undefined) p.set('wording', q.wording);
  return `/?${p}`;
}

/** A period as the sentences take it (unit, first and last month or day): as written, or the trailing months or days of `after`. */
const span = (period: string, after?: string) => {
  const w = after === undefined ? resolvePeriods(null, period).after : resolvePeriods(period, after).before!;
  return { unit: w.unit, from: w.from, to: w.to };
};
