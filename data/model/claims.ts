/**
 * Headline claims as data, and their evaluation against the series. The verdict and its wording
 * are computed from the numbers here, never written by hand. Pure: the caller supplies the
 * series (see `Lookup`); periods are compared by compare.ts, as the API's compare route does.
 */
import { category, type CategoryId, type Measure } from './categories.ts';
import { type Change, LOW_BASELINE } from './change.ts';
import { compare, type Comparison, PeriodError, periodLabel, periodValue } from './compare.ts';
import { count, subject as subjectOf } from './describe.ts';
import type { DatasetRef, SeriesDoc } from './types.ts';

export const RELATION_KINDS = ['pct_increase_gt', 'pct_decrease_gt', 'ratio_gte', 'ratio_gt', 'value_gte'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * What the claim says about the numbers:
 * - `pct_increase_gt` N: "rose by more than N%": (after - before) / before > N%
 * - `pct_decrease_gt` N: "fell by more than N%": (before - after) / before > N%
 * - `ratio_gte` N: "quadrupled" (N = 4), "surged" (N as the claim's interpretation says): after / before >= N
 * - `ratio_gt` N: "more than doubled" (N = 2): after / before > N
 * - `value_gte` N: "at least N killed": the total in `after` >= N (no `before`)
 */
export interface Relation {
  kind: RelationKind;
  value: number;
  /** The claim's own words for the relation, quoted in the sentences. */
  wording: string;
}

/** One testable reading of a claim: one series, two periods (or one), one relation. */
export interface Reading {
  country: string;
  admin1: string | null;
  category: CategoryId;
  measure: Measure;
  /** A month `2023-07`, a range `2023-01..2023-08`, or `trailing3` / `trailing12`; null for `value_gte`. */
  before: string | null;
  after: string;
  relation: Relation;
}

export interface Claim {
  id: string;
  /** The claim's wording, as quoted. */
  quote: string;
  claimant: { name: string; date: string | null; url: string | null };
  /** How the readings were chosen (what "the month after" or "surged" was taken to mean). */
  interpretation: string;
  readings: Reading[];
}

export type Verdict = 'supported' | 'partly_supported' | 'not_supported' | 'cannot_be_decided';

export const VERDICT_LABELS: Record<Verdict, string> = {
  supported: 'Supported',
  partly_supported: 'Partly supported',
  not_supported: 'Not supported',
  cannot_be_decided: 'Cannot be decided',
};

export interface ReadingResult extends Reading {
  place: string;
  definition: string;
  /** The values compared: period totals, or monthly means when the periods differ in length. */
  beforeValue: number | null;
  afterValue: number | null;
  change: Change | null;
  /** true / false, or null when the data cannot decide (missing or partial month, zero base). */
  holds: boolean | null;
  caveats: string[];
  /** One sentence generated from the numbers. */
  sentence: string;
}

export interface ClaimVerdict extends Omit<Claim, 'readings'> {
  verdict: Verdict;
  verdictLabel: string;
  summary: string;
  /** A compact sentence to quote, with the source credit and dataset version. */
  citation: string;
  readings: ReadingResult[];
}

/** The series a reading is about, or null when the dataset has none. */
export type Lookup = (r: Pick<Reading, 'country' | 'admin1' | 'category' | 'measure'>) => SeriesDoc | null;

const TESTS: Record<RelationKind, (v: number) => string> = {
  pct_increase_gt: (v) => `more than +${v}%`,
  pct_decrease_gt: (v) => `more than -${v}%`,
  ratio_gte: (v) => `at least ${v}x`,
  ratio_gt: (v) => `more than ${v}x`,
  value_gte: (v) => `at least ${count(v)}`,
};

/**
 * Does the relation hold for `a` against `b`? Values are given as fractions (total / months) and
 * compared by cross-multiplying integers, so boundaries (exactly +40%, exactly 4x) are exact.
 */
export function relationHolds(
  kind: Exclude<RelationKind, 'value_gte'>,
  n: number,
  a: { total: number; months: number },
  b: { total: number; months: number },
): boolean {
  const A = a.total * b.months;
  const B = b.total * a.months;
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

/** Evaluate one reading against its series. */
export function evaluateReading(r: Reading, place: string, lookup: Lookup): ReadingResult {
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
  const doc = lookup(r);
  if (!doc) return undecided('the dataset has no such series', `The dataset has no series of ${subject}`);
  try {
    if (r.relation.kind === 'value_gte' || r.before === null) {
      const p = periodValue(doc, r.after);
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
        sentence: `${subject} in ${periodLabel(p)}: ${count(p.total)}; ${test} ${holds ? 'holds' : 'does not hold'}.`,
      };
    }
    const c: Comparison = compare(doc, r.before, r.after);
    const values = { beforeValue: c.before.value, afterValue: c.after.value, change: c.change };
    const said = c.sentence.replace(/\.$/, '');
    if (c.change === null) return undecided('a month is only partly covered by the source', said, values);
    if (c.before.total === 0) return undecided('the base is zero: a percent change or ratio is undefined', said, values);
    const holds = relationHolds(r.relation.kind, r.relation.value, c.after, c.before);
    const caveats = c.change.lowBaseline
      ? [`low baseline: fewer than ${LOW_BASELINE} in ${periodLabel(c.before)}, percentages are unstable`]
      : [];
    if (c.basis === 'monthly_mean') caveats.push('the periods differ in length: monthly means are compared');
    return { ...base, ...values, holds, caveats, sentence: `${said}; ${test} ${holds ? 'holds' : 'does not hold'}.` };
  } catch (e) {
    if (e instanceof PeriodError) return undecided(e.message, `${subject}: ${e.message.replace(/\.$/, '')}`);
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

export function evaluateClaim(claim: Claim, placeOf: (r: Reading) => string, lookup: Lookup, dataset: DatasetRef): ClaimVerdict {
  const readings = claim.readings.map((r) => evaluateReading(r, placeOf(r), lookup));
  const verdict = verdictOf(readings);
  const held = readings.filter((r) => r.holds === true).length;
  const label = VERDICT_LABELS[verdict];
  return {
    ...claim,
    verdict,
    verdictLabel: label,
    summary: `${label}: ${held} of ${readings.length} readings hold.`,
    citation: `"${claim.quote}" ${label.toLowerCase()} by ACLED data: ${readings.map((r) => r.sentence).join(' ')} Source: ${dataset.credit}; Sahel Pulse dataset ${dataset.version}, data to ${dataset.asOf}.`,
    readings,
  };
}
