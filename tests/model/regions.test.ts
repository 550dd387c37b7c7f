import { describe, expect, it } from 'vitest';
import { ADMIN1_ALIASES, matchRegions, regionKey } from '../../model/regions.ts';

describe('admin1 names to outline names', () => {
  it('folds case, accents, hyphens, spaces and apostrophes', () => {
    expect(regionKey('Tillabéri')).toBe('tillaberi');
    expect(regionKey('Plateau-Central')).toBe(regionKey('Plateau Central'));
    expect(regionKey("N'Djamena")).toBe('ndjamena');
    expect(regionKey('Mayo-Kebbi Est')).toBe(regionKey('Mayo Kebbi Est'));
    expect(regionKey('OUADDAÏ')).toBe('ouaddai');
  });

  it('matches exactly, folded or through the alias table, and lists what matches nothing', () => {
    const m = matchRegions(
      'NGA',
      ['Borno', 'Nassarawa', 'Gulf of Guinea', 'Federal Capital Territory'],
      ['Borno', 'Nasarawa', 'Federal Capital Territory', 'Lagos'],
    );
    expect(m).toEqual({
      matched: [
        { name: 'Borno', outline: 'Borno', by: 'exact' },
        { name: 'Federal Capital Territory', outline: 'Federal Capital Territory', by: 'exact' },
        { name: 'Nassarawa', outline: 'Nasarawa', by: 'alias' },
      ],
      unmatched: ['Gulf of Guinea'],
      outlinesWithoutData: ['Lagos'],
    });
    expect(
      matchRegions('TCD', ['Ndjamena', 'Guera', 'Barh El Gazel'], ["N'Djamena", 'Guéra', 'Barh-El-Gazel']).matched.map((x) => x.by),
    ).toEqual(['folded', 'folded', 'folded']);
    // Aliases work both ways and only in their own country.
    expect(matchRegions('MLI', ['Koulikouro'], ['Koulikoro']).matched).toEqual([{ name: 'Koulikouro', outline: 'Koulikoro', by: 'alias' }]);
    expect(matchRegions('NER', ['Koulikoro'], ['Koulikouro']).unmatched).toEqual(['Koulikoro']);
    expect(Object.keys(ADMIN1_ALIASES).sort()).toEqual(['MLI', 'NGA']);
  });

  it('refuses outlines that would make a match ambiguous', () => {
    expect(() => matchRegions('BFA', ['Centre'], ['Centre-Est', 'Centre Est'])).toThrow('fold to the same name');
  });
});
