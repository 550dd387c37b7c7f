/**
 * The overview's shaping (web/src/views/overview-data.ts): each country's latest complete month,
 * its change and trend band, the trend's detail, and one y scale for all.
 */
import { describe, expect, it } from 'vitest';
import { type Change, change } from '../../../model/change.ts';
import { pointTrend } from '../../../model/trend.ts';
import type { Point, SeriesDoc, SeriesInfo } from '../../../model/types.ts';
import { overviewFigure, sharedMax, trendDetail } from '../../../web/src/views/overview-data.ts';

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
    provisional: false,
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

describe('trend detail', () => {
  it('words the change against the trailing mean, or says there is none', () => {
    const vs12 = change(40, 70);
    expect(trendDetail(pointTrend({ partial: false, vsMean12: vs12, vsMean3: null }))).toBe('vs 12-month mean of 40: +75% (1.75x)');
    expect(trendDetail(pointTrend({ partial: false, vsMean12: null, vsMean3: null }))).toBe('no trailing baseline to compare with');
  });
});
