/** The API's paths of series (web/src/api-paths.ts): one series, JSON or CSV. */
import { describe, expect, it } from 'vitest';
import { seriesCsvPath, seriesPath } from '../../web/src/api-paths.ts';
import { DEFAULT_STATE } from '../../web/src/state.ts';

describe('series paths', () => {
  it('writes the API paths of a series', () => {
    const s = {
      ...DEFAULT_STATE,
      view: 'country',
      country: 'NER',
      category: 'battles',
      measure: 'fatalities',
      admin1: 'tillaberi',
    } as const;
    expect(seriesPath(s)).toBe('/api/v1/series?country=NER&category=battles&measure=fatalities&admin1=tillaberi');
    expect(seriesPath(s, { admin1: null })).toBe('/api/v1/series?country=NER&category=battles&measure=fatalities');
    expect(seriesPath({ ...s, admin1: null, from: '2023-01', to: '2023-06' }, { admin1: 'diffa' })).toBe(
      '/api/v1/series?country=NER&category=battles&measure=fatalities&admin1=diffa&from=2023-01&to=2023-06',
    );
    expect(seriesCsvPath(s)).toBe('/api/v1/series?country=NER&category=battles&measure=fatalities&admin1=tillaberi&format=csv');
  });
});
