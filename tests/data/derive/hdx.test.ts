import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asOfOf, IndicatorError, indicatorOf, readHdx } from '../../../data/derive/hdx.ts';
import { inlineXlsx } from './inline-xlsx.ts';

const FIX = path.join(import.meta.dirname, '../../fixtures/hdx');
const PV = path.join(FIX, 'niger_hrp_political_violence_events_and_fatalities_by_month-year_as-of-10feb2026.xlsx');
const DEMO = path.join(FIX, 'niger_hrp_demonstration_events_by_month-year_as-of-10feb2026.csv');
const tmp = mkdtempSync(path.join(tmpdir(), 'hdx-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('HDX file names: the indicator and the as-of date', () => {
  it('reads the indicator from the name, or takes it given, and refuses what cannot be known', () => {
    expect(indicatorOf('mali_hrp_political_violence_events_and_fatalities_by_month-year_as-of-22apr2026.xlsx')).toBe('political_violence');
    expect(indicatorOf('/x/chad_hrp_civilian_targeting_events_and_fatalities_by_month-year_as-of-1mar2026.csv')).toBe('civilian_targeting');
    expect(indicatorOf('nigeria_hrp_demonstration_events_by_month-year_as-of-1mar2026.xlsx')).toBe('demonstrations');
    expect(indicatorOf('acled_mali_summary.xlsx', 'political_violence')).toBe('political_violence');
    expect(() => indicatorOf('acled_mali_summary.xlsx')).toThrow(IndicatorError);
    expect(() => indicatorOf('acled_mali_summary.xlsx')).toThrow(
      "acled_mali_summary.xlsx: cannot tell which indicator this HDX file counts: its name has none of HDX's patterns",
    );
    expect(() => indicatorOf('acled_mali_summary.xlsx', 'fatalities')).toThrow('unknown indicator "fatalities"');
    expect(() => indicatorOf('mali_hrp_demonstration_events_x.csv', 'political_violence')).toThrow(
      'its name says demonstrations, but the indicator given is political_violence',
    );
    expect(asOfOf('mali_hrp_political_violence_events_and_fatalities_by_month-year_as-of-22apr2026.xlsx')).toBe('2026-04-22');
    expect(asOfOf('x_as-of-31feb2026.csv')).toBeNull();
    expect(asOfOf('acled_mali_summary.xlsx')).toBeNull();
  });

  it('refuses a file of unknown indicator before reading it', async () => {
    await expect(readHdx(path.join(tmp, 'summary.csv'))).rejects.toThrow(IndicatorError);
  });
});

describe('HDX monthly files -> monthly cells by admin1 and country', () => {
  it('counts the .xlsx fixture (TOU and Data sheets), admin2 summed, zeros kept', async () => {
    const h = await readHdx(PV);
    expect(h.skippedSheets).toEqual(['TOU']);
    expect(h.report).toMatchObject({
      indicator: 'political_violence',
      category: 'political_violence_acled',
      asOf: '2026-02-10',
      partialMonth: '2026-02',
    });
    expect(h.report.rows).toEqual({
      read: 8,
      accepted: 6,
      rejected: 1,
      byReason: { 'bad events': 1 },
      duplicates: 1,
      filtered: 0,
      filteredByCountry: {},
    });
    const file = path.basename(PV);
    expect(h.report.rejections).toEqual([{ file, sheet: 'Data', line: 9, reason: 'bad events "n/a"' }]);
    expect(h.report.duplicates).toEqual([
      {
        file,
        sheet: 'Data',
        line: 6,
        reason: `duplicate admin2 x month (Tillaberi, Tera (NE006010), 2026-02): superseded by ${file} sheet "Data" row 8 (later in input)`,
      },
    ]);
    const cell = (c: { admin1: string; month: string; events: number; fatalities: number | null }) =>
      `${c.admin1 || '(country)'} ${c.month} ${c.events} ${c.fatalities}`;
    expect(h.cells.map(cell)).toEqual(['Niamey 2026-01 1 0', 'Niamey 2026-02 0 0', 'Tillaberi 2026-01 8 24', 'Tillaberi 2026-02 3 3']);
    expect(h.totals.map(cell)).toEqual(['(country) 2026-01 9 24', '(country) 2026-02 3 3']);
    expect(h.report.countries).toEqual({
      NER: { from: '2026-01', through: '2026-02', admin1: ['Niamey', 'Tillaberi'], admin2: 3, accepted: 6 },
    });
    expect(h.report.totals).toEqual({ events: 12, fatalities: 27 });
  });

  it('counts the CSV fixture (demonstrations: no fatalities) with filtering and rejections by line', async () => {
    const h = await readHdx(DEMO, { countries: ['NER'] });
    expect(h.report).toMatchObject({ indicator: 'demonstrations', category: 'demonstrations_acled', partialMonth: '2026-02' });
    expect(h.report.rows).toEqual({
      read: 12,
      accepted: 8,
      rejected: 2,
      byReason: { 'bad month': 1, 'country and ISO3 disagree': 1 },
      duplicates: 1,
      filtered: 1,
      filteredByCountry: { Mali: 1 },
    });
    expect(h.report.rejections.map((r) => [r.line, r.reason])).toEqual([
      [9, `bad month "Fevrier": write the month's name, e.g. January`],
      [13, 'country "Niger" but ISO3 "NGA"'],
    ]);
    expect(h.totals.map((c) => [c.month, c.events, c.fatalities])).toEqual([
      ['2025-12', 4, null],
      ['2026-01', 3, null],
      ['2026-02', 2, null],
    ]);
    expect(h.cells.filter((c) => c.admin1 === 'Tillaberi').map((c) => c.events)).toEqual([0, 1, 0]);
    expect(h.report.totals).toEqual({ events: 9, fatalities: null });
  });

  it('reads a Python-style .xlsx (inline strings), as HDX publishes them, by sheet', async () => {
    const file = path.join(tmp, 'burkina-faso_hrp_civilian_targeting_events_and_fatalities_by_month-year_as-of-03mar2026.xlsx');
    const head = ['Country', 'Admin1', 'Admin2', 'ISO3', 'Admin2 Pcode', 'Admin1 Pcode', 'Month', 'Year', 'Events', 'Fatalities'];
    writeFileSync(
      file,
      inlineXlsx([
        { name: 'TOU', rows: [['Licensing']] },
        {
          name: 'Data',
          rows: [
            head,
            ['Burkina Faso', 'Sahel', 'Soum', 'BFA', 'BF5604', 'BF56', 'January', '2026', 4, 11],
            ['Burkina Faso', 'Sahel', 'Oudalan', 'BFA', 'BF5603', 'BF56', 'January', '2026', 2, 0],
            ['Burkina Faso', 'Est', 'Gourma', 'BFA', 'BF5202', 'BF52', 'January', '2026', 1, 3],
          ],
        },
      ]),
    );
    const h = await readHdx(file);
    expect(h.report).toMatchObject({
      indicator: 'civilian_targeting',
      category: 'civilian_targeting',
      asOf: '2026-03-03',
      partialMonth: null,
    });
    expect(h.report.rows).toMatchObject({ read: 3, accepted: 3 });
    expect(h.cells.map((c) => [c.admin1, c.events, c.fatalities])).toEqual([
      ['Est', 1, 3],
      ['Sahel', 6, 11],
    ]);
  });
});
