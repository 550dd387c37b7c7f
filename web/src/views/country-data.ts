/**
 * The country view's shaping: month-over-month changes, the composition by event type, the
 * regions ranked, and their sentences and tables. Pure: no DOM, no Chart.js.
 */
import type { CategoryId, Measure } from '../../../model/categories.ts';
import { LOW_BASELINE } from '../../../model/change.ts';
import type { Catalogue, Point, SeriesDoc, SeriesInfo, SourceInfo } from '../../../model/types.ts';
import { fmtMonth, fmtPct, fmtSigned, lowerFirst, num, shortMonth } from '../format.ts';
import { t } from '../messages.ts';
import { tm } from '../messages-more.ts';
import { latestComparison, partialNote, seriesSubject, type Table } from '../series-data.ts';
import { windowLabel } from './overview-data.ts';
import type { RegionRow, RegionWeekRanking } from './region-ranking.ts';

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
      if (!c) return tm().changeNoteNone(p.partial);
      return tm().changeNote(num(c.base), num(c.value), fmtPct(c.pct), c.lowBaseline);
    }),
  };
}

/**
 * One sentence on the month-over-month changes shown.
 * @example 'Month-over-month change in political violence events in Niger: largest rise +40 in March 2024, largest fall -31 in May 2024.'
 */
export function changeSummary(doc: SeriesDoc): string {
  const subject = lowerFirst(seriesSubject(doc.series));
  const changes = doc.points.filter((p) => p.vsPrevious !== null);
  const m = tm();
  if (changes.length === 0) return m.noChange(subject);
  const rise = changes.reduce((a, p) => (p.vsPrevious!.abs > a.vsPrevious!.abs ? p : a));
  const fall = changes.reduce((a, p) => (p.vsPrevious!.abs < a.vsPrevious!.abs ? p : a));
  const parts: string[] = [];
  if (rise.vsPrevious!.abs > 0) parts.push(m.largestRise(fmtSigned(rise.vsPrevious!.abs), fmtMonth(rise.month)));
  if (fall.vsPrevious!.abs < 0) parts.push(m.largestFall(fmtSigned(fall.vsPrevious!.abs), fmtMonth(fall.month)));
  const low = changes.filter((p) => p.vsPrevious!.lowBaseline).length;
  if (low > 0) parts.push(m.lowMonths(low));
  return m.changeSummary(subject, parts);
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
      const c = d.series.category;
      return { id: c.id, label: t.category(c.id, c.label), values: months.map((m) => byMonth.get(m) ?? null) };
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
    if (total === 0) return tm().compNone(fmtMonth(d.months[i]!), measure, place);
    const top = parts.reduce((a, p) => (p.value > a.value ? p : a));
    const share = Math.round((top.value / total) * 100);
    return tm().compTop(fmtMonth(d.months[i]!), top.label, share, measure, place, num(top.value), num(total), parts.length);
  }
  return tm().compNoMonth(place);
}

export function compositionTable(d: CompositionData): Table {
  return {
    head: [tm().colMonth, ...d.stacks.map((s) => s.label), tm().colNote],
    rows: d.months.map((m, i) => [
      fmtMonth(m),
      ...d.stacks.map((s) => (s.values[i] === null || s.values[i] === undefined ? tm().na : num(s.values[i]!))),
      d.partial[i] ? tm().cellPartial : '',
    ]),
  };
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
    return { slug: a?.slug ?? '', name: a ? t.region(a.name) : t.country(d.series.country.name), value: p.value, change: p.vsPrevious };
  });
  rows.sort((x, y) => y.value - x.value || x.name.localeCompare(y.name));
  return { month, rows };
}

/**
 * The region ranking's sentence.
 * @example 'In August 2023, Tillaberi had the most political violence events of Niger's regions (30), then Diffa (12).'
 */
export function regionSummary(r: RegionRanking, subjectWords: string, country: string): string {
  if (r.month === null || r.rows.length === 0) return tm().regionNone(country);
  const [a, b] = r.rows;
  return tm().regionTop(fmtMonth(r.month), a!.name, subjectWords, country, num(a!.value), b ? `${b.name} (${num(b.value)})` : null);
}

/**
 * The weekly ranking's sentence.
 * @example 'In the four weeks 21 February–20 March 2026 (provisional), Borno had the most political violence events of Nigeria’s regions (80), then Zamfara (40).'
 */
export function regionWeekSummary(r: RegionWeekRanking, subjectWords: string, country: string): string {
  if (r.window === null || r.rows.length === 0) return tm().regionWeekNone(country);
  const [a, b] = r.rows;
  return tm().regionWeekTop(
    windowLabel(r.window),
    r.window.provisional,
    a!.name,
    subjectWords,
    country,
    num(a!.value),
    b ? `${b.name} (${num(b.value)})` : null,
  );
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

/** @example 'Low baseline: fewer than 10 in July 2023, so percentages are unstable.' */
export function lowBaselineNote(baseMonth: string, threshold: number = LOW_BASELINE): string {
  return tm().lowBaselineNote(fmtMonth(baseMonth), threshold);
}

/** Notes shown under the summary: partial months in the series, and a low baseline in the summary's comparison. */
export function seriesNotes(doc: SeriesDoc, sources: readonly SourceInfo[], threshold: number = LOW_BASELINE): string[] {
  const notes: string[] = [];
  const latest = latestComparison(doc.points);
  if (latest?.change?.lowBaseline && latest.previous) notes.push(lowBaselineNote(latest.previous.month, threshold));
  for (const p of doc.points) if (p.partial) notes.push(partialNote(p, sources));
  return notes;
}
