/**
 * Why a refresh from ACLED's API failed, as a code (kept in the run record beside the English
 * reason, RefreshRun.code) and as a sentence in each language: one typed catalogue, so that a
 * cause missing in one language is a type error. The record's `reason` keeps the details in
 * English (which page, which HTTP status); these sentences say the cause and what to do, and are
 * what a reader in another language is shown. Pure: imports only a leaf type.
 */
import type { Lang } from './lang.ts';

/** Every cause a refresh can fail with (data/refresh: acled.ts, core.ts, base.ts, steps.ts). */
export const REFRESH_FAILURES = [
  // No ACLED_USERNAME / ACLED_PASSWORD set.
  'no-credentials',
  // ACLED refused the username, password or token (HTTP 400 or 401).
  'credentials',
  // ACLED issued a token but refused the data (HTTP 403).
  'no-access',
  // HTTP 429 on every try.
  'rate-limited',
  // HTTP 5xx on every try.
  'acled-server',
  // No answer within the time allowed, on every try.
  'timeout',
  // The connection to ACLED failed.
  'unreachable',
  // ACLED answered with an error message (another HTTP 4xx, or `success: false`).
  'acled-error',
  // ACLED's answer could not be used (not JSON, no data list, no token).
  'bad-answer',
  // No dataset is published to refresh.
  'not-published',
  // The served version's stored base is missing or not a base.
  'no-base',
  // The window of dates or the countries asked for cannot be refreshed.
  'window',
  // The run's own staged results were missing or did not agree.
  'inconsistent',
  // Anything else (the run stopped, storage failed).
  'internal',
] as const;
export type RefreshFailure = (typeof REFRESH_FAILURES)[number];

export const isRefreshFailure = (s: unknown): s is RefreshFailure =>
  typeof s === 'string' && (REFRESH_FAILURES as readonly string[]).includes(s);

/** One sentence per cause (lower-case start: it follows "failed:" / "échec :"). */
export type RefreshFailureWords = Record<RefreshFailure, string>;

const en: RefreshFailureWords = {
  'no-credentials': 'no ACLED credentials are set: set ACLED_USERNAME and ACLED_PASSWORD (as secrets on Cloudflare)',
  credentials:
    'ACLED refused the username or password (HTTP 400 or 401): the password may have expired or changed; update ACLED_USERNAME / ACLED_PASSWORD',
  'no-access':
    'ACLED issued a token but refused data (HTTP 403): the account has no API access yet; request it in the account settings on acleddata.com',
  'rate-limited': 'ACLED rate-limited the requests (HTTP 429) on every try; the refresh will be tried again later',
  'acled-server': "ACLED's server failed (HTTP 5xx) on every try; the refresh will be tried again",
  timeout: 'ACLED did not answer in time on any try (ACLED unreachable or slow); the refresh will be tried again',
  unreachable: 'ACLED could not be reached (the connection failed); check ACLED_API_URL and the network',
  'acled-error': 'ACLED answered the request with an error',
  'bad-answer': "ACLED's answer could not be used (not JSON, or without the expected data)",
  'not-published': 'no dataset is published yet: publish one with npm run data:publish first',
  'no-base': 'the served version has no base to merge into: build and publish it again (npm run data:build && npm run data:publish)',
  window: 'the dates or countries asked for cannot be refreshed',
  inconsistent: "the run's intermediate results were missing or did not agree; the next scheduled run starts again",
  internal: 'the run stopped on an unexpected error',
};

const fr: RefreshFailureWords = {
  'no-credentials': 'aucun identifiant ACLED n’est configuré : renseignez ACLED_USERNAME et ACLED_PASSWORD (en secrets sur Cloudflare)',
  credentials:
    'ACLED a refusé le nom d’utilisateur ou le mot de passe (HTTP 400 ou 401) : le mot de passe a peut-être expiré ou changé ; mettez à jour ACLED_USERNAME / ACLED_PASSWORD',
  'no-access':
    'ACLED a délivré un jeton mais refusé les données (HTTP 403) : le compte n’a pas encore accès à l’API ; demandez-le dans les paramètres du compte sur acleddata.com',
  'rate-limited': 'ACLED a limité le nombre de requêtes (HTTP 429) à chaque tentative ; la mise à jour sera retentée plus tard',
  'acled-server': 'le serveur d’ACLED a échoué (HTTP 5xx) à chaque tentative ; la mise à jour sera retentée',
  timeout: 'ACLED n’a répondu à temps à aucune tentative (serveur injoignable ou trop lent) ; la mise à jour sera retentée',
  unreachable: 'impossible de joindre ACLED (la connexion a échoué) ; vérifiez ACLED_API_URL et le réseau',
  'acled-error': 'ACLED a répondu à la requête par une erreur',
  'bad-answer': 'la réponse d’ACLED est inutilisable (ce n’est pas du JSON, ou les données attendues manquent)',
  'not-published': 'aucun jeu de données n’est encore publié : publiez-en un d’abord avec npm run data:publish',
  'no-base':
    'la version servie n’a pas de base à laquelle fusionner les données : reconstruisez-la et publiez-la de nouveau (npm run data:build && npm run data:publish)',
  window: 'les dates ou les pays demandés ne peuvent pas être mis à jour',
  inconsistent:
    'des résultats intermédiaires de la mise à jour manquaient ou ne concordaient pas ; la prochaine mise à jour programmée reprendra de zéro',
  internal: 'la mise à jour s’est arrêtée sur une erreur inattendue',
};

export const REFRESH_FAILURE_WORDS: Record<Lang, RefreshFailureWords> = { en, fr };

/**
 * A run's reason in `lang`: the record's own (English, with its details) in English, else the
 * sentence for its code; null for a record that has none in that language (an old record
 * without a code), which the caller shows in English, marked as such.
 */
export function failureReason(run: { reason: string | null; code?: RefreshFailure | null | undefined }, lang: Lang): string | null {
  if (lang === 'en') return run.reason ?? (run.code ? en[run.code] : null);
  return run.code ? REFRESH_FAILURE_WORDS[lang][run.code] : null;
}
