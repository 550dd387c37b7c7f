/**
 * The words of the parts of the page loaded on demand (the Country and Compare views, the claims'
 * cards, the trend legend, the footer's refresh line), in English: loaded with those parts, not
 * by the first view. The French ones are messages-fr.ts's `moreFr`, of this catalogue's type (a
 * message missing there is a type error). Read them as `tm()`.
 */
import { RELATION_LABELS, type RelationKind, relationWords } from '../../model/relations.ts';
import type { TrendBand } from '../../model/trend.ts';
import { TREND_DEFINITIONS } from '../../model/trend-definitions.ts';
import { moreFr } from './messages.ts';

export const enMore = {
  trendDefinition: (b: TrendBand): string => TREND_DEFINITIONS[b],
  lowBaselineNote: (month: string, threshold: number): string =>
    `Low baseline: fewer than ${threshold} in ${month}, so percentages are unstable.`,
  relation: (k: RelationKind): string => RELATION_LABELS[k],
  /** A relation in plain words with its threshold: "at least 4 times". */
  relationWords: (k: RelationKind, threshold: string): string => relationWords(k, threshold),
  noRelation: 'None: compare only',
  notRelation: (r: string): string => `“${r}” (not a relation)`,

  // Charts.
  rise: 'Rise',
  fall: 'Fall',

  // The footer's last refresh (refresh-line.ts).
  refresh: {
    published: 'new data published',
    unchanged: 'nothing new',
    failed: 'failed',
    failedWhy: (reason: string): string => `failed: ${reason}; the data shown is unchanged`,
    rows: (read: string, accepted: string, rejected: string): string => `${read} rows read, ${accepted} accepted, ${rejected} rejected`,
    window: (since: string, through: string, rows: string): string => ` (event dates ${since} to ${through}; ${rows})`,
    line: (at: string, window: string, outcome: string): string => `Last refresh from ACLED's API: ${at}${window}: ${outcome}.`,
  },
};

export type MoreMessages = typeof enMore;

/** The page's messages for these parts, in its language. */
export const tm = (): MoreMessages => (moreFr as MoreMessages | null) ?? enMore;
