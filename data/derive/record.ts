/**
 * A CSV header and spec -> the shape records are read with; the record type both CSV readers
 * (parse.ts, fallback.ts) and the JSON reader (input.ts) yield. Pure.
 */

/** One row of input by column name, with where it starts. */
export interface CsvRecord {
  /** File the record came from (as named to the reader). */
  file?: string;
  /** 1-based line on which the record starts (the header is line 1); for JSON, the 1-based index in `data`. */
  line: number;
  fields: Record<string, string>;
  /** Set when the record cannot be read as a row of this table. */
  malformed?: string;
  /**
   * Set, to the value of the spec's `only` column, when that value is not wanted: the record is
   * counted (as filtered) but its other fields are not read (`fields` is empty).
   */
  filtered?: string;
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
export type HeaderSpec =
  readonly string[] | ((header: readonly string[]) => { required: readonly string[]; keep?: readonly string[]; only?: RowFilter });

/**
 * Rows whose `column` fails `wanted` are passed on as `filtered`, their other fields unread: an
 * Africa-wide file's other countries cost a lookup, not a record (readers may ignore it).
 */
export interface RowFilter {
  column: string;
  wanted: (value: string) => boolean;
}

/** A header read, and which of its columns are kept (by position and name). */
export interface Shape {
  header: string[];
  keepIdx: number[];
  keepNames: string[];
  /** The row filter's column position (-1: none) and test. */
  onlyIdx?: number;
  only?: RowFilter;
}

/** The shape of a header; throws MissingColumnsError naming every required column it lacks. */
export function shapeOf(file: string, spec: HeaderSpec, raw: readonly string[]): Shape {
  const header = raw.map((h) => h.trim());
  const s = typeof spec === 'function' ? spec(header) : { required: spec };
  const missing = s.required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new MissingColumnsError(file, missing);
  const keepNames = s.keep ? header.filter((h) => s.keep!.includes(h)) : header;
  const only = 'only' in s ? s.only : undefined;
  return {
    header,
    keepIdx: keepNames.map((h) => header.indexOf(h)),
    keepNames,
    ...(only ? { onlyIdx: header.indexOf(only.column), only } : {}),
  };
}
