/**
 * The overview's shaping (web/src/views/overview-data.ts): each country's headline, the last four
 * ACLED weeks against the four before and the same four weeks a year earlier, banded as
 * /api/v1/compare bands them (provisional said); the weeks requested; one y scale for all; means
 * to one decimal.
 */
import { describe, expect, it } from 'vitest';
import type { WeekSeries } from '../../../model/api.ts';
import { change } from '../../../model/change.ts';
import type { WeekPoint } from '../../../model/types.ts';
import { addWeeks } from '../../../model/week.ts';
import { fmtMean } from '../../../web/src/format.ts';
import { OVERVIEW_WEEKS, overviewFromWeek, sharedMax, weeklyHeadline, windowLabel } from '../../../web/src/views/overview-data.ts';
import { rankingFromWeek, regionKey, regionWeekRanking } from '../../../web/src/views/region-ranking.ts';
import { wp } from '../fixtures.ts';

/** `n` weeks ending with the week of 14 March 2026, values from `value(i)`, the last four provisional. */
function weeks(n: number, value: (i: number) => number): WeekPoint[] {
  const first = addWeeks('2026-03-14', 1 - n);
  return Array.from({ length: n }, (_, i) => wp(addWeeks(first, i), value(i), i >= n - 4));
}

describe('weekly headline', () => {
  it('sums the last four weeks, the four before and the four a year earlier, and bands them as provisional', () => {
    // 60 weeks: index 4..7 is a year before 56..59 (52 weeks), 52..55 the four before.
    const pts = weeks(60, (i) => (i >= 56 ? 10 : i >= 52 ? 20 : i >= 4 && i <= 7 ? 5 : 1));
    const hl = weeklyHeadline(pts)!;
    expect(hl.current).toEqual({ from: '2026-02-21', to: '2026-03-20', total: 40, provisional: true });
    expect(windowLabel(hl.current)).toBe('21 February–20 March 2026');
    expect(hl.vsPrevious).toMatchObject({
      base: { from: '2026-01-24', to: '2026-02-20', total: 80, provisional: false },
      change: change(80, 40),
      band: 'much_lower',
      settled: false,
      label: 'Much lower (provisional)',
    });
    expect(hl.vsYearAgo).toMatchObject({
      base: { from: '2025-02-22', to: '2025-03-21', total: 20 },
      change: change(20, 40),
      band: 'much_higher',
      label: 'Much higher (provisional)',
    });
  });

  it('gives the low-baseline band below ten, and no year-earlier comparison without those weeks', () => {
    const hl = weeklyHeadline(weeks(8, (i) => (i < 4 ? 2 : 3)))!;
    expect(hl.vsPrevious).toMatchObject({ band: 'low_baseline', label: 'Low baseline (provisional)' });
    expect(hl.vsYearAgo).toBeNull();
  });

  it('is settled when no week is provisional', () => {
    const pts = weeks(8, () => 12).map((p) => ({ ...p, provisional: false }));
    expect(weeklyHeadline(pts)!.vsPrevious).toMatchObject({ band: 'stable', settled: true, label: 'Stable' });
  });

  it('has no headline with fewer than four weeks', () => {
    expect(weeklyHeadline(weeks(3, () => 1))).toBeNull();
    expect(weeklyHeadline([])).toBeNull();
  });

  it('requests the 60 weeks a year-earlier comparison needs', () => {
    expect(OVERVIEW_WEEKS).toBe(60);
    expect(overviewFromWeek('2026-03-14')).toBe('2025-01-25');
  });
});

describe('regions ranked on their last four weeks', () => {
  const region = (name: string, slug: string, values: number[]): WeekSeries => ({
    dataset: { version: 'v1', source: 'ACLED', credit: 'ACLED, www.acleddata.com', asOf: '2026-04-22' },
    unit: 'week',
    series: {
      country: { iso3: 'NGA', name: 'Nigeria' },
      admin1: { name, slug },
      category: { id: 'political_violence', label: 'Political violence', definition: '' },
      measure: 'events',
    },
    source: 'w',
    weeks: { from: '1997-01-04', through: '2026-03-14', provisionalFrom: '2026-02-21' },
    points: weeks(values.length, (i) => values[i]!),
  });

  it('ranks by the four weeks’ total, ties by name, with the change from the four before', () => {
    // Hand-made: eight weeks each (the four before, then the last four).
    const r = regionWeekRanking([
      region('Kano', 'kano', [1, 1, 1, 1, 2, 2, 2, 2]),
      region('Borno', 'borno', [10, 10, 10, 10, 20, 20, 20, 20]),
      region('Abia', 'abia', [0, 0, 0, 0, 2, 2, 2, 2]),
    ]);
    expect(r.window).toEqual({ from: '2026-02-21', to: '2026-03-20', provisional: true });
    expect(r.rows.map((x) => [x.slug, x.value, x.change?.base])).toEqual([
      ['borno', 80, 40],
      ['abia', 8, 0],
      ['kano', 8, 4],
    ]);
    expect(regionWeekRanking([]).window).toBeNull();
  });

  it('requests eight weeks per region, and keys regions by country', () => {
    expect(rankingFromWeek('2026-03-14')).toBe('2026-01-24');
    expect(regionKey('NGA', 'borno')).toBe('NGA:borno');
  });
});

describe('shared scale and means', () => {
  it('shares one maximum across series, at least 1', () => {
    expect(sharedMax([[{ value: 3 }, { value: 9 }], [{ value: 12 }]])).toBe(12);
    expect(sharedMax([[{ value: 0 }]])).toBe(1);
  });

  it('writes means to at most one decimal', () => {
    expect(fmtMean(31.47)).toBe('31.5');
    expect(fmtMean(1234.04)).toBe('1,234');
    expect(fmtMean(23.75)).toBe('23.8');
  });
});
