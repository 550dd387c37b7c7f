/**
 * Parsed records of one source (from one or several files) -> monthly aggregates per
 * country/admin1 x month x category, for event-level sources also daily aggregates per
 * country x day x category (daily.ts), and a report that accounts for every row (report.ts):
 * read = accepted + rejected + duplicates, the aggregates' sum over the six event types equals
 * what was accepted, and the daily aggregates sum to the monthly ones (reconcile.ts; a mismatch
 * throws).
 *
 * Streaming in bounded memory: each accepted row is counted into its class (classes.ts), so
 * memory grows with the number of classes, not rows. Per row only what superseding it needs is
 * kept, by event id (dedupe.ts), so that a newer version of an event replaces an older one.
 */
import type { AggregateRow, DailyRow, SourceInfo } from '../../model/types.ts';
import { ClassTable } from './classes.ts';
import { DayCounts } from './daily.ts';
import { dayOfMonth } from './dates.ts';
import { IdTable, Kept } from './dedupe.ts';
import { type Counted, type Normalised, normaliseEvent, normaliseTableRow, timestamp } from './normalise.ts';
import { reconcile, reconcileDaily } from './reconcile.ts';
import type { CsvRecord } from './record.ts';
import { type DeriveReport, Ledger, where } from './report.ts';

export interface DeriveOptions {
  /**
   * Stated export date (`YYYY-MM-DD`): the source covers up to this day; rows dated after it are
   * rejected. Without it, an event source covers up to its last event's date and a table to the
   * end of its last month.
   */
  through?: string | null;
}

export interface Derived {
  rows: AggregateRow[];
  /** Country x day x category counts, rows with events only, sorted; empty for tables. */
  daily: DailyRow[];
  report: DeriveReport;
}

/** Count every record (given one by one or in batches) of an event-level (`event`) or aggregated (`aggregate`) source. */
export async function derive(
  records: AsyncIterable<CsvRecord | readonly CsvRecord[]>,
  kind: SourceInfo['kind'],
  opts: DeriveOptions = {},
): Promise<Derived> {
  const counter = new Counter(kind, opts.through ?? null);
  for await (const item of records) {
    if (isBatch(item)) for (let i = 0; i < item.length; i++) counter.count(item[i]!);
    else counter.count(item);
  }
  return counter.finish();
}

/** The running counts of one source: each record goes through count() once, then finish(). */
class Counter {
  private readonly kind: SourceInfo['kind'];
  private readonly through: string | null;
  private readonly normalise: (fields: Record<string, string>) => Normalised;
  private readonly ledger = new Ledger();
  /** Event sources: counts per country, day and category set; null for tables. */
  private readonly days: DayCounts | null;
  private readonly classes: ClassTable;
  /** Slot of each accepted row with an id (an event's `event_id_cnty`, a table's cell). */
  private readonly ids = new IdTable();
  private readonly kept: Kept;
  private slots = 0;
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  private events = 0;
  private fatalities = 0;

  constructor(kind: SourceInfo['kind'], through: string | null) {
    this.kind = kind;
    this.through = through;
    this.normalise = kind === 'event' ? normaliseEvent : normaliseTableRow;
    this.days = kind === 'event' ? new DayCounts() : null;
    this.classes = new ClassTable(this.days);
    this.kept = new Kept(kind === 'event');
  }

  /** Reject the record with its reason, or count it (unless a newer version of it was counted). */
  count(rec: CsvRecord): void {
    this.ledger.read++;
    if (rec.malformed) {
      this.ledger.reject(rec, 'malformed row', `malformed row: ${rec.malformed}`);
      return;
    }
    const n = this.normalise(rec.fields);
    if (!n.ok) {
      this.ledger.reject(rec, n.kind, n.reason);
      return;
    }
    const row = n.row;
    const day = row.date ?? row.month;
    const through = this.through;
    if (through !== null && (row.date === null ? row.month > through.slice(0, 7) : row.date > through)) {
      this.ledger.reject(rec, 'after export date', `after export date ${through}: ${day}`);
      return;
    }
    this.ledger.covers(row.country, day);
    const c = this.classes.of(row);
    // A class fixes country, month and categories, so the day of the month completes the daily
    // cell. Event rows always carry a date (normaliseEvent rejects rows without one).
    const dd = this.days === null ? 0 : dayOfMonth(row.date!);
    const id =
      this.kind === 'event' ? (rec.fields.event_id_cnty ?? '').trim() : `${row.country}|${row.admin1}|${row.month}|${row.eventType}`;
    if (id !== '' && !this.keep(id, rec, row, c, dd)) return;
    this.add(c, row.events, row.fatalities, dd);
  }

  /**
   * Dedupe: keep the row under its id. When the id was seen before, the newest timestamp wins and,
   * when that does not decide, the later input; the loser is taken off (or this row is not
   * counted: false) and listed as a duplicate.
   */
  private keep(id: string, rec: CsvRecord, row: Counted, c: number, dd: number): boolean {
    const stamp = this.kind === 'event' ? timestamp(rec.fields.timestamp) : NaN;
    const file = this.fileNumber(rec.file ?? '');
    const s = this.ids.get(id);
    if (s < 0) {
      const slot = this.slots++;
      this.ids.set(id, slot);
      this.kept.set(slot, c, row.fatalities, row.events, stamp, file, rec.line, dd);
      return true;
    }
    const old = this.kept.stampOf(s);
    const newer = !(old > stamp);
    const earlier = { file: this.files[this.kept.fileOf(s)], line: this.kept.lineOf(s), reason: '' };
    this.ledger.duplicate(
      this.kind === 'event' ? 'event_id_cnty' : 'table cell',
      newer ? earlier : where(rec, ''),
      newer ? where(rec, '') : earlier,
      !Number.isNaN(old) && !Number.isNaN(stamp) && old !== stamp ? 'newer timestamp' : 'later in input',
    );
    if (!newer) return false;
    this.takeOff(s);
    this.kept.set(s, c, row.fatalities, row.events, stamp, file, rec.line, dd);
    return true;
  }

  /** Count rows into class `c` (and, for event sources, day `dd` of its daily group). */
  private add(c: number, events: number, fatalities: number, dd: number): void {
    const k = this.classes.list[c]!;
    k.live++;
    k.events += events;
    k.fatalities += fatalities;
    if (this.days !== null) this.days.add(this.days.cell(k.dayGroup, dd), fatalities);
    this.events += events;
    this.fatalities += fatalities;
  }

  /** Take the row kept in `slot` back off its class, day and the totals: a newer version replaces it. */
  private takeOff(slot: number): void {
    const k = this.classes.list[this.kept.classOf(slot)]!;
    const events = this.kept.eventsOf(slot);
    const fatalities = this.kept.fatalitiesOf(slot);
    k.live--;
    k.events -= events;
    k.fatalities -= fatalities;
    if (this.days !== null) this.days.take(this.days.cell(k.dayGroup, this.kept.dayOf(slot)), fatalities);
    this.events -= events;
    this.fatalities -= fatalities;
  }

  private fileNumber(file: string): number {
    let i = this.fileIndex.get(file);
    if (i === undefined) {
      i = this.files.length;
      this.files.push(file);
      this.fileIndex.set(file, i);
    }
    return i;
  }

  /** The aggregates, checked to reconcile with what was counted, and the report. */
  finish(): Derived {
    const rows = this.classes.rows();
    reconcile(rows, this.kind === 'event' ? this.ledger.accepted() : null, this.events, this.fatalities);
    const daily = this.days === null ? [] : this.days.rows();
    if (this.days !== null) reconcileDaily(rows, daily);
    const report = this.ledger.report(this.kind, this.through, (country) => this.acceptedIn(country), {
      events: this.events,
      fatalities: this.fatalities,
    });
    return { rows, daily, report };
  }

  /** A country's accepted events (event sources), or its accepted table cells (tables: one slot each). */
  private acceptedIn(country: string): number {
    if (this.kind === 'event') return this.classes.list.reduce((a, x) => a + (x.row.country === country ? x.events : 0), 0);
    let cells = 0;
    for (let s = 0; s < this.slots; s++) if (this.classes.list[this.kept.classOf(s)]!.row.country === country) cells++;
    return cells;
  }
}

function isBatch(x: CsvRecord | readonly CsvRecord[]): x is readonly CsvRecord[] {
  return Array.isArray(x);
}
