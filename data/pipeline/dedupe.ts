/**
 * Event id -> slot number, in bounded memory for millions of events. ACLED ids (`NIR748`,
 * `MLI12345`: one to four capital letters and a number) are encoded exactly as one double and
 * kept in an open-addressing table of typed arrays (12 bytes a slot, no string kept); any other
 * id falls back to an exact string map. No hashing of ids into fewer bits, so two distinct
 * events are never taken for one.
 */

const EMPTY = -1;
const TWO32 = 2 ** 32;
const TWO33 = 2 ** 33;

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
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  private used = 0;
  private readonly other = new Map<string, number>();

  constructor(capacity = 1 << 16) {
    const cap = 2 ** Math.ceil(Math.log2(Math.max(capacity, 16)));
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.vals = new Int32Array(cap);
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
      const k = this.keys[i]!;
      if (k === code) return this.vals[i]!;
      if (k === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Store `slot` for an id not yet in the table. */
  set(id: string, slot: number): void {
    const code = idCode(id);
    if (code < 0) {
      this.other.set(id, slot);
      return;
    }
    if ((this.used + 1) * 10 > this.keys.length * 7) this.grow();
    this.insert(code, slot);
    this.used++;
  }

  private insert(code: number, slot: number): void {
    let i = hash(code) & this.mask;
    while (this.keys[i] !== EMPTY) i = (i + 1) & this.mask;
    this.keys[i] = code;
    this.vals[i] = slot;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.vals = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.insert(oldKeys[i]!, oldVals[i]!);
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

/** A growable typed array (doubling), for per-event columns. */
export class Column<T extends Int32Array | Float64Array | Uint16Array> {
  data: T;
  private readonly make: (n: number) => T;
  constructor(make: (n: number) => T, capacity = 1024) {
    this.make = make;
    this.data = make(capacity);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    const next = this.make(Math.max(n, Math.ceil(this.data.length * 1.5)));
    next.set(this.data as never);
    this.data = next;
  }
}
