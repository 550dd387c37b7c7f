/**
 * The overview's shaping: each country's headline (the last four complete ACLED weeks against the
 * four before and the same four weeks a year earlier, as /api/v1/compare compares them), the
 * weekly chart's data, and one y scale for all. Pure: no DOM, no Chart.js.
 */

import { type Change, change } from '../../../model/change.ts';
import { type TrendBand, trendBand } from '../../../model/trend.ts';
import type { WeekPoint } from '../../../model/types.ts';
import { addWeeks, weekEnd } from '../../../model/week.ts';
import { fmtDays } from '../format.ts';
import { t } from '../messages.ts';

/** Weeks in a headline window: the last four complete ACLED weeks. */
export const HEADLINE_WEEKS = 4;
/** The year-earlier window starts 52 weeks back (as the API's vsYearAgo). */
const YEAR_WEEKS = 52;
/** Weeks the overview's weekly charts show, and request: enough for the year-earlier window. */
export const OVERVIEW_WEEKS = YEAR_WEEKS + 2 * HEADLINE_WEEKS;

/** The first week the overview requests, for a series whose last week is `lastWeek`. */
export const overviewFromWeek = (lastWeek: string): string => addWeeks(lastWeek, 1 - OVERVIEW_WEEKS);

/** A run of whole weeks and its total. */
export interface WeekWindow {
  /** First Saturday and last Friday: the days covered. */
  from: string;
  to: string;
  total: number;
  /** Some of its weeks are provisional (ACLED may still revise them). */
  provisional: boolean;
}

/** A comparison of the headline window with a baseline window, banded as the API bands it. */
export interface WeekComparison {
  base: WeekWindow;
  change: Change;
  band: TrendBand;
  /** false when either window is provisional: the band is then labelled so. */
  settled: boolean;
  /** As /api/v1/compare labels it: 'Much lower (provisional)'. */
  label: string;
}

export interface WeeklyHeadline {
  current: WeekWindow;
  vsPrevious: WeekComparison | null;
  vsYearAgo: WeekComparison | null;
}

/** The window of `n` weeks from `first` (a week start), when the points hold all of them. */
function windowAt(points: readonly WeekPoint[], first: string, n: number): WeekWindow | null {
  const i = points.findIndex((p) => p.week === first);
  if (i < 0 || i + n > points.length) return null;
  const ws = points.slice(i, i + n);
  return {
    from: first,
    to: weekEnd(ws.at(-1)!.week),
    total: ws.reduce((a, p) => a + p.value, 0),
    provisional: ws.some((p) => p.provisional),
  };
}

function comparison(base: WeekWindow | null, current: WeekWindow): WeekComparison | null {
  if (!base) return null;
  const c = change(base.total, current.total);
  const band = trendBand(c);
  const settled = !base.provisional && !current.provisional;
  return { base, change: c, band, settled, label: settled ? t.trend(band) : t.provisional(t.trend(band)) };
}

/**
 * The last four weeks of a weekly series (its newest weeks: ACLED's weekly file has whole weeks
 * only) against the four before and the same four weeks 52 weeks earlier; null without four weeks.
 */
export function weeklyHeadline(points: readonly WeekPoint[]): WeeklyHeadline | null {
  const last = points.at(-1);
  if (!last || points.length < HEADLINE_WEEKS) return null;
  const first = addWeeks(last.week, 1 - HEADLINE_WEEKS);
  const current = windowAt(points, first, HEADLINE_WEEKS);
  if (!current) return null;
  return {
    current,
    vsPrevious: comparison(windowAt(points, addWeeks(first, -HEADLINE_WEEKS), HEADLINE_WEEKS), current),
    vsYearAgo: comparison(windowAt(points, addWeeks(first, -YEAR_WEEKS), HEADLINE_WEEKS), current),
  };
}

/** A window's days in words. @example windowLabel({ from: '2026-02-21', to: '2026-03-20' }) === '21 February–20 March 2026' */
export const windowLabel = (w: Pick<WeekWindow, 'from' | 'to'>): string => fmtDays(w.from, w.to);

/** The largest value across series (for a shared y scale), at least 1. */
export function sharedMax(series: readonly (readonly { value: number }[])[]): number {
  return Math.max(1, ...series.flatMap((s) => s.map((p) => p.value)));
}
