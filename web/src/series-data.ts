/**
 * Pure functions turning API payloads into what the page shows: chart data, sentences, labels
 * and formatted numbers. No DOM, no Chart.js: everything here is unit-tested with exact values.
 */
import type { CategoryId, Measure } from '../../data/model/categories.ts';
import type { Change } from '../../data/model/change.ts';
import type { Reading } from '../../data/model/claims.ts';
import { RELATION_KINDS, RELATION_LABELS, type RelationKind, relationWords } from '../../data/model/relations.ts';
import type { Catalogue, DatasetRef, Point, SeriesDoc, SeriesInfo, SourceInfo } from '../../data/model/types.ts';
import { LOW_BASELINE } from '../../data/model/change.ts';
import { MEASURE_WORDS, placeName, subject } from '../../data/model/describe.ts';
import { addMonths, MONTH_NAMES, monthLabel } from '../../data/model/month.ts';
import { isDayPeriod, windowLabel } from '../../data/model/period.ts';
import ANNOTATIONS_FILE from '../../data/annotations.json' with { type: 'json' };
import { pointTrend, type PointTrend, TREND_DEFINITIONS, TREND_LABELS, trendBand, type TrendBand } from '../../data/model/trend.ts';

// ---------------------------------------------------------------------------------------------
// Formatting

/** Thousands separated by commas; up to two decimals for non-integers. @example fmtNum(1234) === '1,234' */
export function fmtNum(n: number): string {
  const neg = n < 0;
  const [int = '0', frac] = Math.abs(n)
    .toFixed(Number.isInteger(n) ? 0 : 2)
    .split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const dec = frac === undefined ? '' : `.${frac.replace(/0+$/, '')}`;
  return `${neg ? '-' : ''}${grouped}${dec === '.' ? '' : dec}`;
}

/** A signed difference. @example fmtSigned(12) === '+12', fmtSigned(-4) === '-4', fmtSigned(0) === '0' */
export function fmtSigned(n: number): string {
  return n > 0 ? `+${fmtNum(n)}` : fmtNum(n);
}

/** A percent change, as the API's sentences write it. null (zero base) -> 'n/a'. */
export function fmtPct(pct: number | null): string {
  return pct === null ? 'n/a' : `${fmtSigned(pct)}%`;
}

/** A ratio. @example fmtRatio(1.48) === '1.48x' */
export function fmtRatio(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${ratio}x`;
}

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** @example shortMonth('2023-07') === 'Jul 2023' */
export function shortMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return `${SHORT[mo - 1]} ${y}`;
}

/** @example fmtDate('2024-05-15') === '15 May 2024' */
export function fmtDate(d: string): string {
  const [y, mo, day] = d.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_NAMES[mo - 1]} ${y}`;
}

export const MEASURE_LABELS: Record<Measure, string> = { events: 'Events', fatalities: 'Reported fatalities' };

export { placeName };

/** @example 'Political violence events in Niger' */
export function seriesSubject(s: SeriesInfo): string {
  return subject(s.category.label, s.measure, placeName(s));
}

/**
 * What a series is, from the catalogue alone (as the series' own `series` field will say), so
 * that headings and definitions can be shown before the series arrives; null when the catalogue
 * lacks the country, region or category.
 */
export function seriesInfoFor(
  catalogue: Pick<Catalogue, 'countries' | 'categories'>,
  s: { country: string; admin1: string | null; category: CategoryId; measure: Measure },
): SeriesInfo | null {
  const country = catalogue.countries.find((c) => c.iso3 === s.country);
  const category = catalogue.categories.find((c) => c.id === s.category);
  const admin1 = s.admin1 === null ? null : (country?.admin1.find((r) => r.slug === s.admin1) ?? null);
  if (!country || !category || !country.categories.includes(category.id) || (s.admin1 !== null && !admin1)) return null;
  return {
    country: { iso3: country.iso3, name: country.name },
    admin1: admin1 && { name: admin1.name, slug: admin1.slug },
    category: { id: category.id, label: category.label, definition: category.definition },
    measure: s.measure,
  };
}

/** A heading for the chart. @example 'Political violence in Niger: events per month' */
export function seriesTitle(s: SeriesInfo): string {
  return `${s.category.label} in ${placeName(s)}: ${MEASURE_WORDS[s.measure]} per month`;
}

// ---------------------------------------------------------------------------------------------
// Summary sentence

export interface LatestComparison {
  /** Latest month the source covers whole. */
  current: Point;
  /** The month before it, when it can be compared (present and complete). */
  previous: Point | null;
  change: Change | null;
}

/** The latest complete month and the month before it, or null when no month is complete. */
export function latestComparison(points: readonly Point[]): LatestComparison | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const current = points[i]!;
    if (current.partial) continue;
    const prev = points[i - 1];
    const previous = prev && !prev.partial && current.vsPrevious !== null ? prev : null;
    return { current, previous, change: previous ? current.vsPrevious : null };
  }
  return null;
}

/**
 * One sentence on the latest complete month against the month before.
 * @example 'Political violence events in Niger rose from 25 in July 2023 to 37 in August 2023 (+48%).'
 */
export function summarySentence(doc: SeriesDoc): string {
  const subject = seriesSubject(doc.series);
  if (doc.points.length === 0) return `No data for ${lowerFirst(subject)}.`;
  const latest = latestComparison(doc.points);
  if (!latest) {
    const last = doc.points[doc.points.length - 1]!;
    return `${subject}: only partly covered months are available (${monthLabel(last.month)}: at least ${fmtNum(last.value)}).`;
  }
  const { current, previous, change } = latest;
  const a = current.value;
  if (!previous || !change) return `${subject} in ${monthLabel(current.month)}: ${fmtNum(a)}.`;
  const b = previous.value;
  const m1 = monthLabel(previous.month);
  const m2 = monthLabel(current.month);
  if (a === b) return `${subject} stayed at ${fmtNum(a)} from ${m1} to ${m2}.`;
  const verb = a > b ? 'rose' : 'fell';
  const pct = change.pct === null ? 'no percentage: the base is zero' : fmtPct(change.pct);
  return `${subject} ${verb} from ${fmtNum(b)} in ${m1} to ${fmtNum(a)} in ${m2} (${pct}).`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Last day a source covers, from the catalogue's sources. */
export function sourceEnds(sources: readonly SourceInfo[], id: string): string | null {
  return sources.find((s) => s.id === id)?.coverage.through ?? null;
}

/** @example 'Partial month: May 2024, source ends 15 May 2024 (the value is a lower bound).' */
export function partialNote(p: Point, sources: readonly SourceInfo[]): string {
  const through = sourceEnds(sources, p.source);
  const ends = through ? `, source ends ${fmtDate(through)}` : '';
  return `Partial month: ${monthLabel(p.month)}${ends} (the value is a lower bound).`;
}

/** @example 'Low baseline: fewer than 10 in July 2023, so percentages are unstable.' */
export function lowBaselineNote(baseMonth: string, threshold: number = LOW_BASELINE): string {
  return `Low baseline: fewer than ${threshold} in ${monthLabel(baseMonth)}, so percentages are unstable.`;
}

/** Notes shown under the summary: partial months in the series, and a low baseline in the summary's comparison. */
export function seriesNotes(doc: SeriesDoc, sources: readonly SourceInfo[], threshold: number = LOW_BASELINE): string[] {
  const notes: string[] = [];
  const latest = latestComparison(doc.points);
  if (latest?.change?.lowBaseline && latest.previous) notes.push(lowBaselineNote(latest.previous.month, threshold));
  for (const p of doc.points) if (p.partial) notes.push(partialNote(p, sources));
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Chart data

export interface LineData {
  months: string[];
  labels: string[];
  /** Values of complete months; null where the month is partial. */
  complete: (number | null)[];
  /** Partial months and their neighbours (so the dashed segment joins the solid line); null elsewhere. */
  partial: (number | null)[];
  /** Point radius on the partial dataset: drawn on partial months only. */
  partialRadius: number[];
  hasPartial: boolean;
  /** Extra tooltip line per month (partial month), or null. */
  notes: (string | null)[];
}

export function lineData(points: readonly Point[], sources: readonly SourceInfo[]): LineData {
  const isPartial = (i: number) => points[i]?.partial === true;
  return {
    months: points.map((p) => p.month),
    labels: points.map((p) => shortMonth(p.month)),
    complete: points.map((p) => (p.partial ? null : p.value)),
    partial: points.map((p, i) => (isPartial(i) || isPartial(i - 1) || isPartial(i + 1) ? p.value : null)),
    partialRadius: points.map((p) => (p.partial ? 5 : 0)),
    hasPartial: points.some((p) => p.partial),
    notes: points.map((p) => (p.partial ? partialNote(p, sources) : null)),
  };
}

export interface ChangeData {
  labels: string[];
  /** Month-over-month change (vsPrevious.abs) split by kind; null = not in this dataset (or no comparison). */
  rise: (number | null)[];
  fall: (number | null)[];
  /** Changes whose previous month is below the low-baseline threshold. */
  lowBaseline: (number | null)[];
  hasLowBaseline: boolean;
  /** Tooltip line per month. */
  notes: (string | null)[];
}

export function changeData(points: readonly Point[]): ChangeData {
  const pick = (p: Point, kind: 'rise' | 'fall' | 'low'): number | null => {
    const c = p.vsPrevious;
    if (!c) return null;
    const k = c.lowBaseline ? 'low' : c.abs >= 0 ? 'rise' : 'fall';
    return k === kind ? c.abs : null;
  };
  return {
    labels: points.map((p) => shortMonth(p.month)),
    rise: points.map((p) => pick(p, 'rise')),
    fall: points.map((p) => pick(p, 'fall')),
    lowBaseline: points.map((p) => pick(p, 'low')),
    hasLowBaseline: points.some((p) => p.vsPrevious?.lowBaseline === true),
    notes: points.map((p) => {
      const c = p.vsPrevious;
      if (!c) return p.partial ? 'Partial month: not compared' : 'No previous month to compare';
      return `${fmtNum(c.base)} -> ${fmtNum(c.value)} (${fmtPct(c.pct)})${c.lowBaseline ? ', low baseline' : ''}`;
    }),
  };
}

/** A turning point from data/annotations.json (a coup, ...): drawn on every time axis. */
export interface Annotation {
  /** YYYY-MM-DD. */
  date: string;
  /** ISO 3166-1 alpha-3 code, as in the catalogue. */
  country: string;
  label: string;
  kind: string;
  source: string;
}

export const ANNOTATIONS: readonly Annotation[] = (ANNOTATIONS_FILE as { annotations: Annotation[] }).annotations;
/** Kept for older callers: the annotations file's entries. */
export const COUPS = ANNOTATIONS;
export type Coup = Annotation;

export interface CoupMarker {
  /** Index of the event's month among the chart's months. */
  index: number;
  label: string;
  date: string;
}

/** Annotations in `country` whose month is among `months` (the chart's x axis). */
export function coupMarkers(country: string, months: readonly string[], coups: readonly Annotation[] = ANNOTATIONS): CoupMarker[] {
  return coups
    .filter((c) => c.country === country)
    .map((c) => ({ index: months.indexOf(c.date.slice(0, 7)), label: c.label, date: c.date }))
    .filter((m) => m.index >= 0);
}

/** Indexes of the partial months (drawn as shaded bands on every time axis). */
export function partialIndexes(points: readonly Pick<Point, 'partial'>[]): number[] {
  return points.flatMap((p, i) => (p.partial ? [i] : []));
}

// ---------------------------------------------------------------------------------------------
// Change chart and composition wording

/**
 * One sentence on the month-over-month changes shown.
 * @example 'Month-over-month change in political violence events in Niger: largest rise +40 in March 2024, largest fall -31 in May 2024.'
 */
export function changeSummary(doc: SeriesDoc): string {
  const subject = lowerFirst(seriesSubject(doc.series));
  const changes = doc.points.filter((p) => p.vsPrevious !== null);
  if (changes.length === 0) return `No month-over-month change can be computed for ${subject} in this range.`;
  const rise = changes.reduce((a, p) => (p.vsPrevious!.abs > a.vsPrevious!.abs ? p : a));
  const fall = changes.reduce((a, p) => (p.vsPrevious!.abs < a.vsPrevious!.abs ? p : a));
  const parts: string[] = [];
  if (rise.vsPrevious!.abs > 0) parts.push(`largest rise ${fmtSigned(rise.vsPrevious!.abs)} in ${monthLabel(rise.month)}`);
  if (fall.vsPrevious!.abs < 0) parts.push(`largest fall ${fmtSigned(fall.vsPrevious!.abs)} in ${monthLabel(fall.month)}`);
  const low = changes.filter((p) => p.vsPrevious!.lowBaseline).length;
  if (low > 0) parts.push(`${low} month${low === 1 ? '' : 's'} on a low baseline`);
  return `Month-over-month change in ${subject}: ${parts.length > 0 ? parts.join(', ') : 'no change'}.`;
}

export interface CompositionData {
  months: string[];
  labels: string[];
  /** One stack per event type, in the order given. */
  stacks: { id: CategoryId; label: string; values: (number | null)[] }[];
  partial: boolean[];
}

/** Stacked event types: docs are the event-type series of one place and measure, same range. */
export function compositionData(docs: readonly SeriesDoc[]): CompositionData {
  const months = [...new Set(docs.flatMap((d) => d.points.map((p) => p.month)))].sort();
  const partial = months.map((m) => docs.some((d) => d.points.some((p) => p.month === m && p.partial)));
  return {
    months,
    labels: months.map(shortMonth),
    stacks: docs.map((d) => {
      const byMonth = new Map(d.points.map((p) => [p.month, p.value]));
      return { id: d.series.category.id, label: d.series.category.label, values: months.map((m) => byMonth.get(m) ?? null) };
    }),
    partial,
  };
}

/**
 * The composition's sentence, on the latest complete month.
 * @example 'In August 2023, Battles made up 40% of events in Niger (20 of 50), the largest of 6 event types.'
 */
export function compositionSummary(d: CompositionData, measure: Measure, place: string): string {
  for (let i = d.months.length - 1; i >= 0; i--) {
    if (d.partial[i]) continue;
    const parts = d.stacks.map((s) => ({ label: s.label, value: s.values[i] ?? 0 }));
    const total = parts.reduce((a, p) => a + p.value, 0);
    if (total === 0) return `In ${monthLabel(d.months[i]!)}, no ${MEASURE_WORDS[measure]} were recorded in ${place}.`;
    const top = parts.reduce((a, p) => (p.value > a.value ? p : a));
    const share = Math.round((top.value / total) * 100);
    return `In ${monthLabel(d.months[i]!)}, ${top.label} made up ${share}% of ${MEASURE_WORDS[measure]} in ${place} (${fmtNum(top.value)} of ${fmtNum(total)}), the largest of ${parts.length} event types.`;
  }
  return `No complete month to describe for ${place}.`;
}

/**
 * The region ranking's sentence.
 * @example 'In August 2023, Tillaberi had the most political violence events of Niger's regions (30), then Diffa (12).'
 */
export function regionSummary(r: RegionRanking, subjectWords: string, country: string): string {
  if (r.month === null || r.rows.length === 0) return `No month is complete in every region of ${country}.`;
  const [a, b] = r.rows;
  const then = b ? `, then ${b.name} (${fmtNum(b.value)})` : '';
  return `In ${monthLabel(r.month)}, ${a!.name} had the most ${subjectWords} of ${country}’s regions (${fmtNum(a!.value)})${then}.`;
}

// ---------------------------------------------------------------------------------------------
// Overview

export interface OverviewFigure {
  /** Latest complete month, or null. */
  month: string | null;
  value: number | null;
  /** Against the previous month (null when it cannot be compared). */
  vsPrevious: Change | null;
  /** Against the trailing baseline (see data/model/trend.ts). */
  trend: PointTrend;
  /** The month after `month`, when the series has it in part only. */
  partialMonth: string | null;
}

/** The latest complete month of a series, its change and its trend band. */
export function overviewFigure(doc: SeriesDoc): OverviewFigure {
  const latest = latestComparison(doc.points);
  const last = doc.points.at(-1);
  const partialMonth = last?.partial ? last.month : null;
  if (!latest) {
    return {
      month: null,
      value: null,
      vsPrevious: null,
      trend: pointTrend({ partial: true, vsMean12: null, vsMean3: null }),
      partialMonth,
    };
  }
  return {
    month: latest.current.month,
    value: latest.current.value,
    vsPrevious: latest.change,
    trend: pointTrend(latest.current),
    partialMonth,
  };
}

/** @example 'vs 12-month mean of 31.5: +21% (1.21x)' */
export function trendDetail(t: PointTrend): string {
  if (!t.change || !t.baseline) return 'no trailing baseline to compare with';
  const months = t.baseline === 'mean12' ? 12 : 3;
  return `vs ${months}-month mean of ${fmtNum(t.change.base)}: ${fmtPct(t.change.pct)}${t.change.ratio === null ? '' : ` (${fmtRatio(t.change.ratio)})`}`;
}

/** The largest value across series (for a shared y scale), at least 1. */
export function sharedMax(docs: readonly SeriesDoc[]): number {
  return Math.max(1, ...docs.flatMap((d) => d.points.map((p) => p.value)));
}

// ---------------------------------------------------------------------------------------------
// Data tables (under every chart)

export interface Table {
  head: string[];
  rows: string[][];
}

/** The series' months: value, change from the previous month, and flags. */
export function seriesTable(doc: SeriesDoc): Table {
  return {
    head: ['Month', MEASURE_LABELS[doc.series.measure], 'Change vs previous month', 'Note'],
    rows: doc.points.map((p) => [
      monthLabel(p.month),
      fmtNum(p.value),
      p.vsPrevious ? `${fmtSigned(p.vsPrevious.abs)} (${fmtPct(p.vsPrevious.pct)})` : 'n/a',
      [p.partial ? 'partial month (lower bound)' : '', p.vsPrevious?.lowBaseline ? 'low baseline' : ''].filter(Boolean).join('; '),
    ]),
  };
}

export function compositionTable(d: CompositionData): Table {
  return {
    head: ['Month', ...d.stacks.map((s) => s.label), 'Note'],
    rows: d.months.map((m, i) => [
      monthLabel(m),
      ...d.stacks.map((s) => (s.values[i] === null || s.values[i] === undefined ? 'n/a' : fmtNum(s.values[i]!))),
      d.partial[i] ? 'partial month (lower bound)' : '',
    ]),
  };
}

// ---------------------------------------------------------------------------------------------
// CSV (downloads of charts built from several API series)

/** Join CSV documents with the same header (as the API sends them): the header once, then every row. */
export function mergeCsv(docs: readonly string[]): string {
  let header: string | null = null;
  const rows: string[] = [];
  for (const d of docs) {
    const lines = d.replace(/\r?\n$/, '').split(/\r?\n/);
    const [h, ...rest] = lines;
    if (h === undefined || h === '') continue;
    if (header === null) header = h;
    else if (h !== header) throw new Error(`CSV headers differ: ${h} vs ${header}`);
    rows.push(...rest.filter((l) => l !== ''));
  }
  return header === null ? '' : `${[header, ...rows].join('\r\n')}\r\n`;
}

/** A file name for downloads: `sahel-pulse_<parts>_<version>.<ext>`, safe characters only. */
export function downloadName(parts: readonly (string | null | undefined)[], version: string, ext: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '');
  return `sahel-pulse_${parts
    .filter((p): p is string => !!p)
    .map(clean)
    .join('_')}_${clean(version)}.${ext}`;
}

// ---------------------------------------------------------------------------------------------
// Regions

export interface RegionRow {
  slug: string;
  name: string;
  value: number;
  change: Change | null;
}

export interface RegionRanking {
  /** The latest month complete in every region's series; null when there is none. */
  month: string | null;
  /** Highest value first; ties by name. */
  rows: RegionRow[];
}

export function regionRanking(docs: readonly SeriesDoc[]): RegionRanking {
  const complete = docs.map((d) => new Map(d.points.filter((p) => !p.partial).map((p) => [p.month, p])));
  const candidates = [...(complete[0]?.keys() ?? [])].sort().reverse();
  const month = candidates.find((m) => complete.every((c) => c.has(m))) ?? null;
  if (month === null) return { month, rows: [] };
  const rows = docs.map((d, i) => {
    const p = complete[i]!.get(month)!;
    const a = d.series.admin1;
    return { slug: a?.slug ?? '', name: a?.name ?? d.series.country.name, value: p.value, change: p.vsPrevious };
  });
  rows.sort((x, y) => y.value - x.value || x.name.localeCompare(y.name));
  return { month, rows };
}

/** @example '+12 (+48%)', '-1 (-20%, low baseline)', 'n/a' */
export function fmtChange(c: Change | null): string {
  if (!c) return 'n/a';
  return `${fmtSigned(c.abs)} (${fmtPct(c.pct)}${c.lowBaseline ? ', low baseline' : ''})`;
}

// ---------------------------------------------------------------------------------------------
// Controls and claims

export interface Option {
  value: string;
  label: string;
}

/** Categories the country has, in the catalogue's order, with the catalogue's labels. */
export function categoryOptions(catalogue: Catalogue, iso3: string): Option[] {
  const country = catalogue.countries.find((c) => c.iso3 === iso3);
  if (!country) return [];
  const has = new Set<CategoryId>(country.categories);
  return catalogue.categories.filter((c) => has.has(c.id)).map((c) => ({ value: c.id, label: c.label }));
}

// ---------------------------------------------------------------------------------------------
// What the views draw

/** Region outlines available for the map, by country (only Niger's match ACLED's admin1 names). */
export const MAP_OUTLINES: Readonly<Record<string, string>> = { NER: '/geo/niger-admin1.json' };

/** The six ACLED event types, as categories: the composition chart stacks these. */
export const EVENT_TYPE_CATEGORIES: readonly CategoryId[] = [
  'battles',
  'explosions_remote_violence',
  'violence_against_civilians',
  'protests',
  'riots',
  'strategic_developments',
];

/** Default compare periods: the latest complete month, against the same month a year before. */
export function defaultPeriods(country: { months: { to: string }; partialMonths: string[] }): { before: string; after: string } {
  let after = country.months.to;
  while (country.partialMonths.includes(after)) after = addMonths(after, -1);
  return { before: addMonths(after, -12), after };
}

/** The credit line every download and every view carries. */
export function creditLine(d: { credit: string; version: string; asOf: string }): string {
  return `Source: ${d.credit} · dataset version ${d.version} · data as of ${fmtDate(d.asOf)}`;
}

// ---------------------------------------------------------------------------------------------
// Checking a claim: relations in words, and the verdict card's text

/** Each relation in plain language, N standing for the threshold (the Compare view's choices). */

export function isRelationKind(s: string | null): s is RelationKind {
  return (RELATION_KINDS as readonly (string | null)[]).includes(s);
}

/**
 * The relation's options for the select; a relation the URL names but the API does not know is
 * kept as an option of its own, so that the control shows what the URL asks for.
 */
export function relationOptions(current: string | null): Option[] {
  const known = RELATION_KINDS.map((k) => ({ value: k, label: RELATION_LABELS[k] }));
  const unknown = current !== null && !isRelationKind(current) ? [{ value: current, label: `“${current}” (not a relation)` }] : [];
  return [{ value: '', label: 'None: compare only' }, ...known, ...unknown];
}

/** A relation in plain words with its threshold. @example relationWording('ratio_gte', '4') === 'at least 4 times' */
export function relationWording(relation: string, threshold: string): string {
  return isRelationKind(relation) ? relationWords(relation, threshold) : `${relation} ${threshold}`;
}
