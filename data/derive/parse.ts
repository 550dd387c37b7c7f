/**
 * CSV text or stream -> records keyed by header name, each with the file and line it starts on.
 * Header-driven (column order does not matter, extra columns are ignored); UTF-8 with or without
 * BOM, CRLF or LF, quoted fields with commas, quotes and newlines. A row whose field count differs
 * from the header's, or that csv-parse cannot read (a stray quote), is passed on as malformed
 * rather than dropped, so every row is accounted for.
 *
 * Two readers, one behaviour. The fast one scans bytes (quoted fields with Buffer#indexOf) and
 * decodes only the columns kept; it reads RFC 4180 records with one line ending throughout the
 * file. At the first record it cannot read that strictly (a quote inside an unquoted field, text
 * after a closing quote, an unclosed quote, a bare CR, mixed line endings), it hands that record
 * and the rest of the input to csv-parse, which decides what it is, with line numbers carried on.
 * So the fast reader only ever reads what csv-parse would read the same way.
 */
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';

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

interface Shape {
  header: string[];
  keepIdx: number[];
  keepNames: string[];
}

function shapeOf(file: string, spec: HeaderSpec, raw: readonly string[]): Shape {
  const header = raw.map((h) => h.trim());
  const s = typeof spec === 'function' ? spec(header) : { required: spec };
  const missing = s.required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new MissingColumnsError(file, missing);
  const keepNames = s.keep ? header.filter((h) => s.keep!.includes(h)) : header;
  return { header, keepIdx: keepNames.map((h) => header.indexOf(h)), keepNames };
}

/**
 * csv-parse reader: the whole input (`readCsvSlow`, a reference for tests) or the rest of one
 * from a record boundary: `shape` is the header already read (null: none yet), `base` the lines
 * before the input, `lastEnd0` the last line of the last record read before it.
 */
async function* slowCsv(
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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
/** Line ending of the file, fixed by the header's: unknown, LF or CRLF. */
const EOL_UNKNOWN = 0;
const EOL_LF = 1;
const EOL_CRLF = 2;
/** Outcomes of reading one record. */
const NEED_MORE = -1;
const IRREGULAR = -2;
/** Bytes of one unfinished record after which the fast reader stops waiting for its end. */
const MAX_PENDING = 16 * 1024 * 1024;

/** Reads input into `into` (from its start, at most its length): the bytes read, 0 at the end. */
export type ByteSource = (into: Buffer) => Promise<number>;

/** Bytes read at a time, and records handed on at a time. */
const CHUNK = 1 << 20;
const BATCH = 128;

/** Buffer#utf8Slice: what toString('utf8', start, end) calls, without its checks (hot path). */
interface Utf8Slicer {
  utf8Slice(start: number, end: number): string;
}

/** Position of the first `byte` in `b` from `from` on, or b.length. */
function find(b: Buffer, byte: number, from: number): number {
  const i = b.indexOf(byte, from);
  return i < 0 ? b.length : i;
}

/**
 * Read CSV records one at a time; throws MissingColumnsError before the first record when the
 * header lacks any required column.
 */
export async function* readCsv(
  input: AsyncIterable<Buffer | string> | string | ByteSource,
  file: string,
  spec: HeaderSpec,
): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(input, file, spec)) yield* batch;
}

/** As readCsv, in batches (one per chunk of input): the hot path of the pipeline. */
export async function* readCsvBatches(
  input: AsyncIterable<Buffer | string> | string | ByteSource,
  file: string,
  spec: HeaderSpec,
): AsyncGenerator<CsvRecord[]> {
  const it: AsyncIterator<Buffer | string> =
    typeof input === 'string'
      ? (async function* () {
          yield input;
        })()
      : typeof input === 'function'
        ? (async function* () {
            // Only for the rest of the input after a hand-over to csv-parse.
            for (;;) {
              const b = Buffer.allocUnsafe(CHUNK);
              const n = await input(b);
              if (n === 0) return;
              yield b.subarray(0, n);
            }
          })()
        : input[Symbol.asyncIterator]();
  let buf: Buffer = Buffer.alloc(0);
  // A ByteSource reads into one buffer, reused: the unread tail moves to its start.
  let store: Buffer | null = typeof input === 'function' ? Buffer.allocUnsafe(CHUNK) : null;
  /** Add input to buf (from pos on); false at the end of the input. */
  const more = async (): Promise<boolean> => {
    if (typeof input === 'function') {
      const left = buf.length - pos;
      if (pos > 0) store!.copyWithin(0, pos, buf.length); // buf is a view of store from its start
      if (left === store!.length) {
        const bigger = Buffer.allocUnsafe(store!.length * 2);
        store!.copy(bigger, 0, 0, left);
        store = bigger;
      }
      const n = await input(store!.subarray(left));
      buf = store!.subarray(0, left + n);
      pos = 0;
      nextLF = nextCR = -1;
      return n > 0;
    }
    const r = await it.next();
    if (r.done) return false;
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    buf = pos < buf.length ? Buffer.concat([buf.subarray(pos), chunk]) : chunk;
    pos = 0;
    nextLF = nextCR = -1;
    return true;
  };
  let pos = 0;
  let final = false;
  let line = 1; // line of the byte at pos
  let lastEnd = 0; // last line of the last record read
  let eol = EOL_UNKNOWN;
  let shape: Shape | null = null;
  let bomChecked = false;
  // Field spans of the current record; `esc` marks a quoted field with doubled quotes.
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let esc = new Uint8Array(64);
  let nf = 0;
  let inner = 0; // line breaks inside quoted fields of the current record

  const field = (s: number, e: number, q: boolean) => {
    if (nf === starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a as never);
        return b;
      };
      starts = grow(starts, (n) => new Int32Array(n));
      ends = grow(ends, (n) => new Int32Array(n));
      esc = grow(esc, (n) => new Uint8Array(n));
    }
    starts[nf] = s;
    ends[nf] = e;
    esc[nf] = q ? 1 : 0;
    nf++;
  };

  /**
   * Read the record at `p` (not an empty line) into the field spans: the position after it, or
   * NEED_MORE (it may continue in the next chunk) or IRREGULAR (for csv-parse to judge).
   */
  let nextLF = -1; // position of the next LF (CR) in buf at or after the last one asked for; buf.length when none
  let nextCR = -1;
  const record = (p: number): number => {
    const b = buf;
    const len = b.length;
    nf = 0;
    inner = 0;
    for (;;) {
      let c = p < len ? b[p]! : -1;
      if (c === QUOTE) {
        const s = p + 1;
        let q = s;
        let doubled = false;
        let e: number;
        for (;;) {
          const j = b.indexOf(QUOTE, q);
          if (j < 0) return final ? IRREGULAR : NEED_MORE;
          if (j + 1 >= len && !final) return NEED_MORE;
          if (b[j + 1] === QUOTE) {
            doubled = true;
            q = j + 2;
            continue;
          }
          e = j;
          break;
        }
        // Line breaks inside: LF or (in a CRLF file) CRLF count one line each; a bare CR is irregular.
        // (The next LF and CR of the buffer are remembered, so each search covers its bytes once.)
        if (nextLF < s) nextLF = find(b, LF, s);
        while (nextLF < e) {
          inner++;
          nextLF = find(b, LF, nextLF + 1);
        }
        if (nextCR < s) nextCR = find(b, CR, s);
        while (nextCR < e) {
          if (eol !== EOL_CRLF || b[nextCR + 1] !== LF) return IRREGULAR;
          nextCR = find(b, CR, nextCR + 1);
        }
        field(s, e, doubled);
        p = e + 1;
        c = p < len ? b[p]! : -1;
      } else {
        const s = p;
        while (c !== COMMA && c !== LF && c !== CR && c !== QUOTE && c !== -1) c = ++p < len ? b[p]! : -1;
        if (c === QUOTE) return IRREGULAR;
        field(s, p, false);
      }
      if (c === COMMA) {
        p++;
        continue;
      }
      if (c === -1) return final ? len : NEED_MORE;
      if (c === LF) {
        if (eol === EOL_CRLF) return IRREGULAR;
        eol = EOL_LF;
        return p + 1;
      }
      if (c === CR) {
        if (p + 1 >= len) return final ? IRREGULAR : NEED_MORE;
        if (b[p + 1] !== LF || eol === EOL_LF) return IRREGULAR;
        eol = EOL_CRLF;
        return p + 2;
      }
      return IRREGULAR; // text after a closing quote
    }
  };

  const text = (i: number): string => {
    const s = (buf as unknown as Utf8Slicer).utf8Slice(starts[i]!, ends[i]!);
    return esc[i] === 1 ? s.replaceAll('""', '"') : s;
  };

  for (;;) {
    if (!final && !(await more())) final = true;
    if (!bomChecked) {
      if (buf.length < 3 && !final) continue;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      bomChecked = true;
    }
    let out: CsvRecord[] = [];
    let irregular = false;
    const len = buf.length;
    while (pos < len) {
      const c = buf[pos]!;
      // Empty lines are not rows (and keep their line numbers).
      if (c === LF && eol !== EOL_CRLF) {
        pos++;
        line++;
        continue;
      }
      if (c === CR) {
        if (pos + 1 >= len && !final) break;
        if (buf[pos + 1] === LF && eol !== EOL_LF) {
          pos += 2;
          line++;
          continue;
        }
        irregular = true;
        break;
      }
      const next = record(pos);
      if (next === NEED_MORE) {
        // A record this long is no ACLED row (an unclosed quote, most likely): csv-parse judges it.
        if (len - pos > MAX_PENDING) irregular = true;
        break;
      }
      if (next === IRREGULAR) {
        irregular = true;
        break;
      }
      if (shape === null) {
        const raw: string[] = [];
        for (let i = 0; i < nf; i++) raw.push(text(i));
        shape = shapeOf(file, spec, raw);
      } else {
        const { keepIdx, keepNames, header } = shape;
        const fields: Record<string, string> = {};
        for (let i = 0; i < keepIdx.length; i++) {
          const k = keepIdx[i]!;
          fields[keepNames[i]!] = k < nf ? text(k) : '';
        }
        const rec: CsvRecord = { file, line, fields };
        if (nf !== header.length) rec.malformed = `has ${nf} fields, header has ${header.length}`;
        out.push(rec);
      }
      lastEnd = line + inner;
      line += inner + 1;
      pos = next;
      // Small batches: records are counted while still young (cheap to collect).
      if (out.length === BATCH) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
    if (irregular) {
      // csv-parse reads the rest, from this record on; its lines follow on from ours.
      const rest = Buffer.from(buf.subarray(pos)); // (a copy: a ByteSource's buffer is reused)
      const tail = (async function* () {
        if (rest.length > 0) yield rest;
        if (!final) for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
      })();
      for await (const rec of slowCsv(
        tail,
        file,
        spec,
        shape,
        line - 1,
        lastEnd,
        eol === EOL_LF ? '\n' : eol === EOL_CRLF ? '\r\n' : undefined,
      ))
        yield [rec];
      return;
    }
    if (final) break;
  }
  if (shape === null) {
    const s = typeof spec === 'function' ? spec([]) : { required: spec };
    throw new MissingColumnsError(file, [...s.required]);
  }
}
