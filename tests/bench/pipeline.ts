/**
 * `npm run bench -- pipeline`: the derive step (parse, normalise, dedupe, aggregate) on synthetic
 * current-layout ACLED exports of 3,485, 250,000 and 2,500,000 rows (built from the real Niger
 * rows by data/cli/synth.ts into dist/bench, never committed), against DuckDB computing the same
 * monthly and daily aggregates (same categories, same dedupe by event_id_cnty) from the same
 * file; and the weekly reader on ACLED's weekly file scaled to the Africa-wide size (about
 * 270,000 rows: the real Sahel rows plus copies under other countries' names, which are
 * filtered out while reading, as in ACLED's Africa file), against DuckDB reading the same file
 * for the same cells. Each run is a child process, so wall time and peak RSS
 * (process.resourceUsage().maxRSS) are its own. The two outputs are compared cell by cell; a
 * difference fails the benchmark. `BENCH_PIPELINE=weekly` (or `events`) runs one part only.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const OUT = path.join(ROOT, 'dist', 'bench');
const SIZES = [3_485, 250_000, 2_500_000];

interface Run {
  seconds: number;
  /** CPU time (user + system) of the child process, all threads. */
  cpuSeconds: number;
  maxRssMiB: number;
  digest: string;
  cells: number;
  /** The daily (country x day x category) cells. */
  dailyDigest: string;
  dailyCells: number;
}

function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Sorted `country,admin1,month,category,events,fatalities` (or `country,day,category,...`) lines -> digest. */
function digestOf(lines: string[]): { digest: string; cells: number } {
  const sorted = lines.filter((l) => l.length > 0).sort();
  return { digest: createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 12), cells: sorted.length };
}

async function childOurs(file: string): Promise<Run> {
  const { deriveFiles } = await import('../../data/cli/derive.ts');
  const t0 = performance.now();
  const [r] = await deriveFiles([file]);
  const seconds = (performance.now() - t0) / 1000;
  const lines = r!.derived.rows.map((x) => [x.country, x.admin1, x.month, x.category, x.events, x.fatalities].join(','));
  return result(
    seconds,
    lines,
    r!.derived.daily.map((x) => [x.country, x.date, x.category, x.events, x.fatalities].join(',')),
  );
}

/** This process's run: its time, CPU, peak RSS, and the digests of its monthly and daily lines. */
function result(seconds: number, monthly: string[], daily: string[]): Run {
  const d = digestOf(daily);
  return {
    seconds,
    cpuSeconds: cpu(),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    ...digestOf(monthly),
    dailyDigest: d.digest,
    dailyCells: d.cells,
  };
}

const INTER_SQL = (col: string) =>
  `case lower(trim(${col})) when 'state forces' then 1 when 'rebel group' then 2 when 'political militia' then 3 ` +
  `when 'identity militia' then 4 when 'rioters' then 5 when 'protesters' then 6 when 'civilians' then 7 ` +
  `when 'external/other forces' then 8 else try_cast(${col} as integer) end`;

/** ACLED's disorder type "Political violence" outside B + ERV + VAC (model/categories.ts). */
const PV_SUBS = "'Mob violence', 'Excessive force against protesters'";

async function childDuck(file: string): Promise<Run> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const cats: [string, string][] = [
    ['political_violence', "event_type in ('Battles','Explosions/Remote violence','Violence against civilians')"],
    ['battles', "event_type = 'Battles'"],
    ['explosions_remote_violence', "event_type = 'Explosions/Remote violence'"],
    ['violence_against_civilians', "event_type = 'Violence against civilians'"],
    [
      'political_violence_acled',
      `event_type in ('Battles','Explosions/Remote violence','Violence against civilians') or sub in (${PV_SUBS})`,
    ],
    ['demonstrations', "event_type in ('Protests','Riots')"],
    ['demonstrations_acled', "event_type = 'Protests' or (event_type = 'Riots' and sub = 'Violent demonstration')"],
    ['protests', "event_type = 'Protests'"],
    ['riots', "event_type = 'Riots'"],
    ['strategic_developments', "event_type = 'Strategic developments'"],
    ['civilian_targeting', 'ct'],
    ['attacks_on_state_forces', "event_type in ('Battles','Explosions/Remote violence') and i1 in (2,3,4) and i2 = 1"],
  ];
  await c.run(`
    create temp table e as
    with raw as (select * from read_csv('${file}', header = true, all_varchar = true)),
    d as (select * from raw qualify row_number() over (partition by event_id_cnty order by try_cast("timestamp" as bigint) desc nulls last) = 1)
    select case country when 'Niger' then 'NER' when 'Mali' then 'MLI' when 'Burkina Faso' then 'BFA' when 'Chad' then 'TCD' when 'Nigeria' then 'NGA' end as iso3,
      trim(admin1) as admin1, strftime(cast(event_date as date), '%Y-%m') as month,
      strftime(cast(event_date as date), '%Y-%m-%d') as day, trim(event_type) as event_type, trim(sub_event_type) as sub,
      cast(fatalities as integer) as f, ${INTER_SQL('inter1')} as i1, ${INTER_SQL('inter2')} as i2,
      trim(civilian_targeting) = 'Civilian targeting' as ct
    from d`);
  const sql = cats
    .map(([id, where]) => `select iso3, admin1, month, '${id}' as cat, count(*) as n, sum(f) as fat from e where ${where} group by all`)
    .join(' union all ');
  const reader = await c.runAndReadAll(sql);
  const lines = reader.getRows().map((r) => r.map(String).join(','));
  const dailySql = cats
    .map(([id, where]) => `select iso3, day, '${id}' as cat, count(*) as n, sum(f) as fat from e where ${where} group by all`)
    .join(' union all ');
  const daily = (await c.runAndReadAll(dailySql)).getRows().map((r) => r.map(String).join(','));
  return result((performance.now() - t0) / 1000, lines, daily);
}

/** The node flags `npm run data:derive` runs with (read from package.json, so the two cannot drift). */
function deriveFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts['data:derive']!.split(/\s+/).filter((a) => a.startsWith('--'));
}

function child(which: 'ours' | 'duckdb' | 'weekly-ours' | 'weekly-duckdb', file: string): Run {
  // The pipeline runs with the flags `npm run data:derive` uses (a small young generation and heap: less RSS, same speed).
  const flags = which === 'ours' || which === 'weekly-ours' ? deriveFlags() : [];
  const r = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--child', which, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${which} on ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Run;
}

/** Runs per side and size. */
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** The median wall and CPU time and the largest peak RSS of runs that agree cell by cell. */
function summary(runs: Run[]): Run {
  const first = runs[0]!;
  if (runs.some((r) => r.digest !== first.digest || r.dailyDigest !== first.dailyDigest))
    throw new Error('runs of the same side on the same file disagree');
  return {
    ...first,
    seconds: median(runs.map((r) => r.seconds)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    maxRssMiB: Math.max(...runs.map((r) => r.maxRssMiB)),
  };
}

export default async function bench(): Promise<string> {
  const part = process.env.BENCH_PIPELINE ?? 'all';
  if (!['all', 'events', 'weekly'].includes(part)) throw new Error(`BENCH_PIPELINE must be events or weekly, got "${part}"`);
  const sections: string[] = [];
  if (part !== 'weekly') sections.push(await benchEvents());
  if (part !== 'events') sections.push(await benchWeekly());
  return sections.join('\n\n');
}

async function benchEvents(): Promise<string> {
  await mkdir(OUT, { recursive: true });
  const rows: string[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const n of SIZES) {
    const file = path.join(OUT, `acled-synthetic-${n}.csv`);
    if (!existsSync(file)) {
      const g = spawnSync(process.execPath, [path.join(ROOT, 'data', 'cli', 'synth.ts'), '--rows', String(n), '--out', file], {
        encoding: 'utf8',
      });
      if (g.status !== 0) throw new Error(`synth failed: ${g.stderr}`);
    }
    const mib = (await import('node:fs')).statSync(file).size / 2 ** 20;
    // Alternately, several times: the medians (peak RSS: the largest) stand for each side, so a
    // burst of other work on the machine during one run does not decide the ratio.
    const oursRuns: Run[] = [];
    const duckRuns: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      oursRuns.push(child('ours', file));
      duckRuns.push(child('duckdb', file));
    }
    const ours = summary(oursRuns);
    const duck = summary(duckRuns);
    if (ours.digest !== duck.digest || ours.cells !== duck.cells)
      throw new Error(`${n} rows: pipeline and DuckDB disagree (${ours.cells} vs ${duck.cells} cells, ${ours.digest} vs ${duck.digest})`);
    if (ours.dailyDigest !== duck.dailyDigest || ours.dailyCells !== duck.dailyCells)
      throw new Error(
        `${n} rows: pipeline and DuckDB disagree on daily cells (${ours.dailyCells} vs ${duck.dailyCells}, ${ours.dailyDigest} vs ${duck.dailyDigest})`,
      );
    console.log(
      `  ${n} rows: ours ${ours.seconds.toFixed(2)} s / ${ours.maxRssMiB.toFixed(0)} MiB; DuckDB ${duck.seconds.toFixed(2)} s / ${duck.maxRssMiB.toFixed(0)} MiB`,
    );
    rows.push(
      `| ${n.toLocaleString('en')} | ${mib.toFixed(0)} MiB | ${ours.seconds.toFixed(2)} s | ${Math.round(n / ours.seconds).toLocaleString('en')} | ${ours.maxRssMiB.toFixed(0)} MiB | ` +
        `${duck.seconds.toFixed(2)} s | ${duck.maxRssMiB.toFixed(0)} MiB | ${(ours.seconds / duck.seconds).toFixed(1)}x | ${ours.cpuSeconds.toFixed(1)} s / ${duck.cpuSeconds.toFixed(1)} s | ${ours.cells} + ${ours.dailyCells} daily (identical) |`,
    );
  }
  return [
    '## Pipeline (derive: parse, normalise, dedupe, aggregate)',
    '',
    'Command: `npm run bench -- pipeline`. Inputs: synthetic current-layout ACLED exports generated from the real Niger rows',
    '(`node data/cli/synth.ts --rows N --out dist/bench/...`; shifted dates, made-up ids, neutral text; never committed).',
    `Each side runs ${RUNS} times per file, alternately; the table gives the median wall and CPU time and the largest peak RSS. Each run is a fresh child process (the pipeline with the node flags of \`npm run data:derive\`: \`${deriveFlags().join(' ')}\`); peak RSS is \`process.resourceUsage().maxRSS\`. DuckDB (\`@duckdb/node-api\`, in-memory,`,
    'default threads) computes the same cells (12 categories, dedupe by `event_id_cnty` on newest `timestamp`; monthly per country,',
    'region and month, daily per country and day) from the same file; both outputs are compared cell by cell. The pipeline also',
    "takes the file's SHA-256 (its provenance in sources.json, on a second thread), which DuckDB does not. Targets: within 2x of DuckDB wall time, peak RSS under 256 MB.",
    '',
    '| rows | file | pipeline wall | rows/s | pipeline peak RSS | DuckDB wall | DuckDB peak RSS | pipeline / DuckDB | CPU time, pipeline / DuckDB | cells |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    'CPU time: user + system time of each child process over all its threads (process start included); on a loaded machine it shows the work done better than wall time.',
    `Load average (1 min) on this ${os.cpus().length}-core machine: ${loadBefore.toFixed(1)} at the start of the run, ${os.loadavg()[0]!.toFixed(1)} at the end (other work on the machine slows both sides).`,
  ].join('\n');
}

/** The real weekly file (five Sahel countries), from ../shared/data. */
const WEEKLY_REAL = path.join(ROOT, '..', 'shared', 'data', 'acled_aggregated_weekly_sahel5_1997-01-04_2026-03-14.csv');
/** ACLED's Africa-wide weekly file has about 270,000 rows (issue 14). */
const AFRICA_ROWS = 270_000;
/** Countries whose names the copies take: not configured, so filtered out while reading. */
const OTHER_COUNTRIES = ['Sudan', 'Somalia', 'Cameroon', 'Democratic Republic of Congo', 'Ethiopia', 'Kenya'];

/** The real weekly rows, then copies under other countries' names, up to AFRICA_ROWS rows. */
async function africaWeekly(): Promise<string> {
  const file = path.join(OUT, `acled-weekly-africa-${AFRICA_ROWS}.csv`);
  if (existsSync(file)) return file;
  const lines = readFileSync(WEEKLY_REAL, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const [header, ...rows] = lines;
  const col = header!.split(',').indexOf('COUNTRY');
  const out: string[] = [header!, ...rows];
  // Country names in this file have no commas or quotes, so the column can be replaced by position.
  for (let k = 0; out.length - 1 < AFRICA_ROWS; k++)
    for (const r of rows) {
      if (out.length - 1 >= AFRICA_ROWS) break;
      const f = r.split(',');
      if (f.length !== header!.split(',').length) continue;
      f[col] = OTHER_COUNTRIES[k % OTHER_COUNTRIES.length]!;
      out.push(f.join(','));
    }
  await mkdir(OUT, { recursive: true });
  await writeFile(file, `${out.join('\n')}\n`);
  return file;
}

async function childWeeklyOurs(file: string): Promise<Run> {
  const { deriveWeeklySource } = await import('../../data/cli/products.ts');
  const t0 = performance.now();
  const w = await deriveWeeklySource([file], { id: 'bench', name: 'bench', origin: '', retrieved: '', aggregates: 'bench.csv' });
  const seconds = (performance.now() - t0) / 1000;
  if (w.info.rows.read !== AFRICA_ROWS) throw new Error(`read ${w.info.rows.read} rows, expected ${AFRICA_ROWS}`);
  return result(
    seconds,
    w.cells.map((c) => [c.country, c.admin1, c.week, c.category, c.events, c.fatalities].join(',')),
    [],
  );
}

/** DuckDB: the same cells from the same file (the five countries, weeks parsed from `14-March-2026`, the 10 weekly categories). */
async function childWeeklyDuck(file: string): Promise<Run> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const cats: [string, string][] = [
    ['political_violence', "t in ('Battles','Explosions/Remote violence','Violence against civilians')"],
    ['political_violence_acled', `t in ('Battles','Explosions/Remote violence','Violence against civilians') or sub in (${PV_SUBS})`],
    ['battles', "t = 'Battles'"],
    ['explosions_remote_violence', "t = 'Explosions/Remote violence'"],
    ['violence_against_civilians', "t = 'Violence against civilians'"],
    ['demonstrations', "t in ('Protests','Riots')"],
    ['demonstrations_acled', "t = 'Protests' or (t = 'Riots' and sub = 'Violent demonstration')"],
    ['protests', "t = 'Protests'"],
    ['riots', "t = 'Riots'"],
    ['strategic_developments', "t = 'Strategic developments'"],
  ];
  await c.run(`
    create temp table w as
    select case COUNTRY when 'Niger' then 'NER' when 'Mali' then 'MLI' when 'Burkina Faso' then 'BFA' when 'Chad' then 'TCD' when 'Nigeria' then 'NGA' end as iso3,
      trim(ADMIN1) as admin1, strftime(strptime(WEEK, '%d-%B-%Y'), '%Y-%m-%d') as week, trim(EVENT_TYPE) as t, trim(SUB_EVENT_TYPE) as sub,
      cast(EVENTS as integer) as n, cast(FATALITIES as integer) as f
    from read_csv('${file}', header = true, all_varchar = true)
    where COUNTRY in ('Niger', 'Mali', 'Burkina Faso', 'Chad', 'Nigeria')`);
  const sql = cats
    .map(([id, where]) => `select iso3, admin1, week, '${id}' as cat, sum(n) as n, sum(f) as fat from w where ${where} group by all`)
    .join(' union all ');
  const lines = (await c.runAndReadAll(sql)).getRows().map((r) => r.map(String).join(','));
  return result((performance.now() - t0) / 1000, lines, []);
}

async function benchWeekly(): Promise<string> {
  if (!existsSync(WEEKLY_REAL)) {
    console.log(`  weekly: skipped, ${WEEKLY_REAL} is absent (raw ACLED files live in ../shared/data)`);
    return '## Pipeline, weekly data\n\nSkipped: the real weekly file (../shared/data) is absent.';
  }
  const loadBefore = os.loadavg()[0]!;
  const file = await africaWeekly();
  const mib = statSync(file).size / 2 ** 20;
  const oursRuns: Run[] = [];
  const duckRuns: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    oursRuns.push(child('weekly-ours', file));
    duckRuns.push(child('weekly-duckdb', file));
  }
  const ours = summary(oursRuns);
  const duck = summary(duckRuns);
  if (ours.digest !== duck.digest || ours.cells !== duck.cells)
    throw new Error(`weekly: pipeline and DuckDB disagree (${ours.cells} vs ${duck.cells} cells, ${ours.digest} vs ${duck.digest})`);
  console.log(
    `  weekly ${AFRICA_ROWS} rows: ours ${ours.seconds.toFixed(2)} s / ${ours.maxRssMiB.toFixed(0)} MiB; DuckDB ${duck.seconds.toFixed(2)} s / ${duck.maxRssMiB.toFixed(0)} MiB`,
  );
  return [
    '## Pipeline, weekly data (ACLED aggregated weekly file, Africa-wide size)',
    '',
    `Command: \`npm run bench -- pipeline\` (this part alone: \`BENCH_PIPELINE=weekly npm run bench -- pipeline\`). Input: the real five-country weekly file`,
    `(53,322 rows) and copies of its rows under other African countries' names up to ${AFRICA_ROWS.toLocaleString('en')} rows, the size of ACLED's Africa-wide file`,
    "(dist/bench, never committed); the copies are filtered out while reading, as the Africa file's other countries are. DuckDB reads the same file",
    'for the same cells (five countries; country x admin1 x week x the 10 weekly categories, events and fatalities); both are compared cell by',
    `cell. The pipeline also checks each row's week, disorder type and counts, accounts for every row and hashes the file. ${RUNS} runs per side, alternately;`,
    'median wall and CPU time, largest peak RSS. Targets: within 2x of DuckDB wall time, peak RSS under 256 MB.',
    '',
    '| rows | file | pipeline wall | pipeline peak RSS | DuckDB wall | DuckDB peak RSS | pipeline / DuckDB | CPU time, pipeline / DuckDB | cells |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    `| ${AFRICA_ROWS.toLocaleString('en')} | ${mib.toFixed(0)} MiB | ${ours.seconds.toFixed(2)} s | ${ours.maxRssMiB.toFixed(0)} MiB | ${duck.seconds.toFixed(2)} s | ${duck.maxRssMiB.toFixed(0)} MiB | ` +
      `${(ours.seconds / duck.seconds).toFixed(1)}x | ${ours.cpuSeconds.toFixed(1)} s / ${duck.cpuSeconds.toFixed(1)} s | ${ours.cells} (identical) |`,
    '',
    `Load average (1 min) on this ${os.cpus().length}-core machine: ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end.`,
  ].join('\n');
}

if (process.argv[2] === '--child') {
  const which = process.argv[3];
  const file = process.argv[4]!;
  const run =
    which === 'ours'
      ? await childOurs(file)
      : which === 'duckdb'
        ? await childDuck(file)
        : which === 'weekly-ours'
          ? await childWeeklyOurs(file)
          : await childWeeklyDuck(file);
  console.log(JSON.stringify(run));
}
