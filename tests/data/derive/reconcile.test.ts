/** The reconciliation of daily with monthly aggregates (data/derive/reconcile.ts), on the hand-checked fixture. */
import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../data/derive/aggregate.ts';
import { EVENT_COLUMNS } from '../../../data/derive/normalise.ts';
import { readCsv } from '../../../data/derive/parse.ts';
import { ReconciliationError, reconcile, reconcileDaily } from '../../../data/derive/reconcile.ts';

const FIXTURE = new URL('../../fixtures/events-small.csv', import.meta.url).pathname;

async function deriveFixture() {
  return derive(readCsv(createReadStream(FIXTURE), 'events-small.csv', EVENT_COLUMNS), 'event');
}

describe('reconcile: monthly aggregates against the totals counted from the input', () => {
  it('passes when the six event types add up, and names each difference otherwise', async () => {
    const { rows, report } = await deriveFixture();
    const { events, fatalities } = report.totals;
    expect(() => reconcile(rows, report.rows.accepted, events, fatalities)).not.toThrow();
    expect(() => reconcile(rows, report.rows.accepted + 1, events, fatalities + 2)).toThrow(
      new ReconciliationError(
        `totals do not reconcile: aggregates hold ${events} events but ${report.rows.accepted + 1} rows were accepted; ` +
          `aggregates hold ${fatalities} fatalities, input counted ${fatalities + 2}`,
      ),
    );
  });
});

describe('reconcileDaily: daily aggregates against the monthly ones', () => {
  it('must add up to the monthly aggregates, or derive fails loudly, naming the cells', async () => {
    const { rows, daily } = await deriveFixture();
    expect(() => reconcileDaily(rows, daily)).not.toThrow();
    // One event moved from July to August: both months are off by one.
    const moved = daily.map((d) => (d.date === '2023-07-02' && d.category === 'battles' ? { ...d, date: '2023-08-02' } : d));
    expect(() => reconcileDaily(rows, moved)).toThrow(ReconciliationError);
    expect(() => reconcileDaily(rows, moved)).toThrow(
      'daily aggregates do not add up to the monthly ones in 2 cell(s): ' +
        'NER 2023-07 battles: days hold 0 events, 0 fatalities; months hold 1 events, 3 fatalities; ' +
        'NER 2023-08 battles: days hold 2 events, 13 fatalities; months hold 1 events, 10 fatalities',
    );
    // A fatality lost from one day.
    const lost = daily.map((d) => (d.date === '2023-06-10' && d.category === 'civilian_targeting' ? { ...d, fatalities: 1 } : d));
    expect(() => reconcileDaily(rows, lost)).toThrow(
      'daily aggregates do not add up to the monthly ones in 1 cell(s): NER 2023-06 civilian_targeting: days hold 1 events, 1 fatalities; months hold 1 events, 2 fatalities',
    );
    // A day with no monthly counterpart at all.
    expect(() =>
      reconcileDaily(rows, [...daily, { country: 'NER', date: '2023-09-01', category: 'riots', events: 1, fatalities: 0 }]),
    ).toThrow('NER 2023-09 riots: days hold 1 events, 0 fatalities; months hold 0 events, 0 fatalities');
  });
});
