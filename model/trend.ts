/**
 * Trend bands: how a month compares with its trailing baseline, in five words, in the spirit of
 * ACLED's Trendfinder ("much higher / higher / stable / lower / much lower" than usual). Shared
 * by the page (overview cards, compare card) and the Worker (compare route). Pure: no DOM, no Node.
 *
 * Thresholds are on the ratio value / baseline, symmetric on a log scale so that "twice" and
 * "half" are equally strong:
 *   ratio >= 1.5        much higher   (at least +50%)
 *   1.15 <= ratio < 1.5 higher        (+15% to +50%)
 *   1/1.15 < r < 1.15   stable        (within about ±15%)
 *   1/1.5 < r <= 1/1.15 lower         (about -13% to -33%)
 *   ratio <= 1/1.5      much lower    (at most about -33%)
 * A baseline below LOW_BASELINE overrides the band: such ratios move by tens of percent with one
 * event more or less, so they are reported as "low baseline", never as a strong band.
 */
import type { Change } from './change.ts';
import type { Point } from './types.ts';

/** Every band, strongest rise first. */
export const TREND_BANDS = ['much_higher', 'higher', 'stable', 'lower', 'much_lower', 'low_baseline', 'no_comparison'] as const;
export type TrendBand = (typeof TREND_BANDS)[number];

/** Ratio thresholds (value / baseline); lower bands use the reciprocals. */
export const TREND_THRESHOLDS = { strong: 1.5, moderate: 1.15 } as const;

export const TREND_LABELS: Record<TrendBand, string> = {
  much_higher: 'Much higher',
  higher: 'Higher',
  stable: 'Stable',
  lower: 'Lower',
  much_lower: 'Much lower',
  low_baseline: 'Low baseline',
  no_comparison: 'No comparison',
};

/** A symbol per band, so that a band is never told by colour alone. */
export const TREND_SYMBOLS: Record<TrendBand, string> = {
  much_higher: '▲▲',
  higher: '▲',
  stable: '▬',
  lower: '▼',
  much_lower: '▼▼',
  low_baseline: '•',
  no_comparison: '–',
};

/**
 * The band of a change. `null` (nothing to compare) -> no_comparison; a low baseline ->
 * low_baseline whatever the ratio; a zero base cannot occur without lowBaseline (0 < LOW_BASELINE).
 * Uses value / base directly rather than the rounded `ratio`, so boundaries are exact.
 */
export function trendBand(c: Change | null): TrendBand {
  if (c === null) return 'no_comparison';
  if (c.lowBaseline || c.base <= 0) return 'low_baseline';
  const r = c.value / c.base;
  const { strong, moderate } = TREND_THRESHOLDS;
  if (r >= strong) return 'much_higher';
  if (r >= moderate) return 'higher';
  if (r * strong <= 1) return 'much_lower';
  if (r * moderate <= 1) return 'lower';
  return 'stable';
}

export interface PointTrend {
  band: TrendBand;
  label: string;
  /** Which trailing baseline was used: the 12-month mean when the series has one, else the 3-month mean. */
  baseline: 'mean12' | 'mean3' | null;
  change: Change | null;
}

/**
 * A month against its trailing baseline: the mean of the 12 months before it (as Trendfinder
 * compares with the past year), falling back to the 3-month mean early in a series. A partial
 * month has no band (its value is a lower bound).
 */
export function pointTrend(p: Pick<Point, 'partial' | 'vsMean12' | 'vsMean3'>): PointTrend {
  if (p.partial) return { band: 'no_comparison', label: TREND_LABELS.no_comparison, baseline: null, change: null };
  const baseline = p.vsMean12 ? 'mean12' : p.vsMean3 ? 'mean3' : null;
  const change = p.vsMean12 ?? p.vsMean3 ?? null;
  const band = trendBand(change);
  return { band, label: TREND_LABELS[band], baseline, change };
}
