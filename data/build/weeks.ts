/**
 * A weekly source's cells (country x admin1 x week x category, events > 0 or fatalities > 0) ->
 * one WeeksDoc per geography (each country, the sum of all its admin1 rows, Gulf of Guinea
 * included for Nigeria; and each admin1) and category, dense over the country's weeks (a week
 * without a row is a real zero: ACLED's weekly file lists every admin1 x week with an event).
 * Pure.
 */
import { CATEGORIES, type Category } from '../../model/categories.ts';
import { COUNTRIES, slug } from '../../model/geography.ts';
import { provisionalWeek } from '../../model/provisional.ts';
import type { DatasetRef, SourceInfo, WeeksCoverage, WeeksDoc } from '../../model/types.ts';
import { isWeekStart, MAX_RANGE_WEEKS, weekContaining, weekEnd, weekIndex, weeksIn } from '../../model/week.ts';
import type { WeeklyCell } from '../derive/weekly.ts';

/** A weekly source as the build reads it: its report and its cells. */
export interface WeeklySource {
  info: SourceInfo;
  cells: readonly WeeklyCell[];
}

export interface Weeks {
  docs: WeeksDoc[];
  /** Per country: the weeks covered, and its admin1 names as the source writes them. */
  countries: Map<string, { coverage: WeeksCoverage; admin1: string[] }>;
}

/**
 * The weekly categories a source gives, with their definitions: those it lists (or, without a
 * list, those in its cells) that model/categories.ts defines, in the order defined there.
 */
function categoriesOf(src: WeeklySource): Category[] {
  const listed = new Set<string>(src.info.categories ?? src.cells.map((c) => c.category));
  return CATEGORIES.filter((c) => listed.has(c.id));
}

/**
 * The weeks of each country: from its first to its last week as the source's report gives them
 * (`countries[iso3].weeks`), else from its first row to the week the source runs through.
 */
function extentOf(src: WeeklySource, iso3: string, cells: readonly WeeklyCell[]): { from: string; to: string } {
  const stated = src.info.countries?.[iso3]?.weeks;
  if (stated) return stated;
  let from = cells[0]!.week;
  for (const c of cells) if (c.week < from) from = c.week;
  return { from, to: weekContaining(src.info.coverage.through) };
}

/**
 * Build the weekly entries of one source (of one country, `only`, when given). Throws on a row
 * outside its country's weeks or not on a Saturday.
 */
export function weeksOf(
  src: WeeklySource,
  dataset: DatasetRef,
  regionName: (iso3: string, admin1: string) => string,
  only: string | null = null,
): Weeks {
  const docs: WeeksDoc[] = [];
  const countries = new Map<string, { coverage: WeeksCoverage; admin1: string[] }>();
  const categories = categoriesOf(src);
  for (const { iso3, name } of COUNTRIES) {
    if (only !== null && iso3 !== only) continue;
    const cells = src.cells.filter((c) => c.country === iso3);
    if (cells.length === 0) continue;
    const { from, to } = extentOf(src, iso3, cells);
    const n = weeksIn(from, to);
    if (!isWeekStart(from) || !isWeekStart(to) || n < 1 || n > MAX_RANGE_WEEKS)
      throw new Error(`${src.info.aggregates}: ${iso3}'s weeks ${from}..${to} are not a run of at most ${MAX_RANGE_WEEKS} ACLED weeks`);
    const provisionalFrom = provisionalWeek(to);
    const admin1 = [...new Set(cells.map((c) => c.admin1))].sort((a, b) => a.localeCompare(b, 'en'));
    const start = weekIndex(from);
    for (const cat of categories) {
      const total = { events: new Array<number>(n).fill(0), fatalities: new Array<number>(n).fill(0) };
      const byRegion = new Map(admin1.map((r) => [r, { events: new Array<number>(n).fill(0), fatalities: new Array<number>(n).fill(0) }]));
      for (const c of cells) {
        if (c.category !== cat.id) continue;
        const i = weekIndex(c.week) - start;
        if (!isWeekStart(c.week) || i < 0 || i >= n)
          throw new Error(`${src.info.aggregates}: ${iso3} ${c.admin1} week ${c.week} is outside ${from}..${to} or not a Saturday`);
        const r = byRegion.get(c.admin1)!;
        r.events[i]! += c.events;
        r.fatalities[i]! += c.fatalities;
        total.events[i]! += c.events;
        total.fatalities[i]! += c.fatalities;
      }
      const category = { id: cat.id, label: cat.label, definition: cat.definition };
      const doc = (admin1Name: string | null, counts: typeof total): WeeksDoc => ({
        dataset,
        info: {
          country: { iso3, name },
          admin1: admin1Name === null ? null : { name: regionName(iso3, admin1Name), slug: slug(admin1Name) },
          category,
        },
        source: src.info.id,
        from,
        through: to,
        provisionalFrom,
        ...counts,
      });
      docs.push(doc(null, total));
      for (const [r, counts] of byRegion) docs.push(doc(r, counts));
    }
    countries.set(iso3, {
      coverage: { source: src.info.id, from, to, through: weekEnd(to), provisionalFrom, categories: categories.map((c) => c.id) },
      admin1,
    });
  }
  return { docs, countries };
}
