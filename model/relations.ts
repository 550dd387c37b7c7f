/**
 * The relations a claim can state between two periods, and their plain words. A module of its
 * own, importing nothing, so that the page can word a relation without loading the evaluation
 * of claims (claims.ts). Pure.
 */
export const RELATION_KINDS = ['pct_increase_gt', 'pct_decrease_gt', 'ratio_gte', 'ratio_gt', 'value_gte'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Each relation in plain words, N standing for the threshold: the wording of a claim that gives none. */
export const RELATION_LABELS: Record<RelationKind, string> = {
  pct_increase_gt: 'rose by more than N%',
  pct_decrease_gt: 'fell by more than N%',
  ratio_gte: 'at least N times',
  ratio_gt: 'more than N times',
  value_gte: 'at least N in total',
};

/** @example relationWords('ratio_gte', 4) === 'at least 4 times' */
export function relationWords(kind: RelationKind, threshold: number | string): string {
  return RELATION_LABELS[kind].replace('N', String(threshold));
}
