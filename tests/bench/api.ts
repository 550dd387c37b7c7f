/**
 * API throughput and latency against the Worker running locally (`wrangler dev`: workerd with
 * local KV, as `npm start` runs it). Two baselines measured in the same run:
 * - the same response bytes served as a static asset by the same `wrangler dev` (the issue's
 *   physical limit: same runtime, no Worker code run);
 * - the runtime's floor: the same workerd binary serving the same bytes from a one-line Worker,
 *   with no development proxy, Miniflare services, KV or framework (see bare-workerd.ts).
 * The API is also measured as deployed: its bundle on that bare workerd (see bare-workerd.ts),
 * which tells the cost of our code from the cost of the local development stack.
 * Each is loaded two ways: saturated by autocannon at 32 connections (throughput; latency is
 * then mostly queueing), and at a fixed rate of requests (latency as a user sees it; see
 * fixed-rate.ts). `npm run bench -- api`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, startWorker } from '../e2e/server.ts';
import { type BareWorkerd, startApiOnBareWorkerd, startOneLineWorker } from './bare-workerd.ts';
import { type FixedRateResult, fixedRate } from './fixed-rate.ts';

const CONNECTIONS = 32;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;
/**
 * The fixed rate: well below what `wrangler dev` sustains here (about 1,000 requests/s on 2
 * cores), so latency is the server's, not a queue's.
 */
const FIXED_RATE = 200;
/** Targets from the issue: at least 0.8x the static throughput, p99 under 25 ms at 32 connections, no errors. */
const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 25;

const SERIES = '/api/v1/series?country=NER&category=political_violence&measure=events';
const ROUTES: [string, string][] = [
  ['series (stored JSON as is)', SERIES],
  ['series, from/to filter', `${SERIES}&from=2023-01&to=2023-12`],
  ['compare (computed)', '/api/v1/compare?country=NER&category=political_violence&measure=events&before=trailing12&after=2023-08'],
  ['series as CSV', `${SERIES}&format=csv`],
  ['claims', '/api/v1/claims'],
];

/** Run `f` against a server, and stop the server whatever happens. */
async function withServer<T>(started: Promise<BareWorkerd>, f: (b: BareWorkerd) => Promise<T>): Promise<T> {
  const b = await started;
  try {
    return await f(b);
  } finally {
    await b.stop();
  }
}

interface Row {
  name: string;
  where: string;
  path: string;
  bytes: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  fixed: FixedRateResult;
}

async function measure(base: string, name: string, where: string, p: string): Promise<Row> {
  const url = base + p;
  // A warm-up, so that the first compilation and KV reads are not measured.
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_SECONDS });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const fixed = await fixedRate(url, FIXED_RATE, SECONDS, CONNECTIONS);
  const bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
  return {
    name,
    where,
    path: p,
    bytes,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    fixed,
  };
}

export default async function bench(): Promise<string> {
  const load0 = os.loadavg()[0]!;
  const worker = await startWorker({ logLevel: 'warn' });
  const staticDir = path.join(ROOT, 'web', 'dist', '__bench');
  try {
    const body = new Uint8Array(await (await fetch(worker.url + SERIES)).arrayBuffer());
    // The same bytes the API answers, as a static asset of the same Worker.
    await mkdir(staticDir, { recursive: true });
    await writeFile(path.join(staticDir, 'series.json'), body);
    for (let i = 0; i < 60 && (await fetch(`${worker.url}/__bench/series.json`)).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 500));

    const floor = await withServer(startOneLineWorker(body, 'application/json; charset=utf-8'), (b) =>
      measure(b.url, 'runtime floor: one-line Worker, same bytes', `bare workerd ${b.version}`, '/'),
    );
    const deployed: Row[] = [];
    const kvReads = await withServer(startApiOnBareWorkerd('10'), async (b) => {
      for (const [name, p] of ROUTES) deployed.push(await measure(b.url, name, `bare workerd ${b.version}`, p));
      return b.kvReads();
    });
    const dev = 'wrangler dev';
    const baseline = await measure(worker.url, 'static asset (baseline)', dev, '/__bench/series.json');
    const routes: Row[] = [];
    for (const [name, p] of ROUTES) routes.push(await measure(worker.url, name, dev, p));
    const load1 = os.loadavg()[0]!;

    const verdict = (rows: Row[], base: Row) => {
      const ratio = rows.filter((r) => r.rps / base.rps >= TARGET_RATIO && r.errors === 0 && r.fixed.errors === 0).length;
      const p99 = rows.filter((r) => r.p99 < TARGET_P99_MS).length;
      const fixed = rows.filter((r) => r.fixed.p99 < TARGET_P99_MS).length;
      const of = (n: number) => (n === rows.length ? 'met by every route' : `met by ${n} of ${rows.length} routes`);
      return `at least ${TARGET_RATIO}x the baseline's throughput with zero errors: ${of(ratio)}; p99 under ${TARGET_P99_MS} ms at ${CONNECTIONS} connections, saturated: ${of(p99)}; at ${FIXED_RATE} requests/s: ${of(fixed)}.`;
    };
    const row = (r: Row, base: Row) =>
      `| ${r.name} | ${r.where} | \`${r.path}\` | ${(r.bytes / 1024).toFixed(1)} | ${Math.round(r.rps)} | ${(r.rps / base.rps).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.fixed.p50} | ${r.fixed.p99} | ${r.fixed.max} | ${r.fixed.errors} |`;
    return [
      '## API throughput and latency',
      '',
      `Command: \`npm run bench -- api\`. Every row is loaded twice: saturated by autocannon, ${CONNECTIONS} connections for ${SECONDS} s after a ${WARM_UP_SECONDS} s warm-up (throughput; at saturation, latency is mostly time spent queueing: ${CONNECTIONS} connections / throughput), then at a fixed rate of ${FIXED_RATE} requests/s for ${SECONDS} s over up to ${CONNECTIONS} connections, latency counted from each request's scheduled time (\`tests/bench/fixed-rate.ts\`). Real dataset, 127.0.0.1.`,
      '',
      'Servers, same run:',
      `- **wrangler dev**, as \`npm start\` runs it (a development proxy in one workerd, the Worker with Miniflare's KV, asset router and entry Workers in another). Baseline: the series response's bytes served as a static asset by the same \`wrangler dev\`, the issue's physical limit.`,
      `- **bare workerd**: the workerd binary wrangler runs (${floor.where.replace('bare workerd ', '')}), started from a config of our own (\`tests/bench/bare-workerd.ts\`). Baseline, the runtime's floor: a one-line Worker returning the same bytes. The API rows run the bundle \`wrangler deploy\` uploads, its KV binding answered by a second Worker holding the published entries; the API keeps entries per isolate, so KV served ${kvReads ?? 0} reads in all those rows.`,
      '',
      `| route | server | path | KiB | saturated req/s | vs baseline | p50 ms | p99 ms | errors | ${FIXED_RATE}/s: p50 ms | p99 ms | max ms | errors |`,
      '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      row(floor, floor),
      ...deployed.map((r) => row(r, floor)),
      row(baseline, baseline),
      ...routes.map((r) => row(r, baseline)),
      '',
      `Targets (${TARGET_RATIO}x, p99 < ${TARGET_P99_MS} ms, no errors). wrangler dev: ${verdict(routes, baseline)} Bare workerd: ${verdict(deployed, floor)}`,
      `Load average (1 min) on this ${os.cpus().length}-core machine: ${load0.toFixed(1)} at the start, ${load1.toFixed(1)} at the end; the load generator runs on the same cores as the servers.`,
    ].join('\n');
  } finally {
    await rm(staticDir, { recursive: true, force: true });
    await worker.stop();
  }
}
