/**
 * The catalogue's notes (GET /catalogue): the rule that decides between sources, the low-baseline
 * threshold, and what each cross-check of two sources compares, in English and French: one typed
 * catalogue, so that a note missing in one language is a type error. The pipeline writes the
 * English into the stored catalogue (data/build, data/derive/crosscheck.ts); the Worker writes
 * the other languages on request (`lang`), from the stored figures. Pure.
 */
import type { Lang } from './lang.ts';

export interface CatalogueNotes {
  precedence: string;
  /** thresholds.note: below `threshold`, a change is flagged lowBaseline. */
  lowBaseline: (threshold: number) => string;
  /** A weekly cross-check: the weekly file against an event source (`against`, its id) by ACLED week. */
  weekCrossCheck: (against: string) => string;
  /** A monthly cross-check: HDX political violence against an Explorer table (`against`, its id). */
  monthCrossCheck: (against: string) => string;
}

const en: CatalogueNotes = {
  precedence:
    'Each country-month is taken from one source. Calendar months come only from sources that count by ' +
    'month or by day (the Explorer table, HDX monthly files, event-level files), never from weekly counts: ' +
    'an ACLED week (Saturday to Friday) is never split into months. A source that covers the whole month wins ' +
    'over one that covers only part of it; among sources covering it whole, the most recently retrieved wins, ' +
    "because it includes ACLED's later revisions. A category is taken only from a source that gives it " +
    'exactly (the sources list the categories they give): the event-level-only categories (civilian ' +
    "targeting, attacks on state forces) come from event-level sources alone, ACLED's disorder-type " +
    'categories from event-level files and HDX files. Weeks come from the weekly source; day windows from ' +
    'daily counts where they cover the window, else from whole weeks. Where two sources cover a ' +
    'country-month (or a week), their figures are compared and differences are listed, never merged.',
  lowBaseline: (n) => `A change whose base is below ${n} is flagged lowBaseline: from 1 to 4 is +300%.`,
  weekCrossCheck: (against) =>
    `ACLED weeks (Saturday to Friday) of the weekly file against ${against}'s events bucketed into the same weeks. ` +
    'Differences are ACLED revisions between the two downloads (events added later, an event moved between types); ' +
    'neither is merged into the other.',
  monthCrossCheck: (against) =>
    `HDX political violence (ACLED's disorder type: battles, explosions/remote violence, violence against civilians, mob violence and ` +
    `excessive force against protesters) against ${against}'s Battles + Explosions/Remote violence + Violence against civilians, ` +
    "month by month. HDX may exceed the table by mob violence (within that month's riots) and by ACLED's later additions " +
    '(beyond the riots); it is never merged into political_violence.',
};

const fr: CatalogueNotes = {
  precedence:
    'Chaque pays-mois provient d’une seule source. Les mois calendaires ne viennent que des sources qui comptent par ' +
    'mois ou par jour (la table de l’Explorer, les fichiers mensuels de HDX, les fichiers d’événements), jamais des ' +
    'décomptes hebdomadaires : une semaine ACLED (du samedi au vendredi) n’est jamais répartie entre deux mois. Une ' +
    'source qui couvre le mois entier l’emporte sur une source qui n’en couvre qu’une partie ; parmi celles qui le ' +
    'couvrent entier, la plus récemment téléchargée l’emporte, car elle inclut les révisions ultérieures d’ACLED. Une ' +
    'catégorie n’est prise que d’une source qui la donne exactement (chaque source indique les catégories qu’elle ' +
    'donne) : les catégories qui demandent le détail des événements (civils ciblés, attaques contre les forces de ' +
    'l’État) ne viennent que des fichiers d’événements, les catégories de type de désordre d’ACLED des fichiers ' +
    'd’événements et des fichiers HDX. Les semaines viennent de la source hebdomadaire ; les fenêtres en jours, des ' +
    'décomptes journaliers là où ils couvrent la fenêtre, sinon de semaines entières. Là où deux sources couvrent un ' +
    'même pays-mois (ou une même semaine), leurs chiffres sont comparés et les écarts listés, jamais fusionnés.',
  lowBaseline: (n) =>
    `Une variation dont la référence est inférieure à ${n} est signalée lowBaseline : passer de 1 à 4, c’est +300\u202f%.`,
  weekCrossCheck: (against) =>
    `Les semaines ACLED (du samedi au vendredi) du fichier hebdomadaire comparées aux événements de ${against} regroupés ` +
    'dans les mêmes semaines. Les écarts viennent des révisions d’ACLED entre les deux téléchargements (événements ajoutés ' +
    'plus tard, événement passé d’un type à un autre) ; aucune des deux sources n’est fusionnée dans l’autre.',
  monthCrossCheck: (against) =>
    'La violence politique selon HDX (le type de désordre d’ACLED : batailles, explosions/violence à distance, violence ' +
    'contre les civils, violence de foule et usage excessif de la force contre des manifestants) comparée, mois par mois, ' +
    `à la somme Batailles + Explosions/Violence à distance + Violence contre les civils de ${against}. Les chiffres de HDX ` +
    'peuvent dépasser ceux de la table par la violence de foule (dans la limite des émeutes du mois) et par les ajouts ' +
    'ultérieurs d’ACLED (au-delà des émeutes) ; ils ne sont jamais fusionnés dans political_violence.',
};

export const CATALOGUE_NOTES: Record<Lang, CatalogueNotes> = { en, fr };
