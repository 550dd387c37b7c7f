/**
 * One series as the overview and the country view both show it: what it is (subject, title,
 * from the catalogue before it arrives), its sentence on the latest complete month, its notes,
 * its line chart's data and its data table. Pure: no DOM, no Chart.js.
 */

import type { WeekSeries } from '../../model/api.ts';
import type { Change } from '../../model/change.ts';
import type { Point, SeriesDoc, SeriesInfo, SourceInfo, WeekPoint } from '../../model/types.ts';
import { fmtDay, fmtMonth, fmtPct, fmtSigned, fmtWeek, num, shortMonth } from './format.ts';
import { t } from './messages.ts';

/** @example 'Political violence events in Niger' */
export function seriesSubject(s: SeriesInfo): string {
  return t.subject(s);
}

/** A heading for the chart. @example 'Political violence in Niger: events per month' */
export function seriesTitle(s: SeriesInfo): string {
  return t.seriesTitle(s);
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
  if (doc.points.length === 0) return t.noData(subject);
  const latest = latestComparison(doc.points);
  if (!latest) {
    const last = doc.points[doc.points.length - 1]!;
    return t.onlyPartial(subject, fmtMonth(last.month), num(last.value));
  }
  const { current, previous, change } = latest;
  const a = current.value;
  if (!previous || !change) return t.inMonth(subject, fmtMonth(current.month), num(a));
  const b = previous.value;
  const m1 = fmtMonth(previous.month);
  const m2 = fmtMonth(current.month);
  if (a === b) return t.stayed(subject, num(a), m1, m2);
  return t.changed(subject, a > b, num(b), m1, num(a), m2, change.pct === null ? null : fmtPct(change.pct));
}

/** Last day a source covers, from the catalogue's sources. */
export function sourceEnds(sources: readonly SourceInfo[], id: string): string | null {
  return sources.find((s) => s.id === id)?.coverage.through ?? null;
}

/** @example 'Partial month: May 2024, source ends 15 May 2024 (the value is a lower bound).' */
export function partialNote(p: Point, sources: readonly SourceInfo[]): string {
  const through = sourceEnds(sources, p.source);
  return t.partialNote(fmtMonth(p.month), through ? fmtDay(through) : null);
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
    partialLabel: t.partialLabel,
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
    notes: points.map((p) => t.weekNote(fmtWeek(p.week), p.provisional)),
    partialLabel: t.provisionalLabel,
  };
}

/** A weekly series' title. @example 'Political violence in Niger: events per ACLED week' */
export function weekSeriesTitle(s: SeriesInfo): string {
  return t.weekSeriesTitle(s);
}

/**
 * One sentence on a weekly series: its latest week against the week before, provisional said.
 * @example 'Political violence events in Niger: 31 in the week 14–20 March 2026 (provisional), against 28 the week before.'
 */
export function weekSummary(doc: WeekSeries): string {
  const subject = seriesSubject(doc.series);
  const last = doc.points.at(-1);
  if (!last) return t.noWeekly(subject);
  const prev = doc.points.at(-2);
  return t.weekSummary(
    subject,
    num(last.value),
    fmtWeek(last.week),
    last.provisional,
    prev ? num(prev.value) : null,
    prev?.provisional === true,
  );
}

/** A weekly series' weeks: days, value, change from the previous week, and whether provisional. */
export function weekTable(doc: WeekSeries): Table {
  return {
    head: [t.colWeek, t.measure[doc.series.measure], t.colChangeWeek, t.colNote],
    rows: doc.points.map((p) => [
      fmtWeek(p.week),
      num(p.value),
      p.vsPrevious ? `${fmtSigned(p.vsPrevious.abs)} (${fmtPct(p.vsPrevious.pct)})` : t.na,
      [p.provisional ? t.cellProvisional : '', p.vsPrevious?.lowBaseline ? t.lowBaseline : ''].filter(Boolean).join('; '),
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
    head: [t.colMonth, t.measure[doc.series.measure], t.colChangeMonth, t.colNote],
    rows: doc.points.map((p) => [
      fmtMonth(p.month),
      num(p.value),
      p.vsPrevious ? `${fmtSigned(p.vsPrevious.abs)} (${fmtPct(p.vsPrevious.pct)})` : t.na,
      [p.partial ? t.cellPartial : '', p.vsPrevious?.lowBaseline ? t.lowBaseline : ''].filter(Boolean).join('; '),
    ]),
  };
}
