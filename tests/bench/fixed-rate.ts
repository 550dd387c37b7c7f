/**
 * Latency at a fixed request rate (open loop): requests are scheduled every 1000/rate ms whatever
 * the server does, sent over at most `connections` keep-alive connections, and each latency is
 * counted from the time the request was scheduled, not sent, so a server stall shows in the
 * figures of every request it delays (no "coordinated omission", as in wrk2). autocannon's
 * `overallRate` sends in bursts, which is why this is done here.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export interface FixedRateResult {
  rate: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

/** Quantile of sorted values (nearest rank). */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Send GET `url` at `rate` requests per second for `seconds`, over at most `connections`
 * connections; with `next`, each request goes to the path it gives, on `url`'s origin.
 */
export async function fixedRate(
  url: string,
  rate: number,
  seconds: number,
  connections: number,
  next?: () => string,
): Promise<FixedRateResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const one = (scheduled: number) =>
    new Promise<void>((resolve) => {
      const req = http.get(next ? new URL(next(), url) : url, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - scheduled);
          resolve();
        });
      });
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  const start = performance.now();
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(at));
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ms = (x: number) => Math.round(x * 10) / 10;
  return {
    rate,
    requests: latencies.length,
    errors,
    p50: ms(quantile(latencies, 0.5)),
    p99: ms(quantile(latencies, 0.99)),
    max: ms(latencies.at(-1) ?? Number.NaN),
  };
}

/** What the child process of fixedRateApart is given (on stdin). */
interface Job {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  /** Paths to cycle through, on url's origin (each request the next). */
  paths?: string[];
}

/**
 * fixedRate run in a Node process of its own, started for it: the bench's own process has just
 * driven the saturated rounds (autocannon), and its large heap's garbage collections, run while
 * requests are in flight, would be counted as the server's latency. The floor's row shows what
 * is left of the client's and the machine's share.
 */
export function fixedRateApart(
  url: string,
  rate: number,
  seconds: number,
  connections: number,
  paths?: string[],
): Promise<FixedRateResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`fixed-rate child exited with ${code}`));
      else resolve(JSON.parse(out) as FixedRateResult);
    });
    child.stdin.end(JSON.stringify({ url, rate, seconds, connections, paths } satisfies Job));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk;
  const job = JSON.parse(input) as Job;
  const paths = job.paths;
  let n = 0;
  const next = paths && paths.length > 0 ? () => paths[n++ % paths.length]! : undefined;
  process.stdout.write(JSON.stringify(await fixedRate(job.url, job.rate, job.seconds, job.connections, next)));
}
