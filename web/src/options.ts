/**
 * The controls' choices: the categories a country has, the relations a claim can test, and a
 * relation in plain words. Pure: no DOM.
 */
import type { CategoryId } from '../../model/categories.ts';
import { RELATION_KINDS, RELATION_LABELS, type RelationKind, relationWords } from '../../model/relations.ts';
import type { Catalogue } from '../../model/types.ts';

export interface Option {
  value: string;
  label: string;
}

/** Categories the country has, in the catalogue's order, with the catalogue's labels. */
export function categoryOptions(catalogue: Catalogue, iso3: string): Option[] {
  const country = catalogue.countries.find((c) => c.iso3 === iso3);
  if (!country) return [];
  const has = new Set<CategoryId>(country.categories);
  return catalogue.categories.filter((c) => has.has(c.id)).map((c) => ({ value: c.id, label: c.label }));
}

export function isRelationKind(s: string | null): s is RelationKind {
  return (RELATION_KINDS as readonly (string | null)[]).includes(s);
}

/**
 * The relation's options for the select; a relation the URL names but the API does not know is
 * kept as an option of its own, so that the control shows what the URL asks for.
 */
export function relationOptions(current: string | null): Option[] {
  const known = RELATION_KINDS.map((k) => ({ value: k, label: RELATION_LABELS[k] }));
  const unknown = current !== null && !isRelationKind(current) ? [{ value: current, label: `“${current}” (not a relation)` }] : [];
  return [{ value: '', label: 'None: compare only' }, ...known, ...unknown];
}

/** A relation in plain words with its threshold. @example relationWording('ratio_gte', '4') === 'at least 4 times' */
export function relationWording(relation: string, threshold: string): string {
  return isRelationKind(relation) ? relationWords(relation, threshold) : `${relation} ${threshold}`;
}
