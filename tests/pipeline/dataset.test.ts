import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../data/model/claims.ts';
import { sourceInfo } from '../fixtures/source-info.ts';
import type { AggregateRow, SeriesDoc, SourceInfo } from '../../data/model/types.ts';
import { derive } from '../../data/pipeline/aggregate.ts';
import { buildDataset, type Dataset } from '../../data/pipeline/dataset.ts';
import { EVENT_COLUMNS } from '../../data/pipeline/normalise.ts';
import { readCsv } from '../../data/pipeline/parse.ts';

const FIXTURE = new URL('../fixtures/events-small.csv', import.meta.url).pathname;

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
  const sources: { info: SourceInfo; rows: AggregateRow[] }[] = [
    { info: { ...sourceInfo('events', 'event', '2023-08-10', events.report.coverage), ...events.report }, rows: events.rows },
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
        admin1: [
          { name: 'Diffa', slug: 'diffa' },
          { name: 'Tillaberi', slug: 'tillaberi' },
        ],
        categories: [
          'political_violence',
          'battles',
          'explosions_remote_violence',
          'violence_against_civilians',
          'demonstrations',
          'protests',
          'riots',
          'strategic_developments',
          'civilian_targeting',
          'attacks_on_state_forces',
        ],
        months: { from: '2023-06', to: '2023-08' },
        partialMonths: ['2023-08'],
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
