/**
 * `lang` and Accept-Language on the routes that write sentences (/compare, /check, /claims): the
 * sentences follow the language; ids, fields and numbers do not; the answer says its language
 * (Content-Language) and varies on it (Vary, ETag). Data: tests/worker/seed.ts.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../data/build/dataset.ts';
import type { CheckResult, CompareResult, LastRefresh } from '../../../model/api.ts';
import { keys, REFRESH_KEY } from '../../../model/keys.ts';
import { REFRESH_FAILURE_WORDS } from '../../../model/refresh-failures.ts';
import type { ClaimsDoc, RefreshRun } from '../../../model/types.ts';
import { get, problem } from '../request.ts';
import { buildTestDataset, publishWith, seed } from '../seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const COMPARE = '/api/v1/compare?country=NER&category=political_violence&measure=events&before=2023-06&after=2023-07';
const NNBSP = '\u202f';

describe('lang on /compare', () => {
  it('writes the sentence in French on lang=fr, and says so', async () => {
    const [en, fr] = await Promise.all([get(COMPARE), get(`${COMPARE}&lang=fr`)]);
    expect(en.headers.get('content-language')).toBe('en');
    expect(fr.headers.get('content-language')).toBe('fr');
    for (const res of [en, fr]) expect(res.headers.get('vary')).toBe('Accept, Accept-Language');
    const [a, b] = [(await en.json()) as CompareResult, (await fr.json()) as CompareResult];
    expect(a.sentence).toBe('Political violence events in Niger rose from 5 in June 2023 to 10 in July 2023 (+100%, 2x).');
    expect(b.sentence).toBe(
      `Le nombre d'événements de violence politique au Niger a augmenté : 5 en juin 2023, 10 en juillet 2023 (+100${NNBSP}%, ×2).`,
    );
    expect([a.trend.label, b.trend.label, b.caveats]).toEqual([
      'Low baseline',
      'Référence faible',
      ['référence faible : 5 en juin 2023, les pourcentages sont instables'],
    ]);
    // Ids, field names and numbers never change with the language.
    expect({ ...b, sentence: '', caveats: [], trend: { ...b.trend, label: '', definition: '' } }).toEqual({
      ...a,
      sentence: '',
      caveats: [],
      trend: { ...a.trend, label: '', definition: '' },
    });
  });

  it('follows Accept-Language without lang; lang wins over it', async () => {
    const byHeader = await get(COMPARE, { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } });
    expect(byHeader.headers.get('content-language')).toBe('fr');
    expect(((await byHeader.json()) as CompareResult).sentence).toMatch(/^Le nombre d'événements/);
    const forced = await get(`${COMPARE}&lang=en`, { headers: { 'accept-language': 'fr' } });
    expect(forced.headers.get('content-language')).toBe('en');
    const other = await get(COMPARE, { headers: { 'accept-language': 'de-DE' } });
    expect(other.headers.get('content-language')).toBe('en');
  });

  it('gives each language its own ETag, so a cached English answer is never a 304 for French', async () => {
    const en = await get(COMPARE);
    const etag = en.headers.get('etag')!;
    expect((await get(COMPARE, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const fr = await get(COMPARE, { headers: { 'if-none-match': etag, 'accept-language': 'fr' } });
    expect(fr.status).toBe(200);
    expect(fr.headers.get('etag')).not.toBe(etag);
  });

  it('keeps CSV headers stable; sentence cells follow lang', async () => {
    const [en, fr] = await Promise.all([get(`${COMPARE}&format=csv`), get(`${COMPARE}&format=csv&lang=fr`)]);
    const [a, b] = [(await en.text()).split('\r\n'), (await fr.text()).split('\r\n')];
    expect(b[0]).toBe(a[0]);
    expect(fr.headers.get('content-language')).toBe('fr');
  });

  it('refuses a language it does not offer, saying which it does', async () => {
    const body = await problem(await get(`${COMPARE}&lang=de`), 400);
    expect(body.errors).toEqual([{ parameter: 'lang', message: 'must be en or fr' }]);
  });
});

describe('lang on /claims and /check', () => {
  it('serves the French claims entry on lang=fr, the English one otherwise', async () => {
    const fr = await get('/api/v1/claims?lang=fr');
    expect(fr.headers.get('content-language')).toBe('fr');
    expect(await fr.text()).toBe(ds.entries.find((e) => e.key === keys.claims(ds.version, 'fr'))!.value);
    const doc = JSON.parse(ds.entries.find((e) => e.key === keys.claims(ds.version, 'fr'))!.value) as ClaimsDoc;
    expect(doc.claims.map((c) => [c.verdict, c.verdictLabel, c.summary])).toEqual([
      ['supported', 'Étayée', 'Étayée : la lecture se vérifie.'],
    ]);
    const en = await get('/api/v1/claims');
    expect(en.headers.get('content-language')).toBe('en');
    expect(await en.text()).toBe(ds.entries.find((e) => e.key === keys.claims(ds.version))!.value);
  });

  it('answers English, and says so, for a version built before French existed', async () => {
    // A fresh version without the French entry (as versions published before it have).
    const v = await publishWith(env.SAHEL_KV, ds, (x) => keys.claims(x, 'fr'), '');
    await env.SAHEL_KV.delete(keys.claims(v, 'fr'));
    const res = await get(`/api/v1/claims?lang=fr&version=${v}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('en');
    expect(((await res.json()) as ClaimsDoc).claims[0]!.verdictLabel).toBe('Supported');
  });

  it('checks a claim in French: quote, verdict, readings, citation', async () => {
    const q =
      '/api/v1/check?country=NER&category=political_violence&measure=events&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2';
    const res = await get(`${q}&lang=fr`);
    expect(res.headers.get('content-language')).toBe('fr');
    const { claim } = (await res.json()) as CheckResult;
    expect(claim.quote).toBe('Violence politique au Niger, juillet 2023 contre juin 2023 : au moins 2 fois');
    expect(claim.claimant.name).toBe('Vérifiée sur demande');
    expect(claim.verdictLabel).toBe('Étayée');
    expect(claim.readings[0]!.sentence).toBe(
      `Le nombre d'événements de violence politique au Niger a augmenté : 5 en juin 2023, 10 en juillet 2023 (+100${NNBSP}%, ×2) ; le critère « au moins 2 fois » (au moins ×2) est rempli.`,
    );
    expect(claim.citation).toMatch(/^« Violence politique au Niger, .* » : étayée par les données ACLED\. /);
    const en = (await (await get(q)).json()) as CheckResult;
    expect(en.claim.quote).toBe('Political violence in Niger, July 2023 against June 2023: at least 2 times');
    expect(en.claim.verdict).toBe(claim.verdict);
  });

  it('leaves routes without sentences alone: no Content-Language, no lang parameter', async () => {
    const res = await get('/api/v1/series?country=NER&category=political_violence&measure=events');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept');
    await problem(await get('/api/v1/series?country=NER&category=political_violence&measure=events&lang=fr'), 400);
  });
});

describe('problems in the language asked for', () => {
  const BASE = '/api/v1/compare?country=NER&category=political_violence&measure=events';

  it('writes a refused pair of periods in French, title included, and says so', async () => {
    const url = `${BASE}&before=2023-08&after=2023-07`;
    const [en, fr] = [await get(url), await get(`${url}&lang=fr`)];
    const [a, b] = [await problem(en, 400), await problem(fr, 400)];
    expect([en.headers.get('content-language'), fr.headers.get('content-language')]).toEqual(['en', 'fr']);
    expect(a.title).toBe('Invalid request');
    expect(a.detail).toBe(
      'before: "before" (2023-08) comes after "after" (2023-07): "before" is the earlier period; to compare them the other way round, write before=2023-07&after=2023-08',
    );
    expect(b.title).toBe('Requête invalide');
    expect(b.detail).toBe(
      "before : « before » (2023-08) vient après « after » (2023-07) : « before » est la période la plus ancienne ; pour les comparer dans l'autre sens, écrivez before=2023-07&after=2023-08",
    );
    // The machine-readable part does not change: the parameter at fault.
    expect(b.errors).toEqual([{ parameter: 'before', message: expect.stringMatching(/^« before » \(2023-08\) vient après/) }]);
    const byHeader = await problem(await get(url, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } }), 400);
    expect(byHeader.detail).toBe(b.detail);
  });

  it('writes an ill-formed period and an overlap in French', async () => {
    const bad = await problem(await get(`${BASE}&before=2023-06&after=2023-02-30&lang=fr`), 400);
    expect(bad.detail).toBe("after : 2023-02-30 n'est pas un jour du calendrier : février 2023 compte 28 jours");
    const overlap = await problem(await get(`${BASE}&before=2023-05..2023-07&after=2023-07&lang=fr`), 400);
    expect(overlap.detail).toBe(
      'before : « before » (2023-05..2023-07) et « after » (2023-07) se chevauchent (2023-07 est dans les deux) : « before » doit finir avant le début de « after », par exemple before=2023-05..2023-06&after=2023-07',
    );
  });

  it('keeps the whole problem in English when one of its messages has no French form', async () => {
    const res = await get(`${BASE}&before=2023-08&after=2023-07&colour=red&lang=fr`);
    const p = await problem(res, 400);
    expect(res.headers.get('content-language')).toBe('en');
    expect(p.title).toBe('Invalid request');
    expect(p.detail).toMatch(/^unknown parameter\(s\) colour; valid parameters: .*; before: "before" \(2023-08\) comes after/);
  });

  it('writes a period outside the series (404) in French', async () => {
    const res = await get(`${BASE}&before=2023-07&after=2099-01&lang=fr`);
    const p = await problem(res, 404);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(p.title).toBe('Introuvable');
    expect(p.detail).toMatch(/^Janvier 2099 n'est pas dans cette série, qui va de \d{4}-\d{2} à \d{4}-\d{2}\.$/);
    expect(p.version).toBe(ds.version);
  });

  it("writes a region's day window that is not whole weeks in French, with the nearest whole weeks", async () => {
    // 2023-07-27 is a Thursday, 2023-08-25 a Friday: the window is not whole ACLED weeks (Saturday to Friday).
    const res = await get(
      '/api/v1/compare?country=NER&admin1=Tillaberi&category=political_violence&measure=events&before=trailing30d&after=2023-07-27..2023-08-25&lang=fr',
    );
    const p = await problem(res, 400);
    expect(p.detail).toBe(
      "before : les régions n'ont que des décomptes hebdomadaires (les fenêtres en jours ne sont pas proposées pour les régions), qui ne sont jamais répartis par jour : 2023-06-27..2023-07-26 n'est pas une suite de semaines ACLED entières (du samedi au vendredi) : elle commence un mardi et finit un mercredi ; les plages de semaines entières les plus proches sont 2023-07-01..2023-07-21 (3 semaines), à l'intérieur et 2023-06-24..2023-07-28 (5 semaines), qui la couvre ; after : les régions n'ont que des décomptes hebdomadaires (les fenêtres en jours ne sont pas proposées pour les régions), qui ne sont jamais répartis par jour : 2023-07-27..2023-08-25 n'est pas une suite de semaines ACLED entières (du samedi au vendredi) : elle commence un jeudi ; les plages de semaines entières les plus proches sont 2023-07-29..2023-08-25 (4 semaines), à l'intérieur et 2023-07-22..2023-08-25 (5 semaines), qui la couvre",
    );
  });
});

describe('lang on /refresh', () => {
  const failed: RefreshRun = {
    at: '2026-12-02T06:00:00.000Z',
    by: 'workflow',
    window: { since: '2026-09-01', through: '2026-12-02' },
    countries: ['NER'],
    rows: { read: 0, accepted: 0, rejected: 0, duplicates: 0, byReason: {} },
    outcome: 'failed',
    reason: REFRESH_FAILURE_WORDS.en['no-access'],
    code: 'no-access',
    version: null,
  };
  const last = async (init?: RequestInit, q = '') => {
    const res = await get(`/api/v1/refresh${q}`, init);
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toBe('Accept-Language');
    expect(res.headers.get('cache-control')).toBe('no-store');
    return { lang: res.headers.get('content-language'), body: (await res.json()) as LastRefresh };
  };

  it("gives a failure's reason in French on lang=fr or Accept-Language; the code, fields and numbers stay", async () => {
    await env.SAHEL_KV.put(REFRESH_KEY, JSON.stringify(failed));
    const en = await last();
    expect(en).toEqual({ lang: 'en', body: { run: failed, served: ds.version } });
    const fr = await last(undefined, '?lang=fr');
    expect(fr.lang).toBe('fr');
    expect(fr.body.run!.reason).toBe(
      'ACLED a délivré un jeton mais refusé les données (HTTP 403) : le compte n’a pas encore accès à l’API ; demandez-le dans les paramètres du compte sur acleddata.com',
    );
    expect(fr.body).toEqual({ run: { ...failed, reason: fr.body.run!.reason }, served: ds.version });
    expect(await last({ headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } })).toEqual(fr);
    expect((await last({ headers: { 'accept-language': 'fr' } }, '?lang=en')).body.run!.reason).toBe(failed.reason);

    await env.SAHEL_KV.put(
      REFRESH_KEY,
      JSON.stringify({ ...failed, code: 'rate-limited', reason: 'ACLED rate-limited page 1 of NER events (HTTP 429)' }),
    );
    expect((await last(undefined, '?lang=fr')).body.run!.reason).toBe(
      'ACLED a limité le nombre de requêtes (HTTP 429) à chaque tentative ; la mise à jour sera retentée plus tard',
    );
  });

  it('a record without a code (written before codes) keeps its English reason, and says so', async () => {
    const { code: _, ...old } = failed;
    await env.SAHEL_KV.put(REFRESH_KEY, JSON.stringify(old));
    expect(await last(undefined, '?lang=fr')).toEqual({ lang: 'en', body: { run: old, served: ds.version } });
  });

  it('a run without a failure, or none at all, is in the language asked for; lang is checked', async () => {
    await env.SAHEL_KV.delete(REFRESH_KEY);
    expect(await last(undefined, '?lang=fr')).toEqual({ lang: 'fr', body: { run: null, served: ds.version } });
    await env.SAHEL_KV.put(REFRESH_KEY, JSON.stringify({ ...failed, outcome: 'unchanged', reason: null, code: null, version: ds.version }));
    expect((await last(undefined, '?lang=fr')).lang).toBe('fr');
    expect((await problem(await get('/api/v1/refresh?lang=de'), 400)).detail).toMatch(/lang/);
  });
});
