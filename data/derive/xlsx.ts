/**
 * .xlsx file or stream -> rows per sheet (sheet name, 1-based row number, cell values), and
 * header-keyed records like the CSV reader's (data/derive/parse.ts), with file, sheet and row.
 *
 * Read with exceljs's streaming WorkbookReader (exceljs: maintained, 4.4 on npm, no native
 * code; its whole-workbook reader is reliable but took 311 MB for HDX's 18,656-row Mali file,
 * over the pipeline's 256 MB). Streaming keeps memory flat for ACLED's Africa-wide weekly .xlsx (~270,000 rows): rows
 * are handed on as they are parsed, shared strings are cached once. It reads both kinds of
 * .xlsx ACLED users bring: Excel's (shared strings) and Python writers' (inline strings and no
 * sharedStrings part, as HDX's Mali file; checked by tests/data/derive/xlsx.test.ts). Two
 * exceljs quirks are handled here rather than by reading the zip ourselves:
 * - with no sharedStrings part, or with the worksheets stored before workbook.xml, exceljs
 *   spools each worksheet to a temporary file and parses it after the rest of the zip (the
 *   sheet's XML, a few MB, goes to the OS temp dir, not to memory);
 * - it names a sheet only when its relationship target is relative
 *   (`worksheets/sheet2.xml`); openpyxl writes absolute targets (`/xl/worksheets/sheet2.xml`),
 *   so exceljs calls HDX's "Data" sheet "Sheet2". sheetName() resolves the name from the
 *   workbook's own sheet list and relationships, which exceljs has read by then.
 * Dates: a cell formatted as a date comes out of exceljs as a Date (UTC midnight for whole
 * days) and is given here as `YYYY-MM-DD`; a date stored as a plain number stays a number, for
 * excelSerialToDay.
 */

import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CsvRecord, HeaderSpec } from './record.ts';
import { MissingColumnsError } from './record.ts';

export type Cell = string | number | boolean | null;

/** One row of a sheet: `cells[0]` is column A. */
export interface SheetRow {
  sheet: string;
  /** 1-based row number, as Excel shows it. */
  row: number;
  cells: Cell[];
  /** The workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
}

/** A record of a sheet: CsvRecord's shape (`line` = the row number) plus the sheet it is on. */
export interface SheetRecord extends CsvRecord {
  sheet: string;
  date1904: boolean;
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 system, after its 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_1900 = 25569;
/** Days between the 1900 and the 1904 date systems. */
const EXCEL_1904_OFFSET = 1462;
/** Excel's largest date, 9999-12-31, in the 1900 system. */
const EXCEL_MAX_SERIAL = 2958465;

/**
 * The day an Excel date serial stands for, `YYYY-MM-DD`; null unless a whole day from
 * 1900-03-01 on (Excel's serials before that are off by its 1900 leap-year bug).
 * @example excelSerialToDay(46095) === '2026-03-14'
 */
export function excelSerialToDay(serial: number, date1904 = false): string | null {
  const n = date1904 ? serial + EXCEL_1904_OFFSET : serial;
  if (!Number.isInteger(n) || n < 61 || n > EXCEL_MAX_SERIAL) return null;
  return new Date((n - EXCEL_EPOCH_1900) * 86_400_000).toISOString().slice(0, 10);
}

/** What exceljs's stream reader exposes beyond its typings (the sheet's id and name, the workbook's sheet list and rels). */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  id: number | string;
  name?: string;
}
interface WorkbookInternals {
  model?: { sheets?: { id: number; name: string; rId: string }[]; properties?: { date1904?: boolean } };
  properties?: { model?: { date1904?: boolean } };
  workbookRels?: { Id: string; Target: string }[];
}

/** The sheet's name from the workbook's sheet list (see the module comment); `Sheet<n>` when it cannot be known. */
function sheetName(wb: WorkbookInternals, ws: SheetReader): string {
  if (ws.name && !/^Sheet\d+$/.test(ws.name)) return ws.name;
  const file = `sheet${ws.id}.xml`;
  const rel = wb.workbookRels?.find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/${file}`);
  const sheet = rel && wb.model?.sheets?.find((s) => s.rId === rel.Id);
  return sheet?.name ?? ws.name ?? `Sheet${ws.id}`;
}

/** One exceljs cell value as a plain value: text of rich text and hyperlinks, a formula's result, a date as `YYYY-MM-DD`. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o || 'formula' in o) return plainCell(o.result);
    if (o.error !== undefined) return o.error;
    if (o.text !== undefined) return plainCell(o.text);
  }
  return String(v);
}

/**
 * The file's bytes as a stream that does not end by itself: unzipper's parser ends itself when it
 * reaches the zip's central directory, after every entry; so exceljs is not told of an end
 * while entries are still to come (the cause of the race described at readXlsxRows).
 */
function openEndless(file: string): Readable {
  const src = createReadStream(file);
  const out = new PassThrough();
  src.on('error', (e) => out.destroy(e));
  src.pipe(out, { end: false });
  out.on('close', () => src.destroy());
  return out;
}

/**
 * Reads of one file tried before giving up when exceljs loses workbook.xml (see readXlsxRows).
 * With openEndless the race was not seen in 120 reads of a tiny workbook (without it: 4 in 10);
 * the retry stays as a second guard.
 */
const XLSX_TRIES = 5;

/** exceljs's streaming reader lost part of the workbook (exceljs#3064, #2790): nothing read from the file can be trusted. */
export class XlsxReadError extends Error {}

/**
 * Every row of every sheet, in file order (rows without any cell are not rows).
 *
 * Guarded against a race in exceljs 4.4's streaming reader (exceljs#3064, #2790, open): the
 * unzip stream it reads (unzipper 0.10) announces its end as soon as the file's bytes have been
 * written to it, and exceljs stops there, so zip entries not yet handed on (workbook.xml, later
 * worksheets; most often in small files) were dropped without an error: 4 reads in 10 of a
 * tiny Python-style workbook lost its data sheet. A file is therefore given as a stream that
 * does not end by itself (openEndless). And two checks: before the first row is handed on, the
 * workbook's sheet list must be known, or the file is read again (up to XLSX_TRIES times);
 * after the last row, every sheet in that list must have been read, or XlsxReadError is thrown.
 * Rows are never lost silently.
 */
export async function* readXlsxRows(input: string | Readable): AsyncGenerator<SheetRow> {
  for (let attempt = 1; ; attempt++) {
    const source = typeof input === 'string' ? openEndless(input) : input;
    const wb = new ExcelJS.stream.xlsx.WorkbookReader(source, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles tell date cells from numbers; hyperlinks and other entries are not needed.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    const internals = wb as unknown as WorkbookInternals;
    const seen: string[] = [];
    let retry = false;
    // A reader that stops early (a caller after the header only) must not leave the file open.
    try {
      for await (const ws of wb as unknown as AsyncIterable<SheetReader>) {
        if (seen.length === 0 && internals.model?.sheets === undefined) {
          // workbook.xml not read (yet): the race; nothing has been handed on, so read again.
          if (typeof input === 'string' && attempt < XLSX_TRIES) {
            retry = true;
            break;
          }
          throw new XlsxReadError(
            `exceljs lost the workbook part of this .xlsx (tried ${attempt} times); re-save the file or convert it to CSV`,
          );
        }
        const sheet = sheetName(internals, ws);
        seen.push(sheet);
        const date1904 = internals.model?.properties?.date1904 === true || internals.properties?.model?.date1904 === true;
        for await (const row of ws) {
          const values = row.values as unknown[];
          const cells: Cell[] = [];
          for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
          yield { sheet, row: row.number, cells, date1904 };
        }
      }
    } finally {
      if (source !== input) source.destroy();
    }
    if (retry) continue;
    const expected = internals.model?.sheets?.map((s) => s.name) ?? [];
    const missing = expected.filter((n) => !seen.includes(n));
    if (missing.length > 0)
      throw new XlsxReadError(
        `exceljs dropped sheet(s) ${missing.map((m) => `"${m}"`).join(', ')} of this .xlsx while streaming it (read: ${seen.join(', ') || 'none'}); nothing read from it can be trusted: read it again`,
      );
    return;
  }
}

/** A cell as the text a CSV export would hold. */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return String(c);
}

/**
 * Which sheets hold records: `spec` is asked with each sheet's name and header (its first row
 * with a cell) and gives the required and kept columns, or `null` to pass over the sheet (e.g.
 * HDX's "TOU" terms-of-use sheet). A sheet it keeps that lacks a required column throws
 * MissingColumnsError naming the sheet.
 */
export type SheetSpec = (sheet: string, header: readonly string[]) => ReturnType<Exclude<HeaderSpec, readonly string[]>> | null;

/**
 * Header-keyed records of the sheets `spec` keeps, each with file, sheet and row. A row with
 * values beyond the header's columns is passed on as malformed; rows with no value are skipped
 * (as empty CSV lines are). `skipped` collects the sheets passed over.
 */
export async function* readXlsxRecords(
  input: string | Readable,
  file: string,
  spec: SheetSpec,
  skipped: string[] = [],
): AsyncGenerator<SheetRecord> {
  let current: string | null = null;
  let shape: { header: string[]; keepIdx: number[]; keepNames: string[] } | null = null;
  let skipping = false;
  const seen = new Set<string>();
  for await (const r of readXlsxRows(input)) {
    if (r.sheet !== current) {
      current = r.sheet;
      shape = null;
      skipping = false;
      seen.add(r.sheet);
    }
    if (skipping) continue;
    if (r.cells.every((c) => c === null || c === '')) continue;
    if (shape === null) {
      const header = r.cells.map((c) => cellText(c).trim());
      const s = spec(r.sheet, header);
      if (s === null) {
        skipping = true;
        skipped.push(r.sheet);
        continue;
      }
      const missing = s.required.filter((c) => !header.includes(c));
      if (missing.length > 0) throw new MissingColumnsError(`${file} (sheet "${r.sheet}")`, missing);
      const keepNames = s.keep ? header.filter((h) => s.keep!.includes(h)) : header.filter((h) => h !== '');
      shape = { header, keepIdx: keepNames.map((h) => header.indexOf(h)), keepNames };
      continue;
    }
    const fields: Record<string, string> = {};
    for (let i = 0; i < shape.keepIdx.length; i++) fields[shape.keepNames[i]!] = cellText(r.cells[shape.keepIdx[i]!] ?? null).trim();
    const rec: SheetRecord = { file, sheet: r.sheet, line: r.row, fields, date1904: r.date1904 };
    const beyond = r.cells.findIndex((c, i) => i >= shape!.header.length && c !== null && c !== '');
    if (beyond >= 0) rec.malformed = `has a value in column ${beyond + 1}, beyond the header's ${shape.header.length} columns`;
    yield rec;
  }
  if (seen.size === 0) throw new Error(`${file}: no worksheet with any row`);
}

/**
 * The header (first row with a cell) of the first sheet whose header `wanted` accepts, or null:
 * enough to tell what kind of file an .xlsx is (other sheets, such as notes or terms of use,
 * are passed over) without reading its data rows.
 */
export async function xlsxHeader(file: string, wanted: (sheet: string, header: readonly string[]) => boolean): Promise<string[] | null> {
  const seen = new Set<string>();
  for await (const r of readXlsxRows(file)) {
    if (seen.has(r.sheet) || r.cells.every((c) => c === null || c === '')) continue;
    seen.add(r.sheet);
    const header = r.cells.map((c) => cellText(c).trim());
    if (wanted(r.sheet, header)) return header;
  }
  return null;
}
