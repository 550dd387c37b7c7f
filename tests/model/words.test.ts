/** The words of generated sentences in English and French: formats, labels, places, and the catalogue's completeness. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, MEASURES } from '../../model/categories.ts';
import { daySpan } from '../../model/day.ts';
import { fmtDate, fmtExact, fmtNum } from '../../model/format.ts';
import { LANGS, langOf } from '../../model/lang.ts';
import { monthLabel, monthSpan } from '../../model/month.ts';
import { periodIssue, periodsIssue } from '../../model/period.ts';
import { periodMessage } from '../../model/period-messages.ts';
import { RELATION_KINDS } from '../../model/relations.ts';
import { TREND_BANDS } from '../../model/trend.ts';
import { admin1Fr, WORDS } from '../../model/words.ts';

const NNBSP = '\u202f';

describe('numbers and dates in each language (Intl)', () => {
  it('writes numbers the French way: a narrow no-break space between thousands, a decimal comma', () => {
    expect(fmtNum(1196, 'fr')).toBe(`1${NNBSP}196`);
    expect(fmtExact(2.555, 'fr')).toBe('2,555');
    expect(fmtNum(-4.5, 'fr')).toBe('-4,5');
    expect(fmtNum(1196)).toBe('1,196');
  });

  it('writes days, months and spans, with "1er" for the first of a month', () => {
    expect(fmtDate('2023-08-01', 'fr')).toBe('1er août 2023');
    expect(fmtDate('2026-03-20', 'fr')).toBe('20 mars 2026');
    expect(monthLabel('2023-08', 'fr')).toBe('août 2023');
    expect(monthSpan('2023-05', '2023-07', 'fr')).toBe('mai – juillet 2023');
    expect(monthSpan('2022-12', '2023-02', 'fr')).toBe('décembre 2022 – février 2023');
    expect(daySpan('2026-02-15', '2026-03-14', 'fr')).toBe('15 février – 14 mars 2026');
    expect(daySpan('2024-05-01', '2024-05-15', 'fr')).toBe('1er – 15 mai 2024');
    expect(daySpan('2023-12-20', '2024-01-10', 'fr')).toBe('20 décembre 2023 – 10 janvier 2024');
    // English unchanged.
    expect(daySpan('2023-06-26', '2023-07-25')).toBe('26 June–25 July 2023');
  });
});

describe('English numbers and dates, written without Intl, as Intl writes them', () => {
  const en2 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, signDisplay: 'negative' });
  const en4 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4, signDisplay: 'negative' });
  const days = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

  it('writes the same numbers: grouping, rounding half away from zero on the shortest decimal form, no "-0"', () => {
    const cases = [0, -0, 1, -1, 4.5, 1.005, 2.555, 0.125, -0.125, -0.004, -0.005, 9.995, 999.995, 99999.99999, 1e21, -1e-7, 0.1 + 0.2];
    cases.push(123456789.987654, 1234, 12345678901234, Number.MAX_SAFE_INTEGER, 5e-324, Number.POSITIVE_INFINITY, Number.NaN);
    for (const n of cases) {
      expect(fmtNum(n)).toBe(en2.format(n));
      expect(fmtExact(n)).toBe(en4.format(n));
    }
    const numbers = fc.oneof(
      fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
      fc.integer({ min: -1e7, max: 1e7 }).map((i) => i / 1000),
      fc.integer({ min: -1e7, max: 1e7 }).map((i) => i / 200),
      fc.double(),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        expect(fmtNum(n)).toBe(en2.format(n));
        expect(fmtExact(n)).toBe(en4.format(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes the same days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(fmtDate(day)).toBe(days.format(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
      }),
      { numRuns: 2000 },
    );
    expect(fmtDate('2024-02-30')).toBe(days.format(Date.UTC(2024, 1, 30)));
  });
});

describe('the catalogue of words', () => {
  it('has every category, measure, band, verdict and relation in both languages, never empty', () => {
    for (const lang of LANGS) {
      const w = WORDS[lang];
      expect(Object.keys(w.category).sort()).toEqual([...CATEGORY_IDS].sort());
      for (const id of CATEGORY_IDS) expect(w.category[id].label && w.category[id].definition).toBeTruthy();
      expect(Object.keys(w.measure).sort()).toEqual([...MEASURES].sort());
      expect(Object.keys(w.trend).sort()).toEqual([...TREND_BANDS].sort());
      for (const kind of RELATION_KINDS) expect(w.relation(kind, 4)).toContain('4');
    }
  });

  it('translates every category label and definition (none left in English)', () => {
    for (const id of CATEGORY_IDS) {
      expect(WORDS.fr.category[id].label).not.toBe(WORDS.en.category[id].label);
      expect(WORDS.fr.category[id].definition).not.toBe(WORDS.en.category[id].definition);
    }
  });

  it('places a sentence in French: au + country, région/État/province + de or d’', () => {
    const subject = (country: string, admin1: string | null) =>
      WORDS.fr.subject({ category: 'battles', measure: 'events', country, admin1 });
    expect(subject('Chad', null)).toBe("Le nombre d'événements de type « Batailles » au Tchad");
    expect(subject('Niger', 'Agadez')).toBe("Le nombre d'événements de type « Batailles » dans la région d'Agadez (Niger)");
    expect(subject('Niger', 'Tillaberi')).toBe("Le nombre d'événements de type « Batailles » dans la région de Tillabéri (Niger)");
    expect(subject('Nigeria', 'Borno')).toBe("Le nombre d'événements de type « Batailles » dans l'État de Borno (Nigeria)");
    expect(subject('Chad', 'Ouaddai')).toBe("Le nombre d'événements de type « Batailles » dans la province d'Ouaddaï (Tchad)");
    expect(admin1Fr('Segou')).toBe('Ségou');
    expect(admin1Fr('Mopti')).toBe('Mopti');
  });

  it('agrees the count of readings that hold', () => {
    const s = WORDS.fr.reading.summary;
    expect(s('Étayée', 1, 1)).toBe('Étayée : la lecture se vérifie.');
    expect(s('Non étayée', 0, 1)).toBe('Non étayée : la lecture ne se vérifie pas.');
    expect(s('Étayée', 3, 3)).toBe('Étayée : les 3 lectures se vérifient.');
    expect(s('Non étayée', 0, 2)).toBe('Non étayée : aucune des 2 lectures ne se vérifie.');
    expect(s('Partiellement étayée', 1, 3)).toBe('Partiellement étayée : 1 lecture sur 3 se vérifie.');
    expect(s('Partiellement étayée', 2, 3)).toBe('Partiellement étayée : 2 lectures sur 3 se vérifient.');
    expect(WORDS.en.reading.summary('Supported', 2, 2)).toBe('Supported: 2 of 2 readings hold.');
  });

  it('says "stable" when nothing moved, and words the tests of a claim', () => {
    const b = { unit: 'month' as const, from: '2023-07', to: '2023-07' };
    const a = { unit: 'month' as const, from: '2023-08', to: '2023-08' };
    expect(WORDS.fr.compared({ subject: 'Le nombre', before: 5, after: 5, b, a, change: WORDS.fr.change(0, 1) })).toBe(
      `Le nombre est resté stable : 5 en juillet 2023, 5 en août 2023 (0${NNBSP}%, ×1).`,
    );
    expect(WORDS.en.compared({ subject: 'Events', before: 5, after: 5, b, a, change: WORDS.en.change(0, 1) })).toBe(
      'Events stayed at 5 in July 2023 and in August 2023 (0%, 1x).',
    );
    expect(WORDS.fr.test.pct_decrease_gt(30)).toBe(`plus de -30${NNBSP}%`);
    expect(WORDS.fr.test.ratio_gte(1.46)).toBe('au moins ×1,46');
    expect(WORDS.fr.relation('pct_increase_gt', 3.5)).toBe(`a augmenté de plus de 3,5${NNBSP}%`);
  });
});

describe('the language of a request', () => {
  it('takes lang first, then Accept-Language by q-value, else English', () => {
    expect(langOf('fr', 'en')).toBe('fr');
    expect(langOf(undefined, 'fr-CH, fr;q=0.9, en;q=0.8')).toBe('fr');
    expect(langOf(undefined, 'de-DE, en;q=0.5, fr;q=0.7')).toBe('fr');
    expect(langOf(undefined, 'fr;q=0, en')).toBe('en');
    expect(langOf(undefined, 'de')).toBe('en');
    expect(langOf(undefined, null)).toBe('en');
    expect(langOf(undefined, 'fr;q=abc')).toBe('en');
  });
});

describe('refused periods and missing figures, in both languages', () => {
  // One request that ends in each kind of period problem (model/period.ts), as the API's 400s give them.
  const CASES: [before: string | null, after: string][] = [
    [null, 'trailing30d'],
    ['trailing0d', '2023-08'],
    ['trailing999w', '2023-08'],
    ['trailing2', '2023-08'],
    [null, '26 July 2023'],
    [null, '2023-02-30'],
    [null, '2023-13'],
    [null, '2023-07..2023-08-25'],
    [null, '2023-08..2023-06'],
    [null, '1900-01..2023-08'],
    [null, '2010-01-01..2023-08-25'],
    ['trailing3', '2023-08-01'],
    ['2023-08', '2023-07'],
    ['2023-05..2023-07', '2023-07'],
    ['trailing12', '0000-06'],
    ['trailing30d', '0100-01-10'],
  ];
  const problems = CASES.map(([b, a]) => periodsIssue(b, a) ?? periodIssue(a, 'after'));

  it('covers every kind of problem, and writes each in French with its values', () => {
    expect(new Set(problems.map((p) => p?.code))).toEqual(new Set(Object.keys(WORDS.fr.periods)));
    for (const p of problems) {
      const [en, fr] = [periodMessage(p!, WORDS.en.periods), periodMessage(p!, WORDS.fr.periods)];
      expect(en).toBe(periodMessage(p!));
      expect(fr, en).not.toBe(en);
      // The values the English message quotes (periods, numbers) are in the French one too.
      for (const v of en.match(/\d{4}-\d{2}(-\d{2})?|trailing\d+[dw]?/g) ?? []) expect(fr, en).toContain(v);
      expect(fr, fr).not.toMatch(/\b(is|the|must|write|give|days|months|before it|ends|starts)\b(?![»)=])/);
    }
  });

  it('names what the counts cover, in French forms of places', () => {
    const c = WORDS.fr.coverage;
    expect(c.notInSeries('2099-01', '2019-01', '2026-04')).toBe("Janvier 2099 n'est pas dans cette série, qui va de 2019-01 à 2026-04.");
    expect(c.notInDays('2024-06-01', 'Niger', '2019-01-01', '2024-05-15')).toBe(
      "Le 1er juin 2024 n'est pas dans les décomptes journaliers du Niger, qui couvrent du 2019-01-01 au 2024-05-15 ; aucun chiffre n'est donné pour les jours hors de cette plage.",
    );
    expect(c.noDaily('Chad')).toBe("Tchad n'a pas de décomptes journaliers.");
    expect(c.weeksOnly('Tillaberi (Niger)', null, '…')).toBe(
      "Tillabéri (Niger) n'a que des décomptes hebdomadaires, qui ne sont jamais répartis par jour : …",
    );
    expect(c.notInWeeks('2026-03-21', 'Borno (Nigeria)', '2021-01-02', '2026-03-20', null)).toBe(
      "Le 21 mars 2026 n'est pas dans les décomptes hebdomadaires de l'État de Borno (Nigeria), qui couvrent les semaines du 2021-01-02 au 2026-03-20 ; aucun chiffre n'est donné hors de ces plages.",
    );
  });
});
