/**
 * Headline claims as data, and their evaluation against the series. The verdict and its wording
 * are computed from the numbers here, never written by hand. Pure: the caller supplies the
 * series (see `Lookup`); periods are compared by compare.ts, as the API's compare route does.
 */
import { category } from './categories.ts';
import { LOW_BASELINE } from './change.ts';
import type { Claim, ClaimVerdict, InterpretationVerdict, Reading, ReadingResult, Verdict } from './claim.ts';
import {
  AlignmentError,
  type Comparison,
  compare,
  compareWindows,
  lengthOf,
  PeriodError,
  periodLabel,
  periodValue,
  type WindowSource,
  weeksSource,
  windowsOf,
  windowValue,
} from './compare.ts';
import { REGION_DAYS_WHY } from './days.ts';
import { subject as subjectOf } from './describe.ts';
import { fmtExact } from './format.ts';
import { isDayPeriod, PeriodSyntaxError, resolvePeriods } from './period.ts';

import type { RelationKind } from './relations.ts';
import type { DatasetRef, DaysDoc, SeriesDoc, SeriesInfo, WeeksDoc } from './types.ts';

const VERDICT_LABELS: Record<Verdict, string> = {
  supported: 'Supported',
  partly_supported: 'Partly supported',
  not_supported: 'Not supported',
  cannot_be_decided: 'Cannot be decided',
};

/** The series a reading is about, or null when the dataset has none. */
export type Lookup = (r: Pick<Reading, 'country' | 'admin1' | 'category' | 'measure'>) => SeriesDoc | null;

/** A country's daily counts of a category (both measures), or null when the dataset has none. */
export type DaysLookup = (r: Pick<Reading, 'country' | 'category'>) => DaysDoc | null;

/** A region's weekly counts of a category (both measures), or null when the dataset has none. */
export type WeeksLookup = (r: Pick<Reading, 'country' | 'admin1' | 'category'>) => WeeksDoc | null;

const TESTS: Record<RelationKind, (v: number) => string> = {
  pct_increase_gt: (v) => `more than +${v}%`,
  pct_decrease_gt: (v) => `more than -${v}%`,
  ratio_gte: (v) => `at least ${v}x`,
  ratio_gt: (v) => `more than ${v}x`,
  value_gte: (v) => `at least ${fmtExact(v)}`,
};

/**
 * Does the relation hold for `a` against `b`? Values are given as fractions (total / number of
 * months or days) and compared by cross-multiplying integers, so boundaries (exactly +40%,
 * exactly 4x) are exact.
 */
export function relationHolds(
  kind: Exclude<RelationKind, 'value_gte'>,
  n: number,
  a: { total: number; length: number },
  b: { total: number; length: number },
): boolean {
  const A = a.total * b.length;
  const B = b.total * a.length;
  switch (kind) {
    case 'pct_increase_gt':
      return (A - B) * 100 > n * B;
    case 'pct_decrease_gt':
      return (B - A) * 100 > n * B;
    case 'ratio_gte':
      return A >= n * B;
    case 'ratio_gt':
      return A > n * B;
  }
}

/**
 * Evaluate one reading against its series (months), its country's daily counts (days; weekly
 * counts outside them, for whole weeks) or its region's weekly counts (whole weeks).
 */
export function evaluateReading(
  r: Reading,
  place: string,
  lookup: Lookup,
  days: DaysLookup = () => null,
  weeks: WeeksLookup = () => null,
): ReadingResult {
  const cat = category(r.category);
  const subject = subjectOf(cat.label, r.measure, place);
  const test = `"${r.relation.wording}" (${TESTS[r.relation.kind](r.relation.value)})`;
  const base = { ...r, place, definition: cat.definition };
  const undecided = (why: string, sentence: string, partial: Partial<ReadingResult> = {}): ReadingResult => ({
    ...base,
    beforeValue: null,
    afterValue: null,
    change: null,
    ...partial,
    holds: null,
    caveats: [why],
    sentence: `${sentence}, so ${test} cannot be decided.`,
  });
  const byDay = isDayPeriod(r.after);
  let doc: SeriesDoc | null = null;
  let windows: WindowSource | null = null;
  let info: Pick<SeriesInfo, 'country' | 'admin1' | 'category'> | null = null;
  if (!byDay) {
    doc = lookup(r);
    if (!doc) return undecided('the dataset has no such series', `The dataset has no series of ${subject}`);
  } else if (r.admin1 !== null) {
    const w = weeks(r);
    if (!w) return undecided(REGION_DAYS_WHY, `${subject}: day windows are not offered for regions`);
    windows = weeksSource(w, REGION_DAYS_WHY);
    info = w.info;
  } else {
    const daily: DaysDoc | null = days(r);
    if (!daily) return undecided('the dataset has no daily counts of this series', `The dataset has no daily counts of ${subject}`);
    if (daily.days === null && !daily.weeks)
      return undecided(daily.why ?? 'no daily counts', `${subject}: there are no daily counts for ${daily.series.country.name}`);
    windows = windowsOf(daily);
    info = { ...daily.series, admin1: null };
  }
  try {
    if (r.relation.kind === 'value_gte' || r.before === null) {
      const w = resolvePeriods(null, r.after).after;
      const p = windows ? windowValue(windows, r.measure, r.after, w) : periodValue(doc!, r.after, [w.from, w.to]);
      if (p.partial)
        return undecided(
          'a month is only partly covered by the source',
          `${subject}: ${periodLabel(p)} is only partly covered by the source`,
        );
      const holds = p.total >= r.relation.value;
      return {
        ...base,
        beforeValue: null,
        afterValue: p.total,
        change: null,
        holds,
        caveats: [],
        sentence: `${subject} in ${periodLabel(p)}: ${fmtExact(p.total)}; ${test} ${holds ? 'holds' : 'does not hold'}.`,
      };
    }
    const c: Comparison = windows
      ? compareWindows(windows, { ...info!, measure: r.measure }, r.before, r.after)
      : compare(doc!, r.before, r.after);
    const values = { beforeValue: c.before.value, afterValue: c.after.value, change: c.change };
    const said = c.sentence.replace(/\.$/, '');
    if (c.change === null) return undecided('a month is only partly covered by the source', said, values);
    if (c.before.total === 0) return undecided('the base is zero: a percent change or ratio is undefined', said, values);
    const frac = (p: Comparison['before']) => ({ total: p.total, length: lengthOf(p) });
    const holds = relationHolds(r.relation.kind, r.relation.value, frac(c.after), frac(c.before));
    const caveats = c.change.lowBaseline
      ? [`low baseline: fewer than ${LOW_BASELINE} in ${periodLabel(c.before)}, percentages are unstable`]
      : [];
    if (c.basis !== 'total')
      caveats.push(`the periods differ in length: ${c.basis === 'daily_mean' ? 'daily' : 'monthly'} means are compared`);
    return { ...base, ...values, holds, caveats, sentence: `${said}; ${test} ${holds ? 'holds' : 'does not hold'}.` };
  } catch (e) {
    if (e instanceof PeriodError || e instanceof AlignmentError) return undecided(e.message, `${subject}: ${e.message.replace(/\.$/, '')}`);
    throw e;
  }
}

/** Combine readings: all hold = supported; some = partly; none = not; nothing decidable = cannot be decided. */
export function verdictOf(results: Pick<ReadingResult, 'holds'>[]): Verdict {
  const held = results.filter((r) => r.holds === true).length;
  const failed = results.filter((r) => r.holds === false).length;
  const undecided = results.length - held - failed;
  if (results.length === 0 || (held === 0 && undecided > 0)) return 'cannot_be_decided';
  if (held === results.length) return 'supported';
  if (held > 0) return 'partly_supported';
  return 'not_supported';
}

/** Evaluate a claim: its readings give the headline verdict; each alternative reading gets its own. */
export function evaluateClaim(
  claim: Claim,
  placeOf: (r: Reading) => string,
  lookup: Lookup,
  dataset: DatasetRef,
  days: DaysLookup = () => null,
  weeks: WeeksLookup = () => null,
): ClaimVerdict {
  const judge = (interpretation: string, readings: Reading[], cite: (label: string) => string): InterpretationVerdict => {
    const results = readings.map((r) => evaluateReading(r, placeOf(r), lookup, days, weeks));
    const verdict = verdictOf(results);
    const held = results.filter((r) => r.holds === true).length;
    const label = VERDICT_LABELS[verdict];
    return {
      interpretation,
      verdict,
      verdictLabel: label,
      summary: `${label}: ${held} of ${results.length} readings hold.`,
      citation: `${cite(label.toLowerCase())}: ${results.map((r) => r.sentence).join(' ')} Source: ${dataset.credit}; Sahel Pulse dataset ${dataset.version}, data to ${dataset.asOf}.`,
      readings: results,
    };
  };
  const { alternatives = [], ...rest } = claim;
  const primary = judge(claim.interpretation, claim.readings, (label) => `"${claim.quote}" ${label} by ACLED data`);
  return {
    ...rest,
    ...primary,
    alternatives: alternatives.map((a) =>
      judge(a.interpretation, a.readings, (label) => `Alternative reading of "${claim.quote}": ${label} by ACLED data`),
    ),
  };
}

/**
 * What is wrong with a claim as written (ill-formed or mismatched periods, a relation without
 * the periods it needs); empty when nothing is. The dataset build refuses a claims file with any.
 */
export function claimProblems(claim: Claim): string[] {
  const out: string[] = [];
  const all = [
    ...claim.readings.map((r, i) => [`readings[${i}]`, r] as const),
    ...(claim.alternatives ?? []).flatMap((a, j) => a.readings.map((r, i) => [`alternatives[${j}].readings[${i}]`, r] as const)),
  ];
  if (claim.readings.length === 0) out.push(`claim ${claim.id}: no readings`);
  for (const [where, r] of all) {
    if ((r.relation.kind === 'value_gte') !== (r.before === null))
      out.push(`claim ${claim.id} ${where}: value_gte takes only "after"; every other relation needs "before" and "after"`);
    try {
      resolvePeriods(r.before, r.after);
    } catch (e) {
      if (!(e instanceof PeriodSyntaxError)) throw e;
      out.push(`claim ${claim.id} ${where}: ${e.message}`);
    }
  }
  return out;
}
