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
import { type AggregateCategoryId, disorderAgrees, WEEKLY_CATEGORIES, weeklyCategories } from '../../model/disorder.ts';
import { EVENT_TYPE_CATEGORIES } from '../../model/event-types.ts';
import type { Iso3 } from '../../model/geography.ts';
import { MONTH_NAMES } from '../../model/month.ts';
import { isWeekStart, weekEnd, weekProblem } from '../../model/week.ts';
import { readCsvBatches } from './parse.ts';
import type { CsvRecord } from './record.ts';
import { count, countryMatcher, type RowAccount, type SheetRejection, Tally, where } from './tally.ts';
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

/** Distinct values remembered per file (weeks: some 1,500 since 1997; event/sub-event/disorder combinations: a few dozen). */
const CACHE_LIMIT = 100_000;

/** Sorting 100,000 cells compares names hundreds of thousands of times: one collator, not localeCompare each time (same order). */
const COLLATOR = new Intl.Collator('en');

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
  const tally = new Tally();
  const countryOf = countryMatcher(opts.countries);
  const entries = new Map<string, Entry>();
  // A file has a few thousand distinct weeks and a few dozen (event type, sub-event type, disorder
  // type) combinations: each is worked out once (CACHE_LIMIT bounds a hostile file's distinct values).
  const weeks = new Map<string, WeekParse>();
  const placings = new Map<string, AggregateCategoryId[] | null>();
  const agreements = new Map<string, boolean>();
  const weekOf = (text: string, date1904: boolean) => {
    const k = date1904 ? `${text}|1904` : text;
    let v = weeks.get(k);
    if (v === undefined) {
      v = parseWeekCell(text, date1904);
      if (weeks.size < CACHE_LIMIT) weeks.set(k, v);
    }
    return v;
  };
  const placeOf = (eventType: EventType, sub: string) => {
    const k = `${eventType}|${sub}`;
    let v = placings.get(k);
    if (v === undefined) {
      v = weeklyCategories(eventType, sub);
      if (placings.size < CACHE_LIMIT) placings.set(k, v);
    }
    return v;
  };
  const agrees = (disorder: string, eventType: EventType, sub: string) => {
    const k = `${disorder}|${eventType}|${sub}`;
    let v = agreements.get(k);
    if (v === undefined) {
      v = disorderAgrees(disorder, eventType, sub);
      if (agreements.size < CACHE_LIMIT) agreements.set(k, v);
    }
    return v;
  };

  const one = (rec: CsvRecord | SheetRecord) => {
    tally.read++;
    // Passed over by the reader (weeklyRecords' row filter): another country's row, fields unread.
    if (rec.filtered !== undefined) return tally.filter(rec.filtered.trim());
    if (rec.malformed) return tally.reject(rec, 'malformed row', `malformed row: ${rec.malformed}`);
    const f = rec.fields;
    const name = (f.COUNTRY ?? '').trim();
    if (name === '') return tally.reject(rec, 'missing country', 'missing country');
    const iso3 = countryOf(name);
    if (iso3 === null) return tally.filter(name);
    const w = weekOf(f.WEEK ?? '', 'date1904' in rec && rec.date1904);
    if (!w.ok) return tally.reject(rec, w.kind, w.reason);
    const admin1 = (f.ADMIN1 ?? '').trim();
    if (admin1 === '') return tally.reject(rec, 'missing admin1', 'missing admin1');
    const eventType = (f.EVENT_TYPE ?? '').trim();
    if (!isEventType(eventType)) return tally.reject(rec, 'unknown event type', `unknown event type "${eventType}"`);
    const sub = (f.SUB_EVENT_TYPE ?? '').trim();
    const categories = placeOf(eventType, sub);
    if (categories === null)
      return tally.reject(
        rec,
        'unknown riots sub-event type',
        `Riots with sub-event type "${sub}": neither Mob violence nor Violent demonstration`,
      );
    const disorder = (f.DISORDER_TYPE ?? '').trim();
    if (disorder !== '' && !agrees(disorder, eventType, sub))
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

  // Counted per place and week (one key per row, not per category), a pair of counts per category.
  const places = new Map<string, { country: Iso3; admin1: string; week: string; counts: number[]; rows: number }>();
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
    const k = `${e.country}|${e.admin1}|${e.week}`;
    let place = places.get(k);
    if (!place)
      places.set(
        k,
        (place = {
          country: e.country,
          admin1: e.admin1,
          week: e.week,
          counts: new Array<number>(2 * WEEKLY_CATEGORIES.length).fill(0),
          rows: 0,
        }),
      );
    for (const category of e.categories) {
      const j = WEEKLY_INDEX.get(category)!;
      place.counts[2 * j]! += e.events;
      place.counts[2 * j + 1]! += e.fatalities;
      place.rows |= 1 << j;
    }
  }
  const out: WeeklyCell[] = [];
  const sorted = [...places.values()].sort(
    (a, b) =>
      COLLATOR.compare(a.country, b.country) || COLLATOR.compare(a.admin1, b.admin1) || (a.week < b.week ? -1 : a.week > b.week ? 1 : 0),
  );
  for (const p of sorted)
    for (const category of BY_NAME) {
      const j = WEEKLY_INDEX.get(category)!;
      // A cell exists where some row counted in the category (a row of zero events included).
      if (p.rows & (1 << j))
        out.push({
          country: p.country,
          admin1: p.admin1,
          week: p.week,
          category,
          events: p.counts[2 * j]!,
          fatalities: p.counts[2 * j + 1]!,
        });
    }
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

/** Position of each weekly category in WEEKLY_CATEGORIES; and the categories by name, the order cells are sorted in. */
const WEEKLY_INDEX = new Map(WEEKLY_CATEGORIES.map((c, i) => [c, i]));
const BY_NAME = [...WEEKLY_CATEGORIES].sort((a, b) => COLLATOR.compare(a, b));

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
    COLLATOR.compare(a.country, b.country) ||
    COLLATOR.compare(a.admin1, b.admin1) ||
    (a.week < b.week ? -1 : a.week > b.week ? 1 : 0) ||
    COLLATOR.compare(a.category, b.category)
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

/**
 * Records of one weekly file, CSV or .xlsx (told apart by content, not name). A CSV's rows of
 * countries `wanted` refuses come out as `filtered`, unread beyond COUNTRY (most of an
 * Africa-wide file). I/O edge.
 */
export async function* weeklyRecords(
  file: string,
  skippedSheets: string[] = [],
  wanted: (country: string) => boolean = () => true,
): AsyncGenerator<CsvRecord | SheetRecord | CsvRecord[]> {
  const name = path.basename(file);
  if (await isXlsx(file)) yield* readXlsxRecords(file, name, weeklySheet, skippedSheets);
  else
    yield* readCsvBatches(createReadStream(file, { highWaterMark: 1 << 20 }), name, () => ({
      required: WEEKLY_COLUMNS,
      keep: KEEP,
      only: { column: 'COUNTRY', wanted },
    }));
}

/** A country-name test for the configured countries, as deriveWeekly decides (an empty name is not filtered here: it is rejected there). */
function countryTest(countries: readonly Iso3[] | undefined): (name: string) => boolean {
  const match = countryMatcher(countries);
  return (name) => name.trim() === '' || match(name.trim()) !== null;
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
  const wanted = countryTest(opts.countries);
  const records = async function* () {
    for (const f of files) {
      const entry: WeeklyFile = { file: path.basename(f), format: (await isXlsx(f)) ? 'xlsx' : 'csv', read: 0, skippedSheets: [] };
      info.push(entry);
      for await (const item of weeklyRecords(f, entry.skippedSheets, wanted)) {
        entry.read += Array.isArray(item) ? item.length : 1;
        yield item;
      }
    }
  };
  return { ...(await deriveWeekly(records(), opts)), files: info };
}
