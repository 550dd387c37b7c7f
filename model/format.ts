/**
 * Numbers and days as every reader sees them, built on Intl: British English ("1,196",
 * "26 July 2023") or French ("1 196", "26 juillet 2023", "1er août 2023"). Pure: Intl is part of
 * the language, in Node, workerd and browsers alike.
 */
import { type Lang, LOCALES } from './lang.ts';
import { MONTH_NAMES } from './month.ts';

// Made once per language, when first used (constructing an Intl formatter costs far more than
// formatting with it; French ones are never made on a page or request in English).
const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const formatter = <F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F => {
  let f = made.get(key) as F | undefined;
  if (!f) made.set(key, (f = make()));
  return f;
};
/**
 * At most `digits` decimals, a value that rounds to 0 written "0", never "-0": two for display,
 * four in generated sentences (counts are integers, means and changes are rounded to two
 * decimals, a claim's threshold may have four), so every such number is written exactly.
 */
const number = (lang: Lang, digits: 2 | 4) =>
  formatter(`n${digits}${lang}`, () => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, signDisplay: 'negative' }));
/** Days are UTC calendar days: no time zone may move one to the day before. */
const dayFormat = (lang: Lang) =>
  formatter(`d${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));

/**
 * English numbers written without Intl, as Intl's en-GB formatter above writes them (the tests
 * compare the two on random numbers): the first Intl formatter a browser page makes loads the
 * locale's data, a long task on a phone, and an English page need not make any. Intl's rounding:
 * half away from zero, on the shortest decimal form of the number (String(n)). null for what this
 * does not write (exponent forms, non-finite numbers): Intl writes those.
 */
function enNumber(n: number, digits: 2 | 4): string | null {
  const s = String(Math.abs(n));
  if (!Number.isFinite(n) || s.includes('e')) return null;
  const [int, frac = ''] = s.split('.') as [string, string?];
  let whole = int;
  let part = frac.slice(0, digits);
  if (frac.length > digits && frac.charCodeAt(digits) >= 53 /* '5' */) {
    // Add one unit in the last kept place, carrying through the digits.
    const ds = (whole + part).split('').map(Number);
    let i = ds.length - 1;
    while (i >= 0 && ds[i] === 9) ds[i--] = 0;
    if (i < 0) ds.unshift(1);
    else ds[i]! += 1;
    const all = ds.join('');
    whole = all.slice(0, all.length - part.length);
    part = all.slice(all.length - part.length);
  }
  part = part.replace(/0+$/, '');
  const body = `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${part ? `.${part}` : ''}`;
  return n < 0 && /[1-9]/.test(body) ? `-${body}` : body;
}

/** @example fmtNum(1234) === '1,234', fmtNum(50.671) === '50.67', fmtNum(-4) === '-4' */
export function fmtNum(n: number, lang: Lang = 'en'): string {
  return (lang === 'en' ? enNumber(n, 2) : null) ?? number(lang, 2).format(n);
}

/** A number in a generated sentence, written exactly. @example fmtExact(5924) === '5,924', fmtExact(2.555) === '2.555' */
export function fmtExact(n: number, lang: Lang = 'en'): string {
  return (lang === 'en' ? enNumber(n, 4) : null) ?? number(lang, 4).format(n);
}

/**
 * A `YYYY-MM-DD` day in words; in French the first of a month is "1er".
 * @example fmtDate('2024-05-15') === '15 May 2024', fmtDate('2023-08-01', 'fr') === '1er août 2023'
 */
export function fmtDate(day: string, lang: Lang = 'en'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // English without Intl (see enNumber), as Intl writes it: '15 May 2024'.
  const real = y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (lang === 'en' && real) return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
  const s = dayFormat(lang).format(Date.UTC(y, m - 1, d));
  return lang === 'fr' && d === 1 ? s.replace(/^1 /, '1er ') : s;
}
