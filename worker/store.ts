/**
 * The only module that reads KV. Entries are JSON documents written by the pipeline under a
 * dataset version; the pointer says which version is current. Key strings come from
 * data/model/keys.ts. A missing or unreadable entry is a 503, never a stack trace.
 */
import type { CategoryId, Measure } from '../data/model/categories.ts';
import { geoId, keys, POINTER_KEY } from '../data/model/keys.ts';
import type { Catalogue, ClaimsDoc, Pointer, SeriesDoc } from '../data/model/types.ts';
import { unavailable } from './problem.ts';

/** A stored document: its text exactly as stored (served as is) and its parsed value. */
export interface Stored<T> {
  text: string;
  doc: T;
}

export async function currentVersion(kv: KVNamespace): Promise<string> {
  const text = await kv.get(POINTER_KEY);
  if (text === null) throw unavailable('No dataset has been published (the KV pointer "current" is missing).');
  const p = parse<Partial<Pointer> | null>(text, POINTER_KEY);
  if (typeof p?.version !== 'string' || !p.version) throw unavailable('The KV pointer "current" does not name a dataset version.');
  return p.version;
}

export async function catalogue(kv: KVNamespace, version: string): Promise<Stored<Catalogue>> {
  const s = await read<Catalogue>(kv, keys.catalogue(version), (d) => Array.isArray(d.countries));
  if (!s) throw unavailable(`Dataset ${version} has no catalogue entry.`);
  return s;
}

export async function claims(kv: KVNamespace, version: string): Promise<Stored<ClaimsDoc>> {
  const s = await read<ClaimsDoc>(kv, keys.claims(version), (d) => Array.isArray(d.claims));
  if (!s) throw unavailable(`Dataset ${version} has no claims entry.`);
  return s;
}

/** A series, or null when the dataset has no such series (the caller explains why). */
export function series(
  kv: KVNamespace,
  version: string,
  iso3: string,
  admin1Slug: string | null,
  category: CategoryId,
  measure: Measure,
): Promise<Stored<SeriesDoc> | null> {
  return read<SeriesDoc>(kv, keys.series(version, geoId(iso3, admin1Slug), category, measure), (d) => Array.isArray(d.points));
}

/** Read and check an entry: `intact` tells a document of the expected kind from other JSON. */
async function read<T extends object>(kv: KVNamespace, key: string, intact: (doc: T) => boolean): Promise<Stored<T> | null> {
  const text = await kv.get(key);
  if (text === null) return null;
  // Parsed to check it is intact; when served whole, the stored text goes out unchanged.
  const doc = parse<T | null>(text, key);
  if (typeof doc !== 'object' || doc === null || !intact(doc)) throw corrupt(key, 'is not the document expected there');
  return { text, doc };
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
