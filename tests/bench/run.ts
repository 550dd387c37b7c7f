/**
 * `npm run bench [-- NAME...]`: runs the benchmarks (all, or those named) and writes each one's
 * section of BENCHMARKS.md, keeping the sections of benchmarks not run. Each benchmark is a
 * module in this folder whose default export returns its section as Markdown; every section
 * states the command that produced it and compares against a baseline measured in the same run.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Benchmarks in the order their sections appear. A module is skipped until it exists. */
const BENCHMARKS = ['pipeline', 'api', 'web', 'soak'] as const;

export type Benchmark = () => Promise<string>;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '..', '..', 'BENCHMARKS.md');

const begin = (name: string) => `<!-- bench:${name}:begin -->`;
const end = (name: string) => `<!-- bench:${name}:end -->`;

/**
 * The benchmarks (and the servers and clients they start, which inherit it) run at the highest
 * priority the user may set: other work on the machine then takes less of the CPU they measure
 * (it still shares caches and memory). Without the right to raise it (not root), they run as started.
 */
function raisePriority(): string {
  for (const p of [-20, -10, -5]) {
    try {
      os.setPriority(p);
      return `nice ${p}`;
    } catch {
      // Not allowed: try a smaller step, else keep the default.
    }
  }
  return `nice ${os.getPriority()} (not allowed to raise it)`;
}

async function main(): Promise<void> {
  const priority = raisePriority();
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(BENCHMARKS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`);
  const old = existsSync(OUT) ? await readFile(OUT, 'utf8') : '';
  const sections = new Map<string, string>();
  for (const name of BENCHMARKS) {
    const m = old.match(new RegExp(`${begin(name)}\\n([\\s\\S]*?)\\n${end(name)}`));
    if (m) sections.set(name, m[1]!);
  }
  for (const name of asked.length > 0 ? asked : BENCHMARKS) {
    const file = path.join(HERE, `${name}.ts`);
    if (!existsSync(file)) {
      console.log(`bench ${name}: not written yet, skipped`);
      continue;
    }
    console.log(`bench ${name}: running`);
    const run = (await import(file)) as { default: Benchmark };
    const md = await run.default();
    const machine = `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${priority}; run ${new Date().toISOString().slice(0, 16)}Z.`;
    sections.set(name, `${md.trim()}\n\n${machine}`);
  }
  const body = BENCHMARKS.filter((n) => sections.has(n)).map((n) => `${begin(n)}\n${sections.get(n)}\n${end(n)}`);
  await writeFile(
    OUT,
    `# Benchmarks\n\nWritten by \`npm run bench\` (all) or \`npm run bench -- NAME\` (one section); do not edit by hand.\nEach section compares against a baseline measured in the same run on the same machine.\n\n${body.join('\n\n')}\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
