/** The Compare view's API paths (web/src/views/compare-api.ts): the comparison and the check of a claim. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type ViewState } from '../../../web/src/state.ts';
import { checkPath, comparePath } from '../../../web/src/views/compare-api.ts';

const CHECK: ViewState = {
  ...DEFAULT_STATE,
  view: 'compare',
  category: 'civilian_targeting',
  before: '2023-07',
  after: '2023-08',
  relation: 'ratio_gte',
  threshold: '4',
};

describe('the compare route’s path', () => {
  it('writes the compare route’s path once both periods are set', () => {
    const s = {
      ...DEFAULT_STATE,
      view: 'country',
      country: 'NER',
      category: 'battles',
      measure: 'fatalities',
      admin1: 'tillaberi',
    } as const;
    expect(comparePath(s)).toBeNull();
    expect(comparePath({ ...s, before: '2023-06', after: '2023-07..2023-08', from: '2020-01' })).toBe(
      '/api/v1/compare?country=NER&category=battles&measure=fatalities&admin1=tillaberi&before=2023-06&after=2023-07..2023-08',
    );
    expect(comparePath({ ...s, before: '2023-06', after: '2023-07' }, 'csv')).toContain('&format=csv');
  });
});

describe('the check route’s path', () => {
  it('sends the chart’s measure, both periods, the relation and a plain-language wording', () => {
    expect(checkPath(CHECK)).toBe(
      '/api/v1/check?country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08&relation=ratio_gte&threshold=4&wording=at+least+4+times',
    );
  });

  it('reads both measures when asked, keeps the claim’s own wording and the region, and gives the CSV', () => {
    const s: ViewState = { ...CHECK, admin1: 'tillaberi', wording: 'quadrupled', bothMeasures: true, from: '2020-01' };
    expect(checkPath(s)).toBe(
      '/api/v1/check?country=NER&category=civilian_targeting&measure=events%2Cfatalities&admin1=tillaberi&before=2023-07&after=2023-08&relation=ratio_gte&threshold=4&wording=quadrupled',
    );
    expect(checkPath(s, 'csv')).toBe(`${checkPath(s)}&format=csv`);
  });

  it('leaves "before" out for value_gte, which reads "after" alone', () => {
    expect(checkPath({ ...CHECK, relation: 'value_gte', threshold: '40', measure: 'fatalities' })).toBe(
      '/api/v1/check?country=NER&category=civilian_targeting&measure=fatalities&after=2023-08&relation=value_gte&threshold=40&wording=at+least+40+in+total',
    );
  });

  it('passes a relation or threshold the API will refuse, so that its problem detail can be shown', () => {
    expect(checkPath({ ...CHECK, relation: 'doubled', threshold: 'abc' })).toBe(
      '/api/v1/check?country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08&relation=doubled&threshold=abc&wording=doubled+abc',
    );
  });

  it('is null without a relation, a threshold or an "after" period', () => {
    expect(checkPath({ ...CHECK, relation: null })).toBeNull();
    expect(checkPath({ ...CHECK, threshold: null })).toBeNull();
    expect(checkPath({ ...CHECK, after: null })).toBeNull();
  });
});
