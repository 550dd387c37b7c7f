/**
 * ACLED's disorder types and the categories ACLED's aggregated products (weekly data by admin1
 * x event type x sub-event type; HDX monthly files by admin2) can give exactly. To be merged
 * into model/categories.ts: `political_violence_acled` and `demonstrations_acled` are new
 * category ids, each with one definition for every source. Pure: no Node or DOM imports.
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
import type { CategoryId, EventType } from './categories.ts';

export const MOB_VIOLENCE = 'Mob violence';
export const VIOLENT_DEMONSTRATION = 'Violent demonstration';
export const EXCESSIVE_FORCE = 'Excessive force against protesters';

/** Sub-event types ACLED counts as political violence outside Battles, Explosions/Remote violence and Violence against civilians. */
const PV_SUB_EVENTS: ReadonlySet<string> = new Set([MOB_VIOLENCE, EXCESSIVE_FORCE]);
const PV_TYPES: ReadonlySet<string> = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/** New category ids (not yet in CATEGORY_IDS). */
export type AcledCategoryId = 'political_violence_acled' | 'demonstrations_acled';

/** A category an aggregated ACLED product can give exactly. */
export type AggregateCategoryId = Exclude<CategoryId, 'civilian_targeting' | 'attacks_on_state_forces'> | AcledCategoryId;

/** Definitions of the new categories, in the words of model/categories.ts. */
export const ACLED_CATEGORIES: readonly { id: AcledCategoryId; label: string; definition: string }[] = [
  {
    id: 'political_violence_acled',
    label: 'Political violence (ACLED disorder type)',
    definition:
      'ACLED\'s disorder type "Political violence": events of type Battles, Explosions/Remote violence or ' +
      'Violence against civilians, plus mob violence (Riots) and excessive force against protesters (Protests). ' +
      'This is what ACLED\'s weekly data, event files and HDX "political violence" files count; the project\'s ' +
      'political_violence leaves out the riots and protests, which the country-level Explorer table cannot split.',
  },
  {
    id: 'demonstrations_acled',
    label: 'Demonstrations (ACLED disorder type)',
    definition:
      'ACLED\'s disorder type "Demonstrations": Protests (including excessive force against protesters) and ' +
      'violent demonstrations (Riots), without mob violence. What HDX "demonstration events" files count; the ' +
      "project's demonstrations category (Protests + Riots) also counts mob violence.",
  },
];

/**
 * Categories that weekly data (event type and sub-event type per row) gives exactly, in this
 * order; civilian_targeting and attacks_on_state_forces need event-level fields and are not
 * among them.
 */
export const WEEKLY_CATEGORIES: readonly AggregateCategoryId[] = [
  'political_violence',
  'political_violence_acled',
  'battles',
  'explosions_remote_violence',
  'violence_against_civilians',
  'demonstrations',
  'demonstrations_acled',
  'protests',
  'riots',
  'strategic_developments',
];

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

/** Is this (event type, sub-event type) in ACLED's disorder type "Political violence"? */
export function isAcledPoliticalViolence(eventType: EventType, subEventType: string): boolean {
  return PV_TYPES.has(eventType) || PV_SUB_EVENTS.has(subEventType);
}

/** Is this (event type, sub-event type) in ACLED's disorder type "Demonstrations"? */
export function isAcledDemonstration(eventType: EventType, subEventType: string): boolean {
  return eventType === 'Protests' || (eventType === 'Riots' && subEventType === VIOLENT_DEMONSTRATION);
}

/**
 * Does a DISORDER_TYPE cell ("Political violence", "Demonstrations", "Political violence;
 * Demonstrations", "Strategic developments") agree with the event and sub-event type?
 */
export function disorderAgrees(disorderType: string, eventType: EventType, subEventType: string): boolean {
  const parts = new Set(disorderType.split(';').map((p) => p.trim().toLowerCase()));
  return (
    parts.has('political violence') === isAcledPoliticalViolence(eventType, subEventType) &&
    parts.has('demonstrations') === isAcledDemonstration(eventType, subEventType) &&
    parts.has('strategic developments') === (eventType === 'Strategic developments')
  );
}

const BY_TYPE: Readonly<Record<EventType, AggregateCategoryId>> = {
  Battles: 'battles',
  'Explosions/Remote violence': 'explosions_remote_violence',
  'Violence against civilians': 'violence_against_civilians',
  Protests: 'protests',
  Riots: 'riots',
  'Strategic developments': 'strategic_developments',
};

/**
 * The categories a weekly row counts in, in WEEKLY_CATEGORIES order. Riots need their sub-event
 * type (mob violence or violent demonstration) to be placed: null when it is neither.
 * @example weeklyCategories('Riots', 'Mob violence') gives political_violence_acled, demonstrations, riots
 */
export function weeklyCategories(eventType: EventType, subEventType: string): AggregateCategoryId[] | null {
  if (eventType === 'Riots' && subEventType !== MOB_VIOLENCE && subEventType !== VIOLENT_DEMONSTRATION) return null;
  const own = BY_TYPE[eventType];
  return WEEKLY_CATEGORIES.filter(
    (c) =>
      c === own ||
      (c === 'political_violence' && PV_TYPES.has(eventType)) ||
      (c === 'political_violence_acled' && isAcledPoliticalViolence(eventType, subEventType)) ||
      (c === 'demonstrations' && (eventType === 'Protests' || eventType === 'Riots')) ||
      (c === 'demonstrations_acled' && isAcledDemonstration(eventType, subEventType)),
  );
}
