/**
 * Headline claims as data, and their evaluation against monthly series. The verdict and its
 * wording are computed from the numbers here, never written by hand. Pure: the caller supplies
 * a lookup of monthly values.
 */
import { category, type CategoryId, type Measure } from './categories.ts';
import { change, type Change, LOW_BASELINE } from './change.ts';
import { movement, subject as subjectOf } from './describe.ts';
import { monthLabel } from './month.ts';

/** What the claim says about the numbers. */
export type Relation =
  /** "rose by more than N%": (after - before) / before > N%. */
  | { kind: 'pct_increase_gt'; value: number; wording: string }
  /** "quadrupled" (N = 4), "surged" (N documented in the claim): after / before >= N. */
  | { kind: 'ratio_gte'; value: number; wording: string }
  /** "at least N killed": the value in `after` >= N (no `before`). */
  | { kind: 'value_gte'; value: number; wording: string };

/** One testable reading of a claim: one series, two months (or one), one relation. */
export interface Reading {
  country: string;
  admin1: string | null;
  category: CategoryId;
  measure: Measure;
  before: string | null;
  after: string;
  relation: Relation;
}

export interface Claim {
  id: string;
  /** The claim's wording, as quoted. */
  quote: string;
  claimant: { name: string; date: string | null; url: string | null };
  /** Why the readings were chosen (what "the month after" or "surged" was taken to mean). */
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
  readings: ReadingResult[];
}

/** A month's value in a series, or null when the series has no such month. */
export type Lookup = (
  r: Pick<Reading, 'country' | 'admin1' | 'category' | 'measure'>,
  month: string,
) => { value: number; partial: boolean } | null;

/** Evaluate one reading. Comparisons are done on the integer counts, so boundaries are exact. */
export function evaluateReading(r: Reading, place: string, lookup: Lookup): ReadingResult {
  const cat = category(r.category);
  const subject = subjectOf(cat.label, r.measure, place);
  const after = lookup(r, r.after);
  const before = r.before === null ? null : lookup(r, r.before);
  const base: Omit<ReadingResult, 'holds' | 'sentence' | 'caveats' | 'change'> = {
    ...r,
    place,
    definition: cat.definition,
    beforeValue: before?.value ?? null,
    afterValue: after?.value ?? null,
  };
  const missing = [r.before, r.after].filter((m, i) => m !== null && (i === 0 ? before : after) === null);
  if (missing.length > 0) {
    const list = missing.map((m) => monthLabel(m!)).join(' and ');
    return {
      ...base,
      change: null,
      holds: null,
      caveats: [`no data for ${list}`],
      sentence: `${subject}: the dataset has no figure for ${list}, so "${r.relation.wording}" cannot be decided.`,
    };
  }
  const partial = [before, after].some((p) => p?.partial);
  if (partial) {
    return {
      ...base,
      change: null,
      holds: null,
      caveats: ['a month is only partly covered by the source'],
      sentence: `${subject}: a month compared is only partly covered by the source, so "${r.relation.wording}" cannot be decided.`,
    };
  }
  const a = after!.value;
  if (r.relation.kind === 'value_gte') {
    const holds = a >= r.relation.value;
    return {
      ...base,
      change: null,
      holds,
      caveats: [],
      sentence: `${subject} in ${monthLabel(r.after)}: ${a}; "${r.relation.wording}" (at least ${r.relation.value}) ${holds ? 'holds' : 'does not hold'}.`,
    };
  }
  const b = before!.value;
  const c = change(b, a);
  const caveats = c.lowBaseline ? [`low baseline: fewer than ${LOW_BASELINE} in ${monthLabel(r.before!)}, percentages are unstable`] : [];
  const moved = movement({ month: r.before!, value: b }, { month: r.after, value: a }, c);
  if (b === 0) {
    return {
      ...base,
      change: c,
      holds: null,
      caveats: [...caveats, 'the base is zero: a percent change or ratio is undefined'],
      sentence: `${subject} ${moved}; a change from zero has no percentage, so "${r.relation.wording}" cannot be decided.`,
    };
  }
  const holds = r.relation.kind === 'pct_increase_gt' ? (a - b) * 100 > r.relation.value * b : a >= r.relation.value * b;
  const test = r.relation.kind === 'pct_increase_gt' ? `more than +${r.relation.value}%` : `at least ${r.relation.value}x`;
  return {
    ...base,
    change: c,
    holds,
    caveats,
    sentence: `${subject} ${moved}; "${r.relation.wording}" (${test}) ${holds ? 'holds' : 'does not hold'}.`,
  };
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

export function evaluateClaim(claim: Claim, placeOf: (r: Reading) => string, lookup: Lookup): ClaimVerdict {
  const readings = claim.readings.map((r) => evaluateReading(r, placeOf(r), lookup));
  const verdict = verdictOf(readings);
  const held = readings.filter((r) => r.holds === true).length;
  return {
    ...claim,
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    summary: `${VERDICT_LABELS[verdict]}: ${held} of ${readings.length} readings hold.`,
    readings,
  };
}
