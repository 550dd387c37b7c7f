/**
 * API throughput, latency and CPU per request, against the runtime's floor measured in the same
 * run: the same workerd binary serving the same bytes from a one-line Worker, with no KV or
 * framework (see bare-workerd.ts). The API runs as deployed: the bundle `wrangler deploy`
 * uploads, on that bare workerd, KV answered by a second Worker. Then where the time goes: each
 * route profiled by V8's sampling profiler through workerd's inspector (profile.ts). Last, the
 * same routes through `wrangler dev` (as `npm start` runs it) against its static assets, which
 * measures the local development stack more than our code. `npm run bench -- api`.
 *
 * The machine is shared (2 cores, other work running): the floor and the routes are measured in
 * alternating rounds, and each route's ratio is the median of its ratios to the floor of the
 * same round; the server's CPU time per request (from /proc) is given too, as it depends less on
 * what else runs than throughput does.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, startWorker } from '../e2e/server.ts';
import { type BareWorkerd, startApiOnBareWorkerd, startOneLineWorker } from './bare-workerd.ts';
import { type FixedRateResult, fixedRateApart } from './fixed-rate.ts';
import { type Profile, profile } from './profile.ts';

const CONNECTIONS = 32;
/** Alternating rounds of the floor and every route, each ROUND_SECONDS saturated after WARM_UP_SECONDS. */
const ROUNDS = 5;
const ROUND_SECONDS = 5;
const WARM_UP_SECONDS = 1;
/** The fixed rate: far below saturation, so latency is the server's, not a queue's. */
const FIXED_RATE = 200;
const FIXED_SECONDS = 10;
const PROFILE_SECONDS = 4;
const PROFILE_CONNECTIONS = 8;
/** Targets from the issue (bare workerd, against the floor in the same run). */
const TARGET_RATIO = 0.8;
const TARGET_P99_RATIO = 1.5;
const TARGET_FIXED_P99_MS = 10;
/** wrangler dev rows: the earlier issue's targets against its static assets. */
const DEV_TARGET_P99_MS = 25;
const DEV_SECONDS = 10;
const DEV_WARM_UP_SECONDS = 2;

const SERIES = '/api/v1/series?country=NER&category=political_violence&measure=events';
const ROUTES: [string, string][] = [
  ['series (stored JSON as is)', SERIES],
  ['series, from/to filter', `${SERIES}&from=2023-01&to=2023-12`],
  ['compare (computed)', '/api/v1/compare?country=NER&category=political_violence&measure=events&before=trailing12&after=2023-08'],
  ['series as CSV', `${SERIES}&format=csv`],
  ['claims', '/api/v1/claims'],
];

/**
 * A request never asked before, each time: a series of another country, measure and month
 * range (5 x 2 x 4,656 answers), so that every answer is made by the app (routing, validation,
 * lookups, computation), as the first request for each answer is.
 */
/** A new path for each request, and (rest) the paths not yet asked for, next first. */
type Distinct = (() => string) & { rest: () => string[] };
function distinctPaths(): Distinct {
  const paths = distinctPathList();
  let n = 0;
  const rest = () => [...paths.slice(n % paths.length), ...paths.slice(0, n % paths.length)];
  return Object.assign(() => paths[n++ % paths.length]!, { rest });
}
function distinctPathList(): string[] {
  const countries = ['NER', 'MLI', 'BFA', 'TCD', 'NGA'];
  const months: string[] = [];
  for (let y = 2018; y <= 2025; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
  const paths: string[] = [];
  for (let i = 0; i < months.length; i++)
    for (let j = i; j < months.length; j++)
      for (const c of countries)
        for (const measure of ['events', 'fatalities'])
          paths.push(`/api/v1/series?country=${c}&category=political_violence&measure=${measure}&from=${months[i]}&to=${months[j]}`);
  return paths;
}
const COLD = 'series, a new month range each request (every answer made by the app)';
const COLD_PATH = '/api/v1/series?country=…&measure=…&from=…&to=… (10 × 4,656 URLs)';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
/** CPU seconds (user + system) the process has used, from /proc/<pid>/stat. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

interface Load {
  url: string;
  /** A new path for each request (the cold row), or the url's own. */
  next?: Distinct;
}

const autocannonOf = (l: Load, connections: number, duration: number) =>
  autocannon({
    url: l.url,
    connections,
    duration,
    ...(l.next ? { requests: [{ setupRequest: (r: autocannon.Request) => ({ ...r, path: l.next!() }) }] } : {}),
  });

interface Round {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuUs: number;
}

async function saturate(l: Load, pid: number): Promise<Round> {
  await autocannonOf(l, CONNECTIONS, WARM_UP_SECONDS);
  const cpu0 = await cpuSeconds(pid);
  const r = await autocannonOf(l, CONNECTIONS, ROUND_SECONDS);
  const cpu = (await cpuSeconds(pid)) - cpu0;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    cpuUs: (cpu * 1e6) / Math.max(1, r.requests.total),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Row {
  name: string;
  path: string;
  bytes: number;
  rounds: Round[];
  /** This row's throughput, p99 and CPU per request over the floor's, round by round. */
  ratios: { rps: number[]; p99: number[]; cpu: number[] };
  fixed: FixedRateResult;
}

/** Run `f` against a server, and stop the server whatever happens. */
async function withServer<T>(started: Promise<BareWorkerd>, f: (b: BareWorkerd) => Promise<T>): Promise<T> {
  const b = await started;
  try {
    return await f(b);
  } finally {
    await b.stop();
  }
}

async function bareWorkerd(
  body: Uint8Array,
): Promise<{ floor: Row; withHeaders: Row; headers: number; rows: Row[]; kvReads: number | null; version: string }> {
  const floorServer = await startOneLineWorker(body, 'application/json; charset=utf-8');
  let headersServer: BareWorkerd | null = null;
  // The last row (every answer made by the app) runs on an API process of its own: the garbage of
  // 2,000 answers a second and a full memory of answers would otherwise be collected during the
  // next round's first row (the series row paid for it: 1.2x the other kept rows' CPU per request).
  const coldServer = await startApiOnBareWorkerd('10');
  try {
    return await withServer(startApiOnBareWorkerd('10'), async (api) => {
      // The API's own response headers (but the body's), for the floor with headers.
      const headers = [...(await fetch(api.url + SERIES)).headers].filter(
        ([k]) => !['content-length', 'content-type', 'date', 'connection', 'keep-alive'].includes(k),
      );
      headersServer = await startOneLineWorker(body, 'application/json; charset=utf-8', { headers });
      const loads: { name: string; path: string; server: BareWorkerd; load: Load }[] = [
        {
          name: 'runtime floor: one-line Worker, same bytes as series',
          path: '/',
          server: floorServer,
          load: { url: `${floorServer.url}/` },
        },
        {
          name: `one-line Worker, same bytes and the API's ${headers.length + 1} response headers`,
          path: '/',
          server: headersServer,
          load: { url: `${headersServer.url}/` },
        },
        ...ROUTES.map(([name, p]) => ({ name, path: p, server: api, load: { url: api.url + p } })),
        { name: COLD, path: COLD_PATH, server: coldServer, load: { url: `${coldServer.url}/`, next: distinctPaths() } },
      ];
      const rounds = loads.map((): Round[] => []);
      for (let r = 0; r < ROUNDS; r++) for (const [i, l] of loads.entries()) rounds[i]!.push(await saturate(l.load, l.server.pid));
      const rows: Row[] = [];
      for (const [i, l] of loads.entries()) {
        const url = l.load.next ? l.server.url + l.load.next() : l.load.url;
        const bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
        const fixed = await fixedRateApart(l.load.url, FIXED_RATE, FIXED_SECONDS, CONNECTIONS, l.load.next?.rest());
        const mine = rounds[i]!;
        const floor = rounds[0]!;
        rows.push({
          name: l.name,
          path: l.path,
          bytes,
          rounds: mine,
          ratios: {
            rps: mine.map((x, k) => x.rps / floor[k]!.rps),
            p99: mine.map((x, k) => x.p99 / floor[k]!.p99),
            cpu: mine.map((x, k) => x.cpuUs / floor[k]!.cpuUs),
          },
          fixed,
        });
      }
      return {
        floor: rows[0]!,
        withHeaders: rows[1]!,
        headers: headers.length + 1,
        rows: rows.slice(2),
        kvReads: ((await api.kvReads()) ?? 0) + ((await coldServer.kvReads()) ?? 0),
        version: api.version,
      };
    });
  } finally {
    await floorServer.stop();
    await coldServer.stop();
    await (headersServer as BareWorkerd | null)?.stop();
  }
}

/** Each route profiled on a bare workerd with its inspector open (profiling slows it: the shares matter, not the sums). */
async function profiles(body: Uint8Array): Promise<{ name: string; p: Profile }[]> {
  const out: { name: string; p: Profile }[] = [];
  const load = (l: Load) => async () => (await autocannonOf(l, PROFILE_CONNECTIONS, PROFILE_SECONDS)).requests.total;
  await withServer(startOneLineWorker(body, 'application/json; charset=utf-8', { inspect: true }), async (b) => {
    out.push({ name: 'floor', p: await profile(b.inspector!, b.source, load({ url: `${b.url}/` })) });
  });
  await withServer(startApiOnBareWorkerd('10', { inspect: true }), async (b) => {
    for (const [name, p] of ROUTES) {
      await autocannonOf({ url: b.url + p }, PROFILE_CONNECTIONS, 1);
      out.push({ name, p: await profile(b.inspector!, b.source, load({ url: b.url + p })) });
    }
    out.push({
      name: 'every answer made by the app',
      p: await profile(b.inspector!, b.source, load({ url: `${b.url}/`, next: distinctPaths() })),
    });
  });
  return out;
}

function profileTable(ps: { name: string; p: Profile }[]): string[] {
  const stages = [...new Set(ps.flatMap((x) => x.p.stages.map((s) => s.stage)))].filter((s) => s !== 'runtime (idle)');
  const total = (s: string) => ps.reduce((a, x) => a + (x.p.stages.find((y) => y.stage === s)?.us ?? 0), 0);
  stages.sort((a, b) => total(b) - total(a));
  const cell = (x: { p: Profile }, s: string) => {
    const us = x.p.stages.find((y) => y.stage === s)?.us ?? 0;
    return us < 0.5 ? '' : `${us.toFixed(0)} (${Math.round((100 * us) / x.p.busy)}%)`;
  };
  return [
    `| stage (µs per request, share of busy time) | ${ps.map((x) => x.name).join(' | ')} |`,
    `| --- | ${ps.map(() => '---:').join(' | ')} |`,
    ...stages.map((s) => `| ${s} | ${ps.map((x) => cell(x, s)).join(' | ')} |`),
    `| **busy, total** | ${ps.map((x) => `**${x.p.busy.toFixed(0)}**`).join(' | ')} |`,
    `| requests profiled | ${ps.map((x) => x.p.requests).join(' | ')} |`,
  ];
}

interface DevRow {
  name: string;
  path: string;
  bytes: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  fixed: FixedRateResult;
}

async function measureDev(base: string, name: string, p: string): Promise<DevRow> {
  const url = base + p;
  await autocannon({ url, connections: CONNECTIONS, duration: DEV_WARM_UP_SECONDS });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DEV_SECONDS });
  const fixed = await fixedRateApart(url, FIXED_RATE, DEV_SECONDS, CONNECTIONS);
  const bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
  return {
    name,
    path: p,
    bytes,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    fixed,
  };
}

async function wranglerDev(): Promise<{ baseline: DevRow; rows: DevRow[]; body: Uint8Array }> {
  const worker = await startWorker({ logLevel: 'warn' });
  const staticDir = path.join(ROOT, 'web', 'dist', '__bench');
  try {
    const body = new Uint8Array(await (await fetch(worker.url + SERIES)).arrayBuffer());
    // The same bytes the API answers, as a static asset of the same Worker.
    await mkdir(staticDir, { recursive: true });
    await writeFile(path.join(staticDir, 'series.json'), body);
    for (let i = 0; i < 60 && (await fetch(`${worker.url}/__bench/series.json`)).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 500));
    const baseline = await measureDev(worker.url, 'static asset (baseline)', '/__bench/series.json');
    const rows: DevRow[] = [];
    for (const [name, p] of ROUTES) rows.push(await measureDev(worker.url, name, p));
    return { baseline, rows, body };
  } finally {
    await rm(staticDir, { recursive: true, force: true });
    await worker.stop();
  }
}

const range = (xs: number[], digits: number) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

export default async function bench(): Promise<string> {
  const loadAt = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ');
  const load0 = loadAt();
  // The series' bytes as the API answers them, for the floor (wrangler dev runs the same code).
  const dev = await wranglerDev();
  const load1 = loadAt();
  const bare = await bareWorkerd(dev.body);
  const load2 = loadAt();
  const prof = await profiles(dev.body);
  const load3 = loadAt();

  const all = [bare.floor, bare.withHeaders, ...bare.rows];
  const kept = bare.rows.filter((r) => r.name !== COLD);
  const cpuOver = (r: Row) => median(r.rounds.map((x) => x.cpuUs)) - median(bare.floor.rounds.map((x) => x.cpuUs));
  const keptOver = median(kept.map(cpuOver));
  const headersOver = cpuOver(bare.withHeaders);
  const cold = bare.rows.find((r) => r.name === COLD)!;
  // The targets are the routes' (their answers kept, as most requests are); the last row is reported beside them.
  const met = {
    ratio: kept.filter((r) => median(r.ratios.rps) >= TARGET_RATIO),
    p99: kept.filter((r) => median(r.ratios.p99) <= TARGET_P99_RATIO),
    errors: kept.filter((r) => r.rounds.every((x) => x.errors === 0) && r.fixed.errors === 0),
    fixed: kept.filter((r) => r.fixed.p99 < TARGET_FIXED_P99_MS),
  };
  const of = (rows: Row[]) =>
    rows.length === kept.length
      ? 'met by every route'
      : `met by ${rows.length} of ${kept.length} routes (missed: ${kept
          .filter((r) => !rows.includes(r))
          .map((r) => r.name)
          .join('; ')})`;
  const bareRow = (r: Row) =>
    `| ${r.name} | \`${r.path}\` | ${(r.bytes / 1024).toFixed(1)} | ${Math.round(median(r.rounds.map((x) => x.rps)))} | ${r === bare.floor ? '1.00' : range(r.ratios.rps, 2)} | ${median(r.rounds.map((x) => x.p50))} | ${median(r.rounds.map((x) => x.p99))} | ${r === bare.floor ? '1.00' : range(r.ratios.p99, 2)} | ${r.rounds.reduce((a, x) => a + x.errors, 0)} | ${Math.round(median(r.rounds.map((x) => x.cpuUs)))} | ${r === bare.floor ? '1.00' : median(r.ratios.cpu).toFixed(2)} | ${r.fixed.p50} | ${r.fixed.p99} | ${r.fixed.max} | ${r.fixed.errors} |`;
  const devRow = (r: DevRow) =>
    `| ${r.name} | \`${r.path}\` | ${(r.bytes / 1024).toFixed(1)} | ${Math.round(r.rps)} | ${(r.rps / dev.baseline.rps).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.fixed.p50} | ${r.fixed.p99} | ${r.fixed.max} | ${r.fixed.errors} |`;
  const devOk = {
    ratio: dev.rows.filter((r) => r.rps / dev.baseline.rps >= TARGET_RATIO && r.errors === 0 && r.fixed.errors === 0).length,
    p99: dev.rows.filter((r) => r.p99 < DEV_TARGET_P99_MS).length,
  };
  return [
    '## API throughput and latency',
    '',
    `Command: \`npm run bench -- api\`. Real dataset, 127.0.0.1; the load generator (autocannon, Node) runs on the same ${os.cpus().length} cores as the servers.`,
    '',
    '### On the deploy runtime (bare workerd), against the runtime floor',
    '',
    `Servers, same run: the workerd binary wrangler runs (${bare.version}), started from a config of our own (\`tests/bench/bare-workerd.ts\`). **Floor**: a one-line Worker returning the series' bytes. **API**: the bundle \`wrangler deploy\` uploads, its KV binding answered by a second Worker holding the published entries (POINTER_CACHE_SECONDS = 10; KV served ${bare.kvReads ?? 0} reads in all these rows). Bare workerd has no cache service configured, so its Cache API refuses every call ("No Cache was configured"; the Worker answers without it): the API rows show the isolate's memory of answers (\`worker/answers.ts\`), and the last row the app making every answer (in an API process of its own, so that its garbage and full memory of answers are not collected during the other rows).`,
    '',
    `Saturated: autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of the floor and every row, each ${ROUND_SECONDS} s after a ${WARM_UP_SECONDS} s warm-up; req/s, p50, p99 and CPU are medians over the rounds; **vs floor** is the median (lowest–highest) of the row's ratio to the floor of the same round. CPU: the workerd process's user + system time (/proc) per request served. Fixed rate: ${FIXED_RATE} requests/s for ${FIXED_SECONDS} s over up to ${CONNECTIONS} connections, latency counted from each request's scheduled time, sent by a Node process of its own (\`tests/bench/fixed-rate.ts\`), so that the bench's garbage from the saturated rounds is not counted as latency.`,
    '',
    `| route | path | KiB | req/s | vs floor | p50 ms | p99 ms | p99 vs floor | errors | CPU µs/req | CPU vs floor | ${FIXED_RATE}/s: p50 ms | p99 ms | max ms | errors |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...all.map(bareRow),
    '',
    `Targets (issue 18, bare workerd): throughput at least ${TARGET_RATIO}x the floor's: ${of(met.ratio)}. p99 at ${CONNECTIONS} connections within ${TARGET_P99_RATIO}x the floor's: ${of(met.p99)}. Zero errors: ${of(met.errors)}. At ${FIXED_RATE} requests/s, p99 under ${TARGET_FIXED_P99_MS} ms: ${of(met.fixed)} (the floor itself: ${bare.floor.fixed.p99} ms). Every answer made by the app (last row, not a target): ${median(cold.ratios.rps).toFixed(2)}x the floor's throughput, p99 ${median(cold.ratios.p99).toFixed(2)}x, ${cold.rounds.reduce((a, x) => a + x.errors, 0) + cold.fixed.errors} errors.`,
    '',
    `Load average (1 / 5 / 15 min): ${load1} before these rows, ${load2} after.`,
    '',
    `What remains, from this run: an answer kept in memory costs ${Math.round(keptOver)} µs of workerd CPU per request more than the floor (median over the kept rows); the floor with the same ${bare.headers} response headers costs ${Math.round(headersOver)} µs more than the floor by itself (throughput ${median(bare.withHeaders.ratios.rps).toFixed(2)}x), so about ${Math.round(Math.max(0, Math.min(100, (100 * headersOver) / Math.max(1, keptOver))))}% of the gap is the header set itself (security, CORS and caching headers, written on every answer) and the rest the Worker's own work on a kept answer (reading the URL and headers, the memory lookup, a Response from the kept bytes; see the profile). An answer the app makes (last row) costs ${Math.round(cpuOver(cold))} µs more than the floor: routing, validation, lookups, the body and the headers, once per answer and isolate. What would close the rest: fewer headers per answer (only those that matter for JSON and CSV, or set by the zone's response header rules instead of the Worker), and on Cloudflare the edge cache (Cache API), which spares the app's work for answers other isolates made; the Worker itself still runs for every request on a Workers route.`,
    '',
    '### Where the time goes (profile)',
    '',
    `V8's sampling profiler (100 µs interval) through workerd's inspector (\`tests/bench/profile.ts\`), ${PROFILE_SECONDS} s per column at ${PROFILE_CONNECTIONS} connections, the bundle as above. Each sample is charged to the bundled module its JavaScript frame belongs to; runtime code called from JavaScript (Response, Headers, URL) to "runtime API"; "(program)" and "entering JS" are workerd's own work outside our JavaScript (HTTP parsing and writing, I/O, promise jobs). Profiling slows everything (and the machine is shared): read the shares, and compare columns, rather than the absolute sums.`,
    '',
    ...profileTable(prof),
    '',
    `Load average: ${load3} after profiling.`,
    '',
    '### Through wrangler dev, against its static assets',
    '',
    `\`wrangler dev\` as \`npm start\` runs it (a development proxy in one workerd, the Worker with Miniflare's KV, asset router and entry Workers in another). Baseline: the series response's bytes served as a static asset by the same \`wrangler dev\`. Saturated ${DEV_SECONDS} s after ${DEV_WARM_UP_SECONDS} s warm-up, one pass; fixed rate as above.`,
    '',
    `| route | path | KiB | req/s | vs baseline | p50 ms | p99 ms | errors | ${FIXED_RATE}/s: p50 ms | p99 ms | max ms | errors |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    devRow(dev.baseline),
    ...dev.rows.map(devRow),
    '',
    `Earlier targets (0.8x the static asset with zero errors: ${devOk.ratio} of ${dev.rows.length} routes; p99 under ${DEV_TARGET_P99_MS} ms saturated: ${devOk.p99} of ${dev.rows.length}). Load average: ${load0} before, ${load1} after.`,
  ].join('\n');
}
