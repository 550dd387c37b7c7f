/**
 * A file's header -> what kind of ACLED input it is (never from its column count) and the
 * columns to read; ACLED API JSON text -> records. Pure: the CLI does the file I/O.
 *
 * - Event-level CSV, older layout (28 columns, numeric inter codes) or current layout (31
 *   columns with assoc_actor_1/2, iso, tags, timestamp; inter columns as text labels).
 * - Aggregated monthly table (country or admin1 x month x event type: events, fatalities).
 * - ACLED API JSON: the read endpoint's response (`{ ..., "data": [ {event}, ... ] }`) or a bare
 *   array of events. Read whole (JSON.parse), not streamed: fine for API pages (5,000 rows by
 *   default) and for responses up to a few hundred MB; larger downloads should be saved as CSV.
 */
import type { SourceInfo } from '../../model/types.ts';
import { EVENT_COLUMNS, EVENT_ID_COLUMNS, SUB_EVENT_COLUMN, TABLE_COLUMNS, TABLE_OPTIONAL_COLUMNS } from './normalise.ts';
import { type CsvRecord, type HeaderSpec, MissingColumnsError } from './record.ts';

export interface Layout {
  kind: SourceInfo['kind'];
  /** `event (current)`, `event (older)` or `aggregate`. */
  layout: string;
}

/** Columns that only the current event layout has. */
const CURRENT_ONLY = ['timestamp', 'iso', 'assoc_actor_1', 'assoc_actor_2', 'tags'];

/**
 * The layout a header describes: a table has an `events` column and no `event_date`; anything
 * else is read as an event export (and missing event columns are reported by name).
 */
export function layoutOf(header: readonly string[]): Layout {
  const has = (c: string) => header.includes(c);
  if (has('events') && !has('event_date')) return { kind: 'aggregate', layout: 'aggregate' };
  return { kind: 'event', layout: CURRENT_ONLY.some(has) ? 'event (current)' : 'event (older)' };
}

/** Required columns of a layout, and the columns the pipeline reads (the rest are skipped). */
export function columnsOf(kind: SourceInfo['kind']): { required: readonly string[]; keep: readonly string[]; repeats?: readonly string[] } {
  return kind === 'event'
    ? { required: EVENT_COLUMNS, keep: [...EVENT_COLUMNS, ...EVENT_ID_COLUMNS, SUB_EVENT_COLUMN], repeats: EVENT_REPEATS }
    : { required: TABLE_COLUMNS, keep: [...TABLE_COLUMNS, ...TABLE_OPTIONAL_COLUMNS] };
}

/**
 * Event columns with a few values repeated on every row, decoded once per value rather than
 * once per row: a 2.5M-row file otherwise allocates a string per row for each (reading
 * sub_event_type for the disorder-type categories cost ~19% more time and ~15 MB of peak RSS).
 */
const EVENT_REPEATS = ['country', 'event_type', SUB_EVENT_COLUMN, 'civilian_targeting', 'inter1', 'inter2'];

/** A HeaderSpec for readCsv that requires the columns of `kind` (or of whatever the header is). */
export function specFor(kind?: SourceInfo['kind']): HeaderSpec {
  return (header) => columnsOf(kind ?? layoutOf(header).kind);
}

/** Does this text (its first bytes are enough) look like JSON rather than CSV? */
export function looksLikeJson(head: string): boolean {
  return /^\uFEFF?\s*[[{]/.test(head);
}

/**
 * The events of an ACLED API response, as records (`line` = 1-based position in `data`). Values
 * are read as text, as a CSV export gives them; an element that is not an object is malformed.
 */
export function* readApiJson(text: string, file: string): Generator<CsvRecord> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const data = Array.isArray(doc) ? doc : (doc as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    const msg = (doc as { error?: { message?: string }; messages?: unknown } | null)?.error?.message;
    throw new Error(`${file}: not an ACLED API response (no "data" array)${msg ? `: ${msg}` : ''}`);
  }
  yield* apiRecords(data, file);
}

/**
 * Events of the API's `data` array (already parsed) as records, values read as text as a CSV
 * export gives them (`line` = `firstLine` + position: pages of one download carry on counting).
 * Throws MissingColumnsError when the first object lacks an event column; an element that is not
 * an object is malformed. Shared by data:derive (readApiJson) and data:refresh (the API's pages).
 */
export function* apiRecords(data: readonly unknown[], file: string, firstLine = 1): Generator<CsvRecord> {
  const firstObject = data.find((d) => d !== null && typeof d === 'object' && !Array.isArray(d)) as Record<string, unknown> | undefined;
  if (firstObject) {
    const missing = EVENT_COLUMNS.filter((c) => !(c in firstObject));
    if (missing.length > 0) throw new MissingColumnsError(file, missing);
  }
  const keep = [...EVENT_COLUMNS, ...EVENT_ID_COLUMNS, SUB_EVENT_COLUMN];
  // A response without sub_event_type (fields= left it out) gives no disorder-type categories, like a CSV without the column.
  const subEvents = firstObject !== undefined && SUB_EVENT_COLUMN in firstObject;
  for (let i = 0; i < data.length; i++) {
    const d = data[i] as unknown;
    const line = firstLine + i;
    if (d === null || typeof d !== 'object' || Array.isArray(d)) {
      yield { file, line, fields: {}, malformed: `record ${line} of "data" is not an object` };
      continue;
    }
    const fields: Record<string, string> = {};
    for (const k of keep) {
      if (k === SUB_EVENT_COLUMN && !subEvents) continue;
      const v = (d as Record<string, unknown>)[k];
      fields[k] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    yield { file, line, fields };
  }
}
