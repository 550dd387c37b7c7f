import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingColumnsError } from '../../../data/derive/record.ts';
import { excelSerialToDay, plainCell, readXlsxRecords, readXlsxRows, type SheetRow } from '../../../data/derive/xlsx.ts';
import { inlineXlsx } from './inline-xlsx.ts';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/weekly/weekly-small.xlsx');
const tmp = mkdtempSync(path.join(tmpdir(), 'xlsx-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('Excel date serials', () => {
  it('converts whole-day serials in both date systems', () => {
    expect(excelSerialToDay(46095)).toBe('2026-03-14');
    expect(excelSerialToDay(35434)).toBe('1997-01-04');
    expect(excelSerialToDay(25569)).toBe('1970-01-01');
    expect(excelSerialToDay(61)).toBe('1900-03-01');
    expect(excelSerialToDay(46095 - 1462, true)).toBe('2026-03-14');
    expect(excelSerialToDay(46095.5)).toBeNull();
    expect(excelSerialToDay(60)).toBeNull(); // Excel's 29 February 1900, a day that never was
    expect(excelSerialToDay(3e6)).toBeNull();
  });

  it('gives exceljs values as plain cells', () => {
    expect(plainCell(new Date('2026-03-14T00:00:00Z'))).toBe('2026-03-14');
    expect(plainCell(new Date('2026-03-14T12:00:00Z'))).toBe('2026-03-14T12:00:00.000Z');
    expect(plainCell({ richText: [{ text: 'Tilla' }, { text: 'beri' }] })).toBe('Tillaberi');
    expect(plainCell({ formula: 'A1+1', result: 7 })).toBe(7);
    expect(plainCell({ error: '#N/A' })).toBe('#N/A');
    expect(plainCell(undefined)).toBeNull();
  });
});

describe('reading .xlsx with exceljs streaming', () => {
  it("reads an Excel-style workbook (shared strings, date cells): every sheet's rows with names and row numbers", async () => {
    const rows = await all(readXlsxRows(FIXTURE));
    expect(rows.map((r) => `${r.sheet}:${r.row}`)).toEqual([
      'Notes:1',
      'Data:1',
      'Data:2',
      'Data:3',
      'Data:4',
      'Data:5',
      'Data:6',
      'Data:7',
    ]);
    const data = rows.filter((r) => r.sheet === 'Data');
    expect(data.slice(1).map((r) => r.cells[0])).toEqual(['2026-03-07', 46088, '14-March-2026', '2026-03-14', '2026-03-13', '2026-03-07']);
    expect(data[1]!.cells.slice(2, 8)).toEqual(['Niger', 'Tillaberi', 'Battles', 'Armed clash', 3, 12]);
    expect(data[1]!.date1904).toBe(false);
  });

  it('reads a Python-style workbook: inline strings, no shared strings, absolute part names', async () => {
    const file = path.join(tmp, 'inline.xlsx');
    writeFileSync(
      file,
      inlineXlsx([
        { name: 'TOU', rows: [['Licensing'], ['Terms of use & attribution']] },
        {
          name: 'Data',
          rows: [
            ['Country', 'Admin1', 'Events'],
            ['Niger', 'Tillabéri', 3],
            ['Niger', 'Niamey', 0],
          ],
        },
      ]),
    );
    const rows: SheetRow[] = await all(readXlsxRows(file));
    expect(rows.map((r) => [r.sheet, r.row, r.cells])).toEqual([
      ['TOU', 1, ['Licensing']],
      ['TOU', 2, ['Terms of use & attribution']],
      ['Data', 1, ['Country', 'Admin1', 'Events']],
      ['Data', 2, ['Niger', 'Tillabéri', 3]],
      ['Data', 3, ['Niger', 'Niamey', 0]],
    ]);
  });

  it('gives header-keyed records of the sheets kept, flags values beyond the header, names a sheet missing columns', async () => {
    const file = path.join(tmp, 'records.xlsx');
    writeFileSync(
      file,
      inlineXlsx([
        { name: 'TOU', rows: [['Licensing']] },
        {
          name: 'Data',
          rows: [
            ['Country', 'Events'],
            ['Niger', 3],
            [null, null],
            ['Mali', 1, 'stray'],
          ],
        },
      ]),
    );
    const skipped: string[] = [];
    const recs = await all(
      readXlsxRecords(file, 'records.xlsx', (sheet) => (sheet === 'TOU' ? null : { required: ['Country', 'Events'] }), skipped),
    );
    expect(recs).toEqual([
      { file: 'records.xlsx', sheet: 'Data', line: 2, fields: { Country: 'Niger', Events: '3' }, date1904: false },
      {
        file: 'records.xlsx',
        sheet: 'Data',
        line: 4,
        fields: { Country: 'Mali', Events: '1' },
        date1904: false,
        malformed: "has a value in column 3, beyond the header's 2 columns",
      },
    ]);
    expect(skipped).toEqual(['TOU']);
    await expect(all(readXlsxRecords(file, 'records.xlsx', () => ({ required: ['Country', 'Year'] })))).rejects.toThrow(
      MissingColumnsError,
    );
    await expect(all(readXlsxRecords(file, 'records.xlsx', () => ({ required: ['Country', 'Year'] })))).rejects.toThrow(
      'records.xlsx (sheet "TOU"): missing required column(s) Country, Year',
    );
  });
});
