/**
 * Sources' monthly (and daily, and weekly) aggregates + claims -> the KV entries of one dataset
 * version (catalogue, series, daily counts, weekly counts, evaluated claims), keyed by a version
 * derived from their content. Pure apart from Web Crypto hashing, so it runs the same in Node
 * and in workerd.
 */
import { CATALOGUE_NOTES } from '../../model/catalogue-notes.ts';
import { CATEGORIES, type Category, type CategoryId, MEASURES, type Measure } from '../../model/categories.ts';
import { LOW_BASELINE } from '../../model/change.ts';
import type { Claim, Reading } from '../../model/claim.ts';
import { claimProblems, type DaysLookup, evaluateClaim, type Lookup, type Place, type WeeksLookup } from '../../model/claims.ts';
import { addDays, dayNumber, daysIn } from '../../model/day.ts';
import { noDaysWhy } from '../../model/days.ts';
import { COUNTRIES, countryName, type Iso3, slug } from '../../model/geography.ts';
import { geoId, keys } from '../../model/keys.ts';
import type { Lang } from '../../model/lang.ts';
import { provisionalDay, provisionalMonth } from '../../model/provisional.ts';
import type {
  AggregateRow,
  Catalogue,
  ClaimsDoc,
  CountryEntry,
  DailyRow,
  DatasetRef,
  DaysDoc,
  Freshness,
  SeriesDoc,
  SeriesSet,
  SourceInfo,
  WeeksDoc,
} from '../../model/types.ts';
import { CREDIT } from '../../model/types.ts';
import { reconcileDaily } from '../derive/reconcile.ts';
import type { WeeklyCell } from '../derive/weekly.ts';
import { disagreements, PRECEDENCE, rawSeries, SourceIndex, withMetrics } from './series.ts';
import { type Weeks, weeksOf } from './weeks.ts';

export const SOURCE_NAME = 'ACLED (Armed Conflict Location & Event Data Project)';

export interface DatasetInput {
  /**
   * Each source's monthly aggregates, and for event-level sources its daily ones (see
   * SourceInfo.daily); a weekly source (`unit: 'week'`) gives its weekly cells instead (no rows).
   */
  sources: { info: SourceInfo; rows: AggregateRow[]; daily?: DailyRow[]; weekly?: WeeklyCell[] }[];
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
  days: DaysDoc[];
  weeks: WeeksDoc[];
  claims: ClaimsDoc;
}

/**
 * Build every entry of the dataset; the same input always gives the same version and bytes.
 * Throws on a claim that is ill-formed, and on daily aggregates that do not add up to the
 * monthly ones or fall outside the days their source covers.
 */
export async function buildDataset(input: DatasetInput): Promise<Dataset> {
  const ctx = buildContext(input);
  const draft = assemble(ctx, datasetRef(ctx, ''));
  const version = await contentHash(draft.entries);
  return assemble(ctx, datasetRef(ctx, version));
}

/**
 * What every part of a build needs, made once from the input: the monthly sources indexed, the
 * daily rows, the weekly source, the claims, and the countries with daily counts. The parts
 * (countryPart, globalPart) can be built apart from it: the scheduled refresh builds each country
 * in its own Workflow step (worker/refresh.ts), from an input holding only that country's weekly
 * cells (data/refresh/base.ts), which gives the same entries as the whole build.
 */
export interface BuildContext {
  indexes: SourceIndex[];
  infos: SourceInfo[];
  daily: Map<string, DailyRow[]>;
  weekly: Parameters<typeof weeksOf>[0] | null;
  claims: Claim[];
  asOf: string;
  regionName: (iso3: string, r: string) => string;
  /** The countries with daily counts, for the why of those without (noDaysWhy). */
  available: { iso3: string; name: string; from: string; through: string }[];
}

export function buildContext(input: DatasetInput): BuildContext {
  const problems = input.claims.flatMap(claimProblems);
  if (problems.length > 0) throw new Error(`the claims file is not valid: ${problems.join('; ')}`);
  for (const s of input.sources) checkDaily(s);
  const weeklyInput = input.sources.filter((s) => s.info.unit === 'week');
  if (weeklyInput.length > 1) throw new Error(`one weekly source at most: ${weeklyInput.map((s) => s.info.id).join(', ')}`);
  const weekly = weeklyInput[0] ? { info: weeklyInput[0].info, cells: weeklyInput[0].weekly ?? [] } : null;
  // Calendar months come from monthly and daily sources only: a weekly source is never indexed by month.
  const indexes = input.sources.filter((s) => s.info.unit !== 'week').map((s) => new SourceIndex(s.info, s.rows));
  const daily = new Map(input.sources.filter((s) => s.daily && s.info.daily).map((s) => [s.info.id, s.daily!]));
  const asOf =
    input.sources
      .map((s) => s.info.coverage.through)
      .sort()
      .at(-1) ?? '';
  // Region names as the monthly sources write them, by slug: a weekly source's spelling of the
  // same region (Tillaberi for Tillabéri) names the same region, under the name used so far.
  const monthlyNames = new Map<string, string>();
  for (const s of indexes) for (const [iso3, set] of s.admin1) for (const r of set) monthlyNames.set(`${iso3}|${slug(r)}`, r);
  const regionName = (iso3: string, r: string) => monthlyNames.get(`${iso3}|${slug(r)}`) ?? r;
  const available = COUNTRIES.flatMap(({ iso3, name }) => {
    const sources = withDays(indexes, daily, iso3);
    const src = sources.at(-1);
    return src ? [{ iso3, name, from: segments(sources, null)[0]!.from, through: src.info.daily!.through }] : [];
  });
  return { indexes, infos: input.sources.map((s) => s.info), daily, weekly, claims: input.claims, asOf, regionName, available };
}

/** The dataset reference every document of the version carries. */
export function datasetRef(ctx: BuildContext, version: string): DatasetRef {
  return { version, source: SOURCE_NAME, credit: CREDIT, asOf: ctx.asOf };
}

/** Daily rows must add up to the source's monthly rows and lie within the days it covers. */
function checkDaily(s: DatasetInput['sources'][number]): void {
  if (!s.info.daily) return;
  if (!s.daily) throw new Error(`${s.info.id}: sources.json names the daily file ${s.info.daily.file} but no daily rows were given`);
  const { from, through, file } = s.info.daily;
  const out = s.daily.find((r) => r.date < from || r.date > through);
  if (out)
    throw new Error(`${file}: ${out.date} is outside the days the source covers (${from} to ${through}); re-run npm run data:derive`);
  reconcileDaily(s.rows, s.daily);
}

function assemble(ctx: BuildContext, dataset: DatasetRef): Dataset {
  const parts = COUNTRIES.flatMap(({ iso3 }) => countryPart(ctx, iso3, dataset) ?? []);
  const docs = { series: parts.flatMap((p) => p.series), days: parts.flatMap((p) => p.days), weeks: parts.flatMap((p) => p.weeks) };
  const global = globalPart(
    ctx,
    parts.map((p) => p.entry),
    docs,
    dataset,
  );
  const entries = sortEntries([...global.entries, ...parts.flatMap((p) => countryEntries(p, dataset.version))]);
  return { version: dataset.version, entries, catalogue: global.catalogue, ...docs, claims: global.claims };
}

/** One country's documents: its catalogue entry, monthly series, daily counts and weekly counts. */
export interface CountryPart {
  entry: CountryEntry;
  series: SeriesDoc[];
  days: DaysDoc[];
  weeks: WeeksDoc[];
}

/** The documents the claims read (series, days, weeks), from some or all of the countries. */
export interface ClaimDocs {
  series: SeriesDoc[];
  days: DaysDoc[];
  weeks: WeeksDoc[];
}

/** One country's part of the version, or null when no source gives the country. */
export function countryPart(ctx: BuildContext, iso3: Iso3, dataset: DatasetRef): CountryPart | null {
  const { indexes, regionName } = ctx;
  const name = countryName(iso3);
  const weeks: Weeks = ctx.weekly ? weeksOf(ctx.weekly, dataset, regionName, iso3) : { docs: [], countries: new Map() };
  if (!indexes.some((s) => s.countries.has(iso3)) && !weeks.countries.has(iso3)) return null;
  const series: SeriesDoc[] = [];
  const bySlug = new Map<string, string>();
  for (const r of [...indexes.flatMap((s) => [...(s.admin1.get(iso3) ?? [])]), ...(weeks.countries.get(iso3)?.admin1 ?? [])])
    if (!bySlug.has(slug(r))) bySlug.set(slug(r), regionName(iso3, r));
  const regions = [...bySlug.values()].sort((a, b) => a.localeCompare(b, 'en'));
  const entry: CountryEntry = {
    iso3,
    name,
    admin1: regions.map((r) => ({ name: r, slug: slug(r), categories: [] })),
    categories: [],
    months: { from: '', to: '' },
    partialMonths: [],
  };
  for (const admin1 of [null, ...regions]) {
    for (const cat of CATEGORIES) {
      for (const measure of MEASURES) {
        // A region named by a monthly source under another spelling than the weekly one's is looked up under its own.
        const raw = rawSeries(indexes, iso3, admin1 === null ? null : monthlyName(indexes, iso3, admin1), cat, measure);
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
        if (admin1 !== null) {
          const region = entry.admin1.find((r) => r.slug === slug(admin1))!;
          if (!region.categories!.includes(cat.id)) region.categories!.push(cat.id);
          continue;
        }
        if (!entry.categories.includes(cat.id)) entry.categories.push(cat.id);
        const first = raw[0]!.month;
        const last = raw.at(-1)!.month;
        if (!entry.months.from || first < entry.months.from) entry.months.from = first;
        if (last > entry.months.to) entry.months.to = last;
        const own = (entry.categoryMonths ??= {})[cat.id];
        if (!own) entry.categoryMonths[cat.id] = { from: first, to: last };
        else if (last > own.to) own.to = last;
      }
    }
  }
  const partial = new Set(series.flatMap((s) => s.points.filter((p) => p.partial).map((p) => p.month)));
  entry.partialMonths = [...partial].sort();
  entry.weeks = weeks.countries.get(iso3)?.coverage ?? null;
  const days = daysDocs(ctx, entry, weeks.docs, dataset);
  const d = days.find((x) => x.days !== null)?.days;
  entry.days = d ? { from: d.from, through: d.through, source: d.source } : null;
  entry.freshness = freshness(entry, ctx.infos, (id) => indexes.some((s) => s.info.id === id && s.countries.has(iso3)));
  return { entry, series, days, weeks: weeks.docs };
}

/** The KV entries of one country's part (series, bundles, measure pairs, days, weeks), in key order. */
export function countryEntries(part: CountryPart, v: string): KvEntry[] {
  const { series, days, weeks } = part;
  return sortEntries([
    ...series.map((s) => ({
      key: keys.series(v, geoId(s.series.country.iso3, s.series.admin1?.slug ?? null), s.series.category.id, s.series.measure),
      value: JSON.stringify(s),
    })),
    ...bundles(series).map(([key, set]) => ({ key: keys.bundle(v, key.geo, key.measure), value: JSON.stringify(set) })),
    ...measureSets(series).map(([key, set]) => ({ key: keys.measures(v, key.geo, key.category), value: JSON.stringify(set) })),
    ...days.map((d) => ({ key: keys.days(v, d.series.country.iso3, d.series.category.id), value: JSON.stringify(d) })),
    ...weeks.map((w) => ({
      key: keys.weeks(v, geoId(w.info.country.iso3, w.info.admin1?.slug ?? null), w.info.category.id),
      value: JSON.stringify(w),
    })),
  ]);
}

/**
 * The documents of a part that the claims read: for each reading (headline or alternative), the
 * series of its place, category and measure, its country's days and its place's weeks of the
 * category (the lookups of model/claims.ts ask for nothing else).
 */
export function claimDocsOf(part: CountryPart, claims: readonly Claim[]): ClaimDocs {
  const readings = claims.flatMap((c) => [...c.readings, ...(c.alternatives ?? []).flatMap((a) => a.readings)]);
  const seriesKeys = new Set(readings.map((r) => `${r.country}|${r.admin1 ? slug(r.admin1) : ''}|${r.category}|${r.measure}`));
  const daysKeys = new Set(readings.map((r) => `${r.country}|${r.category}`));
  const weeksKeys = new Set(readings.map((r) => `${r.country}|${r.admin1 ? slug(r.admin1) : ''}|${r.category}`));
  return {
    series: part.series.filter((s) =>
      seriesKeys.has(`${s.series.country.iso3}|${s.series.admin1?.slug ?? ''}|${s.series.category.id}|${s.series.measure}`),
    ),
    days: part.days.filter((d) => daysKeys.has(`${d.series.country.iso3}|${d.series.category.id}`)),
    weeks: part.weeks.filter((w) => weeksKeys.has(`${w.info.country.iso3}|${w.info.admin1?.slug ?? ''}|${w.info.category.id}`)),
  };
}

/**
 * The version-wide part: the catalogue (from every country's entry, in COUNTRIES order) and the
 * evaluated claims (in English and French), read from `docs`. Documents are read as if carrying
 * `dataset`, as they do in the version being built.
 */
export function globalPart(
  ctx: BuildContext,
  countries: CountryEntry[],
  docs: ClaimDocs,
  dataset: DatasetRef,
): { catalogue: Catalogue; claims: ClaimsDoc; entries: KvEntry[] } {
  const v = dataset.version;
  const { indexes, infos, claims } = ctx;
  const catalogue: Catalogue = {
    dataset,
    countries,
    categories: CATEGORIES.map(({ id, label, definition, needs }) => ({ id, label, definition, needs })),
    measures: [...MEASURES],
    sources: indexes.map((s) => s.info),
    precedence: PRECEDENCE,
    disagreements: disagreements(indexes),
    crossChecks: infos.flatMap((s) => (s.crosschecks ?? []).map((c) => ({ source: s.id, ...c }))),
    thresholds: {
      lowBaseline: LOW_BASELINE,
      note: CATALOGUE_NOTES.en.lowBaseline(LOW_BASELINE),
    },
  };
  // The refresh from ACLED's API this version comes from, if any (data/refresh).
  const refreshed = infos.find((s) => s.refresh)?.refresh;
  if (refreshed) catalogue.lastRefresh = refreshed;
  const lookup = lookupIn(docs.series.map((s) => ({ ...s, dataset })));
  const [daysLookup, weeksLookup] = [
    daysLookupIn(docs.days.map((d) => ({ ...d, dataset }))),
    weeksLookupIn(docs.weeks.map((w) => ({ ...w, dataset }))),
  ];
  const claimsIn = (lang: Lang): ClaimsDoc => ({
    dataset,
    claims: claims.map((c) => evaluateClaim(c, placeOf, lookup, dataset, daysLookup, weeksLookup, lang)),
  });
  const claimsDoc = claimsIn('en');
  const entries: KvEntry[] = [
    { key: keys.catalogue(v), value: JSON.stringify(catalogue) },
    { key: keys.claims(v), value: JSON.stringify(claimsDoc) },
    { key: keys.claims(v, 'fr'), value: JSON.stringify(claimsIn('fr')) },
  ];
  return { catalogue, claims: claimsDoc, entries };
}

function sortEntries(entries: KvEntry[]): KvEntry[] {
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The name a monthly source gives a region (by slug), or the name as given. */
function monthlyName(indexes: SourceIndex[], iso3: string, admin1: string): string {
  for (const s of indexes) for (const r of s.admin1.get(iso3) ?? []) if (slug(r) === slug(admin1)) return r;
  return admin1;
}

/**
 * For each source giving the country, per unit, the first and last day covered and the
 * provisional stretch at the end (model/provisional.ts): event-level sources count by day (their
 * daily counts) and by month, tables and HDX files by month, the weekly source by week.
 */
function freshness(c: CountryEntry, infos: SourceInfo[], gives: (source: string) => boolean): Freshness[] {
  const out: Freshness[] = [];
  for (const s of infos) {
    const cov = s.countries?.[c.iso3] ?? (s.countries ? null : s.coverage);
    const unit = s.unit ?? (s.kind === 'event' ? 'day' : 'month');
    if (!cov || (unit !== 'week' && !gives(s.id))) continue;
    if (unit === 'week') {
      if (!c.weeks || c.weeks.source !== s.id) continue;
      out.push({
        unit,
        source: s.id,
        from: c.weeks.from,
        through: c.weeks.through,
        provisional: { from: c.weeks.provisionalFrom, through: c.weeks.through },
      });
      continue;
    }
    if (unit === 'day' && c.days && c.days.source === s.id)
      out.push({
        unit: 'day',
        source: s.id,
        from: c.days.from,
        through: c.days.through,
        provisional: { from: provisionalDay(c.days.through), through: c.days.through },
      });
    out.push({
      unit: 'month',
      source: s.id,
      from: cov.from,
      through: cov.through,
      provisional: { from: `${provisionalMonth(cov.through)}-01`, through: cov.through },
    });
  }
  return out;
}

/**
 * One entry per category of the country's series: its daily counts, dense over
 * the days the event-level source covers (about 2,000 numbers per measure), or, for a country
 * with no event-level source, why there are none. Where several event-level sources give a
 * country, the most recently retrieved one is used (as for whole months).
 */
function daysDocs(ctx: BuildContext, c: CountryEntry, weeks: WeeksDoc[], dataset: DatasetRef): DaysDoc[] {
  const { indexes, daily, available } = ctx;
  const weeksOfCountry = new Map(
    weeks.filter((w) => w.info.admin1 === null).map((w) => [`${w.info.country.iso3}|${w.info.category.id}`, w]),
  );
  const byRetrieved = (iso3: string) => withDays(indexes, daily, iso3);
  const pick = (iso3: string) => byRetrieved(iso3).at(-1) ?? null;
  const out: DaysDoc[] = [];
  const src = pick(c.iso3);
  // Every category with monthly or weekly counts: a window is answered from days or, outside them, from weeks.
  const ids = CATEGORIES.filter((x) => c.categories.includes(x.id) || c.weeks?.categories.includes(x.id)).map((x) => x.id);
  for (const id of ids) {
    const cat = CATEGORIES.find((x) => x.id === id)!;
    const series = { country: { iso3: c.iso3, name: c.name }, category: { id, label: cat.label, definition: cat.definition } };
    const w = weeksOfCountry.get(`${c.iso3}|${id}`);
    const wk = w
      ? {
          weeks: {
            source: w.source,
            from: w.from,
            through: w.through,
            provisionalFrom: w.provisionalFrom,
            events: w.events,
            fatalities: w.fatalities,
          },
        }
      : {};
    if (!src || !c.categories.includes(id)) {
      const why = src
        ? `${c.name}'s daily counts (${src.info.id}) do not give ${cat.label}; whole ACLED weeks are answered from its weekly counts.`
        : noDaysWhy(c.name, available);
      out.push({ dataset, series, days: null, why, ...wk });
      continue;
    }
    // The most recently retrieved source's days, and before them an older source's where they join on.
    const segs = segments(byRetrieved(c.iso3), cat);
    const from = segs[0]!.from;
    const { through } = src.info.daily!;
    const n = daysIn(from, through);
    const events = new Array<number>(n).fill(0);
    const fatalities = new Array<number>(n).fill(0);
    const start = dayNumber(from);
    for (const seg of segs)
      for (const r of daily.get(seg.source)!) {
        if (r.country !== c.iso3 || r.category !== id || r.date < seg.from || r.date > seg.through) continue;
        const i = dayNumber(r.date) - start;
        events[i]! += r.events;
        fatalities[i]! += r.fatalities;
      }
    out.push({
      dataset,
      series,
      days: { source: src.info.id, from, through, events, fatalities, ...(segs.length > 1 ? { sources: segs } : {}) },
      why: null,
      ...wk,
    });
  }
  return out;
}

/** The event-level sources with daily counts that give the country, oldest retrieved first. */
function withDays(indexes: readonly SourceIndex[], daily: ReadonlyMap<string, DailyRow[]>, iso3: string): SourceIndex[] {
  return indexes
    .filter((s) => s.info.daily && daily.has(s.info.id) && s.countries.has(iso3))
    .sort((a, b) => (a.info.retrieved < b.info.retrieved ? -1 : a.info.retrieved > b.info.retrieved ? 1 : 0));
}

/**
 * The days of a country's event-level sources (oldest retrieved first), newest first: all its days;
 * then an older source's days before them, where they join on without a gap (and the source
 * gives `cat`, when one is named), and so on. Oldest segment first.
 */
function segments(sources: readonly SourceIndex[], cat: Category | null): { source: string; from: string; through: string }[] {
  const newest = sources.at(-1)!;
  const out = [{ source: newest.info.id, from: newest.info.daily!.from, through: newest.info.daily!.through }];
  for (const s of sources.slice(0, -1).reverse()) {
    const first = out[0]!.from;
    const d = s.info.daily!;
    if ((cat && !s.gives(cat)) || d.from >= first || d.through < addDays(first, -1)) continue;
    out.unshift({ source: s.info.id, from: d.from, through: addDays(first, -1) });
  }
  return out;
}

function weeksLookupIn(weeks: WeeksDoc[]): WeeksLookup {
  const byKey = new Map(weeks.map((w) => [`${w.info.country.iso3}|${w.info.admin1?.slug ?? ''}|${w.info.category.id}`, w]));
  return (r) => byKey.get(`${r.country}|${r.admin1 ? slug(r.admin1) : ''}|${r.category}`) ?? null;
}

function daysLookupIn(days: DaysDoc[]): DaysLookup {
  const byKey = new Map(days.map((d) => [`${d.series.country.iso3}|${d.series.category.id}`, d]));
  return (r) => byKey.get(`${r.country}|${r.category}`) ?? null;
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

/**
 * Both measures of one geography and category in one entry (events first), so that a claim read
 * for events and fatalities costs one KV read.
 */
function measureSets(series: SeriesDoc[]): [{ geo: string; category: CategoryId }, SeriesSet][] {
  const out = new Map<string, [{ geo: string; category: CategoryId }, SeriesSet]>();
  for (const s of series) {
    const geo = geoId(s.series.country.iso3, s.series.admin1?.slug ?? null);
    const id = `${geo}|${s.series.category.id}`;
    if (!out.has(id))
      out.set(id, [
        { geo, category: s.series.category.id },
        { dataset: s.dataset, series: [] },
      ]);
    out.get(id)![1].series.push(s);
  }
  for (const [, set] of out.values()) set.series.sort((a, b) => MEASURES.indexOf(a.series.measure) - MEASURES.indexOf(b.series.measure));
  return [...out.values()];
}

function placeOf(r: Reading): Place {
  return { country: countryName(r.country as Iso3), admin1: r.admin1 };
}

function lookupIn(series: SeriesDoc[]): Lookup {
  const byKey = new Map(
    series.map((s) => [`${s.series.country.iso3}|${s.series.admin1?.slug ?? ''}|${s.series.category.id}|${s.series.measure}`, s]),
  );
  return (r) => byKey.get(`${r.country}|${r.admin1 ? slug(r.admin1) : ''}|${r.category}|${r.measure}`) ?? null;
}

/**
 * The version: the first 12 hex digits of the SHA-256 of the entries' manifest (each key, in key
 * order, with the SHA-256 of its value; see manifestOf). A manifest rather than the entries
 * themselves, so that parts built apart (one Workflow step per country) give the version of the
 * whole from their manifests alone.
 */
async function contentHash(entries: readonly KvEntry[]): Promise<string> {
  return versionOf(await manifestOf(entries));
}

/** Each entry's key with the SHA-256 (hex) of its value. */
export async function manifestOf(entries: readonly KvEntry[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const e of entries) out.push([e.key, await sha256(e.value)]);
  return out;
}

/** The version of the entries whose manifest (in any order) this is. */
export async function versionOf(manifest: readonly [string, string][]): Promise<string> {
  const text = [...manifest]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, h]) => `${k}\n${h}\n`)
    .join('');
  return (await sha256(text)).slice(0, 12);
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
