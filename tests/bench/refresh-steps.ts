/**
 * The scheduled refresh's steps on the shipped data, each in its own Node process under a heap
 * cap, as each Workflow step runs in its own invocation of a 128 MB isolate:
 *
 *   node tests/bench/refresh-steps.ts [--cap 64]
 *
 * The served version is the shipped data (data/aggregates + data/claims.json, its base as
 * data:build writes it); ACLED is the fake (tests/fixtures/acled-fake.ts) over HTTP, serving the
 * Niger event file's rows (../shared/data) for a long window (2019-01-01 to 2024-05-15, all five
 * countries asked: Niger's three pages, nothing for the others), so that the merged source is
 * the largest a refresh of that file gives. The KV is a folder of files shared by the processes.
 * Each process replays the results of the steps before its own (as the Workflow engine does),
 * runs its step alone and reports: the peak of the V8 heap used (the largest size before a
 * collection, from --trace-gc, or at the end), the heap used before the step (Node and the
 * modules), CPU time, KV operations and subrequests. The step fails if it needs more than `cap`
 * MB of old space (--max-old-space-size; young space 2 x 4 MB).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { buildDataset } from '../../data/build/dataset.ts';
import { parseClaims } from '../../data/build/files.ts';
import { readShipped } from '../../data/cli/aggregates.ts';
import { CLAIMS_FILE } from '../../data/cli/paths.ts';
import { baseEntries } from '../../data/refresh/base.ts';
import { type RefreshRunOptions, runRefresh, type TextKv } from '../../data/refresh/steps.ts';
import { POINTER_KEY } from '../../model/keys.ts';
import { AcledFake, nigerApiRows } from '../fixtures/acled-fake.ts';

const SELF = fileURLToPath(import.meta.url);

/** What was asked of the run measured (the Workflow's params). */
export const ASKED = { since: '2019-01-01', through: '2024-05-15', countries: 'BFA,MLI,NER,NGA,TCD' };
const AT = '2026-12-02T06:00:00.000Z';

export interface StepMeasure {
  name: string;
  ok: boolean;
  error: string | null;
  /** MB of V8 heap used at its largest during the process (Node and modules included). */
  peakMB: number;
  /** MB of V8 heap used when the step began (Node, the modules, the replayed results). */
  baseMB: number;
  cpuMs: number;
  kvOps: number;
  subrequests: number;
  resultBytes: number;
}

/** A KV as a folder of files: one per key, operations counted. */
function fileKv(dir: string): TextKv & { ops: number } {
  const file = (key: string) => path.join(dir, encodeURIComponent(key));
  const kv = {
    ops: 0,
    async get(key: string) {
      kv.ops++;
      try {
        return await readFile(file(key), 'utf8');
      } catch {
        return null;
      }
    },
    async put(key: string, value: string) {
      kv.ops++;
      await writeFile(file(key), value);
    },
    async delete(key: string) {
      kv.ops++;
      await unlink(file(key)).catch(() => undefined);
    },
  };
  return kv;
}

interface ChildArgs {
  dir: string;
  base: string;
  username: string;
  password: string;
  target: string;
  done: Record<string, unknown>;
}

/** In a child process: replay the steps done, run `target`, print its measures, exit. */
async function child(a: ChildArgs): Promise<void> {
  const kv = fileKv(a.dir);
  let subrequests = 0;
  const opts: RefreshRunOptions = {
    kv,
    cfg: {
      base: a.base,
      username: a.username,
      password: a.password,
      fetch: (input, init) => {
        subrequests++;
        return fetch(input, init);
      },
    },
    id: 'bench',
    at: AT,
    asked: ASKED,
    reason: (e) => (e instanceof Error ? e.message : String(e)),
    doStep: async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      if (name in a.done) return a.done[name] as T;
      if (name !== a.target) throw new Error(`step ${name} was not expected (target ${a.target})`);
      const base = v8.getHeapStatistics().used_heap_size;
      const [ops0, cpu0] = [kv.ops, process.cpuUsage()];
      let out: { result?: unknown; error?: string };
      try {
        out = { result: await work() };
      } catch (e) {
        out = { error: e instanceof Error ? e.message : String(e) };
      }
      const cpu = process.cpuUsage(cpu0);
      const report = {
        ...out,
        baseBytes: base,
        endBytes: v8.getHeapStatistics().used_heap_size,
        cpuMs: (cpu.user + cpu.system) / 1000,
        kvOps: kv.ops - ops0,
        subrequests,
      };
      process.stdout.write(`\nRESULT ${JSON.stringify(report)}\n`);
      process.exit(out.error === undefined ? 0 : 1);
    },
  };
  await runRefresh(opts);
}

/** --trace-gc lines: "... Scavenge 4.1 (5.3) -> 3.5 (6.3) MB, ..." -> the largest size before a collection. */
function peakOfTrace(text: string): number {
  let peak = 0;
  for (const m of text.matchAll(/ ([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/g)) peak = Math.max(peak, Number(m[1]));
  return peak;
}

async function runChild(cap: number, args: ChildArgs): Promise<{ stdout: string; code: number }> {
  const p = spawn(
    process.execPath,
    ['--trace-gc', `--max-old-space-size=${cap}`, '--max-semi-space-size=4', SELF, '--child', JSON.stringify(args)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => p.on('close', (c) => resolve(c ?? 1)));
  return { stdout: stdout + stderr, code };
}

/** Run every step of a refresh, each in its own process under `cap` MB of old space; the measures, in step order. */
export async function measureSteps(cap: number): Promise<{ steps: StepMeasure[]; run: unknown }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-refresh-steps-'));
  const fake = new AcledFake({ rows: await nigerApiRows() });
  const server = await fake.serve();
  try {
    await mkdir(dir, { recursive: true });
    const sources = await readShipped();
    const claims = parseClaims(await readFile(CLAIMS_FILE, 'utf8'), 'data/claims.json');
    const ds = await buildDataset({ sources, claims });
    const kv = fileKv(dir);
    for (const e of baseEntries(ds.version, { sources, claims })) await kv.put(e.key, e.value);
    await kv.put(POINTER_KEY, JSON.stringify({ version: ds.version, publishedAt: '' }));
    const done: Record<string, unknown> = {};
    const steps: StepMeasure[] = [];
    const args = { dir, base: server.url, username: fake.state.username, password: fake.state.password };
    const run = await runRefresh({
      kv,
      cfg: { base: server.url, username: '', password: '' },
      id: 'bench',
      at: AT,
      asked: ASKED,
      reason: (e) => (e instanceof Error ? e.message : String(e)),
      doStep: async <T>(name: string): Promise<T> => {
        const { stdout, code } = await runChild(cap, { ...args, target: name, done });
        const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
        const r = line
          ? (JSON.parse(line.slice(7)) as {
              result?: unknown;
              error?: string;
              baseBytes: number;
              endBytes: number;
              cpuMs: number;
              kvOps: number;
              subrequests: number;
            })
          : null;
        const error = r?.error ?? (code !== 0 ? `exit ${code}: ${stdout.split('\n').slice(-8).join(' ')}` : null);
        steps.push({
          name,
          ok: error === null,
          error,
          peakMB: Math.max(peakOfTrace(stdout), (r?.endBytes ?? 0) / 2 ** 20),
          baseMB: (r?.baseBytes ?? 0) / 2 ** 20,
          cpuMs: r?.cpuMs ?? 0,
          kvOps: r?.kvOps ?? 0,
          subrequests: r?.subrequests ?? 0,
          resultBytes: JSON.stringify(r?.result ?? null).length,
        });
        if (error !== null) throw new Error(`step ${name}: ${error}`);
        done[name] = r!.result;
        return r!.result as T;
      },
    });
    return { steps, run };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cap: { type: 'string', default: '64' }, child: { type: 'string' } } });
  if (values.child) return child(JSON.parse(values.child) as ChildArgs);
  const cap = Number(values.cap);
  const { steps, run } = await measureSteps(cap);
  console.log(`Each step in its own process, --max-old-space-size=${cap} --max-semi-space-size=4 (node ${process.version})`);
  console.log('| step | peak heap used (MB) | at its start (MB) | CPU (ms) | KV operations | subrequests | result (bytes) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of steps)
    console.log(
      `| ${s.name} | ${s.peakMB.toFixed(1)} | ${s.baseMB.toFixed(1)} | ${s.cpuMs.toFixed(0)} | ${s.kvOps} | ${s.subrequests} | ${s.resultBytes} |`,
    );
  console.log(JSON.stringify(run));
}

if (process.argv[1] === SELF) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
