/**
 * The words of every generated sentence, in English and French: one typed catalogue, so that a
 * word missing in one language is a type error. Sentences are written for each language, not
 * word-swapped: French places, periods and agreement ("au Niger", "dans la région d'Agadez",
 * "en août 2023", "du 1er au 28 juillet 2023") have their own rules here.
 *
 * The English words are the project's existing constants (categories, trend bands, measures);
 * French adds its own. Pure: imports only leaf modules.
 */
import { CATEGORIES, type CategoryId, type Measure } from './categories.ts';
import { LOW_BASELINE } from './change.ts';
import type { Verdict } from './claim.ts';
import { dayLabel } from './day.ts';
import { REGION_DAYS_WHY } from './days.ts';
import { MEASURE_WORDS } from './describe.ts';
import { fmtDate, fmtExact } from './format.ts';
import type { Lang } from './lang.ts';
import { monthLabel, monthName } from './month.ts';
import { countryFr } from './names-fr.ts';
import { MAX_WINDOW_DAYS, MAX_WINDOW_MONTHS, MAX_WINDOW_WEEKS, type PeriodMessages, windowLabel } from './period.ts';
import { PERIOD_MESSAGES } from './period-messages.ts';
import { PROVISIONAL_CAVEAT } from './provisional.ts';
import { RELATION_LABELS, type RelationKind } from './relations.ts';
import { TREND_LABELS, type TrendBand } from './trend.ts';
import { TREND_DEFINITIONS } from './trend-definitions.ts';
import { type Alignment, type WeekSpan, weekday } from './week.ts';

/** A period as the sentences see it: its unit and its first and last month or day. */
export interface Span {
  unit: 'month' | 'day';
  from: string;
  to: string;
}

export interface Words {
  /** A category's name (as a heading) and definition. */
  category: Record<CategoryId, { label: string; definition: string }>;
  measure: Record<Measure, string>;
  trend: Record<TrendBand, { label: string; definition: string }>;
  /** A band's label when a period is provisional. */
  provisional: (label: string) => string;
  verdict: Record<Verdict, string>;
  /** What a reading tests, in words: "more than +40%". */
  test: Record<RelationKind, (v: number) => string>;
  /** The subject of a sentence: "Political violence events in Niger" / "Les événements de violence politique au Niger". */
  subject: (s: { category: CategoryId; measure: Measure; country: string; admin1: string | null; per?: 'month' | 'day' }) => string;
  /** A signed percent and a ratio: "+48%, 1.48x" / "+48 %, ×1,48". */
  change: (pct: number | null, ratio: number | null) => string;
  /** Value before, value after and the direction, in one sentence (ends with a full stop). */
  compared: (s: { subject: string; before: number; after: number; b: Span; a: Span; change: string }) => string;
  /** The same when a period holds a partial month: the values, no change. */
  comparedPartial: (s: { subject: string; before: number; after: number; b: Span; a: Span }) => string;
  caveat: {
    partial: (p: Span) => string;
    lowBaseline: (value: number, p: Span) => string;
    lengths: (before: number, after: number, unit: 'month' | 'day') => string;
    provisional: (p: Span) => string;
    counts: (b: Span, bCounts: string, a: Span, aCounts: string) => string;
    crossCheck: (p: Span, source: string, weekly: number, daily: number) => string;
  };
  /** A claim reading: the value of one period, and whether the test holds. */
  reading: {
    value: (subject: string, p: Span, total: number, test: string, holds: boolean) => string;
    compared: (said: string, test: string, holds: boolean) => string;
    undecided: (said: string, test: string) => string;
    summary: (verdict: string, held: number, of: number) => string;
    lowBaseline: (p: Span) => string;
    differentLengths: (unit: 'month' | 'day') => string;
    /** "The dataset has no series of <subject>" and its like: why a reading cannot be decided. */
    noSeriesOf: (subject: string) => string;
    regionDays: (subject: string) => string;
    noDailyOf: (subject: string) => string;
    noDailyFor: (subject: string, country: string) => string;
    partialPeriod: (subject: string, p: Span) => string;
    partial: string;
    zeroBase: string;
    noSeries: string;
    noDaily: string;
    regionDaysWhy: string;
  };
  /** A relation in plain words, the threshold written in: the wording of a checked claim that gives none. */
  relation: (kind: RelationKind, threshold: number) => string;
  /** The claim /check builds from its query, quoted back; and how it was read. */
  check: {
    claimant: string;
    quote: (s: {
      category: CategoryId;
      country: string;
      admin1: string | null;
      after: Span;
      before: Span | null;
      wording: string;
    }) => string;
    interpretation: (measures: Measure[], relation: string, kind: RelationKind, threshold: number) => string;
  };
  /** Why a period, or a pair of periods, is refused (model/period.ts; the API's 400s). */
  periods: PeriodMessages;
  /** Why a period has no figure (model/compare.ts; the API's 404s and 400s, and undecided readings). */
  coverage: {
    /** A month outside a monthly series, which covers first..last (null when it is empty). */
    notInSeries: (month: string, first: string | null, last: string | null) => string;
    /** A place with neither daily nor weekly counts. */
    noDaily: (name: string) => string;
    notInDays: (day: string, name: string, from: string, through: string) => string;
    notInWeeks: (day: string, name: string, from: string, through: string, days: { from: string; through: string } | null) => string;
    /** A day range that is not whole ACLED weeks, with the nearest ranges that are. */
    notWholeWeeks: (from: string, to: string, a: Extract<Alignment, { aligned: false }>) => string;
    /** Where only weekly counts answer (a region, or a country outside its daily counts) and the window is not whole weeks. */
    weeksOnly: (name: string, days: { from: string; through: string } | null, reason: string) => string;
    /** A region's day window that is not whole weeks (regions have weekly counts only). */
    regionWeeks: (reason: string) => string;
  };
  /** Problem titles (RFC 9457: the same for every occurrence, but for its language). */
  problem: { badRequest: string; notFound: string; unavailable: string };
  /** The citation of a claim's verdict. */
  cite: (s: {
    quote: string;
    /** The quote translated into the citation's language, or null when it is in it already. */
    translation: string | null;
    verdict: string;
    alternative: boolean;
    sentences: string;
    credit: string;
    version: string;
    asOf: string;
  }) => string;
}

const EN_CATEGORY = Object.fromEntries(CATEGORIES.map((c) => [c.id, { label: c.label, definition: c.definition }])) as Words['category'];

const en: Words = {
  category: EN_CATEGORY,
  measure: MEASURE_WORDS,
  trend: Object.fromEntries(
    Object.entries(TREND_LABELS).map(([b, l]) => [b, { label: l, definition: TREND_DEFINITIONS[b as TrendBand] }]),
  ) as Words['trend'],
  provisional: (l) => `${l} (provisional)`,
  verdict: {
    supported: 'Supported',
    partly_supported: 'Partly supported',
    not_supported: 'Not supported',
    cannot_be_decided: 'Cannot be decided',
  },
  test: {
    pct_increase_gt: (v) => `more than +${v}%`,
    pct_decrease_gt: (v) => `more than -${v}%`,
    ratio_gte: (v) => `at least ${v}x`,
    ratio_gt: (v) => `more than ${v}x`,
    value_gte: (v) => `at least ${fmtExact(v)}`,
  },
  subject: (s) =>
    `${EN_CATEGORY[s.category].label} ${en.measure[s.measure]}${s.per ? ` per ${s.per}` : ''} in ${s.admin1 ? `${s.admin1} (${s.country})` : s.country}`,
  change: (pct, ratio) => (pct === null ? '' : ` (${pct > 0 ? '+' : ''}${pct}%, ${ratio}x)`),
  compared: (s) => {
    if (s.after === s.before)
      return `${s.subject} stayed at ${fmtExact(s.after)} in ${windowLabel(s.b, 'en')} and in ${windowLabel(s.a, 'en')}${s.change}.`;
    const verb = s.after > s.before ? 'rose' : 'fell';
    return `${s.subject} ${verb} from ${fmtExact(s.before)} in ${windowLabel(s.b, 'en')} to ${fmtExact(s.after)} in ${windowLabel(s.a, 'en')}${s.change}.`;
  },
  comparedPartial: (s) =>
    `${s.subject}: ${fmtExact(s.before)} in ${windowLabel(s.b, 'en')}, ${fmtExact(s.after)} in ${windowLabel(s.a, 'en')}; a partial month is not compared.`,
  caveat: {
    partial: (p) => `${windowLabel(p, 'en')} includes a month the source covers only in part: not compared`,
    lowBaseline: (v, p) => `low baseline: ${fmtExact(v)} in ${windowLabel(p, 'en')}, percentages are unstable`,
    lengths: (b, a, unit) =>
      `the periods differ in length (${b} and ${a} ${unit === 'day' ? 'days' : 'months'}): ${unit === 'day' ? 'daily' : 'monthly'} means are compared`,
    provisional: (p) => `${windowLabel(p, 'en')} ${PROVISIONAL_CAVEAT}`,
    counts: (b, bc, a, ac) => `${windowLabel(b, 'en')} is counted from ${bc} counts, ${windowLabel(a, 'en')} from ${ac} counts`,
    crossCheck: (p, source, weekly, daily) =>
      `${windowLabel(p, 'en')}: the weekly counts (${source}) give ${fmtExact(weekly)}, the daily counts ${fmtExact(daily)} (ACLED revised events between the two downloads; see the catalogue's crossChecks)`,
  },
  reading: {
    value: (subject, p, total, test, holds) =>
      `${subject} in ${windowLabel(p, 'en')}: ${fmtExact(total)}; ${test} ${holds ? 'holds' : 'does not hold'}.`,
    compared: (said, test, holds) => `${said}; ${test} ${holds ? 'holds' : 'does not hold'}.`,
    undecided: (said, test) => `${said}, so ${test} cannot be decided.`,
    summary: (verdict, held, of) => `${verdict}: ${held} of ${of} readings hold.`,
    lowBaseline: (p) => `low baseline: fewer than ${LOW_BASELINE} in ${windowLabel(p, 'en')}, percentages are unstable`,
    differentLengths: (unit) => `the periods differ in length: ${unit === 'day' ? 'daily' : 'monthly'} means are compared`,
    partial: 'a month is only partly covered by the source',
    zeroBase: 'the base is zero: a percent change or ratio is undefined',
    noSeries: 'the dataset has no such series',
    noDaily: 'the dataset has no daily counts of this series',
    regionDaysWhy: REGION_DAYS_WHY,
    noSeriesOf: (subject) => `The dataset has no series of ${subject}`,
    regionDays: (subject) => `${subject}: day windows are not offered for regions`,
    noDailyOf: (subject) => `The dataset has no daily counts of ${subject}`,
    noDailyFor: (subject, country) => `${subject}: there are no daily counts for ${country}`,
    partialPeriod: (subject, p) => `${subject}: ${windowLabel(p, 'en')} is only partly covered by the source`,
  },
  relation: (kind, n) => RELATION_LABELS[kind].replace('N', String(n)),
  check: {
    claimant: 'Checked on request',
    quote: (s) =>
      `${EN_CATEGORY[s.category].label} in ${s.admin1 ? `${s.admin1} (${s.country})` : s.country}, ${windowLabel(s.after, 'en')}${s.before ? ` against ${windowLabel(s.before, 'en')}` : ''}: ${s.wording}`,
    interpretation: (measures, relation, kind, n) =>
      `Read for ${measures.map((m) => en.measure[m]).join(' and ')}, with the relation "${relation}" (${kind} ${n}), as asked.`,
  },
  periods: PERIOD_MESSAGES,
  coverage: {
    notInSeries: (month, first, last) =>
      `${monthLabel(month)} is not in this series, which covers ${first ?? 'nothing'} to ${last ?? 'nothing'}.`,
    noDaily: (name) => `${name} has no daily counts.`,
    notInDays: (day, name, from, through) =>
      `${dayLabel(day)} is not in the daily counts for ${name}, which cover ${from} to ${through}; no figure is given for days outside them.`,
    notInWeeks: (day, name, from, through, days) =>
      `${dayLabel(day)} is not in the weekly counts for ${name}, which cover the weeks ${from} to ${through}${days ? `, and its daily counts ${days.from} to ${days.through}` : ''}; no figure is given outside them.`,
    notWholeWeeks: (_from, _to, a) => a.reason,
    weeksOnly: (name, days, reason) =>
      `${days ? `${name}'s daily counts cover ${days.from} to ${days.through} only, and outside them it has weekly counts` : `${name} has weekly counts only`}, which are never split into days: ${reason}`,
    regionWeeks: (reason) =>
      `regions have weekly counts only (day windows are not offered for regions), which are never split into days: ${reason}`,
  },
  problem: { badRequest: 'Invalid request', notFound: 'Not found', unavailable: 'Data unavailable' },
  cite: (s) =>
    `${s.alternative ? `Alternative reading of "${s.quote}":` : `"${s.quote}"`} ${s.verdict.toLowerCase()} by ACLED data: ${s.sentences} Source: ${s.credit}; Sahel Pulse dataset ${s.version}, data to ${s.asOf}.`,
};

// ---- French ----------------------------------------------------------------------------------

/** "de" before a consonant, "d'" before a vowel or a mute h: "de Tillabéri", "d'Agadez". */
const de = (name: string): string => (/^[aeiouyhàâäéèêëîïôöûüAEIOUYHÀÂÉÈÊÎÔÛ]/.test(name) ? `d'${name}` : `de ${name}`);

/**
 * French forms of ACLED's admin1 names where they differ (accents and hyphens as in OCHA's
 * common operational datasets, data/SOURCES boundaries): Tillabéri, Ségou, Ménaka, Ouaddaï...
 */
const FR_ADMIN1: Record<string, string> = {
  Tillaberi: 'Tillabéri',
  Segou: 'Ségou',
  Menaka: 'Ménaka',
  Guera: 'Guéra',
  Ouaddai: 'Ouaddaï',
  Tandjile: 'Tandjilé',
  Ndjamena: 'N’Djamena',
  'Chari Baguirmi': 'Chari-Baguirmi',
  'Mayo Kebbi Est': 'Mayo-Kebbi Est',
  'Mayo Kebbi Ouest': 'Mayo-Kebbi Ouest',
  'Barh El Gazel': 'Barh-El-Gazel',
  // ACLED's admin1 for Nigeria's events at sea.
  'Gulf of Guinea': 'Golfe de Guinée',
};

/** A region's French name ("Tillabéri"); a name not listed is kept as ACLED writes it. */
export const admin1Fr = (name: string): string => FR_ADMIN1[name] ?? name;

/** What a country's first-level divisions are called: Nigeria's are states, Chad's provinces, the others' regions. */
const FR_DIVISION: Record<string, string> = { Nigeria: "l'État", Chad: 'la province' };

/** Where: "au Niger", "dans la région de Tillabéri (Niger)", "dans l'État de Borno (Nigeria)". */
const frPlace = (country: string, admin1: string | null): string =>
  admin1 ? `dans ${FR_DIVISION[country] ?? 'la région'} ${de(admin1Fr(admin1))} (${countryFr(country)})` : `au ${countryFr(country)}`;

/** "en août 2023", "de mai à juillet 2023", "le 26 juillet 2023", "du 27 juillet au 25 août 2023". */
function frDuring(p: Span): string {
  const one = (x: string) => (p.unit === 'day' ? dayLabel(x, 'fr') : monthLabel(x, 'fr'));
  if (p.from === p.to) return p.unit === 'day' ? `le ${one(p.from)}` : `en ${one(p.from)}`;
  const sameYear = p.from.slice(0, 4) === p.to.slice(0, 4);
  if (p.unit === 'month') {
    const start = sameYear ? monthName(Number(p.from.slice(5, 7)), 'fr') : one(p.from);
    return `${/^[ao]/.test(start) ? "d'" : 'de '}${start} à ${one(p.to)}`;
  }
  const [, fm, fd] = p.from.split('-').map(Number) as [number, number, number];
  const first = fd === 1 ? '1er' : String(fd);
  const start = !sameYear ? one(p.from) : p.from.slice(5, 7) !== p.to.slice(5, 7) ? `${first} ${monthName(fm, 'fr')}` : first;
  return `du ${start} au ${one(p.to)}`;
}

/** What a category counts, as a plural noun phrase: "événements de violence politique", "émeutes". */
const FR_EVENTS: Record<CategoryId, string> = {
  political_violence: 'événements de violence politique',
  political_violence_acled: 'événements de violence politique (type de désordre ACLED)',
  battles: 'événements de type « Batailles »',
  explosions_remote_violence: 'événements de type « Explosions/Violence à distance »',
  violence_against_civilians: 'événements de type « Violence contre les civils »',
  demonstrations: 'manifestations (pacifiques et émeutes)',
  demonstrations_acled: 'manifestations (type de désordre ACLED)',
  protests: 'manifestations pacifiques',
  riots: 'émeutes',
  strategic_developments: 'événements de type « Évolutions stratégiques »',
  civilian_targeting: 'événements ciblant des civils',
  attacks_on_state_forces: 'attaques contre les forces de l’État',
};

/** "les 2 lectures se vérifient", "1 lecture sur 2 se vérifie", "aucune des 3 lectures ne se vérifie", "la lecture ne se vérifie pas". */
function frHeld(held: number, of: number): string {
  if (of === 1) return held === 1 ? 'la lecture se vérifie' : 'la lecture ne se vérifie pas';
  if (held === 0) return `aucune des ${of} lectures ne se vérifie`;
  if (held === of) return `les ${of} lectures se vérifient`;
  return `${held} lecture${held > 1 ? 's' : ''} sur ${of} ${held > 1 ? 'se vérifient' : 'se vérifie'}`;
}

const FR_RELATIONS: Record<RelationKind, string> = {
  pct_increase_gt: 'a augmenté de plus de N\u202f%',
  pct_decrease_gt: 'a baissé de plus de N\u202f%',
  ratio_gte: 'au moins N fois',
  ratio_gt: 'plus de N fois',
  value_gte: 'au moins N au total',
};

const FR_COUNTS: Record<string, string> = { monthly: 'mensuels', daily: 'journaliers', weekly: 'hebdomadaires' };

/** A signed percent in French: "+48 %" (a narrow no-break space before %). */
const frPct = (pct: number): string => `${pct > 0 ? '+' : ''}${fmtExact(pct, 'fr')}\u202f%`;

const fr: Words = {
  category: {
    political_violence: {
      label: 'Violence politique',
      definition:
        "Événements ACLED de type Batailles, Explosions/Violence à distance ou Violence contre les civils. Les émeutes (y compris les violences collectives) n'en font pas partie : le tableau par pays de l'ACLED Explorer ne distingue pas les manifestations violentes des violences collectives ; les inclure donnerait à la catégorie un sens différent selon les pays.",
    },
    political_violence_acled: {
      label: 'Violence politique (type de désordre ACLED)',
      definition:
        "Le type de désordre « Violence politique » d'ACLED : les événements de type Batailles, Explosions/Violence à distance ou Violence contre les civils, plus les violences collectives (Émeutes) et l'usage excessif de la force contre des manifestants (Manifestations). C'est ce que comptent les données hebdomadaires d'ACLED, ses fichiers d'événements et les fichiers « political violence » de HDX ; la catégorie violence politique du projet laisse de côté ces émeutes et manifestations, que le tableau par pays de l'Explorer ne permet pas de séparer.",
    },
    battles: {
      label: 'Batailles',
      definition: 'Type d’événement ACLED Batailles : affrontements armés et changements territoriaux entre groupes armés organisés.',
    },
    explosions_remote_violence: {
      label: 'Explosions/Violence à distance',
      definition:
        'Type d’événement ACLED Explosions/Violence à distance : frappes aériennes et de drones, bombardements, engins explosifs improvisés, attentats-suicides, grenades.',
    },
    violence_against_civilians: {
      label: 'Violence contre les civils',
      definition:
        'Type d’événement ACLED Violence contre les civils : attaques, enlèvements et violences sexuelles contre des personnes non armées.',
    },
    demonstrations: { label: 'Manifestations', definition: 'Les types d’événements ACLED Manifestations pacifiques et Émeutes réunis.' },
    demonstrations_acled: {
      label: 'Manifestations (type de désordre ACLED)',
      definition:
        "Le type de désordre « Manifestations » d'ACLED : les manifestations pacifiques (y compris l'usage excessif de la force contre des manifestants) et les manifestations violentes (Émeutes), sans les violences collectives. C'est ce que comptent les fichiers « demonstration events » de HDX ; la catégorie manifestations du projet (Manifestations pacifiques + Émeutes) compte aussi les violences collectives.",
    },
    protests: { label: 'Manifestations pacifiques', definition: 'Type d’événement ACLED Protests (manifestations pacifiques).' },
    riots: { label: 'Émeutes', definition: 'Type d’événement ACLED Riots : manifestations violentes et violences collectives.' },
    strategic_developments: {
      label: 'Évolutions stratégiques',
      definition:
        'Type d’événement ACLED Strategic developments (arrestations, accords, pillages, changements de base…) : tenu à part de la violence, car ce n’est pas un décompte d’événements violents.',
    },
    civilian_targeting: {
      label: 'Civils ciblés',
      definition:
        "Les événements qu'ACLED marque civilian_targeting = « Civilian targeting », quel que soit leur type (surtout Violence contre les civils, aussi des explosions et des émeutes). Sources au niveau de l'événement uniquement.",
    },
    attacks_on_state_forces: {
      label: 'Attaques contre les forces de l’État',
      definition:
        "Batailles ou Explosions/Violence à distance dont l'acteur 1 est un groupe armé non étatique (inter1 = 2 groupe rebelle, 3 milice politique ou 4 milice identitaire) et l'acteur 2 les forces de l'État (inter2 = 1). ACLED place en acteur 1 le camp qui engage l'action : les affrontements lancés par les forces de l'État sont donc exclus ; les forces étrangères et multinationales (inter 8) ne comptent pas comme forces de l'État. Les décès sont tous les morts signalés dans ces événements, de tous les camps. Sources au niveau de l'événement uniquement.",
    },
  },
  measure: { events: 'événements', fatalities: 'décès signalés' },
  trend: {
    much_higher: { label: 'Nettement plus élevé', definition: 'au moins 1,5 fois la référence (+50 % ou plus)' },
    higher: { label: 'Plus élevé', definition: 'entre 1,15 et 1,5 fois la référence' },
    stable: { label: 'Stable', definition: 'à un facteur 1,15 près de la référence (environ ±15 %)' },
    lower: { label: 'Plus bas', definition: 'entre 1/1,5 et 1/1,15 de la référence (environ -33 % à -13 %)' },
    much_lower: { label: 'Nettement plus bas', definition: 'au plus 1/1,5 de la référence (environ -33 % ou moins)' },
    low_baseline: {
      label: 'Référence faible',
      definition: `référence inférieure à ${LOW_BASELINE} : les pourcentages sont instables, aucune tendance n'est donnée`,
    },
    no_comparison: {
      label: 'Pas de comparaison',
      definition: 'aucune référence à laquelle comparer (premiers mois d’une série, ou mois couvert en partie)',
    },
  },
  provisional: (l) => `${l} (provisoire)`,
  // A claim ("une affirmation") is feminine: étayée, non étayée; "impossible à trancher" when the data cannot decide.
  verdict: {
    supported: 'Étayée',
    partly_supported: 'Partiellement étayée',
    not_supported: 'Non étayée',
    cannot_be_decided: 'Impossible à trancher',
  },
  test: {
    pct_increase_gt: (v) => `plus de ${frPct(v)}`,
    pct_decrease_gt: (v) => `plus de ${frPct(-v)}`,
    ratio_gte: (v) => `au moins ×${fmtExact(v, 'fr')}`,
    ratio_gt: (v) => `plus de ×${fmtExact(v, 'fr')}`,
    value_gte: (v) => `au moins ${fmtExact(v, 'fr')}`,
  },
  // "Le nombre d'émeutes", "Le nombre de décès signalés lors d'attaques contre les forces de l'État".
  subject: (s) => {
    const what = FR_EVENTS[s.category];
    const counted = s.measure === 'events' ? de(what) : `de décès signalés lors ${de(what)}`;
    return `${s.per ? 'Le nombre moyen' : 'Le nombre'} ${counted}${s.per ? ` par ${s.per === 'month' ? 'mois' : 'jour'}` : ''} ${frPlace(s.country, s.admin1)}`;
  },
  change: (pct, ratio) => (pct === null ? '' : ` (${frPct(pct)}, ×${fmtExact(ratio ?? 0, 'fr')})`),
  // "Le nombre ... a augmenté : 25 en juillet 2023, 37 en août 2023": "nombre" is masculine
  // singular whatever is counted, so "resté stable" always agrees with it; the values follow a
  // colon, so that "de 25 du 26 juin au 25 juillet" never stacks prepositions.
  compared: (s) =>
    `${s.subject} ${s.after > s.before ? 'a augmenté' : s.after < s.before ? 'a baissé' : 'est resté stable'} : ${fmtExact(s.before, 'fr')} ${frDuring(s.b)}, ${fmtExact(s.after, 'fr')} ${frDuring(s.a)}${s.change}.`,
  comparedPartial: (s) =>
    `${s.subject} : ${fmtExact(s.before, 'fr')} ${frDuring(s.b)}, ${fmtExact(s.after, 'fr')} ${frDuring(s.a)} ; un mois couvert en partie n'est pas comparé.`,
  caveat: {
    partial: (p) => `${cap(windowLabel(p, 'fr'))} comprend un mois que la source ne couvre qu'en partie : pas de comparaison`,
    lowBaseline: (v, p) => `référence faible : ${fmtExact(v, 'fr')} ${frDuring(p)}, les pourcentages sont instables`,
    lengths: (b, a, unit) =>
      `les périodes n'ont pas la même durée (${b} et ${a} ${unit === 'day' ? 'jours' : 'mois'}) : on compare des moyennes ${unit === 'day' ? 'journalières' : 'mensuelles'}`,
    provisional: (p) =>
      `${cap(windowLabel(p, 'fr'))} comprend des données qu'ACLED peut encore réviser (les quatre dernières semaines de sa source, ou le mois où elle s'arrête) : l'évolution n'est pas définitive`,
    counts: (b, bc, a, ac) =>
      `${cap(windowLabel(b, 'fr'))} est compté à partir de décomptes ${FR_COUNTS[bc]}, ${windowLabel(a, 'fr')} à partir de décomptes ${FR_COUNTS[ac]}`,
    crossCheck: (p, source, weekly, daily) =>
      `${cap(windowLabel(p, 'fr'))} : les décomptes hebdomadaires (${source}) donnent ${fmtExact(weekly, 'fr')}, les décomptes journaliers ${fmtExact(daily, 'fr')} (ACLED a révisé des événements entre les deux téléchargements ; voir crossChecks dans le catalogue)`,
  },
  reading: {
    value: (subject, p, total, test, holds) =>
      `${subject} ${frDuring(p)} : ${fmtExact(total, 'fr')} ; le critère ${test} ${holds ? 'est rempli' : "n'est pas rempli"}.`,
    compared: (said, test, holds) => `${said} ; le critère ${test} ${holds ? 'est rempli' : "n'est pas rempli"}.`,
    undecided: (said, test) => `${said} ; on ne peut donc pas dire si le critère ${test} est rempli.`,
    summary: (verdict, held, of) => `${verdict} : ${frHeld(held, of)}.`,
    lowBaseline: (p) => `référence faible : moins de ${LOW_BASELINE} ${frDuring(p)}, les pourcentages sont instables`,
    differentLengths: (unit) =>
      `les périodes n'ont pas la même durée : on compare des moyennes ${unit === 'day' ? 'journalières' : 'mensuelles'}`,
    partial: "un mois n'est couvert qu'en partie par la source",
    zeroBase: 'la base est nulle : une variation en pourcentage ou un rapport ne sont pas définis',
    noSeries: "le jeu de données n'a pas cette série",
    noDaily: "le jeu de données n'a pas de décomptes journaliers pour cette série",
    regionDaysWhy:
      "Les fenêtres en jours ne sont pas proposées pour les régions (admin1) ; utilisez les mois pour une région. Elles ne sont proposées qu'au niveau du pays, pour les pays dotés d'une source au niveau de l'événement : les conditions d'ACLED limitent la rediffusion des lignes d'événements, et des décomptes par région, jour et catégorie reviendraient presque à lister des événements isolés, alors que les totaux journaliers d'un pays ne portent ni lieu, ni acteur, ni note.",
    noSeriesOf: (subject) => `Le jeu de données n'a pas de série pour ${lower(subject)}`,
    regionDays: (subject) => `${subject} : les fenêtres en jours ne sont pas proposées pour les régions`,
    noDailyOf: (subject) => `Le jeu de données n'a pas de décomptes journaliers pour ${lower(subject)}`,
    noDailyFor: (subject, country) => `${subject} : il n'y a pas de décomptes journaliers pour le ${countryFr(country)}`,
    partialPeriod: (subject, p) => `${subject} : ${windowLabel(p, 'fr')} n'est couvert qu'en partie par la source`,
  },
  relation: (kind, n) => FR_RELATIONS[kind].replace('N', fmtExact(n, 'fr')),
  check: {
    claimant: 'Vérifiée sur demande',
    quote: (s) =>
      `${fr.category[s.category].label} ${frPlace(s.country, s.admin1)}, ${windowLabel(s.after, 'fr')}${s.before ? ` contre ${windowLabel(s.before, 'fr')}` : ''} : ${s.wording}`,
    interpretation: (measures, relation, kind, n) =>
      `Lu pour ${measures.map((m) => `les ${fr.measure[m]}`).join(' et ')}, avec la relation « ${relation} » (${kind} ${n}), comme demandé.`,
  },
  periods: {
    trailingAfter: (p) =>
      `${p.period} compte à rebours depuis « after », qui ne peut donc pas en être un : donnez ${FR_PERIOD_SYNTAX.after}`,
    trailingDays: (p) => `${p.period} : dans trailingNd, N doit aller de 1 à ${fmtExact(MAX_WINDOW_DAYS, 'fr')} jours`,
    trailingWeeks: (p) => `${p.period} : dans trailingNw, N doit aller de 1 à ${MAX_WINDOW_WEEKS} semaines`,
    trailingMonths: (p) =>
      `${p.period} : les mois glissants proposés sont trailing3 et trailing12 ; pour des jours, écrivez trailingNd (par exemple trailing30d), pour des semaines trailingNw (par exemple trailing4w)`,
    syntax: (p) => `doit être ${FR_PERIOD_SYNTAX[p.role]}`,
    notADay: (p) => {
      const month = p.day.slice(0, 7);
      const m = Number(month.slice(5));
      if (!/^\d{4}-\d{2}$/.test(month) || m < 1 || m > 12) return `${p.day} n'est pas un jour du calendrier : les mois vont de 01 à 12`;
      const days = new Date(Date.UTC(Number(month.slice(0, 4)), m, 0)).getUTCDate();
      return `${p.day} n'est pas un jour du calendrier : ${monthName(m, 'fr')} ${month.slice(0, 4)} compte ${days} jours`;
    },
    notAMonth: (p) => `${p.month} n'est pas un mois : les mois vont de 01 à 12`,
    mixedEnds: (p) => `${p.period} mêle un mois et un jour : écrivez les deux bornes en mois (AAAA-MM) ou les deux en jours (AAAA-MM-JJ)`,
    backwards: (p) => `une plage doit aller vers l'avant : ${p.period} finit avant de commencer (écrivez ${p.to}..${p.from})`,
    tooManyMonths: (p) =>
      `${p.period} dure ${fmtExact(p.months, 'fr')} mois ; une période peut durer au plus ${fmtExact(MAX_WINDOW_MONTHS, 'fr')} mois (100 ans)`,
    tooManyDays: (p) =>
      `${p.period} dure ${fmtExact(p.days, 'fr')} jours ; une fenêtre en jours peut durer au plus ${fmtExact(MAX_WINDOW_DAYS, 'fr')} jours (une dizaine d'années) : utilisez les mois pour les périodes plus longues`,
    unitsDiffer: (p) =>
      `« before » (${p.before}) est en ${FR_UNITS[p.beforeUnit]} et « after » (${p.after}) en ${FR_UNITS[p.afterUnit]} : donnez les deux périodes en mois (AAAA-MM) ou les deux en jours (AAAA-MM-JJ)`,
    reversed: (p) =>
      `« before » (${p.before}) vient après « after » (${p.after}) : « before » est la période la plus ancienne ; pour les comparer dans l'autre sens, écrivez before=${p.after}&after=${p.before}`,
    overlap: (p) =>
      `« before » (${p.before}) et « after » (${p.after}) se chevauchent (${p.shared} est dans les deux) : « before » doit finir avant le début de « after », par exemple before=${p.suggestion}&after=${p.after}`,
    beforeYear0: (p) =>
      `${p.before} avant ${p.after} commencerait avant l'an 0000 : donnez « before » sous forme de mois ou de plage de mois`,
    beforeYear100: (p) =>
      `${p.before} avant ${p.after} commencerait avant l'an 0100 : donnez « before » sous forme de jour ou de plage de jours`,
  },
  coverage: {
    notInSeries: (month, first, last) =>
      first === null || last === null
        ? `${cap(monthLabel(month, 'fr'))} n'est pas dans cette série, qui est vide.`
        : `${cap(monthLabel(month, 'fr'))} n'est pas dans cette série, qui va de ${first} à ${last}.`,
    noDaily: (name) => `${frPlaceName(name)} n'a pas de décomptes journaliers.`,
    notInDays: (day, name, from, through) =>
      `Le ${dayLabel(day, 'fr')} n'est pas dans les décomptes journaliers ${frOf(name)}, qui couvrent du ${from} au ${through} ; aucun chiffre n'est donné pour les jours hors de cette plage.`,
    notInWeeks: (day, name, from, through, days) =>
      `Le ${dayLabel(day, 'fr')} n'est pas dans les décomptes hebdomadaires ${frOf(name)}, qui couvrent les semaines du ${from} au ${through}${days ? `, ni dans ses décomptes journaliers, du ${days.from} au ${days.through}` : ''} ; aucun chiffre n'est donné hors de ces plages.`,
    notWholeWeeks: (from, to, a) => {
      const ends = [
        from !== a.covering.days.from ? `commence un ${FR_WEEKDAYS[weekday(from)]}` : null,
        to !== a.covering.days.to ? `finit un ${FR_WEEKDAYS[weekday(to)]}` : null,
      ].filter((x): x is string => x !== null);
      const options = [a.inside ? `${frWeekSpan(a.inside)}, à l'intérieur` : null, `${frWeekSpan(a.covering)}, qui la couvre`].filter(
        (x): x is string => x !== null,
      );
      return `${from}..${to} n'est pas une suite de semaines ACLED entières (du samedi au vendredi) : elle ${ends.join(' et ')} ; les plages de semaines entières les plus proches sont ${options.join(' et ')}`;
    },
    weeksOnly: (name, days, reason) =>
      `${days ? `Les décomptes journaliers ${frOf(name)} ne couvrent que du ${days.from} au ${days.through} ; au-delà, il n'y a que des décomptes hebdomadaires` : `${frPlaceName(name)} n'a que des décomptes hebdomadaires`}, qui ne sont jamais répartis par jour : ${reason}`,
    regionWeeks: (reason) =>
      `les régions n'ont que des décomptes hebdomadaires (les fenêtres en jours ne sont pas proposées pour les régions), qui ne sont jamais répartis par jour : ${reason}`,
  },
  problem: { badRequest: 'Requête invalide', notFound: 'Introuvable', unavailable: 'Données indisponibles' },
  cite: (s) =>
    `${s.alternative ? 'Autre lecture de ' : ''}« ${s.quote} »${s.translation ? ` (traduction : « ${s.translation} »)` : ''} : ${s.verdict.toLowerCase()} par les données ACLED. ${s.sentences} Source : ${s.credit} ; jeu de données Sahel Pulse ${s.version}, données jusqu'au ${fmtDate(s.asOf, 'fr')}.`,
};

/** PERIOD_SYNTAX (model/period.ts) in French, for the messages. */
const FR_PERIOD_SYNTAX = {
  after:
    'un mois (AAAA-MM, par exemple 2023-08), une plage de mois (2023-05..2023-07), un jour (AAAA-MM-JJ, par exemple 2023-07-26) ou une plage de jours (2023-07-27..2023-08-25, les deux jours compris)',
  before:
    'un mois (AAAA-MM, par exemple 2023-07), une plage de mois (2023-05..2023-07), un jour (AAAA-MM-JJ, par exemple 2023-07-26), une plage de jours (2023-06-26..2023-07-25, les deux jours compris), trailing3 / trailing12 (les 3 ou 12 mois avant le début de « after »), trailingNd (les N jours avant le début de « after », par exemple trailing30d) ou trailingNw (les N semaines avant le début de « after », par exemple trailing4w ; les semaines ACLED vont du samedi au vendredi)',
} as const;
const FR_UNITS = { month: 'mois', day: 'jours' } as const;
const FR_WEEKDAYS: Record<string, string> = {
  Saturday: 'samedi',
  Sunday: 'dimanche',
  Monday: 'lundi',
  Tuesday: 'mardi',
  Wednesday: 'mercredi',
  Thursday: 'jeudi',
  Friday: 'vendredi',
};
const frWeekSpan = (w: WeekSpan): string => `${w.days.from}..${w.days.to} (${w.weeks} semaine${w.weeks === 1 ? '' : 's'})`;
/**
 * A place named by the model ("Niger", or "Tillabéri (Niger)" for a region: model/geography.ts
 * placeName) in French: the country's or region's French form.
 */
const frPlaceName = (name: string): string => {
  const m = /^(.*) \((.*)\)$/.exec(name);
  return m ? `${admin1Fr(m[1]!)} (${countryFr(m[2]!)})` : countryFr(name);
};
/** "du Niger", "de la région de Tillabéri (Niger)", "de l'État de Borno (Nigeria)": the genitive a place takes. */
const frOf = (name: string): string => {
  const m = /^(.*) \((.*)\)$/.exec(name);
  return m ? `de ${FR_DIVISION[m[2]!] ?? 'la région'} ${de(admin1Fr(m[1]!))} (${countryFr(m[2]!)})` : `du ${countryFr(name)}`;
};

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export const WORDS: Record<Lang, Words> = { en, fr };
