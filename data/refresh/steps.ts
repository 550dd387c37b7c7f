/**
 * The work of each step of the scheduled refresh (worker/refresh.ts wraps each in a Workflow
 * step; tests/bench/refresh-steps.ts runs each alone in Node under a heap cap). Pure: a text KV
 * and `fetch` only.
 *
 * The next version is built one country at a time, twice: a first pass builds each country's
 * entries with an empty version, stages only their manifest (keys and value hashes), the
 * country's catalogue entry and the few documents the claims read; the version, a hash of every
 * manifest (data/build/dataset.ts, versionOf), is then known, and a second pass builds each
 * country again and writes its entries under the version's keys, in batches. No step ever holds
 * more than one country's documents, and every step's result is a few numbers.
 *
 * Limits designed for (Workers Paid, per invocation, i.e. per step; Workflows limits page,
 * Workers and KV limits pages, 2026): memory 128 MB per isolate; 1,000 KV operations; 50
 * subrequests (the Free plan's figure, kept although Paid allows 10,000); CPU 30 s by default
 * (raised to 5 minutes in wrangler.toml, for margin); a step's result at most 1 MiB; a KV value
 * at most 25 MiB. Measured per step: tests/bench/refresh-steps.ts (peak heap), and
 * tests/data/refresh/steps.test.ts (KV operations, subrequests, result sizes).
 */
import type { Iso3 } from '../../model/geography.ts';
import { keys, POINTER_KEY, STAGE_KEY_PREFIX } from '../../model/keys.ts';
import type { CountryEntry, Pointer, RefreshRun } from '../../model/types.ts';
import {
  buildContext,
  type ClaimDocs,
  claimDocsOf,
  countryEntries,
  countryPart,
  datasetRef,
  globalPart,
  manifestOf,
  versionOf,
} from '../build/dataset.ts';
import type { Derived } from '../derive/aggregate.ts';
import { type AcledConfig, getToken } from './acled.ts';
import { baseSource, baseSummary, decodeBase, withSource } from './base.ts';
import {
  combine,
  mergeWindow,
  parseCountries,
  REFRESH_SOURCE,
  type RefreshSource,
  type RefreshWindow,
  refreshWindow,
  runRows,
  sameAggregates,
} from './core.ts';
import { readCountry } from './fetch.ts';

/** Entries written per write step: with the step's one read, far under 1,000 KV operations per invocation. */
export const WRITE_BATCH = 400;

/** The KV operations the steps use (a KVNamespace binding has them). */
export interface TextKv {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Scratch keys of one run, under STAGE_KEY_PREFIX (removed when the run ends, whatever its outcome). */
export const stageKey = (id: string, part: string) => `${STAGE_KEY_PREFIX}${id}:${part}`;
const windowKey = (id: string, iso3: Iso3) => stageKey(id, `window:${iso3}`);
const baseKey = (id: string) => stageKey(id, 'base');
const partKey = (id: string, iso3: Iso3) => stageKey(id, `part:${iso3}`);

/** Every scratch key a run may have written. */
export function stagedKeys(id: string, countries: readonly Iso3[]): string[] {
  return [...countries.map((c) => windowKey(id, c)), baseKey(id), ...countries.map((c) => partKey(id, c))];
}

export interface Plan {
  version: string;
  window: RefreshWindow;
}

/** `plan`: the served version and the window to read (2 KV reads). */
export async function planStep(
  kv: TextKv,
  at: string,
  asked: { since?: string | undefined; through?: string | undefined; countries?: string | undefined },
): Promise<Plan> {
  const text = await kv.get(POINTER_KEY);
  const p = text ? (JSON.parse(text) as Pointer) : null;
  if (!p?.version) throw new Error('no dataset is published yet: publish one with npm run data:publish first');
  const base = await kv.get(keys.base(p.version));
  if (base === null)
    throw new Error(
      `the served version ${p.version} has no base to merge into: build and publish it again (npm run data:build && npm run data:publish)`,
    );
  const window = refreshWindow(baseSummary(base, keys.base(p.version)).infos, at.slice(0, 10), {
    since: asked.since ?? null,
    through: asked.through ?? null,
    countries: asked.countries ? parseCountries(asked.countries) : null,
  });
  return { version: p.version, window };
}

/** `read <ISO3>`: one country's pages, derived as they arrive, its aggregates staged (1 KV write; 1 token + 1 per page subrequests). */
export async function readStep(
  kv: TextKv,
  cfg: AcledConfig,
  id: string,
  w: RefreshWindow,
  iso3: Iso3,
): Promise<{ pages: number; rows: RefreshRun['rows'] }> {
  const r = await readCountry(cfg, await getToken(cfg), w, iso3);
  await kv.put(windowKey(id, iso3), JSON.stringify(r.derived));
  return { pages: r.pages, rows: runRows(r.derived) };
}

export type Merged = { unchanged: true } | { unchanged: false; countries: Iso3[] };

/**
 * `merge`: the staged windows merged into the served version's `acled-api` source; "unchanged"
 * when that gives its aggregates again, else the next version's base staged, the other sources'
 * rows copied as stored (countries + 1 KV reads, 1 write).
 */
export async function mergeStep(
  kv: TextKv,
  id: string,
  plan: Plan,
  run: Omit<RefreshRun, 'outcome' | 'reason' | 'version'>,
): Promise<Merged> {
  const parts: Derived[] = [];
  for (const iso3 of plan.window.countries) {
    const d = await kv.get(windowKey(id, iso3));
    if (d === null) throw new Error(`the staged window of ${iso3} is missing`);
    parts.push(JSON.parse(d) as Derived);
  }
  const derived = combine(parts);
  const key = keys.base(plan.version);
  const text = await kv.get(key);
  if (text === null) throw new Error(`the base of the served version ${plan.version} is missing`);
  const prevEntry = baseSource(text, key, REFRESH_SOURCE);
  const prev: RefreshSource | null = prevEntry ? { info: prevEntry.info, rows: prevEntry.rows, daily: prevEntry.daily ?? [] } : null;
  const merged = mergeWindow(prev, derived, plan.window, { ...run, outcome: 'published', reason: null, version: null });
  if (prev && sameAggregates(prev, merged)) return { unchanged: true };
  const next = withSource(text, key, { info: merged.info, rows: merged.rows, daily: merged.daily });
  await kv.put(baseKey(id), next);
  return { unchanged: false, countries: baseSummary(next, baseKey(id)).countries };
}

interface StagedPart {
  entry: CountryEntry;
  manifest: [string, string][];
  docs: ClaimDocs;
}

/** The staged base, with only `weekly`'s weekly cells decoded (a country's, or none). */
async function stagedInput(kv: TextKv, id: string, weekly: Iso3 | 'none') {
  const text = await kv.get(baseKey(id));
  if (text === null) throw new Error('the staged base of the next version is missing');
  return buildContext(decodeBase(text, baseKey(id), weekly));
}

/**
 * `hash <ISO3>`: the country's entries built with an empty version; staged: their manifest, the
 * country's catalogue entry and the documents the claims read (1 KV read, 1 write).
 */
export async function hashStep(kv: TextKv, id: string, iso3: Iso3): Promise<{ entries: number }> {
  const ctx = await stagedInput(kv, id, iso3);
  const part = countryPart(ctx, iso3, datasetRef(ctx, ''));
  if (!part) throw new Error(`no source of the next version gives ${iso3}`);
  const entries = countryEntries(part, '');
  const staged: StagedPart = { entry: part.entry, manifest: await manifestOf(entries), docs: claimDocsOf(part, ctx.claims) };
  await kv.put(partKey(id, iso3), JSON.stringify(staged));
  return { entries: entries.length };
}

/**
 * `version`: the catalogue and the claims built from the staged parts, the version worked out
 * from every manifest; the catalogue, the claims and the base written under it (1 + countries KV
 * reads, 4 writes). Returns the version and its entry count (the base not counted, as publish counts).
 */
export async function versionStep(kv: TextKv, id: string, countries: readonly Iso3[]): Promise<{ version: string; entries: number }> {
  const ctx = await stagedInput(kv, id, 'none');
  const parts: StagedPart[] = [];
  for (const iso3 of countries) {
    const t = await kv.get(partKey(id, iso3));
    if (t === null) throw new Error(`the staged part of ${iso3} is missing`);
    parts.push(JSON.parse(t) as StagedPart);
  }
  const docs: ClaimDocs = {
    series: parts.flatMap((p) => p.docs.series),
    days: parts.flatMap((p) => p.docs.days),
    weeks: parts.flatMap((p) => p.docs.weeks),
  };
  const entries = parts.map((p) => p.entry);
  const draft = globalPart(ctx, entries, docs, datasetRef(ctx, ''));
  const manifest = [...parts.flatMap((p) => p.manifest), ...(await manifestOf(draft.entries))];
  const version = await versionOf(manifest);
  const global = globalPart(ctx, entries, docs, datasetRef(ctx, version));
  for (const e of global.entries) await kv.put(e.key, e.value);
  const base = await kv.get(baseKey(id));
  await kv.put(keys.base(version), base!);
  return { version, entries: manifest.length };
}

/**
 * `write <ISO3> i/n`: the country built again with the version, its entries `from` to `to` written
 * (1 KV read, at most WRITE_BATCH writes). `expected` is its entry count in the first pass: a
 * build that differs fails the step.
 */
export async function writeStep(
  kv: TextKv,
  id: string,
  iso3: Iso3,
  version: string,
  slice: { from: number; to: number; expected: number },
): Promise<{ written: number }> {
  const ctx = await stagedInput(kv, id, iso3);
  const part = countryPart(ctx, iso3, datasetRef(ctx, version));
  const entries = part ? countryEntries(part, version) : [];
  if (entries.length !== slice.expected)
    throw new Error(`${iso3} gave ${entries.length} entries, ${slice.expected} when the version was worked out`);
  const batch = entries.slice(slice.from, slice.to);
  for (const e of batch) await kv.put(e.key, e.value);
  return { written: batch.length };
}

/** The write steps of one country: [from, to) slices of at most WRITE_BATCH entries. */
export function writeSlices(entries: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let from = 0; from < entries; from += WRITE_BATCH) out.push({ from, to: Math.min(entries, from + WRITE_BATCH) });
  return out;
}

/** Remove a run's scratch keys (one KV delete each). */
export async function clearStaged(kv: TextKv, id: string, countries: readonly Iso3[]): Promise<void> {
  for (const k of stagedKeys(id, countries)) await kv.delete(k);
}
