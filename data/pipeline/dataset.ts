/**
 * Sources' monthly aggregates + claims -> the KV entries of one dataset version (catalogue,
 * series, evaluated claims), keyed by a version derived from their content. Pure apart from
 * Web Crypto hashing, so it runs the same in Node and in workerd.
 */
import { CATEGORIES, type Measure, MEASURES } from '../model/categories.ts';
import { LOW_BASELINE } from '../model/change.ts';
import { type Claim, evaluateClaim, type Lookup, type Reading } from '../model/claims.ts';
import { COUNTRIES, countryName, type Iso3, slug } from '../model/geography.ts';
import { geoId, keys } from '../model/keys.ts';
import type { AggregateRow, Catalogue, ClaimsDoc, CountryEntry, DatasetRef, SeriesDoc, SeriesSet, SourceInfo } from '../model/types.ts';
import { CREDIT } from '../model/types.ts';
import { disagreements, PRECEDENCE, rawSeries, SourceIndex, withMetrics } from './series.ts';

export const SOURCE_NAME = 'ACLED (Armed Conflict Location & Event Data Project)';

export interface DatasetInput {
  sources: { info: SourceInfo; rows: AggregateRow[] }[];
  claims: Claim[];
}

export interface KvEntry {
  key: string;
  value: string;
}

export interface Dataset {
  version: string;
  entries: KvEntry[];
  catalogue: Catalogue;
  series: SeriesDoc[];
  claims: ClaimsDoc;
}

/** Build every entry of the dataset; the same input always gives the same version and bytes. */
export async function buildDataset(input: DatasetInput): Promise<Dataset> {
  const indexes = input.sources.map((s) => new SourceIndex(s.info, s.rows));
  const asOf =
    input.sources
      .map((s) => s.info.coverage.through)
      .sort()
      .at(-1) ?? '';
  const draft = assemble(indexes, input.claims, { version: '', source: SOURCE_NAME, credit: CREDIT, asOf });
  const version = await contentHash(draft.entries);
  return { version, ...assemble(indexes, input.claims, { ...draft.dataset, version }) };
}

function assemble(indexes: SourceIndex[], claims: Claim[], dataset: DatasetRef) {
  const v = dataset.version;
  const series: SeriesDoc[] = [];
  const countries: CountryEntry[] = [];
  for (const { iso3, name } of COUNTRIES) {
    if (!indexes.some((s) => s.countries.has(iso3))) continue;
    const regions = [...new Set(indexes.flatMap((s) => [...(s.admin1.get(iso3) ?? [])]))].sort((a, b) => a.localeCompare(b, 'en'));
    const entry: CountryEntry = {
      iso3,
      name,
      admin1: regions.map((r) => ({ name: r, slug: slug(r) })),
      categories: [],
      months: { from: '', to: '' },
      partialMonths: [],
    };
    for (const admin1 of [null, ...regions]) {
      for (const cat of CATEGORIES) {
        for (const measure of MEASURES) {
          const raw = rawSeries(indexes, iso3, admin1, cat, measure);
          if (raw.length === 0) continue;
          series.push({
            dataset,
            series: {
              country: { iso3, name },
              admin1: admin1 === null ? null : { name: admin1, slug: slug(admin1) },
              category: { id: cat.id, label: cat.label, definition: cat.definition },
              measure,
            },
            points: withMetrics(raw),
          });
          if (admin1 !== null) continue;
          if (!entry.categories.includes(cat.id)) entry.categories.push(cat.id);
          const first = raw[0]!.month;
          const last = raw.at(-1)!.month;
          if (!entry.months.from || first < entry.months.from) entry.months.from = first;
          if (last > entry.months.to) entry.months.to = last;
        }
      }
    }
    const partial = new Set(
      series.filter((s) => s.series.country.iso3 === iso3).flatMap((s) => s.points.filter((p) => p.partial).map((p) => p.month)),
    );
    entry.partialMonths = [...partial].sort();
    countries.push(entry);
  }
  const catalogue: Catalogue = {
    dataset,
    countries,
    categories: CATEGORIES.map(({ id, label, definition, needs }) => ({ id, label, definition, needs })),
    measures: [...MEASURES],
    sources: indexes.map((s) => s.info),
    precedence: PRECEDENCE,
    disagreements: disagreements(indexes),
    thresholds: {
      lowBaseline: LOW_BASELINE,
      note: `A change whose base is below ${LOW_BASELINE} is flagged lowBaseline: from 1 to 4 is +300%.`,
    },
  };
  const claimsDoc: ClaimsDoc = { dataset, claims: claims.map((c) => evaluateClaim(c, placeOf, lookupIn(series), dataset)) };
  const entries: KvEntry[] = [
    { key: keys.catalogue(v), value: JSON.stringify(catalogue) },
    { key: keys.claims(v), value: JSON.stringify(claimsDoc) },
    ...series.map((s) => ({
      key: keys.series(v, geoId(s.series.country.iso3, s.series.admin1?.slug ?? null), s.series.category.id, s.series.measure),
      value: JSON.stringify(s),
    })),
    ...bundles(series).map(([key, set]) => ({ key: keys.bundle(v, key.geo, key.measure), value: JSON.stringify(set) })),
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { dataset, entries, catalogue, series, claims: claimsDoc };
}

/**
 * Every category of one geography and measure in one entry, so that a request for several
 * categories costs one KV read (a SeriesSet, as the API serves it).
 */
function bundles(series: SeriesDoc[]): [{ geo: string; measure: Measure }, SeriesSet][] {
  const out = new Map<string, [{ geo: string; measure: Measure }, SeriesSet]>();
  for (const s of series) {
    const geo = geoId(s.series.country.iso3, s.series.admin1?.slug ?? null);
    const id = `${geo}|${s.series.measure}`;
    if (!out.has(id))
      out.set(id, [
        { geo, measure: s.series.measure },
        { dataset: s.dataset, series: [] },
      ]);
    out.get(id)![1].series.push(s);
  }
  return [...out.values()];
}

function placeOf(r: Reading): string {
  const country = countryName(r.country as Iso3);
  return r.admin1 ? `${r.admin1} (${country})` : country;
}

function lookupIn(series: SeriesDoc[]): Lookup {
  const byKey = new Map(
    series.map((s) => [`${s.series.country.iso3}|${s.series.admin1?.slug ?? ''}|${s.series.category.id}|${s.series.measure}`, s]),
  );
  return (r) => byKey.get(`${r.country}|${r.admin1 ? slug(r.admin1) : ''}|${r.category}|${r.measure}`) ?? null;
}

/** First 12 hex digits of the SHA-256 of the entries, keys and values in order. */
async function contentHash(entries: KvEntry[]): Promise<string> {
  const text = entries.map((e) => `${e.key}\n${e.value}\n`).join('');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 12);
}
