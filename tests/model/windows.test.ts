/**
 * Day windows answered from daily counts where they cover them, else from whole ACLED weeks
 * (model/compare.ts: windowValue, compareWindows): which counts answer, the weekly cross-check,
 * the alignment 400 and the provisional caveat. Hand-checkable counts.
 */
import { describe, expect, it } from 'vitest';
import { AlignmentError, compareDays, PeriodError, weeksSource, windowValue } from '../../model/compare.ts';
import type { DaysDoc, WeeksDoc } from '../../model/types.ts';
import { daysOf } from '../fixtures/source-info.ts';

// Daily counts 2024-01-01..2024-03-31, one event a day. Weeks 2023-12-30..2024-06-22 (26 weeks):
// 7 events a week, except the week of 2024-01-13 (8: a revision) and, after the daily counts end, 10.
const daily: DaysDoc = daysOf('2024-01-01', '2024-03-31', () => 1);
const weekly = {
  source: 'weekly',
  from: '2023-12-30',
  through: '2024-06-22',
  provisionalFrom: '2024-06-01',
  events: Array.from({ length: 26 }, (_, i) => (i === 2 ? 8 : i >= 13 ? 10 : 7)),
  fatalities: Array.from({ length: 26 }, () => 0),
};
const both: DaysDoc = { ...daily, weeks: weekly };
const region: WeeksDoc = {
  dataset: daily.dataset,
  info: { country: { iso3: 'NER', name: 'Niger' }, admin1: { name: 'Diffa', slug: 'diffa' }, category: daily.series.category },
  ...weekly,
};

describe('windowValue', () => {
  it('answers from daily counts where they cover the window, with the weekly total beside it when it is whole weeks', () => {
    expect(
      windowValue({ name: 'Niger', days: both.days, why: null, weeks: weekly }, 'events', 'p', { from: '2024-01-06', to: '2024-01-19' }),
    ).toEqual({
      period: 'p',
      unit: 'day',
      from: '2024-01-06',
      to: '2024-01-19',
      days: 14,
      total: 14,
      partial: false,
      provisional: false,
      counts: 'daily',
      sources: ['src'],
      crossCheck: { source: 'weekly', counts: 'weekly', total: 15, agrees: false },
    });
    const agree = windowValue({ name: 'Niger', days: both.days, why: null, weeks: weekly }, 'events', 'p', {
      from: '2024-01-20',
      to: '2024-02-02',
    });
    expect(agree.crossCheck).toEqual({ source: 'weekly', counts: 'weekly', total: 14, agrees: true });
    // Not whole weeks: daily counts answer, no cross-check.
    expect(
      windowValue({ name: 'Niger', days: both.days, why: null, weeks: weekly }, 'events', 'p', { from: '2024-01-02', to: '2024-01-10' })
        .crossCheck,
    ).toBeUndefined();
  });

  it('answers whole weeks past the daily counts from weekly counts; refuses other windows naming the nearest whole weeks', () => {
    const src = { name: 'Niger', days: both.days, why: null, weeks: weekly };
    expect(windowValue(src, 'events', 'p', { from: '2024-04-06', to: '2024-04-19' })).toMatchObject({
      days: 14,
      weeks: 2,
      total: 20,
      counts: 'weekly',
      sources: ['weekly'],
      provisional: false,
    });
    expect(() => windowValue(src, 'events', 'p', { from: '2024-04-01', to: '2024-04-19' })).toThrow(
      new AlignmentError(
        "Niger's daily counts cover 2024-01-01 to 2024-03-31 only, and outside them it has weekly counts, which are never split into days: 2024-04-01..2024-04-19 is not a run of whole ACLED weeks (Saturday to Friday): it starts on a Monday; the nearest whole-week ranges are 2024-04-06..2024-04-19 (2 weeks), inside it and 2024-03-30..2024-04-19 (3 weeks), covering it",
        'p',
      ),
    );
    expect(() => windowValue(src, 'events', 'p', { from: '2024-06-22', to: '2024-07-05' })).toThrow(PeriodError);
    expect(() => windowValue(src, 'events', 'p', { from: '2024-06-22', to: '2024-07-05' })).toThrow(
      /^29 June 2024 is not in the weekly counts for Niger, which cover the weeks 2023-12-30 to 2024-06-28, and its daily counts 2024-01-01 to 2024-03-31/,
    );
  });

  it('a region has weekly counts only', () => {
    const src = weeksSource(region, 'no days for regions');
    expect(windowValue(src, 'events', 'p', { from: '2024-01-06', to: '2024-01-19' })).toMatchObject({ total: 15, counts: 'weekly' });
    expect(() => windowValue(src, 'events', 'p', { from: '2024-01-06', to: '2024-01-18' })).toThrow(
      /^Diffa \(Niger\) has weekly counts only/,
    );
  });
});

describe('compareDays with weekly counts', () => {
  it('compares a daily window with a weekly one, saying which counts answered; a provisional side is not settled', () => {
    const c = compareDays(both, 'events', 'trailing4w', '2024-06-01..2024-06-28');
    expect([c.before.counts, c.after.counts, c.before.total, c.after.total, c.after.provisional]).toEqual([
      'weekly',
      'weekly',
      40,
      40,
      true,
    ]);
    expect(c.trend).toMatchObject({ band: 'stable', label: 'Stable (provisional)', settled: false });
    expect(c.caveats).toEqual([
      "1–28 June 2024 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
    ]);
    const mixed = compareDays(both, 'events', '2024-03-02..2024-03-29', '2024-04-06..2024-05-03');
    expect([mixed.before.counts, mixed.after.counts, mixed.before.total, mixed.after.total]).toEqual(['daily', 'weekly', 28, 40]);
    expect(mixed.caveats).toContain('2–29 March 2024 is counted from daily counts, 6 April–3 May 2024 from weekly counts');
    const revised = compareDays(both, 'events', '2024-01-06..2024-01-19', '2024-01-20..2024-02-02');
    expect(revised.caveats).toContain(
      "6–19 January 2024: the weekly counts (weekly) give 15, the daily counts 14 (ACLED revised events between the two downloads; see the catalogue's crossChecks)",
    );
  });
});
