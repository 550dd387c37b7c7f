/**
 * Parsed records of one source (from one or several files) -> monthly aggregates per
 * country/admin1 x month x category, for event-level sources also daily aggregates per
 * country x day x category, and a report that accounts for every row:
 * read = accepted + rejected + duplicates, the aggregates' sum over the six event types
 * equals what was accepted, and the daily aggregates sum to the monthly ones (checked; a
 * mismatch throws).
 *
 * Streaming in bounded memory: each accepted row is folded into a "class" (country, admin1,
 * month, event type, civilian targeting, inter1, inter2 — everything a category predicate can
 * look at), so memory grows with the number of classes, not rows. Only event ids are kept per
 * row (as exact numeric codes, see dedupe.ts) so that a newer version of an event replaces an
 * older one.
 */
import { CATEGORIES, type CategoryId, EVENT_TYPES } from '../model/categories.ts';
import type { AggregateRow, CountryCoverage, DailyRow, Rejection, SourceInfo } from '../model/types.ts';
import type { CsvRecord } from './parse.ts';
import { type Counted, normaliseEvent, normaliseTableRow } from './normalise.ts';
import { daysInMonth } from '../model/month.ts';
import { IdTable, NumColumn } from './dedupe.ts';

/** How many rejections (and duplicates) are listed one by one in the report (all are counted). */
export const LISTED_REJECTIONS = 100;

/** One category per ACLED event type: together they count every event exactly once. */
export const PARTITION: readonly CategoryId[] = [
  'battles',
  'explosions_remote_violence',
  'violence_against_civilians',
  'protests',
  'riots',
  'strategic_developments',
];

export interface DeriveOptions {
  /**
   * Stated export date (`YYYY-MM-DD`): the source covers up to this day; rows dated after it are
   * rejected. Without it, an event source covers up to its last event's date and a table to the
   * end of its last month.
   */
  through?: string | null;
}

export type DeriveReport = Pick<SourceInfo, 'rows' | 'rejections' | 'coverage'> &
  Required<Pick<SourceInfo, 'duplicates' | 'coverageBasis' | 'countries' | 'totals'>>;

/**
 * Coverage: an aggregated table covers its first to its last month, whole. An event-level export
 * is taken to start on the first day of its first event's month (exports are requested by
 * month) and to end on its last event's date (or the stated export date): the last weeks are
 * the ones ACLED is still filling in, so a month cut there is marked partial rather than read
 * as a fall.
 */
export interface Derived {
  rows: AggregateRow[];
  /** Country x day x category counts, rows with events only, sorted; empty for tables. */
  daily: DailyRow[];
  report: DeriveReport;
}

export class ReconciliationError extends Error {}

const EVENT_TYPE_NO = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));

interface Class {
  row: Counted;
  /** The categories the class's rows count in, as a bit set over CATEGORIES. */
  cats: number;
  /** Its country, month and category set in the daily counts (event sources; -1 for tables). */
  dayGroup: number;
  /** Rows counted in this class and not superseded. */
  live: number;
  events: number;
  fatalities: number;
}

/** Count every record (given one by one or in batches) of an event-level (`event`) or aggregated (`aggregate`) source. */
export async function derive(
  records: AsyncIterable<CsvRecord | readonly CsvRecord[]>,
  kind: SourceInfo['kind'],
  opts: DeriveOptions = {},
): Promise<Derived> {
  const through = opts.through ?? null;
  const classes: Class[] = [];
  const classIndex = new Map<number, number>();
  // Class key as one exact number (no string per row): place (country, admin1), month, event
  // type, civilian targeting, inter1, inter2.
  const places = new Map<string, Map<string, number>>();
  let placeCount = 0;
  const classKey = (row: Counted): number => {
    let byAdmin = places.get(row.country);
    if (byAdmin === undefined) places.set(row.country, (byAdmin = new Map()));
    let place = byAdmin.get(row.admin1);
    if (place === undefined) byAdmin.set(row.admin1, (place = placeCount++));
    const m = row.month;
    const month =
      (m.charCodeAt(0) * 1000 + m.charCodeAt(1) * 100 + m.charCodeAt(2) * 10 + m.charCodeAt(3) - 53328) * 12 +
      (m.charCodeAt(5) * 10 + m.charCodeAt(6) - 529);
    const ct = row.civilianTargeting === null ? 0 : row.civilianTargeting ? 1 : 2;
    const i1 = row.inter1 === null ? 0 : row.inter1 + 1;
    const i2 = row.inter2 === null ? 0 : row.inter2 + 1;
    return ((((place * 131072 + month) * 8 + EVENT_TYPE_NO.get(row.eventType)!) * 3 + ct) * 16 + i1) * 16 + i2;
  };
  const byReason: Record<string, number> = {};
  const rejections: Rejection[] = [];
  const dupList: Rejection[] = [];
  const countries = new Map<string, { from: string; through: string }>();
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  // Per accepted row with an id: its class, fatalities, events, timestamp, file and line.
  const ids = new IdTable();
  // (Compact: `events` is kept for tables only, an event row is one event; a timestamp is kept
  // plus one, 0 for none.)
  const cls = new NumColumn('int32');
  const fat = new NumColumn('int32');
  const evs = new NumColumn('int32');
  const ts = new NumColumn('uint32');
  const fileOf = new NumColumn('uint16');
  const lineOf = new NumColumn('uint32');
  // Event sources: each row's day of the month (its class gives the rest of its daily cell), to
  // take a superseded event off its day.
  const days = kind === 'event' ? new DayCounts() : null;
  const dayOf = new NumColumn('uint16');
  const eventsOf = kind === 'event' ? () => 1 : (s: number) => evs.get(s);
  const stampOf = (s: number) => {
    const t = ts.get(s);
    return t === 0 ? NaN : t - 1;
  };
  let slots = 0;
  let read = 0;
  let duplicates = 0;
  // (Set inside count(): typed so that narrowing does not take them for always null.)
  let first = null as string | null;
  let last = null as string | null;
  let totalEvents = 0;
  let totalFatalities = 0;
  const normalise = kind === 'event' ? normaliseEvent : normaliseTableRow;
  const reject = (rec: CsvRecord, k: string, reason: string) => {
    byReason[k] = (byReason[k] ?? 0) + 1;
    if (rejections.length < LISTED_REJECTIONS) rejections.push(where(rec, reason));
  };

  for await (const item of records) {
    if (isBatch(item)) for (let i = 0; i < item.length; i++) count(item[i]!);
    else count(item);
  }

  function count(rec: CsvRecord): void {
    read++;
    if (rec.malformed) {
      reject(rec, 'malformed row', `malformed row: ${rec.malformed}`);
      return;
    }
    const n = normalise(rec.fields);
    if (!n.ok) {
      reject(rec, n.kind, n.reason);
      return;
    }
    const row = n.row;
    const day = row.date ?? row.month;
    if (through !== null && (row.date === null ? row.month > through.slice(0, 7) : row.date > through)) {
      reject(rec, 'after export date', `after export date ${through}: ${day}`);
      return;
    }
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
    const cc = countries.get(row.country);
    if (!cc) countries.set(row.country, { from: day, through: day });
    else {
      if (day < cc.from) cc.from = day;
      if (day > cc.through) cc.through = day;
    }

    const key = classKey(row);
    let c = classIndex.get(key);
    if (c === undefined) {
      c = classes.length;
      classIndex.set(key, c);
      const cats = categorySet(row);
      classes.push({ row, cats, dayGroup: days === null ? -1 : days.group(row, cats), live: 0, events: 0, fatalities: 0 });
    }
    // A class fixes country, month and categories (its day group), so the day of the month
    // completes the daily cell: an array lookup per row. Event rows always carry a date
    // (normaliseEvent rejects rows without one).
    const dd = days === null ? 0 : row.date!.charCodeAt(8) * 10 + row.date!.charCodeAt(9) - 528;
    const dc = days === null ? -1 : days.cell(classes[c]!.dayGroup, dd);
    const id = kind === 'event' ? (rec.fields.event_id_cnty ?? '').trim() : `${row.country}|${row.admin1}|${row.month}|${row.eventType}`;
    const stamp = kind === 'event' ? timestamp(rec.fields.timestamp) : NaN;
    const fileNo = fileNumber(rec.file ?? '', files, fileIndex);
    if (id !== '') {
      const s = ids.get(id);
      if (s >= 0) {
        duplicates++;
        const old = stampOf(s);
        // The newest timestamp wins; when that does not decide, the later input does.
        const newer = !(old > stamp);
        const loser = newer ? { file: files[fileOf.get(s)], line: lineOf.get(s) } : where(rec, '');
        const winner = newer ? where(rec, '') : { file: files[fileOf.get(s)], line: lineOf.get(s) };
        const why = !Number.isNaN(old) && !Number.isNaN(stamp) && old !== stamp ? 'newer timestamp' : 'later in input';
        if (dupList.length < LISTED_REJECTIONS) {
          dupList.push({
            ...(loser.file ? { file: loser.file } : {}),
            line: loser.line,
            reason: `duplicate ${kind === 'event' ? 'event_id_cnty' : 'table cell'}: superseded by ${winner.file ? `${winner.file} ` : ''}line ${winner.line} (${why})`,
          });
        }
        if (!newer) return;
        const oc = classes[cls.get(s)]!;
        oc.live--;
        oc.events -= eventsOf(s);
        oc.fatalities -= fat.get(s);
        if (days !== null) days.take(days.cell(oc.dayGroup, dayOf.get(s)), fat.get(s));
        totalEvents -= eventsOf(s);
        totalFatalities -= fat.get(s);
        store(s);
      } else {
        const slot = slots++;
        ids.set(id, slot);
        store(slot);
      }
    }
    classes[c]!.live++;
    classes[c]!.events += row.events;
    classes[c]!.fatalities += row.fatalities;
    if (days !== null) days.add(dc, row.fatalities);
    totalEvents += row.events;
    totalFatalities += row.fatalities;

    function store(s: number) {
      cls.set(s, c!);
      fat.set(s, row.fatalities);
      if (kind !== 'event') evs.set(s, row.events);
      ts.set(s, Number.isNaN(stamp) ? 0 : stamp + 1);
      fileOf.set(s, fileNo);
      lineOf.set(s, rec.line);
      if (days !== null) dayOf.set(s, dd);
    }
  }

  const rejected = Object.values(byReason).reduce((a, b) => a + b, 0);
  const accepted = read - rejected - duplicates;
  const rows = expand(classes);
  reconcile(rows, kind === 'event' ? accepted : null, totalEvents, totalFatalities);
  const daily = days === null ? [] : days.rows();
  if (days !== null) reconcileDaily(rows, daily);

  const perCountry: Record<string, CountryCoverage> = {};
  for (const [iso3, cov] of [...countries.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const acc = classes.filter((x) => x.row.country === iso3).reduce((a, x) => a + (kind === 'event' ? x.events : 0), 0);
    perCountry[iso3] =
      kind === 'event'
        ? { from: cov.from, through: cov.through, accepted: acc }
        : { from: `${cov.from}-01`, through: `${cov.through}-${daysInMonth(cov.through)}`, accepted: 0 };
  }
  if (kind === 'aggregate') {
    // Table rows are cells, not events: count accepted cells per country from the slots.
    for (let s = 0; s < slots; s++) {
      const ctry = classes[cls.get(s)]!.row.country;
      perCountry[ctry]!.accepted++;
    }
  }
  const coverage =
    first === null || last === null
      ? { from: '', through: '' }
      : kind === 'event'
        ? { from: `${first.slice(0, 7)}-01`, through: through ?? last }
        : { from: `${first}-01`, through: through ?? `${last}-${daysInMonth(last)}` };
  const coverageBasis = through !== null ? 'stated export date' : kind === 'event' ? 'last event' : 'last month';
  return {
    rows,
    daily,
    report: {
      rows: { read, accepted, rejected, byReason: sortKeys(byReason), duplicates },
      rejections,
      duplicates: dupList,
      coverage,
      coverageBasis,
      countries: perCountry,
      totals: { events: totalEvents, fatalities: totalFatalities },
    },
  };
}

/** Classes -> aggregate rows per country, admin1, month and category, sorted. */
function expand(classes: readonly Class[]): AggregateRow[] {
  const cells = new Map<string, AggregateRow>();
  for (const { row, live, events, fatalities } of classes) {
    if (live === 0) continue; // every row of the class was superseded
    for (const c of CATEGORIES) {
      // Aggregated tables lack the event-level fields those categories need.
      if (c.needs === 'event' && row.civilianTargeting === null) continue;
      if (!c.includes(row)) continue;
      const key = `${row.country}|${row.admin1}|${row.month}|${c.id}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { country: row.country, admin1: row.admin1, month: row.month, category: c.id, events: 0, fatalities: 0 };
        cells.set(key, cell);
      }
      cell.events += events;
      cell.fatalities += fatalities;
    }
  }
  return [...cells.values()].sort(compareRows);
}

/**
 * The aggregates must add up, over the six event types, to what was accepted: for event sources
 * one event per accepted row, and the fatalities of those rows; for tables, their events and
 * fatalities columns. Throws on any difference: a run that lost rows must not publish.
 */
export function reconcile(rows: readonly AggregateRow[], acceptedEvents: number | null, events: number, fatalities: number): void {
  let e = 0;
  let f = 0;
  for (const r of rows) {
    if (!PARTITION.includes(r.category)) continue;
    e += r.events;
    f += r.fatalities;
  }
  const problems: string[] = [];
  if (acceptedEvents !== null && e !== acceptedEvents)
    problems.push(`aggregates hold ${e} events but ${acceptedEvents} rows were accepted`);
  if (e !== events) problems.push(`aggregates hold ${e} events, input counted ${events}`);
  if (f !== fatalities) problems.push(`aggregates hold ${f} fatalities, input counted ${fatalities}`);
  if (problems.length > 0) throw new ReconciliationError(`totals do not reconcile: ${problems.join('; ')}`);
}

/**
 * The daily aggregates must sum, per country, month and category, exactly to the monthly ones
 * (over every region). Throws on any difference, naming the first cells that differ: daily
 * figures that disagree with the monthly ones must not be published.
 */
export function reconcileDaily(monthly: readonly AggregateRow[], daily: readonly DailyRow[]): void {
  const sums = new Map<string, [number, number, number, number]>();
  const at = (k: string) => {
    let v = sums.get(k);
    if (!v) sums.set(k, (v = [0, 0, 0, 0]));
    return v;
  };
  for (const r of monthly) {
    const v = at(`${r.country} ${r.month} ${r.category}`);
    v[0] += r.events;
    v[1] += r.fatalities;
  }
  for (const r of daily) {
    const v = at(`${r.country} ${r.date.slice(0, 7)} ${r.category}`);
    v[2] += r.events;
    v[3] += r.fatalities;
  }
  const bad = [...sums].filter(([, v]) => v[0] !== v[2] || v[1] !== v[3]).sort(([a], [b]) => (a < b ? -1 : 1));
  if (bad.length > 0)
    throw new ReconciliationError(
      `daily aggregates do not add up to the monthly ones in ${bad.length} cell(s): ` +
        bad
          .slice(0, 5)
          .map(([k, v]) => `${k}: days hold ${v[2]} events, ${v[3]} fatalities; months hold ${v[0]} events, ${v[1]} fatalities`)
          .join('; '),
    );
}

/** The categories a class of rows counts in, as a bit set over CATEGORIES (as expand() decides). */
function categorySet(row: Counted): number {
  let set = 0;
  CATEGORIES.forEach((c, i) => {
    if (c.needs === 'event' && row.civilianTargeting === null) return;
    if (c.includes(row)) set |= 1 << i;
  });
  return set;
}

/**
 * Events and fatalities per country, day and category set: few cells (a handful per day).
 * A group is a country, month and category set (a few per country and month); its days' counts
 * sit in flat typed arrays, 32 slots per group (slot = group x 32 + day of the month), so that
 * counting a row is an array update and costs no allocation.
 */
class DayCounts {
  /** Group number by `country|month|category set`: looked up once per class, not per row. */
  private readonly groups = new Map<string, number>();
  private readonly groupOf: { country: string; month: string; cats: number }[] = [];
  private events = new Int32Array(32 * 64);
  private fatalities = new Int32Array(32 * 64);

  /** The group of `row`'s country and month, for the category set `cats`. */
  group(row: Counted, cats: number): number {
    const key = `${row.country}|${row.month}|${cats}`;
    let g = this.groups.get(key);
    if (g === undefined) {
      g = this.groupOf.length;
      this.groups.set(key, g);
      this.groupOf.push({ country: row.country, month: row.month, cats });
      if (this.events.length < (g + 1) * 32) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.events = grow(this.events);
        this.fatalities = grow(this.fatalities);
      }
    }
    return g;
  }

  /** The cell of day `dd` (1-31) of group `g`. */
  cell(g: number, dd: number): number {
    return g * 32 + dd;
  }

  add(cell: number, fatalities: number): void {
    this.events[cell]!++;
    this.fatalities[cell]! += fatalities;
  }

  /** Take off a superseded event. */
  take(cell: number, fatalities: number): void {
    this.events[cell]!--;
    this.fatalities[cell]! -= fatalities;
  }

  /** Rows per country, day and category, with events only, sorted. */
  rows(): DailyRow[] {
    const out = new Map<string, DailyRow>();
    this.groupOf.forEach(({ country, month, cats }, g) => {
      for (let dd = 1; dd <= 31; dd++) {
        const events = this.events[g * 32 + dd]!;
        const fatalities = this.fatalities[g * 32 + dd]!;
        if (events === 0) continue;
        const date = `${month}-${dd < 10 ? '0' : ''}${dd}`;
        CATEGORIES.forEach((c, i) => {
          if ((cats & (1 << i)) === 0) return;
          const key = `${country}|${date}|${c.id}`;
          const r = out.get(key);
          if (r) {
            r.events += events;
            r.fatalities += fatalities;
          } else out.set(key, { country, date, category: c.id, events, fatalities });
        });
      }
    });
    return [...out.values()].sort(compareDailyRows);
  }
}

export function compareDailyRows(a: DailyRow, b: DailyRow): number {
  return a.country.localeCompare(b.country, 'en') || a.date.localeCompare(b.date) || a.category.localeCompare(b.category);
}

function isBatch(x: CsvRecord | readonly CsvRecord[]): x is readonly CsvRecord[] {
  return Array.isArray(x);
}

function where(rec: CsvRecord, reason: string): Rejection {
  return rec.file ? { file: rec.file, line: rec.line, reason } : { line: rec.line, reason };
}

function fileNumber(file: string, files: string[], index: Map<string, number>): number {
  let i = index.get(file);
  if (i === undefined) {
    i = files.length;
    files.push(file);
    index.set(file, i);
  }
  return i;
}

/** ACLED's `timestamp` (Unix seconds of the last change); NaN when absent or unreadable. (Digits read by hand: this runs per row.) */
export function timestamp(s: string | undefined): number {
  const t = s === undefined ? '' : s.trim();
  const n = t.length;
  if (n === 0 || n > 15) return n === 0 ? NaN : /^\d+$/.test(t) ? Number(t) : NaN;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return v;
}

export function compareRows(a: AggregateRow, b: AggregateRow): number {
  return (
    a.country.localeCompare(b.country, 'en') ||
    a.admin1.localeCompare(b.admin1, 'en') ||
    a.month.localeCompare(b.month) ||
    a.category.localeCompare(b.category)
  );
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
