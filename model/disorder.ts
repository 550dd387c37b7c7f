/**
 * ACLED's disorder types and the categories ACLED's aggregated products (weekly data by admin1
 * x event type x sub-event type; HDX monthly files by admin2) can give exactly. The categories
 * themselves (`political_violence_acled`, `demonstrations_acled` among them) are defined once,
 * in model/categories.ts; this module places a weekly row with those same predicates. Pure.
 *
 * ACLED's disorder type is fixed by event type and sub-event type (the weekly file's
 * DISORDER_TYPE column agrees with this on every one of its 53,322 rows, and weekly.ts rejects a
 * row where it does not):
 * - Political violence: Battles, Explosions/Remote violence, Violence against civilians, the
 *   Riots sub-event type Mob violence, and the Protests sub-event type Excessive force against
 *   protesters (written "Political violence; Demonstrations": it is both);
 * - Demonstrations: Protests (all sub-event types) and the Riots sub-event type Violent
 *   demonstration;
 * - Strategic developments.
 * Excessive force is not a guess: HDX's Mali "political violence" file equals the weekly file's
 * B + ERV + VAC + mob violence + excessive force, and not the same without excessive force, on
 * every stretch of whole months that is also whole weeks from 1997 to 2025 (checked by
 * tests/data/derive/real.test.ts).
 */
import { CATEGORIES, CATEGORY_IDS, type CategoryId, type Countable, type EventType, riotProblem } from './categories.ts';

/** A category an aggregated ACLED product (weekly data, HDX files) can give exactly. */
export type AggregateCategoryId = Exclude<CategoryId, 'civilian_targeting' | 'attacks_on_state_forces'>;

/**
 * Categories that weekly data (event type and sub-event type per row) gives exactly, in this
 * order; civilian_targeting and attacks_on_state_forces need event-level fields and are not
 * among them.
 */
export const WEEKLY_CATEGORIES: readonly AggregateCategoryId[] = CATEGORY_IDS.filter(
  (id): id is AggregateCategoryId => id !== 'civilian_targeting' && id !== 'attacks_on_state_forces',
);

/**
 * Why weekly and HDX data cannot give the event-level categories (for the API's "why not").
 * @public The catalogue's answer once weekly sources are wired into the dataset (issue 14).
 */
export const NOT_FROM_AGGREGATES: Readonly<Record<'civilian_targeting' | 'attacks_on_state_forces', string>> = {
  civilian_targeting:
    "ACLED's weekly data count events by event type and sub-event type only, without the civilian-targeting flag; " +
    'only event-level files and HDX civilian-targeting files give this category.',
  attacks_on_state_forces: 'Needs the actor types of each event (inter1, inter2), which only event-level files have.',
};

/** A weekly row (event and sub-event type, nothing else) as the category predicates see it. */
function weeklyRow(eventType: EventType, subEventType: string): Countable {
  return { eventType, subEventType, civilianTargeting: null, inter1: null, inter2: null };
}

const includes = (id: CategoryId, eventType: EventType, subEventType: string): boolean =>
  CATEGORIES.find((c) => c.id === id)!.includes(weeklyRow(eventType, subEventType));

/**
 * Does a DISORDER_TYPE cell ("Political violence", "Demonstrations", "Political violence;
 * Demonstrations", "Strategic developments") agree with the event and sub-event type?
 */
export function disorderAgrees(disorderType: string, eventType: EventType, subEventType: string): boolean {
  const parts = new Set(disorderType.split(';').map((p) => p.trim().toLowerCase()));
  return (
    parts.has('political violence') === includes('political_violence_acled', eventType, subEventType) &&
    parts.has('demonstrations') === includes('demonstrations_acled', eventType, subEventType) &&
    parts.has('strategic developments') === (eventType === 'Strategic developments')
  );
}

/** WEEKLY_CATEGORIES with their definitions, in order. */
const WEEKLY = WEEKLY_CATEGORIES.map((id) => CATEGORIES.find((c) => c.id === id)!);

/**
 * The categories a weekly row counts in, in WEEKLY_CATEGORIES order, by the definitions of
 * model/categories.ts (the same predicates every source is counted with). Riots need their
 * sub-event type (mob violence or violent demonstration) to be placed: null when it is neither.
 * @example weeklyCategories('Riots', 'Mob violence') gives political_violence_acled, demonstrations, riots
 */
export function weeklyCategories(eventType: EventType, subEventType: string): AggregateCategoryId[] | null {
  if (riotProblem(eventType, subEventType) !== null) return null;
  const row = weeklyRow(eventType, subEventType);
  return WEEKLY.filter((c) => c.includes(row)).map((c) => c.id as AggregateCategoryId);
}
