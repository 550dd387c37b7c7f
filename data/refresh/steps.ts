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
import { keys, POINTER_KEY, REFRESH_KEY, STAGE_KEY_PREFIX } from '../../model/keys.ts';
import type { RefreshFailure } from '../../model/refresh-failures.ts';
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
import { publishWritten } from '../publish/publish.ts';
import { type AcledConfig, getToken } from './acled.ts';
import { baseSource, baseSummary, readBase, withSource } from './base.ts';
import {
  ALL_COUNTRIES,
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
import { codeOf, RefreshError } from './failure.ts';
import { readCountry } from './fetch.ts';

/** Entries written per write step: with the step's two reads, far under 1,000 KV operations per invocation. */
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
  if (!p?.version) throw new RefreshError('not-published', 'no dataset is published yet: publish one with npm run data:publish first');
  const base = await kv.get(keys.base(p.version));
  if (base === null)
    throw new RefreshError(
      'no-base',
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
    if (d === null) throw new RefreshError('inconsistent', `the staged window of ${iso3} is missing`);
    parts.push(JSON.parse(d) as Derived);
  }
  const derived = combine(parts);
  const key = keys.base(plan.version);
  const text = await kv.get(key);
  if (text === null) throw new RefreshError('no-base', `the base of the served version ${plan.version} is missing`);
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

/** The next version's base: the staged one, with the served version's weekly cells of `weekly` (a country's, or none). */
async function stagedInput(kv: TextKv, id: string, served: string, weekly: Iso3 | 'none') {
  const text = await kv.get(baseKey(id));
  if (text === null) throw new RefreshError('inconsistent', 'the staged base of the next version is missing');
  return buildContext(await readBase((k) => kv.get(k), served, weekly, text));
}

/**
 * `hash <ISO3>`: the country's entries built with an empty version; staged: their manifest, the
 * country's catalogue entry and the documents the claims read (2 KV reads, 1 write).
 */
export async function hashStep(kv: TextKv, id: string, served: string, iso3: Iso3): Promise<{ entries: number }> {
  const ctx = await stagedInput(kv, id, served, iso3);
  const part = countryPart(ctx, iso3, datasetRef(ctx, ''));
  if (!part) throw new RefreshError('inconsistent', `no source of the next version gives ${iso3}`);
  const entries = countryEntries(part, '');
  const staged: StagedPart = { entry: part.entry, manifest: await manifestOf(entries), docs: claimDocsOf(part, ctx.claims) };
  await kv.put(partKey(id, iso3), JSON.stringify(staged));
  return { entries: entries.length };
}

/**
 * `version`: the catalogue and the claims built from the staged parts, the version worked out
 * from every manifest; the catalogue, the claims and the base written under it, the served
 * version's weekly cells copied as they are (2 + 2 x countries KV reads, 4 + countries writes).
 * Returns the version and its entry count (the base's entries included, as data:publish counts).
 */
export async function versionStep(
  kv: TextKv,
  id: string,
  served: string,
  countries: readonly Iso3[],
): Promise<{ version: string; entries: number }> {
  const ctx = await stagedInput(kv, id, served, 'none');
  const parts: StagedPart[] = [];
  for (const iso3 of countries) {
    const t = await kv.get(partKey(id, iso3));
    if (t === null) throw new RefreshError('inconsistent', `the staged part of ${iso3} is missing`);
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
  const base = (await kv.get(baseKey(id)))!;
  await kv.put(keys.base(version), base);
  const weekly = baseSummary(base, baseKey(id)).weekly;
  for (const iso3 of weekly) {
    const cells = await kv.get(keys.baseWeekly(served, iso3));
    if (cells === null) throw new RefreshError('no-base', `the weekly cells of ${iso3} of the served version ${served} are missing`);
    await kv.put(keys.baseWeekly(version, iso3), cells);
  }
  return { version, entries: manifest.length + 1 + weekly.length };
}

/**
 * `write <ISO3> i/n`: the country built again with the version, its entries `from` to `to` written
 * (2 KV reads, at most WRITE_BATCH writes). `expected` is its entry count in the first pass: a
 * build that differs fails the step.
 */
export async function writeStep(
  kv: TextKv,
  id: string,
  served: string,
  iso3: Iso3,
  version: string,
  slice: { from: number; to: number; expected: number },
): Promise<{ written: number }> {
  const ctx = await stagedInput(kv, id, served, iso3);
  const part = countryPart(ctx, iso3, datasetRef(ctx, version));
  const entries = part ? countryEntries(part, version) : [];
  if (entries.length !== slice.expected)
    throw new RefreshError('inconsistent', `${iso3} gave ${entries.length} entries, ${slice.expected} when the version was worked out`);
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

/**
 * `publish`: every entry written, the versions list, then the pointer (last), then the run
 * recorded and the scratch keys removed (1 KV read, 3 writes, 1 delete per scratch key).
 */
export async function publishStep(
  kv: TextKv,
  id: string,
  version: string,
  entries: number,
  run: RefreshRun,
): Promise<{ published: string }> {
  const writer = {
    get: (key: string) => kv.get(key),
    async putMany(es: readonly { key: string; value: string }[]) {
      for (const e of es) await kv.put(e.key, e.value);
    },
    list: () => Promise.reject(new Error('not listed by a refresh')),
    deleteMany: () => Promise.reject(new Error('nothing is deleted by a publish')),
  };
  await publishWritten(writer, version, entries, run.at);
  await recordStep(kv, id, run);
  return { published: version };
}

/** The run recorded under REFRESH_KEY, whatever its outcome, and its scratch keys removed (1 KV write, 1 delete per scratch key). */
export async function recordStep(kv: TextKv, id: string, run: RefreshRun): Promise<{ recorded: RefreshRun['outcome'] }> {
  await kv.put(REFRESH_KEY, JSON.stringify(run));
  await clearStaged(kv, id, ALL_COUNTRIES);
  return { recorded: run.outcome };
}

/** Remove a run's scratch keys (one KV delete each). */
export async function clearStaged(kv: TextKv, id: string, countries: readonly Iso3[]): Promise<void> {
  for (const k of stagedKeys(id, countries)) await kv.delete(k);
}

/** Run one step: in the Workflow, `step.do` with its retries; in Node, the work itself (tests, tests/bench/refresh-steps.ts). */
export type DoStep = <T>(name: string, work: () => Promise<T>) => Promise<T>;

export interface RefreshRunOptions {
  kv: TextKv;
  cfg: AcledConfig;
  /** The run's id (the Workflow instance's): names its scratch keys. */
  id: string;
  /** The run's time (ISO). */
  at: string;
  asked: { since?: string | undefined; through?: string | undefined; countries?: string | undefined };
  doStep: DoStep;
  /** Wraps the steps that call ACLED (the Workflow: failures retrying cannot mend end the run at once). */
  acled?: <T>(work: () => Promise<T>) => Promise<T>;
  /** The reason of a failure, in plain words. */
  reason: (e: unknown) => string;
}

/**
 * The whole refresh, step by step (the Workflow's run): plan, token, read each country, merge;
 * then, unless nothing is new, hash each country, the version, write each country in batches,
 * publish (pointer last). Every outcome is recorded under REFRESH_KEY; a failure is recorded
 * with its reason and thrown again, the pointer untouched.
 */
export async function runRefresh(o: RefreshRunOptions): Promise<RefreshRun> {
  const { kv, cfg, id, at } = o;
  // The cause of the last failed step, taken where its error is thrown: an error that crosses the
  // Workflow engine's step boundary (or is wrapped by `acled`, as a NonRetryableError) arrives as
  // a plain Error, its message kept, its class and code lost.
  let failed: RefreshFailure | null = null;
  const doStep: DoStep = (name, work) =>
    o.doStep(name, async () => {
      failed = null;
      try {
        return await work();
      } catch (e) {
        failed = codeOf(e) ?? failed ?? 'internal';
        throw e;
      }
    });
  const acled = <T>(work: () => Promise<T>): Promise<T> =>
    (o.acled ?? ((w) => w()))(async () => {
      try {
        return await work();
      } catch (e) {
        failed = codeOf(e);
        throw e;
      }
    });
  let w: RefreshWindow | null = null;
  let counts: RefreshRun['rows'] = { read: 0, accepted: 0, rejected: 0, duplicates: 0, byReason: {} };
  const ran = (): Omit<RefreshRun, 'outcome' | 'reason' | 'code' | 'version'> => ({
    at,
    by: 'workflow',
    window: w ? { since: w.since, through: w.through } : { since: '', through: '' },
    countries: w?.countries ?? [],
    rows: counts,
  });
  const record = (r: Pick<RefreshRun, 'outcome' | 'reason' | 'version'> & Pick<Partial<RefreshRun>, 'code'>): RefreshRun => ({
    ...ran(),
    ...r,
  });
  try {
    const plan = await doStep('plan', () => planStep(kv, at, o.asked));
    w = plan.window;
    await doStep('token', () =>
      acled(async () => {
        const t = await getToken(cfg);
        // Nothing of the token is kept: only that one was issued.
        return { issued: true, expiresAt: new Date(t.expiresAt).toISOString() };
      }),
    );
    for (const iso3 of plan.window.countries) {
      const c = await doStep(`read ${iso3}`, () => acled(() => readStep(kv, cfg, id, plan.window, iso3)));
      counts = addRows(counts, c.rows);
    }
    const merged = await doStep('merge', () => mergeStep(kv, id, plan, ran()));
    if (merged.unchanged) {
      const run = record({ outcome: 'unchanged', reason: null, version: plan.version });
      await doStep('record', () => recordStep(kv, id, run));
      return run;
    }
    const sizes: number[] = [];
    for (const iso3 of merged.countries) sizes.push((await doStep(`hash ${iso3}`, () => hashStep(kv, id, plan.version, iso3))).entries);
    const built = await doStep('version', () => versionStep(kv, id, plan.version, merged.countries));
    for (const [i, iso3] of merged.countries.entries()) {
      const slices = writeSlices(sizes[i]!);
      for (const [j, s] of slices.entries())
        await doStep(`write ${iso3} ${j + 1}/${slices.length}`, () =>
          writeStep(kv, id, plan.version, iso3, built.version, { ...s, expected: sizes[i]! }),
        );
    }
    const run = record({ outcome: 'published', reason: null, version: built.version });
    // Every entry is written: the versions list, then the pointer, last.
    await doStep('publish', () => publishStep(kv, id, built.version, built.entries, run));
    return run;
  } catch (e) {
    const run = record({ outcome: 'failed', reason: o.reason(e), code: codeOf(e) ?? failed ?? 'internal', version: null });
    await doStep('record failure', () => recordStep(kv, id, run));
    throw e;
  }
}

function addRows(a: RefreshRun['rows'], b: RefreshRun['rows']): RefreshRun['rows'] {
  const byReason = { ...a.byReason };
  for (const [k, v] of Object.entries(b.byReason)) byReason[k] = (byReason[k] ?? 0) + v;
  return {
    read: a.read + b.read,
    accepted: a.accepted + b.accepted,
    rejected: a.rejected + b.rejected,
    duplicates: a.duplicates + b.duplicates,
    byReason,
  };
}
