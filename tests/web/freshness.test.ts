/** The header's freshness line (web/src/freshness.ts), from catalogue entries as the API serves them. */
import { describe, expect, it } from 'vitest';
import type { CountryEntry } from '../../model/types.ts';
import { freshnessLine } from '../../web/src/freshness.ts';

const week = { source: 'w', from: '1997-01-04', to: '2026-03-14', through: '2026-03-20', provisionalFrom: '2026-02-21', categories: [] };
const weekFresh = {
  unit: 'week' as const,
  source: 'w',
  from: '1997-01-04',
  through: '2026-03-20',
  provisional: { from: '2026-02-21', through: '2026-03-20' },
};
const monthFresh = (through: string) => ({
  unit: 'month' as const,
  source: 'm',
  from: '2021-01-01',
  through,
  provisional: { from: `${through.slice(0, 8)}01`, through },
});
const entry = (iso3: string, name: string, months: string[]): CountryEntry => ({
  iso3,
  name,
  admin1: [],
  categories: ['political_violence'],
  months: { from: '2021-01', to: '2024-09' },
  partialMonths: [],
  weeks: week,
  freshness: [monthFresh('2024-09-30'), ...months.map(monthFresh), weekFresh],
});

describe('freshness line', () => {
  it('says how far the weeks run and which are provisional, and each country’s newest month', () => {
    const line = freshnessLine([entry('BFA', 'Burkina Faso', []), entry('MLI', 'Mali', ['2026-04-22']), entry('NER', 'Niger', [])]);
    expect(line).toBe(
      'Data through 20 March 2026 (ACLED weeks; 21 February–20 March 2026 provisional). ' +
        'Months through 22 April 2026 (Mali), September 2024 (Burkina Faso, Niger).',
    );
  });

  it('names countries without weeks apart', () => {
    const noWeeks = { ...entry('TCD', 'Chad', []), weeks: null, freshness: [monthFresh('2024-09-30')] };
    expect(freshnessLine([entry('NGA', 'Nigeria', []), noWeeks])).toBe(
      'Data through 20 March 2026 (ACLED weeks, Nigeria; 21 February–20 March 2026 provisional). Months through September 2024 (Nigeria, Chad).',
    );
  });
});
