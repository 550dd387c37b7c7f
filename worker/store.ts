/**
 * The only module that reads KV. Entries are JSON documents written by the pipeline under a
 * dataset version; the pointer says which version is current. Key strings come from
 * model/keys.ts. A missing or unreadable entry is a 503, never a stack trace.
 */
import type { CategoryId, Measure } from '../model/categories.ts';
import { geoId, keys, POINTER_KEY, VERSIONS_KEY } from '../model/keys.ts';
import type { Lang } from '../model/lang.ts';
import type { Catalogue, ClaimsDoc, DaysDoc, Pointer, PublishedVersion, SeriesDoc, SeriesSet, WeeksDoc } from '../model/types.ts';
import { notFound, unavailable } from './problem.ts';

/** A stored document: its text exactly as stored (served as is) and its parsed value. */
export interface Stored<T> {
  text: string;
  doc: T;
  /** The text's UTF-8 bytes, made when first served whole (see bytesOf). */
  bytes?: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();

/**
 * The stored text as UTF-8, encoded once per isolate: a response body given as a string is
 * encoded on every request (a series is 30 KB), which costs time and leaves garbage behind.
 * (A Response copies the bytes it is given, so they can be served again.)
 */
export function bytesOf(s: Stored<object>): Uint8Array<ArrayBuffer> {
  return (s.bytes ??= utf8.encode(s.text) as Uint8Array<ArrayBuffer>); // (always a fresh ArrayBuffer)
}

/** The version a request reads: the one it pinned, or the current one. */
export interface VersionRef {
  version: string;
  pinned: boolean;
}

// The pointer is cached per isolate for a few seconds (POINTER_CACHE_SECONDS), which spares a KV
// read on most requests; a newly published version is served everywhere within that delay.
let pointerCache: { version: string; until: number } | null = null;

/** The current version if the pointer is cached and still fresh (no read, no waiting); else null. */
export function cachedVersion(): string | null {
  return pointerCache !== null && Date.now() < pointerCache.until ? pointerCache.version : null;
}

export async function currentVersion(kv: KVNamespace, cacheSeconds: number): Promise<string> {
  const now = Date.now();
  if (pointerCache && now < pointerCache.until) return pointerCache.version;
  const text = await kv.get(POINTER_KEY);
  if (text === null) throw unavailable('No dataset has been published (the KV pointer "current" is missing).');
  const p = parse<Partial<Pointer> | null>(text, POINTER_KEY);
  if (typeof p?.version !== 'string' || !p.version) throw unavailable('The KV pointer "current" does not name a dataset version.');
  pointerCache = cacheSeconds > 0 ? { version: p.version, until: now + cacheSeconds * 1000 } : null;
  return p.version;
}

/** A pinned version is taken as asked (its entries tell whether it exists); else the current one. */
export async function resolveVersion(kv: KVNamespace, pinned: string | undefined, cacheSeconds: number): Promise<VersionRef> {
  return pinned ? { version: pinned, pinned: true } : { version: await currentVersion(kv, cacheSeconds), pinned: false };
}

export async function catalogue(kv: KVNamespace, v: VersionRef): Promise<Stored<Catalogue>> {
  const s = await read<Catalogue>(kv, keys.catalogue(v.version), (d) => Array.isArray(d.countries));
  if (!s) throw missing(v, 'catalogue');
  return s;
}

/**
 * The evaluated claims in a language. A version built before French existed has English only:
 * its English claims answer, and `lang` says so (the caller's Content-Language follows it).
 */
export async function claims(kv: KVNamespace, v: VersionRef, lang: Lang = 'en'): Promise<Stored<ClaimsDoc> & { lang: Lang }> {
  const valid = (d: ClaimsDoc) => Array.isArray(d.claims);
  if (lang !== 'en') {
    const s = await read<ClaimsDoc>(kv, keys.claims(v.version, lang), valid);
    if (s) return { ...s, lang };
  }
  const s = await read<ClaimsDoc>(kv, keys.claims(v.version), valid);
  if (!s) throw missing(v, 'claims');
  return { ...s, lang: 'en' };
}

/** A series, or null when the dataset has no such series (the caller explains why). */
export function series(
  kv: KVNamespace,
  v: VersionRef,
  iso3: string,
  admin1Slug: string | null,
  category: CategoryId,
  measure: Measure,
): Promise<Stored<SeriesDoc> | null> {
  return read<SeriesDoc>(kv, keys.series(v.version, geoId(iso3, admin1Slug), category, measure), (d) => Array.isArray(d.points));
}

/** Every category of a geography and measure in one read, or null when the dataset has none. */
export function bundle(
  kv: KVNamespace,
  v: VersionRef,
  iso3: string,
  admin1Slug: string | null,
  measure: Measure,
): Promise<Stored<SeriesSet> | null> {
  return read<SeriesSet>(kv, keys.bundle(v.version, geoId(iso3, admin1Slug), measure), (d) => Array.isArray(d.series));
}

/** Both measures of a geography and category in one read, or null when the dataset has no such series. */
export function measures(
  kv: KVNamespace,
  v: VersionRef,
  iso3: string,
  admin1Slug: string | null,
  category: CategoryId,
): Promise<Stored<SeriesSet> | null> {
  return read<SeriesSet>(kv, keys.measures(v.version, geoId(iso3, admin1Slug), category), (d) => Array.isArray(d.series));
}

/**
 * A country's daily counts of a category (both measures), or null when the dataset has no such
 * entry (an unknown country or category; the caller explains why). A country without an
 * event-level source has an entry whose `days` is null and whose `why` says so.
 */
export function days(kv: KVNamespace, v: VersionRef, iso3: string, category: CategoryId): Promise<Stored<DaysDoc> | null> {
  return read<DaysDoc>(
    kv,
    keys.days(v.version, iso3, category),
    (d) => 'days' in d && (d.days === null ? typeof d.why === 'string' : Array.isArray(d.days.events) && Array.isArray(d.days.fatalities)),
  );
}

/** The weekly counts of a geography and category (both measures), or null when the dataset has no such entry. */
export function weeks(
  kv: KVNamespace,
  v: VersionRef,
  iso3: string,
  admin1Slug: string | null,
  category: CategoryId,
): Promise<Stored<WeeksDoc> | null> {
  return read<WeeksDoc>(
    kv,
    keys.weeks(v.version, geoId(iso3, admin1Slug), category),
    (d) => typeof d.from === 'string' && Array.isArray(d.events) && Array.isArray(d.fatalities),
  );
}

/**
 * The newest published version, other than `not`, whose catalogue reads: what to serve when the
 * current version cannot be read. Null when there is none (or no list of versions).
 */
export async function lastGoodVersion(kv: KVNamespace, not: string | null): Promise<string | null> {
  const text = await kv.get(VERSIONS_KEY);
  if (text === null) return null;
  let list: PublishedVersion[];
  try {
    list = JSON.parse(text) as PublishedVersion[];
    if (!Array.isArray(list)) return null;
  } catch {
    return null;
  }
  for (const { version } of [...list].reverse()) {
    if (typeof version !== 'string' || version === not) continue;
    try {
      if (await read<Catalogue>(kv, keys.catalogue(version), (d) => Array.isArray(d.countries))) return version;
    } catch {
      // Corrupt too: try an older one.
    }
  }
  return null;
}

/** A version's entry is absent: the client's mistake when it pinned that version, else ours. */
function missing(v: VersionRef, entry: string) {
  return v.pinned
    ? notFound(`Dataset version ${v.version} is not published here (or was pruned); omit "version" for the current dataset.`)
    : unavailable(`Dataset ${v.version} has no ${entry} entry.`);
}

/**
 * A map that keeps the most recently used entries up to a total size (`maxBytes`, as counted by
 * `sizeOf`), dropping the least recently used first. A Map iterates in insertion order, so an
 * entry is moved to the end when read: the first entries are the least recently used.
 * @example const m = new Memo<string>(10, (s) => s.length); m.set('a', 'xxxxxx'); m.set('b', 'yyyyyy'); m.get('a') === undefined
 */
export class Memo<V> {
  readonly #entries = new Map<string, { value: V; size: number }>();
  readonly #maxBytes: number;
  readonly #sizeOf: (value: V) => number;
  #bytes = 0;

  constructor(maxBytes: number, sizeOf: (value: V) => number) {
    this.#maxBytes = maxBytes;
    this.#sizeOf = sizeOf;
  }

  /** The total size of the entries kept. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The keys kept, least recently used first. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  /** Drop every entry. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  get(key: string): V | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit.value;
  }

  /**
   * Keep `value` under `key` (replacing what was there), then drop the least recently used
   * entries until the total fits. A value larger than the whole memo is not kept.
   */
  set(key: string, value: V): void {
    // Two requests that miss the same key at once both store it: the first copy's size goes.
    this.#drop(key);
    const size = this.#sizeOf(value);
    if (size > this.#maxBytes) return;
    this.#entries.set(key, { value, size });
    this.#bytes += size;
    for (const k of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#drop(k);
    }
  }

  #drop(key: string): void {
    const e = this.#entries.get(key);
    if (!e) return;
    this.#entries.delete(key);
    this.#bytes -= e.size;
  }
}

// Entries under a version never change once written, so each isolate keeps the ones it has read
// (up to MEMO_BYTES, counting each text twice: as text and as the bytes it may be served as;
// least recently used first out): a hot series costs no KV read.
// Workers isolates have 128 MB; 16 MB of text leaves ample room.
const MEMO_BYTES = 16 * 1024 * 1024;
const memo = new Memo<Stored<object>>(MEMO_BYTES, (s) => 2 * s.text.length);

/** Read and check an entry: `intact` tells a document of the expected kind from other JSON. */
async function read<T extends object>(kv: KVNamespace, key: string, intact: (doc: T) => boolean): Promise<Stored<T> | null> {
  const hit = memo.get(key);
  if (hit) return hit as Stored<T>;
  const text = await kv.get(key);
  if (text === null) return null;
  // Parsed to check it is intact; when served whole, the stored text goes out unchanged.
  const doc = parse<T | null>(text, key);
  if (typeof doc !== 'object' || doc === null || !intact(doc)) throw corrupt(key, 'is not the document expected there');
  const stored = { text, doc };
  memo.set(key, stored);
  return stored;
}

function parse<T>(text: string, key: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw corrupt(key, `is not valid JSON (${text.length} bytes)`);
  }
}

function corrupt(key: string, why: string) {
  console.error(`kv: entry ${key} ${why}`);
  return unavailable(`The stored entry ${key} is corrupt.`);
}
