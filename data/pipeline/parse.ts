/**
 * CSV text or stream -> records keyed by header name, each with the file and line it starts on.
 * Header-driven (column order does not matter, extra columns are ignored); UTF-8 with or without
 * BOM, CRLF or LF, quoted fields with commas, quotes and newlines. A row whose field count differs
 * from the header's, or that csv-parse cannot read (a stray quote), is passed on as malformed
 * rather than dropped, so every row is accounted for.
 */
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** File the record came from (as named to the reader). */
  file?: string;
  /** 1-based line on which the record starts (the header is line 1); for JSON, the 1-based index in `data`. */
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
 * Which columns the header must have, and which to keep in `fields` (all when omitted). A
 * function decides from the header itself (layout detection), before any record is read.
 */
export type HeaderSpec = readonly string[] | ((header: readonly string[]) => { required: readonly string[]; keep?: readonly string[] });

/** Count of line-break characters csv-parse counts (it counts \r and \n in quoted fields apart). */
function breaks(record: string[]): { chars: number; crlf: number } {
  let chars = 0;
  let crlf = 0;
  for (const f of record) {
    if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) continue;
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 10) chars++;
      else if (c === 13) {
        chars++;
        if (f.charCodeAt(i + 1) === 10) crlf++;
      }
    }
  }
  return { chars, crlf };
}

/**
 * Read CSV records one at a time; throws MissingColumnsError before the first record when the
 * header lacks any required column.
 */
export async function* readCsv(input: Readable | string, file: string, spec: HeaderSpec): AsyncGenerator<CsvRecord> {
  const skipped: { line: number; reason: string }[] = [];
  let extra = 0; // lines csv-parse counted twice so far (\r\n inside quoted fields)
  let lastEnd = 0; // last line of the last record read
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    // A quote inside an unquoted field is kept as text (the row is then judged on its values);
    // only an unclosed quote makes rows unreadable: from there to the end of the file.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (!err) return undefined;
      const line = lastEnd + 1;
      const to = Number(err.lines) - extra;
      const what =
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'unclosed quote: lines to the end of the file cannot be read'
          : err.message.replace(/ at line \d+/, '');
      skipped.push({ line, reason: to > line ? `${what} (lines ${line} to ${to})` : what });
      lastEnd = to;
      return undefined;
    },
  });
  if (typeof input === 'string') parser.end(input);
  else {
    input.on('error', (e) => parser.destroy(e));
    input.pipe(parser);
  }
  let header: string[] | null = null;
  let keepIdx: number[] = [];
  let keepNames: string[] = [];
  const flush = function* (upTo: number): Generator<CsvRecord> {
    while (skipped.length > 0 && skipped[0]!.line <= upTo) {
      const s = skipped.shift()!;
      yield { file, line: s.line, fields: {}, malformed: s.reason };
    }
  };
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      const b = breaks(record);
      const line = info.lines - b.chars - extra;
      extra += b.crlf;
      lastEnd = info.lines - extra;
      if (header === null) {
        header = record.map((h) => h.trim());
        const s = typeof spec === 'function' ? spec(header) : { required: spec };
        const missing = s.required.filter((c) => !header!.includes(c));
        if (missing.length > 0) throw new MissingColumnsError(file, missing);
        keepNames = s.keep ? header.filter((h) => s.keep!.includes(h)) : header;
        keepIdx = keepNames.map((h) => header!.indexOf(h));
        continue;
      }
      yield* flush(line);
      const fields: Record<string, string> = {};
      for (let i = 0; i < keepIdx.length; i++) fields[keepNames[i]!] = record[keepIdx[i]!] ?? '';
      const out: CsvRecord = { file, line, fields };
      if (record.length !== header.length) out.malformed = `has ${record.length} fields, header has ${header.length}`;
      yield out;
    }
  } catch (e) {
    if (e instanceof MissingColumnsError || header === null) throw e;
    // csv-parse stops on an unterminated quote: the rest of the file is one unreadable row.
    const lines = (e as { lines?: number }).lines;
    yield* flush(Infinity);
    yield { file, line: (lines ?? 0) - extra, fields: {}, malformed: `unreadable to end of file (${(e as Error).message})` };
    return;
  }
  yield* flush(Infinity);
  if (header === null) {
    const s = typeof spec === 'function' ? spec([]) : { required: spec };
    throw new MissingColumnsError(file, [...s.required]);
  }
}
