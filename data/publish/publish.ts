/**
 * A built dataset version's KV entries -> that version published in Workers KV, pointer last; also
 * rolling back and pruning. Over a small writer interface so that one code path serves wrangler (local Miniflare or remote Cloudflare, see
 * data/cli/publish.ts) and a KVNamespace binding (tests in workerd). Pure apart from the writer.
 *
 * Order of a publish: every entry of the new version (in bulk batches within KV's limits), then
 * the list of published versions, then the pointer `current`. Readers follow the pointer, so
 * until that last write they read the previous version whole; a failed or interrupted publish
 * leaves it serving (its own entries stay behind, unreferenced, until `prune`).
 */
import { POINTER_KEY, VERSION_KEY_PREFIX, VERSIONS_KEY, versionOfKey, versionPrefix } from '../../model/keys.ts';
import type { Pointer, PublishedVersion } from '../../model/types.ts';
import type { KvEntry } from '../build/dataset.ts';

/** Workers KV limits: 10,000 pairs and 100 MB per bulk request, 25 MiB per value. */
export interface KvLimits {
  pairs: number;
  requestBytes: number;
  valueBytes: number;
}
export const KV_LIMITS: KvLimits = { pairs: 10_000, requestBytes: 100_000_000, valueBytes: 25 * 1024 * 1024 };

/** What publishing needs from a KV store. */
export interface KvWriter {
  /** Write these pairs in one request (bulk put); they are within KV_LIMITS. */
  putMany(entries: KvEntry[]): Promise<void>;
  get(key: string): Promise<string | null>;
  /** Every key starting with `prefix`. */
  list(prefix: string): Promise<string[]>;
  /** Delete these keys (at most KV_LIMITS.pairs at a time). */
  deleteMany(keys: string[]): Promise<void>;
}

const encoder = new TextEncoder();

/** Bytes a pair takes in a bulk request body (JSON). */
function requestSize(e: KvEntry): number {
  return encoder.encode(JSON.stringify(e)).length + 1;
}

/** Split entries into bulk requests within the limits (with a 5% margin on bytes); throws on a value over 25 MiB. */
export function batches(
  entries: readonly KvEntry[],
  limits: { pairs: number; requestBytes: number; valueBytes: number } = KV_LIMITS,
): KvEntry[][] {
  const maxBytes = Math.floor(limits.requestBytes * 0.95);
  const out: KvEntry[][] = [];
  let cur: KvEntry[] = [];
  let bytes = 2;
  for (const e of entries) {
    const valueBytes = encoder.encode(e.value).length;
    if (valueBytes > limits.valueBytes)
      throw new Error(`${e.key}: value of ${valueBytes} bytes is over KV's ${limits.valueBytes}-byte limit`);
    const size = requestSize(e);
    if (cur.length > 0 && (cur.length >= limits.pairs || bytes + size > maxBytes)) {
      out.push(cur);
      cur = [];
      bytes = 2;
    }
    cur.push(e);
    bytes += size;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export async function readVersions(kv: KvWriter): Promise<PublishedVersion[]> {
  const text = await kv.get(VERSIONS_KEY);
  if (text === null) return [];
  const list = JSON.parse(text) as unknown;
  if (!Array.isArray(list)) throw new Error(`KV key "${VERSIONS_KEY}" is not a list`);
  return list as PublishedVersion[];
}

export async function readPointer(kv: KvWriter): Promise<Pointer | null> {
  const text = await kv.get(POINTER_KEY);
  return text === null ? null : (JSON.parse(text) as Pointer);
}

export interface PublishOptions {
  /** ISO time recorded as the publication time. */
  now: string;
  log?: (line: string) => void;
  limits?: KvLimits;
}

/** Write every entry of `version`, then the versions list, then the pointer. */
export async function publish(kv: KvWriter, version: string, entries: readonly KvEntry[], opts: PublishOptions): Promise<Pointer> {
  const prefix = versionPrefix(version);
  const stray = entries.find((e) => !e.key.startsWith(prefix));
  if (stray) throw new Error(`entry ${stray.key} is not under ${prefix}: refusing to publish`);
  if (entries.length === 0) throw new Error('no entries to publish');
  const parts = batches(entries, opts.limits);
  for (const [i, part] of parts.entries()) {
    await kv.putMany(part);
    opts.log?.(`  wrote ${part.length} entries (${i + 1}/${parts.length})`);
  }
  return publishWritten(kv, version, entries.length, opts.now);
}

/**
 * The end of a publish, once every entry of `version` is written (by publish(), or chunk by chunk
 * by the refresh Workflow): the versions list, then the pointer.
 */
export async function publishWritten(kv: KvWriter, version: string, entries: number, now: string): Promise<Pointer> {
  const versions = (await readVersions(kv)).filter((v) => v.version !== version);
  versions.push({ version, publishedAt: now, entries });
  await kv.putMany([{ key: VERSIONS_KEY, value: JSON.stringify(versions) }]);
  // Last: the pointer. Until this write, readers keep the previous version.
  const pointer: Pointer = { version, publishedAt: now };
  await kv.putMany([{ key: POINTER_KEY, value: JSON.stringify(pointer) }]);
  return pointer;
}

/**
 * Point `current` at an earlier published version: `to`, or the one published before the
 * current one. Checks that the target's entries are still there (its catalogue) first.
 */
export async function rollback(kv: KvWriter, to?: string): Promise<Pointer> {
  const versions = await readVersions(kv);
  const current = await readPointer(kv);
  let target: PublishedVersion | undefined;
  if (to) target = versions.find((v) => v.version === to);
  else {
    const i = versions.findIndex((v) => v.version === current?.version);
    target = i > 0 ? versions[i - 1] : undefined;
  }
  if (!target)
    throw new Error(
      to
        ? `version ${to} was never published (published: ${versions.map((v) => v.version).join(', ') || 'none'})`
        : `no version published before ${current?.version ?? '(none)'} to roll back to`,
    );
  const keys = await kv.list(versionPrefix(target.version));
  if (keys.length !== target.entries)
    throw new Error(`version ${target.version} has ${keys.length} of its ${target.entries} entries left (pruned?): cannot roll back to it`);
  const pointer: Pointer = { version: target.version, publishedAt: target.publishedAt };
  await kv.putMany([{ key: POINTER_KEY, value: JSON.stringify(pointer) }]);
  return pointer;
}

export interface PruneResult {
  kept: string[];
  removed: string[];
  deletedKeys: number;
}

/**
 * Keep the `keep` most recently published versions and the one being served; delete every other
 * version's entries, including the leftovers of failed publishes (versions never listed).
 * The list is updated first, so an interrupted prune leaves only unreferenced keys behind.
 */
export async function prune(kv: KvWriter, keep: number): Promise<PruneResult> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep must be a whole number of at least 1');
  const versions = await readVersions(kv);
  const current = await readPointer(kv);
  const kept = new Set(versions.slice(-keep).map((v) => v.version));
  if (current) kept.add(current.version);
  const toDelete: string[] = [];
  const removed = new Set<string>();
  for (const key of await kv.list(VERSION_KEY_PREFIX)) {
    const v = versionOfKey(key);
    if (v === null || kept.has(v)) continue;
    toDelete.push(key);
    removed.add(v);
  }
  for (const v of versions) if (!kept.has(v.version)) removed.add(v.version);
  await kv.putMany([{ key: VERSIONS_KEY, value: JSON.stringify(versions.filter((v) => kept.has(v.version))) }]);
  for (let i = 0; i < toDelete.length; i += KV_LIMITS.pairs) await kv.deleteMany(toDelete.slice(i, i + KV_LIMITS.pairs));
  return { kept: versions.map((v) => v.version).filter((v) => kept.has(v)), removed: [...removed].sort(), deletedKeys: toDelete.length };
}

/** The parts of a KVNamespace binding that a KvWriter needs. */
export interface KvNamespaceLike {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  list(options: {
    prefix?: string | null;
    cursor?: string | null;
  }): Promise<{ keys: { name: string }[]; list_complete: boolean; cursor?: string }>;
}

/** A KvWriter over a KVNamespace binding (inside a Worker or workerd tests). */
export function namespaceWriter(kv: KvNamespaceLike): KvWriter {
  return {
    async putMany(entries) {
      for (const e of entries) await kv.put(e.key, e.value);
    },
    get: (key) => kv.get(key),
    async list(prefix) {
      const out: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await kv.list({ prefix, cursor: cursor ?? null });
        out.push(...page.keys.map((k) => k.name));
        if (page.list_complete || !page.cursor) return out;
        cursor = page.cursor;
      }
    },
    async deleteMany(keys) {
      for (const k of keys) await kv.delete(k);
    },
  };
}
