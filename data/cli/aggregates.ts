/**
 * Derived rows and reports <-> the shipped files (data/aggregates/*.csv, monthly and daily, and
 * sources.json): written whole or not at all, read back validated. The pipeline's I/O edge.
 */
import { createReadStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { isCategoryId } from '../../model/categories.ts';
import { isDay } from '../../model/day.ts';
import { type AggregateCategoryId, WEEKLY_CATEGORIES } from '../../model/disorder.ts';
import type { Iso3 } from '../../model/geography.ts';
import type { AggregateRow, DailyRow, SourceInfo } from '../../model/types.ts';
import { isWeekStart } from '../../model/week.ts';
import { parseSources } from '../build/files.ts';
import type { MonthlyCell } from '../derive/hdx.ts';
import { readCsv } from '../derive/parse.ts';
import type { WeeklyCell } from '../derive/weekly.ts';
import { AGGREGATES_DIR, ROOT, SOURCES_FILE } from './paths.ts';

const COLUMNS = ['country', 'admin1', 'month', 'category', 'events', 'fatalities'] as const;
const DAILY_COLUMNS = ['country', 'date', 'category', 'events', 'fatalities'] as const;
/**
 * The weekly file, wide: one row per country x admin1 x week with at least one event, and for
 * each category of WEEKLY_CATEGORIES, in order, its events and fatalities (zeros written). Wide
 * because the long form (one row per category) would be five times the size.
 */
export const WEEKLY_WIDE_COLUMNS: readonly string[] = [
  'country',
  'admin1',
  'week',
  ...WEEKLY_CATEGORIES.flatMap((id) => [`${id}_events`, `${id}_fatalities`]),
];

/**
 * Write a file whole or not at all: the text goes to a temporary file beside it, which then
 * replaces the old one. A full disk or an unwritable folder leaves the previous file as it was.
 */
export async function writeWhole(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new Error(`could not write ${file} (${e instanceof Error ? e.message : String(e)}); the previous file is unchanged`);
  }
}

/**
 * CSV text with a header line and LF line ends (a final one too); a field is quoted only when it
 * holds a comma, a quote or a line break, a bare CR included (which csv-stringify would otherwise
 * leave unquoted, and a reader could take for a line end).
 */
function csv(columns: readonly string[], rows: readonly object[]): string {
  return stringify(rows as Record<string, unknown>[], {
    header: true,
    columns: [...columns],
    record_delimiter: 'unix',
    quoted_match: '\r',
  });
}

/** Write a monthly aggregate file (`country,admin1,month,category,events,fatalities`), whole or not at all. */
export async function writeAggregates(file: string, rows: readonly AggregateRow[], dir = AGGREGATES_DIR): Promise<void> {
  await writeWhole(path.join(dir, file), csv(COLUMNS, rows));
}

/**
 * Write the weekly file, wide (WEEKLY_WIDE_COLUMNS), whole or not at all, from cells sorted by
 * country, admin1 and week (as deriveWeekly gives them). Country totals are not written: they
 * are the sum of the admin1 rows.
 */
export async function writeWeekly(file: string, cells: readonly WeeklyCell[], dir = AGGREGATES_DIR): Promise<void> {
  const rows = new Map<string, (string | number)[]>();
  for (const c of cells) {
    const k = `${c.country}|${c.admin1}|${c.week}`;
    let row = rows.get(k);
    if (!row) rows.set(k, (row = [c.country, c.admin1, c.week, ...WEEKLY_CATEGORIES.flatMap(() => [0, 0])]));
    const i = 3 + 2 * WEEKLY_CATEGORIES.indexOf(c.category);
    row[i] = c.events;
    row[i + 1] = c.fatalities;
  }
  await writeWhole(
    path.join(dir, file),
    stringify([...rows.values()], { header: true, columns: [...WEEKLY_WIDE_COLUMNS], record_delimiter: 'unix', quoted_match: '\r' }),
  );
}

/** Read a shipped weekly file back as cells (rows with events only); any row that does not read back exactly is an error. */
export async function readWeeklyAggregates(file: string, dir = AGGREGATES_DIR): Promise<WeeklyCell[]> {
  const cells: WeeklyCell[] = [];
  for await (const rec of readCsv(createReadStream(path.join(dir, file)), file, WEEKLY_WIDE_COLUMNS)) {
    const f = rec.fields;
    if (rec.malformed || !isWeekStart(f.week ?? '') || !/^[A-Z]{3}$/.test(f.country ?? ''))
      throw new Error(`${file}:${rec.line}: not a valid weekly row (${rec.malformed ?? JSON.stringify(f)}); re-run npm run data:derive`);
    for (const id of WEEKLY_CATEGORIES) {
      const events = Number(f[`${id}_events`]);
      const fatalities = Number(f[`${id}_fatalities`]);
      if (!Number.isInteger(events) || events < 0 || !Number.isInteger(fatalities) || fatalities < 0)
        throw new Error(`${file}:${rec.line}: bad ${id} counts; re-run npm run data:derive`);
      if (events > 0 || fatalities > 0)
        cells.push({
          country: f.country as Iso3,
          admin1: f.admin1!,
          week: f.week!,
          category: id as AggregateCategoryId,
          events,
          fatalities,
        });
    }
  }
  return cells;
}

/**
 * Write an HDX source's admin1 x month cells in the monthly format (zeros kept: HDX writes them
 * out, so a zero is a real zero); fatalities empty where the indicator has none (demonstrations).
 */
export async function writeHdx(file: string, cells: readonly MonthlyCell[], dir = AGGREGATES_DIR): Promise<void> {
  await writeWhole(
    path.join(dir, file),
    csv(
      COLUMNS,
      cells.map((c) => ({ ...c, fatalities: c.fatalities ?? '' })),
    ),
  );
}

/** Write a daily aggregate file (`country,date,category,events,fatalities`), whole or not at all. */
export async function writeDaily(file: string, rows: readonly DailyRow[], dir = AGGREGATES_DIR): Promise<void> {
  await writeWhole(path.join(dir, file), csv(DAILY_COLUMNS, rows));
}

/** Read a shipped daily aggregate file; any row that does not read back exactly is a build error. */
export async function readDaily(file: string, dir = AGGREGATES_DIR): Promise<DailyRow[]> {
  const rows: DailyRow[] = [];
  for await (const rec of readCsv(createReadStream(path.join(dir, file)), file, DAILY_COLUMNS)) {
    const f = rec.fields;
    const events = Number(f.events);
    const fatalities = Number(f.fatalities);
    const category = f.category ?? '';
    if (
      rec.malformed ||
      !isCategoryId(category) ||
      !Number.isInteger(events) ||
      events < 1 ||
      !Number.isInteger(fatalities) ||
      fatalities < 0 ||
      !isDay(f.date ?? '')
    ) {
      throw new Error(`${file}:${rec.line}: not a valid daily row (${rec.malformed ?? JSON.stringify(f)}); re-run npm run data:derive`);
    }
    rows.push({ country: f.country!, date: f.date!, category, events, fatalities });
  }
  return rows;
}

/** Read a shipped aggregate file; any row that does not read back exactly is a build error. */
export async function readAggregates(file: string, dir = AGGREGATES_DIR): Promise<AggregateRow[]> {
  const rows: AggregateRow[] = [];
  for await (const rec of readCsv(createReadStream(path.join(dir, file)), file, COLUMNS)) {
    const f = rec.fields;
    const events = Number(f.events);
    const fatalities = Number(f.fatalities);
    const category = f.category ?? '';
    if (
      rec.malformed ||
      !isCategoryId(category) ||
      !Number.isInteger(events) ||
      !Number.isInteger(fatalities) ||
      !/^\d{4}-\d{2}$/.test(f.month ?? '')
    ) {
      throw new Error(`${file}:${rec.line}: not a valid aggregate row (${rec.malformed ?? JSON.stringify(f)}); re-run npm run data:derive`);
    }
    rows.push({ country: f.country!, admin1: f.admin1!, month: f.month!, category, events, fatalities });
  }
  return rows;
}

/**
 * Every shipped source with its monthly aggregates and, for event-level sources, its daily ones;
 * the weekly source (`unit: 'week'`) with its weekly cells: what a dataset is built from.
 */
export async function readShipped(
  dir = AGGREGATES_DIR,
): Promise<{ info: SourceInfo; rows: AggregateRow[]; daily?: DailyRow[]; weekly?: WeeklyCell[] }[]> {
  return Promise.all(
    (await readSources(dir)).map(async (info) =>
      info.unit === 'week'
        ? { info, rows: [], weekly: await readWeeklyAggregates(info.aggregates, dir) }
        : {
            info,
            rows: await readAggregates(info.aggregates, dir),
            ...(info.daily ? { daily: await readDaily(info.daily.file, dir) } : {}),
          },
    ),
  );
}

/** The shipped sources.json, validated (a malformed one fails naming the field and the reason). */
export async function readSources(dir = AGGREGATES_DIR): Promise<SourceInfo[]> {
  const file = path.join(dir, path.basename(SOURCES_FILE));
  return parseSources(await readFile(file, 'utf8'), path.relative(ROOT, file));
}

export async function writeSources(sources: SourceInfo[], dir = AGGREGATES_DIR): Promise<void> {
  await writeWhole(path.join(dir, path.basename(SOURCES_FILE)), `${JSON.stringify(sources, null, 2)}\n`);
}
