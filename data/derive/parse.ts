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
 * and the rest of the input to csv-parse (fallback.ts), which decides what it is, with line numbers
 * carried on. So the fast reader only ever reads what csv-parse would read the same way.
 */
import { slowCsv } from './fallback.ts';
import { type CsvRecord, type HeaderSpec, MissingColumnsError, type Shape, shapeOf } from './record.ts';

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
        const { keepIdx, keepNames, header, onlyIdx, only } = shape;
        const unwanted = only !== undefined && onlyIdx! >= 0 && nf === header.length ? text(onlyIdx!) : null;
        if (unwanted !== null && !only!.wanted(unwanted)) {
          out.push({ file, line, fields: {}, filtered: unwanted });
          lastEnd = line + inner;
          line += inner + 1;
          pos = next;
          if (out.length === BATCH) {
            yield out;
            out = [];
          }
          continue;
        }
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
