/** Trend bands (model/trend.ts): a change against a trailing baseline, in bands with labels and definitions. */
import { describe, expect, it } from 'vitest';
import { change } from '../../model/change.ts';
import { pointTrend, TREND_BANDS, TREND_LABELS, trendBand } from '../../model/trend.ts';
import { TREND_DEFINITIONS } from '../../model/trend-definitions.ts';

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
  });
});
