/**
 * ACLED aggregated weekly data (CSV or .xlsx, any region) -> weekly cells per country x admin1 x
 * week x category, for the configured countries, with a report that accounts for every row
 * (read = accepted + rejected + duplicates + filtered; see tally.ts).
 *
 * The product: one row per admin1 x week x event type x sub-event type with at least one event;
 * columns WEEK, REGION, COUNTRY, ADMIN1, EVENT_TYPE, SUB_EVENT_TYPE, EVENTS, FATALITIES,
 * POPULATION_EXPOSURE, DISORDER_TYPE, ID, CENTROID_LATITUDE, CENTROID_LONGITUDE. WEEK is the
 * Saturday that starts the week, written `14-March-2026` (ACLED's CSV), `2026-03-14`, or as an
 * Excel date (a date cell or its serial number, ACLED's .xlsx). Only the categories that event
 * type and sub-event type decide are counted (WEEKLY_CATEGORIES in model/disorder.ts).
 *
 * Streaming: rows of other countries are counted and dropped as they are read; only accepted
 * rows are kept, one entry per admin1 x week x event type x sub-event type (the five Sahel
 * countries: about 53,000), so memory does not grow with the size of the region's file.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { type EventType, isEventType } from '../../model/categories.ts';
import { isDay } from '../../model/day.ts';
import { type AggregateCategoryId, disorderAgrees, weeklyCategories } from '../../model/disorder.ts';
import { EVENT_TYPE_CATEGORIES } from '../../model/event-types.ts';
import { COUNTRIES, type Iso3, toIso3 } from '../../model/geography.ts';
import { MONTH_NAMES } from '../../model/month.ts';
import { isWeekStart, weekEnd, weekProblem } from '../../model/week.ts';
import { readCsvBatches } from './parse.ts';
import type { CsvRecord } from './record.ts';
import { count, type RowAccount, type SheetRejection, Tally, where } from './tally.ts';
import { excelSerialToDay, readXlsxRecords, type SheetRecord } from './xlsx.ts';

/** Columns a weekly file must have. */
export const WEEKLY_COLUMNS = ['WEEK', 'COUNTRY', 'ADMIN1', 'EVENT_TYPE', 'SUB_EVENT_TYPE', 'EVENTS', 'FATALITIES'] as const;
/** Read when present: each row's disorder type is checked against its event and sub-event type. */
export const WEEKLY_OPTIONAL_COLUMNS = ['DISORDER_TYPE'] as const;
const KEEP: readonly string[] = [...WEEKLY_COLUMNS, ...WEEKLY_OPTIONAL_COLUMNS];

export interface WeeklyCell {
  country: Iso3;
  admin1: string;
  /** The week's Saturday, `YYYY-MM-DD`. */
  week: string;
  category: AggregateCategoryId;
  events: number;
  fatalities: number;
}

export interface WeeklyCountry {
  /** First and last week with a row (week starts), and the Friday the data run through. */
  from: string;
  through: string;
  throughDay: string;
  /** Admin1 names as ACLED writes them, sorted. */
  admin1: string[];
  accepted: number;
}

export interface WeeklyReport {
  rows: RowAccount;
  rejections: SheetRejection[];
  duplicates: SheetRejection[];
  countries: Partial<Record<Iso3, WeeklyCountry>>;
  /** Events and fatalities accepted; the cells of the six event types add up to them (checked). */
  totals: { events: number; fatalities: number };
}

export interface WeeklyOptions {
  /** Countries to keep (ISO3); the rest are filtered out while reading. Default: the five. */
  countries?: readonly Iso3[];
}

export interface Weekly {
  /** Sorted by country, admin1, week, category; cells with events only (ACLED writes no empty rows). */
  cells: WeeklyCell[];
  report: WeeklyReport;
}

type WeekParse = { ok: true; week: string } | { ok: false; kind: string; reason: string };

const MONTH_NO = new Map(MONTH_NAMES.map((m, i) => [m.toLowerCase(), i + 1]));
const MONTH_NO_SHORT = new Map(MONTH_NAMES.map((m, i) => [m.slice(0, 3).toLowerCase(), i + 1]));

/**
 * A WEEK cell as a week start: `14-March-2026` (or `14-Mar-2026`, `14 March 2026`),
 * `2026-03-14` (a time of midnight may follow, as pandas writes), or an Excel date serial.
 * Rejected unless a real day and a Saturday.
 * @example parseWeekCell('14-March-2026') gives { ok: true, week: '2026-03-14' }
 */
export function parseWeekCell(text: string, date1904 = false): WeekParse {
  const t = text.trim();
  let day: string | null = null;
  let g: RegExpMatchArray | null;
  if ((g = t.match(/^(\d{1,2})[- ]([A-Za-z]+)[- ](\d{4})$/))) {
    const name = g[2]!.toLowerCase();
    const m = MONTH_NO.get(name) ?? MONTH_NO_SHORT.get(name);
    if (m !== undefined) day = `${g[3]}-${String(m).padStart(2, '0')}-${g[1]!.padStart(2, '0')}`;
  } else if ((g = t.match(/^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/))) day = g[1]!;
  else if (/^\d{1,7}(\.0+)?$/.test(t)) {
    day = excelSerialToDay(Number(t), date1904);
    if (day === null) return { ok: false, kind: 'bad week', reason: `bad week "${text}": not an Excel date serial of a day` };
  }
  if (day === null)
    return {
      ok: false,
      kind: 'bad week',
      reason: `bad week "${text}": write the Saturday that starts it, e.g. 14-March-2026 or 2026-03-14`,
    };
  if (!isDay(day)) return { ok: false, kind: 'bad week', reason: `bad week "${text}": not a calendar day` };
  if (!isWeekStart(day)) return { ok: false, kind: 'week not a Saturday', reason: `week "${text}": ${weekProblem(day)}` };
  return { ok: true, week: day };
}

interface Entry {
  country: Iso3;
  admin1: string;
  week: string;
  eventType: EventType;
  categories: AggregateCategoryId[];
  events: number;
  fatalities: number;
  at: SheetRejection;
}

/** Count the records of weekly files (one by one or in batches). Pure: records in, cells and report out. */
export async function deriveWeekly(
  records: AsyncIterable<CsvRecord | SheetRecord | readonly CsvRecord[]>,
  opts: WeeklyOptions = {},
): Promise<Weekly> {
  const wanted = new Set<Iso3>(opts.countries ?? COUNTRIES.map((c) => c.iso3));
  const tally = new Tally();
  // Country as written -> ISO3 when wanted, null when not: a few spellings per file, looked up once each.
  const countryOf = new Map<string, Iso3 | null>();
  const entries = new Map<string, Entry>();

  const one = (rec: CsvRecord | SheetRecord) => {
    tally.read++;
    if (rec.malformed) return tally.reject(rec, 'malformed row', `malformed row: ${rec.malformed}`);
    const f = rec.fields;
    const name = (f.COUNTRY ?? '').trim();
    if (name === '') return tally.reject(rec, 'missing country', 'missing country');
    let iso3 = countryOf.get(name);
    if (iso3 === undefined) {
      const c = toIso3(name);
      iso3 = c !== null && wanted.has(c) ? c : null;
      countryOf.set(name, iso3);
    }
    if (iso3 === null) return tally.filter(name);
    const w = parseWeekCell(f.WEEK ?? '', 'date1904' in rec && rec.date1904);
    if (!w.ok) return tally.reject(rec, w.kind, w.reason);
    const admin1 = (f.ADMIN1 ?? '').trim();
    if (admin1 === '') return tally.reject(rec, 'missing admin1', 'missing admin1');
    const eventType = (f.EVENT_TYPE ?? '').trim();
    if (!isEventType(eventType)) return tally.reject(rec, 'unknown event type', `unknown event type "${eventType}"`);
    const sub = (f.SUB_EVENT_TYPE ?? '').trim();
    const categories = weeklyCategories(eventType, sub);
    if (categories === null)
      return tally.reject(
        rec,
        'unknown riots sub-event type',
        `Riots with sub-event type "${sub}": neither Mob violence nor Violent demonstration`,
      );
    const disorder = (f.DISORDER_TYPE ?? '').trim();
    if (disorder !== '' && !disorderAgrees(disorder, eventType, sub))
      return tally.reject(rec, 'disorder type disagrees', `disorder type "${disorder}" does not fit ${eventType} / ${sub}`);
    const events = count(f.EVENTS);
    const fatalities = count(f.FATALITIES);
    if (events === null) return tally.reject(rec, 'bad events', `bad events "${f.EVENTS}"`);
    if (fatalities === null) return tally.reject(rec, 'bad fatalities', `bad fatalities "${f.FATALITIES}"`);
    if (events < 0) return tally.reject(rec, 'negative events', `negative events ${events}`);
    if (fatalities < 0) return tally.reject(rec, 'negative fatalities', `negative fatalities ${fatalities}`);
    const key = `${iso3}|${admin1}|${w.week}|${eventType}|${sub}`;
    const at = where(rec, '');
    const old = entries.get(key);
    if (old) tally.duplicate(old.at, at, `week x admin1 x event type x sub-event type (${admin1}, ${w.week}, ${eventType}, ${sub})`);
    entries.set(key, { country: iso3, admin1, week: w.week, eventType, categories, events, fatalities, at });
  };

  for await (const item of records) {
    if (Array.isArray(item)) for (const r of item as readonly CsvRecord[]) one(r);
    else one(item as CsvRecord);
  }

  const cells = new Map<string, WeeklyCell>();
  const countries: Partial<Record<Iso3, WeeklyCountry & { names: Set<string> }>> = {};
  let events = 0;
  let fatalities = 0;
  for (const e of entries.values()) {
    events += e.events;
    fatalities += e.fatalities;
    const c = (countries[e.country] ??= { from: e.week, through: e.week, throughDay: '', admin1: [], accepted: 0, names: new Set() });
    if (e.week < c.from) c.from = e.week;
    if (e.week > c.through) c.through = e.week;
    c.names.add(e.admin1);
    c.accepted++;
    for (const category of e.categories) {
      const k = `${e.country}|${e.admin1}|${e.week}|${category}`;
      const cell = cells.get(k);
      if (cell) {
        cell.events += e.events;
        cell.fatalities += e.fatalities;
      } else cells.set(k, { country: e.country, admin1: e.admin1, week: e.week, category, events: e.events, fatalities: e.fatalities });
    }
  }
  const out = [...cells.values()].sort(compareCells);
  reconcileWeekly(out, events, fatalities);
  const rows = tally.account();
  if (rows.accepted !== entries.size)
    throw new Error(`weekly: ${entries.size} rows counted but the account says ${rows.accepted} accepted`);
  const byCountry: Partial<Record<Iso3, WeeklyCountry>> = {};
  for (const iso3 of Object.keys(countries).sort() as Iso3[]) {
    const { names, ...c } = countries[iso3]!;
    byCountry[iso3] = { ...c, throughDay: weekEnd(c.through), admin1: [...names].sort((a, b) => a.localeCompare(b, 'en')) };
  }
  return {
    cells: out,
    report: { rows, rejections: tally.rejections, duplicates: tally.duplicateList, countries: byCountry, totals: { events, fatalities } },
  };
}

/** The six event-type categories partition the rows: their cells must add up to what was accepted. Throws otherwise. */
export function reconcileWeekly(cells: readonly WeeklyCell[], events: number, fatalities: number): void {
  let e = 0;
  let f = 0;
  for (const c of cells)
    if ((EVENT_TYPE_CATEGORIES as readonly string[]).includes(c.category)) {
      e += c.events;
      f += c.fatalities;
    }
  if (e !== events || f !== fatalities)
    throw new Error(
      `weekly cells hold ${e} events and ${f} fatalities over the six event types, but ${events} and ${fatalities} were accepted`,
    );
}

/** Country totals (admin1 '') per week and category: the sum over admin1 regions, ACLED's maritime areas included. */
export function countryWeekly(cells: readonly WeeklyCell[]): WeeklyCell[] {
  const out = new Map<string, WeeklyCell>();
  for (const c of cells) {
    const k = `${c.country}|${c.week}|${c.category}`;
    const t = out.get(k);
    if (t) {
      t.events += c.events;
      t.fatalities += c.fatalities;
    } else out.set(k, { ...c, admin1: '' });
  }
  return [...out.values()].sort(compareCells);
}

export function compareCells(a: WeeklyCell, b: WeeklyCell): number {
  return (
    a.country.localeCompare(b.country, 'en') ||
    a.admin1.localeCompare(b.admin1, 'en') ||
    (a.week < b.week ? -1 : a.week > b.week ? 1 : 0) ||
    a.category.localeCompare(b.category, 'en')
  );
}

/** The sheet spec for weekly .xlsx: every sheet with WEEK in its header is data; others (notes, terms) are passed over. */
function weeklySheet(_sheet: string, header: readonly string[]) {
  return header.includes('WEEK') ? { required: WEEKLY_COLUMNS, keep: KEEP } : null;
}

/** Is this file an .xlsx (a zip: its first bytes are "PK")? */
export async function isXlsx(file: string): Promise<boolean> {
  const fh = await open(file);
  try {
    const b = Buffer.alloc(4);
    await fh.read(b, 0, 4, 0);
    return b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;
  } finally {
    await fh.close();
  }
}

/** Records of one weekly file, CSV or .xlsx (told apart by content, not name). I/O edge. */
export async function* weeklyRecords(file: string, skippedSheets: string[] = []): AsyncGenerator<CsvRecord | SheetRecord | CsvRecord[]> {
  const name = path.basename(file);
  if (await isXlsx(file)) yield* readXlsxRecords(file, name, weeklySheet, skippedSheets);
  else yield* readCsvBatches(createReadStream(file, { highWaterMark: 1 << 20 }), name, () => ({ required: WEEKLY_COLUMNS, keep: KEEP }));
}

/** One input file of a weekly source: its format, rows read and sheets passed over. */
export interface WeeklyFile {
  file: string;
  format: 'csv' | 'xlsx';
  read: number;
  skippedSheets: string[];
}

/** Read and count weekly files (a later row of the same cell supersedes an earlier one). I/O edge. */
export async function readWeekly(files: readonly string[], opts: WeeklyOptions = {}): Promise<Weekly & { files: WeeklyFile[] }> {
  const info: WeeklyFile[] = [];
  const records = async function* () {
    for (const f of files) {
      const entry: WeeklyFile = { file: path.basename(f), format: (await isXlsx(f)) ? 'xlsx' : 'csv', read: 0, skippedSheets: [] };
      info.push(entry);
      for await (const item of weeklyRecords(f, entry.skippedSheets)) {
        entry.read += Array.isArray(item) ? item.length : 1;
        yield item;
      }
    }
  };
  return { ...(await deriveWeekly(records(), opts)), files: info };
}
