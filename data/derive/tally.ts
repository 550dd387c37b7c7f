/**
 * The nothing-lost account of one aggregated source (weekly or HDX), as the event pipeline
 * keeps it (data/derive/aggregate.ts): every row read is accepted, rejected with a reason,
 * superseded by a later duplicate, or filtered out as another country's:
 * read = accepted + rejected + duplicates + filtered. Rejections and duplicates name file,
 * sheet (for .xlsx) and row. Pure.
 */

import { COUNTRIES, type Iso3, toIso3 } from '../../model/geography.ts';
import type { Rejection } from '../../model/types.ts';
import type { CsvRecord } from './record.ts';
import { LISTED_REJECTIONS } from './report.ts';

/** A rejection or superseded duplicate, with the sheet for .xlsx inputs (`line` is then the row number). */
export interface SheetRejection extends Rejection {
  sheet?: string;
}

export interface RowAccount {
  read: number;
  accepted: number;
  rejected: number;
  /** Rejections counted by kind ("bad week", "unknown event type", ...). */
  byReason: Record<string, number>;
  /** Rows superseded by a later row of the same cell (the later one counts). */
  duplicates: number;
  /** Rows of countries not asked for: neither accepted nor rejected. */
  filtered: number;
  /** Filtered rows by the country as written. */
  filteredByCountry: Record<string, number>;
}

/** Where a record came from, as a rejection entry. */
export function where(rec: CsvRecord & { sheet?: string }, reason: string): SheetRejection {
  return {
    ...(rec.file ? { file: rec.file } : {}),
    ...(rec.sheet ? { sheet: rec.sheet } : {}),
    line: rec.line,
    reason,
  };
}

/** "file, sheet Data, row 12" / "file line 12": a record's place in words. */
export function place(r: SheetRejection): string {
  return r.sheet ? `${r.file ?? ''} sheet "${r.sheet}" row ${r.line}` : `${r.file ?? ''} line ${r.line}`;
}

export class Tally {
  read = 0;
  duplicates = 0;
  filtered = 0;
  readonly byReason: Record<string, number> = {};
  readonly filteredByCountry: Record<string, number> = {};
  readonly rejections: SheetRejection[] = [];
  readonly duplicateList: SheetRejection[] = [];

  reject(rec: CsvRecord & { sheet?: string }, kind: string, reason: string): void {
    this.byReason[kind] = (this.byReason[kind] ?? 0) + 1;
    if (this.rejections.length < LISTED_REJECTIONS) this.rejections.push(where(rec, reason));
  }

  filter(country: string): void {
    this.filtered++;
    this.filteredByCountry[country] = (this.filteredByCountry[country] ?? 0) + 1;
  }

  /** A row superseded by `winner`, a later row of the same cell. */
  duplicate(loser: SheetRejection, winner: SheetRejection, cell: string): void {
    this.duplicates++;
    if (this.duplicateList.length < LISTED_REJECTIONS)
      this.duplicateList.push({ ...loser, reason: `duplicate ${cell}: superseded by ${place(winner).trim()} (later in input)` });
  }

  account(): RowAccount {
    const rejected = Object.values(this.byReason).reduce((a, b) => a + b, 0);
    return {
      read: this.read,
      accepted: this.read - rejected - this.duplicates - this.filtered,
      rejected,
      byReason: sorted(this.byReason),
      duplicates: this.duplicates,
      filtered: this.filtered,
      filteredByCountry: sorted(this.filteredByCountry),
    };
  }
}

/** A whole number of events or fatalities written in decimal (a spreadsheet's `12.0` too); null otherwise. */
export function count(s: string | undefined): number | null {
  const t = (s ?? '').trim();
  if (!/^-?\d+(\.0+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

function sorted<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** Spellings remembered: ACLED files have a few dozen (every African country in the Africa-wide file). */
const SPELLINGS = 1000;

/**
 * Country as written -> its ISO3 when it is one of `countries` (all five by default), null when
 * not: a file has a few spellings, each looked up once (at most SPELLINGS kept, so a hostile file
 * of distinct names costs time, not memory).
 */
export function countryMatcher(countries?: readonly Iso3[]): (name: string) => Iso3 | null {
  const wanted = new Set<Iso3>(countries ?? COUNTRIES.map((c) => c.iso3));
  const seen = new Map<string, Iso3 | null>();
  return (name) => {
    let iso3 = seen.get(name);
    if (iso3 === undefined) {
      const c = toIso3(name);
      iso3 = c !== null && wanted.has(c) ? c : null;
      if (seen.size < SPELLINGS) seen.set(name, iso3);
    }
    return iso3;
  };
}
