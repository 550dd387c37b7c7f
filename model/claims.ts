/**
 * Headline claims as data, and their evaluation against the series. The verdict and its wording
 * are computed from the numbers here, never written by hand. Pure: the caller supplies the
 * series (see `Lookup`); periods are compared by compare.ts, as the API's compare route does.
 */
import type { Claim, ClaimVerdict, InterpretationVerdict, Reading, ReadingResult, Verdict } from './claim.ts';
import {
  AlignmentError,
  type Comparison,
  compare,
  compareWindows,
  lengthOf,
  PeriodError,
  periodValue,
  type WindowSource,
  weeksSource,
  windowsOf,
  windowValue,
} from './compare.ts';
import { REGION_DAYS_WHY } from './days.ts';
import type { Lang } from './lang.ts';
import { countryFr } from './names-fr.ts';
import { isDayPeriod, PeriodSyntaxError, resolvePeriods } from './period.ts';
import { periodMessage } from './period-messages.ts';
import type { RelationKind } from './relations.ts';
import type { DatasetRef, DaysDoc, SeriesDoc, SeriesInfo, WeeksDoc } from './types.ts';
import { admin1Fr, WORDS } from './words.ts';

/** The series a reading is about, or null when the dataset has none. */
export type Lookup = (r: Pick<Reading, 'country' | 'admin1' | 'category' | 'measure'>) => SeriesDoc | null;

/** A country's daily counts of a category (both measures), or null when the dataset has none. */
export type DaysLookup = (r: Pick<Reading, 'country' | 'category'>) => DaysDoc | null;

/** A region's weekly counts of a category (both measures), or null when the dataset has none. */
export type WeeksLookup = (r: Pick<Reading, 'country' | 'admin1' | 'category'>) => WeeksDoc | null;

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
  place: Place,
  lookup: Lookup,
  days: DaysLookup = () => null,
  weeks: WeeksLookup = () => null,
  lang: Lang = 'en',
): ReadingResult {
  const w = WORDS[lang];
  const subject = w.subject({ category: r.category, measure: r.measure, ...place });
  const q = lang === 'fr' ? ['« ', ' »'] : ['"', '"'];
  const test = `${q[0]}${r.relation.wording}${q[1]} (${w.test[r.relation.kind](r.relation.value)})`;
  const base = { ...r, place: placeLabel(place, lang), definition: w.category[r.category].definition };
  const undecided = (why: string, sentence: string, partial: Partial<ReadingResult> = {}): ReadingResult => ({
    ...base,
    beforeValue: null,
    afterValue: null,
    change: null,
    ...partial,
    holds: null,
    caveats: [why],
    sentence: w.reading.undecided(sentence, test),
  });
  const byDay = isDayPeriod(r.after);
  let doc: SeriesDoc | null = null;
  let windows: WindowSource | null = null;
  let info: Pick<SeriesInfo, 'country' | 'admin1' | 'category'> | null = null;
  if (!byDay) {
    doc = lookup(r);
    if (!doc) return undecided(w.reading.noSeries, w.reading.noSeriesOf(subject));
  } else if (r.admin1 !== null) {
    const wk = weeks(r);
    if (!wk) return undecided(w.reading.regionDaysWhy, w.reading.regionDays(subject));
    windows = weeksSource(wk, REGION_DAYS_WHY);
    info = wk.info;
  } else {
    const daily: DaysDoc | null = days(r);
    if (!daily) return undecided(w.reading.noDaily, w.reading.noDailyOf(subject));
    if (daily.days === null && !daily.weeks)
      return undecided(daily.why ?? w.reading.noDaily, w.reading.noDailyFor(subject, daily.series.country.name));
    windows = windowsOf(daily);
    info = { ...daily.series, admin1: null };
  }
  try {
    if (r.relation.kind === 'value_gte' || r.before === null) {
      const win = resolvePeriods(null, r.after).after;
      const p = windows ? windowValue(windows, r.measure, r.after, win, lang) : periodValue(doc!, r.after, [win.from, win.to], lang);
      if (p.partial) return undecided(w.reading.partial, w.reading.partialPeriod(subject, p));
      const holds = p.total >= r.relation.value;
      return {
        ...base,
        beforeValue: null,
        afterValue: p.total,
        change: null,
        holds,
        caveats: [],
        sentence: w.reading.value(subject, p, p.total, test, holds),
      };
    }
    const c: Comparison = windows
      ? compareWindows(windows, { ...info!, measure: r.measure }, r.before, r.after, lang)
      : compare(doc!, r.before, r.after, lang);
    const values = { beforeValue: c.before.value, afterValue: c.after.value, change: c.change };
    const said = c.sentence.replace(/\.$/, '');
    if (c.change === null) return undecided(w.reading.partial, said, values);
    if (c.before.total === 0) return undecided(w.reading.zeroBase, said, values);
    const frac = (p: Comparison['before']) => ({ total: p.total, length: lengthOf(p) });
    const holds = relationHolds(r.relation.kind, r.relation.value, frac(c.after), frac(c.before));
    const caveats = c.change.lowBaseline ? [w.reading.lowBaseline(c.before)] : [];
    if (c.basis !== 'total') caveats.push(w.reading.differentLengths(c.basis === 'daily_mean' ? 'day' : 'month'));
    return { ...base, ...values, holds, caveats, sentence: w.reading.compared(said, test, holds) };
  } catch (e) {
    if (e instanceof PeriodError || e instanceof AlignmentError) return undecided(e.message, `${subject}: ${e.message.replace(/\.$/, '')}`);
    throw e;
  }
}

/** Where a reading is: the country's name and the region's, as the catalogue writes them. */
export interface Place {
  country: string;
  admin1: string | null;
}

/** 'Niger', 'Tillaberi (Niger)'; in French the country's French name ('Tchad'). */
export function placeLabel(p: Place, lang: Lang = 'en'): string {
  if (lang === 'en') return p.admin1 ? `${p.admin1} (${p.country})` : p.country;
  return p.admin1 ? `${admin1Fr(p.admin1)} (${countryFr(p.country)})` : countryFr(p.country);
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
  placeOf: (r: Reading) => Place,
  lookup: Lookup,
  dataset: DatasetRef,
  days: DaysLookup = () => null,
  weeks: WeeksLookup = () => null,
  lang: Lang = 'en',
): ClaimVerdict {
  const w = WORDS[lang];
  // French: the interpretations and the relations' wordings as translated in the claims file;
  // the quote stays as said, with its translation beside it.
  const fr = lang === 'fr' ? claim.fr : undefined;
  const worded = (r: Reading): Reading =>
    fr ? { ...r, relation: { ...r.relation, wording: fr.wordings[r.relation.wording] ?? r.relation.wording } } : r;
  const judge = (interpretation: string, readings: Reading[], alternative: boolean): InterpretationVerdict => {
    const results = readings.map((r) => evaluateReading(worded(r), placeOf(r), lookup, days, weeks, lang));
    const verdict = verdictOf(results);
    const held = results.filter((r) => r.holds === true).length;
    const label = w.verdict[verdict];
    return {
      interpretation,
      verdict,
      verdictLabel: label,
      summary: w.reading.summary(label, held, results.length),
      citation: w.cite({
        quote: claim.quote,
        translation: fr?.quote ?? null,
        verdict: label,
        alternative,
        sentences: results.map((r) => r.sentence).join(' '),
        credit: dataset.credit,
        version: dataset.version,
        asOf: dataset.asOf,
      }),
      readings: results,
    };
  };
  const { alternatives = [], fr: _, ...rest } = claim;
  return {
    ...rest,
    // Who made the claim, described in French where the claims file says it (the quote itself stays as said).
    ...(fr ? { claimant: { ...claim.claimant, name: fr.claimant } } : {}),
    ...judge(fr?.interpretation ?? claim.interpretation, claim.readings, false),
    alternatives: alternatives.map((a, i) => judge(fr?.alternatives?.[i] ?? a.interpretation, a.readings, true)),
    ...(fr
      ? {
          translation: {
            lang: 'fr' as const,
            quote: fr.quote,
            note: fr.note ?? 'Traduction de Sahel Pulse ; la citation originale est en anglais.',
          },
        }
      : {}),
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
      out.push(`claim ${claim.id} ${where}: ${periodMessage(e.problem)}`);
    }
  }
  return out;
}
