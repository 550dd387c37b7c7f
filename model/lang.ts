/**
 * The languages of the generated text: British English and French (four of the five countries
 * work in French). Ids, field names and numbers never change with the language; only words,
 * and how numbers and dates are written. Pure.
 */

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** The BCP 47 tag each language is formatted with (Intl) and announced with (Content-Language). */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

export const isLang = (s: string | undefined | null): s is Lang => s === 'en' || s === 'fr';

/**
 * The language of a request: `lang` when given, else the first language of `Accept-Language`
 * we offer (by q-value, ties in order), else English.
 * @example langOf(undefined, 'fr-CH, fr;q=0.9, en;q=0.8') === 'fr'
 */
export function langOf(lang: string | undefined, acceptLanguage: string | null | undefined): Lang {
  if (isLang(lang)) return lang;
  if (!acceptLanguage) return 'en';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of acceptLanguage.split(',').slice(0, 32)) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!isLang(primary) || !(q > 0)) continue;
    if (best === null || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'en';
}
