/**
 * Raw ACLED files -> monthly aggregates in data/aggregates (and, for event-level sources, daily
 * aggregates per country x day x category, checked to sum to the monthly ones), plus sources.json recording each
 * source's files (hashes, layouts), coverage, every row's fate (read, accepted, rejected by
 * reason with file and line, duplicates) and reconciled totals.
 * Only aggregates are written: raw event rows, actors, notes and event ids never enter the repository.
 *
 *   npm run data:derive                                # the configured files in ../shared/data
 *   npm run data:derive -- --input DIR                 # the configured files, from DIR
 *   npm run data:derive -- FILE... [--through YYYY-MM-DD] [--indicator ID] [--strict] [--out DIR]
 *
 * With FILEs (CSV in either ACLED layout, ACLED API JSON, monthly tables, ACLED weekly data as
 * CSV or .xlsx, HDX sub-national monthly files as CSV or .xlsx; told apart by their header),
 * all event-level files form one source (`acled-events`, duplicates resolved across files), all
 * tables another (`acled-table`), all weekly files a third (`acled-weekly`), and each HDX file
 * one of its own (`acled-hdx-<country>-<indicator>`). `--through` states the export date
 * (coverage ends there instead of at the last event). `--indicator` names the indicator of HDX
 * files whose name does not (political_violence, civilian_targeting, demonstrations); an HDX
 * file whose indicator cannot be known is refused. `--strict` fails on any rejected row, before
 * anything is written. Where two sources overlap (weekly vs event-level by week, HDX political
 * violence vs a monthly table by month), the comparison is written into the newer source's
 * report (`crosschecks`), never merged.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type FileHandle, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { CATEGORY_IDS, category } from '../../model/categories.ts';
import type { CrossCheck, InputFile, SourceInfo } from '../../model/types.ts';
import { type Derived, derive } from '../derive/aggregate.ts';
import { hdxCrossCheck, weeklyCrossCheck } from '../derive/crosscheck.ts';
import { layoutOf, looksLikeJson, readApiJson, specFor } from '../derive/input.ts';
import { parseDate } from '../derive/normalise.ts';
import { type ByteSource, readCsvBatches } from '../derive/parse.ts';
import type { CsvRecord } from '../derive/record.ts';
import { place } from '../derive/tally.ts';
import { isXlsx } from '../derive/weekly.ts';
import { writeAggregates, writeDaily, writeHdx, writeSources, writeWeekly } from './aggregates.ts';
import { AGGREGATES_DIR, RAW_DIR } from './paths.ts';
import { deriveHdxSource, deriveWeeklySource, type HdxSource, type ProductConfig, productOf, type WeeklySource } from './products.ts';
import { PRODUCTS, SOURCES, type SourceConfig } from './sources.ts';

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
    unit: plan.config.kind === 'event' ? 'day' : 'month',
    categories: givenCategories(derived),
  };
  return { info, derived };
}

/**
 * The categories a derived event file or table gives: the event-type ones always; the others
 * where its rows carry them (an event file without sub_event_type gives no disorder-type ones).
 */
function givenCategories(derived: Derived): SourceInfo['categories'] {
  const present = new Set<string>(derived.rows.map((r) => r.category));
  return CATEGORY_IDS.filter((id) => present.has(id) || category(id).reads === 'event_type');
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

interface Jobs {
  plans: Plan[];
  weekly: { files: string[]; config: ProductConfig } | null;
  hdx: { file: string; config?: ProductConfig }[];
}

/** Explicit inputs, sorted by kind (from their header): event files and tables, weekly files, HDX files. */
async function jobsFor(files: string[]): Promise<Jobs> {
  const rest: string[] = [];
  const weekly: string[] = [];
  const hdx: string[] = [];
  for (const f of files) {
    if (!existsSync(f)) throw new Error(`${f} not found`);
    const p = await productOf(f);
    if (p === 'weekly') weekly.push(f);
    else if (p === 'hdx') hdx.push(f);
    else if (await isXlsx(f))
      throw new Error(
        `${path.basename(f)}: an .xlsx that is neither ACLED weekly data (WEEK, COUNTRY, ADMIN1, EVENT_TYPE, SUB_EVENT_TYPE, EVENTS, FATALITIES) ` +
          'nor an HDX sub-national file (Country, Admin1, Admin2, Month, Year, Events); save event-level data as CSV',
      );
    else rest.push(f);
  }
  const names = weekly.map((f) => path.basename(f)).join(', ');
  return {
    plans: rest.length > 0 ? await plansFor(rest) : [],
    weekly:
      weekly.length > 0
        ? {
            files: weekly,
            config: {
              id: 'acled-weekly',
              name: `ACLED aggregated weekly data (${names})`,
              origin: 'ACLED weekly data supplied to npm run data:derive',
              retrieved: '',
              aggregates: 'acled-weekly.csv',
            },
          }
        : null,
    hdx: hdx.map((file) => ({ file })),
  };
}

/** The configured raw files in `dir` (../shared/data by default). */
function configuredJobs(dir: string): Jobs {
  const at = (file: string) => path.join(dir, file);
  const weekly = PRODUCTS.find((p) => p.product === 'weekly');
  const jobs: Jobs = {
    plans: SOURCES.map((config) => ({ config, files: [at(config.file)] })),
    weekly: weekly ? { files: [at(weekly.file)], config: weekly } : null,
    hdx: PRODUCTS.filter((p) => p.product === 'hdx').map((config) => ({ file: at(config.file), config })),
  };
  for (const f of [...SOURCES, ...PRODUCTS].map((s) => at(s.file)))
    if (!existsSync(f))
      throw new Error(`${f} not found: the raw ACLED files live in ../shared/data (see its SOURCES.md); pass --input DIR or FILE...`);
  return jobs;
}

/**
 * Where sources of one run overlap: the weekly file against each event-level source (by week),
 * an HDX political-violence file against each monthly table (by month), country by country.
 * Written into the weekly or HDX source's report.
 */
function crossCheck(results: { info: SourceInfo; derived: Derived }[], weekly: WeeklySource[], hdx: HdxSource[]): void {
  const shared = (a: SourceInfo, b: SourceInfo) => Object.keys(a.countries ?? {}).filter((c) => c in (b.countries ?? {}));
  for (const w of weekly) {
    const checks: CrossCheck[] = [];
    for (const r of results.filter((x) => x.info.kind === 'event' && x.info.daily))
      for (const c of shared(w.info, r.info)) {
        const cov = w.info.countries![c]!;
        const x = weeklyCrossCheck(
          { id: w.info.id, cells: w.cells, from: cov.from, through: cov.through },
          { id: r.info.id, daily: r.derived.daily, from: r.info.coverage.from, through: r.info.coverage.through },
          c,
        );
        if (x) checks.push(x);
      }
    if (checks.length > 0) w.info.crosschecks = checks;
  }
  for (const h of hdx.filter((x) => x.info.indicator === 'political_violence')) {
    const checks: CrossCheck[] = [];
    for (const r of results.filter((x) => x.info.kind === 'aggregate'))
      for (const c of shared(h.info, r.info)) {
        const x = hdxCrossCheck(
          { id: h.info.id, totals: h.hdx.totals, from: h.info.countries![c]!.from, through: h.info.countries![c]!.through },
          { id: r.info.id, rows: r.derived.rows, from: r.info.countries![c]!.from, through: r.info.countries![c]!.through },
          c,
        );
        if (x) checks.push(x);
      }
    if (checks.length > 0) h.info.crosschecks = checks;
  }
}

/** One line per weekly or HDX source, its countries, rejections and cross-checks. */
function reportProduct(info: SourceInfo, rows: number, seconds: number): void {
  const r = info.rows;
  console.log(
    `${info.id}: ${r.read} rows read, ${r.accepted} accepted, ${r.rejected} rejected ${JSON.stringify(r.byReason)}, ${r.duplicates ?? 0} duplicates, ` +
      `${r.filtered ?? 0} filtered (other countries${r.filtered ? `: ${JSON.stringify(r.filteredByCountry)}` : ''}); ` +
      `unit ${info.unit}; covers ${info.coverage.from} to ${info.coverage.through}; ${rows} aggregate rows (${seconds.toFixed(1)} s)`,
  );
  for (const [c, cov] of Object.entries(info.countries ?? {}))
    console.log(
      `  ${c}: ${cov.weeks ? `weeks ${cov.weeks.from} to ${cov.weeks.to}, ` : ''}${cov.from} to ${cov.through}, ${cov.accepted} rows counted`,
    );
  for (const x of info.rejections) console.log(`  rejected ${place(x)}: ${x.reason}`);
  if (r.rejected > info.rejections.length)
    console.log(`  ... and ${r.rejected - info.rejections.length} more rejections (counted by reason above)`);
  for (const x of info.duplicates ?? []) console.log(`  duplicate ${place(x)}: ${x.reason}`);
  for (const x of info.crosschecks ?? [])
    for (const c of x.categories)
      console.log(
        `  vs ${x.against} (${x.country}, ${x.unit}s ${x.from}..${x.to}) ${c.category}${c.otherCategory ? ` vs ${c.otherCategory}` : ''}: ` +
          `${c.equalEvents} of ${c.periods} equal on events, ${c.equalBoth} on both; differ: ${c.differences.map((d) => `${d.period} ${d.source.events}/${d.source.fatalities} vs ${d.other.events}/${d.other.fatalities}`).join(', ') || 'none'}`,
      );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      strict: { type: 'boolean', default: false },
      through: { type: 'string' },
      indicator: { type: 'string' },
      out: { type: 'string', default: AGGREGATES_DIR },
    },
  });
  const through = values.through ?? null;
  if (through !== null && parseDate(through) !== through) throw new Error(`--through must be a date as YYYY-MM-DD, got "${through}"`);
  if (positionals.length > 0 && values.input) throw new Error('give either FILE... or --input DIR, not both');
  const jobs =
    positionals.length > 0 ? await jobsFor(positionals.map((p) => path.resolve(p))) : configuredJobs(path.resolve(values.input ?? RAW_DIR));
  const results: { info: SourceInfo; derived: Derived }[] = [];
  for (const plan of jobs.plans) {
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
  const timed: { info: SourceInfo; rows: number; seconds: number }[] = [];
  const weekly: WeeklySource[] = [];
  if (jobs.weekly) {
    const t0 = performance.now();
    const w = await deriveWeeklySource(jobs.weekly.files, jobs.weekly.config);
    weekly.push(w);
    timed.push({
      info: w.info,
      rows: new Set(w.cells.map((c) => `${c.country}|${c.admin1}|${c.week}`)).size,
      seconds: (performance.now() - t0) / 1000,
    });
  }
  const hdx: HdxSource[] = [];
  for (const job of jobs.hdx) {
    const t0 = performance.now();
    const h = await deriveHdxSource(job.file, values.indicator ?? null, job.config);
    hdx.push(h);
    timed.push({ info: h.info, rows: h.hdx.cells.length, seconds: (performance.now() - t0) / 1000 });
  }
  crossCheck(results, weekly, hdx);
  for (const t of timed) reportProduct(t.info, t.rows, t.seconds);
  const all = [...results.map((x) => x.info), ...weekly.map((x) => x.info), ...hdx.map((x) => x.info)];
  const ids = all.map((x) => x.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) throw new Error(`two inputs give the same source ${twice.join(', ')}: derive them one at a time`);
  const rejected = all.reduce((a, x) => a + x.rows.rejected, 0);
  if (values.strict && rejected > 0) throw new Error(`--strict: ${rejected} rejected row(s); nothing written`);
  const out = path.resolve(values.out!);
  for (const { info, derived } of results) {
    await writeAggregates(info.aggregates, derived.rows, out);
    if (info.daily) await writeDaily(info.daily.file, derived.daily, out);
  }
  for (const w of weekly) await writeWeekly(w.info.aggregates, w.cells, out);
  for (const h of hdx) await writeHdx(h.info.aggregates, h.hdx.cells, out);
  // Aggregates of sources no longer derived would be read by nothing: remove them.
  const keep = new Set(all.flatMap((x) => [x.aggregates, ...(x.daily ? [x.daily.file] : [])]));
  for (const f of await readdir(out)) if (f.endsWith('.csv') && !keep.has(f)) await rm(path.join(out, f));
  await writeSources(all, out);
  console.log(`wrote ${all.length} source(s) to ${path.relative(process.cwd(), out) || '.'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(`data:derive failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
