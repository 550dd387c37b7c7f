/**
 * Weekly sources in the dataset (data/build/weeks.ts, dataset.ts): WeeksDoc entries per country
 * (the sum of its admin1 rows, Gulf of Guinea included) and region, weekly counts beside the
 * daily ones, no calendar month from weeks, the precedence of monthly sources, and the
 * catalogue's regions, weeks, freshness and cross-checks. Hand-checkable data.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset, type DatasetInput } from '../../../data/build/dataset.ts';
import type { WeeklyCell } from '../../../data/derive/weekly.ts';
import { keys } from '../../../model/keys.ts';
import type { AggregateRow, CrossCheck, WeeksDoc } from '../../../model/types.ts';
import { sourceInfo } from '../../fixtures/source-info.ts';

const cell = (country: 'NER' | 'NGA', admin1: string, week: string, events: number, fatalities = 0): WeeklyCell => ({
  country,
  admin1,
  week,
  category: 'battles',
  events,
  fatalities,
});
const row = (country: string, admin1: string, month: string, events: number): AggregateRow => ({
  country,
  admin1,
  month,
  category: 'battles',
  events,
  fatalities: 0,
});

const CROSS: CrossCheck = {
  against: 'events',
  unit: 'week',
  country: 'NER',
  from: '2024-01-06',
  to: '2024-01-13',
  note: 'test',
  categories: [
    {
      category: 'battles',
      periods: 2,
      equalEvents: 1,
      equalBoth: 1,
      differences: [{ period: '2024-01-13', source: { events: 3, fatalities: 0 }, other: { events: 2, fatalities: 0 } }],
    },
  ],
};

const input = (): DatasetInput => ({
  claims: [],
  sources: [
    {
      info: sourceInfo('table', 'aggregate', '2024-04-02', { from: '2024-01-01', through: '2024-03-31' }),
      rows: [row('NER', '', '2024-01', 9), row('NER', '', '2024-02', 8), row('NER', '', '2024-03', 7)],
    },
    {
      // An HDX-like monthly admin1 file, retrieved later, through 10 April (April partial).
      info: {
        ...sourceInfo('hdx', 'aggregate', '2024-04-10', { from: '2024-02-01', through: '2024-04-10' }),
        unit: 'month',
        categories: ['battles'],
      },
      rows: [row('NER', 'Diffa', '2024-02', 4), row('NER', 'Diffa', '2024-03', 5), row('NER', 'Diffa', '2024-04', 1)],
    },
    {
      info: {
        ...sourceInfo('weekly', 'aggregate', '2024-04-20', { from: '2024-01-06', through: '2024-03-29' }),
        unit: 'week',
        categories: ['battles'],
        crosschecks: [CROSS],
      },
      rows: [],
      weekly: [
        cell('NER', 'Diffa', '2024-01-06', 2, 1),
        cell('NER', 'Tillaberi', '2024-01-06', 1),
        cell('NER', 'Tillaberi', '2024-01-13', 3),
        cell('NER', 'Diffa', '2024-03-23', 4),
        cell('NGA', 'Lagos', '2024-03-02', 1),
        cell('NGA', 'Gulf of Guinea', '2024-03-09', 2, 5),
      ],
    },
  ],
});

describe('weekly entries', () => {
  it('one per country (the sum of its admin1 rows, Gulf of Guinea included) and region, dense over the weeks, zeros real', async () => {
    const ds = await buildDataset(input());
    const doc = (geo: string) => JSON.parse(ds.entries.find((e) => e.key === keys.weeks(ds.version, geo, 'battles'))!.value) as WeeksDoc;
    const ner = doc('NER');
    expect([ner.from, ner.through, ner.provisionalFrom, ner.source]).toEqual(['2024-01-06', '2024-03-23', '2024-03-02', 'weekly']);
    expect(ner.events).toEqual([3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
    expect(ner.fatalities).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(doc('NER.tillaberi').events.slice(0, 3)).toEqual([1, 3, 0]);
    expect(doc('NER.diffa').info).toEqual({
      country: { iso3: 'NER', name: 'Niger' },
      admin1: { name: 'Diffa', slug: 'diffa' },
      category: expect.objectContaining({ id: 'battles', label: 'Battles' }),
    });
    // Nigeria: no row before 2 March; its weeks run from its first row to the source's last week.
    const nga = doc('NGA');
    expect([nga.from, nga.through, nga.events, nga.fatalities]).toEqual(['2024-03-02', '2024-03-23', [1, 2, 0, 0], [0, 5, 0, 0]]);
    expect(doc('NGA.gulf-of-guinea').events).toEqual([0, 2, 0, 0]);
    expect(ds.entries.filter((e) => e.key.includes(':weeks:')).map((e) => e.key.split(':').slice(3).join(':'))).toEqual([
      'NER.diffa:battles',
      'NER.tillaberi:battles',
      'NER:battles',
      'NGA.gulf-of-guinea:battles',
      'NGA.lagos:battles',
      'NGA:battles',
    ]);
  });

  it('never makes a calendar month from weeks; monthly sources keep their precedence (whole month, then newest retrieval)', async () => {
    const ds = await buildDataset(input());
    const months = (geo: string) =>
      ds.series
        .filter(
          (s) =>
            `${s.series.country.iso3}${s.series.admin1 ? `.${s.series.admin1.slug}` : ''}` === geo &&
            s.series.measure === 'events' &&
            s.series.category.id === 'battles',
        )
        .flatMap((s) => s.points.map((p) => [p.month, p.value, p.source, p.partial, p.provisional]));
    // Niger's country months: HDX (its admin1 rows summed) from February, where it covers whole
    // months and was retrieved later; the table before; April from HDX alone, partial and provisional.
    // The weekly counts (3 + 3 events in January) give no month at all.
    expect(months('NER')).toEqual([
      ['2024-01', 9, 'table', false, false],
      ['2024-02', 4, 'hdx', false, false],
      ['2024-03', 5, 'hdx', false, false],
      ['2024-04', 1, 'hdx', true, true],
    ]);
    expect(months('NER.diffa')).toEqual([
      ['2024-02', 4, 'hdx', false, false],
      ['2024-03', 5, 'hdx', false, false],
      ['2024-04', 1, 'hdx', true, true],
    ]);
    // Weekly-only regions and countries have no monthly series.
    expect(months('NER.tillaberi')).toEqual([]);
    expect(months('NGA')).toEqual([]);
  });

  it('lists in the catalogue every region (weekly ones too), the weeks, freshness per unit and source, and the cross-checks', async () => {
    const { catalogue: c } = await buildDataset(input());
    const ner = c.countries.find((x) => x.iso3 === 'NER')!;
    expect(ner.admin1.map((r) => r.name)).toEqual(['Diffa', 'Tillaberi']);
    expect(ner.weeks).toEqual({
      source: 'weekly',
      from: '2024-01-06',
      to: '2024-03-23',
      through: '2024-03-29',
      provisionalFrom: '2024-03-02',
      categories: ['battles'],
    });
    expect(ner.freshness).toEqual([
      {
        unit: 'month',
        source: 'table',
        from: '2024-01-01',
        through: '2024-03-31',
        provisional: { from: '2024-03-01', through: '2024-03-31' },
      },
      {
        unit: 'month',
        source: 'hdx',
        from: '2024-02-01',
        through: '2024-04-10',
        provisional: { from: '2024-04-01', through: '2024-04-10' },
      },
      {
        unit: 'week',
        source: 'weekly',
        from: '2024-01-06',
        through: '2024-03-29',
        provisional: { from: '2024-03-02', through: '2024-03-29' },
      },
    ]);
    expect(c.countries.find((x) => x.iso3 === 'NGA')!.admin1.map((r) => r.name)).toEqual(['Gulf of Guinea', 'Lagos']);
    expect(c.crossChecks).toEqual([{ source: 'weekly', ...CROSS }]);
    expect(c.precedence).toMatch(/never from weekly counts/);
  });

  it('puts the country weekly counts beside its daily ones, so one entry answers a window either way', async () => {
    const ds = await buildDataset(input());
    const days = ds.days.find((d) => d.series.country.iso3 === 'NER' && d.series.category.id === 'battles')!;
    expect(days.days).toBeNull();
    expect(days.weeks).toMatchObject({
      source: 'weekly',
      from: '2024-01-06',
      through: '2024-03-23',
      events: [3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4],
    });
    expect(ds.days.some((d) => d.series.country.iso3 === 'NGA')).toBe(true);
  });
});
