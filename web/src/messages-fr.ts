/**
 * The page in French: the code's messages (the type of messages.ts's English ones: a message
 * missing here is a type error) and the static page's words (messages-page.ts's keys), with the
 * function that puts them in place. Loaded on demand, only by a page in French (main.ts).
 * Written for French readers, not swapped word for word: places take their French names and
 * articles (model/words.ts), numbers and dates go through Intl in French ("1 196", "+48 %",
 * "août 2023"), and sentences agree ("Le nombre ... a augmenté", "les 2 lectures se vérifient").
 */
import type { Measure } from '../../model/categories.ts';
import type { RelationKind } from '../../model/relations.ts';
import type { SeriesInfo } from '../../model/types.ts';
import { admin1Fr, countryFr, WORDS } from '../../model/words.ts';
import type { Messages } from './messages.ts';
import type { MoreMessages } from './messages-more.ts';
import type { PageKey } from './messages-page.ts';

const W = WORDS.fr;
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

const MEASURE: Record<Measure, string> = { events: 'Événements', fatalities: 'Décès signalés' };

export const fr: Messages = {
  country: countryFr,
  region: admin1Fr,
  category: (id) => W.category[id].label,
  categoryDefinition: (id) => W.category[id].definition,
  measure: MEASURE,
  trend: (b) => W.trend[b].label,
  provisional: (label) => W.provisional(label),
  list,

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
  sourceCovers: (name, from, through) => `${name} (couvre du ${from} au ${through})`,
  credit: (credit, version, asOf) => `Source : ${credit} · version du jeu de données ${version} · données au ${asOf}`,
  freshness: {
    weeks: (through, who, provisional) =>
      `jusqu’au ${through} (semaines ACLED${who.length > 0 ? ` ; ${list(who)}` : ''}${provisional ? ` ; ${provisional} provisoire` : ''})`,
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
  weekNote: (week, provisional) => `Semaine du ${week}${provisional ? ' (provisoire : ACLED peut la réviser)' : ''}`,
  noWeekly: (subject) => `Aucune donnée hebdomadaire pour ${lowerFirst(subject)}.`,
  weekSummary: (subject, value, week, provisional, prev, prevProvisional) =>
    `${subject} : ${value} la semaine du ${week}${provisional ? ' (provisoire)' : ''}${prev === null ? '' : `, contre ${prev} la semaine précédente${prevProvisional ? ' (provisoire elle aussi)' : ''}`}.`,
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
  vsYear: 'un an plus tôt',
  noBase: (words) => `Rien à comparer pour ${words}.`,
  vs: (words, window, base, abs, pct, low) =>
    `par rapport à ${words} (${window} : ${base}) : ${abs} (${pct})${low ? ', référence faible' : ''}`,
  mapWaiting: 'La carte et ses chiffres se chargent quand elle apparaît à l’écran.',

  allRegions: 'Toutes les régions (total du pays)',
  totalWeeklyOnly: 'Total du pays (régions : hebdomadaire seulement)',
  totalNoRegions: 'Total du pays (pas de régions)',
  dayWindowsRegions: 'Les fenêtres en jours portent sur le total d’un pays, pas sur les régions',
  dailyFor: (countries) =>
    countries.length > 0 ? `Décomptes journaliers disponibles : ${list(countries)}` : 'Aucun pays n’a de décomptes journaliers',
  wordingExample: 'p. ex. a quadruplé',

  linkCopied: 'Lien copié.',
  embedCopied: 'Code d’intégration copié.',
  copyByHand: 'Sélectionnez le texte et copiez-le (Ctrl+C).',
};

/** The French of messages-more.ts: the words of the parts loaded on demand. */
export const moreFr: MoreMessages = {
  trendDefinition: (b) => W.trend[b].definition,
  lowBaselineNote: (month, threshold) => `Référence faible : moins de ${threshold} en ${month}, les pourcentages sont donc instables.`,
  relation: (k) => RELATIONS[k],
  relationWords: (k, threshold) => RELATIONS[k].replace('N', threshold),
  noRelation: 'Aucune : comparer seulement',
  notRelation: (r) => `« ${r} » (relation inconnue)`,

  rise: 'Hausse',
  fall: 'Baisse',

  refresh: {
    published: 'nouvelles données publiées',
    unchanged: 'rien de nouveau',
    failed: 'échec',
    failedWhy: (reason) => `échec : ${reason} ; les données affichées sont inchangées`,
    rows: (read, accepted, rejected) => `${read} lignes lues, ${accepted} acceptées, ${rejected} rejetées`,
    window: (since, through, rows) => ` (événements du ${since} au ${through} ; ${rows})`,
    line: (at, window, outcome) => `Dernière mise à jour depuis l’API d’ACLED : ${at}${window} : ${outcome}.`,
  },
};

/** The static page's words in French, by messages-page.ts's keys (a key missing here is a type error). */
export const PAGE_FR: Record<PageKey, string> = {
  skip: 'Aller au contenu',
  tagline:
    'La violence politique semaine par semaine et mois par mois au Burkina Faso, au Tchad, au Mali, au Niger et au Nigeria, d’après les données ACLED, et des affirmations de presse vérifiées à l’aune des chiffres.',
  freshnessLoading: 'Chargement des dates des données…',
  tabOverview: 'Vue d’ensemble',
  tabCountry: 'Pays',
  tabCompare: 'Comparer',
  headingOverview: 'Cinq pays du Sahel côte à côte',
  headingCountry: 'Pays',
  headingCompare: 'Comparer deux périodes',
  fieldCountry: 'Pays',
  fieldCategory: 'Catégorie',
  fieldMeasure: 'Mesure',
  events: 'Événements',
  fatalities: 'Décès signalés',
  fieldRegion: 'Région',
  allRegions: 'Toutes les régions (total du pays)',
  fieldFrom: 'Du mois',
  firstMonth: 'Premier mois',
  fieldTo: 'Au mois',
  latestMonth: 'Dernier mois',
  sameScale: 'Même échelle pour tous les pays',
  periodsIn: 'Périodes en',
  months: 'Mois',
  acledWeeks: 'Semaines ACLED',
  days: 'Jours',
  countryTotals: '(totaux par pays)',
  before: 'Avant',
  periodFrom: 'Du',
  periodTo: 'au',
  orThe: 'ou les',
  weeksBeforeAfter: 'semaines avant « après »',
  after: 'Après',
  claimToTest: 'Affirmation à vérifier (facultatif)',
  relation: 'Relation (après par rapport à avant)',
  wording: 'Formulation (facultatif)',
  bothMeasures: 'Lire les événements et les décès signalés (une lecture chacun)',
  check: 'Vérifier',
  wholeSeries: 'Toute la série',
  overviewIntro:
    'Violence politique (batailles, explosions/violence à distance, violence contre les civils). Pour chaque pays, les quatre dernières semaines ACLED complètes (du samedi au vendredi) sont comparées aux quatre semaines précédentes et aux mêmes quatre semaines un an plus tôt (tendance), à côté de ses séries hebdomadaires et mensuelles.',
  howTrendBands: 'Comment les tendances sont définies',
  provisionalNote:
    'Données provisoires : ACLED révise les événements récents pendant des semaines ; les quatre semaines les plus récentes de ses données hebdomadaires sont donc provisoires. Elles sont tracées en tirets sur fond grisé, et une comparaison qui les inclut est marquée « provisoire » : elle n’est pas définitive.',
  sahelRegions: 'Les régions du Sahel, les quatre dernières semaines ACLED',
  mapMeasure: 'Mesure de la carte',
  trendBands: 'Tendances',
  claimsHeading: 'Des affirmations de presse vérifiées à l’aune des données',
  loadingClaims: 'Chargement des affirmations…',
  byRegion: 'Par région',
  compareIntro:
    'Choisissez une série et deux périodes : des mois, des semaines ACLED (du samedi au vendredi : une semaine, une suite de semaines, ou les N semaines avant « après »), ou des jours pour un pays doté de décomptes journaliers (« les 30 jours qui ont suivi le coup d’État »). Des périodes de durées différentes sont comparées en moyennes mensuelles (journalières). La fiche applique les mêmes tendances et la même règle de référence faible que la vue d’ensemble. Ajoutez une affirmation à vérifier (une relation et N) pour obtenir un verdict comme pour les affirmations de presse, avec une citation et un lien permanent.',
  shareSummary: 'Partager ou intégrer cette vue',
  shareLink: 'Lien vers cette vue',
  shareLinkNote: 'Le lien reproduit la vue : pays, région, catégorie, mesure, intervalle, périodes, affirmation vérifiée et langue.',
  copyLink: 'Copier le lien',
  embedCode: 'Code d’intégration (iframe)',
  copyEmbed: 'Copier le code d’intégration',
  sourceAcled: 'Source : ACLED, www.acleddata.com.',
  loadingDataset: 'Chargement des détails du jeu de données…',
  apiDocs: 'Documentation de l’API',
  catalogueJson: 'Catalogue (JSON)',
  claimsJson: 'Affirmations (JSON)',
  openFull: 'Ouvrir dans Sahel Pulse',
  navViews: 'Vues',
  language: 'Langue',
  controls: 'Ce que montrent les graphiques',
  wordingExample: 'p. ex. a quadruplé',
  loading: 'Chargement…',
  downloadCsv: 'Télécharger le CSV',
  downloadPng: 'Télécharger le PNG',
  dataTable: 'Tableau des données',
  figWeekEvents: 'Événements par semaine ACLED',
  figWeekFatalities: 'Décès signalés par semaine ACLED',
  figEvents: 'Événements par mois',
  figFatalities: 'Décès signalés par mois',
  figSahelMap: 'Violence politique par région, cinq pays',
  figLine: 'Décompte mensuel',
  figWeekly: 'Par semaine ACLED',
  figChange: 'Variation sur le mois précédent',
  figComposition: 'Par type d’événement',
  figMap: 'Carte des régions',
  figRegions: 'Classement des régions',
};

/**
 * Put the French words in the static page: texts marked `data-t`, attributes marked `data-ta`
 * ("aria-label:key"), the title, and the countries' names on the overview's cards.
 */
export function translatePage(doc: Document): void {
  for (const el of doc.querySelectorAll<HTMLElement>('[data-t]')) {
    const text = PAGE_FR[el.dataset.t as PageKey];
    if (text !== undefined) el.textContent = text;
  }
  for (const el of doc.querySelectorAll<HTMLElement>('[data-ta]')) {
    const [attr, key] = (el.dataset.ta ?? '').split(':') as [string, PageKey];
    const text = PAGE_FR[key];
    if (text !== undefined) el.setAttribute(attr, text);
  }
  for (const a of doc.querySelectorAll<HTMLElement>('a[data-country-link]')) a.textContent = countryFr(a.textContent ?? '');
  doc.title = 'Sahel Pulse : la violence politique au Sahel, mois par mois';
  doc
    .querySelector('meta[name="description"]')
    ?.setAttribute(
      'content',
      'Statistiques mensuelles de la violence politique au Burkina Faso, au Tchad, au Mali, au Niger et au Nigeria d’après les données ACLED, et des affirmations de presse vérifiées à l’aune des chiffres.',
    );
}
