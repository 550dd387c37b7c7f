/** GET /api/v1/catalogue: the stored catalogue as it is, and as CSV. Data: tests/worker/seed.ts. */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../data/build/dataset.ts';
import { keys } from '../../../model/keys.ts';
import type { Catalogue, CrossCheck } from '../../../model/types.ts';
import { catalogueIn } from '../../../worker/routes/catalogue.ts';
import { get } from '../request.ts';
import { buildTestDataset, seed } from '../seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const entry = (key: string) => ds.entries.find((e) => e.key === key)!.value;

describe('GET /api/v1/catalogue', () => {
  it('serves the stored catalogue byte for byte', async () => {
    const res = await get('/api/v1/catalogue');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe(entry(keys.catalogue(ds.version)));
  });

  it('names the countries, regions and dataset version', async () => {
    const body = (await (await get('/api/v1/catalogue')).json()) as Dataset['catalogue'];
    expect(body.dataset.version).toBe(ds.version);
    expect(body.dataset.credit).toBe('ACLED, www.acleddata.com');
    expect(body.countries.map((c) => [c.iso3, c.admin1.map((r) => r.slug), c.partialMonths])).toEqual([
      ['MLI', [], []],
      ['NER', ['diffa', 'tillaberi'], ['2023-08']],
    ]);
  });

  it('answers CSV: a header and one row per country and per region', async () => {
    const res = await get('/api/v1/catalogue?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('country_iso3,country,admin1,categories,months_from,months_to,partial_months,dataset_version,as_of,credit');
    expect(lines).toHaveLength(4 + 1);
  });
});

describe('GET /api/v1/catalogue in French (lang=fr or Accept-Language)', () => {
  const NNBSP = '\u202f';
  const PRECEDENCE_FR =
    'Chaque pays-mois provient d’une seule source. Les mois calendaires ne viennent que des sources qui comptent par mois ou par jour (la table de l’Explorer, les fichiers mensuels de HDX, les fichiers d’événements), jamais des décomptes hebdomadaires : une semaine ACLED (du samedi au vendredi) n’est jamais répartie entre deux mois. Une source qui couvre le mois entier l’emporte sur une source qui n’en couvre qu’une partie ; parmi celles qui le couvrent entier, la plus récemment téléchargée l’emporte, car elle inclut les révisions ultérieures d’ACLED. Une catégorie n’est prise que d’une source qui la donne exactement (chaque source indique les catégories qu’elle donne) : les catégories qui demandent le détail des événements (civils ciblés, attaques contre les forces de l’État) ne viennent que des fichiers d’événements, les catégories de type de désordre d’ACLED des fichiers d’événements et des fichiers HDX. Les semaines viennent de la source hebdomadaire ; les fenêtres en jours, des décomptes journaliers là où ils couvrent la fenêtre, sinon de semaines entières. Là où deux sources couvrent un même pays-mois (ou une même semaine), leurs chiffres sont comparés et les écarts listés, jamais fusionnés.';

  it('writes the notes and the categories’ words in French; ids, names, fields and numbers stay', async () => {
    const [en, fr] = await Promise.all([get('/api/v1/catalogue'), get('/api/v1/catalogue?lang=fr')]);
    expect([en.headers.get('content-language'), fr.headers.get('content-language')]).toEqual(['en', 'fr']);
    for (const res of [en, fr]) expect(res.headers.get('vary')).toBe('Accept, Accept-Language');
    const [a, b] = [(await en.json()) as Catalogue, (await fr.json()) as Catalogue];
    expect(b.precedence).toBe(PRECEDENCE_FR);
    expect(a.precedence).toMatch(/^Each country-month is taken from one source\./);
    expect([a.thresholds, b.thresholds]).toEqual([
      { lowBaseline: 10, note: 'A change whose base is below 10 is flagged lowBaseline: from 1 to 4 is +300%.' },
      {
        lowBaseline: 10,
        note: `Une variation dont la référence est inférieure à 10 est signalée lowBaseline : passer de 1 à 4, c’est +300${NNBSP}%.`,
      },
    ]);
    const battles = b.categories.find((c) => c.id === 'battles')!;
    expect(battles.label).toBe('Batailles');
    expect(a.categories.find((c) => c.id === 'battles')!.label).toBe('Battles');
    const strip = (c: Catalogue) => ({
      ...c,
      precedence: '',
      thresholds: { ...c.thresholds, note: '' },
      categories: c.categories.map((k) => ({ ...k, label: '', definition: '' })),
    });
    expect(strip(b)).toEqual(strip(a));
    // Accept-Language without lang; lang wins over it.
    const byHeader = await get('/api/v1/catalogue', { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(((await byHeader.json()) as Catalogue).precedence).toBe(PRECEDENCE_FR);
    const forced = await get('/api/v1/catalogue?lang=en', { headers: { 'accept-language': 'fr' } });
    expect(await forced.text()).toBe(entry(keys.catalogue(ds.version)));
  });

  it('gives each language its own ETag: a cached English catalogue is never a 304 for French', async () => {
    const en = await get('/api/v1/catalogue');
    const etag = en.headers.get('etag')!;
    const fr = await get('/api/v1/catalogue', { headers: { 'accept-language': 'fr', 'if-none-match': etag } });
    expect(fr.status).toBe(200);
    expect(fr.headers.get('etag')).not.toBe(etag);
    expect(((await fr.json()) as Catalogue).thresholds.note).toMatch(/^Une variation/);
    expect((await get('/api/v1/catalogue', { headers: { 'if-none-match': etag } })).status).toBe(304);
    // And the same request for both is answered from the Worker's cache in its own language each time.
    const again = await get('/api/v1/catalogue?lang=fr');
    const once = await get('/api/v1/catalogue?lang=fr');
    expect(await once.text()).toBe(await again.text());
    expect(((await (await get('/api/v1/catalogue')).json()) as Catalogue).thresholds.note).toMatch(/^A change/);
  });

  it("writes each cross-check's note from its unit and source", () => {
    const check = (unit: 'week' | 'month', against: string): CrossCheck => ({
      against,
      unit,
      country: 'NER',
      from: '',
      to: '',
      note: 'x',
      categories: [],
    });
    const doc = JSON.parse(entry(keys.catalogue(ds.version))) as Catalogue;
    const withChecks: Catalogue = {
      ...doc,
      crossChecks: [{ ...check('week', 'acled-niger-events'), source: 'acled-weekly-sahel5' }],
      sources: doc.sources.map((s, i) => (i === 0 ? { ...s, crosschecks: [check('month', 'acled-explorer-sahel')] } : s)),
    };
    const fr = catalogueIn(withChecks, 'fr');
    expect(fr.crossChecks![0]!.note).toBe(
      'Les semaines ACLED (du samedi au vendredi) du fichier hebdomadaire comparées aux événements de acled-niger-events regroupés dans les mêmes semaines. Les écarts viennent des révisions d’ACLED entre les deux téléchargements (événements ajoutés plus tard, événement passé d’un type à un autre) ; aucune des deux sources n’est fusionnée dans l’autre.',
    );
    expect(fr.sources[0]!.crosschecks![0]!.note).toBe(
      'La violence politique selon HDX (le type de désordre d’ACLED : batailles, explosions/violence à distance, violence contre les civils, violence de foule et usage excessif de la force contre des manifestants) comparée, mois par mois, à la somme Batailles + Explosions/Violence à distance + Violence contre les civils de acled-explorer-sahel. Les chiffres de HDX peuvent dépasser ceux de la table par la violence de foule (dans la limite des émeutes du mois) et par les ajouts ultérieurs d’ACLED (au-delà des émeutes) ; ils ne sont jamais fusionnés dans political_violence.',
    );
    // In English, the notes the pipeline writes (data/derive/crosscheck.ts).
    expect(catalogueIn(withChecks, 'en').crossChecks![0]!.note).toBe(
      "ACLED weeks (Saturday to Friday) of the weekly file against acled-niger-events's events bucketed into the same weeks. Differences are ACLED revisions between the two downloads (events added later, an event moved between types); neither is merged into the other.",
    );
    expect(catalogueIn(withChecks, 'fr').crossChecks![0]!.source).toBe('acled-weekly-sahel5');
  });
});
