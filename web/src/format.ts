/**
 * The page's wording of numbers, changes, months and the credit line, on top of the one number
 * and date formatter (model/format.ts). Pure: no DOM.
 */
import type { Measure } from '../../model/categories.ts';
import type { Change } from '../../model/change.ts';
import { fmtDate, fmtNum } from '../../model/format.ts';

/** A signed difference. @example fmtSigned(12) === '+12', fmtSigned(-4) === '-4', fmtSigned(0) === '0' */
export function fmtSigned(n: number): string {
  return n > 0 ? `+${fmtNum(n)}` : fmtNum(n);
}

/** A percent change, as the API's sentences write it. null (zero base) -> 'n/a'. */
export function fmtPct(pct: number | null): string {
  return pct === null ? 'n/a' : `${fmtSigned(pct)}%`;
}

/** A ratio. @example fmtRatio(1.48) === '1.48x' */
export function fmtRatio(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${ratio}x`;
}

/** @example '+12 (+48%)', '-1 (-20%, low baseline)', 'n/a' */
export function fmtChange(c: Change | null): string {
  if (!c) return 'n/a';
  return `${fmtSigned(c.abs)} (${fmtPct(c.pct)}${c.lowBaseline ? ', low baseline' : ''})`;
}

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month on a time axis. @example shortMonth('2023-07') === 'Jul 2023' */
export function shortMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return `${SHORT[mo - 1]} ${y}`;
}

/** A mean or other fractional figure, to at most one decimal. @example fmtMean(31.47) === '31.5' */
export function fmtMean(x: number): string {
  return fmtNum(Math.round(x * 10) / 10);
}

export const MEASURE_LABELS: Record<Measure, string> = { events: 'Events', fatalities: 'Reported fatalities' };

/** The credit line every download and every view carries. */
export function creditLine(d: { credit: string; version: string; asOf: string }): string {
  return `Source: ${d.credit} · dataset version ${d.version} · data as of ${fmtDate(d.asOf)}`;
}

/** @example lowerFirst('Political violence') === 'political violence' */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
