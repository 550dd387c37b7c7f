/**
 * Monthly aggregates of several sources -> one monthly series per geography x category x
 * measure, each month taken from one source by a stated rule, with month-over-month metrics.
 * Also reports where sources that cover the same country-month disagree. Pure.
 */
import { CATALOGUE_NOTES } from '../../model/catalogue-notes.ts';
import { CATEGORIES, type Category, type CategoryId, MEASURES, type Measure } from '../../model/categories.ts';
import { change } from '../../model/change.ts';
import { addMonths, daysInMonth, monthRange } from '../../model/month.ts';
import { provisionalMonth } from '../../model/provisional.ts';
import type { AggregateRow, Disagreement, Point, SourceInfo } from '../../model/types.ts';

/** The rule that decides between sources (the catalogue's `precedence`; in French: model/catalogue-notes.ts). */
export const PRECEDENCE = CATALOGUE_NOTES.en.precedence;

export type Coverage = 'full' | 'partial' | 'none';

/** How much of `month` a source covers, from its first and last covered day. */
export function coverageOf(src: Pick<SourceInfo, 'coverage'>, month: string): Coverage {
  const start = `${month}-01`;
  const end = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const { from, through } = src.coverage;
  if (!from || from > end || through < start) return 'none';
  return from <= start && through >= end ? 'full' : 'partial';
}

interface Cell {
  events: number;
  fatalities: number;
}

/** Aggregates of one source, indexed by geography, month and category. */
export class SourceIndex {
  private readonly cells = new Map<string, Cell>();
  readonly countries = new Set<string>();
  /** admin1 names per country, as the source spells them. */
  readonly admin1 = new Map<string, Set<string>>();

  readonly info: SourceInfo;

  constructor(info: SourceInfo, rows: readonly AggregateRow[]) {
    this.info = info;
    for (const r of rows) {
      this.countries.add(r.country);
      this.bump(`${r.country}|*|${r.month}|${r.category}`, r);
      if (r.admin1) {
        if (!this.admin1.has(r.country)) this.admin1.set(r.country, new Set());
        this.admin1.get(r.country)!.add(r.admin1);
        this.bump(`${r.country}|${r.admin1}|${r.month}|${r.category}`, r);
      }
    }
  }

  private bump(key: string, r: Cell): void {
    const c = this.cells.get(key) ?? { events: 0, fatalities: 0 };
    c.events += r.events;
    c.fatalities += r.fatalities;
    this.cells.set(key, c);
  }

  /**
   * Can this source give `cat` exactly? The categories it lists (SourceInfo.categories) when it
   * lists them; otherwise, as before sources listed them, aggregated tables give the event-type
   * categories and event-level sources all. A weekly source gives no calendar month at all.
   */
  gives(cat: Category): boolean {
    if (this.info.unit === 'week') return false;
    if (this.info.categories) return this.info.categories.includes(cat.id);
    return cat.needs === 'event_type' || this.info.kind === 'event';
  }

  /** Value for a country (admin1 null) or region in a month; 0 where the source has no row. */
  value(country: string, admin1: string | null, month: string, cat: CategoryId, measure: Measure): number {
    return this.cells.get(`${country}|${admin1 ?? '*'}|${month}|${cat}`)?.[measure] ?? 0;
  }

  months(): string[] {
    const { from, through } = this.info.coverage;
    return from ? monthRange(from.slice(0, 7), through.slice(0, 7)) : [];
  }
}

export interface RawPoint {
  month: string;
  value: number;
  source: string;
  partial: boolean;
  /** The month containing the end of the source it comes from (see model/provisional.ts). */
  provisional: boolean;
}

/** The monthly values of one series, each month from the source PRECEDENCE picks. */
export function rawSeries(
  sources: readonly SourceIndex[],
  country: string,
  admin1: string | null,
  cat: Category,
  measure: Measure,
): RawPoint[] {
  const candidates = sources.filter(
    (s) => s.gives(cat) && s.countries.has(country) && (admin1 === null || s.admin1.get(country)?.has(admin1)),
  );
  const months = [...new Set(candidates.flatMap((s) => s.months()))].sort();
  const out: RawPoint[] = [];
  for (const month of months) {
    const best = pick(candidates, month);
    if (!best) continue;
    out.push({
      month,
      value: best.src.value(country, admin1, month, cat.id, measure),
      source: best.src.info.id,
      partial: best.cov === 'partial',
      provisional: month === provisionalMonth(best.src.info.coverage.through),
    });
  }
  return out;
}

function pick(candidates: readonly SourceIndex[], month: string): { src: SourceIndex; cov: Coverage } | null {
  let best: { src: SourceIndex; cov: Coverage } | null = null;
  for (const src of candidates) {
    const cov = coverageOf(src.info, month);
    if (cov === 'none') continue;
    if (!best || rank(cov, src) > rank(best.cov, best.src)) best = { src, cov };
  }
  return best;
}

const rank = (cov: Coverage, src: SourceIndex): string => `${cov === 'full' ? 1 : 0}|${src.info.retrieved}`;

/**
 * Add month-over-month metrics. Comparisons that involve a partial month are left null: half a
 * month set against a whole one reads as a fall that did not happen.
 */
export function withMetrics(raw: readonly RawPoint[]): Point[] {
  const byMonth = new Map(raw.map((p) => [p.month, p]));
  // Mean of the n months before raw[i]; null unless they are consecutive and complete.
  const window = (i: number, n: number): number | null => {
    const prev = raw.slice(Math.max(0, i - n), i);
    if (prev.length < n || prev.some((p) => p.partial) || addMonths(prev[0]!.month, n) !== raw[i]!.month) return null;
    return prev.reduce((a, p) => a + p.value, 0) / n;
  };
  return raw.map((p, i) => {
    const prev = byMonth.get(addMonths(p.month, -1));
    const yearAgo = byMonth.get(addMonths(p.month, -12));
    const comparable = (b: RawPoint | undefined): b is RawPoint => !!b && !p.partial && !b.partial;
    const mean3 = p.partial ? null : window(i, 3);
    const mean12 = p.partial ? null : window(i, 12);
    return {
      month: p.month,
      value: p.value,
      source: p.source,
      partial: p.partial,
      provisional: p.provisional,
      vsPrevious: comparable(prev) ? change(prev.value, p.value) : null,
      mean3: mean3 === null ? null : Math.round(mean3 * 100) / 100,
      vsMean3: mean3 === null ? null : change(mean3, p.value),
      mean12: mean12 === null ? null : Math.round(mean12 * 100) / 100,
      vsMean12: mean12 === null ? null : change(mean12, p.value),
      vsYearAgo: comparable(yearAgo) ? change(yearAgo.value, p.value) : null,
    };
  });
}

/** Country-months where two sources both give a figure for an event-type category and differ. */
export function disagreements(sources: readonly SourceIndex[]): Disagreement[] {
  const out: Disagreement[] = [];
  const countries = [...new Set(sources.flatMap((s) => [...s.countries]))].sort();
  for (const country of countries) {
    const having = sources.filter((s) => s.countries.has(country) && s.info.unit !== 'week');
    if (having.length < 2) continue;
    for (const cat of CATEGORIES.filter((c) => c.needs === 'event_type')) {
      const months = [...new Set(having.flatMap((s) => s.months()))].sort();
      for (const month of months) {
        const covering = having.filter((s) => coverageOf(s.info, month) !== 'none' && s.gives(cat));
        if (covering.length < 2) continue;
        const used = pick(covering, month)!;
        for (const measure of MEASURES) {
          const values = Object.fromEntries(covering.map((s) => [s.info.id, s.value(country, null, month, cat.id, measure)]));
          if (new Set(Object.values(values)).size > 1) {
            out.push({
              country,
              month,
              category: cat.id,
              measure,
              values,
              used: used.src.info.id,
              partial: covering.some((s) => coverageOf(s.info, month) === 'partial'),
            });
          }
        }
      }
    }
  }
  return out;
}
