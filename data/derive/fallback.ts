/**
 * CSV text or stream (whole, or the rest of one from a record boundary) -> records, read by
 * csv-parse. The fast reader (parse.ts) hands it anything it cannot read strictly, and tests hold
 * the fast reader to it (tests/data/derive/parse.test.ts): this reader decides what a CSV means.
 */

import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type CsvRecord, type HeaderSpec, MissingColumnsError, type Shape, shapeOf } from './record.ts';

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
 * csv-parse reader: the whole input (`readCsvSlow`, a reference for tests) or the rest of one
 * from a record boundary: `shape` is the header already read (null: none yet), `base` the lines
 * before the input, `lastEnd0` the last line of the last record read before it.
 */
export async function* slowCsv(
  input: AsyncIterable<Buffer | string> | string,
  file: string,
  spec: HeaderSpec,
  shape: Shape | null,
  base: number,
  lastEnd0: number,
  recordDelimiter?: string,
): AsyncGenerator<CsvRecord> {
  const skipped: { line: number; reason: string }[] = [];
  let extra = 0; // lines csv-parse counted twice so far (\r\n inside quoted fields)
  let lastEnd = lastEnd0; // last line of the last record read
  const parser = parse({
    bom: true,
    info: true,
    // Known when handing over mid-file: the line ending csv-parse found in the header.
    ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}),
    relax_column_count: true,
    // A quote inside an unquoted field is kept as text (the row is then judged on its values);
    // only an unclosed quote makes rows unreadable: from there to the end of the file.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (!err) return undefined;
      const line = lastEnd + 1;
      const to = Number(err.lines) - extra + base;
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
    const stream = Readable.from(input, { objectMode: false });
    stream.on('error', (e) => parser.destroy(e));
    stream.pipe(parser);
  }
  let header: string[] | null = shape?.header ?? null;
  let keepIdx: number[] = shape?.keepIdx ?? [];
  let keepNames: string[] = shape?.keepNames ?? [];
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
      const line = info.lines - b.chars - extra + base;
      extra += b.crlf;
      lastEnd = info.lines - extra + base;
      if (header === null) {
        ({ header, keepIdx, keepNames } = shapeOf(file, spec, record));
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
    yield { file, line: (lines ?? 0) - extra + base, fields: {}, malformed: `unreadable to end of file (${(e as Error).message})` };
    return;
  }
  yield* flush(Infinity);
  if (header === null) {
    const s = typeof spec === 'function' ? spec([]) : { required: spec };
    throw new MissingColumnsError(file, [...s.required]);
  }
}

/** The csv-parse reader on its own (the reference the fast reader is tested against). */
export function readCsvSlow(input: AsyncIterable<Buffer | string> | string, file: string, spec: HeaderSpec): AsyncGenerator<CsvRecord> {
  return slowCsv(input, file, spec, null, 0, 0);
}
