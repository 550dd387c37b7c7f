/** The categories (model/categories.ts): the event-type categories partition every event. */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_IDS, type Countable, canCount, category, EVENT_TYPES, riotProblem } from '../../model/categories.ts';
import { WEEKLY_CATEGORIES } from '../../model/disorder.ts';
import { EVENT_TYPE_CATEGORIES } from '../../model/event-types.ts';

describe('EVENT_TYPE_CATEGORIES', () => {
  it('holds, in EVENT_TYPES order, the one category each event type counts in: every event is counted once', () => {
    const byType = EVENT_TYPES.map((eventType) => {
      const e: Countable = { eventType, subEventType: null, civilianTargeting: null, inter1: null, inter2: null };
      return CATEGORIES.filter((c) => EVENT_TYPE_CATEGORIES.includes(c.id) && c.includes(e)).map((c) => c.id);
    });
    expect(byType).toEqual(EVENT_TYPE_CATEGORIES.map((id) => [id]));
    expect(EVENT_TYPE_CATEGORIES.every((id) => CATEGORIES.find((c) => c.id === id)?.needs === 'event_type')).toBe(true);
  });
});

describe("ACLED's disorder types as categories: one definition for every source", () => {
  const row = (eventType: Countable['eventType'], subEventType: string | null, civilianTargeting: boolean | null = null): Countable => ({
    eventType,
    subEventType,
    civilianTargeting,
    inter1: null,
    inter2: null,
  });
  const pva = category('political_violence_acled');
  const da = category('demonstrations_acled');

  it('political_violence_acled: B + ERV + VAC + mob violence + excessive force; demonstrations_acled: protests + violent demonstrations', () => {
    const cases: [Countable['eventType'], string, boolean, boolean][] = [
      ['Battles', 'Armed clash', true, false],
      ['Explosions/Remote violence', 'Air/drone strike', true, false],
      ['Violence against civilians', 'Attack', true, false],
      ['Riots', 'Mob violence', true, false],
      ['Riots', 'Violent demonstration', false, true],
      ['Protests', 'Peaceful protest', false, true],
      ['Protests', 'Excessive force against protesters', true, true],
      ['Strategic developments', 'Looting/property destruction', false, false],
    ];
    for (const [type, sub, inPva, inDa] of cases) {
      // The same answer whether the row is an event (all fields) or a weekly row (event and sub-event type only).
      for (const e of [row(type, sub), row(type, sub, false), row(type, sub, true)]) {
        expect([type, sub, pva.includes(e), da.includes(e)]).toEqual([type, sub, inPva, inDa]);
        expect(canCount(pva, e) && canCount(da, e)).toBe(true);
      }
    }
  });

  it('are not counted from a row without its sub-event type (a table row, an event file without the column)', () => {
    for (const e of [row('Battles', null), row('Battles', null, true)]) {
      expect(canCount(pva, e)).toBe(false);
      expect(canCount(da, e)).toBe(false);
      expect(canCount(category('political_violence'), e)).toBe(true);
    }
    expect(canCount(category('civilian_targeting'), row('Battles', 'Armed clash'))).toBe(false);
    expect(canCount(category('civilian_targeting'), row('Battles', null, false))).toBe(true);
  });

  it('refuse a riot that is neither mob violence nor a violent demonstration', () => {
    expect(riotProblem('Riots', 'Looting')).toBe('Riots with sub-event type "Looting": neither Mob violence nor Violent demonstration');
    expect(riotProblem('Riots', 'Mob violence')).toBeNull();
    expect(riotProblem('Riots', null)).toBeNull();
    expect(riotProblem('Protests', 'Looting')).toBeNull();
  });

  it('sit beside the categories they refine, in the order of the weekly file', () => {
    expect(CATEGORY_IDS.filter((c) => (WEEKLY_CATEGORIES as readonly string[]).includes(c))).toEqual([...WEEKLY_CATEGORIES]);
    expect(CATEGORIES.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
    // political_violence keeps its definition: no riots, no protests.
    expect(category('political_violence').includes(row('Riots', 'Mob violence'))).toBe(false);
  });
});
