/**
 * Event id -> slot number, and per slot what superseding that row needs (Kept), in bounded memory
 * for millions of events. ACLED ids (`XYZ748`, `ABC12345`: one to four capital letters and a
 * number) are encoded exactly as one double, kept by slot in paged doubles, and found through an
 * open-addressing table of slots (about 14 bytes an id at most, no string kept); any other id
 * falls back to an exact string map. No hashing of ids into fewer bits, so two distinct events
 * are never taken for one.
 */

const EMPTY = -1;
const TWO32 = 2 ** 32;
const TWO33 = 2 ** 33;
/** Per-event arrays grow in pages of 65,536 entries (no copying, no slack). */
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;

/** Exact numeric code of a canonical ACLED id, or -1 when the id is not of that form. */
export function idCode(id: string): number {
  const n = id.length;
  let i = 0;
  let prefix = 0;
  while (i < n && i < 5) {
    const c = id.charCodeAt(i);
    if (c < 65 || c > 90) break;
    prefix = prefix * 27 + (c - 64);
    i++;
  }
  if (i === 0 || i > 4 || i === n || n - i > 10) return -1;
  if (id.charCodeAt(i) === 48 && n - i > 1) return -1; // leading zero: keep exact via the string map
  let num = 0;
  for (let j = i; j < n; j++) {
    const d = id.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return -1;
    num = num * 10 + d;
  }
  if (num >= TWO33) return -1;
  return prefix * TWO33 + num;
}

export class IdTable {
  /** Open addressing: each used entry holds a slot (-1: empty); the slot's code is in `codes`. */
  private table: Int32Array;
  private mask: number;
  /** Code of each slot's id, in pages of doubles by slot (NaN for a slot whose id is in `other`). */
  private readonly codes: Float64Array[] = [];
  private slotsEnd = 0;
  private used = 0;
  private readonly other = new Map<string, number>();

  constructor(capacity = 1 << 16) {
    const cap = 2 ** Math.ceil(Math.log2(Math.max(capacity, 16)));
    this.table = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.used + this.other.size;
  }

  /** The slot stored for `id`, or -1. */
  get(id: string): number {
    const code = idCode(id);
    if (code < 0) return this.other.get(id) ?? -1;
    let i = hash(code) & this.mask;
    for (;;) {
      const slot = this.table[i]!;
      if (slot === EMPTY || this.codes[slot >>> PAGE_BITS]![slot & PAGE_MASK] === code) return slot;
      i = (i + 1) & this.mask;
    }
  }

  /** Store `slot` (a whole number below 2^31, each used once) for an id not yet in the table. */
  set(id: string, slot: number): void {
    const code = idCode(id);
    if (slot + 1 > this.slotsEnd) {
      while (this.codes.length <= slot >>> PAGE_BITS) this.codes.push(new Float64Array(PAGE).fill(NaN));
      this.slotsEnd = slot + 1;
    }
    if (code < 0) {
      this.codes[slot >>> PAGE_BITS]![slot & PAGE_MASK] = NaN;
      this.other.set(id, slot);
      return;
    }
    if ((this.used + 1) * 10 > this.table.length * 7) this.grow();
    this.used++;
    this.codes[slot >>> PAGE_BITS]![slot & PAGE_MASK] = code;
    this.insert(code, slot);
  }

  private insert(code: number, slot: number): void {
    let i = hash(code) & this.mask;
    while (this.table[i] !== EMPTY) i = (i + 1) & this.mask;
    this.table[i] = slot;
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(EMPTY);
    this.mask = this.table.length - 1;
    for (let s = 0; s < this.slotsEnd; s++) {
      const code = this.codes[s >>> PAGE_BITS]![s & PAGE_MASK]!;
      if (!Number.isNaN(code)) this.insert(code, s);
    }
  }
}

function hash(code: number): number {
  const hi = Math.floor(code / TWO32);
  const lo = code - hi * TWO32;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

type Narrow = Int32Array | Uint32Array | Uint16Array;

/**
 * A per-event column of exact numbers, in pages of 65,536 (grows without copying or slack).
 * Values are kept in a narrow integer type while they fit it; the first one that does not (or
 * that is not an integer) turns the column into doubles, so no value is ever rounded.
 */
export class NumColumn {
  private pages: (Narrow | Float64Array)[] = [];
  private wide = false;
  private readonly make: (n: number) => Narrow;
  private readonly fits: (v: number) => boolean;

  constructor(type: 'int32' | 'uint32' | 'uint16') {
    this.make = type === 'int32' ? (n) => new Int32Array(n) : type === 'uint32' ? (n) => new Uint32Array(n) : (n) => new Uint16Array(n);
    this.fits = type === 'int32' ? (v) => (v | 0) === v : type === 'uint32' ? (v) => v >>> 0 === v : (v) => (v & 0xffff) === v;
  }

  get(i: number): number {
    return this.pages[i >>> PAGE_BITS]![i & PAGE_MASK]!;
  }

  set(i: number, v: number): void {
    const p = i >>> PAGE_BITS;
    while (p >= this.pages.length) this.pages.push(this.wide ? new Float64Array(PAGE) : this.make(PAGE));
    if (!this.wide && !this.fits(v)) {
      this.wide = true;
      this.pages = this.pages.map((pg) => Float64Array.from(pg));
    }
    this.pages[p]![i & PAGE_MASK] = v;
  }
}

/**
 * What is kept of each accepted row that has an id, by slot (IdTable's), so that a newer version
 * of the row can take it back off its class and day and name it in the report: at most 20 bytes
 * a row (class, fatalities, timestamp, file, line; the day for event rows, the events for tables).
 */
export class Kept {
  private readonly cls = new NumColumn('int32');
  private readonly fat = new NumColumn('int32');
  /** Tables only: an event row is one event. */
  private readonly evs = new NumColumn('int32');
  /** The timestamp plus one, 0 for none. */
  private readonly ts = new NumColumn('uint32');
  private readonly file = new NumColumn('uint16');
  private readonly line = new NumColumn('uint32');
  /** Event rows only: the day of the month (the class gives the rest of the daily cell). */
  private readonly day = new NumColumn('uint16');
  private readonly eventRows: boolean;

  /** `eventRows`: rows are events (one each, with a day), else table cells (with an events column). */
  constructor(eventRows: boolean) {
    this.eventRows = eventRows;
  }

  /** Keep a row in `slot` (`stamp` NaN for none; `events` read for tables, `day` for events). */
  set(slot: number, cls: number, fatalities: number, events: number, stamp: number, file: number, line: number, day: number): void {
    this.cls.set(slot, cls);
    this.fat.set(slot, fatalities);
    if (!this.eventRows) this.evs.set(slot, events);
    this.ts.set(slot, Number.isNaN(stamp) ? 0 : stamp + 1);
    this.file.set(slot, file);
    this.line.set(slot, line);
    if (this.eventRows) this.day.set(slot, day);
  }

  classOf(slot: number): number {
    return this.cls.get(slot);
  }

  fatalitiesOf(slot: number): number {
    return this.fat.get(slot);
  }

  eventsOf(slot: number): number {
    return this.eventRows ? 1 : this.evs.get(slot);
  }

  /** The row's timestamp, NaN for none. */
  stampOf(slot: number): number {
    const t = this.ts.get(slot);
    return t === 0 ? NaN : t - 1;
  }

  fileOf(slot: number): number {
    return this.file.get(slot);
  }

  lineOf(slot: number): number {
    return this.line.get(slot);
  }

  dayOf(slot: number): number {
    return this.day.get(slot);
  }
}
