/** The controls' choices (web/src/options.ts): a country's categories, the relations, a relation in words. */
import { describe, expect, it } from 'vitest';
import { categoryOptions } from '../../web/src/options.ts';
import { relationOptions, relationWording } from '../../web/src/relation-options.ts';
import { CATALOGUE } from './fixtures.ts';

describe('categories', () => {
  it('offers only the country’s categories, in catalogue order', () => {
    expect(categoryOptions(CATALOGUE, 'MLI')).toEqual([
      { value: 'political_violence', label: 'Political violence' },
      { value: 'battles', label: 'Battles' },
    ]);
    expect(categoryOptions(CATALOGUE, 'XXX')).toEqual([]);
  });
});

describe('relations in words', () => {
  it('words each relation with its threshold', () => {
    expect(relationWording('pct_increase_gt', '40')).toBe('rose by more than 40%');
    expect(relationWording('pct_decrease_gt', '30')).toBe('fell by more than 30%');
    expect(relationWording('ratio_gte', '4')).toBe('at least 4 times');
    expect(relationWording('ratio_gt', '2')).toBe('more than 2 times');
    expect(relationWording('value_gte', '6000')).toBe('at least 6000 in total');
  });

  it('offers none and the five relations, and keeps an unknown one from the URL as its own option', () => {
    expect(relationOptions(null)).toEqual([
      { value: '', label: 'None: compare only' },
      { value: 'pct_increase_gt', label: 'rose by more than N%' },
      { value: 'pct_decrease_gt', label: 'fell by more than N%' },
      { value: 'ratio_gte', label: 'at least N times' },
      { value: 'ratio_gt', label: 'more than N times' },
      { value: 'value_gte', label: 'at least N in total' },
    ]);
    expect(relationOptions('ratio_gt')).toHaveLength(6);
    expect(relationOptions('doubled').at(-1)).toEqual({ value: 'doubled', label: '“doubled” (not a relation)' });
  });
});
