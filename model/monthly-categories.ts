/**
 * Which categories a region has monthly series of. A module of its own: the page's first view
 * needs only this of the model's geography, and a bundler puts a module whole into one chunk
 * (geography.ts's country list would come with it).
 */
import type { CategoryId } from './categories.ts';
import type { CountryEntry, Region } from './types.ts';

/** The categories a region has monthly series of (all the country's, in datasets built before weeks). */
export function monthlyCategories(country: Pick<CountryEntry, 'categories'>, region: Region): CategoryId[] {
  return region.categories ?? country.categories;
}
