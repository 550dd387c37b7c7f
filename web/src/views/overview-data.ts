/**
 * The overview's shaping: each country's latest complete month, its change and its trend band,
 * and one y scale for all. Pure: no DOM, no Chart.js.
 */
import type { Change } from '../../../model/change.ts';
import { fmtNum } from '../../../model/format.ts';
import { type PointTrend, pointTrend } from '../../../model/trend.ts';
import type { SeriesDoc } from '../../../model/types.ts';
import { fmtPct, fmtRatio } from '../format.ts';
import { latestComparison } from '../series-data.ts';

export interface OverviewFigure {
  /** Latest complete month, or null. */
  month: string | null;
  value: number | null;
  /** Against the previous month (null when it cannot be compared). */
  vsPrevious: Change | null;
  /** Against the trailing baseline (see model/trend.ts). */
  trend: PointTrend;
  /** The month after `month`, when the series has it in part only. */
  partialMonth: string | null;
}

/** The latest complete month of a series, its change and its trend band. */
export function overviewFigure(doc: SeriesDoc): OverviewFigure {
  const latest = latestComparison(doc.points);
  const last = doc.points.at(-1);
  const partialMonth = last?.partial ? last.month : null;
  if (!latest) {
    return {
      month: null,
      value: null,
      vsPrevious: null,
      trend: pointTrend({ partial: true, vsMean12: null, vsMean3: null }),
      partialMonth,
    };
  }
  return {
    month: latest.current.month,
    value: latest.current.value,
    vsPrevious: latest.change,
    trend: pointTrend(latest.current),
    partialMonth,
  };
}

/** @example 'vs 12-month mean of 31.5: +21% (1.21x)' */
export function trendDetail(t: PointTrend): string {
  if (!t.change || !t.baseline) return 'no trailing baseline to compare with';
  const months = t.baseline === 'mean12' ? 12 : 3;
  return `vs ${months}-month mean of ${fmtNum(t.change.base)}: ${fmtPct(t.change.pct)}${t.change.ratio === null ? '' : ` (${fmtRatio(t.change.ratio)})`}`;
}

/** The largest value across series (for a shared y scale), at least 1. */
export function sharedMax(docs: readonly SeriesDoc[]): number {
  return Math.max(1, ...docs.flatMap((d) => d.points.map((p) => p.value)));
}
