import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../data/derive/aggregate.ts';
import { EVENT_COLUMNS, TABLE_COLUMNS } from '../../../data/derive/normalise.ts';
import { readCsv } from '../../../data/derive/parse.ts';
import { MissingColumnsError } from '../../../data/derive/record.ts';

const FIXTURE = new URL('../../fixtures/events-small.csv', import.meta.url).pathname;

async function deriveFixture() {
  return derive(readCsv(createReadStream(FIXTURE), 'events-small.csv', EVENT_COLUMNS), 'event');
}

/** Country totals (summed over admin1) of one category, as month -> [events, fatalities]. */
function totals(rows: Awaited<ReturnType<typeof deriveFixture>>['rows'], category: string) {
  const out: Record<string, [number, number]> = {};
  for (const r of rows.filter((x) => x.category === category)) {
    const t = (out[r.month] ??= [0, 0]);
    t[0] += r.events;
    t[1] += r.fatalities;
  }
  return out;
}

describe('derive: event-level fixture (tests/fixtures/events-small.csv, checked by hand)', () => {
  it('accounts for every row: 14 read, 10 accepted, 4 rejected with line and reason', async () => {
    const { report } = await deriveFixture();
    expect(report.rows).toEqual({
      read: 14,
      accepted: 10,
      rejected: 4,
      byReason: { 'bad date': 1, 'malformed row': 1, 'negative fatalities': 1, 'unknown event type': 1 },
      duplicates: 0,
    });
    expect(report.rejections).toEqual([
      { file: 'events-small.csv', line: 10, reason: 'bad date "2023-02-30"' },
      { file: 'events-small.csv', line: 11, reason: 'negative fatalities -1' },
      { file: 'events-small.csv', line: 15, reason: 'malformed row: has 4 fields, header has 14' },
      { file: 'events-small.csv', line: 16, reason: 'unknown event type "Skirmish"' },
    ]);
  });

  it('covers from the first event month to the last event date', async () => {
    expect((await deriveFixture()).report.coverage).toEqual({ from: '2023-06-01', through: '2023-08-10' });
  });

  it('counts every category by its definition', async () => {
    const { rows } = await deriveFixture();
    // Riots (TST7) are not political violence; TST5 (state forces first) is not an attack on them.
    expect(totals(rows, 'political_violence')).toEqual({ '2023-06': [2, 7], '2023-07': [3, 14], '2023-08': [2, 10] });
    expect(totals(rows, 'battles')).toEqual({ '2023-06': [1, 5], '2023-07': [1, 3], '2023-08': [1, 10] });
    expect(totals(rows, 'explosions_remote_violence')).toEqual({ '2023-07': [1, 7] });
    expect(totals(rows, 'violence_against_civilians')).toEqual({ '2023-06': [1, 2], '2023-07': [1, 4], '2023-08': [1, 0] });
    expect(totals(rows, 'civilian_targeting')).toEqual({ '2023-06': [1, 2], '2023-07': [2, 5], '2023-08': [1, 0] });
    expect(totals(rows, 'attacks_on_state_forces')).toEqual({ '2023-06': [1, 5], '2023-07': [1, 7], '2023-08': [1, 10] });
    expect(totals(rows, 'demonstrations')).toEqual({ '2023-06': [1, 0], '2023-07': [1, 1] });
    expect(totals(rows, 'protests')).toEqual({ '2023-06': [1, 0] });
    expect(totals(rows, 'riots')).toEqual({ '2023-07': [1, 1] });
    expect(totals(rows, 'strategic_developments')).toEqual({ '2023-07': [1, 0] });
  });

  it('keeps admin1 regions apart', async () => {
    const { rows } = await deriveFixture();
    const pv = rows.filter((r) => r.category === 'political_violence' && r.month === '2023-07');
    expect(pv).toEqual([
      { country: 'NER', admin1: 'Diffa', month: '2023-07', category: 'political_violence', events: 1, fatalities: 4 },
      { country: 'NER', admin1: 'Tillaberi', month: '2023-07', category: 'political_violence', events: 2, fatalities: 10 },
    ]);
  });
});

describe('derive: daily counts (country x day x category, same fixture)', () => {
  it('counts each accepted event on its day, in every category it belongs to, country level only', async () => {
    const { daily } = await deriveFixture();
    const r = (date: string, category: string, events: number, fatalities: number) => ({
      country: 'NER',
      date,
      category,
      events,
      fatalities,
    });
    expect(daily).toEqual([
      r('2023-06-03', 'attacks_on_state_forces', 1, 5),
      r('2023-06-03', 'battles', 1, 5),
      r('2023-06-03', 'political_violence', 1, 5),
      r('2023-06-03', 'political_violence_acled', 1, 5),
      r('2023-06-10', 'civilian_targeting', 1, 2),
      r('2023-06-10', 'political_violence', 1, 2),
      r('2023-06-10', 'political_violence_acled', 1, 2),
      r('2023-06-10', 'violence_against_civilians', 1, 2),
      r('2023-06-20', 'demonstrations', 1, 0),
      r('2023-06-20', 'demonstrations_acled', 1, 0),
      r('2023-06-20', 'protests', 1, 0),
      r('2023-07-01', 'attacks_on_state_forces', 1, 7),
      r('2023-07-01', 'explosions_remote_violence', 1, 7),
      r('2023-07-01', 'political_violence', 1, 7),
      r('2023-07-01', 'political_violence_acled', 1, 7),
      r('2023-07-02', 'battles', 1, 3),
      r('2023-07-02', 'political_violence', 1, 3),
      r('2023-07-02', 'political_violence_acled', 1, 3),
      r('2023-07-15', 'civilian_targeting', 1, 4),
      r('2023-07-15', 'political_violence', 1, 4),
      r('2023-07-15', 'political_violence_acled', 1, 4),
      r('2023-07-15', 'violence_against_civilians', 1, 4),
      r('2023-07-20', 'civilian_targeting', 1, 1),
      r('2023-07-20', 'demonstrations', 1, 1),
      // Mob violence: ACLED's disorder type "Political violence", not political_violence.
      r('2023-07-20', 'political_violence_acled', 1, 1),
      r('2023-07-20', 'riots', 1, 1),
      r('2023-07-25', 'strategic_developments', 1, 0),
      r('2023-08-05', 'attacks_on_state_forces', 1, 10),
      r('2023-08-05', 'battles', 1, 10),
      r('2023-08-05', 'political_violence', 1, 10),
      r('2023-08-05', 'political_violence_acled', 1, 10),
      r('2023-08-10', 'civilian_targeting', 1, 0),
      r('2023-08-10', 'political_violence', 1, 0),
      r('2023-08-10', 'political_violence_acled', 1, 0),
      r('2023-08-10', 'violence_against_civilians', 1, 0),
    ]);
  });

  it('two events of one day add up; tables give no daily counts', async () => {
    const csv = [
      'event_date,event_type,country,admin1,fatalities,inter1,inter2,civilian_targeting',
      '2024-02-29,Battles,Niger,Tillaberi,2,2,1,',
      '2024-02-29,Battles,Niger,Diffa,3,1,2,',
    ].join('\n');
    const { daily } = await derive(readCsv(csv, 'leap.csv', EVENT_COLUMNS), 'event');
    expect(daily.filter((d) => d.category === 'battles')).toEqual([
      { country: 'NER', date: '2024-02-29', category: 'battles', events: 2, fatalities: 5 },
    ]);
    const table = 'month,event_type,country,events,fatalities\n2023-07,Battles,Mali,4,10\n';
    expect((await derive(readCsv(table, 't.csv', TABLE_COLUMNS), 'aggregate')).daily).toEqual([]);
  });
});

describe('derive: aggregated table', () => {
  const table = [
    'month,event_type,country,events,fatalities,extra',
    '2023-07,Battles,Mali,4,10,x',
    '2023-07,Riots,Mali,2,0,x',
    '2023-07,Violence against civilians,Mali,3,6,x',
    '2023-13,Battles,Mali,1,1,x',
    '2023-08,Battles,Atlantis,1,1,x',
    '2023-08,Battles,Mali,-2,1,x',
  ].join('\r\n');

  it('is header-driven, gives event-type categories only, and rejects bad rows by reason', async () => {
    const { rows, report } = await derive(readCsv(`\uFEFF${table}`, 'table.csv', TABLE_COLUMNS), 'aggregate');
    expect(rows.filter((r) => r.category === 'political_violence')).toEqual([
      { country: 'MLI', admin1: '', month: '2023-07', category: 'political_violence', events: 7, fatalities: 16 },
    ]);
    expect(rows.some((r) => r.category === 'civilian_targeting' || r.category === 'attacks_on_state_forces')).toBe(false);
    expect(report.rows).toEqual({
      read: 6,
      accepted: 3,
      rejected: 3,
      byReason: { 'bad month': 1, 'negative events': 1, 'unknown country': 1 },
      duplicates: 0,
    });
    expect(report.rejections.map((r) => r.line)).toEqual([5, 6, 7]);
    expect(report.coverage).toEqual({ from: '2023-07-01', through: '2023-07-31' });
  });

  it('names every missing required column at once', async () => {
    const run = derive(readCsv('country,month\nMali,2023-07\n', 'thin.csv', TABLE_COLUMNS), 'aggregate');
    await expect(run).rejects.toThrow(MissingColumnsError);
    await expect(derive(readCsv('country,month\n', 'thin.csv', TABLE_COLUMNS), 'aggregate')).rejects.toThrow(
      'thin.csv: missing required column(s) event_type, events, fatalities',
    );
  });
});
