/**
 * The static page's words in French (index.html marks them `data-t`, `data-ta`; messages-page.ts
 * holds the English) and the code that puts them in place. Loaded before the French page's first
 * paint by boot-fr.ts, so a French reader never sees the English words nor the page move when
 * they change; also by main.ts, should that script not have run.
 */
import { countryFr } from '../../model/names-fr.ts';
import type { PageKey } from './messages-page.ts';

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
  sahelRegions: 'Les régions du Sahel, sur les semaines ACLED choisies',
  mapMeasure: 'Mesure de la carte',
  mapWeeks: 'Semaines de la carte',
  mapWeeksSummed: 'Semaines additionnées',
  last4Weeks: 'Les 4 dernières semaines',
  last12Weeks: 'Les 12 dernières semaines',
  last26Weeks: 'Les 26 dernières semaines',
  last52Weeks: 'Les 52 dernières semaines',
  customWeeks: 'Les jours ci-dessous',
  mapFromDay: 'De la semaine du',
  mapToDay: 'à la semaine du',
  showWeeks: 'Afficher ces semaines',
  mapWeeksNote: 'Les semaines ACLED vont du samedi au vendredi : chaque jour compte sa semaine entière. 52 semaines au plus.',
  trendBands: 'Tendances',
  claimsHeading: 'Des affirmations de presse vérifiées à l’aune des données',
  loadingClaims: 'Chargement des affirmations…',
  byRegion: 'Par région',
  compareIntro:
    'Choisissez une série et deux périodes : des mois, des semaines ACLED (du samedi au vendredi : une semaine, une suite de semaines, ou les N semaines avant « après »), ou des jours pour un pays doté de décomptes journaliers (« les 30 jours qui ont suivi le coup d’État »). Des périodes de durées différentes sont comparées en moyennes mensuelles (journalières). La fiche applique les mêmes tendances et la même règle de référence faible que la vue d’ensemble. Ajoutez une affirmation à vérifier (une relation et N) pour obtenir un verdict comme pour les affirmations de presse, avec une citation et un lien permanent.',
  shareSummary: 'Partager ou intégrer cette vue',
  shareLink: 'Lien vers cette vue',
  shareLinkNote:
    'Le lien reproduit la vue : pays, région, catégorie, mesure, intervalle, semaines de la carte, périodes, affirmation vérifiée et langue.',
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
  translateTree(doc.documentElement);
  doc.title = 'Sahel Pulse : la violence politique au Sahel, mois par mois';
  doc
    .querySelector('meta[name="description"]')
    ?.setAttribute(
      'content',
      'Statistiques mensuelles de la violence politique au Burkina Faso, au Tchad, au Mali, au Niger et au Nigeria d’après les données ACLED, et des affirmations de presse vérifiées à l’aune des chiffres.',
    );
}

/**
 * The marked texts and attributes of `root` and inside it, in French (an element already in French
 * is left as it is); links to the API marked `data-lang-href` ask for French.
 */
export function translateTree(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('[data-t], [data-ta], a[data-country-link], a[data-lang-href]')] as HTMLElement[]) {
    // SVG and MathML elements have a dataset too; anything else (none here) is skipped.
    if (!el.dataset) continue;
    const key = el.dataset.t as PageKey | undefined;
    const text = key === undefined ? undefined : PAGE_FR[key];
    if (text !== undefined && el.textContent !== text) el.textContent = text;
    if (el.dataset.ta) {
      const [attr, k] = el.dataset.ta.split(':') as [string, PageKey];
      const t = PAGE_FR[k];
      if (t !== undefined) el.setAttribute(attr, t);
    }
    if (el.dataset.langHref !== undefined) {
      const href = el.getAttribute('href');
      if (href && !href.includes('lang=')) el.setAttribute('href', `${href}?lang=fr`);
    }
    if (el.dataset.countryLink !== undefined && el.textContent) {
      const name = countryFr(el.textContent);
      if (name !== el.textContent) el.textContent = name;
    }
  }
}
