/**
 * Raw ACLED files -> monthly aggregates in data/aggregates (and, for event-level sources, daily
 * aggregates per country x day x category, checked to sum to the monthly ones), plus sources.json recording each
 * source's files (hashes, layouts), coverage, every row's fate (read, accepted, rejected by
 * reason with file and line, duplicates) and reconciled totals.
 * Only aggregates are written: raw event rows, actors, notes and event ids never enter the repository.
 *
 *   npm run data:derive                                # the configured files in ../shared/data
 *   npm run data:derive -- --input DIR                 # the configured files, from DIR
 *   npm run data:derive -- FILE... [--through YYYY-MM-DD] [--strict] [--out DIR]
 *
 * With FILEs (CSV in either ACLED layout, ACLED API JSON, or monthly tables), all event-level
 * files form one source (`acled-events`, duplicates resolved across files) and all tables
 * another (`acled-table`). `--through` states the export date (coverage ends there instead of
 * at the last event). `--strict` fails on any rejected row, before anything is written.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type FileHandle, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { InputFile, SourceInfo } from '../../model/types.ts';
import { type Derived, derive } from '../derive/aggregate.ts';
import { layoutOf, looksLikeJson, readApiJson, specFor } from '../derive/input.ts';
import { parseDate } from '../derive/normalise.ts';
import { type ByteSource, readCsvBatches } from '../derive/parse.ts';
import type { CsvRecord } from '../derive/record.ts';
import { writeAggregates, writeDaily, writeSources } from './aggregates.ts';
import { AGGREGATES_DIR, RAW_DIR } from './paths.ts';
import { SOURCES, type SourceConfig } from './sources.ts';

/** JSON inputs are parsed whole; beyond this, save the download as CSV. */
const MAX_JSON_BYTES = 512 * 1024 * 1024;

interface Opened {
  file: InputFile;
  /** Records in batches (one per chunk read). */
  records: AsyncIterable<readonly CsvRecord[]>;
}

async function head(file: string, bytes = 64 * 1024): Promise<string> {
  const fh = await open(file);
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/** Kind of a file, from its first bytes: JSON is event-level; a CSV's header decides. */
export async function sniff(file: string): Promise<{ format: 'csv' | 'json'; kind: SourceInfo['kind']; layout: string }> {
  const text = await head(file);
  if (looksLikeJson(text)) return { format: 'json', kind: 'event', layout: 'event (API JSON)' };
  const { parse } = await import('csv-parse/sync');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const header = (parse(firstLine, { bom: true, relax_quotes: true })[0] as string[] | undefined) ?? [];
  return { format: 'csv', ...layoutOf(header.map((h) => h.trim())) };
}

/**
 * SHA-256 of a file, taken on a worker thread (hash.ts, a module of its own) while the main thread
 * parses it: hashing 1.3 GB costs about a second, which a second core does meanwhile (measured in
 * `npm run bench -- pipeline`). Small heap limits keep the worker to a few MB. Unreferenced: a run
 * that stops early is not kept alive by it. The caller checks that the file did not change while
 * it was read.
 */
function hashFile(file: string): Promise<string> {
  const worker = new Worker(new URL('./hash.ts', import.meta.url), {
    workerData: file,
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 },
  });
  worker.unref();
  const digest = new Promise<string>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`hashing ${path.basename(file)} stopped (exit code ${code}) before giving its SHA-256`)),
    );
  });
  digest.catch(() => undefined); // (awaited once the records are read)
  return digest;
}

/** A ByteSource over a file that reads the next megabyte while the current one is parsed (two buffers, reused). */
function readAhead(fh: FileHandle): ByteSource {
  const size = 1 << 20;
  let spare = Buffer.allocUnsafe(size);
  let ready = Buffer.allocUnsafe(size);
  let pending = fh.read(spare, 0, size, null);
  // (Awaited below; this only keeps a read left pending when reading stops early from being unhandled.)
  pending.catch(() => undefined);
  let have = 0; // bytes of `ready` not yet handed on, from `at`
  let at = 0;
  let ended = false;
  return async (into) => {
    if (have === 0 && !ended) {
      const { bytesRead } = await pending;
      [ready, spare] = [spare, ready];
      have = bytesRead;
      at = 0;
      if (bytesRead === 0) ended = true;
      else {
        pending = fh.read(spare, 0, size, null);
        pending.catch(() => undefined);
      }
    }
    const n = Math.min(have, into.length);
    ready.copy(into, 0, at, at + n);
    at += n;
    have -= n;
    return n;
  };
}

/** Open one input: records (the file hashed beside them) and its InputFile entry, completed when read. */
async function openInput(file: string, kind: SourceInfo['kind']): Promise<Opened> {
  const name = path.basename(file);
  const s = await sniff(file);
  const entry: InputFile = { file: name, sha256: '', format: s.format, layout: s.layout, read: 0 };
  if (s.format === 'json' && (await stat(file)).size > MAX_JSON_BYTES)
    throw new Error(`${name}: JSON inputs are read whole and this one is over 512 MB; save the download as CSV`);
  // Opened lazily, when its records are first asked for, so that no bytes flow before they are read.
  const records = (async function* () {
    let sha256: Promise<string>;
    let source: AsyncIterable<readonly CsvRecord[]>;
    if (s.format === 'json') {
      const buf = await readFile(file);
      sha256 = Promise.resolve(createHash('sha256').update(buf).digest('hex'));
      source = (async function* () {
        let batch: CsvRecord[] = [];
        for (const r of readApiJson(buf.toString('utf8'), name)) {
          batch.push(r);
          if (batch.length === 4096) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      })();
    } else {
      const fh = await open(file);
      const before = await fh.stat();
      sha256 = hashFile(file);
      const read = readAhead(fh);
      source = (async function* () {
        try {
          yield* readCsvBatches(read, name, specFor(kind));
          // Parsed and hashed by two readers: the file must not have changed in between.
          const after = await fh.stat();
          if (after.size !== before.size || after.mtimeMs !== before.mtimeMs)
            throw new Error(`${name} changed while it was being read; derive again once it is complete`);
        } finally {
          await fh.close();
        }
      })();
    }
    for await (const batch of source) {
      entry.read += batch.length;
      yield batch;
    }
    entry.sha256 = await sha256;
  })();
  return { file: entry, records };
}

async function* concat(inputs: Opened[]): AsyncGenerator<readonly CsvRecord[]> {
  for (const i of inputs) yield* i.records;
}

export interface Plan {
  config: SourceConfig;
  files: string[];
}

/** Derive one source from its files. */
export async function deriveSource(plan: Plan, through: string | null): Promise<{ info: SourceInfo; derived: Derived }> {
  const inputs: Opened[] = [];
  for (const f of plan.files) inputs.push(await openInput(f, plan.config.kind));
  const derived = await derive(concat(inputs), plan.config.kind, { through });
  const files = inputs.map((i) => i.file);
  const { report } = derived;
  const { dailyFile, ...config } = plan.config;
  const info: SourceInfo = {
    ...config,
    retrieved: plan.config.retrieved || report.coverage.through,
    sha256:
      files.length === 1
        ? files[0]!.sha256
        : createHash('sha256')
            .update(files.map((f) => f.sha256).join('\n'))
            .digest('hex'),
    ...report,
    files,
    ...(dailyFile && plan.config.kind === 'event'
      ? { daily: { file: dailyFile, from: report.coverage.from, through: report.coverage.through, rows: derived.daily.length } }
      : {}),
  };
  return { info, derived };
}

/** Explicit inputs -> one event source and/or one table source. */
export async function plansFor(files: string[]): Promise<Plan[]> {
  const byKind: Record<SourceInfo['kind'], string[]> = { event: [], aggregate: [] };
  for (const f of files) {
    if (!existsSync(f)) throw new Error(`${f} not found`);
    byKind[(await sniff(f)).kind].push(f);
  }
  const names = (fs: string[]) => fs.map((f) => path.basename(f)).join(', ');
  const plans: Plan[] = [];
  if (byKind.event.length > 0)
    plans.push({
      config: {
        id: 'acled-events',
        name: `ACLED event-level data (${names(byKind.event)})`,
        kind: 'event',
        origin: 'ACLED download supplied to npm run data:derive',
        retrieved: '',
        file: names(byKind.event),
        aggregates: 'acled-events.csv',
        dailyFile: 'acled-events-daily.csv',
      },
      files: byKind.event,
    });
  if (byKind.aggregate.length > 0)
    plans.push({
      config: {
        id: 'acled-table',
        name: `ACLED monthly table (${names(byKind.aggregate)})`,
        kind: 'aggregate',
        origin: 'ACLED monthly table supplied to npm run data:derive',
        retrieved: '',
        file: names(byKind.aggregate),
        aggregates: 'acled-table.csv',
      },
      files: byKind.aggregate,
    });
  return plans;
}

/** Derive explicit input files as the CLI does: one event source and/or one table source. */
export async function deriveFiles(files: string[], through: string | null = null): Promise<{ info: SourceInfo; derived: Derived }[]> {
  const out: { info: SourceInfo; derived: Derived }[] = [];
  for (const plan of await plansFor(files)) out.push(await deriveSource(plan, through));
  return out;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      strict: { type: 'boolean', default: false },
      through: { type: 'string' },
      out: { type: 'string', default: AGGREGATES_DIR },
    },
  });
  const through = values.through ?? null;
  if (through !== null && parseDate(through) !== through) throw new Error(`--through must be a date as YYYY-MM-DD, got "${through}"`);
  if (positionals.length > 0 && values.input) throw new Error('give either FILE... or --input DIR, not both');
  let plans: Plan[];
  if (positionals.length > 0) plans = await plansFor(positionals.map((p) => path.resolve(p)));
  else {
    const dir = path.resolve(values.input ?? RAW_DIR);
    plans = SOURCES.map((config) => ({ config, files: [path.join(dir, config.file)] }));
    for (const p of plans)
      if (!existsSync(p.files[0]!))
        throw new Error(
          `${p.files[0]} not found: the raw ACLED files live in ../shared/data (see its SOURCES.md); pass --input DIR or FILE...`,
        );
  }
  const results: { info: SourceInfo; derived: Derived }[] = [];
  for (const plan of plans) {
    const t0 = performance.now();
    const res = await deriveSource(plan, through);
    results.push(res);
    const { info } = res;
    const r = info.rows;
    console.log(
      `${info.id}: ${r.read} rows read, ${r.accepted} accepted, ${r.rejected} rejected ${JSON.stringify(r.byReason)}, ${r.duplicates ?? 0} duplicates; ` +
        `covers ${info.coverage.from} to ${info.coverage.through} (${info.coverageBasis}); totals ${info.totals!.events} events, ${info.totals!.fatalities} fatalities (reconciled); ` +
        `${res.derived.rows.length} aggregate rows${info.daily ? `, ${info.daily.rows} daily rows (reconciled with the monthly ones)` : ''} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    for (const [c, cov] of Object.entries(info.countries ?? {}))
      console.log(`  ${c}: ${cov.from} to ${cov.through}, ${cov.accepted} counted`);
    for (const x of info.rejections) console.log(`  rejected ${x.file ?? ''}:${x.line}: ${x.reason}`);
    if (r.rejected > info.rejections.length)
      console.log(`  ... and ${r.rejected - info.rejections.length} more rejections (counted by reason above)`);
    for (const x of info.duplicates ?? []) console.log(`  duplicate ${x.file ?? ''}:${x.line}: ${x.reason}`);
  }
  const rejected = results.reduce((a, x) => a + x.info.rows.rejected, 0);
  if (values.strict && rejected > 0) throw new Error(`--strict: ${rejected} rejected row(s); nothing written`);
  const out = path.resolve(values.out!);
  for (const { info, derived } of results) {
    await writeAggregates(info.aggregates, derived.rows, out);
    if (info.daily) await writeDaily(info.daily.file, derived.daily, out);
  }
  // Aggregates of sources no longer derived would be read by nothing: remove them.
  const keep = new Set(results.flatMap((x) => [x.info.aggregates, ...(x.info.daily ? [x.info.daily.file] : [])]));
  for (const f of await readdir(out)) if (f.endsWith('.csv') && !keep.has(f)) await rm(path.join(out, f));
  await writeSources(
    results.map((x) => x.info),
    out,
  );
  console.log(`wrote ${results.length} source(s) to ${path.relative(process.cwd(), out) || '.'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(`data:derive failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
