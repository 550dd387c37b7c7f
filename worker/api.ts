/** The JSON API under /api/v1: catalogue, series, two-month comparison and evaluated claims. */
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { CATEGORY_IDS, MEASURES } from '../data/model/categories.ts';
import { change } from '../data/model/change.ts';
import { movement, placeName, subject } from '../data/model/describe.ts';
import { COUNTRIES, slug, toIso3 } from '../data/model/geography.ts';
import { MONTH_PATTERN, monthLabel } from '../data/model/month.ts';
import type { Catalogue, SeriesDoc } from '../data/model/types.ts';
import { badRequest, notFound, unavailable } from './problem.ts';
import * as store from './store.ts';

export const ROUTES = {
  '/api/v1/catalogue': 'countries, admin1 regions, categories and definitions, months covered, sources, dataset version',
  '/api/v1/series': 'monthly series: country, category, measure, optional admin1, from, to',
  '/api/v1/compare': 'one series, two months: country, category, measure, before, after, optional admin1',
  '/api/v1/claims': 'the headline claims, each with a verdict and its numbers',
};

const month = z.string().regex(MONTH_PATTERN, 'must be a month written YYYY-MM, e.g. 2023-08');
const country = z.string().transform((s, ctx) => {
  const iso3 = toIso3(s);
  if (iso3) return iso3;
  ctx.addIssue({
    code: 'custom',
    message: `unknown country "${s}"; use an ISO3 code or name: ${COUNTRIES.map((c) => `${c.iso3} (${c.name})`).join(', ')}`,
  });
  return z.NEVER;
});
const seriesFields = {
  country,
  admin1: z.string().min(1).optional(),
  category: z.enum(CATEGORY_IDS, { error: `must be one of ${CATEGORY_IDS.join(', ')}` }),
  measure: z.enum(MEASURES, { error: `must be one of ${MEASURES.join(', ')}` }),
};
// Strict objects: a misspelt parameter is an error, not a silently ignored filter.
const seriesQuery = z
  .strictObject({ ...seriesFields, from: month.optional(), to: month.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });
const compareQuery = z.strictObject({ ...seriesFields, before: month, after: month });

/** Answer validation failures as one 400 problem listing every parameter at fault. */
const query = <T extends z.ZodType>(schema: T) =>
  zValidator('query', schema, (result) => {
    if (result.success) return;
    const errors = result.error.issues.map((i) => ({
      parameter: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : ''),
      message: i.code === 'unrecognized_keys' ? `unknown parameter(s) ${i.keys.join(', ')}` : i.message,
    }));
    throw badRequest(
      errors
        .map((e) => (e.parameter && !e.message.startsWith('unknown parameter') ? `${e.parameter}: ${e.message}` : e.message))
        .join('; '),
      { errors },
    );
  });

export const api = new Hono<{ Bindings: Env }>();

api.get('/', (c) => c.json({ routes: ROUTES }));

api.get('/catalogue', async (c) => {
  const kv = c.env.SAHEL_KV;
  return json(c, (await store.catalogue(kv, await store.currentVersion(kv))).text);
});

api.get('/claims', async (c) => {
  const kv = c.env.SAHEL_KV;
  return json(c, (await store.claims(kv, await store.currentVersion(kv))).text);
});

api.get('/series', query(seriesQuery), async (c) => {
  const q = c.req.valid('query');
  const s = await findSeries(c.env.SAHEL_KV, q);
  if (!q.from && !q.to) return json(c, s.text);
  return c.json({ ...s.doc, points: s.doc.points.filter((p) => (!q.from || p.month >= q.from) && (!q.to || p.month <= q.to)) });
});

api.get('/compare', query(compareQuery), async (c) => {
  const q = c.req.valid('query');
  const s = await findSeries(c.env.SAHEL_KV, q);
  const before = pointAt(s.doc, q.before);
  const after = pointAt(s.doc, q.after);
  const partial = before.partial || after.partial;
  const ch = partial ? null : change(before.value, after.value);
  const caveats = [
    ...[before, after].filter((p) => p.partial).map((p) => `${monthLabel(p.month)} is only partly covered by the source: not compared`),
    ...(ch?.lowBaseline ? [`low baseline: ${before.value} in ${monthLabel(before.month)}, percentages are unstable`] : []),
  ];
  const info = s.doc.series;
  const place = placeName(info);
  return c.json({
    dataset: s.doc.dataset,
    series: info,
    before,
    after,
    change: ch,
    caveats,
    sentence: partial
      ? `${subject(info.category.label, info.measure, place)}: ${before.value} in ${monthLabel(before.month)}, ${after.value} in ${monthLabel(after.month)}; a partial month is not compared.`
      : `${subject(info.category.label, info.measure, place)} ${movement(before, after, ch)}.`,
  });
});

/** One month of a series, as the compare route reports it; 404 when the series lacks the month. */
function pointAt(doc: SeriesDoc, month: string) {
  const p = doc.points.find((x) => x.month === month);
  if (!p)
    throw notFound(`${monthLabel(month)} is not in this series, which covers ${doc.points[0]?.month} to ${doc.points.at(-1)?.month}.`);
  return { month: p.month, value: p.value, partial: p.partial, source: p.source };
}

function json(c: Context, text: string): Response {
  return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
}

/** The series asked for, or a 404 that says what the dataset does have. */
async function findSeries(
  kv: KVNamespace,
  q: z.infer<typeof compareQuery> | z.infer<typeof seriesQuery>,
): Promise<store.Stored<SeriesDoc>> {
  const version = await store.currentVersion(kv);
  const admin1 = q.admin1 ? slug(q.admin1) : null;
  const s = await store.series(kv, version, q.country, admin1, q.category, q.measure);
  if (s) return s;
  throw explainMissing((await store.catalogue(kv, version)).doc, q.country, q.admin1 ?? null, q.category);
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
  if (!country.categories.includes(category as never)) {
    return notFound(
      `Category ${category} is not available for ${country.name} (it needs event-level data); available: ${country.categories.join(', ')}.`,
      { allowed: country.categories },
    );
  }
  return unavailable(`The series ${iso3}${admin1 ? `/${admin1}` : ''}/${category} is listed in the catalogue but its entry is missing.`);
}
