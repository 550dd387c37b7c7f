/**
 * The shapes of a headline claim and of its verdict: what data/claims.json holds, what the claims
 * route and /check send. Types only; claims.ts evaluates them against the series.
 */
import type { CategoryId, Measure } from './categories.ts';
import type { Change } from './change.ts';
import type { RelationKind } from './relations.ts';

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
  /**
   * A month `2023-07`, a range `2023-01..2023-08`, `trailing3` / `trailing12`, a day `2023-07-26`,
   * a range of days `2023-06-26..2023-07-25` or `trailingNd`; of the same unit as `after`; null
   * for `value_gte`.
   */
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
  /**
   * Other fair readings of the same words (e.g. "the month after" as the 30 days after a date),
   * each evaluated into its own verdict; the claim's headline verdict stays that of `readings`.
   */
  alternatives?: Alternative[];
  /**
   * The claim in French: a translation of the quote (shown beside the original, marked as a
   * translation), who made it (claimant.name), the interpretation, each relation's wording (keyed by the English wording) and
   * each alternative's interpretation, in order.
   */
  fr?: ClaimTranslation;
}

export interface ClaimTranslation {
  quote: string;
  /** Who made the claim, where and when (claimant.name), described in this language; proper names stay as they are. */
  claimant: string;
  /** What the translation is, when more needs saying (e.g. the quote is itself a translation). */
  note?: string;
  interpretation: string;
  wordings: Record<string, string>;
  alternatives?: string[];
}

/** A quote's translation, beside the quote as said: which language, the words, and what they are. */
export interface QuoteTranslation {
  lang: 'en' | 'fr';
  quote: string;
  note: string;
}

/** Another way to read a claim: what was taken to mean what, and the readings that follow. */
export interface Alternative {
  interpretation: string;
  readings: Reading[];
}

export type Verdict = 'supported' | 'partly_supported' | 'not_supported' | 'cannot_be_decided';

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

/** The verdict of one reading of a claim: its readings combined, a summary and a citation. */
export interface InterpretationVerdict {
  interpretation: string;
  verdict: Verdict;
  verdictLabel: string;
  summary: string;
  /** A compact sentence to quote, with the source credit and dataset version. */
  citation: string;
  readings: ReadingResult[];
}

export interface ClaimVerdict extends Omit<Claim, 'readings' | 'alternatives' | 'fr'>, InterpretationVerdict {
  /** The alternative readings' verdicts, reported beside the headline verdict (empty when none). */
  alternatives: InterpretationVerdict[];
  /** In a language other than the quote's: the quote translated, marked as such (absent otherwise). */
  translation?: QuoteTranslation;
}
