/**
 * How the page's language is chosen (boot.ts runs it before the first paint): `lang` in the URL
 * wins, then the reader's remembered choice (the header's switch stores it), then the first of
 * English and French in the browser's languages (`navigator.languages`), else English. Pure.
 */
import type { Lang } from '../../model/lang.ts';

/** The localStorage key of the reader's choice. */
export const LANG_KEY = 'sahel-pulse:lang';

const known = (s: string | null | undefined): Lang | null => (s === 'en' || s === 'fr' ? s : null);

/** @example pickLang(null, null, ['fr-FR', 'en']) === 'fr', pickLang('en', 'fr', ['fr']) === 'en' */
export function pickLang(url: string | null, remembered: string | null, browser: readonly string[]): Lang {
  return known(url) ?? known(remembered) ?? known(browser.map((l) => l.slice(0, 2).toLowerCase()).find(known)) ?? 'en';
}
