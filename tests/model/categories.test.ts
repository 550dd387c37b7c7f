/** The categories (model/categories.ts): the event-type categories partition every event. */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Countable, EVENT_TYPES } from '../../model/categories.ts';
import { EVENT_TYPE_CATEGORIES } from '../../model/event-types.ts';

describe('EVENT_TYPE_CATEGORIES', () => {
  it('holds, in EVENT_TYPES order, the one category each event type counts in: every event is counted once', () => {
    const byType = EVENT_TYPES.map((eventType) => {
      const e: Countable = { eventType, civilianTargeting: null, inter1: null, inter2: null };
      return CATEGORIES.filter((c) => EVENT_TYPE_CATEGORIES.includes(c.id) && c.includes(e)).map((c) => c.id);
    });
    expect(byType).toEqual(EVENT_TYPE_CATEGORIES.map((id) => [id]));
    expect(EVENT_TYPE_CATEGORIES.every((id) => CATEGORIES.find((c) => c.id === id)?.needs === 'event_type')).toBe(true);
  });
});
