/**
 * The event-type categories, in a module of their own: the page's first view needs this list but
 * not the category predicates (categories.ts), which a bundler cannot drop (they run at load).
 */
import type { CategoryId } from './categories.ts';

/**
 * One category per ACLED event type, in the order of categories.ts's EVENT_TYPES: together they count every event
 * exactly once (the pipeline's totals are checked over these; the composition chart stacks them).
 */
export const EVENT_TYPE_CATEGORIES: readonly CategoryId[] = [
  'battles',
  'explosions_remote_violence',
  'violence_against_civilians',
  'protests',
  'riots',
  'strategic_developments',
];
