/**
 * What verdict and comparison cards say, as text: a verdict object (a headline claim's, or
 * /api/v1/check's) -> the badge, the claim, each reading's sentence, figures and caveats, the
 * alternative readings, the definitions, the citation and the credit. Pure (no DOM); cards.ts
 * puts it on the page. Also which Compare view checks a headline claim. Loaded with the cards,
 * not by the first view.
 */
import type { CategoryId, Measure } from '../../model/categories.ts';
import type { ClaimVerdict, Reading, ReadingResult, Verdict } from '../../model/claim.ts';
import { daysIn } from '../../model/day.ts';
import { addMonths } from '../../model/month.ts';
import { isDayPeriod, windowLabel } from '../../model/period.ts';
import { type TrendBand, trendBand } from '../../model/trend.ts';
import type { Catalogue, DatasetRef } from '../../model/types.ts';
import { creditLine, fmtDay, fmtMean, fmtPct, fmtRatio, fmtSigned } from './format.ts';
import { LANG } from './lang.ts';
import { t } from './messages.ts';
import { tm } from './messages-more.ts';
import { comparePeriods, DEFAULT_STATE, parsePeriod, periodBounds, type ViewState } from './state.ts';

/**
 * A period as the claims and the compare route write it, in words.
 * @example periodText('2023-07') === 'July 2023', periodText('2023-01..2023-08') === 'January–August 2023',
 *   periodText('trailing12') === 'the 12 months before'
 */
export function periodText(p: string): string {
  const t = p.match(/^trailing(\d+)(d?)$/);
  if (t) return tm().monthsBefore(t[1]!, t[2] === 'd');
  const [a, b = a] = p.split('..') as [string, string?];
  return windowLabel({ unit: isDayPeriod(a) ? 'day' : 'month', from: a, to: b }, LANG);
}

/** A reading's numbers as label/value pairs. */
export function readingFigures(r: ReadingResult): [string, string][] {
  const out: [string, string][] = [];
  // Values are totals or, for periods of unequal length, means: to one decimal.
  const m = tm();
  if (r.before !== null) out.push([periodText(r.before), r.beforeValue === null ? m.noData : fmtMean(r.beforeValue)]);
  out.push([periodText(r.after), r.afterValue === null ? m.noData : fmtMean(r.afterValue)]);
  if (r.change) {
    out.push([m.figChange, `${fmtSigned(r.change.abs)} (${fmtPct(r.change.pct)})`]);
    out.push([m.figRatio, fmtRatio(r.change.ratio)]);
  }
  out.push([m.figTest, r.relation.wording]);
  return out;
}

export function holdsLabel(holds: boolean | null): string {
  const m = tm();
  return holds === true ? m.holds : holds === false ? m.doesNotHold : m.cannotDecide;
}

/** A symbol per verdict, so that the verdict is not told by colour alone. */
export const VERDICT_SYMBOLS: Record<Verdict, string> = {
  supported: '✓',
  partly_supported: '◐',
  not_supported: '✗',
  cannot_be_decided: '?',
};

/** The distinct definitions a claim's readings use, in order. */
export function claimDefinitions(c: ClaimVerdict): string[] {
  return [...new Set(c.readings.map((r) => r.definition))];
}

/** One reading as the card writes it. */
export interface ReadingText {
  measure: Measure;
  holds: boolean | null;
  /** 'Holds', 'Does not hold', 'Cannot be decided'. */
  label: string;
  sentence: string;
  figures: [string, string][];
  /** Why to read it with care: low baseline, partial month, unequal periods, what could not be decided. */
  caveats: string[];
  lowBaseline: boolean;
}

/** What a verdict card says, the same for a headline claim and for a check: all text, no markup. */
export interface VerdictCardText {
  verdict: Verdict;
  /** A symbol per verdict, so that it is not told by colour alone. */
  symbol: string;
  label: string;
  quote: string;
  /** Who made the claim, and when. */
  claimant: string;
  summary: string;
  readings: ReadingText[];
  interpretation: string;
  definitions: string[];
  /** The sentence to quote, with the credit and the dataset version. */
  citation: string;
  /** Source credit, dataset version and as-of date. */
  credit: string;
  /** Other fair readings of the same words, each with its own verdict (beside the headline one). */
  alternatives: AlternativeText[];
}

/** An alternative reading of a claim as the card writes it. */
export interface AlternativeText {
  verdict: Verdict;
  symbol: string;
  label: string;
  interpretation: string;
  summary: string;
  readings: ReadingText[];
  citation: string;
}

function readingText(r: ReadingResult): ReadingText {
  return {
    measure: r.measure,
    holds: r.holds,
    label: holdsLabel(r.holds),
    sentence: r.sentence,
    figures: readingFigures(r),
    caveats: r.caveats,
    lowBaseline: r.change?.lowBaseline === true,
  };
}

/** The card's text from a verdict object (a headline claim's, or /api/v1/check's). */
export function verdictCardText(c: ClaimVerdict, dataset: DatasetRef): VerdictCardText {
  return {
    verdict: c.verdict,
    symbol: VERDICT_SYMBOLS[c.verdict],
    label: c.verdictLabel,
    quote: `“${c.quote}”`,
    claimant: [c.claimant.name, c.claimant.date ? fmtDay(c.claimant.date) : null].filter(Boolean).join(', '),
    summary: c.summary,
    readings: c.readings.map(readingText),
    interpretation: c.interpretation,
    definitions: claimDefinitions(c),
    citation: c.citation,
    credit: creditLine(dataset),
    // Verdicts stored before alternatives existed have none.
    alternatives: (c.alternatives ?? []).map((a) => ({
      verdict: a.verdict,
      symbol: VERDICT_SYMBOLS[a.verdict],
      label: a.verdictLabel,
      interpretation: a.interpretation,
      summary: a.summary,
      readings: a.readings.map(readingText),
      citation: a.citation,
    })),
  };
}

/** A trend band with its words, as the compare card and the check card show it. */
export interface BandText {
  band: TrendBand;
  label: string;
  definition: string;
}

/**
 * The trend band of a check's reading of `measure` (the compare route's band for the same
 * periods: both come from the same change), or null when the check has no such reading or it
 * reads one period only (value_gte).
 */
export function readingBand(c: Pick<ClaimVerdict, 'readings'>, measure: Measure): BandText | null {
  const r = c.readings.find((x) => x.measure === measure && x.before !== null);
  if (!r) return null;
  const band = trendBand(r.change);
  return { band, label: t.trend(band), definition: tm().trendDefinition(band) };
}

/** A reading's series, as the page's state: the region's slug is looked up by name in the catalogue. */
export function readingView(
  r: Pick<Reading, 'country' | 'admin1' | 'category' | 'measure'>,
  catalogue: Catalogue,
): { country: string; category: CategoryId; measure: Measure; admin1: string | null } | null {
  const country = catalogue.countries.find((c) => c.iso3 === r.country);
  if (!country?.categories.includes(r.category)) return null;
  let admin1: string | null = null;
  if (r.admin1 !== null) {
    const region = country.admin1.find((a) => a.name.toLowerCase() === r.admin1!.toLowerCase() || a.slug === r.admin1);
    if (!region) return null;
    admin1 = region.slug;
  }
  return { country: r.country, category: r.category, measure: r.measure, admin1 };
}

/** A claim's Compare view: the state that checks it, and how many of its readings that check tests. */
export interface ClaimCheck {
  state: ViewState;
  tests: number;
  of: number;
}

/**
 * The Compare view that checks a claim's first reading (its series, periods and relation), with
 * the claim's other readings that differ from it only in the measure: so a claim read for events
 * and fatalities opens as one check of both. Null when the dashboard cannot show the reading
 * (a series or period it does not offer).
 */
export function claimCheck(c: { readings: readonly Reading[] }, catalogue: Catalogue): ClaimCheck | null {
  const first = c.readings[0];
  if (!first) return null;
  const series = readingView(first, catalogue);
  const after = parsePeriod(first.after);
  // value_gte reads "after" alone; the view still needs a "before" for its comparison: the month
  // before, or as many days before.
  const before = !after
    ? null
    : first.before !== null
      ? comparePeriods(first.before, after).before
      : isDayPeriod(after)
        ? comparePeriods(`trailing${daysIn(...periodBounds(after))}d`, after).before
        : addMonths(periodBounds(after)[0], -1);
  if (!series || !after || !before) return null;
  const same = (r: Reading) =>
    r.country === first.country &&
    r.admin1 === first.admin1 &&
    r.category === first.category &&
    r.before === first.before &&
    r.after === first.after &&
    r.relation.kind === first.relation.kind &&
    r.relation.value === first.relation.value;
  const tested = c.readings.filter(same);
  return {
    state: {
      ...DEFAULT_STATE,
      ...series,
      view: 'compare',
      before,
      after,
      relation: first.relation.kind,
      threshold: String(first.relation.value),
      wording: first.relation.wording,
      bothMeasures: tested.some((r) => r.measure !== first.measure),
    },
    tests: tested.length,
    of: c.readings.length,
  };
}
