/**
 * What a dataset version was built from (DatasetInput: every source's report and aggregates, and
 * the claims) <-> one compact JSON text, stored beside the version (keys.base) so that a refresh
 * in the Worker can merge a new window into it and build the next version. Aggregates only, as
 * everywhere (ACLED's terms). Rows are written as arrays, not objects (a third of the size).
 * Pure.
 */
import type { Claim } from '../../model/claim.ts';
import { COUNTRIES, type Iso3 } from '../../model/geography.ts';
import type { AggregateRow, DailyRow, SourceInfo } from '../../model/types.ts';
import type { DatasetInput } from '../build/dataset.ts';
import type { WeeklyCell } from '../derive/weekly.ts';

type Row = [string, string, string, string, number, number];

interface BaseDoc {
  format: 1;
  sources: { info: SourceInfo; rows: Row[]; daily?: Row[]; weekly?: Row[] }[];
  claims: Claim[];
}

export function encodeBase(input: DatasetInput): string {
  const doc: BaseDoc = {
    format: 1,
    sources: input.sources.map((s) => ({
      info: s.info,
      rows: s.rows.map((r) => [r.country, r.admin1, r.month, r.category, r.events, r.fatalities]),
      ...(s.daily ? { daily: s.daily.map((r): Row => [r.country, '', r.date, r.category, r.events, r.fatalities]) } : {}),
      ...(s.weekly ? { weekly: s.weekly.map((r): Row => [r.country, r.admin1, r.week, r.category, r.events, r.fatalities]) } : {}),
    })),
    claims: input.claims,
  };
  return JSON.stringify(doc);
}

/**
 * Which weekly cells to decode: all (the default), only one country's (a Workflow step building
 * that country: the weekly cells are most of the base), or none (a step that needs no weeks).
 */
export type WeeklyCells = 'all' | 'none' | Iso3;

/** The stored text back; throws naming what is wrong when it is not a base this code wrote. */
export function decodeBase(text: string, key: string, weekly: WeeklyCells = 'all'): DatasetInput {
  const doc = parseBase(text, key);
  return { claims: doc.claims, sources: doc.sources.map((s) => decodeSource(s, weekly)) };
}

/** The base with the source of `source.info.id` replaced (or added last); the other sources' rows are copied as stored. */
export function withSource(text: string, key: string, source: DatasetInput['sources'][number]): string {
  const doc = parseBase(text, key);
  const [encoded] = (JSON.parse(encodeBase({ sources: [source], claims: [] })) as BaseDoc).sources;
  const i = doc.sources.findIndex((s) => s.info.id === source.info.id);
  if (i < 0) doc.sources.push(encoded!);
  else doc.sources[i] = encoded!;
  return JSON.stringify(doc);
}

/** What a base says of its sources, without their rows: reports, and the countries each gives rows or cells for. */
export function baseSummary(text: string, key: string): { infos: SourceInfo[]; countries: Iso3[] } {
  const doc = parseBase(text, key);
  const present = new Set<string>();
  for (const s of doc.sources) for (const r of [...s.rows, ...(s.weekly ?? [])]) present.add(r[0]);
  return { infos: doc.sources.map((s) => s.info), countries: COUNTRIES.map((c) => c.iso3).filter((c) => present.has(c)) };
}

/** One source of a base, decoded; null when the base has none with this id. */
export function baseSource(text: string, key: string, id: string): DatasetInput['sources'][number] | null {
  const s = parseBase(text, key).sources.find((x) => x.info.id === id);
  return s ? decodeSource(s, 'all') : null;
}

function parseBase(text: string, key: string): BaseDoc {
  let doc: BaseDoc;
  try {
    doc = JSON.parse(text) as BaseDoc;
  } catch {
    throw new Error(`${key} is not JSON`);
  }
  if (doc?.format !== 1 || !Array.isArray(doc.sources) || !Array.isArray(doc.claims))
    throw new Error(`${key} is not a dataset base (format 1): publish again with npm run data:build && npm run data:publish`);
  return doc;
}

function decodeSource(s: BaseDoc['sources'][number], weekly: WeeklyCells): DatasetInput['sources'][number] {
  const keep = (country: string) => weekly === 'all' || country === weekly;
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
    ...(s.weekly
      ? {
          weekly: s.weekly
            .filter((r) => keep(r[0]))
            .map(([country, admin1, week, category, events, fatalities]): WeeklyCell => ({
              country: country as Iso3,
              admin1,
              week,
              category: category as WeeklyCell['category'],
              events,
              fatalities,
            })),
        }
      : {}),
  };
}
