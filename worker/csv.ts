/** CSV output: RFC 4180 quoting, and text cells made inert in spreadsheets. */

export type Cell = string | number | boolean | null;

export interface CsvTable {
  columns: string[];
  rows: Cell[][];
  /** File name parts, e.g. ['series', 'NER', 'political_violence', 'events']; the version is appended. */
  name: string[];
}

/**
 * One cell. Text starting with = + - @ (or a tab or carriage return) would run as a formula in a
 * spreadsheet: it gets a leading apostrophe. Numbers are written as numbers.
 * @example cell('=HYPERLINK("x")') === `"'=HYPERLINK(""x"")"`
 */
export function cell(v: Cell): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(t: Pick<CsvTable, 'columns' | 'rows'>): string {
  return `${[t.columns, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** @example filename(['series', 'NER', 'tillaberi'], '1cd57918d1c7') === 'sahel-pulse_series_NER_tillaberi_1cd57918d1c7.csv' */
export function filename(parts: string[], version: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '');
  return `sahel-pulse_${[...parts, version].map(clean).filter(Boolean).join('_')}.csv`;
}

/** Every row of the API's CSV ends with where the figure comes from: these columns, filled by `provenance`. */
export const PROVENANCE = ['dataset_version', 'as_of', 'credit'];
export const provenance = (d: { version: string; asOf: string; credit: string }): Cell[] => [d.version, d.asOf, d.credit];
