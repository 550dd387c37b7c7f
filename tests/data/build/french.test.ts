/**
 * The generated sentences in English and French, on the real data shipped in data/aggregates:
 * each sentence form once per language, with the numbers the data gives. The numbers were
 * recounted from the raw files: Niger political violence July/August 2023 (25 -> 37 events,
 * 34 -> 167 fatalities) as in docs/verdicts.md; Tillaberi and Burkina Faso weeks with Python's csv
 * module over ../shared/data/acled_aggregated_weekly_sahel5_1997-01-04_2026-03-14.csv (event types
 * Battles, Explosions/Remote violence, Violence against civilians; weeks starting 24 January to
 * 14 February 2026: 19 and 98; 21 February to 14 March 2026: 20 and 99).
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type Dataset } from '../../../data/build/dataset.ts';
import { parseClaims } from '../../../data/build/files.ts';
import { readShipped } from '../../../data/cli/aggregates.ts';
import { CLAIMS_FILE } from '../../../data/cli/paths.ts';
import type { ClaimVerdict } from '../../../model/claim.ts';
import { type Comparison, compare, compareDays, compareWindows, weeksSource } from '../../../model/compare.ts';
import { keys } from '../../../model/keys.ts';
import type { Lang } from '../../../model/lang.ts';
import type { ClaimsDoc } from '../../../model/types.ts';

let ds: Dataset;
beforeAll(async () => {
  ds = await buildDataset({ sources: await readShipped(), claims: parseClaims(await readFile(CLAIMS_FILE, 'utf8'), 'data/claims.json') });
}, 120_000);

const series = (iso3: string, admin1: string | null, category: string, measure: string) => {
  const s = ds.series.find(
    (x) =>
      x.series.country.iso3 === iso3 &&
      (x.series.admin1?.name ?? null) === admin1 &&
      x.series.category.id === category &&
      x.series.measure === measure,
  );
  if (!s) throw new Error(`no series ${iso3} ${admin1} ${category} ${measure}`);
  return s;
};
const days = (iso3: string) => ds.days.find((d) => d.series.country.iso3 === iso3 && d.series.category.id === 'political_violence')!;
const both = (f: (lang: Lang) => Comparison) => ({ en: f('en'), fr: f('fr') });
const said = (c: Comparison) => [c.sentence, ...c.caveats, c.trend.label];

describe('compare sentences in English and French, real data', () => {
  it('a rise between two months', () => {
    const c = both((l) => compare(series('NER', null, 'political_violence', 'events'), '2023-07', '2023-08', l));
    expect(said(c.en)).toEqual([
      'Political violence events in Niger rose from 25 in July 2023 to 37 in August 2023 (+48%, 1.48x).',
      'Higher',
    ]);
    expect(said(c.fr)).toEqual([
      "Le nombre d'événements de violence politique au Niger a augmenté : 25 en juillet 2023, 37 en août 2023 (+48\u202f%, ×1,48).",
      'Plus élevé',
    ]);
    // Ids, fields and numbers do not change with the language.
    expect({ ...c.fr, sentence: '', caveats: [], trend: { ...c.fr.trend, label: '', definition: '' } }).toEqual({
      ...c.en,
      sentence: '',
      caveats: [],
      trend: { ...c.en.trend, label: '', definition: '' },
    });
  });

  it('a fall, monthly means of periods of different lengths', () => {
    const c = both((l) => compare(series('BFA', null, 'political_violence', 'fatalities'), 'trailing3', '2023-08', l));
    expect(said(c.en)).toEqual([
      'Political violence reported fatalities per month in Burkina Faso fell from 707 in May–July 2023 to 552 in August 2023 (-21.9%, 0.78x).',
      'the periods differ in length (3 and 1 months): monthly means are compared',
      'Lower',
    ]);
    expect(said(c.fr)).toEqual([
      "Le nombre moyen de décès signalés lors d'événements de violence politique par mois au Burkina Faso a baissé : 707 de mai à juillet 2023, 552 en août 2023 (-21,9\u202f%, ×0,78).",
      "les périodes n'ont pas la même durée (3 et 1 mois) : on compare des moyennes mensuelles",
      'Plus bas',
    ]);
  });

  it('a low baseline, in a feminine plural category (émeutes), in Chad (Tchad)', () => {
    const c = both((l) => compare(series('TCD', null, 'riots', 'events'), '2023-07', '2023-08', l));
    expect(said(c.en)).toEqual([
      'Riots events in Chad fell from 5 in July 2023 to 1 in August 2023 (-80%, 0.2x).',
      'low baseline: 5 in July 2023, percentages are unstable',
      'Low baseline',
    ]);
    expect(said(c.fr)).toEqual([
      "Le nombre d'émeutes au Tchad a baissé : 5 en juillet 2023, 1 en août 2023 (-80\u202f%, ×0,2).",
      'référence faible : 5 en juillet 2023, les pourcentages sont instables',
      'Référence faible',
    ]);
  });

  it('a region with its French name (Ségou), a partial and provisional month (Ménaka, April 2026)', () => {
    const segou = both((l) => compare(series('MLI', 'Segou', 'political_violence_acled', 'fatalities'), '2025-12', '2026-01', l));
    expect(segou.fr.sentence).toBe(
      "Le nombre de décès signalés lors d'événements de violence politique (type de désordre ACLED) dans la région de Ségou (Mali) a augmenté : 22 en décembre 2025, 79 en janvier 2026 (+259,1\u202f%, ×3,59).",
    );
    expect(segou.en.sentence).toBe(
      'Political violence (ACLED disorder type) reported fatalities in Segou (Mali) rose from 22 in December 2025 to 79 in January 2026 (+259.1%, 3.59x).',
    );
    const menaka = both((l) => compare(series('MLI', 'Menaka', 'political_violence_acled', 'events'), '2026-03', '2026-04', l));
    expect(said(menaka.fr)).toEqual([
      "Le nombre d'événements de violence politique (type de désordre ACLED) dans la région de Ménaka (Mali) : 6 en mars 2026, 1 en avril 2026 ; un mois couvert en partie n'est pas comparé.",
      "Avril 2026 comprend un mois que la source ne couvre qu'en partie : pas de comparaison",
      "Avril 2026 comprend des données qu'ACLED peut encore réviser (les quatre dernières semaines de sa source, ou le mois où elle s'arrête) : l'évolution n'est pas définitive",
      'Pas de comparaison (provisoire)',
    ]);
    expect(said(menaka.en)).toEqual([
      'Political violence (ACLED disorder type) events in Menaka (Mali): 6 in March 2026, 1 in April 2026; a partial month is not compared.',
      'April 2026 includes a month the source covers only in part: not compared',
      "April 2026 includes data ACLED may still revise (the newest four weeks of its source, or the month containing the source's end): the change is not settled",
      'No comparison (provisional)',
    ]);
  });

  it('day windows, and daily means ("du 17 au 26 juillet")', () => {
    const win = both((l) => compareDays(days('NER'), 'events', '2023-06-26..2023-07-25', '2023-07-27..2023-08-25', l));
    expect(win.fr.sentence).toBe(
      "Le nombre d'événements de violence politique au Niger a augmenté : 31 du 26 juin au 25 juillet 2023, 34 du 27 juillet au 25 août 2023 (+9,7\u202f%, ×1,1).",
    );
    expect(win.en.sentence).toBe(
      'Political violence events in Niger rose from 31 in 26 June–25 July 2023 to 34 in 27 July–25 August 2023 (+9.7%, 1.1x).',
    );
    const mean = both((l) => compareDays(days('NER'), 'fatalities', 'trailing10d', '2023-07-27..2023-08-25', l));
    expect(said(mean.fr)).toEqual([
      "Le nombre moyen de décès signalés lors d'événements de violence politique par jour au Niger a augmenté : 2,3 du 17 au 26 juillet 2023, 5,27 du 27 juillet au 25 août 2023 (+129,1\u202f%, ×2,29).",
      "les périodes n'ont pas la même durée (10 et 30 jours) : on compare des moyennes journalières",
      'Nettement plus élevé',
    ]);
  });

  it('the newest ACLED weeks: provisional, for a region (Tillabéri) and a country', () => {
    const w = ds.weeks.find(
      (x) => x.info.country.iso3 === 'NER' && x.info.admin1?.name === 'Tillaberi' && x.info.category.id === 'political_violence',
    )!;
    const c = both((l) =>
      compareWindows(weeksSource(w, 'weeks only'), { ...w.info, measure: 'events' }, '2026-01-24..2026-02-20', '2026-02-21..2026-03-20', l),
    );
    expect(said(c.fr)).toEqual([
      "Le nombre d'événements de violence politique dans la région de Tillabéri (Niger) a augmenté : 19 du 24 janvier au 20 février 2026, 20 du 21 février au 20 mars 2026 (+5,3\u202f%, ×1,05).",
      "21 février – 20 mars 2026 comprend des données qu'ACLED peut encore réviser (les quatre dernières semaines de sa source, ou le mois où elle s'arrête) : l'évolution n'est pas définitive",
      'Stable (provisoire)',
    ]);
    expect(c.en.sentence).toBe(
      'Political violence events in Tillaberi (Niger) rose from 19 in 24 January–20 February 2026 to 20 in 21 February–20 March 2026 (+5.3%, 1.05x).',
    );
    const bfa = compareDays(days('BFA'), 'events', 'trailing4w', '2026-02-21..2026-03-20', 'fr');
    expect(bfa.sentence).toBe(
      "Le nombre d'événements de violence politique au Burkina Faso a augmenté : 98 du 24 janvier au 20 février 2026, 99 du 21 février au 20 mars 2026 (+1\u202f%, ×1,01).",
    );
  });
});

describe('the headline claims in French, real data', () => {
  const doc = (lang: Lang) => JSON.parse(ds.entries.find((e) => e.key === keys.claims(ds.version, lang))!.value) as ClaimsDoc;

  it('has the same verdicts and numbers in both languages; only the words differ', () => {
    const strip = (c: ClaimVerdict) => ({
      id: c.id,
      quote: c.quote,
      verdict: c.verdict,
      readings: c.readings.map((r) => [r.country, r.admin1, r.category, r.measure, r.beforeValue, r.afterValue, r.change, r.holds]),
      alternatives: c.alternatives.map((a) => [a.verdict, a.readings.map((r) => [r.beforeValue, r.afterValue, r.holds])]),
    });
    expect(doc('fr').claims.map(strip)).toEqual(doc('en').claims.map(strip));
    expect(doc('fr').claims.map((c) => c.verdictLabel)).toEqual([
      'Étayée',
      'Partiellement étayée',
      'Partiellement étayée',
      'Non étayée',
      'Partiellement étayée',
      'Étayée',
    ]);
  });

  it('keeps each quote as said, with its translation beside it, marked as such', () => {
    const fr = doc('fr').claims;
    expect(fr.every((c) => c.translation?.lang === 'fr' && c.translation.quote.length > 0 && c.translation.note.length > 0)).toBe(true);
    expect(doc('en').claims.every((c) => c.translation === undefined)).toBe(true);
    const coup = fr[0]!;
    expect(coup.quote).toBe("In the month after Niger's coup (26 July 2023), political violence rose by more than 40%.");
    expect(coup.translation!.quote).toBe(
      "Dans le mois qui a suivi le coup d'État au Niger (26 juillet 2023), la violence politique a augmenté de plus de 40\u202f%.",
    );
    // Who made each claim, described in French (proper names as they are); the English document keeps the English.
    expect(fr.map((c) => c.claimant.name)).toEqual([
      ...Array(3).fill(
        "The National (thenationalnews.com), fin septembre 2023, dans un article sur une embuscade près de Kandadji qui s'appuie sur des chiffres d'ACLED (l'adresse de l'article n'a pas été relevée)",
      ),
      ...Array(2).fill(
        "RFI, article repris par allAfrica sur le Burkina Faso un an après le second coup d'État, où les attaques des groupes armés ne faiblissent pas, citant ACLED (cité ici d'après sa traduction anglaise)",
      ),
      "News Africa Now, article sur un rapport de l'ONU qui décrit la dégradation de la situation au Mali face à une violence qui ne faiblit pas, citant ACLED",
    ]);
    expect(doc('en').claims[3]!.claimant).toEqual({
      name: 'RFI, "Burkina Faso: one year after the second coup, armed group attacks show no sign of decline", republished by allAfrica, citing ACLED (quoted in English translation)',
      date: '2023-10-02',
      url: 'https://fr.allafrica.com/stories/202310020196.html',
    });
    expect(fr.map((c) => [c.claimant.date, c.claimant.url])).toEqual(doc('en').claims.map((c) => [c.claimant.date, c.claimant.url]));
    // RFI wrote in French: its English quote is a translation, and ours is not RFI's words.
    expect(fr.find((c) => c.id === 'burkina-deaths-2023')!.translation!.note).toMatch(/retraduction de Sahel Pulse, pas les mots de RFI/);
  });

  it('writes the readings, summaries and citation in French', () => {
    const coup = doc('fr').claims[0]!;
    expect(coup.summary).toBe('Étayée : les 2 lectures se vérifient.');
    expect(coup.readings.map((r) => r.sentence)).toEqual([
      "Le nombre d'événements de violence politique au Niger a augmenté : 25 en juillet 2023, 37 en août 2023 (+48\u202f%, ×1,48) ; le critère « a augmenté de plus de 40\u202f% » (plus de +40\u202f%) est rempli.",
      "Le nombre de décès signalés lors d'événements de violence politique au Niger a augmenté : 34 en juillet 2023, 167 en août 2023 (+391,2\u202f%, ×4,91) ; le critère « a augmenté de plus de 40\u202f% » (plus de +40\u202f%) est rempli.",
    ]);
    expect(coup.alternatives[0]!.summary).toBe('Partiellement étayée : 1 lecture sur 2 se vérifie.');
    expect(coup.citation).toMatch(
      /^« In the month after Niger's coup \(26 July 2023\), political violence rose by more than 40%\. » \(traduction : « Dans le mois .* »\) : étayée par les données ACLED\. Le nombre d'événements/,
    );
    expect(coup.citation).toMatch(
      /Source : ACLED, www\.acleddata\.com ; jeu de données Sahel Pulse [0-9a-f]{12}, données jusqu'au 22 avril 2026\.$/,
    );
    const fewer = doc('fr').claims.find((c) => c.id === 'burkina-attacks-fewer-2023')!;
    expect(fewer.summary).toBe('Non étayée : la lecture ne se vérifie pas.');
    expect(fewer.readings[0]!.sentence).toBe(
      "Le nombre d'événements de violence politique au Burkina Faso a baissé : 1\u202f196 de janvier à août 2022, 1\u202f163 de janvier à août 2023 (-2,8\u202f%, ×0,97) ; le critère « 1\u202f700 contre 2\u202f500 » (plus de -30\u202f%) n'est pas rempli.",
    );
    const tillaberi = doc('fr').claims.find((c) => c.id === 'tillaberi-state-forces-surge')!;
    expect(tillaberi.readings.map((r) => [r.place, r.caveats])).toEqual([
      ['Tillabéri (Niger)', ['référence faible : moins de 10 en juillet 2023, les pourcentages sont instables']],
      ['Tillabéri (Niger)', ['référence faible : moins de 10 en juillet 2023, les pourcentages sont instables']],
      ['Tillabéri (Niger)', []],
    ]);
    expect(tillaberi.readings[2]!.sentence).toBe(
      "Le nombre de décès signalés lors d'attaques contre les forces de l’État dans la région de Tillabéri (Niger) en août 2023 : 42 ; le critère « tuant au moins 40 » (au moins 40) est rempli.",
    );
  });

  it('leaves no English sentence word in the French claims (quotes as said aside)', () => {
    const text = doc('fr')
      .claims.flatMap((c) => [
        c.interpretation,
        c.claimant.name,
        c.summary,
        c.verdictLabel,
        c.citation.replace(c.quote, ''),
        ...c.readings.flatMap((r) => [r.sentence, r.definition, ...r.caveats]),
        ...c.alternatives.flatMap((a) => [a.interpretation, a.summary, ...a.readings.flatMap((r) => [r.sentence, ...r.caveats])]),
      ])
      .join('\n');
    for (const word of [
      ' holds',
      'does not hold',
      ' rose ',
      ' fell ',
      ' in July',
      ' events ',
      'fatalities',
      'supported',
      'baseline',
      ' months',
      'Source: ',
      'reporting',
      'citing',
      'address',
      'republished',
      'translation',
    ])
      expect(text).not.toContain(word);
  });
});
