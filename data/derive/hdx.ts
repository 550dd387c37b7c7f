/**
 * HDX sub-national monthly files from ACLED (.xlsx with a "TOU" terms sheet and a data sheet,
 * or CSV) -> monthly cells per country x admin1 (admin2 summed) and per country, for one
 * category, with a report that accounts for every row (read = accepted + rejected + duplicates
 * + filtered; see tally.ts).
 *
 * Columns: Country, Admin1, Admin2, ISO3, Admin2 Pcode, Admin1 Pcode, Month (`January`), Year,
 * Events, Fatalities (demonstration files have no Fatalities). One row per admin2 x calendar
 * month, zeros written out, so a zero cell is a real zero and is kept. The indicator is not in
 * the columns but in HDX's file name (HDX_INDICATORS), or given explicitly; a file whose
 * indicator cannot be known is refused.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { isDay } from '../../model/day.ts';
import type { AggregateCategoryId } from '../../model/disorder.ts';
import type { Iso3 } from '../../model/geography.ts';
import { MONTH_NAMES } from '../../model/month.ts';
import { readCsvBatches } from './parse.ts';
import type { CsvRecord } from './record.ts';
import { count, countryMatcher, type RowAccount, type SheetRejection, Tally, where } from './tally.ts';
import { isXlsx } from './weekly.ts';
import { readXlsxRecords, type SheetRecord } from './xlsx.ts';

export type HdxIndicator = 'political_violence' | 'civilian_targeting' | 'demonstrations';

/**
 * HDX's indicators: the file-name pattern, the project category it gives exactly, and whether it
 * has fatalities. Political violence files count ACLED's disorder type "Political violence"
 * (checked against the weekly file: model/disorder.ts). Demonstration files count ACLED's
 * disorder type "Demonstrations", which leaves out mob violence, so they give
 * demonstrations_acled, not the project's demonstrations (Protests + all Riots). Civilian
 * targeting files count events with ACLED's civilian-targeting flag: civilian_targeting.
 */
export const HDX_INDICATORS: readonly {
  id: HdxIndicator;
  pattern: RegExp;
  category: AggregateCategoryId | 'civilian_targeting';
  fatalities: boolean;
}[] = [
  {
    id: 'political_violence',
    pattern: /_political_violence_events_and_fatalities_/i,
    category: 'political_violence_acled',
    fatalities: true,
  },
  { id: 'civilian_targeting', pattern: /_civilian_targeting_events_and_fatalities_/i, category: 'civilian_targeting', fatalities: true },
  { id: 'demonstrations', pattern: /_demonstration_events_/i, category: 'demonstrations_acled', fatalities: false },
];

export type HdxCategoryId = (typeof HDX_INDICATORS)[number]['category'];

/** A file whose indicator cannot be known (or is contradicted): refused, with the reason. */
export class IndicatorError extends Error {}

/**
 * The indicator of an HDX file: from its name, or `given` (which must not contradict the name).
 * Throws IndicatorError saying how to name it.
 * @example indicatorOf('mali_hrp_political_violence_events_and_fatalities_by_month-year_as-of-22apr2026.xlsx') === 'political_violence'
 */
export function indicatorOf(file: string, given?: string | null): HdxIndicator {
  const name = path.basename(file);
  const fromName = HDX_INDICATORS.filter((i) => i.pattern.test(name));
  const ids = HDX_INDICATORS.map((i) => i.id).join(', ');
  if (given !== undefined && given !== null) {
    const g = HDX_INDICATORS.find((i) => i.id === given);
    if (!g) throw new IndicatorError(`${name}: unknown indicator "${given}": give one of ${ids}`);
    if (fromName.length > 0 && !fromName.some((i) => i.id === g.id))
      throw new IndicatorError(`${name}: its name says ${fromName.map((i) => i.id).join(' or ')}, but the indicator given is ${g.id}`);
    return g.id;
  }
  if (fromName.length === 1) return fromName[0]!.id;
  throw new IndicatorError(
    fromName.length > 1
      ? `${name}: its name matches several HDX indicators (${fromName.map((i) => i.id).join(', ')}); give the indicator (${ids})`
      : `${name}: cannot tell which indicator this HDX file counts: its name has none of HDX's patterns ` +
          `(_political_violence_events_and_fatalities_, _civilian_targeting_events_and_fatalities_, _demonstration_events_); ` +
          `give the indicator (${ids})`,
  );
}

/**
 * The as-of date in an HDX file name (`..._as-of-22apr2026.xlsx`), `YYYY-MM-DD`, or null.
 * @example asOfOf('mali_hrp_..._as-of-22apr2026.xlsx') === '2026-04-22'
 */
export function asOfOf(file: string): string | null {
  const g = path.basename(file).match(/as-of-(\d{1,2})([a-z]{3})(\d{4})/i);
  if (!g) return null;
  const m = MONTH_NAMES.findIndex((n) => n.slice(0, 3).toLowerCase() === g[2]!.toLowerCase());
  const day = `${g[3]}-${String(m + 1).padStart(2, '0')}-${g[1]!.padStart(2, '0')}`;
  return m >= 0 && isDay(day) ? day : null;
}

export const HDX_COLUMNS = ['Country', 'Admin1', 'Admin2', 'Month', 'Year', 'Events'] as const;
export const HDX_OPTIONAL_COLUMNS = ['ISO3', 'Admin1 Pcode', 'Admin2 Pcode'] as const;

export interface MonthlyCell {
  country: Iso3;
  /** '' for country totals. */
  admin1: string;
  month: string;
  category: HdxCategoryId;
  events: number;
  /** null where the indicator has no fatalities (demonstration files). */
  fatalities: number | null;
}

export interface HdxCountry {
  from: string;
  through: string;
  admin1: string[];
  /** Distinct admin2 areas (name and pcode). */
  admin2: number;
  accepted: number;
}

export interface HdxReport {
  indicator: HdxIndicator;
  category: HdxCategoryId;
  /** From the file name; the month holding it is partial. */
  asOf: string | null;
  partialMonth: string | null;
  rows: RowAccount;
  rejections: SheetRejection[];
  duplicates: SheetRejection[];
  countries: Partial<Record<Iso3, HdxCountry>>;
  totals: { events: number; fatalities: number | null };
}

export interface Hdx {
  /** Per country x admin1 x month (admin2 summed), sorted; zero cells kept. */
  cells: MonthlyCell[];
  /** Per country x month (admin1 ''). */
  totals: MonthlyCell[];
  report: HdxReport;
}

export interface HdxOptions {
  countries?: readonly Iso3[];
  /** Explicit indicator (`--indicator`); otherwise from the file name. */
  indicator?: HdxIndicator | null;
  /** Stated as-of date; otherwise from the file name. */
  asOf?: string | null;
}

const MONTH_NO = new Map(MONTH_NAMES.map((m, i) => [m.toLowerCase(), i + 1]));

/** Count the records of HDX files of one indicator. Pure. */
export async function deriveHdx(
  records: AsyncIterable<CsvRecord | SheetRecord | readonly CsvRecord[]>,
  indicator: HdxIndicator,
  opts: Omit<HdxOptions, 'indicator'> = {},
): Promise<Hdx> {
  const ind = HDX_INDICATORS.find((i) => i.id === indicator)!;
  const tally = new Tally();
  const countryOf = countryMatcher(opts.countries);
  const entries = new Map<
    string,
    { country: Iso3; admin1: string; admin2: string; month: string; events: number; fatalities: number; at: SheetRejection }
  >();

  const one = (rec: CsvRecord | SheetRecord) => {
    tally.read++;
    if (rec.malformed) return tally.reject(rec, 'malformed row', `malformed row: ${rec.malformed}`);
    const f = rec.fields;
    const name = (f.Country ?? '').trim();
    if (name === '') return tally.reject(rec, 'missing country', 'missing country');
    const iso3 = countryOf(name);
    if (iso3 === null) return tally.filter(name);
    const code = (f.ISO3 ?? '').trim();
    if (code !== '' && code.toUpperCase() !== iso3)
      return tally.reject(rec, 'country and ISO3 disagree', `country "${name}" but ISO3 "${code}"`);
    const admin1 = (f.Admin1 ?? '').trim();
    if (admin1 === '') return tally.reject(rec, 'missing admin1', 'missing admin1');
    const admin2 = `${(f.Admin2 ?? '').trim()}|${(f['Admin2 Pcode'] ?? '').trim()}`;
    const m =
      MONTH_NO.get((f.Month ?? '').trim().toLowerCase()) ??
      (/^(0?[1-9]|1[0-2])$/.test((f.Month ?? '').trim()) ? Number(f.Month) : undefined);
    if (m === undefined) return tally.reject(rec, 'bad month', `bad month "${f.Month}": write the month's name, e.g. January`);
    const year = count(f.Year);
    if (year === null || year < 1900 || year > 9999) return tally.reject(rec, 'bad year', `bad year "${f.Year}"`);
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const events = count(f.Events);
    if (events === null) return tally.reject(rec, 'bad events', `bad events "${f.Events}"`);
    if (events < 0) return tally.reject(rec, 'negative events', `negative events ${events}`);
    let fatalities = 0;
    if (ind.fatalities) {
      const n = count(f.Fatalities);
      if (n === null) return tally.reject(rec, 'bad fatalities', `bad fatalities "${f.Fatalities}"`);
      if (n < 0) return tally.reject(rec, 'negative fatalities', `negative fatalities ${n}`);
      fatalities = n;
    }
    const key = `${iso3}|${admin1}|${admin2}|${month}`;
    const at = where(rec, '');
    const old = entries.get(key);
    if (old) tally.duplicate(old.at, at, `admin2 x month (${admin1}, ${admin2.replace(/\|(.+)$/, ' ($1)').replace(/\|$/, '')}, ${month})`);
    entries.set(key, { country: iso3, admin1, admin2, month, events, fatalities, at });
  };

  for await (const item of records) {
    if (Array.isArray(item)) for (const r of item as readonly CsvRecord[]) one(r);
    else one(item as CsvRecord);
  }

  const cells = new Map<string, MonthlyCell>();
  const totals = new Map<string, MonthlyCell>();
  const countries: Partial<Record<Iso3, Omit<HdxCountry, 'admin1' | 'admin2'> & { a1: Set<string>; a2: Set<string> }>> = {};
  let events = 0;
  let fatalities = 0;
  const add = (map: Map<string, MonthlyCell>, country: Iso3, admin1: string, month: string, e: number, fat: number) => {
    const k = `${country}|${admin1}|${month}`;
    const c = map.get(k);
    if (c) {
      c.events += e;
      if (c.fatalities !== null) c.fatalities += fat;
    } else map.set(k, { country, admin1, month, category: ind.category, events: e, fatalities: ind.fatalities ? fat : null });
  };
  for (const e of entries.values()) {
    events += e.events;
    fatalities += e.fatalities;
    add(cells, e.country, e.admin1, e.month, e.events, e.fatalities);
    add(totals, e.country, '', e.month, e.events, e.fatalities);
    const c = (countries[e.country] ??= { from: e.month, through: e.month, accepted: 0, a1: new Set(), a2: new Set() });
    if (e.month < c.from) c.from = e.month;
    if (e.month > c.through) c.through = e.month;
    c.a1.add(e.admin1);
    c.a2.add(`${e.admin1}|${e.admin2}`);
    c.accepted++;
  }
  const rows = tally.account();
  if (rows.accepted !== entries.size) throw new Error(`hdx: ${entries.size} rows counted but the account says ${rows.accepted} accepted`);
  const sumOf = (cs: Iterable<MonthlyCell>) => [...cs].reduce((a, c) => [a[0]! + c.events, a[1]! + (c.fatalities ?? 0)], [0, 0]);
  for (const [what, s] of [
    ['admin1 cells', sumOf(cells.values())],
    ['country totals', sumOf(totals.values())],
  ] as const)
    if (s[0] !== events || s[1] !== fatalities)
      throw new Error(`hdx: ${what} hold ${s[0]} events and ${s[1]} fatalities, but ${events} and ${fatalities} were accepted`);
  const byCountry: Partial<Record<Iso3, HdxCountry>> = {};
  for (const iso3 of Object.keys(countries).sort() as Iso3[]) {
    const { a1, a2, ...c } = countries[iso3]!;
    byCountry[iso3] = { ...c, admin1: [...a1].sort((a, b) => a.localeCompare(b, 'en')), admin2: a2.size };
  }
  const asOf = opts.asOf ?? null;
  const lastMonth = Object.values(byCountry).reduce<string | null>((a, c) => (a === null || c.through > a ? c.through : a), null);
  const sort = (m: Map<string, MonthlyCell>) =>
    [...m.values()].sort(
      (a, b) => a.country.localeCompare(b.country) || a.admin1.localeCompare(b.admin1, 'en') || (a.month < b.month ? -1 : 1),
    );
  return {
    cells: sort(cells),
    totals: sort(totals),
    report: {
      indicator,
      category: ind.category,
      asOf,
      partialMonth: asOf !== null && lastMonth !== null && asOf.slice(0, 7) <= lastMonth ? asOf.slice(0, 7) : null,
      rows,
      rejections: tally.rejections,
      duplicates: tally.duplicateList,
      countries: byCountry,
      totals: { events, fatalities: ind.fatalities ? fatalities : null },
    },
  };
}

/** The .xlsx sheet spec: "TOU" (ACLED's terms of use) is passed over; any other sheet must be data. */
function hdxSheet(required: readonly string[]) {
  return (sheet: string) => (sheet.trim().toUpperCase() === 'TOU' ? null : { required, keep: [...required, ...HDX_OPTIONAL_COLUMNS] });
}

/** Read and count one HDX file (.xlsx or CSV, told apart by content). I/O edge. */
export async function readHdx(file: string, opts: HdxOptions = {}): Promise<Hdx & { skippedSheets: string[] }> {
  const indicator = indicatorOf(file, opts.indicator);
  const ind = HDX_INDICATORS.find((i) => i.id === indicator)!;
  const required = ind.fatalities ? [...HDX_COLUMNS, 'Fatalities'] : [...HDX_COLUMNS];
  const name = path.basename(file);
  const skippedSheets: string[] = [];
  const records = (await isXlsx(file))
    ? readXlsxRecords(file, name, hdxSheet(required), skippedSheets)
    : readCsvBatches(createReadStream(file), name, () => ({ required, keep: [...required, ...HDX_OPTIONAL_COLUMNS] }));
  const { indicator: _, ...rest } = opts;
  const hdx = await deriveHdx(records, indicator, { ...rest, asOf: opts.asOf ?? asOfOf(file) });
  return { ...hdx, skippedSheets };
}
