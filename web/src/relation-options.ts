/**
 * The relations a claim can test, as the Compare view's select offers them, and a relation in
 * plain words: loaded with that view. Pure: no DOM.
 */
import { RELATION_KINDS, type RelationKind } from '../../model/relations.ts';
import { tm } from './messages-more.ts';
import type { Option } from './options.ts';

export function isRelationKind(s: string | null): s is RelationKind {
  return (RELATION_KINDS as readonly (string | null)[]).includes(s);
}

/**
 * The relation's options for the select; a relation the URL names but the API does not know is
 * kept as an option of its own, so that the control shows what the URL asks for.
 */
export function relationOptions(current: string | null): Option[] {
  const known = RELATION_KINDS.map((k) => ({ value: k, label: tm().relation(k) }));
  const unknown = current !== null && !isRelationKind(current) ? [{ value: current, label: tm().notRelation(current) }] : [];
  return [{ value: '', label: tm().noRelation }, ...known, ...unknown];
}

/** A relation in plain words with its threshold. @example relationWording('ratio_gte', '4') === 'at least 4 times' */
export function relationWording(relation: string, threshold: string): string {
  return isRelationKind(relation) ? tm().relationWords(relation, threshold) : `${relation} ${threshold}`;
}
