/**
 * Sources compared where they overlap, reported and never merged silently. Pure: counts in,
 * differences out.
 * - Weekly file vs an event-level file, by ACLED week (events bucketed Saturday to Friday).
 * - HDX monthly political violence vs the Explorer table's Battles + Explosions/Remote violence
 *   + Violence against civilians, by month (HDX also counts mob violence, within Riots).
 * - HDX monthly vs weekly, over stretches of whole months that are also whole weeks (a month
 *   starting on a Saturday to a later month ending on a Friday): the only way weekly counts
 *   meet monthly ones without splitting a week.
 */
import { CATALOGUE_NOTES } from '../../model/catalogue-notes.ts';
import type { EventType } from '../../model/categories.ts';
import { addDays, dayNumber } from '../../model/day.ts';
import { type AggregateCategoryId, WEEKLY_CATEGORIES, weeklyCategories } from '../../model/disorder.ts';
import { addMonths, daysInMonth } from '../../model/month.ts';
import type { AggregateRow, Counts, CrossCheck, DailyRow } from '../../model/types.ts';
import { weekContaining, weekEnd, weekRange } from '../../model/week.ts';
import type { MonthlyCell } from './hdx.ts';
import type { WeeklyCell } from './weekly.ts';

/** One event of an event-level file, as far as weekly categories need it. */
export interface DatedEvent {
  country: string;
  date: string;
  eventType: EventType;
  subEventType: string;
  fatalities: number;
}

/** Events bucketed into ACLED weeks per country and weekly category (admin1 ''). Throws on a riot whose sub-event type places it in no category. */
export function eventsByWeek(events: Iterable<DatedEvent>): WeeklyCell[] {
  const out = new Map<string, WeeklyCell>();
  for (const e of events) {
    const cats = weeklyCategories(e.eventType, e.subEventType);
    if (cats === null) throw new Error(`event on ${e.date}: Riots with sub-event type "${e.subEventType}"`);
    const week = weekContaining(e.date);
    for (const category of cats) {
      const k = `${e.country}|${week}|${category}`;
      const c = out.get(k);
      if (c) {
        c.events++;
        c.fatalities += e.fatalities;
      } else out.set(k, { country: e.country as WeeklyCell['country'], admin1: '', week, category, events: 1, fatalities: e.fatalities });
    }
  }
  return [...out.values()];
}

/**
 * An event-level source's daily counts (country x day x category) summed into ACLED weeks, for
 * the weekly categories: the same events bucketed Saturday to Friday. Days of a week the daily
 * counts do not cover whole are summed too; the caller compares whole weeks only.
 */
export function dailyByWeek(daily: readonly DailyRow[]): WeeklyCell[] {
  const out = new Map<string, WeeklyCell>();
  for (const r of daily) {
    if (!(WEEKLY_CATEGORIES as readonly string[]).includes(r.category)) continue;
    const week = weekContaining(r.date);
    const k = `${r.country}|${week}|${r.category}`;
    const c = out.get(k);
    if (c) {
      c.events += r.events;
      c.fatalities += r.fatalities;
    } else
      out.set(k, {
        country: r.country as WeeklyCell['country'],
        admin1: '',
        week,
        category: r.category as AggregateCategoryId,
        events: r.events,
        fatalities: r.fatalities,
      });
  }
  return [...out.values()];
}

export interface WeekDifference {
  week: string;
  category: AggregateCategoryId;
  /** The first source's counts (the weekly file, in the real test) and the second's. */
  a: Counts;
  b: Counts;
}

export interface WeekComparison {
  category: AggregateCategoryId;
  weeks: number;
  /** Weeks whose event counts agree; and whose events and fatalities both agree. */
  equalEvents: number;
  equalBoth: number;
  /** Every week where events or fatalities differ, in order. */
  differences: WeekDifference[];
}

/**
 * Two sources' country-level weekly cells compared, week by week from `from` to `to` (week
 * starts; bounded by weekRange), for each category; a missing cell is zero.
 */
export function compareWeeks(
  a: readonly WeeklyCell[],
  b: readonly WeeklyCell[],
  country: string,
  from: string,
  to: string,
  categories: readonly AggregateCategoryId[],
): WeekComparison[] {
  const weeks = weekRange(from, to);
  const index = (cells: readonly WeeklyCell[]) => {
    const m = new Map<string, Counts>();
    for (const c of cells) {
      if (c.country !== country) continue;
      const k = `${c.week}|${c.category}`;
      const v = m.get(k) ?? { events: 0, fatalities: 0 };
      v.events += c.events;
      v.fatalities += c.fatalities;
      m.set(k, v);
    }
    return m;
  };
  const ia = index(a);
  const ib = index(b);
  const zero = { events: 0, fatalities: 0 };
  return categories.map((category) => {
    const differences: WeekDifference[] = [];
    let equalEvents = 0;
    let equalBoth = 0;
    for (const week of weeks) {
      const x = ia.get(`${week}|${category}`) ?? zero;
      const y = ib.get(`${week}|${category}`) ?? zero;
      if (x.events === y.events) equalEvents++;
      if (x.events === y.events && x.fatalities === y.fatalities) equalBoth++;
      else differences.push({ week, category, a: { ...x }, b: { ...y } });
    }
    return { category, weeks: weeks.length, equalEvents, equalBoth, differences };
  });
}

export interface MonthPv {
  month: string;
  /** HDX political violence events (ACLED's disorder type). */
  hdx: number;
  /** The Explorer table's Battles + Explosions/Remote violence + Violence against civilians, and its Riots. */
  explorer: number;
  riots: number;
  /**
   * `equal`; `within riots`: HDX's excess is no more than the month's riots (mob violence can
   * explain it); `beyond riots`: more than that (later additions by ACLED); `below`: HDX has fewer.
   */
  verdict: 'equal' | 'within riots' | 'beyond riots' | 'below';
  /** HDX minus Explorer, and what is left beyond the riots (0 unless `beyond riots`). */
  excess: number;
  beyond: number;
  /** Fatalities: HDX's, and the Explorer table's Battles + Explosions/Remote violence + Violence against civilians. */
  hdxFatalities: number;
  explorerFatalities: number;
}

/** HDX country totals of political_violence_acled vs the Explorer table's rows, month by month. */
export function compareHdxExplorer(
  hdxTotals: readonly MonthlyCell[],
  explorer: readonly AggregateRow[],
  country: string,
  from: string,
  to: string,
): MonthPv[] {
  const hdx = new Map(hdxTotals.filter((c) => c.country === country && c.admin1 === '').map((c) => [c.month, c]));
  const ex = new Map<string, { pv: number; pvFatalities: number; riots: number }>();
  for (const r of explorer) {
    if (r.country !== country || r.admin1 !== '') continue;
    const v = ex.get(r.month) ?? { pv: 0, pvFatalities: 0, riots: 0 };
    if (r.category === 'political_violence') {
      v.pv += r.events;
      v.pvFatalities += r.fatalities;
    }
    if (r.category === 'riots') v.riots += r.events;
    ex.set(r.month, v);
  }
  const out: MonthPv[] = [];
  const months = (dayNumber(`${to}-01`) - dayNumber(`${from}-01`)) / 28;
  if (months > 1300) throw new Error(`${from}..${to}: at most about a century of months`); // bound before looping
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    const h = hdx.get(m)?.events ?? 0;
    const { pv, pvFatalities, riots } = ex.get(m) ?? { pv: 0, pvFatalities: 0, riots: 0 };
    const excess = h - pv;
    const verdict = excess === 0 ? 'equal' : excess < 0 ? 'below' : excess <= riots ? 'within riots' : 'beyond riots';
    out.push({
      month: m,
      hdx: h,
      explorer: pv,
      riots,
      verdict,
      excess,
      beyond: verdict === 'beyond riots' ? excess - riots : 0,
      hdxFatalities: hdx.get(m)?.fatalities ?? 0,
      explorerFatalities: pvFatalities,
    });
  }
  return out;
}

/** A stretch of whole months that is also whole ACLED weeks. */
export interface AlignedSpan {
  /** First and last month, `YYYY-MM`. */
  from: string;
  to: string;
  /** First and last week start. */
  weeks: { from: string; to: string };
}

/**
 * The shortest stretches of whole months that are also whole weeks, in order, from `fromMonth`:
 * each starts with a month whose first day is a Saturday and ends with the first month after it
 * whose last day is a Friday. Bounded: at most 1,200 months are looked at.
 * @example alignedSpans('2022-01', '2022-12')[0] gives { from: '2022-01', to: '2022-09', weeks: { from: '2022-01-01', to: '2022-09-24' } }
 */
export function alignedSpans(fromMonth: string, toMonth: string): AlignedSpan[] {
  const out: AlignedSpan[] = [];
  let start: string | null = null;
  let n = 0;
  for (let m = fromMonth; m <= toMonth; m = addMonths(m, 1)) {
    if (++n > 1200) throw new Error(`${fromMonth}..${toMonth}: at most 1,200 months`);
    const first = `${m}-01`;
    const last = `${m}-${daysInMonth(m)}`;
    if (start === null && weekContaining(first) === first) start = m;
    if (start !== null && weekEnd(weekContaining(last)) === last) {
      out.push({ from: start, to: m, weeks: { from: `${start}-01`, to: weekContaining(last) } });
      start = null;
    }
  }
  return out;
}

export interface SpanComparison extends AlignedSpan {
  monthly: number;
  weekly: number;
}

/**
 * Monthly country totals vs weekly country cells of one category summed over aligned spans
 * (events). Spans must lie inside both sources' coverage (the caller picks them).
 */
export function compareSpans(
  monthly: readonly MonthlyCell[],
  weekly: readonly WeeklyCell[],
  country: string,
  category: AggregateCategoryId,
  spans: readonly AlignedSpan[],
): SpanComparison[] {
  const byMonth = new Map<string, number>();
  for (const c of monthly) if (c.country === country && c.admin1 === '') byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + c.events);
  const byWeek = new Map<string, number>();
  for (const c of weekly) if (c.country === country && c.category === category) byWeek.set(c.week, (byWeek.get(c.week) ?? 0) + c.events);
  return spans.map((s) => {
    let m = 0;
    for (let x = s.from; x <= s.to; x = addMonths(x, 1)) m += byMonth.get(x) ?? 0;
    let w = 0;
    for (const wk of weekRange(s.weeks.from, s.weeks.to)) w += byWeek.get(wk) ?? 0;
    return { ...s, monthly: m, weekly: w };
  });
}

/**
 * The weekly file against an event-level source's daily counts, for one country, over the whole
 * weeks both cover (the first Saturday on or after the later start, to the last week whose
 * Friday both reach), in every weekly category. Null when they share no whole week.
 */
export function weeklyCrossCheck(
  weekly: { id: string; cells: readonly WeeklyCell[]; from: string; through: string },
  events: { id: string; daily: readonly DailyRow[]; from: string; through: string },
  country: string,
): CrossCheck | null {
  const start = latest(weekly.from, events.from);
  const first = weekContaining(start) === start ? start : addDays(weekContaining(start), 7);
  const end = earliest(weekly.through, events.through);
  const lastStart = weekContaining(end);
  const last = weekEnd(lastStart) === end ? lastStart : addDays(lastStart, -7);
  if (last < first) return null;
  const cmp = compareWeeks(weekly.cells, dailyByWeek(events.daily), country, first, last, WEEKLY_CATEGORIES);
  return {
    against: events.id,
    unit: 'week',
    country,
    from: first,
    to: last,
    note: CATALOGUE_NOTES.en.weekCrossCheck(events.id),
    categories: cmp.map((c) => ({
      category: c.category,
      periods: c.weeks,
      equalEvents: c.equalEvents,
      equalBoth: c.equalBoth,
      differences: c.differences.map((d) => ({ period: d.week, source: d.a, other: d.b })),
    })),
  };
}

/**
 * An HDX political-violence file (ACLED's disorder type, mob violence included) against an
 * Explorer table's Battles + Explosions/Remote violence + Violence against civilians, for one
 * country, over the months both cover whole. Null when they share no whole month.
 */
export function hdxCrossCheck(
  hdx: { id: string; totals: readonly MonthlyCell[]; from: string; through: string },
  table: { id: string; rows: readonly AggregateRow[]; from: string; through: string },
  country: string,
): CrossCheck | null {
  const wholeFrom = (day: string) => (day.endsWith('-01') ? day.slice(0, 7) : addMonths(day.slice(0, 7), 1));
  const wholeTo = (day: string) =>
    day === `${day.slice(0, 7)}-${daysInMonth(day.slice(0, 7))}` ? day.slice(0, 7) : addMonths(day.slice(0, 7), -1);
  const from = latest(wholeFrom(hdx.from), wholeFrom(table.from));
  const to = earliest(wholeTo(hdx.through), wholeTo(table.through));
  if (to < from) return null;
  const months = compareHdxExplorer(hdx.totals, table.rows, country, from, to);
  const differ = months.filter((m) => m.excess !== 0 || m.hdxFatalities !== m.explorerFatalities);
  return {
    against: table.id,
    unit: 'month',
    country,
    from,
    to,
    note: CATALOGUE_NOTES.en.monthCrossCheck(table.id),
    categories: [
      {
        category: 'political_violence_acled',
        otherCategory: 'political_violence',
        periods: months.length,
        equalEvents: months.filter((m) => m.excess === 0).length,
        equalBoth: months.length - differ.length,
        differences: differ.map((m) => ({
          period: m.month,
          source: { events: m.hdx, fatalities: m.hdxFatalities },
          other: { events: m.explorer, fatalities: m.explorerFatalities },
          riots: m.riots,
          ...(m.verdict === 'equal' ? {} : { verdict: m.verdict }),
        })),
      },
    ],
  };
}

/** The earliest and the latest of some ISO dates or months (compared as text, which orders them). */
export function earliest(...xs: string[]): string {
  return [...xs].sort()[0] ?? '';
}
export function latest(...xs: string[]): string {
  return [...xs].sort().at(-1) ?? '';
}
