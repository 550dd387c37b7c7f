/**
 * What a dataset version was built from (DatasetInput: every source's report and aggregates, and
 * the claims) <-> one compact JSON text, stored beside the version (keys.base) so that a refresh
 * in the Worker can merge a new window into it and build the next version. Aggregates only, as
 * everywhere (ACLED's terms). Rows are written as arrays, not objects (a third of the size).
 * Pure.
 */
import type { Claim } from '../../model/claim.ts';
import type { Iso3 } from '../../model/geography.ts';
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

/** The stored text back; throws naming what is wrong when it is not a base this code wrote. */
export function decodeBase(text: string, key: string): DatasetInput {
  let doc: BaseDoc;
  try {
    doc = JSON.parse(text) as BaseDoc;
  } catch {
    throw new Error(`${key} is not JSON`);
  }
  if (doc?.format !== 1 || !Array.isArray(doc.sources) || !Array.isArray(doc.claims))
    throw new Error(`${key} is not a dataset base (format 1): publish again with npm run data:build && npm run data:publish`);
  return {
    claims: doc.claims,
    sources: doc.sources.map((s) => ({
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
            weekly: s.weekly.map(([country, admin1, week, category, events, fatalities]): WeeklyCell => ({
              country: country as Iso3,
              admin1,
              week,
              category: category as WeeklyCell['category'],
              events,
              fatalities,
            })),
          }
        : {}),
    })),
  };
}
