/**
 * What a dataset version was built from (DatasetInput: every source's report and aggregates, and
 * the claims), stored beside the version so that a refresh in the Worker can merge a new window
 * into it and build the next version: `keys.base` holds the reports, the claims and the monthly
 * and daily rows; the weekly source's cells, most of the base, are stored apart, one entry per
 * country (`keys.baseWeekly`), so that a Workflow step building one country reads only that
 * country's (data/refresh/steps.ts). Aggregates only, as everywhere (ACLED's terms). Rows are
 * written as arrays, not objects (a third of the size). Pure.
 */
import type { Claim } from '../../model/claim.ts';
import { COUNTRIES, type Iso3 } from '../../model/geography.ts';
import { keys } from '../../model/keys.ts';
import type { AggregateRow, DailyRow, SourceInfo } from '../../model/types.ts';
import type { DatasetInput, KvEntry } from '../build/dataset.ts';
import type { WeeklyCell } from '../derive/weekly.ts';
import { RefreshError } from './failure.ts';

type Row = [string, string, string, string, number, number];

interface BaseDoc {
  format: 2;
  /** `weekly`: the countries whose weekly cells are stored apart (keys.baseWeekly), for a weekly source. */
  sources: { info: SourceInfo; rows: Row[]; daily?: Row[]; weekly?: Iso3[] }[];
  claims: Claim[];
}

type Source = DatasetInput['sources'][number];

function encodeSource(s: Source): BaseDoc['sources'][number] {
  return {
    info: s.info,
    rows: s.rows.map((r) => [r.country, r.admin1, r.month, r.category, r.events, r.fatalities]),
    ...(s.daily ? { daily: s.daily.map((r): Row => [r.country, '', r.date, r.category, r.events, r.fatalities]) } : {}),
    ...(s.weekly ? { weekly: [...new Set(s.weekly.map((c) => c.country))] } : {}),
  };
}

/** The base's KV entries for `version`: the base itself, and one entry of weekly cells per country. */
export function baseEntries(version: string, input: DatasetInput): KvEntry[] {
  const weekly = input.sources.filter((s) => s.weekly);
  if (weekly.length > 1) throw new RefreshError('no-base', `one weekly source at most: ${weekly.map((s) => s.info.id).join(', ')}`);
  const doc: BaseDoc = { format: 2, sources: input.sources.map(encodeSource), claims: input.claims };
  const cells = new Map<Iso3, Row[]>();
  for (const c of weekly[0]?.weekly ?? []) {
    if (!cells.has(c.country)) cells.set(c.country, []);
    cells.get(c.country)!.push([c.country, c.admin1, c.week, c.category, c.events, c.fatalities]);
  }
  return [
    { key: keys.base(version), value: JSON.stringify(doc) },
    ...[...cells].map(([iso3, rows]) => ({ key: keys.baseWeekly(version, iso3), value: JSON.stringify(rows) })),
  ];
}

/**
 * Which weekly cells to read: all (the default), only one country's (a Workflow step building
 * that country), or none (a step that needs no weeks).
 */
export type WeeklyCells = 'all' | 'none' | Iso3;

/**
 * The base of `version` read back through `get` (the base itself, then the weekly entries asked
 * for: at most 1 + 5 reads); throws naming what is wrong or missing.
 */
export async function readBase(
  get: (key: string) => Promise<string | null>,
  version: string,
  weekly: WeeklyCells = 'all',
  /** The base text, when it was read already (or is staged under another key). */
  text: string | null = null,
): Promise<DatasetInput> {
  const key = keys.base(version);
  const t = text ?? (await get(key));
  if (t === null)
    throw new RefreshError('no-base', `${key} is missing: publish the version again (npm run data:build && npm run data:publish)`);
  const doc = parseBase(t, key);
  const sources: Source[] = [];
  for (const s of doc.sources) {
    const src = decodeSource(s);
    if (s.weekly) {
      src.weekly = [];
      for (const iso3 of s.weekly.filter((c) => weekly === 'all' || c === weekly)) {
        const k = keys.baseWeekly(version, iso3);
        const part = await get(k);
        if (part === null)
          throw new RefreshError('no-base', `${k} is missing: publish the version again (npm run data:build && npm run data:publish)`);
        for (const [country, admin1, week, category, events, fatalities] of JSON.parse(part) as Row[])
          src.weekly.push({ country: country as Iso3, admin1, week, category: category as WeeklyCell['category'], events, fatalities });
      }
    }
    sources.push(src);
  }
  return { claims: doc.claims, sources };
}

/** The base text with the source of `source.info.id` replaced (or added last): a source without weekly cells. */
export function withSource(text: string, key: string, source: Source): string {
  if (source.weekly) throw new RefreshError('no-base', `${source.info.id}: a refreshed source has no weekly cells`);
  const doc = parseBase(text, key);
  const i = doc.sources.findIndex((s) => s.info.id === source.info.id);
  if (i < 0) doc.sources.push(encodeSource(source));
  else doc.sources[i] = encodeSource(source);
  return JSON.stringify(doc);
}

/**
 * What a base text says of its sources, without their rows: reports, the countries given rows or
 * weekly cells, and those whose weekly cells are stored apart.
 */
export function baseSummary(text: string, key: string): { infos: SourceInfo[]; countries: Iso3[]; weekly: Iso3[] } {
  const doc = parseBase(text, key);
  const present = new Set<string>();
  for (const s of doc.sources) {
    for (const r of s.rows) present.add(r[0]);
    for (const c of s.weekly ?? []) present.add(c);
  }
  return {
    infos: doc.sources.map((s) => s.info),
    countries: COUNTRIES.map((c) => c.iso3).filter((c) => present.has(c)),
    weekly: doc.sources.flatMap((s) => s.weekly ?? []),
  };
}

/** One source of a base text, decoded (a source without weekly cells); null when the base has none with this id. */
export function baseSource(text: string, key: string, id: string): Source | null {
  const s = parseBase(text, key).sources.find((x) => x.info.id === id);
  return s ? decodeSource(s) : null;
}

function parseBase(text: string, key: string): BaseDoc {
  let doc: BaseDoc;
  try {
    doc = JSON.parse(text) as BaseDoc;
  } catch {
    throw new RefreshError('no-base', `${key} is not JSON`);
  }
  if (doc?.format !== 2 || !Array.isArray(doc.sources) || !Array.isArray(doc.claims))
    throw new RefreshError(
      'no-base',
      `${key} is not a dataset base (format 2): publish again with npm run data:build && npm run data:publish`,
    );
  return doc;
}

function decodeSource(s: BaseDoc['sources'][number]): Source {
  return {
    info: s.info,
    rows: s.rows.map(([country, admin1, month, category, events, fatalities]): AggregateRow => ({
      country,
      admin1,
      month,
      category: category as AggregateRow['category'],
      events,
      fatalities,
    })),
    ...(s.daily
      ? {
          daily: s.daily.map(([country, , date, category, events, fatalities]): DailyRow => ({
            country,
            date,
            category: category as DailyRow['category'],
            events,
            fatalities,
          })),
        }
      : {}),
  };
}
