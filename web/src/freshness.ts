/**
 * The header's freshness line, from the catalogue (never written by hand): how far ACLED's
 * weekly counts run and which of their weeks are provisional, and how far each country's monthly
 * series run. Pure: no DOM.
 */
import { daysInMonth } from '../../model/month.ts';
import type { CountryEntry } from '../../model/types.ts';
import { fmtDay, fmtDays, fmtMonth } from './format.ts';
import { t } from './messages.ts';

/** Entries grouped by a key, in the order first seen, each with the countries that share it. */
function groups<T>(countries: readonly CountryEntry[], key: (c: CountryEntry) => T | null): { key: T; names: string[] }[] {
  const out = new Map<string, { key: T; names: string[] }>();
  for (const c of countries) {
    const k = key(c);
    if (k === null) continue;
    const id = JSON.stringify(k);
    const g = out.get(id) ?? { key: k, names: [] };
    g.names.push(t.country(c.name));
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
    const prov = g.key.provisional ? fmtDays(g.key.provisional.from, g.key.provisional.through) : null;
    return t.freshness.weeks(fmtDay(g.key.through), g.names.length === all ? [] : g.names, prov);
  });
  if (weekParts.length > 0) parts.push(t.freshness.dataThrough(weekParts));
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
      return `${whole ? fmtMonth(month) : fmtDay(g.key)} (${g.names.join(', ')})`;
    });
  if (monthGroups.length > 0) parts.push(t.freshness.monthsThrough(monthGroups));
  return parts.join(' ');
}
