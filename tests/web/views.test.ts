/**
 * Pure code behind the views: trend bands (data/model/trend.ts), overview figures, change and
 * composition summaries, region sentence, CSV merging, download names, annotations, and the
 * outline simplification (web/geo/simplify.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { change, type Change } from '../../data/model/change.ts';
import { pointTrend, TREND_BANDS, TREND_DEFINITIONS, TREND_LABELS, trendBand } from '../../data/model/trend.ts';
import type { Point, SeriesDoc, SeriesInfo } from '../../data/model/types.ts';
import { nigerAdmin1, rewindForD3, segmentDistance, signedArea2, simplifyLine, simplifyRing, type Ring } from '../../web/geo/simplify.ts';
import {
  ANNOTATIONS,
  changeSummary,
  compositionData,
  compositionSummary,
  compositionTable,
  coupMarkers,
  creditLine,
  defaultPeriods,
  downloadName,
  mergeCsv,
  overviewFigure,
  partialIndexes,
  regionSummary,
  seriesTable,
  sharedMax,
  trendDetail,
} from '../../web/src/shape.ts';
import { periodText } from '../../web/src/verdict.ts';

const DATASET = { version: 'v1', source: 'ACLED', credit: 'ACLED, www.acleddata.com', asOf: '2024-09-30' };
const info = (id: SeriesInfo['category']['id'], label: string, measure: SeriesInfo['measure'] = 'events'): SeriesInfo => ({
  country: { iso3: 'NER', name: 'Niger' },
  admin1: null,
  category: { id, label, definition: '' },
  measure,
});
function pt(month: string, value: number, extra: Partial<Point> = {}): Point {
  return {
    month,
    value,
    source: 'x',
    partial: false,
    vsPrevious: null,
    mean3: null,
    vsMean3: null,
    mean12: null,
    vsMean12: null,
    vsYearAgo: null,
    ...extra,
  };
}
const doc = (points: Point[], series = info('political_violence', 'Political violence')): SeriesDoc => ({
  dataset: DATASET,
  series,
  points,
});

describe('trend bands', () => {
  it('bands a change by its ratio to the baseline, boundaries included', () => {
    expect(trendBand(change(100, 150))).toBe('much_higher');
    expect(trendBand(change(100, 149))).toBe('higher');
    expect(trendBand(change(100, 115))).toBe('higher');
    expect(trendBand(change(100, 114))).toBe('stable');
    expect(trendBand(change(100, 100))).toBe('stable');
    expect(trendBand(change(115, 100))).toBe('lower');
    expect(trendBand(change(116, 100))).toBe('lower');
    expect(trendBand(change(114, 100))).toBe('stable');
    expect(trendBand(change(150, 100))).toBe('much_lower');
    expect(trendBand(change(149, 100))).toBe('lower');
    expect(trendBand(change(20, 0))).toBe('much_lower');
  });

  it('lets a low baseline override any band, and says when there is nothing to compare', () => {
    expect(trendBand(change(2, 40))).toBe('low_baseline');
    expect(trendBand(change(0, 5))).toBe('low_baseline');
    expect(trendBand(change(9.99, 1))).toBe('low_baseline');
    expect(trendBand(null)).toBe('no_comparison');
  });

  it('labels and defines every band', () => {
    for (const b of TREND_BANDS) {
      expect(TREND_LABELS[b]).toMatch(/^[A-Z]/);
      expect(TREND_DEFINITIONS[b].length).toBeGreaterThan(10);
    }
  });

  it('compares a month with its 12-month mean, else its 3-month mean; a partial month has no band', () => {
    const vs12 = change(40, 70);
    const vs3 = change(60, 70);
    expect(pointTrend({ partial: false, vsMean12: vs12, vsMean3: vs3 })).toEqual({
      band: 'much_higher',
      label: 'Much higher',
      baseline: 'mean12',
      change: vs12,
    });
    expect(pointTrend({ partial: false, vsMean12: null, vsMean3: vs3 })).toMatchObject({ band: 'higher', baseline: 'mean3' });
    expect(pointTrend({ partial: true, vsMean12: vs12, vsMean3: vs3 })).toMatchObject({ band: 'no_comparison', baseline: null });
    expect(trendDetail(pointTrend({ partial: false, vsMean12: vs12, vsMean3: null }))).toBe('vs 12-month mean of 40: +75% (1.75x)');
    expect(trendDetail(pointTrend({ partial: false, vsMean12: null, vsMean3: null }))).toBe('no trailing baseline to compare with');
  });
});

describe('overview figures', () => {
  it('takes the latest complete month, its change and band, and names a trailing partial month', () => {
    const prev: Change = change(30, 40);
    const d = doc([
      pt('2024-07', 30),
      pt('2024-08', 40, { vsPrevious: prev, vsMean12: change(20, 40) }),
      pt('2024-09', 5, { partial: true }),
    ]);
    expect(overviewFigure(d)).toEqual({
      month: '2024-08',
      value: 40,
      vsPrevious: prev,
      trend: { band: 'much_higher', label: 'Much higher', baseline: 'mean12', change: change(20, 40) },
      partialMonth: '2024-09',
    });
  });

  it('has no figure when no month is complete', () => {
    expect(overviewFigure(doc([pt('2024-09', 5, { partial: true })]))).toMatchObject({ month: null, value: null, partialMonth: '2024-09' });
    expect(overviewFigure(doc([]))).toMatchObject({ month: null, partialMonth: null });
  });

  it('shares one maximum across series', () => {
    expect(sharedMax([doc([pt('2024-01', 3), pt('2024-02', 9)]), doc([pt('2024-01', 12)])])).toBe(12);
    expect(sharedMax([doc([pt('2024-01', 0)])])).toBe(1);
  });
});

describe('chart sentences and tables', () => {
  it('summarises month-over-month changes', () => {
    const d = doc([
      pt('2024-01', 10),
      pt('2024-02', 30, { vsPrevious: change(10, 30) }),
      pt('2024-03', 5, { vsPrevious: change(30, 5) }),
      pt('2024-04', 9, { vsPrevious: change(5, 9) }),
    ]);
    expect(changeSummary(d)).toBe(
      'Month-over-month change in political violence events in Niger: largest rise +20 in February 2024, largest fall -25 in March 2024, 1 month on a low baseline.',
    );
    expect(changeSummary(doc([pt('2024-01', 10)]))).toBe(
      'No month-over-month change can be computed for political violence events in Niger in this range.',
    );
  });

  it('stacks event types by month and describes the latest complete month', () => {
    const battles = doc([pt('2024-01', 6), pt('2024-02', 4), pt('2024-03', 1, { partial: true })], info('battles', 'Battles'));
    const vac = doc(
      [pt('2024-02', 6), pt('2024-03', 2, { partial: true })],
      info('violence_against_civilians', 'Violence against civilians'),
    );
    const d = compositionData([battles, vac]);
    expect(d).toEqual({
      months: ['2024-01', '2024-02', '2024-03'],
      labels: ['Jan 2024', 'Feb 2024', 'Mar 2024'],
      stacks: [
        { id: 'battles', label: 'Battles', values: [6, 4, 1] },
        { id: 'violence_against_civilians', label: 'Violence against civilians', values: [null, 6, 2] },
      ],
      partial: [false, false, true],
    });
    expect(compositionSummary(d, 'events', 'Niger')).toBe(
      'In February 2024, Violence against civilians made up 60% of events in Niger (6 of 10), the largest of 2 event types.',
    );
    expect(compositionTable(d).rows[0]).toEqual(['January 2024', '6', 'n/a', '']);
    expect(compositionTable(d).rows[2]).toEqual(['March 2024', '1', '2', 'partial month (lower bound)']);
  });

  it('words the region ranking', () => {
    const rows = [
      { slug: 'tillaberi', name: 'Tillaberi', value: 30, change: null },
      { slug: 'diffa', name: 'Diffa', value: 12, change: null },
    ];
    expect(regionSummary({ month: '2023-08', rows }, 'political violence events', 'Niger')).toBe(
      'In August 2023, Tillaberi had the most political violence events of Niger’s regions (30), then Diffa (12).',
    );
    expect(regionSummary({ month: null, rows: [] }, 'x', 'Niger')).toBe('No month is complete in every region of Niger.');
  });

  it('tabulates a series with its flags', () => {
    const t = seriesTable(
      doc([
        pt('2024-01', 1200),
        pt('2024-02', 5, { vsPrevious: change(1200, 5) }),
        pt('2024-03', 9, { vsPrevious: change(5, 9), partial: true }),
      ]),
    );
    expect(t.head).toEqual(['Month', 'Events', 'Change vs previous month', 'Note']);
    expect(t.rows).toEqual([
      ['January 2024', '1,200', 'n/a', ''],
      ['February 2024', '5', '-1,195 (-99.6%)', ''],
      ['March 2024', '9', '+4 (+80%)', 'partial month (lower bound); low baseline'],
    ]);
    expect(partialIndexes([{ partial: false }, { partial: true }])).toEqual([1]);
  });
});

describe('periods in words', () => {
  it('writes a month, a range and a trailing window, as the API’s sentences do', () => {
    expect(periodText('2023-07')).toBe('July 2023');
    expect(periodText('2023-01..2023-08')).toBe('January–August 2023');
    expect(periodText('2022-12..2023-02')).toBe('December 2022–February 2023');
    expect(periodText('2023-01..2023-01')).toBe('January 2023');
    expect(periodText('trailing12')).toBe('the 12 months before');
  });

  it('writes days, day windows across months and years, and trailing days', () => {
    expect(periodText('2023-07-26')).toBe('26 July 2023');
    expect(periodText('2023-07-27..2023-08-25')).toBe('27 July–25 August 2023');
    expect(periodText('2023-12-30..2024-01-02')).toBe('30 December 2023–2 January 2024');
    expect(periodText('trailing30d')).toBe('the 30 days before');
  });
});

describe('downloads', () => {
  it('merges the API’s CSVs under one header and refuses different headers', () => {
    expect(mergeCsv(['a,b\r\n1,2\r\n', 'a,b\r\n3,4\r\n', ''])).toBe('a,b\r\n1,2\r\n3,4\r\n');
    expect(mergeCsv(['a,b\n1,2\n'])).toBe('a,b\r\n1,2\r\n');
    expect(mergeCsv([])).toBe('');
    expect(() => mergeCsv(['a,b\n1,2', 'a,c\n1,2'])).toThrow(/headers differ/);
  });

  it('names files with the filters and the dataset version', () => {
    expect(downloadName(['NER', null, 'political_violence', 'events', '2023-01'], '197c0117', 'csv')).toBe(
      'sahel-pulse_NER_political_violence_events_2023-01_197c0117.csv',
    );
    expect(downloadName(['NER', 'tillabéri x'], 'v/1', 'png')).toBe('sahel-pulse_NER_tillab-ri-x_v-1.png');
  });

  it('writes the credit line every view and download carries', () => {
    expect(creditLine(DATASET)).toBe('Source: ACLED, www.acleddata.com · dataset version v1 · data as of 30 September 2024');
  });

  it('defaults compare periods to the latest complete month and a year before', () => {
    expect(defaultPeriods({ months: { to: '2024-09' }, partialMonths: ['2024-09'] })).toEqual({ before: '2023-08', after: '2024-08' });
    expect(defaultPeriods({ months: { to: '2024-09' }, partialMonths: [] })).toEqual({ before: '2023-09', after: '2024-09' });
  });
});

describe('annotations file', () => {
  it('gives every turning point a date, a known country, a label and a source', () => {
    expect(ANNOTATIONS.length).toBeGreaterThanOrEqual(6);
    for (const a of ANNOTATIONS) {
      expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['BFA', 'TCD', 'MLI', 'NER', 'NGA']).toContain(a.country);
      expect(a.label.length).toBeGreaterThan(3);
      expect(a.source).toMatch(/^https:\/\//);
    }
    expect(coupMarkers('NER', ['2023-07'])).toEqual([{ index: 0, label: 'Coup, 26 Jul 2023', date: '2023-07-26' }]);
    expect(coupMarkers('BFA', ['2022-01', '2022-09']).map((m) => m.date)).toEqual(['2022-01-24', '2022-09-30']);
  });
});

describe('outline simplification', () => {
  it('measures distance to a segment', () => {
    expect(segmentDistance([0, 1], [0, 0], [2, 0])).toBe(1);
    expect(segmentDistance([3, 0], [0, 0], [2, 0])).toBe(1);
  });

  it('drops points within the tolerance and keeps the ends and the corners', () => {
    const line: [number, number][] = [
      [0, 0],
      [1, 0.001],
      [2, 0],
      [2, 1],
      [3, 1.0005],
      [4, 1],
    ];
    expect(simplifyLine(line, 0.01)).toEqual([
      [0, 0],
      [2, 0],
      [2, 1],
      [4, 1],
    ]);
  });

  it('keeps a ring closed, at least a triangle, and rounds it', () => {
    const square: Ring = [
      [0, 0],
      [0.5, 0.00001],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const r = simplifyRing(square, 0.01);
    expect(r[0]).toEqual(r.at(-1));
    expect(r).toHaveLength(5);
    const tiny: Ring = [
      [0, 0],
      [0.0001, 0],
      [0.0001, 0.0001],
      [0, 0],
    ];
    expect(simplifyRing(tiny, 1).length).toBeGreaterThanOrEqual(4);
  });

  it('winds exterior rings clockwise and holes counter-clockwise, as d3-geo wants', () => {
    const ccw: Ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(signedArea2(ccw)).toBeGreaterThan(0);
    const [outer, hole] = rewindForD3([ccw, ccw]);
    expect(signedArea2(outer!)).toBeLessThan(0);
    expect(signedArea2(hole!)).toBeGreaterThan(0);
  });

  it('the committed outlines are Niger’s 8 regions, small, with ACLED-matching slugs', async () => {
    const file = path.join(import.meta.dirname, '..', '..', 'web', 'geo', 'niger-admin1.json');
    const text = await readFile(file, 'utf8');
    expect(text.length).toBeLessThan(60_000);
    const geo = JSON.parse(text) as { features: { properties: { slug: string }; geometry: { type: string; coordinates: Ring[] } }[] };
    expect(geo.features.map((f) => f.properties.slug)).toEqual([
      'agadez',
      'diffa',
      'dosso',
      'maradi',
      'niamey',
      'tahoua',
      'tillaberi',
      'zinder',
    ]);
    for (const f of geo.features) if (f.geometry.type === 'Polygon') expect(signedArea2(f.geometry.coordinates[0]!)).toBeLessThan(0);
    // Re-running the script on a feature gives the same shapes.
    const again = nigerAdmin1(
      {
        features: [
          { type: 'Feature', properties: { adm0_a3: 'NER', name: 'Tillabéri' }, geometry: geo.features[6]!.geometry as never },
          { type: 'Feature', properties: { adm0_a3: 'MLI', name: 'Gao' }, geometry: geo.features[6]!.geometry as never },
        ],
      },
      0.01,
    );
    expect(again.features).toHaveLength(1);
    expect(again.features[0]!.properties).toEqual({ name: 'Tillabéri', slug: 'tillaberi' });
  });
});
