/**
 * ACLED's API -> the event-level source `acled-api` in data/aggregates (monthly and daily
 * aggregates, its report in sources.json, as data:derive writes them), then the dataset built and
 * published (pointer last). Idempotent: when ACLED has nothing new for the window, nothing is
 * written and no version is published.
 *
 *   npm run data:refresh -- [--countries BFA,MLI,NER,NGA,TCD] [--since YYYY-MM-DD] [--through YYYY-MM-DD]
 *                           [--local | --remote] [--no-publish]
 *
 * Credentials from the environment only, never from arguments, never logged: ACLED_API_URL (the
 * base, default https://acleddata.com), ACLED_USERNAME, ACLED_PASSWORD. The default window: from
 * the first of the month 8 weeks before the newest stored event-level day, to today.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Pointer, RefreshRun, SourceInfo } from '../../model/types.ts';
import { readPointer } from '../publish/publish.ts';
import { type AcledConfig, DEFAULT_BASE, getToken, type Token } from '../refresh/acled.ts';
import {
  combine,
  mergeWindow,
  parseCountries,
  REFRESH_SOURCE,
  type RefreshSource,
  refreshWindow,
  runRows,
  sameAggregates,
} from '../refresh/core.ts';
import { readCountry, withRetry } from '../refresh/fetch.ts';
import { readShipped, writeAggregates, writeDaily, writeSources } from './aggregates.ts';
import { AGGREGATES_DIR, KV_DIR, ROOT } from './paths.ts';
import { wranglerWriter } from './publish.ts';

export interface RefreshOptions {
  env: Record<string, string | undefined>;
  countries?: string | undefined;
  since?: string | undefined;
  through?: string | undefined;
  /** The run's time (ISO); today's date is its first 10 characters. */
  now?: string;
  dir?: string;
  /** Backoff before the first retry (ms); later ones double it. */
  retryMs?: number;
  log?: (line: string) => void;
}

export interface RefreshResult {
  run: RefreshRun;
  /** The merged source when something new was written, else null. */
  written: RefreshSource | null;
}

/** Read the window from ACLED, merge it into data/aggregates; nothing is written when nothing is new. */
export async function refresh(opts: RefreshOptions): Promise<RefreshResult> {
  const log = opts.log ?? console.log;
  const dir = opts.dir ?? AGGREGATES_DIR;
  const now = opts.now ?? new Date().toISOString();
  const cfg: AcledConfig = {
    base: opts.env.ACLED_API_URL || DEFAULT_BASE,
    username: opts.env.ACLED_USERNAME ?? '',
    password: opts.env.ACLED_PASSWORD ?? '',
  };
  const stored = await readShipped(dir);
  const w = refreshWindow(
    stored.map((s) => s.info),
    now.slice(0, 10),
    { since: opts.since ?? null, through: opts.through ?? null, countries: opts.countries ? parseCountries(opts.countries) : null },
  );
  log(`refreshing ${w.countries.join(', ')} from ${cfg.base}: event dates ${w.since} to ${w.through}`);
  const retry = { tries: 4, baseMs: opts.retryMs ?? 5000, log };
  let token: Token = await withRetry(() => getToken(cfg), retry);
  const parts = [];
  for (const iso3 of w.countries) {
    const r = await withRetry(() => readCountry(cfg, token, w, iso3), retry);
    token = r.token;
    const c = r.derived.report.rows;
    log(
      `  ${iso3}: ${r.pages} page(s), ${c.read} rows read, ${c.accepted} accepted, ${c.rejected} rejected, ${c.duplicates ?? 0} duplicates`,
    );
    parts.push(r.derived);
  }
  const derived = combine(parts);
  const rows = runRows(derived);
  const base = { at: now, by: 'cli' as const, window: { since: w.since, through: w.through }, countries: w.countries, rows, version: null };
  const prevEntry = stored.find((s) => s.info.id === REFRESH_SOURCE);
  const prev: RefreshSource | null = prevEntry ? { info: prevEntry.info, rows: prevEntry.rows, daily: prevEntry.daily ?? [] } : null;
  const merged = mergeWindow(prev, derived, w, { ...base, outcome: 'published', reason: null });
  if (prev && sameAggregates(prev, merged)) {
    log(`nothing new: ${rows.read} rows read give the stored ${REFRESH_SOURCE} aggregates; nothing written`);
    return { run: { ...base, outcome: 'unchanged', reason: null }, written: null };
  }
  await writeAggregates(merged.info.aggregates, merged.rows, dir);
  await writeDaily(merged.info.daily!.file, merged.daily, dir);
  const infos: SourceInfo[] = stored.map((s) => s.info).filter((s) => s.id !== REFRESH_SOURCE);
  await writeSources([...infos, merged.info], dir);
  log(
    `${REFRESH_SOURCE}: ${rows.read} rows read, ${rows.accepted} accepted, ${rows.rejected} rejected ${JSON.stringify(rows.byReason)}, ` +
      `${rows.duplicates} duplicates; now covers ${merged.info.coverage.from} to ${merged.info.coverage.through}; ` +
      `${merged.rows.length} aggregate rows, ${merged.daily.length} daily rows -> ${path.relative(ROOT, dir) || '.'}`,
  );
  return { run: merged.info.refresh!, written: merged };
}

function step(script: string, args: string[]): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'data/cli', script), ...args], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status ?? r.signal}); the served version is unchanged`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      countries: { type: 'string' },
      since: { type: 'string' },
      through: { type: 'string' },
      local: { type: 'boolean' },
      remote: { type: 'boolean' },
      'no-publish': { type: 'boolean' },
      'persist-to': { type: 'string' },
    },
  });
  if (values.local && values.remote) throw new Error('choose one of --local and --remote');
  const r = await refresh({ env: process.env, countries: values.countries, since: values.since, through: values.through });
  if (values['no-publish']) return;
  // Built and published unless the KV already serves this very version: a run whose publish failed
  // after it wrote data/aggregates is completed by the next one, and a run with nothing new
  // publishes nothing.
  step('build.ts', []);
  const target = values.remote ? ['--remote'] : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];
  const built = (JSON.parse(await readFile(path.join(KV_DIR, 'version.json'), 'utf8')) as Pointer).version;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'sahel-kv-'));
  try {
    const served = await readPointer(wranglerWriter(target, tmp));
    if (served?.version === built) {
      console.log(`${values.remote ? 'Cloudflare KV' : 'local KV'} already serves dataset ${built}: no new version published`);
      return;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (!r.written) console.log('publishing the refresh of an earlier run that was not published');
  step('publish.ts', ['publish', ...target]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(`data:refresh failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
