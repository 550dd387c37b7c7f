import { describe, expect, it } from 'vitest';
import { LANGS } from '../../model/lang.ts';
import { failureReason, REFRESH_FAILURE_WORDS, REFRESH_FAILURES } from '../../model/refresh-failures.ts';

describe('refresh failure causes', () => {
  it('every cause has its own sentence in each language, and the French is French', () => {
    for (const lang of LANGS) {
      const said = REFRESH_FAILURES.map((c) => REFRESH_FAILURE_WORDS[lang][c]);
      expect(new Set(said).size, lang).toBe(REFRESH_FAILURES.length);
      for (const s of said) expect(s, lang).toMatch(/^[a-zAI]/);
    }
    for (const c of REFRESH_FAILURES) expect(REFRESH_FAILURE_WORDS.fr[c], c).not.toBe(REFRESH_FAILURE_WORDS.en[c]);
    // No sentence-length run of English words in the French (the env names and commands are code, not words).
    for (const c of REFRESH_FAILURES)
      expect(REFRESH_FAILURE_WORDS.fr[c], c).not.toMatch(/\b(the|refresh|failed|again|could|not|answer|with|was)\b/);
  });

  it('gives each cause in both languages, exactly', () => {
    expect(Object.fromEntries(REFRESH_FAILURES.map((c) => [c, [REFRESH_FAILURE_WORDS.en[c], REFRESH_FAILURE_WORDS.fr[c]]]))).toEqual({
      'no-credentials': [
        'no ACLED credentials are set: set ACLED_USERNAME and ACLED_PASSWORD (as secrets on Cloudflare)',
        'aucun identifiant ACLED n’est configuré : renseignez ACLED_USERNAME et ACLED_PASSWORD (en secrets sur Cloudflare)',
      ],
      credentials: [
        'ACLED refused the username or password (HTTP 400 or 401): the password may have expired or changed; update ACLED_USERNAME / ACLED_PASSWORD',
        'ACLED a refusé le nom d’utilisateur ou le mot de passe (HTTP 400 ou 401) : le mot de passe a peut-être expiré ou changé ; mettez à jour ACLED_USERNAME / ACLED_PASSWORD',
      ],
      'no-access': [
        'ACLED issued a token but refused data (HTTP 403): the account has no API access yet; request it in the account settings on acleddata.com',
        'ACLED a délivré un jeton mais refusé les données (HTTP 403) : le compte n’a pas encore accès à l’API ; demandez-le dans les paramètres du compte sur acleddata.com',
      ],
      'rate-limited': [
        'ACLED rate-limited the requests (HTTP 429) on every try; the refresh will be tried again later',
        'ACLED a limité le nombre de requêtes (HTTP 429) à chaque tentative ; la mise à jour sera retentée plus tard',
      ],
      'acled-server': [
        "ACLED's server failed (HTTP 5xx) on every try; the refresh will be tried again",
        'le serveur d’ACLED a échoué (HTTP 5xx) à chaque tentative ; la mise à jour sera retentée',
      ],
      timeout: [
        'ACLED did not answer in time on any try (ACLED unreachable or slow); the refresh will be tried again',
        'ACLED n’a répondu à temps à aucune tentative (serveur injoignable ou trop lent) ; la mise à jour sera retentée',
      ],
      unreachable: [
        'ACLED could not be reached (the connection failed); check ACLED_API_URL and the network',
        'impossible de joindre ACLED (la connexion a échoué) ; vérifiez ACLED_API_URL et le réseau',
      ],
      'acled-error': ['ACLED answered the request with an error', 'ACLED a répondu à la requête par une erreur'],
      'bad-answer': [
        "ACLED's answer could not be used (not JSON, or without the expected data)",
        'la réponse d’ACLED est inutilisable (ce n’est pas du JSON, ou les données attendues manquent)',
      ],
      'not-published': [
        'no dataset is published yet: publish one with npm run data:publish first',
        'aucun jeu de données n’est encore publié : publiez-en un d’abord avec npm run data:publish',
      ],
      'no-base': [
        'the served version has no base to merge into: build and publish it again (npm run data:build && npm run data:publish)',
        'la version servie n’a pas de base à laquelle fusionner les données : reconstruisez-la et publiez-la de nouveau (npm run data:build && npm run data:publish)',
      ],
      window: ['the dates or countries asked for cannot be refreshed', 'les dates ou les pays demandés ne peuvent pas être mis à jour'],
      inconsistent: [
        "the run's intermediate results were missing or did not agree; the next scheduled run starts again",
        'des résultats intermédiaires de la mise à jour manquaient ou ne concordaient pas ; la prochaine mise à jour programmée reprendra de zéro',
      ],
      internal: ['the run stopped on an unexpected error', 'la mise à jour s’est arrêtée sur une erreur inattendue'],
    });
  });

  it("a run's reason: the recorded English with its details, the code's sentence in French, none for an old record in French", () => {
    const recorded = 'ACLED rate-limited page 1 of NER events (HTTP 429); the refresh will be tried again later';
    expect(failureReason({ reason: recorded, code: 'rate-limited' }, 'en')).toBe(recorded);
    expect(failureReason({ reason: recorded, code: 'rate-limited' }, 'fr')).toBe(REFRESH_FAILURE_WORDS.fr['rate-limited']);
    expect(failureReason({ reason: recorded }, 'en')).toBe(recorded);
    expect(failureReason({ reason: recorded }, 'fr')).toBeNull();
    expect(failureReason({ reason: recorded, code: null }, 'fr')).toBeNull();
    expect(failureReason({ reason: null, code: null }, 'fr')).toBeNull();
  });
});
