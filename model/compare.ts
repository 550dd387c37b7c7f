/**
 * Any two periods of one series compared: month vs month, N-month windows, a month against the
 * mean of the 3 or 12 months before it, or day windows ("the 30 days after 26 July against the
 * 30 days before") from a country's daily counts. Pure; the API's compare route serves the result.
 */
import type { Measure } from './categories.ts';
import { type Change, change, LOW_BASELINE } from './change.ts';
import { addDays, dayLabel, dayNumber, daysIn } from './day.ts';
import { MEASURE_WORDS, placeName, signedPct } from './describe.ts';
import { fmtExact } from './format.ts';
import { addMonths, expansion, monthIndex, monthLabel, monthRange } from './month.ts';
import { resolvePeriods, type Unit, type Window, windowLabel } from './period.ts';
import { TREND_DEFINITIONS, TREND_LABELS, type TrendBand, trendBand } from './trend.ts';
import type { DaysDoc, Point, SeriesDoc, SeriesInfo } from './types.ts';

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
  total: number;
  /** What is compared: the total, or the monthly (daily) mean when the periods differ in length. */
  value: number;
  partial: boolean;
  sources: string[];
}

export type Basis = 'total' | 'monthly_mean' | 'daily_mean';

export interface Comparison {
  series: SeriesInfo;
  basis: Basis;
  before: PeriodValue;
  after: PeriodValue;
  change: Change | null;
  /** The band of the change (see trend.ts), its label and what it means. */
  trend: { band: TrendBand; label: string; definition: string };
  caveats: string[];
  sentence: string;
}

/** Why a comparison cannot be made (a period outside the series): the caller answers 404. */
export class PeriodError extends Error {}

type Counted = Omit<PeriodValue, 'value'>;

/** Number of months or days in a period. */
export const lengthOf = (p: Pick<PeriodValue, 'months' | 'days'>): number => p.months ?? p.days ?? 0;

/** The months of a month period; `trailingN` counts back from the first month of `after`. */
export function periodMonths(period: string, after?: string): [string, string] {
  const w = after === undefined ? resolvePeriods(null, period).after : resolvePeriods(period, after).before!;
  return [w.from, w.to];
}

/** The months of `period` in the series, summed. Throws PeriodError when a month is missing. */
export function periodValue(doc: SeriesDoc, period: string, range: [string, string] = periodMonths(period)): Counted {
  const covers = `${doc.points[0]?.month ?? 'nothing'} to ${doc.points.at(-1)?.month ?? 'nothing'}`;
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
  if (outside !== null) throw new PeriodError(`${monthLabel(outside)} is not in this series, which covers ${covers}.`);
  const months = monthRange(range[0], range[1]);
  const byMonth = new Map(doc.points.map((p) => [p.month, p]));
  const missing = months.filter((m) => !byMonth.has(m));
  if (missing.length > 0) throw new PeriodError(`${monthLabel(missing[0]!)} is not in this series, which covers ${covers}.`);
  const points = months.map((m) => byMonth.get(m)!) as Point[];
  return {
    period,
    unit: 'month',
    from: range[0],
    to: range[1],
    months: months.length,
    total: points.reduce((a, p) => a + p.value, 0),
    partial: points.some((p) => p.partial),
    sources: [...new Set(points.map((p) => p.source))].sort(),
  };
}

/**
 * The days of a window in a country's daily counts, summed. Throws PeriodError when the country
 * has no daily counts or the window reaches outside the days they cover: a day outside is
 * unknown, never a zero.
 */
export function dayValue(doc: DaysDoc, measure: Measure, period: string, w: Pick<Window, 'from' | 'to'>): Counted {
  const d = doc.days;
  if (d === null) throw new PeriodError(doc.why ?? `${doc.series.country.name} has no daily counts.`);
  // Bounded by the days covered before any loop (days compared as numbers).
  const [from, to, first, through] = [w.from, w.to, d.from, d.through].map(dayNumber) as [number, number, number, number];
  const outside = from < first ? w.from : to > through ? (from > through ? w.from : addDays(d.through, 1)) : null;
  if (outside !== null)
    throw new PeriodError(
      `${dayLabel(outside)} is not in the daily counts for ${doc.series.country.name}, which cover ${d.from} to ${d.through}; no figure is given for days outside them.`,
    );
  const start = dayNumber(w.from) - dayNumber(d.from);
  const n = daysIn(w.from, w.to);
  const values = d[measure];
  let total = 0;
  for (let i = start; i < start + n; i++) total += values[i] ?? 0;
  expansion.steps += n;
  return { period, unit: 'day', from: w.from, to: w.to, days: n, total, partial: false, sources: [d.source] };
}

/** 'July 2023', 'May–July 2023', or '27 July–25 August 2023'. */
export const periodLabel = (p: Pick<PeriodValue, 'from' | 'to'> & { unit?: Unit }) =>
  windowLabel({ unit: p.unit ?? (p.from.length === 10 ? 'day' : 'month'), from: p.from, to: p.to });

/** Compare two month periods of a series. Throws PeriodError when a period is outside it. */
export function compare(doc: SeriesDoc, before: string, after: string): Comparison {
  const w = resolvePeriods(before, after);
  if (w.unit !== 'month') throw new PeriodError('day windows are compared from daily counts (compareDays), not from a monthly series');
  return finish(doc.series, periodValue(doc, before, [w.before!.from, w.before!.to]), periodValue(doc, after, [w.after.from, w.after.to]));
}

/** Compare two day windows of a country's daily counts. Throws PeriodError when a window is outside them. */
export function compareDays(doc: DaysDoc, measure: Measure, before: string, after: string): Comparison {
  const w = resolvePeriods(before, after);
  if (w.unit !== 'day') throw new PeriodError('month periods are compared from the monthly series (compare), not from daily counts');
  const series: SeriesInfo = { country: doc.series.country, admin1: null, category: doc.series.category, measure };
  return finish(series, dayValue(doc, measure, before, w.before!), dayValue(doc, measure, after, w.after));
}

function finish(series: SeriesInfo, b: Counted, a: Counted): Comparison {
  const unit = a.unit;
  const equal = lengthOf(a) === lengthOf(b);
  const basis: Basis = equal ? 'total' : unit === 'day' ? 'daily_mean' : 'monthly_mean';
  const val = (p: Counted): PeriodValue => ({
    ...p,
    value: equal ? p.total : Math.round((p.total / lengthOf(p)) * 100) / 100,
  });
  const [bv, av] = [val(b), val(a)];
  const partial = bv.partial || av.partial;
  let ch = partial ? null : change(bv.value, av.value);
  // A daily mean is almost always below 10 (one or two events a day): judge the baseline by the
  // count behind it, as for totals, or every unequal day comparison would read "low baseline".
  if (ch && basis === 'daily_mean') ch = { ...ch, lowBaseline: bv.total < LOW_BASELINE };
  const band = trendBand(ch);
  const per = basis === 'monthly_mean' ? ' per month' : basis === 'daily_mean' ? ' per day' : '';
  const caveats = [
    ...[bv, av].filter((p) => p.partial).map((p) => `${periodLabel(p)} includes a month the source covers only in part: not compared`),
    ...(ch?.lowBaseline
      ? [`low baseline: ${fmtExact(basis === 'daily_mean' ? bv.total : bv.value)} in ${periodLabel(bv)}, percentages are unstable`]
      : []),
    ...(basis === 'total'
      ? []
      : [
          `the periods differ in length (${lengthOf(bv)} and ${lengthOf(av)} ${unit === 'day' ? 'days' : 'months'}): ${unit === 'day' ? 'daily' : 'monthly'} means are compared`,
        ]),
  ];
  const words = `${series.category.label} ${MEASURE_WORDS[series.measure]}${per} in ${placeName(series)}`;
  const verb = av.value > bv.value ? 'rose' : av.value < bv.value ? 'fell' : 'stayed';
  const sentence = partial
    ? `${words}: ${fmtExact(bv.value)} in ${periodLabel(bv)}, ${fmtExact(av.value)} in ${periodLabel(av)}; a partial month is not compared.`
    : `${words} ${verb} from ${fmtExact(bv.value)} in ${periodLabel(bv)} to ${fmtExact(av.value)} in ${periodLabel(av)}${ch!.pct === null ? '' : ` (${signedPct(ch!.pct)}, ${ch!.ratio}x)`}.`;
  return {
    series,
    basis,
    before: bv,
    after: av,
    change: ch,
    trend: { band, label: TREND_LABELS[band], definition: TREND_DEFINITIONS[band] },
    caveats,
    sentence,
  };
}
