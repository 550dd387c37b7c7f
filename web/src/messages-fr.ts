/**
 * The page in French: the code's messages (the type of messages.ts's English ones: a message
 * missing here is a type error) and the static page's words (messages-page.ts's keys), with the
 * function that puts them in place. Loaded on demand, only by a page in French (main.ts).
 * Written for French readers, not swapped word for word: places take their French names and
 * articles (model/words.ts), numbers and dates go through Intl in French ("1 196", "+48 %",
 * "août 2023"), and sentences agree ("Le nombre ... a augmenté", "les 2 lectures se vérifient").
 */
import type { Measure } from '../../model/categories.ts';
import { fmtDate } from '../../model/format.ts';
import { COUNTRIES } from '../../model/geography.ts';
import { countryFr } from '../../model/names-fr.ts';
import type { RelationKind } from '../../model/relations.ts';
import type { SeriesInfo } from '../../model/types.ts';
import { admin1Fr, WORDS } from '../../model/words.ts';
import type { Messages } from './messages.ts';
import type { MoreMessages } from './messages-more.ts';

const W = WORDS.fr;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const list = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} et ${xs.at(-1)}`);
/** "Tillabéri (Niger)", "Tchad". */
const place = (s: Pick<SeriesInfo, 'country' | 'admin1'>): string =>
  s.admin1 ? `${admin1Fr(s.admin1.name)} (${countryFr(s.country.name)})` : countryFr(s.country.name);
const subjectOf = (s: SeriesInfo): string =>
  W.subject({ category: s.category.id, measure: s.measure, country: s.country.name, admin1: s.admin1?.name ?? null });
/** "Violence politique, Tillabéri (Niger) : événements". */
const titleOf = (s: SeriesInfo): string => `${W.category[s.category.id].label}, ${place(s)} : ${W.measure[s.measure]}`;

/** A relation as the select offers it: "a augmenté de plus de N %" (N is the threshold field). */
const RELATIONS: Record<RelationKind, string> = {
  pct_increase_gt: 'a augmenté de plus de N\u202f%',
  pct_decrease_gt: 'a baissé de plus de N\u202f%',
  ratio_gte: 'au moins N fois plus',
  ratio_gt: 'plus de N fois plus',
  value_gte: 'au moins N au total',
};

/** A span of days as the page writes it ("14 – 20 mars 2026") after "du": "du 14 au 20 mars 2026". */
const duAu = (span: string): string => `du ${span.replace(' – ', ' au ')}`;
/** "d’événements", "de décès". */
const deW = (w: string): string => (/^[aeiouéèêh]/i.test(w) ? `d’${w}` : `de ${w}`);
/** "par rapport aux quatre semaines précédentes", "par rapport à la même période un an plus tôt". */
const aux = (words: string): string => (words.startsWith('les ') ? `aux ${words.slice(4)}` : `à ${words}`);

const MEASURE: Record<Measure, string> = { events: 'Événements', fatalities: 'Décès signalés' };

export const fr: Messages = {
  country: countryFr,
  region: admin1Fr,
  category: (id) => W.category[id].label,
  measure: MEASURE,
  trend: (b) => W.trend[b].label,
  provisional: (label) => W.provisional(label),
  list,
  // data/annotations.json labels its turning points in English: "Coup, 26 Jul 2023", "Military takeover, 20 Apr 2021".
  annotation: (label, date) =>
    `${label.startsWith('Military takeover') ? 'Prise du pouvoir par l’armée' : 'Coup d’État'}, ${fmtDate(date, 'fr')}`,

  headOverview: 'Cinq pays du Sahel côte à côte',
  headCountry: 'Pays',
  headCompare: 'Comparer deux périodes',
  headCheck: 'Vérifier une affirmation',
  docOverview: 'Sahel Pulse : cinq pays du Sahel côte à côte',
  shareOverview: 'Sahel Pulse : la violence politique dans cinq pays du Sahel',

  loading: 'Chargement…',
  couldNotLoad: (what) => `Impossible de charger ${what}.`,
  request: 'Requête : ',
  whatView: 'cette vue',
  whatCatalogue: 'le catalogue (/api/v1/catalogue)',
  whatDataset: 'les détails du jeu de données',
  whatDashboard: 'le tableau de bord',
  whatClaimsApi: 'les affirmations (/api/v1/claims)',
  whatClaims: 'les affirmations',
  whatCsv: 'le fichier CSV',
  whatMap: 'la carte',
  whatSeries: (country, m) => `les ${W.measure[m]} (${country})`,
  datesFailed: 'Les dates des données n’ont pas pu être chargées.',

  source: 'Source : ',
  datasetVersion: 'Version du jeu de données ',
  dataAsOf: ' · données au ',
  sourcesUsed: 'Sources utilisées',
  sourceCovers: (from, through) => ` (couvre du ${from} au ${through})`,
  sourceName: (s) => {
    // The catalogue's names are English (data/cli/sources.ts, or written by the pipeline): in French, what the source is, from its fields.
    const what =
      s.kind === 'event'
        ? 'Fichier d’événements ACLED (décomptes par jour)'
        : s.indicator
          ? `Fichier ACLED publié sur HDX : ${lowerFirst(W.category[s.indicator === 'political_violence' ? 'political_violence_acled' : s.indicator].label)} par mois`
          : s.unit === 'week'
            ? 'Données hebdomadaires agrégées d’ACLED (par région, semaine ACLED et type d’événement)'
            : 'Table mensuelle d’ACLED (par pays, mois et type d’événement)';
    const iso3 = Object.keys(s.countries ?? {});
    const names = COUNTRIES.filter((c) => iso3.includes(c.iso3)).map((c) => countryFr(c.name));
    return `${what}${names.length === COUNTRIES.length ? ', cinq pays du Sahel' : names.length > 0 ? `, ${list(names)}` : ''}`;
  },
  credit: (credit, version, asOf) => `Source : ${credit} · version du jeu de données ${version} · données au ${asOf}`,
  freshness: {
    weeks: (through, who, provisional) =>
      `jusqu’au ${through} (semaines ACLED${who.length > 0 ? ` ; ${list(who)}` : ''}${provisional ? ` ; ${provisional}, provisoires` : ''})`,
    dataThrough: (parts) => `Données ${parts.join(' ; ')}.`,
    monthsThrough: (parts) => `Mois jusqu’à ${parts.join(', ')}.`,
  },

  na: 'n.d.',
  lowBaseline: 'référence faible',

  subject: subjectOf,
  seriesTitle: (s) => `${titleOf(s)} par mois`,
  weekSeriesTitle: (s) => `${titleOf(s)} par semaine ACLED`,
  noData: (subject) => `Aucune donnée pour ${lowerFirst(subject)}.`,
  onlyPartial: (subject, month, value) => `${subject} : seuls des mois couverts en partie sont disponibles (${month} : au moins ${value}).`,
  inMonth: (subject, month, value) => `${subject} en ${month} : ${value}.`,
  // "Le nombre ... est resté stable" : "nombre" is masculine singular whatever is counted.
  stayed: (subject, value, m1, m2) => `${subject} est resté stable : ${value} en ${m1} comme en ${m2}.`,
  changed: (subject, rose, b, m1, a, m2, pct) =>
    `${subject} ${rose ? 'a augmenté' : 'a baissé'} : ${b} en ${m1}, ${a} en ${m2} (${pct ?? 'pas de pourcentage : la base est nulle'}).`,
  partialNote: (month, ends) => `Mois partiel : ${month}${ends ? `, la source s’arrête le ${ends}` : ''} (la valeur est un minimum).`,
  provisionalLabel: 'Provisoire (ACLED peut réviser)',
  partialLabel: 'Mois partiel (minimum)',
  weekNote: (week, provisional) => `Semaine ${duAu(week)}${provisional ? ' (provisoire : ACLED peut la réviser)' : ''}`,
  noWeekly: (subject) => `Aucune donnée hebdomadaire pour ${lowerFirst(subject)}.`,
  weekSummary: (subject, value, week, provisional, prev, prevProvisional) =>
    `${subject} : ${value} la semaine ${duAu(week)}${provisional ? ' (provisoire)' : ''}${prev === null ? '' : `, contre ${prev} la semaine précédente${prevProvisional ? ' (provisoire elle aussi)' : ''}`}.`,
  colWeek: 'Semaine (du samedi au vendredi)',
  colMonth: 'Mois',
  colChangeWeek: 'Variation sur la semaine précédente',
  colChangeMonth: 'Variation sur le mois précédent',
  colNote: 'Remarque',
  cellProvisional: 'provisoire (ACLED peut réviser)',
  cellPartial: 'mois partiel (minimum)',

  captionProvisional: 'En tirets, sur fond grisé : semaines provisoires (voir plus haut).',
  captionPartial: 'Fond grisé : mois partiel (minimum).',
  noWeeklyFor: (country) => `Pas de données hebdomadaires ACLED pour le ${country}.`,
  noWeeklyMeasure: (measure) => `${measure} : pas de données hebdomadaires.`,
  fewWeeks: (measure) => `${measure} : moins de quatre semaines ACLED.`,
  headline: (measure, window) => `${measure}, ${window} : `,
  provisionalTag: ' provisoire',
  vsPrevious: 'les quatre semaines précédentes',
  vsYear: 'la même période un an plus tôt',
  noBase: (words) => `Pas de comparaison possible avec ${words}.`,
  vs: (words, window, base, abs, pct, low) =>
    `par rapport ${aux(words)} (${window} : ${base}) : ${abs} (${pct})${low ? ', référence faible' : ''}`,
  mapWaiting: 'La carte et ses chiffres se chargent quand elle apparaît à l’écran.',

  allRegions: 'Toutes les régions (total du pays)',
  totalWeeklyOnly: 'Total du pays (régions : hebdomadaire seulement)',
  totalNoRegions: 'Total du pays (pas de régions)',

  linkCopied: 'Lien copié.',
  embedCopied: 'Code d’intégration copié.',
  copyByHand: 'Sélectionnez le texte et copiez-le (Ctrl+C).',
};

/** The French of messages-more.ts: the words of the parts loaded on demand. */
export const moreFr: MoreMessages = {
  categoryDefinition: (id) => W.category[id].definition,
  dayWindowsRegions: 'Les fenêtres en jours portent sur le total d’un pays, pas sur les régions',
  dailyFor: (countries) =>
    countries.length > 0 ? `Décomptes journaliers disponibles : ${list(countries)}` : 'Aucun pays n’a de décomptes journaliers',
  wordingExample: 'p. ex. a quadruplé',
  trendDefinition: (b) => W.trend[b].definition,
  lowBaselineNote: (month, threshold) => `Référence faible : moins de ${threshold} en ${month}, les pourcentages sont donc instables.`,
  relation: (k) => RELATIONS[k],
  relationWords: (k, threshold) => RELATIONS[k].replace('N', threshold),
  noRelation: 'Aucune : comparer seulement',
  notRelation: (r) => `« ${r} » (relation inconnue)`,

  monthsBefore: (n, days) => `les ${n} ${days ? 'jours' : 'mois'} précédents`,
  noData: 'pas de données',
  figChange: 'Variation',
  figRatio: 'Rapport',
  figTest: 'Critère',
  holds: 'Se vérifie',
  doesNotHold: 'Ne se vérifie pas',
  cannotDecide: 'Impossible à trancher',
  copyCitation: 'Copier la citation',
  citationCopied: 'Citation copiée.',
  copyByHand: 'Sélectionnez le texte et copiez-le (Ctrl+C).',
  downloadCsv: 'Télécharger le CSV',
  showSeries: 'Afficher cette série dans le graphique',
  trendBandOf: (of) => `Tendance, ${of} : `,
  howRead: 'Comment l’affirmation a été lue : ',
  alsoReadAs: 'Autre lecture : ',
  citeReading: 'Citer cette lecture',
  definitionUsed: 'Définition utilisée',
  citeVerdict: 'Citer ce verdict',
  translation: 'Traduction : ',
  quoteLang: 'En français',

  pickPeriods: 'Choisissez une période « avant » et une période « après ».',
  checking: 'Vérification de l’affirmation…',
  comparing: 'Comparaison…',
  linkToCheck: 'Lien vers cette vérification',
  apiPermalink: 'Lien permanent de l’API (JSON)',
  wholeSeries: 'Voir toute la série',
  cannotCheck: 'Cette affirmation ne peut pas être vérifiée telle qu’elle est écrite.',
  correctFields:
    'Corrigez les champs de l’affirmation ci-dessus, ou choisissez « Aucune : comparer seulement » pour comparer les deux périodes.',
  request: 'Requête : ',
  whatCheck: (path) => `la vérification (${path})`,
  whatComparison: (path) => `la comparaison (${path})`,
  openCheck: 'Ouvrir cette vérification dans Comparer',
  openCheckPart: (tests, of) => `Ouvrir dans Comparer (${tests} lecture${tests > 1 ? 's' : ''} sur ${of})`,
  claimsApi: 'API des affirmations (JSON)',
  titleCheck: (category, place, words) => `${category}, ${place} : « ${words} » vérifiée`,
  titleCompare: (category, measure, place) => `${category}, ${place} : ${measure}, deux périodes comparées`,
  measureWords: { events: 'événements', fatalities: 'décès signalés' },
  enterN: (label) => `Indiquez N pour « ${label} » afin de vérifier l’affirmation ; en attendant, les deux périodes comparées :`,
  figBefore: (w) => `Avant : ${w}`,
  figAfter: (w) => `Après : ${w}`,
  partial: ' (partiel)',
  figCompared: 'Comparaison',
  means: (monthly) => `moyennes ${monthly ? 'mensuelles' : 'journalières'} (les périodes n’ont pas la même durée)`,
  figBand: 'Tendance',

  noFourWeeks: 'pas de semaines ACLED dans les régions',
  mapSummary: (weeks, period, provisional, measure, top) =>
    `Sur ${weeks === 1 ? 'la semaine ACLED' : `les ${weeks} semaines ACLED`} ${duAu(period)}${provisional ? ' (provisoires)' : ''}, les régions les plus touchées (${measure === 'events' ? 'événements' : 'décès signalés'} de violence politique) sont : ${top.join(' ; ')}.`,
  colRegion: 'Région',
  colCountry: 'Pays',
  mapTableCaption: (measure, period, provisional) =>
    `Violence politique, ${measure.toLowerCase()} par région, ${period}${provisional ? ' (provisoire)' : ''}, de la plus élevée à la plus basse`,
  mapPngTitle: (measure, period) => `Violence politique, ${measure.toLowerCase()}, ${period}`,
  mapCaption: (missing, credits, credit) =>
    `Une seule échelle de couleurs pour les cinq pays : plus sombre (violet), moins ; plus clair (jaune), plus ; l’échelle est la légende en bas à droite.${missing.length > 0 ? ` Absentes de la carte (sans contour) : ${missing.join(' ; ')}.` : ''} ${credits.join(' ; ')}. ${credit}.`,
  mapNoData: 'pas de données',
  docTitle: (title) => `Sahel Pulse : ${title}`,
  definition: (label, definition) => `${label} : ${definition}`,
  noDataRange: (subject) => `Aucune donnée pour ${subject} sur cet intervalle.`,
  lineCaption: (measure, partial, credit) =>
    `${measure} par mois. Lignes en tirets : tournants (coups d’État). ${partial ? 'Fond grisé, tirets, triangles : mois partiel, un minimum. ' : ''}${credit}.`,
  changeTitle: (title) => `${title} : variation sur le mois précédent`,
  changeCaption: (low, threshold) =>
    `Écart avec le mois précédent. ${low ? `Barres grises cerclées : le mois précédent est sous ${threshold} (référence faible), les pourcentages sont donc instables. ` : ''}Les mois partiels ne sont pas comparés.`,
  lowBaselineBars: (threshold) => `Référence faible (mois précédent sous ${threshold})`,
  whatSeries: (path) => `la série (${path})`,
  whatChanges: 'les variations',
  whatTypes: 'les types d’événements',
  whatWeekly: 'la série hebdomadaire',
  whatRegions: 'les régions',
  compTitle: (measure, place) => `Par type d’événement : ${measure.toLowerCase()}, ${place}`,
  noTypes: (place) => `Pas de données par type d’événement pour ${place} sur cet intervalle.`,
  compCaption: (partial, credit) =>
    `Les six types d’événements d’ACLED empilés. ${partial ? 'Fond grisé : mois partiel (minimum). ' : ''}${credit}.`,
  weeklyCaption: (measure, weeks, provisional, credit) =>
    `${measure} par semaine ACLED (du samedi au vendredi), les ${weeks} dernières semaines. ${provisional ? 'En tirets sur fond grisé : semaines provisoires, qu’ACLED peut encore réviser. ' : ''}${credit}.`,
  noWeeklyCategory: (country) => `Pas de décomptes hebdomadaires ACLED de cette catégorie pour ${country}.`,
  regionsWaiting: 'Les régions se chargent quand cette section apparaît à l’écran.',
  regionWords: (category, measure) => `${measure === 'events' ? 'événements' : 'décès signalés'} (${category.toLowerCase()})`,
  provisionalWeeks: ' (provisoires : ACLED peut encore réviser ces semaines)',
  weekRankCaption: (category, measure, period, prov) =>
    `${category}, ${measure.toLowerCase()} par région sur les quatre dernières semaines ACLED, ${period ?? 'aucune'}${prov}.`,
  changeVsFour: 'Variation sur les quatre semaines précédentes',
  weekTableCaption: (credit) =>
    `Chiffres par région tirés des décomptes hebdomadaires d’ACLED (du samedi au vendredi). Choisissez une région pour l’afficher. ${credit}.`,
  weeklyOnlyRegion: (place) =>
    `${place} n’a que des décomptes hebdomadaires ACLED : pas de série mensuelle, donc ni graphique mensuel, ni variation d’un mois sur l’autre, ni types d’événements par mois. Sa série hebdomadaire est tracée ci-dessous.`,
  monthRankCaption: (category, measure, month) =>
    month
      ? `${category}, ${measure.toLowerCase()} par région en ${month}, le dernier mois complet dans toutes les régions.`
      : `${category} par région`,
  changeVsMonth: 'Variation sur le mois précédent',
  monthTableCaption: (through, credit) =>
    `Les chiffres par région ne viennent que des données au niveau de l’événement${through ? `, qui s’arrêtent le ${through}` : ''}. Choisissez une région pour l’afficher. ${credit}.`,
  noPeriod: 'aucune période n’est complète dans toutes les régions',
  mapCaptionCountry: (missing, credits, credit) =>
    `Plus sombre (violet), moins ; plus clair (jaune), plus.${missing.length > 0 ? ` Absentes de la carte (sans contour) : ${missing.join(', ')}.` : ''}${credits.length > 0 ? ` ${credits.join(' ; ')}.` : ''} ${credit}.`,
  mapPngCountry: (category, measure, period) => `${category}, ${measure.toLowerCase()}, ${period}`,
  noPeriodRegions: 'Aucune période n’est complète dans la série de chaque région.',
  bar: 'Barre',
  changeNoteNone: (partial) => (partial ? 'Mois partiel : pas de comparaison' : 'Pas de mois précédent à comparer'),
  changeNote: (base, value, pct, low) => `${base} → ${value} (${pct})${low ? ', référence faible' : ''}`,
  noChange: (subject) => `Aucune variation d’un mois sur l’autre ne peut être calculée pour ${subject} sur cet intervalle.`,
  largestRise: (abs, month) => `plus forte hausse ${abs} en ${month}`,
  largestFall: (abs, month) => `plus forte baisse ${abs} en ${month}`,
  lowMonths: (n) => `${n} mois sur une référence faible`,
  changeSummary: (subject, parts) =>
    `Variation d’un mois sur l’autre pour ${subject} : ${parts.length > 0 ? parts.join(', ') : 'aucune variation'}.`,
  compNone: (month, measure, place) =>
    `En ${month}, aucun${measure === 'events' ? ' événement n’a été enregistré' : ' décès n’a été signalé'} (${place}).`,
  compTop: (month, label, share, measure, place, value, total, types) =>
    `En ${month}, le type « ${label} » représente ${share}\u202f% des ${measure === 'events' ? 'événements' : 'décès signalés'} (${place} : ${value} sur ${total}), le plus important des ${types} types d’événements.`,
  compNoMonth: (place) => `Aucun mois complet à décrire pour ${place}.`,
  colMonth: 'Mois',
  colNote: 'Remarque',
  cellPartial: 'mois partiel (minimum)',
  na: 'n.d.',
  regionNone: (country) => `Aucun mois n’est complet dans toutes les régions (${country}).`,
  regionTop: (month, name, words, country, value, then) =>
    `En ${month}, ${name} compte le plus ${deW(words)} parmi les régions (${country}) : ${value}${then ? ` ; puis ${then}` : ''}.`,
  regionWeekNone: (country) => `Pas quatre semaines ACLED dans les régions (${country}).`,
  regionWeekTop: (period, provisional, name, words, country, value, then) =>
    `Sur les quatre semaines ${duAu(period)}${provisional ? ' (provisoires)' : ''}, ${name} compte le plus ${deW(words)} parmi les régions (${country}) : ${value}${then ? ` ; puis ${then}` : ''}.`,
  notWholeWeeks: (p, covering) =>
    `${cap(p)} ne correspond pas à des semaines ACLED entières (du samedi au vendredi) : ${covering}, les semaines qui la couvrent`,
  notWholeMonths: (what) =>
    `${cap(what.join(' et '))} ${what.length > 1 ? 'ne sont pas des mois entiers : affichés comme les mois qui les couvrent' : 'n’est pas un mois entier : affiché comme les mois qui le couvrent'}.`,
  weeksBefore: (p, shown) => `${cap(p)} est affiché comme ${shown}, les semaines entières avant le début de « après »`,
  notes: (changed) => `${changed.join(' ; ')}.`,
  monthsEnd: (country, last, after) =>
    `Les séries mensuelles (${country}) s’arrêtent en ${last}, avant ${after} : affichage du dernier mois complet, comparé au même mois un an plus tôt.`,
  // The outlines' files give their credit in English: "Region outlines: <source>, <licence>; simplified".
  outlineCredit: (credit) =>
    credit
      .replace(/^Region outlines: /, 'Contours des régions : ')
      .replace(/; simplified$/, ' ; simplifiés')
      .replace('(cercles dissolved into regions)', '(cercles fusionnés en régions)')
      .replace('World Bank 2017 layer', 'couche Banque mondiale 2017')
      // OCHA's common operational dataset for Chad, named in French as OCHA names it (Tchad).
      .replace('COD-AB Chad', 'COD-AB Tchad'),

  rise: 'Hausse',
  fall: 'Baisse',

  refresh: {
    published: 'nouvelles données publiées',
    unchanged: 'pas de nouvelles données',
    failed: 'échec',
    failedWhy: (reason) => `échec : ${reason} ; les données affichées sont inchangées`,
    rows: (read, accepted, rejected) => `${read} lignes lues, ${accepted} acceptées, ${rejected} rejetées`,
    window: (since, through, rows) => ` (événements du ${since} au ${through} ; ${rows})`,
    line: (at, window, outcome) => `Dernière mise à jour depuis l’API d’ACLED : ${at}${window} : ${outcome}.`,
  },
};
