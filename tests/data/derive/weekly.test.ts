import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHdx } from '../../../data/derive/hdx.ts';
import { countryWeekly, parseWeekCell, readWeekly, type WeeklyCell } from '../../../data/derive/weekly.ts';

const FIX = path.join(import.meta.dirname, '../../fixtures/weekly');
const row = (c: WeeklyCell) => `${c.country} ${c.admin1} ${c.week} ${c.category} ${c.events} ${c.fatalities}`;

describe('the WEEK column', () => {
  it('reads each form ACLED writes and rejects weeks that do not start on a Saturday', () => {
    expect(parseWeekCell('14-March-2026')).toEqual({ ok: true, week: '2026-03-14' });
    expect(parseWeekCell('4-Jan-1997')).toEqual({ ok: true, week: '1997-01-04' });
    expect(parseWeekCell('2026-03-14')).toEqual({ ok: true, week: '2026-03-14' });
    expect(parseWeekCell('2026-03-14 00:00:00')).toEqual({ ok: true, week: '2026-03-14' });
    expect(parseWeekCell('46095')).toEqual({ ok: true, week: '2026-03-14' });
    expect(parseWeekCell('44633', true)).toEqual({ ok: true, week: '2026-03-14' }); // 1904 date system
    expect(parseWeekCell('15-March-2026')).toEqual({
      ok: false,
      kind: 'week not a Saturday',
      reason:
        'week "15-March-2026": 2026-03-15 is a Sunday, not the Saturday that starts an ACLED week (weeks run Saturday to Friday); ' +
        'the nearest are 2026-03-14 (the week 14–20 March 2026) and 2026-03-21 (21–27 March 2026)',
    });
    expect(parseWeekCell('31-February-2026')).toMatchObject({
      ok: false,
      kind: 'bad week',
      reason: 'bad week "31-February-2026": not a calendar day',
    });
    expect(parseWeekCell('46095.5')).toMatchObject({ ok: false, kind: 'bad week' });
    expect(parseWeekCell('March 2026')).toMatchObject({ ok: false, kind: 'bad week' });
    expect(parseWeekCell('')).toMatchObject({ ok: false, kind: 'bad week' });
  });
});

describe('ACLED weekly data -> weekly cells', () => {
  it('counts the CSV fixture (every WEEK form) and accounts for every row', async () => {
    const w = await readWeekly([path.join(FIX, 'weekly-small.csv')]);
    expect(w.report.rows).toEqual({
      read: 13,
      accepted: 8,
      rejected: 3,
      byReason: { 'bad events': 1, 'unknown riots sub-event type': 1, 'week not a Saturday': 1 },
      duplicates: 1,
      filtered: 1,
      filteredByCountry: { Ghana: 1 },
    });
    const r = w.report.rows;
    expect(r.read).toBe(r.accepted + r.rejected + r.duplicates + r.filtered);
    expect(w.report.rejections.map((x) => [x.file, x.line, x.reason])).toEqual([
      [
        'weekly-small.csv',
        11,
        'week "08-March-2026": 2026-03-08 is a Sunday, not the Saturday that starts an ACLED week (weeks run Saturday to Friday); ' +
          'the nearest are 2026-03-07 (the week 7–13 March 2026) and 2026-03-14 (14–20 March 2026)',
      ],
      ['weekly-small.csv', 13, 'Riots with sub-event type "Looting": neither Mob violence nor Violent demonstration'],
      ['weekly-small.csv', 14, 'bad events "x"'],
    ]);
    expect(w.report.duplicates).toEqual([
      {
        file: 'weekly-small.csv',
        line: 2,
        reason:
          'duplicate week x admin1 x event type x sub-event type (Tillaberi, 2026-03-07, Battles, Armed clash): superseded by weekly-small.csv line 12 (later in input)',
      },
    ]);
    expect(w.cells.map(row)).toEqual([
      'NER Niamey 2026-03-14 demonstrations 7 0',
      'NER Niamey 2026-03-14 demonstrations_acled 7 0',
      'NER Niamey 2026-03-14 political_violence_acled 1 0', // excessive force against protesters
      'NER Niamey 2026-03-14 protests 5 0',
      'NER Niamey 2026-03-14 riots 2 0',
      'NER Tillaberi 2026-03-07 battles 4 13', // the later of the two rows
      'NER Tillaberi 2026-03-07 political_violence 6 18',
      'NER Tillaberi 2026-03-07 political_violence_acled 6 18',
      'NER Tillaberi 2026-03-07 violence_against_civilians 2 5',
      'NER Tillaberi 2026-03-14 demonstrations 1 1',
      'NER Tillaberi 2026-03-14 political_violence_acled 1 1', // mob violence
      'NER Tillaberi 2026-03-14 riots 1 1',
      'NGA Borno 2026-03-07 explosions_remote_violence 2 9',
      'NGA Borno 2026-03-07 political_violence 2 9',
      'NGA Borno 2026-03-07 political_violence_acled 2 9',
      'NGA Gulf of Guinea 2026-03-07 strategic_developments 1 0',
    ]);
    expect(w.report.totals).toEqual({ events: 17, fatalities: 28 });
    expect(w.report.countries).toEqual({
      NER: { from: '2026-03-07', through: '2026-03-14', throughDay: '2026-03-20', admin1: ['Niamey', 'Tillaberi'], accepted: 6 },
      NGA: { from: '2026-03-07', through: '2026-03-07', throughDay: '2026-03-13', admin1: ['Borno', 'Gulf of Guinea'], accepted: 2 },
    });
    expect(w.files).toEqual([{ file: 'weekly-small.csv', format: 'csv', read: 13, skippedSheets: [] }]);
  });

  it('keeps only the countries asked for, counting the rest as filtered', async () => {
    const w = await readWeekly([path.join(FIX, 'weekly-small.csv')], { countries: ['NGA'] });
    expect(w.report.rows).toMatchObject({
      read: 13,
      accepted: 2,
      rejected: 0,
      duplicates: 0,
      filtered: 11,
      filteredByCountry: { Ghana: 1, Niger: 10 },
    });
    expect(countryWeekly(w.cells).map(row)).toEqual([
      'NGA  2026-03-07 explosions_remote_violence 2 9',
      'NGA  2026-03-07 political_violence 2 9',
      'NGA  2026-03-07 political_violence_acled 2 9',
      'NGA  2026-03-07 strategic_developments 1 0',
    ]);
  });

  it('counts the .xlsx fixture (date cells, a plain serial, text) with sheet and row in the account', async () => {
    const w = await readWeekly([path.join(FIX, 'weekly-small.xlsx')]);
    expect(w.report.rows).toEqual({
      read: 6,
      accepted: 4,
      rejected: 1,
      byReason: { 'week not a Saturday': 1 },
      duplicates: 0,
      filtered: 1,
      filteredByCountry: { Ghana: 1 },
    });
    expect(w.report.rejections).toEqual([
      {
        file: 'weekly-small.xlsx',
        sheet: 'Data',
        line: 6,
        reason:
          'week "2026-03-13": 2026-03-13 is a Friday, not the Saturday that starts an ACLED week (weeks run Saturday to Friday); ' +
          'the nearest are 2026-03-07 (the week 7–13 March 2026) and 2026-03-14 (14–20 March 2026)',
      },
    ]);
    expect(w.cells.map(row)).toEqual([
      'NER Niamey 2026-03-14 demonstrations 4 0',
      'NER Niamey 2026-03-14 demonstrations_acled 4 0',
      'NER Niamey 2026-03-14 protests 4 0',
      'NER Tillaberi 2026-03-07 battles 3 12',
      'NER Tillaberi 2026-03-07 political_violence 5 17',
      'NER Tillaberi 2026-03-07 political_violence_acled 5 17',
      'NER Tillaberi 2026-03-07 violence_against_civilians 2 5',
      'NER Tillaberi 2026-03-14 demonstrations 1 1',
      'NER Tillaberi 2026-03-14 political_violence_acled 1 1',
      'NER Tillaberi 2026-03-14 riots 1 1',
    ]);
    expect(w.files).toEqual([{ file: 'weekly-small.xlsx', format: 'xlsx', read: 6, skippedSheets: ['Notes'] }]);
  });

  it('reads several files as one source, a later file superseding the same cell', async () => {
    const w = await readWeekly([path.join(FIX, 'weekly-small.csv'), path.join(FIX, 'weekly-small.xlsx')]);
    expect(w.report.rows).toMatchObject({ read: 19, accepted: 8, rejected: 4, duplicates: 5, filtered: 2 });
    expect(w.cells.filter((c) => c.admin1 === 'Tillaberi' && c.category === 'battles').map(row)).toEqual([
      'NER Tillaberi 2026-03-07 battles 3 12',
    ]);
  });

  it('refuses a weekly file without the columns it needs, naming them', async () => {
    await expect(readHdx(path.join(FIX, 'weekly-small.csv'), { indicator: 'political_violence' })).rejects.toThrow(
      'weekly-small.csv: missing required column(s) Country, Admin1, Admin2, Month, Year, Events, Fatalities',
    );
  });
});
