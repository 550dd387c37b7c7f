/**
 * The lookups of the data routes: the series, bundle, measures or daily counts a request asks
 * for, read through store.ts; or, when the dataset has no such entry, a 404 that says what it does
 * have (countries, regions, categories, days). A region is looked up in the catalogue first, so
 * no string from the request reaches a KV key.
 */
import type { CategoryId, Measure } from '../model/categories.ts';
import { daysWhere } from '../model/days.ts';
import { slug } from '../model/geography.ts';
import { monthlyCategories } from '../model/monthly-categories.ts';
import type { Catalogue, DaysDoc, SeriesDoc, SeriesSet, WeeksDoc } from '../model/types.ts';
import { notFound, unavailable } from './problem.ts';
import * as store from './store.ts';

/** The geography asked for: a country (ISO3, validated) and a region as written, or none for the country total. */
interface Place {
  country: string;
  admin1?: string | undefined;
}

/** A series without its category: a geography and a measure. */
interface SeriesKey extends Place {
  measure: Measure;
}

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
export async function findSeveral(kv: KVNamespace, v: store.VersionRef, q: SeriesKey, categories: CategoryId[]): Promise<SeriesDoc[]> {
  const b = await store.bundle(kv, v, q.country, await regionOf(kv, v, q.country, q.admin1), q.measure);
  const byCategory = new Map(b?.doc.series.map((s) => [s.series.category.id, s]) ?? []);
  const missing = categories.find((cat) => !byCategory.has(cat));
  if (missing) throw explainMissing((await store.catalogue(kv, v)).doc, q.country, q.admin1 ?? null, missing);
  return categories.map((cat) => byCategory.get(cat)!);
}

/** The series asked for, or a 404 that says what the dataset does have. */
export async function findSeries(
  kv: KVNamespace,
  v: store.VersionRef,
  q: SeriesKey,
  category: CategoryId,
): Promise<store.Stored<SeriesDoc>> {
  const s = await store.series(kv, v, q.country, await regionOf(kv, v, q.country, q.admin1), category, q.measure);
  if (s) return s;
  throw explainMissing((await store.catalogue(kv, v)).doc, q.country, q.admin1 ?? null, category);
}

/** Both measures of the series asked for (one KV read), or a 404 that says what the dataset does have. */
export async function findMeasures(kv: KVNamespace, v: store.VersionRef, q: Place, category: CategoryId): Promise<store.Stored<SeriesSet>> {
  const s = await store.measures(kv, v, q.country, await regionOf(kv, v, q.country, q.admin1), category);
  if (s) return s;
  throw explainMissing((await store.catalogue(kv, v)).doc, q.country, q.admin1 ?? null, category);
}

/**
 * A country's daily counts of a category, or a 404 that says what exists. A country without an
 * event-level source has an entry that says why it has none: /compare answers 404 with it (via
 * PeriodError), /check a reading that cannot be decided.
 */
export async function findDays(kv: KVNamespace, v: store.VersionRef, iso3: string, category: CategoryId): Promise<store.Stored<DaysDoc>> {
  const d = await store.days(kv, v, iso3, category);
  if (d) return d;
  const cat = (await store.catalogue(kv, v)).doc;
  const e = explainMissing(cat, iso3, null, category);
  if (e.problem.status !== 503) throw e;
  const available = cat.countries.flatMap((x) => (x.days ? [{ iso3: x.iso3, name: x.name, ...x.days }] : []));
  throw notFound(`The dataset has no daily counts of ${category} for ${iso3}; ${daysWhere(available)}.`);
}

/**
 * The weekly counts of a country or region and category (one KV read, plus the catalogue for a
 * region), or a 404 that says what exists: the weeks' categories, or that there are no weeks.
 */
export async function findWeeks(kv: KVNamespace, v: store.VersionRef, q: Place, category: CategoryId): Promise<store.Stored<WeeksDoc>> {
  const w = await store.weeks(kv, v, q.country, await regionOf(kv, v, q.country, q.admin1), category);
  if (w) return w;
  const cat = (await store.catalogue(kv, v)).doc;
  const country = cat.countries.find((x) => x.iso3 === q.country);
  if (country && !country.weeks)
    throw notFound(
      `The dataset has no weekly counts for ${country.name}; countries with weeks: ${cat.countries.flatMap((x) => (x.weeks ? [x.iso3] : [])).join(', ') || 'none'}.`,
    );
  if (country?.weeks && !country.weeks.categories.includes(category))
    throw notFound(
      `Category ${category} has no weekly counts for ${country.name} (the weekly data give event and sub-event types only); weekly categories: ${country.weeks.categories.join(', ')}.`,
      { allowed: country.weeks.categories },
    );
  const e = explainMissing(cat, q.country, q.admin1 ?? null, category, 'week');
  if (e.problem.status === 404) throw e;
  throw unavailable(
    `The weekly series ${q.country}${q.admin1 ? `/${q.admin1}` : ''}/${category} is listed in the catalogue but its entry is missing.`,
  );
}

/** Why the dataset has no such entry, from its catalogue: a 404 naming what exists, or a 503 when the catalogue lists it. */
function explainMissing(cat: Catalogue, iso3: string, admin1: string | null, category: string, unit: 'month' | 'week' = 'month') {
  const country = cat.countries.find((x) => x.iso3 === iso3);
  if (!country) return notFound(`The dataset has no data for ${iso3}; countries: ${cat.countries.map((x) => x.iso3).join(', ')}.`);
  if (admin1 !== null && !country.admin1.some((r) => r.slug === slug(admin1))) {
    return notFound(
      country.admin1.length === 0
        ? `${country.name} has no admin1 (region) figures in this dataset.`
        : `Unknown admin1 region "${admin1}" for ${country.name}; regions: ${country.admin1.map((r) => r.name).join(', ')}.`,
      { allowed: country.admin1.map((r) => r.name) },
    );
  }
  const region = admin1 === null ? undefined : country.admin1.find((r) => r.slug === slug(admin1));
  if (unit === 'month' && region && !monthlyCategories(country, region).includes(category as CategoryId)) {
    const monthly = monthlyCategories(country, region);
    const weekly = country.weeks?.categories.includes(category as CategoryId)
      ? ` ${region.name} has weekly counts of ${category}: ask with unit=week.`
      : '';
    return notFound(
      monthly.length === 0
        ? `${region.name} (${country.name}) has no monthly figures: its source counts ACLED weeks, which are never split into months.${weekly}`
        : `${region.name} (${country.name}) has monthly figures of ${monthly.join(', ')} only.${weekly}`,
      { allowed: monthly },
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
