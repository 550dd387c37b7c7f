/**
 * Any two periods of one series compared: month vs month, N-month windows, a month against the
 * mean of the 3 or 12 months before it, or day windows ("the 30 days after 26 July against the
 * 30 days before") from a country's daily counts where they cover the window, and otherwise, for
 * whole ACLED weeks (Saturday to Friday), from weekly counts (countries and regions). Pure; the
 * API's compare route serves the result.
 */
import type { Measure } from './categories.ts';
import { type Change, change, LOW_BASELINE } from './change.ts';
import { addDays, dayNumber, daysIn } from './day.ts';
import { placeName } from './describe.ts';
import type { Lang } from './lang.ts';
import { addMonths, expansion, monthIndex, monthRange } from './month.ts';
import { resolvePeriods, type Unit, type Window } from './period.ts';
import { provisionalDay } from './provisional.ts';
import { type TrendBand, trendBand } from './trend.ts';
import type { DaysDoc, Point, SeriesDoc, SeriesInfo, WeekCounts, WeeksDoc } from './types.ts';
import { alignment, weekEnd, weekIndex } from './week.ts';
import { type Span, WORDS } from './words.ts';

export interface PeriodValue {
  /** As asked: `2023-07`, `2023-05..2023-07`, `trailing12`, `2023-07-27..2023-08-25` or `trailing30d`. */
  period: string;
  unit: Unit;
  /** First and last month (`YYYY-MM`) or day (`YYYY-MM-DD`), both included. */
  from: string;
  to: string;
  /** Number of months in a month period (absent for day periods). */
  months?: number;
  /** Number of days in a day period (absent for month periods). */
  days?: number;
  /** Number of ACLED weeks in a day period answered from weekly counts. */
  weeks?: number;
  total: number;
  /** What is compared: the total, or the monthly (daily) mean when the periods differ in length. */
  value: number;
  partial: boolean;
  /** The period holds data ACLED may still revise (see provisional.ts): no change to or from it is settled. */
  provisional: boolean;
  /** Which counts answered: monthly series, daily counts or weekly counts. */
  counts: Counts;
  sources: string[];
  /**
   * A day period answered from daily counts that weekly counts also cover (whole weeks): the
   * weekly total, its source, and whether the two agree (they differ where ACLED revised events
   * between the two downloads; the catalogue's crossChecks list every such week).
   */
  crossCheck?: { source: string; counts: 'weekly'; total: number; agrees: boolean };
}

export type Counts = 'monthly' | 'daily' | 'weekly';

export type Basis = 'total' | 'monthly_mean' | 'daily_mean';

export interface Comparison {
  series: SeriesInfo;
  basis: Basis;
  before: PeriodValue;
  after: PeriodValue;
  change: Change | null;
  /**
   * The band of the change (see trend.ts), its label and what it means; `settled` is false when a
   * period is provisional (the label then says so) or holds a partial month.
   */
  trend: { band: TrendBand; label: string; definition: string; settled: boolean };
  caveats: string[];
  sentence: string;
}

/** Why a comparison cannot be made (a period outside the series): the caller answers 404. */
export class PeriodError extends Error {}

/**
 * A day period that only weekly counts could answer is not made of whole ACLED weeks: the caller
 * answers 400, naming the nearest whole-week ranges (a week is never split into days).
 */
export class AlignmentError extends Error {
  /** The period as asked (`before` or `after`'s text), so that the caller can name the parameter. */
  readonly period: string;
  constructor(message: string, period: string) {
    super(message);
    this.period = period;
  }
}

type Counted = Omit<PeriodValue, 'value'>;

/** Number of months or days in a period. */
export const lengthOf = (p: Pick<PeriodValue, 'months' | 'days'>): number => p.months ?? p.days ?? 0;

/** The months of a month period; `trailingN` counts back from the first month of `after`. */
export function periodMonths(period: string, after?: string): [string, string] {
  const w = after === undefined ? resolvePeriods(null, period).after : resolvePeriods(period, after).before!;
  return [w.from, w.to];
}

/** The months of `period` in the series, summed. Throws PeriodError when a month is missing. */
export function periodValue(doc: SeriesDoc, period: string, range: [string, string] = periodMonths(period), lang: Lang = 'en'): Counted {
  const notIn = (m: string) =>
    new PeriodError(WORDS[lang].coverage.notInSeries(m, doc.points[0]?.month ?? null, doc.points.at(-1)?.month ?? null));
  // Bounded by the series' own months before any loop: a period in the year 9999 costs what one
  // in 2023 costs (the months are counted as numbers, see month.ts).
  const [first, last] = [doc.points[0]?.month, doc.points.at(-1)?.month];
  const [lo, hi] = [monthIndex(range[0]), monthIndex(range[1])];
  const outside =
    first === undefined || last === undefined
      ? range[0]
      : lo < monthIndex(first)
        ? range[0]
        : hi > monthIndex(last)
          ? lo > monthIndex(last)
            ? range[0]
            : addMonths(last, 1)
          : null;
  if (outside !== null) throw notIn(outside);
  const months = monthRange(range[0], range[1]);
  const byMonth = new Map(doc.points.map((p) => [p.month, p]));
  const missing = months.filter((m) => !byMonth.has(m));
  if (missing.length > 0) throw notIn(missing[0]!);
  const points = months.map((m) => byMonth.get(m)!) as Point[];
  return {
    period,
    unit: 'month',
    from: range[0],
    to: range[1],
    months: months.length,
    total: points.reduce((a, p) => a + p.value, 0),
    partial: points.some((p) => p.partial),
    provisional: points.some((p) => p.provisional === true),
    counts: 'monthly',
    sources: [...new Set(points.map((p) => p.source))].sort(),
  };
}

/** What a day window can be answered from: a country's daily and weekly counts, or a region's weekly counts. */
export interface WindowSource {
  /** The place, for messages. */
  name: string;
  days: DaysDoc['days'];
  /** Why there are no daily counts (when `days` is null). */
  why: string | null;
  weeks: WeekCounts | null;
}

/** A country's window counts as one stored entry holds them: daily counts and, with them, its weekly counts. */
export function windowsOf(doc: DaysDoc): WindowSource {
  return { name: doc.series.country.name, days: doc.days, why: doc.why, weeks: doc.weeks ?? null };
}

/** A region's (or country's) weekly counts as a window source: no daily counts. */
export function weeksSource(doc: WeeksDoc, why: string): WindowSource {
  return { name: placeName(doc.info), days: null, why, weeks: doc };
}

/**
 * A day window summed from the counts that cover it: daily counts wherever they cover the whole
 * window (then, for whole weeks that weekly counts also cover, the weekly total beside it as
 * `crossCheck`); else weekly counts, for whole ACLED weeks only. Throws PeriodError (404) when
 * neither covers the window, AlignmentError (400) when only weeks could and it is not whole weeks.
 */
export function windowValue(
  src: WindowSource,
  measure: Measure,
  period: string,
  w: Pick<Window, 'from' | 'to'>,
  lang: Lang = 'en',
): Counted {
  const d = src.days;
  // Bounded by the days and weeks covered before any loop (days and weeks compared as numbers).
  const inDays = d !== null && dayNumber(w.from) >= dayNumber(d.from) && dayNumber(w.to) <= dayNumber(d.through);
  if (d !== null && inDays) {
    const v = daySum(d, measure, period, w);
    const wk = src.weeks;
    const a = alignment(w.from, w.to);
    if (wk && a.aligned && coversWeeks(wk, a.span.from, a.span.to)) {
      const total = weekSum(wk, measure, a.span.from, a.span.to);
      return { ...v, crossCheck: { source: wk.source, counts: 'weekly', total, agrees: total === v.total } };
    }
    return v;
  }
  const words = WORDS[lang].coverage;
  if (src.weeks) return weekValue(src.weeks, src.name, measure, period, w, d, lang);
  // The stored reason is English (the dataset's words); other languages say it in their own.
  if (d === null) throw new PeriodError(src.why !== null && lang === 'en' ? src.why : words.noDaily(src.name));
  throw new PeriodError(words.notInDays(outsideDay(w, d.from, d.through), src.name, d.from, d.through));
}

/** The first day of a window outside `from`..`through`. */
function outsideDay(w: Pick<Window, 'from' | 'to'>, from: string, through: string): string {
  return dayNumber(w.from) < dayNumber(from) || dayNumber(w.from) > dayNumber(through) ? w.from : addDays(through, 1);
}

function daySum(d: NonNullable<DaysDoc['days']>, measure: Measure, period: string, w: Pick<Window, 'from' | 'to'>): Counted {
  const start = dayNumber(w.from) - dayNumber(d.from);
  const n = daysIn(w.from, w.to);
  const values = d[measure];
  let total = 0;
  for (let i = start; i < start + n; i++) total += values[i] ?? 0;
  expansion.steps += n;
  return {
    period,
    unit: 'day',
    from: w.from,
    to: w.to,
    days: n,
    total,
    partial: false,
    provisional: dayNumber(w.to) >= dayNumber(provisionalDay(d.through)),
    counts: 'daily',
    sources: [d.source],
  };
}

const coversWeeks = (wk: WeekCounts, from: string, to: string) =>
  weekIndex(from) >= weekIndex(wk.from) && weekIndex(to) <= weekIndex(wk.through);

/** Sum of whole weeks `from`..`to` (week starts, inside the counts: checked by the caller). */
function weekSum(wk: WeekCounts, measure: Measure, from: string, to: string): number {
  const [start, end] = [weekIndex(from) - weekIndex(wk.from), weekIndex(to) - weekIndex(wk.from)];
  const values = wk[measure];
  let total = 0;
  for (let i = start; i <= end; i++) total += values[i] ?? 0;
  expansion.steps += end - start + 1;
  return total;
}

/**
 * A window of whole ACLED weeks summed from weekly counts. Throws PeriodError when it reaches
 * outside the weeks counted (naming the daily counts too, when there are some) and
 * AlignmentError when it is not whole weeks.
 */
function weekValue(
  wk: WeekCounts,
  name: string,
  measure: Measure,
  period: string,
  w: Pick<Window, 'from' | 'to'>,
  days: DaysDoc['days'],
  lang: Lang,
): Counted {
  const words = WORDS[lang].coverage;
  const a = alignment(w.from, w.to);
  const span = a.aligned ? a.span : a.covering;
  if (!coversWeeks(wk, span.from, span.to)) {
    throw new PeriodError(words.notInWeeks(outsideDay(w, wk.from, weekEnd(wk.through)), name, wk.from, weekEnd(wk.through), days));
  }
  if (!a.aligned) {
    throw new AlignmentError(words.weeksOnly(name, days, words.notWholeWeeks(w.from, w.to, a)), period);
  }
  const total = weekSum(wk, measure, a.span.from, a.span.to);
  return {
    period,
    unit: 'day',
    from: w.from,
    to: w.to,
    days: 7 * a.span.weeks,
    weeks: a.span.weeks,
    total,
    partial: false,
    provisional: weekIndex(a.span.to) >= weekIndex(wk.provisionalFrom),
    counts: 'weekly',
    sources: [wk.source],
  };
}

/** Compare two month periods of a series. Throws PeriodError when a period is outside it. */
export function compare(doc: SeriesDoc, before: string, after: string, lang: Lang = 'en'): Comparison {
  const w = resolvePeriods(before, after);
  if (w.unit !== 'month') throw new PeriodError('day windows are compared from daily counts (compareDays), not from a monthly series');
  return finish(
    doc.series,
    periodValue(doc, before, [w.before!.from, w.before!.to], lang),
    periodValue(doc, after, [w.after.from, w.after.to], lang),
    lang,
  );
}

/**
 * Compare two day windows of a country's daily counts (or, outside them, its weekly counts: see
 * windowValue). Throws PeriodError when a window is outside them, AlignmentError when only weeks
 * could answer and a window is not whole weeks.
 */
export function compareDays(doc: DaysDoc, measure: Measure, before: string, after: string, lang: Lang = 'en'): Comparison {
  const series: SeriesInfo = { country: doc.series.country, admin1: null, category: doc.series.category, measure };
  return compareWindows(windowsOf(doc), series, before, after, lang);
}

/** Compare two day windows of any window source (a country's daily and weekly counts, a region's weekly counts). */
export function compareWindows(src: WindowSource, series: SeriesInfo, before: string, after: string, lang: Lang = 'en'): Comparison {
  const w = resolvePeriods(before, after);
  if (w.unit !== 'day') throw new PeriodError('month periods are compared from the monthly series (compare), not from daily counts');
  return finish(
    series,
    windowValue(src, series.measure, before, w.before!, lang),
    windowValue(src, series.measure, after, w.after, lang),
    lang,
  );
}

function finish(series: SeriesInfo, b: Counted, a: Counted, lang: Lang): Comparison {
  const unit = a.unit;
  const equal = lengthOf(a) === lengthOf(b);
  const basis: Basis = equal ? 'total' : unit === 'day' ? 'daily_mean' : 'monthly_mean';
  const val = (p: Counted): PeriodValue => ({
    ...p,
    value: equal ? p.total : Math.round((p.total / lengthOf(p)) * 100) / 100,
  });
  const [bv, av] = [val(b), val(a)];
  const partial = bv.partial || av.partial;
  const provisional = bv.provisional || av.provisional;
  let ch = partial ? null : change(bv.value, av.value);
  // A daily mean is almost always below 10 (one or two events a day): judge the baseline by the
  // count behind it, as for totals, or every unequal day comparison would read "low baseline".
  if (ch && basis === 'daily_mean') ch = { ...ch, lowBaseline: bv.total < LOW_BASELINE };
  const band = trendBand(ch);
  const w = WORDS[lang];
  const span = (p: Counted): Span => ({ unit: p.unit, from: p.from, to: p.to });
  const caveats = [
    ...[bv, av].filter((p) => p.partial).map((p) => w.caveat.partial(span(p))),
    ...(ch?.lowBaseline ? [w.caveat.lowBaseline(basis === 'daily_mean' ? bv.total : bv.value, span(bv))] : []),
    ...(basis === 'total' ? [] : [w.caveat.lengths(lengthOf(bv), lengthOf(av), unit)]),
    ...[bv, av].filter((p) => p.provisional).map((p) => w.caveat.provisional(span(p))),
    ...(bv.counts === av.counts ? [] : [w.caveat.counts(span(bv), bv.counts, span(av), av.counts)]),
    ...[bv, av].flatMap((p) =>
      p.crossCheck && !p.crossCheck.agrees ? [w.caveat.crossCheck(span(p), p.crossCheck.source, p.crossCheck.total, p.total)] : [],
    ),
  ];
  const subject = w.subject({
    category: series.category.id,
    measure: series.measure,
    country: series.country.name,
    admin1: series.admin1?.name ?? null,
    per: basis === 'monthly_mean' ? 'month' : basis === 'daily_mean' ? 'day' : undefined,
  });
  const values = { subject, before: bv.value, after: av.value, b: span(bv), a: span(av) };
  const sentence = partial ? w.comparedPartial(values) : w.compared({ ...values, change: w.change(ch!.pct, ch!.ratio) });
  return {
    series,
    basis,
    before: bv,
    after: av,
    change: ch,
    trend: {
      band,
      label: provisional ? w.provisional(w.trend[band].label) : w.trend[band].label,
      definition: w.trend[band].definition,
      settled: !partial && !provisional,
    },
    caveats,
    sentence,
  };
}
