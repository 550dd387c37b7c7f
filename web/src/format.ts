/**
 * The page's wording of numbers, changes, months and the credit line, on top of the one number
 * and date formatter (model/format.ts), in the page's language (lang.ts: "1,196" / "1 196",
 * "+48%" / "+48 %", "August 2023" / "août 2023"). Pure: no DOM.
 */
import type { Change } from '../../model/change.ts';
import { daySpan } from '../../model/day.ts';
import { fmtDate, fmtNum } from '../../model/format.ts';
import { monthLabel } from '../../model/month.ts';
import { weekEnd } from '../../model/week.ts';
import { LANG } from './lang.ts';
import { t } from './messages.ts';

/** A number as the page writes it. @example num(1196) === '1,196' ('1 196' in French) */
export const num = (n: number): string => fmtNum(n, LANG);
/** A day. @example fmtDay('2023-08-01') === '1 August 2023' ('1er août 2023') */
export const fmtDay = (d: string): string => fmtDate(d, LANG);
/** A month. @example fmtMonth('2023-08') === 'August 2023' ('août 2023') */
export const fmtMonth = (m: string): string => monthLabel(m, LANG);
/** Days from `from` to `to`. @example fmtDays('2026-02-21', '2026-03-20') === '21 February–20 March 2026' */
export const fmtDays = (from: string, to: string): string => daySpan(from, to, LANG);
/** An ACLED week (Saturday to Friday). @example fmtWeek('2026-03-14') === '14–20 March 2026' */
export const fmtWeek = (w: string): string => fmtDays(w, weekEnd(w));

/** A signed difference. @example fmtSigned(12) === '+12', fmtSigned(-4) === '-4', fmtSigned(0) === '0' */
export function fmtSigned(n: number): string {
  return n > 0 ? `+${num(n)}` : num(n);
}

/** A percent change, as the API's sentences write it ("+48%"; French "+48 %"). null (zero base) -> 'n/a'. */
export function fmtPct(pct: number | null): string {
  return pct === null ? t.na : `${fmtSigned(pct)}${LANG === 'fr' ? '\u202f%' : '%'}`;
}

/** A ratio. @example fmtRatio(1.48) === '1.48x' ('×1,48') */
export function fmtRatio(ratio: number | null): string {
  return ratio === null ? t.na : LANG === 'fr' ? `×${num(ratio)}` : `${ratio}x`;
}

/** @example '+12 (+48%)', '-1 (-20%, low baseline)', 'n/a' */
export function fmtChange(c: Change | null): string {
  if (!c) return t.na;
  return `${fmtSigned(c.abs)} (${fmtPct(c.pct)}${c.lowBaseline ? `, ${t.lowBaseline}` : ''})`;
}

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let shortFr: Intl.DateTimeFormat | undefined;

/** A month on a time axis. @example shortMonth('2023-07') === 'Jul 2023' ('juil. 2023') */
export function shortMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  if (LANG === 'en') return `${SHORT[mo - 1]} ${y}`;
  shortFr ??= new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return shortFr.format(Date.UTC(y, mo - 1, 1));
}

/** A mean or other fractional figure, to at most one decimal. @example fmtMean(31.47) === '31.5' */
export function fmtMean(x: number): string {
  return num(Math.round(x * 10) / 10);
}

/** The credit line every download and every view carries. */
export function creditLine(d: { credit: string; version: string; asOf: string }): string {
  return t.credit(d.credit, d.version, fmtDay(d.asOf));
}

/** @example lowerFirst('Political violence') === 'political violence' */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
