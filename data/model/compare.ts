/**
 * Any two periods of one series compared: month vs month, N-month windows, or a month against
 * the mean of the 3 or 12 months before it. Pure; the API's compare route serves the result.
 */
import { change, type Change } from './change.ts';
import { count, MEASURE_WORDS, placeName, signedPct } from './describe.ts';
import { addMonths, monthLabel, monthRange, monthSpan } from './month.ts';
import { TREND_DEFINITIONS, TREND_LABELS, trendBand, type TrendBand } from './trend.ts';
import type { Point, SeriesDoc, SeriesInfo } from './types.ts';

export interface PeriodValue {
  /** As asked: `2023-07`, `2023-05..2023-07` or `trailing12`. */
  period: string;
  from: string;
  to: string;
  months: number;
  total: number;
  /** What is compared: the total, or the monthly mean when the periods differ in length. */
  value: number;
  partial: boolean;
  sources: string[];
}

export interface Comparison {
  series: SeriesInfo;
  basis: 'total' | 'monthly_mean';
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

/** The months of a period; `trailingN` counts back from the first month of `after`. */
export function periodMonths(period: string, after?: string): [string, string] {
  const trailing = period.match(/^trailing(\d+)$/);
  if (trailing) {
    if (!after) throw new PeriodError(`${period} needs an "after" period to count back from`);
    const start = periodMonths(after)[0];
    return [addMonths(start, -Number(trailing[1])), addMonths(start, -1)];
  }
  const [a, b] = period.split('..') as [string, string | undefined];
  return [a, b ?? a];
}

/** The months of `period` in the series, summed. Throws PeriodError when a month is missing. */
export function periodValue(doc: SeriesDoc, period: string, range: [string, string] = periodMonths(period)): Omit<PeriodValue, 'value'> {
  const months = monthRange(range[0], range[1]);
  const byMonth = new Map(doc.points.map((p) => [p.month, p]));
  const missing = months.filter((m) => !byMonth.has(m));
  if (missing.length > 0) {
    const covers = `${doc.points[0]?.month ?? 'nothing'} to ${doc.points.at(-1)?.month ?? 'nothing'}`;
    throw new PeriodError(`${monthLabel(missing[0]!)} is not in this series, which covers ${covers}.`);
  }
  const points = months.map((m) => byMonth.get(m)!) as Point[];
  return {
    period,
    from: range[0],
    to: range[1],
    months: months.length,
    total: points.reduce((a, p) => a + p.value, 0),
    partial: points.some((p) => p.partial),
    sources: [...new Set(points.map((p) => p.source))].sort(),
  };
}

/** 'July 2023', or 'May 2023 to July 2023'. */
export const periodLabel = (p: Pick<PeriodValue, 'from' | 'to'>) => monthSpan(p.from, p.to);

/** Compare two periods of a series. Throws PeriodError when a period is outside it. */
export function compare(doc: SeriesDoc, before: string, after: string): Comparison {
  const a = periodValue(doc, after, periodMonths(after));
  const b = periodValue(doc, before, periodMonths(before, after));
  const basis = a.months === b.months ? 'total' : 'monthly_mean';
  const val = (p: Omit<PeriodValue, 'value'>): PeriodValue => ({
    ...p,
    value: basis === 'total' ? p.total : Math.round((p.total / p.months) * 100) / 100,
  });
  const [bv, av] = [val(b), val(a)];
  const partial = bv.partial || av.partial;
  const ch = partial ? null : change(bv.value, av.value);
  const band = trendBand(ch);
  const caveats = [
    ...[bv, av].filter((p) => p.partial).map((p) => `${periodLabel(p)} includes a month the source covers only in part: not compared`),
    ...(ch?.lowBaseline ? [`low baseline: ${count(bv.value)} in ${periodLabel(bv)}, percentages are unstable`] : []),
    ...(basis === 'monthly_mean'
      ? [`the periods differ in length (${bv.months} and ${av.months} months): monthly means are compared`]
      : []),
  ];
  const words = `${doc.series.category.label} ${MEASURE_WORDS[doc.series.measure]}${basis === 'monthly_mean' ? ' per month' : ''} in ${placeName(doc.series)}`;
  const verb = av.value > bv.value ? 'rose' : av.value < bv.value ? 'fell' : 'stayed';
  const sentence = partial
    ? `${words}: ${count(bv.value)} in ${periodLabel(bv)}, ${count(av.value)} in ${periodLabel(av)}; a partial month is not compared.`
    : `${words} ${verb} from ${count(bv.value)} in ${periodLabel(bv)} to ${count(av.value)} in ${periodLabel(av)}${ch!.pct === null ? '' : ` (${signedPct(ch!.pct)}, ${ch!.ratio}x)`}.`;
  return {
    series: doc.series,
    basis,
    before: bv,
    after: av,
    change: ch,
    trend: { band, label: TREND_LABELS[band], definition: TREND_DEFINITIONS[band] },
    caveats,
    sentence,
  };
}
