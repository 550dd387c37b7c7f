/**
 * Regions ranked on their last four ACLED weeks (the overview's headline window), for the Country
 * view's ranking and map and the Sahel map: loaded with them, not by the first view. Pure.
 */
import type { WeekSeries } from '../../../model/api.ts';
import type { Change } from '../../../model/change.ts';
import { addWeeks } from '../../../model/week.ts';
import { t } from '../messages.ts';
import { HEADLINE_WEEKS, type WeekWindow, weeklyHeadline } from './overview-data.ts';

/** A region's row in a ranking: its total and its change. */
export interface RegionRow {
  slug: string;
  name: string;
  value: number;
  change: Change | null;
}

/** Regions ranked on their last four ACLED weeks (the overview's headline window), with the change from the four before. */
export interface RegionWeekRanking {
  /** The four weeks (all regions' series end on the same week); null without four weeks. */
  window: Omit<WeekWindow, 'total'> | null;
  /** Highest value first; ties by name. */
  rows: RegionRow[];
}

/** The first week to request for a region ranking: the four weeks and the four before them. */
export const rankingFromWeek = (lastWeek: string): string => addWeeks(lastWeek, 1 - 2 * HEADLINE_WEEKS);

/** Regions ranked on the total of their last four weeks (docs: each region's weekly series, same weeks). */
export function regionWeekRanking(docs: readonly WeekSeries[]): RegionWeekRanking {
  let window: RegionWeekRanking['window'] = null;
  const rows: RegionRow[] = [];
  for (const d of docs) {
    const hl = weeklyHeadline(d.points);
    if (!hl) continue;
    window ??= { from: hl.current.from, to: hl.current.to, provisional: hl.current.provisional };
    const a = d.series.admin1;
    rows.push({
      slug: a?.slug ?? '',
      name: a ? t.region(a.name) : t.country(d.series.country.name),
      value: hl.current.total,
      change: hl.vsPrevious?.change ?? null,
    });
  }
  rows.sort((x, y) => y.value - x.value || x.name.localeCompare(y.name));
  return { window, rows };
}

/** A region's key in a map's values: `NGA:borno`. */
export const regionKey = (iso3: string, slug: string): string => `${iso3}:${slug}`;
