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
import type { AggregateRow, DailyRow, SourceInfo } from '../../model/types.ts';
import { parseSources } from '../build/files.ts';
import { readCsv } from '../derive/parse.ts';
import { AGGREGATES_DIR, ROOT, SOURCES_FILE } from './paths.ts';

const COLUMNS = ['country', 'admin1', 'month', 'category', 'events', 'fatalities'] as const;
const DAILY_COLUMNS = ['country', 'date', 'category', 'events', 'fatalities'] as const;

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
export async function readAggregates(file: string): Promise<AggregateRow[]> {
  const rows: AggregateRow[] = [];
  for await (const rec of readCsv(createReadStream(path.join(AGGREGATES_DIR, file)), file, COLUMNS)) {
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

/** Every shipped source with its monthly aggregates and, for event-level sources, its daily ones: what a dataset is built from. */
export async function readShipped(): Promise<{ info: SourceInfo; rows: AggregateRow[]; daily?: DailyRow[] }[]> {
  return Promise.all(
    (await readSources()).map(async (info) => ({
      info,
      rows: await readAggregates(info.aggregates),
      ...(info.daily ? { daily: await readDaily(info.daily.file) } : {}),
    })),
  );
}

/** The shipped sources.json, validated (a malformed one fails naming the field and the reason). */
export async function readSources(): Promise<SourceInfo[]> {
  return parseSources(await readFile(SOURCES_FILE, 'utf8'), path.relative(ROOT, SOURCES_FILE));
}

export async function writeSources(sources: SourceInfo[], dir = AGGREGATES_DIR): Promise<void> {
  await writeWhole(path.join(dir, path.basename(SOURCES_FILE)), `${JSON.stringify(sources, null, 2)}\n`);
}
