/**
 * The weeks the overview's Sahel map sums: the URL's `mapweeks` read against the weeks every
 * mapped country covers, the requests that answer it, and each region's total. Pure: no DOM.
 *
 * Why these choices: an analyst most often asks for the newest month, quarter, half-year or year
 * (the last 4, 12, 26 or 52 ACLED weeks, ending with the newest week: a shared link to one keeps
 * following the data), and sometimes a fixed stretch ("the weeks after the coup"). The stretch is
 * given as two days, each taking the ACLED week it falls in (Saturday to Friday), so nobody needs
 * to know which day is a Saturday; a week field (ISO weeks, Monday to Sunday) would name other
 * weeks than ACLED's.
 */
import { isDay } from '../../../model/day.ts';
import type { WeekPoint } from '../../../model/types.ts';
import { addWeeks, weekContaining, weekEnd, weeksIn } from '../../../model/week.ts';
import { HEADLINE_WEEKS } from './overview-data.ts';
import { rankingFromWeek } from './region-ranking.ts';

/** The "last N weeks" offered: a month, a quarter, half a year, a year. */
export const MAP_PRESETS: readonly number[] = [HEADLINE_WEEKS, 12, 26, 52];
/**
 * At most a year: each region's weekly series costs about 400 bytes a week (its changes and
 * means), and the map asks for 92 regions; a year is the 52-week preset's own cost (about 2 MB,
 * 130 KB compressed), so no range costs more than the longest preset.
 */
export const MAX_MAP_WEEKS = 52;

/** The weeks summed: first and last week start (Saturdays), how many, and the preset they are (if any). */
export interface MapWeeks {
  from: string;
  to: string;
  weeks: number;
  /** N of "the last N weeks", or null for a fixed range. */
  preset: number | null;
  /** The URL's value: null for the default (the last four weeks), `last12`, or `2025-07-26..2025-09-19` (Saturday..Friday). */
  param: string | null;
}

/**
 * The weeks `param` asks for, within first..last (week starts every mapped country covers): `lastN`
 * (N a preset), or `DAY..DAY` (each day's ACLED week; reversed days are put in order; a range is
 * clipped to the weeks covered and cut to MAX_MAP_WEEKS from its start). Anything else: the last
 * four weeks. A range that is a preset's weeks is written as the preset.
 * @example mapWeeks('2026-03-01..2026-03-20', '1997-01-04', '2026-03-14') gives from '2026-02-28', to '2026-03-14', weeks 3
 */
export function mapWeeks(param: string | null, first: string, last: string): MapWeeks {
  const n = Number(/^last(\d+)$/.exec(param ?? '')?.[1]);
  if (MAP_PRESETS.includes(n)) return lastWeeks(n, first, last);
  const days = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(param ?? '');
  if (!days || !isDay(days[1]!) || !isDay(days[2]!)) return lastWeeks(HEADLINE_WEEKS, first, last);
  let [a, b] = [weekContaining(days[1]!), weekContaining(days[2]!)].sort() as [string, string];
  const clip = (w: string) => (w < first ? first : w > last ? last : w);
  a = clip(a);
  b = clip(b);
  if (weeksIn(a, b) > MAX_MAP_WEEKS) b = addWeeks(a, MAX_MAP_WEEKS - 1);
  const weeks = weeksIn(a, b);
  const preset = b === last ? MAP_PRESETS.find((p) => p === weeks && lastWeeks(p, first, last).from === a) : undefined;
  if (preset !== undefined) return lastWeeks(preset, first, last);
  return { from: a, to: b, weeks, preset: null, param: `${a}..${weekEnd(b)}` };
}

/** The last n weeks (fewer when the coverage is shorter). */
function lastWeeks(n: number, first: string, last: string): MapWeeks {
  const from = addWeeks(last, 1 - n) < first ? first : addWeeks(last, 1 - n);
  return { from, to: last, weeks: weeksIn(from, last), preset: n, param: n === HEADLINE_WEEKS ? null : `last${n}` };
}

/**
 * The weeks to request for each region, so that one response serves many choices: the last eight
 * weeks (the default's, and the Country view's ranking's: the same requests) when the choice lies
 * in them; the last 52 (every preset, and any range in the last year) when it lies in those; else
 * the chosen weeks themselves (at most MAX_MAP_WEEKS).
 */
export function mapRequestWeeks(w: Pick<MapWeeks, 'from' | 'to'>, last: string): { from: string; to?: string } {
  if (w.from >= rankingFromWeek(last)) return { from: rankingFromWeek(last) };
  const year = addWeeks(last, 1 - MAX_MAP_WEEKS);
  if (w.from >= year) return { from: year };
  return { from: w.from, to: w.to };
}

/** A region's total over the weeks (a week without a point counts none), and whether any is provisional. */
export function weeksTotal(points: readonly WeekPoint[], w: Pick<MapWeeks, 'from' | 'to'>): { value: number; provisional: boolean } {
  const inside = points.filter((p) => p.week >= w.from && p.week <= w.to);
  return { value: inside.reduce((a, p) => a + p.value, 0), provisional: inside.some((p) => p.provisional) };
}
