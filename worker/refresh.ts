/**
 * The scheduled refresh from ACLED's API, as a Cloudflare Workflow: the Cron Trigger's
 * `scheduled` handler starts one instance (startRefresh), whose steps each run as their own
 * invocation, are retried with backoff, and whose results are kept by the Workflow engine:
 *
 *   plan                read the pointer and the served version's base: the window (data/refresh/core.ts)
 *   token               check the credentials (a token is asked for again in each read step: none is kept)
 *   read <ISO3>         one country's pages, derived as they arrive; its aggregates staged in KV
 *   aggregate           the staged windows merged into the served version's base, the next version built
 *                       and staged in chunks; or "unchanged" when ACLED had nothing new
 *   write <i>/<n>       one chunk of the new version's entries written
 *   publish             the versions list, then the pointer (last), the run recorded
 *
 * Limits designed for (Workers Paid; the build cannot run on the Free plan's 10 ms of CPU): per
 * step at most WRITE_BATCH + 2 KV operations (under 1,000 per invocation), a read step 1 + pages + 1
 * subrequests (under 50 while a country has fewer than 48 pages of 5,000 rows), step results of
 * a few hundred bytes (the engine keeps at most 1 MiB per step), and the build, the one heavy step,
 * under its 5 minutes of CPU (`limits.cpu_ms` in wrangler.toml). Raw rows exist only in the memory
 * of a read step; only aggregates are staged or stored. Any failure (after the retries) is
 * recorded under REFRESH_KEY with its reason in plain words, the staging entries are removed, and
 * the pointer is never touched: the served version stays as it was.
 */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep, type WorkflowStepConfig } from 'cloudflare:workers';
import { NonRetryableError } from 'cloudflare:workflows';
import { buildDataset, type DatasetInput, type KvEntry } from '../data/build/dataset.ts';
import type { Derived } from '../data/derive/aggregate.ts';
import { namespaceWriter, publishWritten } from '../data/publish/publish.ts';
import { type AcledConfig, AcledError, DEFAULT_BASE, getToken } from '../data/refresh/acled.ts';
import { decodeBase, encodeBase } from '../data/refresh/base.ts';
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
} from '../data/refresh/core.ts';
import { readCountry } from '../data/refresh/fetch.ts';
import { keys, POINTER_KEY, REFRESH_KEY, STAGE_KEY_PREFIX } from '../model/keys.ts';
import type { Pointer, RefreshRun } from '../model/types.ts';

/** Entries written per write step: with the chunk's read and a margin, far under 1,000 KV operations per invocation. */
export const WRITE_BATCH = 400;

/** What the scheduled handler (or an operator) asks for; all optional. */
export interface RefreshParams {
  since?: string;
  through?: string;
  /** ISO3 codes, as `--countries` takes them. */
  countries?: string;
  /** The run's time (ISO); the scheduled time by default. */
  at?: string;
}

type RefreshEnv = Cloudflare.Env & { ACLED_USERNAME?: string; ACLED_PASSWORD?: string };

/** Every step: 5 tries, 30 s then doubling (30 s, 1, 2, 4 min), 10 minutes each at most. */
export const STEP: WorkflowStepConfig = { retries: { limit: 4, delay: '30 seconds', backoff: 'exponential' }, timeout: '10 minutes' };

const stage = (id: string, part: string) => `${STAGE_KEY_PREFIX}${id}:${part}`;

/**
 * The reason of a failure, in plain words for the record and the operator: the message of the
 * error (ACLED's failures and this code's own are written as sentences that say what to do).
 */
export function plainReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/^(Error|NonRetryableError|AcledError): /, '');
}

/** Run a step's body; an ACLED failure that retrying cannot mend (credentials, no access, an error answer) fails the run at once. */
async function once<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AcledError && !e.retryable) throw new NonRetryableError(e.message);
    throw e;
  }
}

export class RefreshWorkflow extends WorkflowEntrypoint<RefreshEnv, RefreshParams> {
  override async run(event: Readonly<WorkflowEvent<RefreshParams>>, step: WorkflowStep): Promise<RefreshRun> {
    const env = this.env;
    const kv = env.SAHEL_KV;
    const id = event.instanceId;
    const at = event.payload.at ?? event.timestamp.toISOString();
    const cfg: AcledConfig = {
      base: env.ACLED_API_URL || DEFAULT_BASE,
      username: env.ACLED_USERNAME ?? '',
      password: env.ACLED_PASSWORD ?? '',
    };
    let w: RefreshWindow | null = null;
    let counts: RefreshRun['rows'] = { read: 0, accepted: 0, rejected: 0, duplicates: 0, byReason: {} };
    const record = (r: Pick<RefreshRun, 'outcome' | 'reason' | 'version'>): RefreshRun => ({
      at,
      by: 'workflow',
      window: w ? { since: w.since, through: w.through } : { since: '', through: '' },
      countries: w?.countries ?? [],
      rows: counts,
      ...r,
    });
    const staged: string[] = [];
    try {
      const plan = await step.do('plan', STEP, async () => {
        const p = await kv.get<Pointer>(POINTER_KEY, 'json');
        if (!p?.version) throw new Error('no dataset is published yet: publish one with npm run data:publish first');
        const text = await kv.get(keys.base(p.version));
        if (text === null)
          throw new Error(
            `the served version ${p.version} has no base to merge into: build and publish it again (npm run data:build && npm run data:publish)`,
          );
        const base = decodeBase(text, keys.base(p.version));
        const today = at.slice(0, 10);
        const window = refreshWindow(
          base.sources.map((s) => s.info),
          today,
          {
            since: event.payload.since ?? null,
            through: event.payload.through ?? null,
            countries: event.payload.countries ? parseCountries(event.payload.countries) : null,
          },
        );
        return { version: p.version, window };
      });
      w = plan.window;
      await step.do('token', STEP, async () => {
        const t = await once(() => getToken(cfg));
        // Nothing of the token is kept: only that one was issued.
        return { issued: true, expiresAt: new Date(t.expiresAt).toISOString() };
      });
      for (const iso3 of plan.window.countries) {
        staged.push(stage(id, iso3));
        const c = await step.do(`read ${iso3}`, STEP, async () => {
          const r = await once(async () => readCountry(cfg, await getToken(cfg), plan.window, iso3));
          await kv.put(stage(id, iso3), JSON.stringify(r.derived));
          return { pages: r.pages, rows: runRows(r.derived) };
        });
        counts = addRows(counts, c.rows);
      }
      const built = await step.do('aggregate', STEP, async () => {
        const parts: Derived[] = [];
        for (const iso3 of plan.window.countries) {
          const d = await kv.get<Derived>(stage(id, iso3), 'json');
          if (!d) throw new Error(`the staged window of ${iso3} is missing`);
          parts.push(d);
        }
        const derived = combine(parts);
        const base = decodeBase((await kv.get(keys.base(plan.version)))!, keys.base(plan.version));
        const prevEntry = base.sources.find((s) => s.info.id === REFRESH_SOURCE);
        const prev: RefreshSource | null = prevEntry ? { info: prevEntry.info, rows: prevEntry.rows, daily: prevEntry.daily ?? [] } : null;
        const rows = runRows(derived);
        const merged = mergeWindow(prev, derived, plan.window, {
          at,
          by: 'workflow',
          window: { since: plan.window.since, through: plan.window.through },
          countries: plan.window.countries,
          rows,
          outcome: 'published',
          reason: null,
          version: null,
        });
        if (prev && sameAggregates(prev, merged)) return { unchanged: true as const, chunks: 0, version: plan.version, entries: 0 };
        const input: DatasetInput = {
          claims: base.claims,
          sources: [
            ...base.sources.filter((s) => s.info.id !== REFRESH_SOURCE),
            { info: merged.info, rows: merged.rows, daily: merged.daily },
          ],
        };
        const ds = await buildDataset(input);
        const entries: KvEntry[] = [...ds.entries, { key: keys.base(ds.version), value: encodeBase(input) }];
        const chunks = Math.ceil(entries.length / WRITE_BATCH);
        for (let i = 0; i < chunks; i++)
          await kv.put(stage(id, `chunk-${i}`), JSON.stringify(entries.slice(i * WRITE_BATCH, (i + 1) * WRITE_BATCH)));
        return { unchanged: false as const, chunks, version: ds.version, entries: entries.length };
      });
      for (let i = 0; i < built.chunks; i++) staged.push(stage(id, `chunk-${i}`));
      if (built.unchanged) {
        const run = record({ outcome: 'unchanged', reason: null, version: built.version });
        await step.do('record', STEP, async () => {
          await kv.put(REFRESH_KEY, JSON.stringify(run));
          await clear(kv, staged);
          return { recorded: true };
        });
        return run;
      }
      for (let i = 0; i < built.chunks; i++)
        await step.do(`write ${i + 1}/${built.chunks}`, STEP, async () => {
          const part = await kv.get<KvEntry[]>(stage(id, `chunk-${i}`), 'json');
          if (!part) throw new Error(`chunk ${i + 1} of the new version is missing`);
          for (const e of part) await kv.put(e.key, e.value);
          return { written: part.length };
        });
      const run = record({ outcome: 'published', reason: null, version: built.version });
      await step.do('publish', STEP, async () => {
        // Every entry is written: the versions list, then the pointer, last.
        await publishWritten(namespaceWriter(kv), built.version, built.entries, run.at);
        await kv.put(REFRESH_KEY, JSON.stringify(run));
        await clear(kv, staged);
        return { published: built.version };
      });
      return run;
    } catch (e) {
      const run = record({ outcome: 'failed', reason: plainReason(e), version: null });
      await step.do('record failure', STEP, async () => {
        await kv.put(REFRESH_KEY, JSON.stringify(run));
        await clear(kv, staged);
        return { recorded: true };
      });
      throw e;
    }
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

async function clear(kv: KVNamespace, staged: readonly string[]): Promise<void> {
  for (const k of staged) await kv.delete(k);
}

/** Instance id of the run scheduled at `time`: one per day, so that a repeated trigger cannot start a second run. */
export function instanceId(time: number): string {
  return `refresh-${new Date(time).toISOString().slice(0, 10)}`;
}

/** Key of the instance started last (to know whether it still runs). */
const LAST_INSTANCE_KEY = 'refresh-instance';

/**
 * Start a refresh unless one is still running (queued, running, waiting or paused): never two at
 * once. Returns the id of the instance started, or null with why not.
 */
export async function startRefresh(env: RefreshEnv, time: number): Promise<{ started: string | null; why: string | null }> {
  const last = await env.SAHEL_KV.get(LAST_INSTANCE_KEY);
  if (last) {
    try {
      const s = await (await env.REFRESH.get(last)).status();
      if (['queued', 'running', 'waiting', 'paused', 'waitingForPause'].includes(s.status))
        return { started: null, why: `refresh ${last} is still ${s.status}` };
    } catch {
      // Unknown to the engine (expired after its retention): not running.
    }
  }
  const id = instanceId(time);
  try {
    await env.REFRESH.create({ id, params: { at: new Date(time).toISOString() } });
  } catch (e) {
    return { started: null, why: `refresh ${id} was already started (${e instanceof Error ? e.message : String(e)})` };
  }
  await env.SAHEL_KV.put(LAST_INSTANCE_KEY, id);
  return { started: id, why: null };
}

/** The Cron Trigger's handler: start the week's refresh. */
export async function scheduled(controller: ScheduledController, env: RefreshEnv, ctx: ExecutionContext): Promise<void> {
  ctx.waitUntil(
    startRefresh(env, controller.scheduledTime).then((r) =>
      console.log(r.started ? `started ACLED refresh ${r.started}` : `no ACLED refresh started: ${r.why}`),
    ),
  );
}
