/**
 * Accepted event rows (by class and day) -> daily aggregates per country x day x category,
 * counted in the same pass as the monthly ones and in bounded memory: a handful of cells a day,
 * whatever the number of rows.
 */
import { CATEGORIES } from '../../model/categories.ts';
import type { DailyRow } from '../../model/types.ts';
import type { Counted } from './normalise.ts';

/** Slots per group: days 1 to 31 at their own index (slot 0 unused), so a cell is group x 32 + day. */
const DAY_SLOTS = 32;
/** Groups room is made for at first (doubled as needed): a country-year has a few dozen. */
const INITIAL_GROUPS = 64;

/**
 * Events and fatalities per country, day and category set. A group is a country, month and
 * category set (a few per country and month); its days' counts sit in flat typed arrays, so that
 * counting a row is an array update and costs no allocation.
 */
export class DayCounts {
  /** Group number by `country|month|category set`: looked up once per class, not per row. */
  private readonly groups = new Map<string, number>();
  private readonly groupOf: { country: string; month: string; cats: number }[] = [];
  private events = new Int32Array(DAY_SLOTS * INITIAL_GROUPS);
  private fatalities = new Int32Array(DAY_SLOTS * INITIAL_GROUPS);

  /** The group of `row`'s country and month, for the category set `cats` (a bit set over CATEGORIES). */
  group(row: Counted, cats: number): number {
    const key = `${row.country}|${row.month}|${cats}`;
    let g = this.groups.get(key);
    if (g === undefined) {
      g = this.groupOf.length;
      this.groups.set(key, g);
      this.groupOf.push({ country: row.country, month: row.month, cats });
      if (this.events.length < (g + 1) * DAY_SLOTS) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.events = grow(this.events);
        this.fatalities = grow(this.fatalities);
      }
    }
    return g;
  }

  /** The cell of day `dd` (1-31) of group `g`. */
  cell(g: number, dd: number): number {
    return g * DAY_SLOTS + dd;
  }

  /** Count one event. */
  add(cell: number, fatalities: number): void {
    this.events[cell]!++;
    this.fatalities[cell]! += fatalities;
  }

  /** Take off a superseded event. */
  take(cell: number, fatalities: number): void {
    this.events[cell]!--;
    this.fatalities[cell]! -= fatalities;
  }

  /** Rows per country, day and category, with events only, sorted. */
  rows(): DailyRow[] {
    const out = new Map<string, DailyRow>();
    this.groupOf.forEach(({ country, month, cats }, g) => {
      for (let dd = 1; dd < DAY_SLOTS; dd++) {
        const events = this.events[g * DAY_SLOTS + dd]!;
        const fatalities = this.fatalities[g * DAY_SLOTS + dd]!;
        if (events === 0) continue;
        const date = `${month}-${dd < 10 ? '0' : ''}${dd}`;
        CATEGORIES.forEach((c, i) => {
          if ((cats & (1 << i)) === 0) return;
          const key = `${country}|${date}|${c.id}`;
          const r = out.get(key);
          if (r) {
            r.events += events;
            r.fatalities += fatalities;
          } else out.set(key, { country, date, category: c.id, events, fatalities });
        });
      }
    });
    return [...out.values()].sort(compareDailyRows);
  }
}

/** Daily rows in file order: country, date, category. */
export function compareDailyRows(a: DailyRow, b: DailyRow): number {
  return a.country.localeCompare(b.country, 'en') || a.date.localeCompare(b.date) || a.category.localeCompare(b.category);
}
