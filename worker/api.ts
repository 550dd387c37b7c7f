/**
 * The API under /api/v1: catalogue, series, comparison of two periods, evaluated claims, and the
 * OpenAPI document generated from the schemas that validate the requests.
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { CategoryId } from '../model/categories.ts';
import { evaluateClaim } from '../model/claims.ts';
import type { Claim, Reading } from '../model/claim.ts';
import { relationWords } from '../model/relations.ts';
import { compare, compareDays, type Comparison, PeriodError } from '../model/compare.ts';
import { daysWhere } from '../model/days.ts';
import { MEASURE_WORDS, placeName } from '../model/describe.ts';
import { slug } from '../model/geography.ts';
import { isDayPeriod, resolvePeriods, windowLabel } from '../model/period.ts';
import type { Catalogue, DatasetRef, DaysDoc, SeriesDoc, SeriesInfo, SeriesSet as SeriesSetDoc } from '../model/types.ts';
import type { Cell, CsvTable } from './csv.ts';
import { answer, type Env, send } from './http.ts';
import { badRequest, notFound, unavailable } from './problem.ts';
import {
  CatalogueQuery,
  CatalogueSchema,
  ClaimsQuery,
  CheckQuery,
  CheckSchema,
  ClaimsSchema,
  CompareQuery,
  CompareSchema,
  PARAMETERS,
  ProblemSchema,
  Series,
  SeriesQuery,
  SeriesSet,
} from './schemas.ts';
import * as store from './store.ts';

export const api = new OpenAPIHono<Env>({
  // One 400 problem listing every parameter at fault, and the valid parameters when one is unknown.
  defaultHook: (result, c) => {
    if (result.success) return;
    const route = c.req.path.split('/').pop() as keyof typeof PARAMETERS;
    const valid = PARAMETERS[route] ?? [];
    const errors = result.error.issues.map((i) =>
      i.code === 'unrecognized_keys'
        ? { parameter: i.keys.join(', '), message: `unknown parameter(s) ${i.keys.join(', ')}; valid parameters: ${valid.join(', ')}` }
        : { parameter: i.path.join('.'), message: i.message },
    );
    throw badRequest(
      errors.map((e) => (e.message.startsWith('unknown parameter') ? e.message : `${e.parameter}: ${e.message}`)).join('; '),
      { errors },
    );
  },
});

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
const csv = {
  'text/csv': {
    schema: {
      type: 'string' as const,
      description: 'The same data as CSV, with a header row; every row carries the dataset version and credit.',
    },
  },
};
const cacheHeaders = {
  ETag: { description: 'Answer to If-None-Match with 304 Not Modified.', schema: { type: 'string' as const } },
  'Cache-Control': { description: 'Immutable for a pinned version; revalidate for the current one.', schema: { type: 'string' as const } },
};

const catalogueRoute = createRoute({
  method: 'get',
  path: '/catalogue',
  summary: 'Countries, regions, categories and their definitions, months covered, sources and ingestion reports',
  request: { query: CatalogueQuery },
  responses: {
    200: {
      description: 'The catalogue of the dataset.',
      headers: cacheHeaders,
      content: { 'application/json': { schema: CatalogueSchema }, ...csv },
    },
    ...problems,
  },
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/series',
  summary: 'Monthly series with month-over-month metrics and flags',
  description:
    'One category gives a Series, several (comma-separated) a SeriesSet. Each month has its value, source, partial-month flag, and changes against the previous month, the trailing 3- and 12-month means and the same month a year earlier.',
  request: { query: SeriesQuery },
  responses: {
    200: {
      description: 'The series.',
      headers: cacheHeaders,
      content: { 'application/json': { schema: Series.or(SeriesSet) }, ...csv },
    },
    ...problems,
  },
});

const compareRoute = createRoute({
  method: 'get',
  path: '/compare',
  summary: 'Two periods of a series compared, with a trend band',
  description:
    "Periods are months (2023-07), ranges of months (2023-05..2023-07), or for `before` the 3 or 12 months before `after` (trailing3, trailing12); or days (2023-07-26), ranges of days (2023-07-27..2023-08-25, both days included), or for `before` the N days before `after` (trailing30d). Both periods must be of the same unit. Periods of equal length compare totals; otherwise monthly (daily) means. Day windows come from daily counts kept at country level only, for countries with an event-level source (ACLED's terms restrict redistributing event rows, and region x day counts come close to listing events): a day window on a region is a 400, on a country without daily counts or outside the days they cover a 404 that says where day windows exist.",
  request: { query: CompareQuery },
  responses: {
    200: { description: 'The comparison.', headers: cacheHeaders, content: { 'application/json': { schema: CompareSchema }, ...csv } },
    ...problems,
  },
});

const claimsRoute = createRoute({
  method: 'get',
  path: '/claims',
  summary: 'Headline claims, each with a verdict, its numbers and the definitions used',
  request: { query: ClaimsQuery },
  responses: {
    200: { description: 'The evaluated claims.', headers: cacheHeaders, content: { 'application/json': { schema: ClaimsSchema }, ...csv } },
    ...problems,
  },
});

/** Every row of a CSV ends with where the figure comes from. */
const PROVENANCE = ['dataset_version', 'as_of', 'credit'];
const provenance = (d: { version: string; asOf: string; credit: string }): Cell[] => [d.version, d.asOf, d.credit];

api.openapi(catalogueRoute, async (c) => {
  return answer(c, c.req.valid('query'), async (a) => {
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
});

api.openapi(seriesRoute, async (c) => {
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
    return send(c, a, { dataset: docs[0]!.dataset, series: docs }, () => seriesCsv(docs, range));
  });
});

api.openapi(compareRoute, async (c) => {
  const q = c.req.valid('query');
  return answer(c, q, async (a) => {
    let comparison: Comparison;
    let dataset: DatasetRef;
    try {
      if (isDayPeriod(q.after)) {
        const d = await findDays(c.env.SAHEL_KV, a.version, q.country, q.category);
        dataset = d.doc.dataset;
        comparison = compareDays(d.doc, q.measure, q.before, q.after);
      } else {
        const s = await findSeries(c.env.SAHEL_KV, a.version, q, q.category);
        dataset = s.doc.dataset;
        comparison = compare(s.doc, q.before, q.after);
      }
    } catch (e) {
      if (e instanceof PeriodError) throw notFound(e.message);
      throw e;
    }
    const result = { dataset, ...comparison };
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
          result.caveats.join('; '),
          ...provenance(result.dataset),
        ],
      ],
    }));
  });
});

api.openapi(claimsRoute, async (c) => {
  return answer(c, c.req.valid('query'), async (a) => {
    const s = await store.claims(c.env.SAHEL_KV, a.version);
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
});

const checkRoute = createRoute({
  method: 'get',
  path: '/check',
  summary: 'Check a claim: a series, two periods and a relation give a verdict',
  description:
    'The claim is given in the query (its identity: `permalink` pins it to the dataset version; `page` is the dashboard view of the same verdict). Each measure is a reading; the verdict combines them as for the headline claims. Periods are months or days, as for /compare. A claim the data cannot decide (a missing or partial month, a zero base, a day window outside the daily counts, on a region, or on a country without daily counts) gets the verdict cannot_be_decided with the reason, never a guess.',
  request: { query: CheckQuery },
  responses: {
    200: { description: 'The verdict.', headers: cacheHeaders, content: { 'application/json': { schema: CheckSchema }, ...csv } },
    ...problems,
  },
});

api.openapi(checkRoute, async (c) => {
  const q = c.req.valid('query');
  return answer(c, q, async (a) => {
    const kv = c.env.SAHEL_KV;
    // One KV read for the claim's data, both measures in one entry: the daily counts for day
    // windows on a country; otherwise the monthly series of the geography and category.
    const byDay = isDayPeriod(q.after);
    const docs = new Map<string, SeriesDoc>();
    let daily: DaysDoc | null = null;
    let series: Pick<SeriesInfo, 'country' | 'admin1' | 'category'>;
    let dataset: DatasetRef;
    if (byDay && !q.admin1) {
      daily = (await findDays(kv, a.version, q.country, q.category)).doc;
      ({ dataset } = daily);
      series = { ...daily.series, admin1: null };
    } else {
      // A region asked for in days still reads its monthly series: the region must exist, and the
      // answer names it; the reading itself cannot be decided (no day windows for regions).
      for (const doc of (await findMeasures(kv, a.version, q, q.category)).doc.series)
        if (q.measure.includes(doc.series.measure)) docs.set(doc.series.measure, doc);
      const first = docs.get(q.measure[0]!)!;
      ({ dataset, series } = first);
    }
    const wording = q.wording ?? relationWords(q.relation, q.threshold);
    const readings: Reading[] = q.measure.map((measure) => ({
      country: q.country,
      admin1: series.admin1?.name ?? null,
      category: q.category,
      measure,
      before: q.before ?? null,
      after: q.after,
      relation: { kind: q.relation, value: q.threshold, wording },
    }));
    const place = placeName(series);
    const claim: Claim = {
      id: 'check',
      quote: `${series.category.label} in ${place}, ${span(q.after)}${q.before ? ` against ${span(q.before, q.after)}` : ''}: ${wording}`,
      claimant: { name: 'Checked on request', date: null, url: null },
      interpretation: `Read for ${q.measure.map((m) => MEASURE_WORDS[m]).join(' and ')}, with the relation "${relationWords(q.relation, q.threshold)}" (${q.relation} ${q.threshold}), as asked.`,
      readings,
    };
    const verdict = evaluateClaim(
      claim,
      () => place,
      (r) => docs.get(r.measure) ?? null,
      dataset,
      () => daily,
    );
    const params = new URL(c.req.url).searchParams;
    params.set('version', a.version.version);
    // N in the form it was accepted (a plain decimal: 03.50 -> 3.5), as in `page`.
    params.set('threshold', String(q.threshold));
    params.delete('format');
    params.sort();
    const result = { dataset, claim: verdict, permalink: `/api/v1/check?${params}`, page: pageOf(q, series.admin1?.slug ?? null) };
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
});

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

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Sahel Pulse API',
    version: '1',
    description:
      'Month-over-month statistics on political violence in Burkina Faso, Chad, Mali, Niger and Nigeria, from ACLED data (ACLED, www.acleddata.com). No key needed. Every payload states its dataset version and source credit; pin `version` for a citable, immutable answer. Errors are RFC 9457 problem details.',
  },
  servers: [{ url: '/api/v1' }],
};

api.doc31('/openapi.json', OPENAPI_CONFIG);

/** Routes listed in 404 answers. */
export const ROUTES = [
  '/api/v1/catalogue',
  '/api/v1/series',
  '/api/v1/compare',
  '/api/v1/claims',
  '/api/v1/check',
  '/api/v1/openapi.json',
  '/api/v1/docs',
];

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

/** A period in words: 'August 2023', 'January–August 2022', '27 July–25 August 2023', or the trailing months or days of `after`. */
const span = (period: string, after?: string) => {
  const w = after === undefined ? resolvePeriods(null, period).after : resolvePeriods(period, after).before!;
  return windowLabel(w);
};

type SeriesKey = Pick<z.infer<typeof CompareQuery>, 'country' | 'admin1' | 'measure'>;

/**
 * The slug of the region asked for, looked up in the catalogue (cached per isolate, see store.ts),
 * so that no string from the request reaches a KV key; null for the country total. An unknown
 * region is a 404 listing the regions the dataset has.
 */
async function regionOf(kv: KVNamespace, v: store.VersionRef, iso3: string, admin1: string | undefined): Promise<string | null> {
  if (admin1 === undefined) return null;
  const cat = (await store.catalogue(kv, v)).doc;
  const wanted = slug(admin1);
  const region = cat.countries.find((x) => x.iso3 === iso3)?.admin1.find((r) => r.slug === wanted);
  if (region) return region.slug;
  throw explainMissing(cat, iso3, admin1, '');
}

/** Several categories of one geography and measure, from their bundle (one KV read), in the order asked. */
async function findSeveral(kv: KVNamespace, v: store.VersionRef, q: SeriesKey, categories: CategoryId[]): Promise<SeriesDoc[]> {
  const b = await store.bundle(kv, v, q.country, await regionOf(kv, v, q.country, q.admin1), q.measure);
  const byCategory = new Map(b?.doc.series.map((s) => [s.series.category.id, s]) ?? []);
  const missing = categories.find((cat) => !byCategory.has(cat));
  if (missing) throw explainMissing((await store.catalogue(kv, v)).doc, q.country, q.admin1 ?? null, missing);
  return categories.map((cat) => byCategory.get(cat)!);
}

/** The series asked for, or a 404 that says what the dataset does have. */
async function findSeries(kv: KVNamespace, v: store.VersionRef, q: SeriesKey, category: CategoryId): Promise<store.Stored<SeriesDoc>> {
  const s = await store.series(kv, v, q.country, await regionOf(kv, v, q.country, q.admin1), category, q.measure);
  if (s) return s;
  throw explainMissing((await store.catalogue(kv, v)).doc, q.country, q.admin1 ?? null, category);
}

/** Both measures of the series asked for (one KV read), or a 404 that says what the dataset does have. */
async function findMeasures(
  kv: KVNamespace,
  v: store.VersionRef,
  q: Pick<SeriesKey, 'country' | 'admin1'>,
  category: CategoryId,
): Promise<store.Stored<SeriesSetDoc>> {
  const s = await store.measures(kv, v, q.country, await regionOf(kv, v, q.country, q.admin1), category);
  if (s) return s;
  throw explainMissing((await store.catalogue(kv, v)).doc, q.country, q.admin1 ?? null, category);
}

/**
 * A country's daily counts of a category, or a 404 that says what exists. A country without an
 * event-level source has an entry that says why it has none: /compare answers 404 with it (via
 * PeriodError), /check a reading that cannot be decided.
 */
async function findDays(kv: KVNamespace, v: store.VersionRef, iso3: string, category: CategoryId): Promise<store.Stored<DaysDoc>> {
  const d = await store.days(kv, v, iso3, category);
  if (d) return d;
  const cat = (await store.catalogue(kv, v)).doc;
  const e = explainMissing(cat, iso3, null, category);
  if (e.problem.status !== 503) throw e;
  const available = cat.countries.flatMap((x) => (x.days ? [{ iso3: x.iso3, name: x.name, ...x.days }] : []));
  throw notFound(`The dataset has no daily counts of ${category} for ${iso3}; ${daysWhere(available)}.`);
}

function explainMissing(cat: Catalogue, iso3: string, admin1: string | null, category: string) {
  const country = cat.countries.find((x) => x.iso3 === iso3);
  if (!country) return notFound(`The dataset has no data for ${iso3}; countries: ${cat.countries.map((x) => x.iso3).join(', ')}.`);
  if (admin1 !== null && !country.admin1.some((r) => r.slug === slug(admin1))) {
    return notFound(
      country.admin1.length === 0
        ? `${country.name} has no admin1 (region) figures: regions need an event-level source, and this dataset has country-level data only for ${country.name}.`
        : `Unknown admin1 region "${admin1}" for ${country.name}; regions: ${country.admin1.map((r) => r.name).join(', ')}.`,
      { allowed: country.admin1.map((r) => r.name) },
    );
  }
  if (!country.categories.includes(category as CategoryId)) {
    return notFound(
      `Category ${category} is not available for ${country.name} (it needs event-level data); available: ${country.categories.join(', ')}.`,
      {
        allowed: country.categories,
      },
    );
  }
  return unavailable(`The series ${iso3}${admin1 ? `/${admin1}` : ''}/${category} is listed in the catalogue but its entry is missing.`);
}
