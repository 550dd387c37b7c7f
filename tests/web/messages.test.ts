/**
 * The page's catalogues of messages: every key in both languages (the types already require it;
 * this checks the objects as built), no French message left equal to its English one but for
 * names and codes, the static page's English equal to messages-page.ts's, and French sentences
 * written with real numbers (agreement, French places, Intl formats).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SeriesInfo, SourceInfo } from '../../model/types.ts';
import { en } from '../../web/src/messages.ts';
import { fr, moreFr } from '../../web/src/messages-fr.ts';
import { enMore } from '../../web/src/messages-more.ts';
import { PAGE } from '../../web/src/messages-page.ts';
import { PAGE_FR, translatePage } from '../../web/src/page-fr.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Every leaf of a catalogue, by dotted key: strings as they are, functions as functions. */
function leaves(o: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === 'object') for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

/** French that may equal the English: names, codes, and words both languages write alike. */
const SAME_IN_BOTH = new Set(['catalogueJson', 'sourceAcled', 'loading', 'measure.events']);

const NIGER: SeriesInfo = {
  country: { iso3: 'NER', name: 'Niger' },
  admin1: null,
  category: { id: 'political_violence', label: 'Political violence', definition: '' },
  measure: 'events',
};
const TILLABERI: SeriesInfo = { ...NIGER, admin1: { name: 'Tillaberi', slug: 'tillaberi' }, measure: 'fatalities' };
const CHAD: SeriesInfo = { ...NIGER, country: { iso3: 'TCD', name: 'Chad' } };

describe('the page’s catalogues', () => {
  for (const [name, english, french] of [
    ['code', en, fr],
    ['parts loaded on demand', enMore, moreFr],
    ['static page', PAGE, PAGE_FR],
  ] as const) {
    it(`${name}: every key in both languages, of the same kind, and the French written (not left in English)`, () => {
      const e = leaves(english);
      const f = leaves(french);
      expect([...f.keys()].sort()).toEqual([...e.keys()].sort());
      for (const [k, v] of e) {
        expect(typeof f.get(k), k).toBe(typeof v);
        if (typeof v === 'string' && !SAME_IN_BOTH.has(k)) expect(f.get(k), k).not.toBe(v);
      }
    });
  }

  it('the static page’s English is messages-page.ts’s, key by key', () => {
    const html = readFileSync(path.join(ROOT, 'web', 'index.html'), 'utf8');
    const seen = new Set<string>();
    for (const m of html.matchAll(/data-t="(\w+)"[^>]*>([^<]*)</g)) {
      const key = m[1] as keyof typeof PAGE;
      expect(PAGE[key], key).toBe(m[2]!.replace(/\s+/g, ' ').trim());
      seen.add(key);
    }
    for (const m of html.matchAll(/<[^>]*data-ta="([\w-]+):(\w+)"[^>]*>/g)) {
      const value = m[0].match(new RegExp(`\\s${m[1]}="([^"]*)"`))?.[1];
      expect(PAGE[m[2] as keyof typeof PAGE], m[2]).toBe(value);
      seen.add(m[2]!);
    }
    // The figures' words are written by web/build.ts from the same keys.
    const build = readFileSync(path.join(ROOT, 'web', 'build.ts'), 'utf8');
    for (const m of build.matchAll(/data-t="(\w+)"/g)) seen.add(m[1]!);
    for (const m of html.matchAll(/<!--figure:[a-z0-9-]+:([^:]+):/g)) seen.add(Object.entries(PAGE).find(([, v]) => v === m[1])![0]);
    for (const m of build.matchAll(/figure\(`[^`]+`, '([^']+)'/g)) seen.add(Object.entries(PAGE).find(([, v]) => v === m[1])![0]);
    // Every key is used by the page: none is left over.
    expect([...seen].sort()).toEqual(Object.keys(PAGE).sort());
  });

  it('translatePage puts the French in the marked texts and attributes', () => {
    const texts = [
      { dataset: { t: 'tabCompare' }, textContent: 'Compare' },
      { dataset: { t: 'unknownKey' }, textContent: 'kept' },
      { dataset: { countryLink: 'TCD' }, textContent: 'Chad' },
    ];
    const attrs: Record<string, string> = {};
    const link = {
      dataset: { langHref: '' },
      href: '/api/v1/claims',
      getAttribute: () => link.href,
      setAttribute: (_: string, v: string) => (link.href = v),
    };
    const marked = [...texts, { dataset: { ta: 'aria-label:navViews' }, setAttribute: (a: string, v: string) => (attrs[a] = v) }, link];
    const doc = {
      documentElement: { dataset: {}, querySelectorAll: () => marked },
      querySelector: () => null,
      title: '',
    };
    translatePage(doc as unknown as Document);
    expect(texts.map((x) => x.textContent)).toEqual(['Comparer', 'kept', 'Tchad']);
    expect(attrs).toEqual({ 'aria-label': 'Vues' });
    // A link to the API asks for French, once.
    expect(link.href).toBe('/api/v1/claims?lang=fr');
    translatePage(doc as unknown as Document);
    expect(link.href).toBe('/api/v1/claims?lang=fr');
    expect(doc.title).toMatch(/^Sahel Pulse : /);
  });
});

describe('French sentences, with real numbers', () => {
  it('subjects: French places and articles, agreement of "nombre"', () => {
    expect(fr.subject(NIGER)).toBe("Le nombre d'événements de violence politique au Niger");
    expect(fr.subject(CHAD)).toBe("Le nombre d'événements de violence politique au Tchad");
    expect(fr.subject(TILLABERI)).toBe(
      "Le nombre de décès signalés lors d'événements de violence politique dans la région de Tillabéri (Niger)",
    );
    expect(en.subject(NIGER)).toBe('Political violence events in Niger');
  });

  it('the summary under a chart: a rise, a fall, no change, and a zero base', () => {
    const s = fr.subject(NIGER);
    expect(fr.changed(s, true, '25', 'juillet 2023', '37', 'août 2023', '+48\u202f%')).toBe(
      "Le nombre d'événements de violence politique au Niger a augmenté : 25 en juillet 2023, 37 en août 2023 (+48\u202f%).",
    );
    expect(fr.changed(s, false, '1 007', 'août 2024', '175', 'septembre 2024', '-82,6\u202f%')).toMatch(
      /a baissé : 1 007 en août 2024, 175 en septembre 2024/,
    );
    expect(fr.stayed(s, '12', 'mai 2024', 'juin 2024')).toBe(
      "Le nombre d'événements de violence politique au Niger est resté stable : 12 en mai 2024 comme en juin 2024.",
    );
    expect(fr.changed(s, true, '0', 'mai 2024', '3', 'juin 2024', null)).toMatch(/\(pas de pourcentage : la base est nulle\)\.$/);
    expect(en.changed(en.subject(NIGER), true, '25', 'July 2023', '37', 'August 2023', '+48%')).toBe(
      'Political violence events in Niger rose from 25 in July 2023 to 37 in August 2023 (+48%).',
    );
  });

  it('weeks and spans read "du ... au ..."; the overview compares "aux quatre semaines précédentes"', () => {
    expect(fr.weekSummary(fr.subject(CHAD), '2', '14 – 20 mars 2026', true, '2', true)).toBe(
      "Le nombre d'événements de violence politique au Tchad : 2 la semaine du 14 au 20 mars 2026 (provisoire), contre 2 la semaine précédente (provisoire elle aussi).",
    );
    expect(fr.vs(fr.vsPrevious, '24 janvier – 20 février 2026', '443', '+2', '+0,5\u202f%', false)).toBe(
      'par rapport aux quatre semaines précédentes (24 janvier – 20 février 2026 : 443) : +2 (+0,5\u202f%)',
    );
    expect(fr.vs(fr.vsYear, '22 février – 21 mars 2025', '9', '+4', '+44,4\u202f%', true)).toBe(
      'par rapport à la même période un an plus tôt (22 février – 21 mars 2025 : 9) : +4 (+44,4\u202f%), référence faible',
    );
    expect(fr.noBase(fr.vsYear)).toBe('Pas de comparaison possible avec la même période un an plus tôt.');
  });

  it('the freshness line, regions and lists: French names, "et", plurals', () => {
    expect(fr.freshness.weeks('20 mars 2026', [], '21 février – 20 mars 2026')).toBe(
      'jusqu’au 20 mars 2026 (semaines ACLED ; 21 février – 20 mars 2026, provisoires)',
    );
    expect(fr.list(['Burkina Faso', 'Tchad', 'Niger'])).toBe('Burkina Faso, Tchad et Niger');
    expect(fr.country('Chad')).toBe('Tchad');
    expect(fr.region('Menaka')).toBe('Ménaka');
    expect(fr.region('Segou')).toBe('Ségou');
    expect(fr.noWeeklyFor('Tchad')).toBe('Pas de données hebdomadaires ACLED pour le Tchad.');
    expect(moreFr.lowMonths(2)).toBe('2 mois sur une référence faible');
    expect(moreFr.openCheckPart(1, 3)).toBe('Ouvrir dans Comparer (1 lecture sur 3)');
    expect(moreFr.openCheckPart(2, 3)).toBe('Ouvrir dans Comparer (2 lectures sur 3)');
    expect(
      moreFr.regionWeekTop(
        '21 février – 20 mars 2026',
        true,
        'Borno',
        'décès signalés (violence politique)',
        'Nigeria',
        '80',
        'Zamfara (40)',
      ),
    ).toBe(
      'Sur les quatre semaines du 21 février au 20 mars 2026 (provisoires), Borno compte le plus de décès signalés (violence politique) parmi les régions (Nigeria) : 80 ; puis Zamfara (40).',
    );
    expect(moreFr.regionTop('août 2023', 'Tillabéri', 'événements (violence politique)', 'Niger', '30', null)).toBe(
      'En août 2023, Tillabéri compte le plus d’événements (violence politique) parmi les régions (Niger) : 30.',
    );
  });

  it('verdicts and relations in French', () => {
    expect(fr.trend('much_higher')).toBe('Nettement plus élevé');
    expect(fr.provisional(fr.trend('lower'))).toBe('Plus bas (provisoire)');
    expect(moreFr.relationWords('ratio_gte', '4')).toBe('au moins 4 fois plus');
    expect(moreFr.holds).toBe('Se vérifie');
    expect(moreFr.cannotDecide).toBe('Impossible à trancher');
    expect(fr.credit('ACLED, www.acleddata.com', 'a5449166aa42', '22 avril 2026')).toBe(
      'Source : ACLED, www.acleddata.com · version du jeu de données a5449166aa42 · données au 22 avril 2026',
    );
  });
});

describe("the footer's sources in French", () => {
  it('describes each shipped source in French from its fields (the catalogue names them in English)', () => {
    const sources = JSON.parse(readFileSync(path.join(ROOT, 'data/aggregates/sources.json'), 'utf8')) as SourceInfo[];
    expect(sources.map((s) => [en.sourceName(s), fr.sourceName(s)])).toEqual([
      ['ACLED event-level export, Niger, 2019-01-01 to 2024-05-15', 'Fichier d’événements ACLED (décomptes par jour), Niger'],
      [
        'ACLED Explorer, country x month x event type, five Sahel countries, 2021-01 to 2024-09',
        'Table mensuelle d’ACLED (par pays, mois et type d’événement), cinq pays du Sahel',
      ],
      [sources[2]!.name, 'Données hebdomadaires agrégées d’ACLED (par région, semaine ACLED et type d’événement), cinq pays du Sahel'],
      [sources[3]!.name, 'Fichier ACLED publié sur HDX : violence politique (type de désordre ACLED) par mois, Mali'],
    ]);
  });
});
