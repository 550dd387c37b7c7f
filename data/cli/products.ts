/**
 * ACLED's aggregated products (weekly data; HDX sub-national monthly files), CSV or .xlsx ->
 * one source each: the counted cells and the SourceInfo report (unit, categories, coverage per
 * country, the nothing-lost account with file, sheet and row, input hashes). The I/O edge of
 * data/derive/{weekly,hdx}.ts; files are told apart by their header, never by their name.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CategoryId } from '../../model/categories.ts';
import { WEEKLY_CATEGORIES } from '../../model/disorder.ts';
import { daysInMonth } from '../../model/month.ts';
import type { CountryCoverage, ProductFile, SourceInfo } from '../../model/types.ts';
import { earliest, latest } from '../derive/crosscheck.ts';
import { HDX_COLUMNS, HDX_INDICATORS, type Hdx, type HdxIndicator, indicatorOf, readHdx } from '../derive/hdx.ts';
import { isXlsx, readWeekly, WEEKLY_COLUMNS, type WeeklyCell } from '../derive/weekly.ts';
import { xlsxHeader } from '../derive/xlsx.ts';

export type Product = 'weekly' | 'hdx';

/** What describes a product source beyond what its files give. */
export type ProductConfig = Pick<SourceInfo, 'id' | 'name' | 'origin' | 'retrieved' | 'aggregates'>;

/** A weekly or HDX file by its header (HDX's "TOU" sheet passed over); null for anything else. */
export async function productOf(file: string): Promise<Product | null> {
  const kind = (header: readonly string[]): Product | null =>
    WEEKLY_COLUMNS.every((c) => header.includes(c)) ? 'weekly' : HDX_COLUMNS.every((c) => header.includes(c)) ? 'hdx' : null;
  let header: string[] | null;
  if (await isXlsx(file)) header = await xlsxHeader(file, (_sheet, h) => kind(h) !== null);
  else {
    const fh = await open(file);
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      const first = buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
      header = ((parse(first, { bom: true, relax_quotes: true })[0] as string[] | undefined) ?? []).map((h) => h.trim());
    } finally {
      await fh.close();
    }
  }
  return header === null ? null : kind(header);
}

/** SHA-256 of a file, streamed. */
async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** One hash for a source: the file's, or the hash of its files' hashes (as the event pipeline does). */
function sourceHash(files: readonly ProductFile[]): string {
  return files.length === 1
    ? files[0]!.sha256
    : createHash('sha256')
        .update(files.map((f) => f.sha256).join('\n'))
        .digest('hex');
}

/** The account must hold every row the files gave: read = accepted + rejected + duplicates + filtered. */
function checkAccount(id: string, info: Pick<SourceInfo, 'rows'>, files: readonly ProductFile[]): void {
  const r = info.rows;
  const read = files.reduce((a, f) => a + f.read, 0);
  if (r.read !== read || r.read !== r.accepted + r.rejected + (r.duplicates ?? 0) + (r.filtered ?? 0))
    throw new Error(`${id}: ${read} rows read from the files, but the account says ${JSON.stringify(r)}`);
}

export interface WeeklySource {
  info: SourceInfo;
  /** Admin1 x week x category, sorted (data/derive/weekly.ts). */
  cells: WeeklyCell[];
}

/** Weekly files (CSV or .xlsx, any region) -> one weekly source, the configured countries only. */
export async function deriveWeeklySource(files: readonly string[], config: ProductConfig): Promise<WeeklySource> {
  const hashes = files.map(sha256);
  const w = await readWeekly(files);
  const inputs: ProductFile[] = await Promise.all(
    w.files.map(async (f, i) => ({
      file: f.file,
      sha256: await hashes[i]!,
      format: f.format,
      read: f.read,
      skippedSheets: f.skippedSheets,
    })),
  );
  const countries: Record<string, CountryCoverage> = {};
  for (const [iso3, c] of Object.entries(w.report.countries))
    countries[iso3] = { from: c.from, through: c.throughDay, accepted: c.accepted, weeks: { from: c.from, to: c.through } };
  const covs = Object.values(countries);
  const info: SourceInfo = {
    id: config.id,
    name: config.name,
    kind: 'aggregate',
    origin: config.origin,
    // A download without a stated date was retrieved no earlier than the Friday its data reach.
    retrieved: config.retrieved || latest(...covs.map((c) => c.through)),
    file: inputs.map((f) => f.file).join(', '),
    sha256: sourceHash(inputs),
    coverage: {
      from: earliest(...covs.map((c) => c.from)),
      through: latest(...covs.map((c) => c.through)),
    },
    aggregates: config.aggregates,
    rows: w.report.rows,
    rejections: w.report.rejections,
    duplicates: w.report.duplicates,
    countries,
    totals: w.report.totals,
    unit: 'week',
    categories: [...WEEKLY_CATEGORIES],
    measures: ['events', 'fatalities'],
    inputs,
  };
  checkAccount(config.id, info, inputs);
  return { info, cells: w.cells };
}

export interface HdxSource {
  info: SourceInfo;
  hdx: Hdx;
}

/**
 * The id an HDX source is given: `acled-hdx-<countries>-<indicator>`.
 * @example hdxId(['MLI'], 'political_violence') === 'acled-hdx-mli-political-violence'
 */
export function hdxId(countries: readonly string[], indicator: HdxIndicator): string {
  return `acled-hdx-${countries.map((c) => c.toLowerCase()).join('-')}-${indicator.replace(/_/g, '-')}`;
}

/**
 * One HDX file -> its source. The indicator comes from the file name or `indicator`; a file whose
 * indicator cannot be known is refused (IndicatorError, naming the patterns). `config` names the
 * source; without it, the id and aggregate file follow hdxId.
 */
export async function deriveHdxSource(file: string, indicator: string | null, config?: ProductConfig): Promise<HdxSource> {
  const ind = indicatorOf(file, indicator);
  const hash = sha256(file);
  const hdx = await readHdx(file, { indicator: ind });
  const def = HDX_INDICATORS.find((i) => i.id === ind)!;
  const { report } = hdx;
  const isos = Object.keys(report.countries).sort();
  const id = config?.id ?? hdxId(isos, ind);
  const end = (month: string) => `${month}-${daysInMonth(month)}`;
  // The as-of date ends the coverage where it falls in the last month (that month is partial).
  const through = (month: string) => (report.asOf !== null && report.asOf.slice(0, 7) === month ? report.asOf : end(month));
  const countries: Record<string, CountryCoverage> = {};
  for (const [iso3, c] of Object.entries(report.countries))
    countries[iso3] = { from: `${c.from}-01`, through: through(c.through), accepted: c.accepted };
  const covs = Object.values(countries);
  const inputs: ProductFile[] = [
    {
      file: path.basename(file),
      sha256: await hash,
      format: (await isXlsx(file)) ? 'xlsx' : 'csv',
      read: report.rows.read,
      skippedSheets: hdx.skippedSheets,
    },
  ];
  const coverage = {
    from: earliest(...covs.map((c) => c.from)),
    through: latest(...covs.map((c) => c.through)),
  };
  const info: SourceInfo = {
    id,
    name: config?.name ?? `ACLED HDX sub-national monthly data, ${def.id.replace(/_/g, ' ')} (${path.basename(file)})`,
    kind: 'aggregate',
    origin: config?.origin ?? 'HDX file supplied to npm run data:derive',
    retrieved: config?.retrieved || (report.asOf ?? coverage.through),
    file: path.basename(file),
    sha256: inputs[0]!.sha256,
    coverage,
    aggregates: config?.aggregates ?? `${id}.csv`,
    rows: report.rows,
    rejections: report.rejections,
    duplicates: report.duplicates,
    ...(report.asOf !== null ? { coverageBasis: 'stated export date' as const } : { coverageBasis: 'last month' as const }),
    countries,
    ...(report.totals.fatalities !== null ? { totals: { events: report.totals.events, fatalities: report.totals.fatalities } } : {}),
    unit: 'month',
    categories: [def.category as CategoryId],
    measures: def.fatalities ? ['events', 'fatalities'] : ['events'],
    indicator: ind,
    inputs,
  };
  checkAccount(id, info, inputs);
  return { info, hdx };
}
