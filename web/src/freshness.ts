/**
 * The header's freshness line, from the catalogue (never written by hand): how far ACLED's
 * weekly counts run and which of their weeks are provisional, and how far each country's monthly
 * series run. Pure: no DOM.
 */
import { daySpan } from '../../model/day.ts';
import { fmtDate } from '../../model/format.ts';
import { daysInMonth, monthLabel } from '../../model/month.ts';
import type { CountryEntry } from '../../model/types.ts';

/** "Burkina Faso, Chad and Niger". */
function names(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
}

/** Entries grouped by a key, in the order first seen, each with the countries that share it. */
function groups<T>(countries: readonly CountryEntry[], key: (c: CountryEntry) => T | null): { key: T; names: string[] }[] {
  const out = new Map<string, { key: T; names: string[] }>();
  for (const c of countries) {
    const k = key(c);
    if (k === null) continue;
    const id = JSON.stringify(k);
    const g = out.get(id) ?? { key: k, names: [] };
    g.names.push(c.name);
    out.set(id, g);
  }
  return [...out.values()];
}

/**
 * Short, as it sits in the header of every view (four lines at most on a phone; room is kept for them).
 * @example 'Data through 20 March 2026 (ACLED weeks; 21 February–20 March 2026 provisional). Months through 22 April 2026 (Mali), September 2024 (Burkina Faso, Chad, Niger, Nigeria).'
 */
export function freshnessLine(countries: readonly CountryEntry[]): string {
  const parts: string[] = [];
  const all = countries.length;
  const weekGroups = groups(countries, (c) =>
    c.weeks ? { through: c.weeks.through, provisional: c.freshness?.find((f) => f.unit === 'week')?.provisional ?? null } : null,
  );
  const weekParts = weekGroups.map((g) => {
    const who = g.names.length === all ? '' : `, ${names(g.names)}`;
    const prov = g.key.provisional ? `; ${daySpan(g.key.provisional.from, g.key.provisional.through)} provisional` : '';
    return `${fmtDate(g.key.through)} (ACLED weeks${who}${prov})`;
  });
  if (weekParts.length > 0) parts.push(`Data through ${weekParts.join('; ')}.`);
  // Each country's newest monthly data: the last day any monthly source covers.
  const monthGroups = groups(countries, (c) => {
    const through = (c.freshness ?? [])
      .filter((f) => f.unit === 'month')
      .map((f) => f.through)
      .sort()
      .at(-1);
    return through ?? null;
  })
    .sort((a, b) => (a.key < b.key ? 1 : -1))
    .map((g) => {
      const month = g.key.slice(0, 7);
      const whole = Number(g.key.slice(8, 10)) === daysInMonth(month);
      return `${whole ? monthLabel(month) : fmtDate(g.key)} (${g.names.join(', ')})`;
    });
  if (monthGroups.length > 0) parts.push(`Months through ${monthGroups.join(', ')}.`);
  return parts.join(' ');
}
