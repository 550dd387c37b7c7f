import { describe, expect, it } from 'vitest';
import { readAggregates, readDaily, readSources } from '../../../data/cli/aggregates.ts';
import { apiRecords } from '../../../data/derive/input.ts';
import { deriveWindow, mergeWindow, parseCountries, REFRESH_SOURCE, refreshWindow, runRows } from '../../../data/refresh/core.ts';
import type { RefreshRun } from '../../../model/types.ts';
import { nigerApiRows, nigerEventsPresent } from '../../fixtures/acled-fake.ts';
import { sourceInfo } from '../../fixtures/source-info.ts';

const run = (at: string, w: { since: string; through: string; countries: string[] }): RefreshRun => ({
  at,
  by: 'cli',
  window: { since: w.since, through: w.through },
  countries: w.countries,
  rows: { read: 0, accepted: 0, rejected: 0, duplicates: 0, byReason: {} },
  outcome: 'published',
  reason: null,
  version: null,
});

const present = await nigerEventsPresent();

describe('refresh core', () => {
  it.skipIf(!present)(
    'fed the Niger event file as API rows (strings, inter labels), reproduces the shipped Niger aggregates exactly',
    async () => {
      const rows = await nigerApiRows();
      expect(rows.every((r) => Object.values(r).every((v) => typeof v === 'string'))).toBe(true);
      expect(rows.some((r) => r.inter1 === 'State forces')).toBe(true);
      const w = { since: '2019-01-01', through: '2024-05-15', countries: parseCountries('NER') };
      const d = await deriveWindow(apiRecords(rows, 'acled-api'), w);
      const shipped = (await readSources()).find((s) => s.id === 'acled-niger-events')!;
      // Reconciled as data:derive: rows read = accepted + rejected + duplicates, and the same counts as the shipped report.
      const r = d.report.rows;
      expect(r.read).toBe(r.accepted + r.rejected + (r.duplicates ?? 0));
      expect(r).toEqual(shipped.rows);
      expect(d.rows).toEqual(await readAggregates('acled-niger-events.csv'));
      expect(d.daily).toEqual(await readDaily('acled-niger-events-daily.csv'));
      const merged = mergeWindow(null, d, w, run('2026-12-01T03:00:00Z', w));
      expect(merged.info.totals).toEqual(shipped.totals);
      expect(merged.info.countries!.NER!.accepted).toBe(shipped.countries!.NER!.accepted);
      expect(merged.info.categories).toEqual(shipped.categories);
    },
  );

  it.skipIf(!present)('merges a window into the stored refresh source: earlier months and days kept, the window replaced', async () => {
    const niger = await nigerApiRows();
    // What the API answers for a window: its rows only.
    const within = (w: { since: string; through: string }) => niger.filter((r) => r.event_date! >= w.since && r.event_date! <= w.through);
    const first = { since: '2024-01-01', through: '2024-03-31', countries: parseCountries('NER') };
    const d1 = await deriveWindow(apiRecords(within(first), 'p'), first);
    const s1 = mergeWindow(null, d1, first, run('2024-04-01T00:00:00Z', first));
    const second = refreshWindow([s1.info], '2024-05-15', { countries: ['NER'] });
    // 8 weeks before 2024-03-31 is 2024-02-04: from the first of February.
    expect(second).toEqual({ since: '2024-02-01', through: '2024-05-15', countries: ['NER'] });
    const d2 = await deriveWindow(apiRecords(within(second), 'p'), second);
    const s2 = mergeWindow(s1, d2, second, run('2024-05-16T00:00:00Z', second));
    const whole = { since: '2024-01-01', through: '2024-05-15', countries: parseCountries('NER') };
    const all = await deriveWindow(apiRecords(within(whole), 'p'), whole);
    expect(s2.rows).toEqual(all.rows);
    expect(s2.daily).toEqual(all.daily);
    expect(s2.info.coverage).toEqual({ from: '2024-01-01', through: '2024-05-15' });
    expect(s2.info.retrieved).toBe('2024-05-16');
    expect(s2.info.id).toBe(REFRESH_SOURCE);
    expect(runRows(d2)).toMatchObject({ read: within(second).length, rejected: 0 });
    expect(runRows(d2).read).toBe(272);
  });

  it('rejects rows outside the window or of countries not asked for, and malformed elements, counting every row', async () => {
    const w = { since: '2024-05-01', through: '2024-05-15', countries: parseCountries('NER') };
    const ok = {
      event_id_cnty: 'X1',
      event_date: '2024-05-02',
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      inter1: 'State forces',
      inter2: 'Rebel group',
      civilian_targeting: '',
      country: 'Niger',
      admin1: 'Diffa',
      fatalities: '3',
      timestamp: '1',
    };
    const d = await deriveWindow(
      apiRecords(
        [
          ok,
          { ...ok, event_id_cnty: 'X2', event_date: '2024-04-30' },
          { ...ok, event_id_cnty: 'X3', country: 'Mali' },
          'not a row',
          { ...ok, event_id_cnty: 'X4', fatalities: 'many' },
          { ...ok, timestamp: '2', fatalities: '4' },
        ],
        'p',
      ),
      w,
    );
    expect(d.report.rows).toEqual({
      read: 6,
      accepted: 1,
      rejected: 4,
      duplicates: 1,
      byReason: { 'bad fatalities': 1, 'malformed row': 3 },
    });
    expect(d.rows.find((r) => r.category === 'battles' && r.admin1 === 'Diffa')).toMatchObject({ events: 1, fatalities: 4 });
  });

  it('windows: the default reaches 8 weeks back from the newest event-level day, from the first of the month; gaps and bad dates refused', () => {
    const niger = sourceInfo('acled-niger-events', 'event', '2024-05-15', { from: '2019-01-01', through: '2024-05-15' });
    const weekly = sourceInfo('w', 'aggregate', '2026-03-26', { from: '1997-01-04', through: '2026-03-20' });
    expect(refreshWindow([niger, weekly], '2026-12-01')).toEqual({
      since: '2024-03-01',
      through: '2026-12-01',
      countries: ['BFA', 'TCD', 'MLI', 'NER', 'NGA'],
    });
    expect(refreshWindow([niger], '2026-12-01', { since: '2026-10-17', countries: ['MLI'] }).since).toBe('2026-10-01');
    expect(() => refreshWindow([niger], '2026-12-01', { since: '2026-13-01' })).toThrow(/--since must be a date/);
    const api = {
      ...sourceInfo(REFRESH_SOURCE, 'event', '2026-06-01', { from: '2024-03-01', through: '2026-06-01' }),
      countries: { NER: { from: '2024-03-01', through: '2026-06-01', accepted: 1 } },
    };
    expect(() => refreshWindow([niger, api], '2026-12-01', { since: '2026-08-01' })).toThrow(
      /gap after the stored acled-api data \(through 2026-06-01\)/,
    );
    // Countries the stored refresh source gives are always refreshed with the ones asked for.
    expect(refreshWindow([niger, api], '2026-12-01', { countries: ['MLI'] }).countries).toEqual(['MLI', 'NER']);
    expect(() => parseCountries('NER,XYZ')).toThrow(/unknown country "XYZ"/);
  });
});
