/** Hand-made catalogue and series pieces shared by the page's unit tests (tests/web/**). */
import type { Change } from '../../model/change.ts';
import type { Catalogue, CountryEntry, Point, SeriesDoc, SeriesInfo, WeekPoint } from '../../model/types.ts';

export const DATASET = { version: 'v1', source: 'ACLED', credit: 'ACLED, www.acleddata.com', asOf: '2024-09-30' };

/** Niger with one region and an event-level category; Mali with neither. */
export const COUNTRIES: CountryEntry[] = [
  {
    iso3: 'NER',
    name: 'Niger',
    admin1: [{ name: 'Tillaberi', slug: 'tillaberi' }],
    categories: ['political_violence', 'battles', 'civilian_targeting'],
    months: { from: '2019-01', to: '2024-09' },
    partialMonths: [],
  },
  {
    iso3: 'MLI',
    name: 'Mali',
    admin1: [],
    categories: ['political_violence', 'battles'],
    months: { from: '2021-01', to: '2024-09' },
    partialMonths: [],
  },
];

export const CATALOGUE = {
  dataset: DATASET,
  countries: COUNTRIES,
  categories: [
    { id: 'political_violence', label: 'Political violence', definition: '', needs: 'event_type' },
    { id: 'battles', label: 'Battles', definition: '', needs: 'event_type' },
    { id: 'civilian_targeting', label: 'Civilian targeting', definition: '', needs: 'event' },
  ],
} as unknown as Catalogue;

/** A change with its low-baseline flag as the model sets it. */
export function ch(base: number, value: number, pct: number | null, ratio: number | null): Change {
  return { base, value, abs: value - base, pct, ratio, lowBaseline: base < 10 };
}

/** A month's point, with no baseline comparisons. */
export function pt(month: string, value: number, vsPrevious: Change | null, partial = false, source = 'explorer'): Point {
  return {
    month,
    value,
    source,
    partial,
    provisional: false,
    vsPrevious,
    mean3: null,
    vsMean3: null,
    mean12: null,
    vsMean12: null,
    vsYearAgo: null,
  };
}

export const NIGER: SeriesInfo = {
  country: { iso3: 'NER', name: 'Niger' },
  admin1: null,
  category: { id: 'political_violence', label: 'Political violence', definition: 'Battles, explosions, violence against civilians.' },
  measure: 'events',
};

export function doc(points: Point[], series: SeriesInfo = NIGER): SeriesDoc {
  return { dataset: DATASET, series, points };
}

/** Niger (a region, a partial month) and Burkina Faso (no regions): the catalogue the claim checks are read against. */
export const CHECK_COUNTRIES: CountryEntry[] = [
  {
    iso3: 'NER',
    name: 'Niger',
    admin1: [{ name: 'Tillaberi', slug: 'tillaberi' }],
    categories: ['political_violence', 'battles', 'civilian_targeting'],
    months: { from: '2019-01', to: '2024-09' },
    partialMonths: ['2024-05'],
  },
  {
    iso3: 'BFA',
    name: 'Burkina Faso',
    admin1: [],
    categories: ['political_violence'],
    months: { from: '2021-01', to: '2024-09' },
    partialMonths: [],
  },
];

/** A week point (model/weekly.ts's shape) with its value and no changes or means. */
export const wp = (week: string, value: number, provisional = false): WeekPoint => ({
  week,
  value,
  provisional,
  vsPrevious: null,
  mean4: null,
  vsMean4: null,
  mean52: null,
  vsMean52: null,
  vsYearAgo: null,
});
