/**
 * CSV text or stream -> records keyed by header name, each with the line it starts on.
 * Header-driven (column order does not matter, extra columns are ignored); a row whose field
 * count differs from the header's is passed on as malformed rather than dropped.
 */
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is line 1). */
  line: number;
  fields: Record<string, string>;
  /** Set when the record cannot be read as a row of this table. */
  malformed?: string;
}

export class MissingColumnsError extends Error {
  readonly file: string;
  readonly missing: string[];
  constructor(file: string, missing: string[]) {
    super(`${file}: missing required column(s) ${missing.join(', ')}`);
    this.file = file;
    this.missing = missing;
  }
}

/**
 * Read CSV records one at a time; throws MissingColumnsError before the first record when the
 * header lacks any of `required`.
 */
export async function* readCsv(input: Readable | string, file: string, required: readonly string[]): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true });
  if (typeof input === 'string') parser.end(input);
  else input.pipe(parser);
  let header: string[] | null = null;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    const { record, info, raw } = item;
    const line = info.lines - (raw.match(/\r\n|\r|\n/g)?.length ?? 0) + (/(\r\n|\r|\n)$/.test(raw) ? 1 : 0);
    if (header === null) {
      header = record.map((h) => h.trim());
      const missing = required.filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new MissingColumnsError(file, missing);
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((h, i) => (fields[h] = record[i] ?? ''));
    const out: CsvRecord = { line, fields };
    if (record.length !== header.length) out.malformed = `has ${record.length} fields, header has ${header.length}`;
    yield out;
  }
  if (header === null) throw new MissingColumnsError(file, [...required]);
}
