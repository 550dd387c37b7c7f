/** The Compare view's shaping (web/src/views/compare-data.ts): its title, the prompt for N, the comparison card's figures. */
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../model/api.ts';
import { change } from '../../../model/change.ts';
import type { Catalogue } from '../../../model/types.ts';
import { DEFAULT_STATE, type ViewState } from '../../../web/src/state.ts';
import { checkPrompt, compareTitle, comparisonFigures } from '../../../web/src/views/compare-data.ts';

const CATALOGUE = {
  countries: [{ iso3: 'NER', name: 'Niger', admin1: [{ name: 'Tillaberi', slug: 'tillaberi' }] }],
  categories: [{ id: 'civilian_targeting', label: 'Civilian targeting' }],
} as unknown as Catalogue;
const S: ViewState = { ...DEFAULT_STATE, view: 'compare', category: 'civilian_targeting', before: '2023-07', after: '2023-08' };

describe('the Compare view’s title', () => {
  it('names the two periods compared, or the claim checked in its own words or in plain language', () => {
    expect(compareTitle(S, CATALOGUE)).toBe('Civilian targeting events in Niger: two periods compared');
    expect(compareTitle({ ...S, measure: 'fatalities', admin1: 'tillaberi' }, CATALOGUE)).toBe(
      'Civilian targeting reported fatalities in Tillaberi (Niger): two periods compared',
    );
    expect(compareTitle({ ...S, relation: 'ratio_gte', threshold: '4' }, CATALOGUE)).toBe(
      'Civilian targeting in Niger: “at least 4 times” checked',
    );
    expect(compareTitle({ ...S, relation: 'ratio_gte', threshold: '4', wording: 'quadrupled' }, CATALOGUE)).toBe(
      'Civilian targeting in Niger: “quadrupled” checked',
    );
  });

  it('asks for N when a relation has none, naming the relation as the select does', () => {
    expect(checkPrompt({ relation: 'ratio_gte', threshold: null })).toBe(
      'Enter N for “at least N times” to check the claim; meanwhile, the two periods compared:',
    );
    expect(checkPrompt({ relation: 'doubled', threshold: null })).toBe(
      'Enter N for ““doubled” (not a relation)” to check the claim; meanwhile, the two periods compared:',
    );
    expect(checkPrompt({ relation: 'ratio_gte', threshold: '4' })).toBeNull();
    expect(checkPrompt({ relation: null, threshold: null })).toBeNull();
  });
});

describe('the comparison card’s figures', () => {
  const period = (p: string, value: number, partial = false) => ({
    period: p,
    unit: 'month' as const,
    from: p.slice(0, 7),
    to: p.slice(-7),
    months: 1,
    total: value,
    value,
    partial,
    provisional: false,
    counts: 'monthly' as const,
    sources: ['explorer'],
  });
  const band = { band: 'much_higher' as const, label: 'Much higher', definition: 'At least 1.5 times the baseline.', settled: true };
  const r = (over: Partial<CompareResult>): CompareResult => ({
    dataset: { version: 'v1', source: 'ACLED', credit: 'ACLED', asOf: '2024-09-30' },
    series: {
      country: { iso3: 'NER', name: 'Niger' },
      admin1: null,
      category: { id: 'civilian_targeting', label: 'Civilian targeting', definition: '' },
      measure: 'events',
    },
    basis: 'total',
    before: period('2023-07', 6),
    after: period('2023-08', 1250),
    change: change(6, 1250),
    trend: band,
    caveats: [],
    sentence: '',
    ...over,
  });

  it('gives both periods, the change, the ratio and the band; the basis when the periods differ in length', () => {
    expect(comparisonFigures(r({}), band)).toEqual([
      ['Before: July 2023', '6'],
      ['After: August 2023', '1,250'],
      ['Change', '+1,244 (+20,733.3%)'],
      ['Ratio', '208.33x'],
      ['Band', 'Much higher: At least 1.5 times the baseline.'],
    ]);
    const means = r({ basis: 'monthly_mean', before: period('2023-01..2023-06', 12.5), after: period('2023-08', 30, true), change: null });
    expect(comparisonFigures(means, band)).toEqual([
      ['Before: January–June 2023', '12.5'],
      ['After: August 2023', '30 (partial)'],
      ['Compared', 'monthly means (the periods differ in length)'],
      ['Band', 'Much higher: At least 1.5 times the baseline.'],
    ]);
  });
});
