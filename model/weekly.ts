/**
 * Weekly series: a geography's dense weekly counts -> the weeks asked for, each with its
 * week-over-week change, the trailing 4- and 52-week means and the changes against them, the
 * same week a year earlier (52 weeks back), and the low-baseline (in each change) and
 * provisional flags. Computed per request, bounded by the counts' own weeks before any loop.
 * Pure.
 */
import type { Measure } from './categories.ts';
import { change, round } from './change.ts';
import { expansion } from './month.ts';
import type { WeekCounts, WeekPoint } from './types.ts';
import { weekIndex, weekOfIndex } from './week.ts';

/** Trailing baselines in weeks: about a month, and a year (52 ACLED weeks). */
export const TRAILING_WEEKS = [4, 52] as const;

/** The week a year earlier is 52 weeks back: the same weekday, 364 days before. */
const YEAR_WEEKS = 52;

/**
 * The weeks from `from` to `to` (week starts; either may be null for the counts' own first or
 * last week) with their metrics. Weeks outside the counts are left out, never zeros; the range is
 * cut to the counts' weeks before any loop (a year 9999 costs nothing). A mean or change is null
 * when the weeks it needs reach before the first week counted.
 * @example weeklyPoints(counts, 'events', '2026-02-21', '2026-03-14') gives the newest four weeks, all provisional
 */
export function weeklyPoints(w: WeekCounts, measure: Measure, from: string | null, to: string | null): WeekPoint[] {
  const first = weekIndex(w.from);
  const last = weekIndex(w.through);
  const lo = Math.max(first, from === null ? first : weekIndex(from));
  const hi = Math.min(last, to === null ? last : weekIndex(to));
  if (hi < lo) return [];
  const values = w[measure];
  const provisional = weekIndex(w.provisionalFrom);
  // Prefix sums from the earliest week a mean needs (at most 52 before lo), so each mean is O(1).
  const start = Math.max(first, lo - YEAR_WEEKS);
  const sums = [0];
  for (let i = start; i <= hi; i++) sums.push(sums.at(-1)! + (values[i - first] ?? 0));
  expansion.steps += hi - start + 1;
  const at = (i: number) => values[i - first] ?? 0;
  const mean = (i: number, n: number): number | null => (i - n < first ? null : (sums[i - start]! - sums[i - n - start]!) / n);
  const out: WeekPoint[] = [];
  for (let i = lo; i <= hi; i++) {
    const value = at(i);
    const [mean4, mean52] = TRAILING_WEEKS.map((n) => mean(i, n)) as [number | null, number | null];
    out.push({
      week: weekOfIndex(i),
      value,
      provisional: i >= provisional,
      vsPrevious: i - 1 < first ? null : change(at(i - 1), value),
      mean4: mean4 === null ? null : round(mean4, 2),
      vsMean4: mean4 === null ? null : change(mean4, value),
      mean52: mean52 === null ? null : round(mean52, 2),
      vsMean52: mean52 === null ? null : change(mean52, value),
      vsYearAgo: i - YEAR_WEEKS < first ? null : change(at(i - YEAR_WEEKS), value),
    });
  }
  return out;
}
