/**
 * Starts the real Worker for end-to-end tests: builds the dataset, publishes it into a temporary
 * local KV, builds the page, and runs `wrangler dev` on a free port against that KV.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const ENV = {
  ...process.env,
  PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
  WRANGLER_SEND_METRICS: 'false',
  // No colour codes in the captured output.
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};
const READY_TIMEOUT_MS = 90_000;

/** Debian's Chromium; E2E_CHROMIUM overrides the path (e.g. to check the skip/fail rule). */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
/** Headless, and no background traffic: this machine's network is closed. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningWorker {
  url: string;
  /** The local KV state the Worker reads (wrangler's --persist-to), for tests that publish into it. */
  persistDir: string;
  stop(): Promise<void>;
}

/** Run a command to completion in the repository; throws with its output on failure. */
function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** A TCP port free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** `logLevel: 'warn'` keeps wrangler from logging every request (for load tests). */
export async function startWorker(opts: { logLevel?: 'info' | 'warn' } = {}): Promise<RunningWorker> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-e2e-'));
  let child: ChildProcess | null = null;
  const stop = async (): Promise<void> => {
    if (child) {
      const c = child;
      const exited = new Promise<void>((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) resolve();
        else c.once('exit', () => resolve());
      });
      killGroup(c, 'SIGTERM');
      const timer = setTimeout(() => killGroup(c, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    run(process.execPath, ['data/cli/build.ts']);
    // Into a KV of its own, so the test neither needs nor touches the developer's .wrangler state.
    run(process.execPath, ['data/cli/publish.ts', '--local', '--persist-to', dir]);
    run(process.execPath, ['web/build.ts']);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    const c = spawn(
      'wrangler',
      [
        'dev',
        '--port',
        String(port),
        '--ip',
        '127.0.0.1',
        '--persist-to',
        dir,
        '--show-interactive-dev-session=false',
        '--log-level',
        opts.logLevel ?? 'info',
      ],
      // A process group of its own, so stop() ends workerd too.
      { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    child = c;
    c.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    c.stderr?.on('data', (b: Buffer) => (output += b.toString()));

    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (c.exitCode !== null || c.signalCode !== null) {
        throw new Error(`wrangler dev exited (${c.exitCode ?? c.signalCode}) before answering:\n${output}`);
      }
      try {
        const res = await fetch(`${url}/api/v1/catalogue`, { signal: AbortSignal.timeout(5_000) });
        if (res.status === 200) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline)
        throw new Error(`wrangler dev did not answer ${url}/api/v1/catalogue with 200 within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    return { url, persistDir: dir, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
