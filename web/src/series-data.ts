/**
 * One series as the overview and the country view both show it: what it is (subject, title,
 * from the catalogue before it arrives), its sentence on the latest complete month, its notes,
 * its line chart's data and its data table. Pure: no DOM, no Chart.js.
 */

import type { WeekSeries } from '../../model/api.ts';
import type { CategoryId, Measure } from '../../model/categories.ts';
import { type Change, LOW_BASELINE } from '../../model/change.ts';
import { MEASURE_WORDS, placeName, subject } from '../../model/describe.ts';
import { fmtDate, fmtNum } from '../../model/format.ts';
import { monthLabel } from '../../model/month.ts';
import type { Catalogue, Point, SeriesDoc, SeriesInfo, SourceInfo, WeekPoint } from '../../model/types.ts';
import { weekLabel } from '../../model/week.ts';
import { fmtPct, fmtSigned, lowerFirst, MEASURE_LABELS, shortMonth } from './format.ts';

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

export interface LineData {
  /** The x axis' periods: months, or week starts (weekly series). */
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
  /** The legend's name for the dashed part: partial months, or provisional weeks. */
  partialLabel: string;
}

/** The legend entry of provisional weeks (explained once, in the overview's intro). */
export const PROVISIONAL_LABEL = 'Provisional (ACLED may revise)';

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
    partialLabel: 'Partial month (lower bound)',
  };
}

/** A weekly series' line: solid for settled weeks, dashed over a shaded band for provisional ones. */
export function weekLineData(points: readonly WeekPoint[]): LineData {
  const prov = (i: number) => points[i]?.provisional === true;
  return {
    months: points.map((p) => p.week),
    // Month names on the axis (a day would not fit a small chart); the tooltip names the week.
    labels: points.map((p) => shortMonth(p.week.slice(0, 7))),
    complete: points.map((p) => (p.provisional ? null : p.value)),
    partial: points.map((p, i) => (prov(i) || prov(i - 1) || prov(i + 1) ? p.value : null)),
    partialRadius: points.map((p) => (p.provisional ? 4 : 0)),
    hasPartial: points.some((p) => p.provisional),
    notes: points.map((p) => `Week ${weekLabel(p.week)}${p.provisional ? ' (provisional: ACLED may revise it)' : ''}`),
    partialLabel: PROVISIONAL_LABEL,
  };
}

/** A weekly series' title. @example 'Political violence in Niger: events per ACLED week' */
export function weekSeriesTitle(s: SeriesInfo): string {
  return `${s.category.label} in ${placeName(s)}: ${MEASURE_WORDS[s.measure]} per ACLED week`;
}

/**
 * One sentence on a weekly series: its latest week against the week before, provisional said.
 * @example 'Political violence events in Niger: 31 in the week 14–20 March 2026 (provisional), against 28 the week before.'
 */
export function weekSummary(doc: WeekSeries): string {
  const subject = seriesSubject(doc.series);
  const last = doc.points.at(-1);
  if (!last) return `No weekly data for ${lowerFirst(subject)}.`;
  const prev = doc.points.at(-2);
  const before = prev ? `, against ${fmtNum(prev.value)} the week before${prev.provisional ? ' (also provisional)' : ''}` : '';
  return `${subject}: ${fmtNum(last.value)} in the week ${weekLabel(last.week)}${last.provisional ? ' (provisional)' : ''}${before}.`;
}

/** A weekly series' weeks: days, value, change from the previous week, and whether provisional. */
export function weekTable(doc: WeekSeries): Table {
  return {
    head: ['Week (Saturday to Friday)', MEASURE_LABELS[doc.series.measure], 'Change vs previous week', 'Note'],
    rows: doc.points.map((p) => [
      weekLabel(p.week),
      fmtNum(p.value),
      p.vsPrevious ? `${fmtSigned(p.vsPrevious.abs)} (${fmtPct(p.vsPrevious.pct)})` : 'n/a',
      [p.provisional ? 'provisional (ACLED may revise)' : '', p.vsPrevious?.lowBaseline ? 'low baseline' : ''].filter(Boolean).join('; '),
    ]),
  };
}

/** Indexes of the partial months (drawn as shaded bands on every time axis). */
export function partialIndexes(points: readonly Pick<Point, 'partial'>[]): number[] {
  return points.flatMap((p, i) => (p.partial ? [i] : []));
}

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
