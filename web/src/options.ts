/**
 * The controls' choices: the categories a country has (the relations a claim can test are
 * relation-options.ts's, loaded with the Compare view). Pure: no DOM.
 */
import type { CategoryId } from '../../model/categories.ts';
import type { Catalogue } from '../../model/types.ts';
import { t } from './messages.ts';

export interface Option {
  value: string;
  label: string;
}

/** Categories the country has, in the catalogue's order, with the catalogue's labels. */
export function categoryOptions(catalogue: Catalogue, iso3: string): Option[] {
  const country = catalogue.countries.find((c) => c.iso3 === iso3);
  if (!country) return [];
  const has = new Set<CategoryId>(country.categories);
  return catalogue.categories.filter((c) => has.has(c.id)).map((c) => ({ value: c.id, label: t.category(c.id, c.label) }));
}
