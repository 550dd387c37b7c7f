/**
 * Normalised rows -> classes -> monthly aggregate rows per country, admin1, month and category.
 * A class is every row alike in all a category predicate can look at (country, admin1, month,
 * event type, civilian targeting, inter1, inter2): rows are counted into their class, so memory
 * grows with the number of classes, not rows, and each category predicate runs once per class.
 */
import { CATEGORIES, canCount, EVENT_TYPES, INTER, SUB_EVENT_TYPES_READ } from '../../model/categories.ts';
import type { AggregateRow } from '../../model/types.ts';
import type { DayCounts } from './daily.ts';
import { MONTH_LIMIT, monthNumber } from './dates.ts';
import type { Counted } from './normalise.ts';

/** One class of rows and its running counts. */
export interface Class {
  /** The first row of the class (its country, admin1, month and predicate fields). */
  row: Counted;
  /** The categories the class's rows count in, as a bit set over CATEGORIES. */
  cats: number;
  /** Its country, month and category set in the daily counts (event sources; -1 for tables). */
  dayGroup: number;
  /** Rows counted in this class and not superseded. */
  live: number;
  events: number;
  fatalities: number;
}

// A class key is one exact number (no string built per row), its fields as digits in mixed radix:
// place (country and admin1, numbered as first seen), month, event type, sub-event type (as far
// as a category tells it apart), civilian targeting, inter1, inter2. Each radix is the number of
// values its field can take.
const EVENT_TYPE_NO = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
/**
 * Sub-event types: not given (tables, event files without the column), one of those a category
 * reads (SUB_EVENT_TYPES_READ), any other (every predicate treats all others alike).
 */
const SUB_EVENT_NO = new Map<string, number>(SUB_EVENT_TYPES_READ.map((t, i) => [t, i + 2]));
const SUB_EVENT_VALUES = SUB_EVENT_TYPES_READ.length + 2;
/** Civilian targeting: unknown (tables), yes, no. */
const TARGETING_VALUES = 3;
/** inter codes 0 (no actor) to 8, and unknown (tables). */
const INTER_VALUES = Math.max(...Object.values(INTER)) + 2;
/** Keys per place: month x event type x sub-event type x targeting x inter1 x inter2 (120,000 x 6 x 5 x 3 x 10 x 10). */
const KEYS_PER_PLACE = MONTH_LIMIT * EVENT_TYPES.length * SUB_EVENT_VALUES * TARGETING_VALUES * INTER_VALUES * INTER_VALUES;
/** Keys stay exact doubles (below 2^53) up to this many places: some 8 million, against ACLED's few thousand admin1. */
const MAX_PLACES = Math.floor(Number.MAX_SAFE_INTEGER / KEYS_PER_PLACE);

if (CATEGORIES.length > 31) throw new Error('category sets are 31-bit integers: too many categories');

/** The classes of one source, in the order first seen. */
export class ClassTable {
  readonly list: Class[] = [];
  private readonly index = new Map<number, number>();
  private readonly places = new Map<string, Map<string, number>>();
  private placeCount = 0;
  private readonly days: DayCounts | null;

  /** `days`: the daily counts each new class gets a group in (event sources), or null. */
  constructor(days: DayCounts | null) {
    this.days = days;
  }

  /** The number of `row`'s class, adding the class when first seen. */
  of(row: Counted): number {
    const key = this.key(row);
    let c = this.index.get(key);
    if (c === undefined) {
      c = this.list.length;
      this.index.set(key, c);
      const cats = categorySet(row);
      this.list.push({ row, cats, dayGroup: this.days === null ? -1 : this.days.group(row, cats), live: 0, events: 0, fatalities: 0 });
    }
    return c;
  }

  private key(row: Counted): number {
    const ct = row.civilianTargeting === null ? 0 : row.civilianTargeting ? 1 : 2;
    const i1 = row.inter1 === null ? 0 : row.inter1 + 1;
    const i2 = row.inter2 === null ? 0 : row.inter2 + 1;
    const sub = row.subEventType === null ? 0 : (SUB_EVENT_NO.get(row.subEventType) ?? 1);
    const month = this.place(row.country, row.admin1) * MONTH_LIMIT + monthNumber(row.month);
    const type = (month * EVENT_TYPES.length + EVENT_TYPE_NO.get(row.eventType)!) * SUB_EVENT_VALUES + sub;
    return ((type * TARGETING_VALUES + ct) * INTER_VALUES + i1) * INTER_VALUES + i2;
  }

  private place(country: string, admin1: string): number {
    let byAdmin = this.places.get(country);
    if (byAdmin === undefined) this.places.set(country, (byAdmin = new Map()));
    let place = byAdmin.get(admin1);
    if (place === undefined) {
      if (this.placeCount === MAX_PLACES)
        throw new Error(`more than ${MAX_PLACES} places (country, admin1): class keys would not be exact`);
      byAdmin.set(admin1, (place = this.placeCount++));
    }
    return place;
  }

  /** Aggregate rows per country, admin1, month and category, sorted. */
  rows(): AggregateRow[] {
    const cells = new Map<string, AggregateRow>();
    for (const { row, live, events, fatalities } of this.list) {
      if (live === 0) continue; // every row of the class was superseded
      for (const c of CATEGORIES) {
        // Aggregated tables lack the event-level fields those categories need.
        if (!canCount(c, row) || !c.includes(row)) continue;
        const key = `${row.country}|${row.admin1}|${row.month}|${c.id}`;
        let cell = cells.get(key);
        if (!cell) {
          cell = { country: row.country, admin1: row.admin1, month: row.month, category: c.id, events: 0, fatalities: 0 };
          cells.set(key, cell);
        }
        cell.events += events;
        cell.fatalities += fatalities;
      }
    }
    return [...cells.values()].sort(compareRows);
  }
}

/** The categories a class of rows counts in, as a bit set over CATEGORIES (as rows() decides). */
function categorySet(row: Counted): number {
  let set = 0;
  CATEGORIES.forEach((c, i) => {
    if (canCount(c, row) && c.includes(row)) set |= 1 << i;
  });
  return set;
}

/** Aggregate rows in file order: country, admin1, month, category. */
export function compareRows(a: AggregateRow, b: AggregateRow): number {
  return (
    a.country.localeCompare(b.country, 'en') ||
    a.admin1.localeCompare(b.admin1, 'en') ||
    a.month.localeCompare(b.month) ||
    a.category.localeCompare(b.category)
  );
}
