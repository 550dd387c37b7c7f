/** Weekly series metrics (model/weekly.ts): exact numbers on hand-checkable counts, bounded by the counts' own weeks. */
import { describe, expect, it } from 'vitest';
import { expansion } from '../../model/month.ts';
import type { WeekCounts } from '../../model/types.ts';
import { addWeeks } from '../../model/week.ts';
import { weeklyPoints } from '../../model/weekly.ts';

/** 60 weeks from 2023-01-07: events 10, 20, 30, ... (week i has 10(i+1)); fatalities 1 each. */
const counts: WeekCounts = {
  source: 'weekly',
  from: '2023-01-07',
  through: addWeeks('2023-01-07', 59),
  provisionalFrom: addWeeks('2023-01-07', 56),
  events: Array.from({ length: 60 }, (_, i) => 10 * (i + 1)),
  fatalities: Array.from({ length: 60 }, () => 1),
};

describe('weeklyPoints', () => {
  it('gives week-over-week changes, trailing 4- and 52-week means and the week a year earlier, null where weeks are missing', () => {
    const [first, fifth] = [
      weeklyPoints(counts, 'events', '2023-01-07', '2023-01-07')[0]!,
      weeklyPoints(counts, 'events', '2023-02-04', '2023-02-04')[0]!,
    ];
    expect(first).toEqual({
      week: '2023-01-07',
      value: 10,
      provisional: false,
      vsPrevious: null,
      mean4: null,
      vsMean4: null,
      mean52: null,
      vsMean52: null,
      vsYearAgo: null,
    });
    // Week 5 (index 4): 50 against 40; mean of 10..40 = 25.
    expect(fifth.vsPrevious).toEqual({ base: 40, value: 50, abs: 10, pct: 25, ratio: 1.25, lowBaseline: false });
    expect([fifth.mean4, fifth.vsMean4?.pct, fifth.mean52, fifth.vsYearAgo]).toEqual([25, 100, null, null]);
    // Week 53 (index 52), 2024-01-06: a year after the first week (364 days); mean of weeks 1..52 = 265.
    const year = weeklyPoints(counts, 'events', '2024-01-06', '2024-01-06')[0]!;
    expect([year.value, year.mean52, year.vsMean52?.abs, year.vsYearAgo?.base, year.vsYearAgo?.ratio]).toEqual([530, 265, 265, 10, 53]);
  });

  it('flags the newest four weeks provisional', () => {
    const last = weeklyPoints(counts, 'fatalities', addWeeks(counts.through, -4), null);
    expect(last.map((p) => [p.week, p.provisional])).toEqual([
      ['2024-01-27', false],
      ['2024-02-03', true],
      ['2024-02-10', true],
      ['2024-02-17', true],
      ['2024-02-24', true],
    ]);
    expect(last[1]!.vsPrevious?.lowBaseline).toBe(true);
  });

  it('cuts the range to the counts before any loop: a year 9999 costs nothing, weeks outside are left out, never zeros', () => {
    const before = expansion.steps;
    expect(weeklyPoints(counts, 'events', '9999-12-25', null)).toEqual([]);
    expect(weeklyPoints(counts, 'events', '0100-01-02', '2023-01-14').map((p) => p.week)).toEqual(['2023-01-07', '2023-01-14']);
    expect(weeklyPoints(counts, 'events', '2024-02-24', '9999-12-25')).toHaveLength(1);
    expect(expansion.steps - before).toBeLessThanOrEqual(2 + 53);
    expect(weeklyPoints(counts, 'events', null, null)).toHaveLength(60);
  });
});
