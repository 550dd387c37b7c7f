/** Reading and writing the shipped aggregates (data/aggregates/*.csv): the pipeline's I/O edge. */
import { createReadStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isCategoryId } from '../model/categories.ts';
import type { AggregateRow, SourceInfo } from '../model/types.ts';
import { readCsv } from '../pipeline/parse.ts';
import { AGGREGATES_DIR, SOURCES_FILE } from './paths.ts';

const COLUMNS = ['country', 'admin1', 'month', 'category', 'events', 'fatalities'] as const;

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

export async function writeAggregates(file: string, rows: readonly AggregateRow[], dir = AGGREGATES_DIR): Promise<void> {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => quote(String(r[c]))).join(','))];
  await writeWhole(path.join(dir, file), lines.join('\n') + '\n');
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

export async function readSources(): Promise<SourceInfo[]> {
  return JSON.parse(await readFile(SOURCES_FILE, 'utf8')) as SourceInfo[];
}

export async function writeSources(sources: SourceInfo[], dir = AGGREGATES_DIR): Promise<void> {
  await writeWhole(path.join(dir, path.basename(SOURCES_FILE)), JSON.stringify(sources, null, 2) + '\n');
}
