/**
 * The project's categories, defined once: the pipeline counts with these predicates, the Worker
 * and the page show these labels and definitions. Imports nothing Node- or DOM-specific.
 */

/** ACLED's six event types, spelled as in ACLED exports. */
export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** ACLED "inter" codes for actor types (older numeric layout). */
export const INTER = {
  stateForces: 1,
  rebelGroup: 2,
  politicalMilitia: 3,
  identityMilitia: 4,
  rioters: 5,
  protesters: 6,
  civilians: 7,
  externalForces: 8,
} as const;

/** Non-state armed actors: rebel groups, political militias, identity militias. */
const NON_STATE_ARMED: ReadonlySet<number> = new Set([INTER.rebelGroup, INTER.politicalMilitia, INTER.identityMilitia]);

/**
 * What a category is evaluated on. An event-level source gives every field; an aggregated
 * source (a country x month x event-type table) gives the event type only, so its rows carry
 * `null` for the rest and categories that need them are not computed from it. ACLED's weekly
 * data give the event and sub-event type (null for the rest); an event file without a
 * sub_event_type column gives null for it.
 */
export interface Countable {
  eventType: EventType;
  subEventType: string | null;
  civilianTargeting: boolean | null;
  inter1: number | null;
  inter2: number | null;
}

/** The sub-event types a category looks at (ACLED's disorder types depend on them; see disorder.ts). */
const MOB_VIOLENCE = 'Mob violence';
const VIOLENT_DEMONSTRATION = 'Violent demonstration';
const EXCESSIVE_FORCE = 'Excessive force against protesters';
/** Every sub-event type a category predicate tells apart, in a fixed order; any other is alike to them all. */
export const SUB_EVENT_TYPES_READ: readonly string[] = [MOB_VIOLENCE, VIOLENT_DEMONSTRATION, EXCESSIVE_FORCE];

export const CATEGORY_IDS = [
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
  'civilian_targeting',
  'attacks_on_state_forces',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Category {
  id: CategoryId;
  label: string;
  /** Plain-language definition shown next to every figure. */
  definition: string;
  /**
   * `event_type` = any source; `event` = needs more than the event type: event-level rows, or
   * (for the two ACLED disorder-type categories, which read the sub-event type) ACLED's weekly
   * and HDX products that count them exactly (SourceInfo.categories says which source gives what).
   */
  needs: 'event_type' | 'event';
  /**
   * The fields `includes` reads beyond the event type: a row that has them null (a table row; an
   * event file without sub_event_type) is not counted in the category at all.
   */
  reads: 'event_type' | 'sub_event_type' | 'event_row';
  includes: (e: Countable) => boolean;
}

const PV_TYPES: ReadonlySet<EventType> = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

const ofType =
  (...types: EventType[]) =>
  (e: Countable): boolean =>
    types.includes(e.eventType);

export const CATEGORIES: readonly Category[] = [
  {
    id: 'political_violence',
    label: 'Political violence',
    definition:
      'ACLED events of type Battles, Explosions/Remote violence or Violence against civilians. ' +
      'Riots (including mob violence) are not included: the country-level ACLED Explorer table does ' +
      'not split riots into violent demonstrations and mob violence, so including them would make ' +
      'the category mean different things for different countries.',
    needs: 'event_type',
    reads: 'event_type',
    includes: (e) => PV_TYPES.has(e.eventType),
  },
  {
    id: 'political_violence_acled',
    label: 'Political violence (ACLED disorder type)',
    definition:
      'ACLED\'s disorder type "Political violence": events of type Battles, Explosions/Remote violence or ' +
      'Violence against civilians, plus mob violence (Riots) and excessive force against protesters (Protests). ' +
      'This is what ACLED\'s weekly data, event files and HDX "political violence" files count; the project\'s ' +
      'political_violence leaves out the riots and protests, which the country-level Explorer table cannot split.',
    needs: 'event',
    reads: 'sub_event_type',
    includes: (e) => PV_TYPES.has(e.eventType) || e.subEventType === MOB_VIOLENCE || e.subEventType === EXCESSIVE_FORCE,
  },
  {
    id: 'battles',
    label: 'Battles',
    definition: 'ACLED event type Battles: armed clashes and territorial changes between organised armed groups.',
    needs: 'event_type',
    reads: 'event_type',
    includes: ofType('Battles'),
  },
  {
    id: 'explosions_remote_violence',
    label: 'Explosions/Remote violence',
    definition: 'ACLED event type Explosions/Remote violence: air and drone strikes, shelling, IEDs, suicide bombs, grenades.',
    needs: 'event_type',
    reads: 'event_type',
    includes: ofType('Explosions/Remote violence'),
  },
  {
    id: 'violence_against_civilians',
    label: 'Violence against civilians',
    definition: 'ACLED event type Violence against civilians: attacks, abductions and sexual violence against unarmed people.',
    needs: 'event_type',
    reads: 'event_type',
    includes: ofType('Violence against civilians'),
  },
  {
    id: 'demonstrations',
    label: 'Demonstrations',
    definition: 'ACLED event types Protests and Riots together.',
    needs: 'event_type',
    reads: 'event_type',
    includes: ofType('Protests', 'Riots'),
  },
  {
    id: 'demonstrations_acled',
    label: 'Demonstrations (ACLED disorder type)',
    definition:
      'ACLED\'s disorder type "Demonstrations": Protests (including excessive force against protesters) and ' +
      'violent demonstrations (Riots), without mob violence. What HDX "demonstration events" files count; the ' +
      "project's demonstrations category (Protests + Riots) also counts mob violence.",
    needs: 'event',
    reads: 'sub_event_type',
    includes: (e) => e.eventType === 'Protests' || (e.eventType === 'Riots' && e.subEventType === VIOLENT_DEMONSTRATION),
  },
  {
    id: 'protests',
    label: 'Protests',
    definition: 'ACLED event type Protests.',
    needs: 'event_type',
    reads: 'event_type',
    includes: ofType('Protests'),
  },
  {
    id: 'riots',
    label: 'Riots',
    definition: 'ACLED event type Riots (violent demonstrations and mob violence).',
    needs: 'event_type',
    reads: 'event_type',
    includes: ofType('Riots'),
  },
  {
    id: 'strategic_developments',
    label: 'Strategic developments',
    definition:
      'ACLED event type Strategic developments (arrests, agreements, looting, base changes...): ' +
      'kept apart from violence because it is not a count of violent events.',
    needs: 'event_type',
    reads: 'event_type',
    includes: ofType('Strategic developments'),
  },
  {
    id: 'civilian_targeting',
    label: 'Civilian targeting',
    definition:
      "Events ACLED flags with civilian_targeting = 'Civilian targeting', whatever their event type " +
      '(mostly Violence against civilians, also some explosions and riots). Event-level sources only.',
    needs: 'event',
    reads: 'event_row',
    includes: (e) => e.civilianTargeting === true,
  },
  {
    id: 'attacks_on_state_forces',
    label: 'Attacks on state forces',
    definition:
      'Battles or Explosions/Remote violence in which actor 1 is a non-state armed group ' +
      '(inter1 = 2 rebel group, 3 political militia or 4 identity militia) and actor 2 is state ' +
      'forces (inter2 = 1). ACLED lists the initiating side as actor 1, so clashes started by ' +
      'state forces are excluded; foreign and multinational forces (inter 8) are not counted as ' +
      'state forces. Fatalities are all reported deaths in these events, on every side. ' +
      'Event-level sources only.',
    needs: 'event',
    reads: 'event_row',
    includes: (e) =>
      (e.eventType === 'Battles' || e.eventType === 'Explosions/Remote violence') &&
      e.inter1 !== null &&
      NON_STATE_ARMED.has(e.inter1) &&
      e.inter2 === INTER.stateForces,
  },
];

/**
 * Does `e` carry what `c` reads? A table row (event type only) gives the event-type categories;
 * a weekly row (event and sub-event type) also the disorder-type ones; an event row all.
 */
export function canCount(c: Category, e: Countable): boolean {
  if (c.reads === 'event_type') return true;
  if (c.reads === 'sub_event_type') return e.subEventType !== null;
  return e.civilianTargeting !== null;
}

/**
 * ACLED's riots are mob violence (political violence) or violent demonstrations
 * (demonstrations): a Riots row with any other sub-event type cannot be placed in the
 * disorder-type categories, and is refused wherever its sub-event type is read. The reason, or
 * null when the row can be placed (or gives no sub-event type).
 */
export function riotProblem(eventType: EventType, subEventType: string | null): string | null {
  if (eventType !== 'Riots' || subEventType === null || subEventType === MOB_VIOLENCE || subEventType === VIOLENT_DEMONSTRATION)
    return null;
  return `Riots with sub-event type "${subEventType}": neither Mob violence nor Violent demonstration`;
}

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

/** The category with this id; throws on an id not in CATEGORY_IDS. */
export function category(id: CategoryId): Category {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`unknown category ${id}`);
  return c;
}

export function isCategoryId(s: string): s is CategoryId {
  return BY_ID.has(s as CategoryId);
}

export function isEventType(s: string): s is EventType {
  return (EVENT_TYPES as readonly string[]).includes(s);
}

export const MEASURES = ['events', 'fatalities'] as const;
export type Measure = (typeof MEASURES)[number];
