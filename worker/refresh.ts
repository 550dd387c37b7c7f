/**
 * The scheduled refresh from ACLED's API, as a Cloudflare Workflow: the Cron Trigger's
 * `scheduled` handler starts one instance (startRefresh), whose steps each run as their own
 * invocation, are retried with backoff, and whose results are kept by the Workflow engine. Each
 * step's work is in data/refresh/steps.ts:
 *
 *   plan                 the pointer and the served version's base: the window (data/refresh/core.ts)
 *   token                check the credentials (a token is asked for again in each read step: none is kept)
 *   read <ISO3>          one country's pages, derived as they arrive; its aggregates staged in KV
 *   merge                the staged windows merged into the served version's acled-api source: "unchanged"
 *                        when ACLED had nothing new, else the next version's base staged
 *   hash <ISO3>          one country's entries built with an empty version: their manifest staged
 *   version              the version from the manifests; the catalogue, claims and base written under it
 *   write <ISO3> <i>/<n> one country built again, WRITE_BATCH of its entries written
 *   publish              the versions list, then the pointer (last), the run recorded
 *
 * Limits designed for, per step (each step is one invocation; Workers Paid): memory 128 MB (no
 * step holds more than one country's documents: peaks measured by tests/bench/refresh-steps.ts),
 * 1,000 KV operations (at most WRITE_BATCH + 1 in a write step), 50 subrequests (a read step: 1
 * token + 1 per page of 5,000 rows, + 1 renewal), CPU 30 s by default (5 minutes allowed in
 * wrangler.toml), results of a few hundred bytes (the engine keeps at most 1 MiB a step). Raw rows
 * exist only in the memory of a read step; only aggregates are staged or stored. Any failure
 * (after the retries) is recorded under REFRESH_KEY with its reason in plain words, the staging
 * entries are removed, and the pointer is never touched: the served version stays as it was.
 */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep, type WorkflowStepConfig } from 'cloudflare:workers';
import { NonRetryableError } from 'cloudflare:workflows';
import { AcledError, DEFAULT_BASE } from '../data/refresh/acled.ts';
import { runRefresh } from '../data/refresh/steps.ts';
import type { RefreshRun } from '../model/types.ts';

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
  override run(event: Readonly<WorkflowEvent<RefreshParams>>, step: WorkflowStep): Promise<RefreshRun> {
    const env = this.env;
    return runRefresh({
      kv: env.SAHEL_KV,
      cfg: { base: env.ACLED_API_URL || DEFAULT_BASE, username: env.ACLED_USERNAME ?? '', password: env.ACLED_PASSWORD ?? '' },
      id: event.instanceId,
      at: event.payload.at ?? event.timestamp.toISOString(),
      asked: event.payload,
      // Each step's result is kept by the engine (a few numbers: see data/refresh/steps.ts).
      doStep: (name, work) => step.do(name, STEP, work as () => Promise<never>),
      acled: once,
      reason: plainReason,
    });
  }
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
