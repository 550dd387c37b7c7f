/**
 * The page's language, as boot.js chose it and wrote it on <html lang> (lang-pick.ts). It does not
 * change while the page is open: the header's switch loads the page again in the other language.
 */
import type { Lang } from '../../model/lang.ts';
import { stateQuery, type ViewState } from './state.ts';

// Outside a browser (the shaping code's unit tests) the page is English.
const html = typeof document === 'undefined' ? null : document.documentElement;
export const LANG: Lang = html?.lang === 'fr' ? 'fr' : 'en';

/** The URL named the language: it stays in the URLs the page writes (a remembered French must not win over it on reload). */
const named = html !== null && new URLSearchParams(location.search).has('lang');

/** What every URL the page writes (address bar, share link, embed) adds to keep the language: `lang=fr`; English, the default, only when the URL named it. */
export const langParams = (): Record<string, string> => (LANG === 'fr' || named ? { lang: LANG } : {});

/** A state's URL query, with the language (state.ts's stateQuery and langParams). */
export const pageQuery = (s: ViewState, extra: Record<string, string> = {}): string => stateQuery(s, { ...langParams(), ...extra });
