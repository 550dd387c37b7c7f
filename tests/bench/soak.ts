/**
 * `npm run bench -- soak`: 60 s of sustained load on the main API routes and the page, on
 * loopback only, while a new dataset version is published and then rolled back. Every response
 * must succeed and be internally consistent with exactly one dataset version (no mixing).
 * Baseline in the same run: the same load on the page alone (static assets, no KV).
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildDataset } from '../../data/build/dataset.ts';
import { parseClaims } from '../../data/build/files.ts';
import { readShipped } from '../../data/cli/aggregates.ts';
import { CLAIMS_FILE, KV_DIR } from '../../data/cli/paths.ts';
import { ROOT, startWorker } from '../e2e/server.ts';

/** Load runs at least this long, and until the rollback has had time to reach every client. */
const SECONDS = 60;
/** Hard stop, whatever happens (the run is bounded in time). */
const MAX_SECONDS = 150;
const CONCURRENCY = 16;
const PUBLISH_AT_S = 5;
/** After a publish or rollback, how long until every isolate reads the new pointer (POINTER_CACHE_SECONDS) plus margin. */
const SETTLE_S = 15;

const ROUTES = [
  '/api/v1/catalogue',
  '/api/v1/series?country=NER&category=political_violence&measure=events',
  '/api/v1/series?country=NER&admin1=tillaberi&category=attacks_on_state_forces,civilian_targeting&measure=fatalities',
  '/api/v1/series?country=MLI&category=political_violence&measure=fatalities&format=csv',
  '/api/v1/compare?country=NER&category=political_violence&measure=events&before=trailing12&after=2023-08',
  '/api/v1/check?country=NER&category=civilian_targeting&measure=events,fatalities&before=2023-07&after=2023-08&relation=ratio_gte&threshold=4',
  '/api/v1/claims',
  '/',
];

interface Tally {
  requests: number;
  errors: string[];
  latencies: number[];
  /** Per second of the run: how many responses came from each version. */
  timeline: Map<number, Map<string, number>>;
}

/** The dataset versions a body states: JSON "version" fields, or the CSV's dataset_version column. */
function versionsIn(body: string, type: string): Set<string> {
  // CSV rows end with dataset_version,as_of,credit.
  if (type.startsWith('text/csv')) return new Set([...body.matchAll(/,([0-9a-f]{12}),\d{4}-\d{2}-\d{2},/g)].map((m) => m[1]!));
  return new Set([...body.matchAll(/"version":"([0-9a-f]{12})"/g)].map((m) => m[1]!));
}

async function run(
  url: string,
  routes: string[],
  seconds: number,
  during?: (t: number) => Promise<void>,
): Promise<Tally & { seconds: number }> {
  const tally: Tally = { requests: 0, errors: [], latencies: [], timeline: new Map() };
  const t0 = performance.now();
  let end = t0 + seconds * 1000;
  let duringDone = !during;
  let i = 0;
  const worker = async () => {
    while (performance.now() < end || (!duringDone && performance.now() < t0 + MAX_SECONDS * 1000)) {
      const route = routes[i++ % routes.length]!;
      const start = performance.now();
      try {
        const res = await fetch(url + route);
        const body = await res.text();
        tally.latencies.push(performance.now() - start);
        tally.requests++;
        if (res.status !== 200) {
          tally.errors.push(`${res.status} ${route}`);
          continue;
        }
        if (route === '/') continue;
        const versions = versionsIn(body, res.headers.get('content-type') ?? '');
        if (versions.size !== 1) tally.errors.push(`${versions.size} versions in one response to ${route}: ${[...versions].join(', ')}`);
        const sec = Math.floor((start - t0) / 1000);
        const row = tally.timeline.get(sec) ?? new Map<string, number>();
        for (const v of versions) row.set(v, (row.get(v) ?? 0) + 1);
        tally.timeline.set(sec, row);
      } catch (e) {
        tally.requests++;
        tally.errors.push(`${route}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };
  const events = during?.(t0).then(() => {
    duringDone = true;
    end = Math.max(end, performance.now() + SETTLE_S * 1000);
  });
  await Promise.all([...Array.from({ length: CONCURRENCY }, worker), events]);
  return { ...tally, seconds: (performance.now() - t0) / 1000 };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1) : '-';
};

/** Run a pipeline command without blocking the load generator in this process. */
async function cli(args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
}

export default async function bench(): Promise<string> {
  const worker = await startWorker({ logLevel: 'warn' });
  const entriesFile = path.join(KV_DIR, 'entries.json');
  const versionFile = path.join(KV_DIR, 'version.json');
  const [savedEntries, savedVersion] = [await readFile(entriesFile, 'utf8'), await readFile(versionFile, 'utf8')];
  try {
    const a = (JSON.parse(savedVersion) as { version: string }).version;
    // Version B: the same aggregates with one claim fewer, so every entry differs (its version).
    const sources = await readShipped();
    const claims = parseClaims(await readFile(CLAIMS_FILE, 'utf8'), 'data/claims.json').slice(0, -1);
    const b = await buildDataset({ sources, claims });
    const events: string[] = [];

    const baseline = await run(worker.url, ['/'], 10);
    const soak = await run(worker.url, ROUTES, SECONDS, async (t0) => {
      const at = (s: number) => new Promise((r) => setTimeout(r, Math.max(0, t0 + s * 1000 - performance.now())));
      await at(PUBLISH_AT_S);
      await writeFile(entriesFile, JSON.stringify(b.entries));
      await writeFile(versionFile, JSON.stringify({ version: b.version, publishedAt: '' }));
      const p0 = performance.now();
      await cli(['data/cli/publish.ts', '--local', '--persist-to', worker.persistDir]);
      events.push(`${((p0 - t0) / 1000).toFixed(0)}-${((performance.now() - t0) / 1000).toFixed(0)} s: published ${b.version}`);
      await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
      const r0 = performance.now();
      await cli(['data/cli/publish.ts', 'rollback', '--local', '--persist-to', worker.persistDir]);
      events.push(`${((r0 - t0) / 1000).toFixed(0)}-${((performance.now() - t0) / 1000).toFixed(0)} s: rolled back to ${a}`);
    });

    const served = (v: string) => [...soak.timeline.entries()].filter(([, m]) => m.has(v)).map(([s]) => s);
    const span = (v: string) => {
      const s = served(v);
      return s.length ? `${Math.min(...s)}-${Math.max(...s)} s` : 'never';
    };
    const rate = (t: Tally & { seconds: number }) => Math.round(t.requests / t.seconds);
    return [
      '## Soak: load during publish and rollback',
      '',
      `Command: \`npm run bench -- soak\`. ${CONCURRENCY} concurrent clients on 127.0.0.1 for ${SECONDS} s, cycling through ${ROUTES.length} routes (API JSON and CSV, the check and compare routes, the page), against \`wrangler dev\` with the real dataset. A new version is published into the same local KV during the run and then rolled back, with \`npm run data:publish\` and \`npm run data:rollback\`. Every API response is checked to name exactly one dataset version. Baseline, same run: the page alone for 10 s.`,
      '',
      '| run | requests | req/s | errors | p50 ms | p95 ms | p99 ms | max ms |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      `| page alone (baseline) | ${baseline.requests} | ${rate(baseline)} | ${baseline.errors.length} | ${pct(baseline.latencies, 50)} | ${pct(baseline.latencies, 95)} | ${pct(baseline.latencies, 99)} | ${pct(baseline.latencies, 100)} |`,
      `| soak, all routes | ${soak.requests} | ${rate(soak)} | ${soak.errors.length} | ${pct(soak.latencies, 50)} | ${pct(soak.latencies, 95)} | ${pct(soak.latencies, 99)} | ${pct(soak.latencies, 100)} |`,
      '',
      `Events: ${events.join('; ')}. Version ${a} served during ${span(a)}; version ${b.version} during ${span(b.version)} (a version switch reaches every client within the pointer cache, POINTER_CACHE_SECONDS = 10 s).`,
      `Target: zero errors and no mixing: ${soak.errors.length === 0 ? 'met' : 'NOT met'}. Responses naming more than one version: ${soak.errors.filter((e) => e.includes('versions in one response')).length}. ${
        soak.errors.length ? `First errors: ${[...new Set(soak.errors)].slice(0, 5).join('; ')}.` : 'No errors.'
      }`,
    ].join('\n');
  } finally {
    await writeFile(entriesFile, savedEntries);
    await writeFile(versionFile, savedVersion);
    await worker.stop();
  }
}
