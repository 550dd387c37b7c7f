import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset, type Dataset, type DatasetInput } from '../../../data/build/dataset.ts';
import { derive } from '../../../data/derive/aggregate.ts';
import { EVENT_COLUMNS } from '../../../data/derive/normalise.ts';
import { readCsv } from '../../../data/derive/parse.ts';
import { ReconciliationError } from '../../../data/derive/reconcile.ts';
import { CATEGORY_IDS } from '../../../model/categories.ts';
import type { Claim } from '../../../model/claim.ts';
import { DAY_WINDOWS_RULE } from '../../../model/days.ts';
import type { AggregateRow, SeriesDoc } from '../../../model/types.ts';
import { sourceInfo } from '../../fixtures/source-info.ts';

const FIXTURE = new URL('../../fixtures/events-small.csv', import.meta.url).pathname;

/** A later, whole-month country table for Niger July-August 2023 (like the ACLED Explorer). */
const TABLE_ROWS: AggregateRow[] = [
  { country: 'NER', admin1: '', month: '2023-07', category: 'political_violence', events: 3, fatalities: 15 },
  { country: 'NER', admin1: '', month: '2023-08', category: 'political_violence', events: 5, fatalities: 12 },
];

const CLAIMS: Claim[] = [
  {
    id: 'test-claim',
    quote: 'Attacks on civilians more than doubled in July.',
    claimant: { name: 'test', date: null, url: null },
    interpretation: 'test',
    readings: [
      {
        country: 'NER',
        admin1: null,
        category: 'civilian_targeting',
        measure: 'events',
        before: '2023-06',
        after: '2023-07',
        relation: { kind: 'ratio_gte', value: 2, wording: 'doubled' },
      },
      {
        country: 'NER',
        admin1: null,
        category: 'civilian_targeting',
        measure: 'fatalities',
        before: '2023-06',
        after: '2023-07',
        relation: { kind: 'ratio_gte', value: 2, wording: 'doubled' },
      },
      {
        country: 'NER',
        admin1: null,
        category: 'civilian_targeting',
        measure: 'events',
        before: '2023-07',
        after: '2023-08',
        relation: { kind: 'ratio_gte', value: 2, wording: 'doubled' },
      },
    ],
  },
];

async function build(withTable: boolean): Promise<Dataset> {
  const events = await derive(readCsv(createReadStream(FIXTURE), 'events-small.csv', EVENT_COLUMNS), 'event');
  const daily = { file: 'events-daily.csv', ...events.report.coverage, rows: events.daily.length };
  const sources: DatasetInput['sources'] = [
    {
      info: { ...sourceInfo('events', 'event', '2023-08-10', events.report.coverage), ...events.report, daily },
      rows: events.rows,
      daily: events.daily,
    },
  ];
  if (withTable)
    sources.push({ info: sourceInfo('table', 'aggregate', '2023-10-01', { from: '2023-07-01', through: '2023-08-31' }), rows: TABLE_ROWS });
  return buildDataset({ sources, claims: CLAIMS });
}

function find(ds: Dataset, geo: string, category: string, measure: string): SeriesDoc {
  const s = ds.series.find(
    (x) =>
      [x.series.country.iso3, x.series.admin1?.slug].filter(Boolean).join('.') === geo &&
      x.series.category.id === category &&
      x.series.measure === measure,
  );
  if (!s) throw new Error(`no series ${geo} ${category} ${measure}`);
  return s;
}

describe('buildDataset on the event fixture alone', () => {
  it('gives monthly values with month-over-month changes, low-baseline and partial-month flags', async () => {
    const pv = find(await build(false), 'NER', 'political_violence', 'events');
    expect(pv.points.map((p) => [p.month, p.value, p.partial])).toEqual([
      ['2023-06', 2, false],
      ['2023-07', 3, false],
      ['2023-08', 2, true],
    ]);
    // 2 -> 3 is +50%, on a base below 10: flagged.
    expect(pv.points[1]!.vsPrevious).toEqual({ base: 2, value: 3, abs: 1, pct: 50, ratio: 1.5, lowBaseline: true });
    // August ends on the 10th: no change is computed, so it cannot read as a fall.
    expect(pv.points[2]!.vsPrevious).toBeNull();
    expect(pv.points.every((p) => p.mean3 === null && p.vsYearAgo === null)).toBe(true);
  });

  it('builds region series and event-level categories', async () => {
    const ds = await build(false);
    expect(find(ds, 'NER.tillaberi', 'attacks_on_state_forces', 'fatalities').points.map((p) => p.value)).toEqual([5, 7, 10]);
    expect(find(ds, 'NER.diffa', 'civilian_targeting', 'events').points.map((p) => p.value)).toEqual([0, 2, 1]);
    expect(ds.catalogue.countries).toEqual([
      {
        iso3: 'NER',
        name: 'Niger',
        // Each region with the categories it has monthly series of: all of them in the event fixture.
        admin1: [
          {
            name: 'Diffa',
            slug: 'diffa',
            categories: [...CATEGORY_IDS],
          },
          {
            name: 'Tillaberi',
            slug: 'tillaberi',
            categories: [...CATEGORY_IDS],
          },
        ],
        categories: [...CATEGORY_IDS],
        months: { from: '2023-06', to: '2023-08' },
        // Every category of the event fixture runs over the same months.
        categoryMonths: Object.fromEntries(ds.catalogue.countries[0]!.categories.map((c) => [c, { from: '2023-06', to: '2023-08' }])),
        partialMonths: ['2023-08'],
        days: { from: '2023-06-01', through: '2023-08-10', source: 'events' },
        weeks: null,
        // An event-level source counts by day and by month; its newest four weeks, and the month of its end, are provisional.
        freshness: [
          {
            unit: 'day',
            source: 'events',
            from: '2023-06-01',
            through: '2023-08-10',
            provisional: { from: '2023-07-14', through: '2023-08-10' },
          },
          {
            unit: 'month',
            source: 'events',
            from: '2023-06-03',
            through: '2023-08-10',
            provisional: { from: '2023-08-01', through: '2023-08-10' },
          },
        ],
      },
    ]);
  });

  it('evaluates claims from the numbers, and will not decide on a partial month', async () => {
    const [claim] = (await build(false)).claims.claims;
    expect(claim!.readings.map((r) => [r.beforeValue, r.afterValue, r.holds])).toEqual([
      [1, 2, true],
      [2, 5, true],
      [2, 1, null],
    ]);
    expect(claim!.verdict).toBe('partly_supported');
    expect(claim!.readings[0]!.sentence).toBe(
      'Civilian targeting events in Niger rose from 1 in June 2023 to 2 in July 2023 (+100%, 2x); "doubled" (at least 2x) holds.',
    );
    expect(claim!.readings[0]!.caveats).toEqual(['low baseline: fewer than 10 in June 2023, percentages are unstable']);
  });

  it('is deterministic: same input, same version and bytes', async () => {
    const [a, b] = [await build(false), await build(false)];
    expect(a.version).toMatch(/^[0-9a-f]{12}$/);
    expect(b.version).toBe(a.version);
    expect(b.entries).toEqual(a.entries);
    expect(a.entries.every((e) => e.key.startsWith(`v:${a.version}:`))).toBe(true);
  });
});

describe('buildDataset with two sources for one country', () => {
  it('takes each country-month from the whole-month, most recent source', async () => {
    const pv = find(await build(true), 'NER', 'political_violence', 'fatalities');
    expect(pv.points.map((p) => [p.month, p.value, p.source, p.partial])).toEqual([
      ['2023-06', 7, 'events', false],
      ['2023-07', 15, 'table', false],
      ['2023-08', 12, 'table', false],
    ]);
  });

  it('still takes regions and event-level categories from the event source', async () => {
    const ds = await build(true);
    expect(find(ds, 'NER', 'civilian_targeting', 'events').points.map((p) => [p.value, p.source, p.partial])).toEqual([
      [1, 'events', false],
      [2, 'events', false],
      [1, 'events', true],
    ]);
    expect(find(ds, 'NER.tillaberi', 'political_violence', 'events').points.map((p) => p.source)).toEqual(['events', 'events', 'events']);
  });

  it('reports where the sources disagree', async () => {
    const { disagreements } = (await build(true)).catalogue;
    expect(disagreements.filter((d) => d.category === 'political_violence')).toEqual([
      {
        country: 'NER',
        month: '2023-07',
        category: 'political_violence',
        measure: 'fatalities',
        values: { events: 14, table: 15 },
        used: 'table',
        partial: false,
      },
      {
        country: 'NER',
        month: '2023-08',
        category: 'political_violence',
        measure: 'events',
        values: { events: 2, table: 5 },
        used: 'table',
        partial: true,
      },
      {
        country: 'NER',
        month: '2023-08',
        category: 'political_violence',
        measure: 'fatalities',
        values: { events: 10, table: 12 },
        used: 'table',
        partial: true,
      },
    ]);
  });
});

describe('buildDataset: daily counts', () => {
  async function sources(): Promise<DatasetInput['sources']> {
    const events = await derive(readCsv(createReadStream(FIXTURE), 'events-small.csv', EVENT_COLUMNS), 'event');
    return [
      {
        info: {
          ...sourceInfo('events', 'event', '2023-08-10', events.report.coverage),
          daily: { file: 'events-daily.csv', ...events.report.coverage, rows: events.daily.length },
        },
        rows: events.rows,
        daily: events.daily,
      },
      {
        info: sourceInfo('table', 'aggregate', '2023-10-01', { from: '2023-07-01', through: '2023-08-31' }),
        rows: [{ country: 'MLI', admin1: '', month: '2023-07', category: 'battles', events: 4, fatalities: 9 }],
      },
    ];
  }

  it('stores one entry per country and category, both measures, dense over the days covered', async () => {
    const ds = await buildDataset({ sources: await sources(), claims: CLAIMS });
    const pv = ds.days.find((d) => d.series.country.iso3 === 'NER' && d.series.category.id === 'political_violence')!;
    const { dataset, ...rest } = pv;
    expect(dataset.version).toBe(ds.version);
    const zeros = (n: number) => new Array<number>(n).fill(0);
    // 2023-06-01..2023-08-10 is 71 days: events on 3 and 10 June, 1, 2 and 15 July, 5 and 10 August.
    const at = (pairs: [number, number][]) => {
      const a = zeros(71);
      for (const [i, v] of pairs) a[i] = v;
      return a;
    };
    expect(rest).toEqual({
      series: {
        country: { iso3: 'NER', name: 'Niger' },
        category: { id: 'political_violence', label: 'Political violence', definition: pv.series.category.definition },
      },
      days: {
        source: 'events',
        from: '2023-06-01',
        through: '2023-08-10',
        events: at([
          [2, 1],
          [9, 1],
          [30, 1],
          [31, 1],
          [44, 1],
          [65, 1],
          [70, 1],
        ]),
        fatalities: at([
          [2, 5],
          [9, 2],
          [30, 7],
          [31, 3],
          [44, 4],
          [65, 10],
          [70, 0],
        ]),
      },
      why: null,
    });
    const keysOf = ds.entries.filter((e) => e.key.includes(':days:')).map((e) => e.key.replace(`v:${ds.version}:`, ''));
    expect(keysOf).toEqual([
      // Mali: every event-type category of its monthly table, each saying why it has no days.
      'days:MLI:battles',
      'days:MLI:demonstrations',
      'days:MLI:explosions_remote_violence',
      'days:MLI:political_violence',
      'days:MLI:protests',
      'days:MLI:riots',
      'days:MLI:strategic_developments',
      'days:MLI:violence_against_civilians',
      'days:NER:attacks_on_state_forces',
      'days:NER:battles',
      'days:NER:civilian_targeting',
      'days:NER:demonstrations',
      'days:NER:demonstrations_acled',
      'days:NER:explosions_remote_violence',
      'days:NER:political_violence',
      'days:NER:political_violence_acled',
      'days:NER:protests',
      'days:NER:riots',
      'days:NER:strategic_developments',
      'days:NER:violence_against_civilians',
    ]);
    const mali = ds.days.find((d) => d.series.country.iso3 === 'MLI' && d.series.category.id === 'battles')!;
    expect([mali.days, mali.why]).toEqual([
      null,
      `Mali has no event-level source (only country x month tables), so it has no daily counts; daily counts exist for Niger (NER, 2023-06-01 to 2023-08-10). ${DAY_WINDOWS_RULE}`,
    ]);
    expect(ds.catalogue.countries.map((c) => [c.iso3, c.days])).toEqual([
      ['MLI', null],
      ['NER', { from: '2023-06-01', through: '2023-08-10', source: 'events' }],
    ]);
  });

  it('puts the daily counts in the version: moving an event to another day of its month changes it', async () => {
    const a = await buildDataset({ sources: await sources(), claims: CLAIMS });
    const moved = await sources();
    moved[0]!.daily = moved[0]!.daily!.map((d) => (d.date === '2023-07-02' ? { ...d, date: '2023-07-03' } : d));
    const b = await buildDataset({ sources: moved, claims: CLAIMS });
    expect(b.version).not.toBe(a.version);
    expect(b.entries.filter((e) => !e.key.includes(':days:')).map((e) => e.value.replaceAll(b.version, a.version))).toEqual(
      a.entries.filter((e) => !e.key.includes(':days:')).map((e) => e.value),
    );
  });

  it('fails loudly on daily counts that do not add up to the monthly ones, or lie outside the days covered', async () => {
    const off = await sources();
    off[0]!.daily = off[0]!.daily!.map((d) =>
      d.date === '2023-07-15' && d.category === 'political_violence' ? { ...d, fatalities: 40 } : d,
    );
    await expect(buildDataset({ sources: off, claims: CLAIMS })).rejects.toThrow(
      new ReconciliationError(
        'daily aggregates do not add up to the monthly ones in 1 cell(s): NER 2023-07 political_violence: days hold 3 events, 50 fatalities; months hold 3 events, 14 fatalities',
      ),
    );
    const late = await sources();
    late[0]!.daily = late[0]!.daily!.map((d) => (d.date === '2023-08-10' ? { ...d, date: '2023-08-11' } : d));
    await expect(buildDataset({ sources: late, claims: CLAIMS })).rejects.toThrow(
      'events-daily.csv: 2023-08-11 is outside the days the source covers (2023-06-01 to 2023-08-10); re-run npm run data:derive',
    );
    const missing = await sources();
    delete missing[0]!.daily;
    await expect(buildDataset({ sources: missing, claims: CLAIMS })).rejects.toThrow(
      'events: sources.json names the daily file events-daily.csv but no daily rows were given',
    );
  });

  it('refuses an ill-formed claims file', async () => {
    const bad: Claim = { ...CLAIMS[0]!, readings: [{ ...CLAIMS[0]!.readings[0]!, before: '2023-06-31', after: '2023-07-01' }] };
    await expect(buildDataset({ sources: await sources(), claims: [bad] })).rejects.toThrow(
      'the claims file is not valid: claim test-claim readings[0]: 2023-06-31 is not a calendar day: June 2023 has 30 days',
    );
  });
});
