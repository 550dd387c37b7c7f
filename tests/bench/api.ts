/**
 * API throughput and latency against the Worker running locally (`wrangler dev`, workerd), with
 * autocannon at 32 connections; baseline in the same run: the same response bytes served as a
 * static asset by the same runtime, the physical limit. `npm run bench -- api`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, startWorker } from '../e2e/server.ts';

const CONNECTIONS = 32;
const SECONDS = 10;
/** Targets from the issue: at least 0.8x the static throughput, p99 under 25 ms, no errors. */
const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 25;

interface Result {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  bytes: number;
}

async function load(url: string, name: string, p: string): Promise<Result> {
  // A short warm-up, so that the first compilation and KV reads are not measured.
  await autocannon({ url: url + p, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url: url + p, connections: CONNECTIONS, duration: SECONDS });
  const bytes = (await (await fetch(url + p)).arrayBuffer()).byteLength;
  return {
    name,
    path: p,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    bytes,
  };
}

export default async function bench(): Promise<string> {
  const worker = await startWorker({ logLevel: 'warn' });
  const staticDir = path.join(ROOT, 'web', 'dist', '__bench');
  try {
    const series = '/api/v1/series?country=NER&category=political_violence&measure=events';
    // The same bytes the API answers, as a static asset of the same Worker.
    await mkdir(staticDir, { recursive: true });
    await writeFile(path.join(staticDir, 'series.json'), Buffer.from(await (await fetch(worker.url + series)).arrayBuffer()));
    for (let i = 0; i < 60 && (await fetch(`${worker.url}/__bench/series.json`)).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 500));
    const results = [
      await load(worker.url, 'static asset (baseline)', '/__bench/series.json'),
      await load(worker.url, 'series (stored JSON as is)', series),
      await load(worker.url, 'series, from/to filter', `${series}&from=2023-01&to=2023-12`),
      await load(
        worker.url,
        'compare (computed)',
        '/api/v1/compare?country=NER&category=political_violence&measure=events&before=trailing12&after=2023-08',
      ),
      await load(worker.url, 'series as CSV', `${series}&format=csv`),
      await load(worker.url, 'claims', '/api/v1/claims'),
    ];
    const base = results[0]!.rps;
    const row = (r: Result) =>
      `| ${r.name} | \`${r.path}\` | ${(r.bytes / 1024).toFixed(1)} | ${Math.round(r.rps)} | ${(r.rps / base).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} |`;
    const api = results.slice(1);
    const pass = api.every((r) => r.rps / base >= TARGET_RATIO && r.p99 < TARGET_P99_MS && r.errors === 0);
    return [
      '## API throughput and latency',
      '',
      `Command: \`npm run bench -- api\`. autocannon, ${CONNECTIONS} connections, ${SECONDS} s per route after a 2 s warm-up, against \`wrangler dev\` (workerd with local KV) on 127.0.0.1 serving the real dataset. Baseline, same run and runtime: the series response's bytes served as a static asset.`,
      '',
      '| route | path | KiB | req/s | vs static | p50 ms | p99 ms | errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.map(row),
      '',
      `Targets: at least ${TARGET_RATIO}x the static throughput, p99 under ${TARGET_P99_MS} ms at ${CONNECTIONS} connections, zero errors: ${pass ? 'met by every route' : 'NOT met by every route (see the table)'}.`,
      'Local `wrangler dev` adds a development proxy in front of workerd, for the baseline and the API alike; figures on Cloudflare differ.',
    ].join('\n');
  } finally {
    await rm(staticDir, { recursive: true, force: true });
    await worker.stop();
  }
}
