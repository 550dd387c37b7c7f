import { describe, expect, it } from 'vitest';
import type { Change } from '../../data/model/change.ts';
import type { ClaimVerdict, ReadingResult } from '../../data/model/claims.ts';
import type { Catalogue, CountryEntry, Point, SeriesDoc, SeriesInfo, SourceInfo } from '../../data/model/types.ts';
import {
  categoryOptions,
  changeData,
  coupMarkers,
  fmtChange,
  fmtDate,
  fmtNum,
  fmtPct,
  fmtRatio,
  fmtSigned,
  latestComparison,
  lineData,
  partialNote,
  regionRanking,
  seriesInfoFor,
  seriesNotes,
  seriesSubject,
  seriesTitle,
  shortMonth,
  summarySentence,
} from '../../web/src/shape.ts';
import { claimDefinitions, holdsLabel, readingFigures, readingView } from '../../web/src/verdict.ts';
import { comparePath, parsePeriod, periodBounds, resolveState, seriesCsvPath, seriesPath, stateQuery } from '../../web/src/state.ts';

const DATASET = { version: 'v1', source: 'ACLED', credit: 'ACLED, www.acleddata.com', asOf: '2024-09-30' };

function ch(base: number, value: number, pct: number | null, ratio: number | null): Change {
  return { base, value, abs: value - base, pct, ratio, lowBaseline: base < 10 };
}

function pt(month: string, value: number, vsPrevious: Change | null, partial = false, source = 'explorer'): Point {
  return { month, value, source, partial, vsPrevious, mean3: null, vsMean3: null, mean12: null, vsMean12: null, vsYearAgo: null };
}

const NIGER: SeriesInfo = {
  country: { iso3: 'NER', name: 'Niger' },
  admin1: null,
  category: { id: 'political_violence', label: 'Political violence', definition: 'Battles, explosions, violence against civilians.' },
  measure: 'events',
};

function doc(points: Point[], series: SeriesInfo = NIGER): SeriesDoc {
  return { dataset: DATASET, series, points };
}

const SOURCES = [
  { id: 'events', coverage: { from: '2019-01-01', through: '2024-05-15' } },
  { id: 'explorer', coverage: { from: '2021-01-01', through: '2024-09-30' } },
] as SourceInfo[];

describe('formatting', () => {
  it('formats numbers, signs, percentages and ratios', () => {
    expect(fmtNum(0)).toBe('0');
    expect(fmtNum(1234567)).toBe('1,234,567');
    expect(fmtNum(-1234)).toBe('-1,234');
    expect(fmtNum(50.67)).toBe('50.67');
    expect(fmtNum(1.5)).toBe('1.5');
    expect(fmtSigned(12)).toBe('+12');
    expect(fmtSigned(-4)).toBe('-4');
    expect(fmtSigned(0)).toBe('0');
    expect(fmtPct(48)).toBe('+48%');
    expect(fmtPct(391.2)).toBe('+391.2%');
    expect(fmtPct(-20)).toBe('-20%');
    expect(fmtPct(0)).toBe('0%');
    expect(fmtPct(null)).toBe('n/a');
    expect(fmtRatio(1.48)).toBe('1.48x');
    expect(fmtRatio(null)).toBe('n/a');
  });

  it('formats months and dates', () => {
    expect(shortMonth('2023-07')).toBe('Jul 2023');
    expect(shortMonth('2024-12')).toBe('Dec 2024');
    expect(fmtDate('2024-05-15')).toBe('15 May 2024');
    expect(fmtDate('2023-07-01')).toBe('1 July 2023');
  });

  it('formats a change for the region table', () => {
    expect(fmtChange(ch(25, 37, 48, 1.48))).toBe('+12 (+48%)');
    expect(fmtChange(ch(5, 4, -20, 0.8))).toBe('-1 (-20%, low baseline)');
    expect(fmtChange(ch(0, 3, null, null))).toBe('+3 (n/a, low baseline)');
    expect(fmtChange(null)).toBe('n/a');
  });
});

describe('series wording', () => {
  it('names the subject as the claims do', () => {
    expect(seriesSubject(NIGER)).toBe('Political violence events in Niger');
    const region: SeriesInfo = { ...NIGER, admin1: { name: 'Tillaberi', slug: 'tillaberi' }, measure: 'fatalities' };
    expect(seriesSubject(region)).toBe('Political violence reported fatalities in Tillaberi (Niger)');
    expect(seriesTitle(region)).toBe('Political violence in Tillaberi (Niger): reported fatalities per month');
  });

  it('summarises the latest complete month against the previous one', () => {
    const d = doc([pt('2023-06', 40, null), pt('2023-07', 25, ch(40, 25, -37.5, 0.63)), pt('2023-08', 37, ch(25, 37, 48, 1.48))]);
    expect(summarySentence(d)).toBe('Political violence events in Niger rose from 25 in July 2023 to 37 in August 2023 (+48%).');
  });

  it('skips a trailing partial month', () => {
    const d = doc([pt('2024-03', 21, null), pt('2024-04', 14, ch(21, 14, -33.3, 0.67)), pt('2024-05', 11, null, true, 'events')]);
    expect(latestComparison(d.points)?.current.month).toBe('2024-04');
    expect(summarySentence(d)).toBe('Political violence events in Niger fell from 21 in March 2024 to 14 in April 2024 (-33.3%).');
  });

  it('words an unchanged month, a zero base, a lone month and an empty series', () => {
    expect(summarySentence(doc([pt('2024-01', 5, null), pt('2024-02', 5, ch(5, 5, 0, 1))]))).toBe(
      'Political violence events in Niger stayed at 5 from January 2024 to February 2024.',
    );
    expect(summarySentence(doc([pt('2024-01', 0, null), pt('2024-02', 3, ch(0, 3, null, null))]))).toBe(
      'Political violence events in Niger rose from 0 in January 2024 to 3 in February 2024 (no percentage: the base is zero).',
    );
    expect(summarySentence(doc([pt('2024-01', 7, null)]))).toBe('Political violence events in Niger in January 2024: 7.');
    expect(summarySentence(doc([pt('2024-05', 11, null, true)]))).toBe(
      'Political violence events in Niger: only partly covered months are available (May 2024: at least 11).',
    );
    expect(summarySentence(doc([]))).toBe('No data for political violence events in Niger.');
  });

  it('notes a low baseline and partial months', () => {
    const d = doc([
      pt('2024-03', 8, null, false, 'events'),
      pt('2024-04', 20, ch(8, 20, 150, 2.5), false, 'events'),
      pt('2024-05', 4, null, true, 'events'),
    ]);
    expect(partialNote(d.points[2]!, SOURCES)).toBe('Partial month: May 2024, source ends 15 May 2024 (the value is a lower bound).');
    expect(seriesNotes(d, SOURCES, 10)).toEqual([
      'Low baseline: fewer than 10 in March 2024, so percentages are unstable.',
      'Partial month: May 2024, source ends 15 May 2024 (the value is a lower bound).',
    ]);
    expect(partialNote(pt('2024-05', 1, null, true, 'unknown'), SOURCES)).toBe('Partial month: May 2024 (the value is a lower bound).');
  });
});

describe('chart data', () => {
  const points = [
    pt('2024-02', 30, ch(20, 30, 50, 1.5), false, 'events'),
    pt('2024-03', 21, ch(30, 21, -30, 0.7), false, 'events'),
    pt('2024-04', 24, ch(5, 24, 380, 4.8), false, 'events'),
    pt('2024-05', 11, null, true, 'events'),
  ];

  it('splits the line into complete and partial months', () => {
    expect(lineData(points, SOURCES)).toEqual({
      months: ['2024-02', '2024-03', '2024-04', '2024-05'],
      labels: ['Feb 2024', 'Mar 2024', 'Apr 2024', 'May 2024'],
      complete: [30, 21, 24, null],
      partial: [null, null, 24, 11],
      partialRadius: [0, 0, 0, 5],
      hasPartial: true,
      notes: [null, null, null, 'Partial month: May 2024, source ends 15 May 2024 (the value is a lower bound).'],
    });
  });

  it('splits month-over-month changes into rises, falls and low baselines, with gaps', () => {
    expect(changeData(points)).toEqual({
      labels: ['Feb 2024', 'Mar 2024', 'Apr 2024', 'May 2024'],
      rise: [10, null, null, null],
      fall: [null, -9, null, null],
      lowBaseline: [null, null, 19, null],
      hasLowBaseline: true,
      notes: ['20 -> 30 (+50%)', '30 -> 21 (-30%)', '5 -> 24 (+380%), low baseline', 'Partial month: not compared'],
    });
  });

  it('places coups inside the chart months only', () => {
    const months = ['2023-06', '2023-07', '2023-08'];
    expect(coupMarkers('NER', months)).toEqual([{ index: 1, label: 'Coup, 26 Jul 2023', date: '2023-07-26' }]);
    expect(coupMarkers('MLI', months)).toEqual([]);
    expect(coupMarkers('MLI', ['2020-08', '2021-05'])).toEqual([
      { index: 0, label: 'Coup, 18 Aug 2020', date: '2020-08-18' },
      { index: 1, label: 'Coup, 24 May 2021', date: '2021-05-24' },
    ]);
    expect(
      coupMarkers(
        'BFA',
        ['2022-01', '2022-09'],
        [{ country: 'BFA', date: '2022-09-30', label: 'x', kind: 'coup', source: 'https://example.org' }],
      ),
    ).toEqual([{ index: 1, label: 'x', date: '2022-09-30' }]);
  });
});

describe('region ranking', () => {
  const region = (slug: string, name: string, points: Point[]) => doc(points, { ...NIGER, admin1: { name, slug } });

  it('ranks regions on the latest month complete in all of them', () => {
    const docs = [
      region('diffa', 'Diffa', [pt('2024-03', 4, null), pt('2024-04', 8, ch(4, 8, 100, 2)), pt('2024-05', 1, null, true)]),
      region('tillaberi', 'Tillaberi', [pt('2024-03', 23, null), pt('2024-04', 19, ch(23, 19, -17.4, 0.83)), pt('2024-05', 5, null, true)]),
      region('agadez', 'Agadez', [pt('2024-03', 0, null), pt('2024-04', 8, ch(0, 8, null, null)), pt('2024-05', 0, null, true)]),
    ];
    expect(regionRanking(docs)).toEqual({
      month: '2024-04',
      rows: [
        { slug: 'tillaberi', name: 'Tillaberi', value: 19, change: ch(23, 19, -17.4, 0.83) },
        { slug: 'agadez', name: 'Agadez', value: 8, change: ch(0, 8, null, null) },
        { slug: 'diffa', name: 'Diffa', value: 8, change: ch(4, 8, 100, 2) },
      ],
    });
  });

  it('has no month when no month is complete everywhere', () => {
    const docs = [region('a', 'A', [pt('2024-04', 1, null)]), region('b', 'B', [pt('2024-04', 2, null, true)])];
    expect(regionRanking(docs)).toEqual({ month: null, rows: [] });
    expect(regionRanking([])).toEqual({ month: null, rows: [] });
  });
});

const COUNTRIES: CountryEntry[] = [
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

const CATALOGUE = {
  dataset: DATASET,
  countries: COUNTRIES,
  categories: [
    { id: 'political_violence', label: 'Political violence', definition: '', needs: 'event_type' },
    { id: 'battles', label: 'Battles', definition: '', needs: 'event_type' },
    { id: 'civilian_targeting', label: 'Civilian targeting', definition: '', needs: 'event' },
  ],
} as unknown as Catalogue;

describe('controls and claims', () => {
  it('offers only the country’s categories, in catalogue order', () => {
    expect(categoryOptions(CATALOGUE, 'MLI')).toEqual([
      { value: 'political_violence', label: 'Political violence' },
      { value: 'battles', label: 'Battles' },
    ]);
    expect(categoryOptions(CATALOGUE, 'XXX')).toEqual([]);
  });

  it('says what a series is from the catalogue alone, as the series will', () => {
    const catalogue = {
      ...CATALOGUE,
      categories: [{ id: 'civilian_targeting', label: 'Civilian targeting', definition: 'Events targeting civilians.', needs: 'event' }],
    } as Catalogue;
    const info = seriesInfoFor(catalogue, { country: 'NER', admin1: 'tillaberi', category: 'civilian_targeting', measure: 'fatalities' });
    expect(info).toEqual({
      country: { iso3: 'NER', name: 'Niger' },
      admin1: { name: 'Tillaberi', slug: 'tillaberi' },
      category: { id: 'civilian_targeting', label: 'Civilian targeting', definition: 'Events targeting civilians.' },
      measure: 'fatalities',
    });
    expect(seriesTitle(info!)).toBe('Civilian targeting in Tillaberi (Niger): reported fatalities per month');
    expect(seriesInfoFor(CATALOGUE, { country: 'MLI', admin1: null, category: 'battles', measure: 'events' })).toEqual({
      country: { iso3: 'MLI', name: 'Mali' },
      admin1: null,
      category: { id: 'battles', label: 'Battles', definition: '' },
      measure: 'events',
    });
    // Not in the catalogue: a country, a region, a category the country lacks.
    expect(seriesInfoFor(CATALOGUE, { country: 'XXX', admin1: null, category: 'battles', measure: 'events' })).toBeNull();
    expect(seriesInfoFor(CATALOGUE, { country: 'NER', admin1: 'dosso', category: 'battles', measure: 'events' })).toBeNull();
    expect(seriesInfoFor(CATALOGUE, { country: 'MLI', admin1: null, category: 'civilian_targeting', measure: 'events' })).toBeNull();
  });

  const reading: ReadingResult = {
    country: 'NER',
    admin1: 'Tillaberi',
    category: 'civilian_targeting',
    measure: 'fatalities',
    before: '2023-07',
    after: '2023-08',
    relation: { kind: 'ratio_gte', value: 1.5, wording: 'surged' },
    place: 'Tillaberi (Niger)',
    definition: 'def A',
    beforeValue: 8,
    afterValue: 42,
    change: ch(8, 42, 425, 5.25),
    holds: true,
    caveats: ['low baseline'],
    sentence: 's',
  };

  it('lists a reading’s figures', () => {
    expect(readingFigures(reading)).toEqual([
      ['July 2023', '8'],
      ['August 2023', '42'],
      ['Change', '+34 (+425%)'],
      ['Ratio', '5.25x'],
      ['Test', 'surged'],
    ]);
    const single: ReadingResult = {
      ...reading,
      before: null,
      beforeValue: null,
      change: null,
      relation: { kind: 'value_gte', value: 40, wording: 'at least 40' },
    };
    expect(readingFigures(single)).toEqual([
      ['August 2023', '42'],
      ['Test', 'at least 40'],
    ]);
    expect(readingFigures({ ...reading, afterValue: null, change: null })[1]).toEqual(['August 2023', 'no data']);
  });

  it('labels holds and maps a reading to a view', () => {
    expect([true, false, null].map(holdsLabel)).toEqual(['Holds', 'Does not hold', 'Cannot be decided']);
    expect(readingView(reading, CATALOGUE)).toEqual({
      country: 'NER',
      category: 'civilian_targeting',
      measure: 'fatalities',
      admin1: 'tillaberi',
    });
    expect(readingView({ ...reading, admin1: 'Nowhere' }, CATALOGUE)).toBeNull();
    expect(readingView({ ...reading, country: 'MLI', admin1: null }, CATALOGUE)).toBeNull();
  });

  it('lists distinct definitions', () => {
    const claim = { readings: [reading, reading, { ...reading, definition: 'def B' }] } as ClaimVerdict;
    expect(claimDefinitions(claim)).toEqual(['def A', 'def B']);
  });
});

describe('URL state', () => {
  const base = {
    view: 'overview',
    from: null,
    to: null,
    sameScale: false,
    before: null,
    after: null,
    relation: null,
    threshold: null,
    wording: null,
    bothMeasures: false,
  } as const;

  it('defaults to the overview of Niger, political violence, events', () => {
    expect(resolveState(new URLSearchParams(''), COUNTRIES)).toEqual({
      ...base,
      country: 'NER',
      category: 'political_violence',
      measure: 'events',
      admin1: null,
    });
  });

  it('keeps a valid state and corrects an invalid one', () => {
    const ok = resolveState(new URLSearchParams('country=NER&category=civilian_targeting&measure=fatalities&admin1=tillaberi'), COUNTRIES);
    expect(ok).toEqual({ ...base, country: 'NER', category: 'civilian_targeting', measure: 'fatalities', admin1: 'tillaberi' });
    const bad = resolveState(
      new URLSearchParams(
        'view=map&country=mli&category=civilian_targeting&measure=deaths&admin1=tillaberi&from=2023-13&before=2024-01..2023-01',
      ),
      COUNTRIES,
    );
    expect(bad).toEqual({ ...base, country: 'MLI', category: 'political_violence', measure: 'events', admin1: null });
    expect(resolveState(new URLSearchParams('country=XXX'), COUNTRIES).country).toBe('NER');
  });

  it('reads the view, range, scale and compare periods; swaps a reversed range', () => {
    const s = resolveState(
      new URLSearchParams(
        'view=compare&country=NER&category=battles&measure=events&from=2024-01&to=2023-01&scale=same&before=2023-01..2023-03&after=2024-02..2024-02',
      ),
      COUNTRIES,
    );
    expect(s).toMatchObject({
      view: 'compare',
      from: '2023-01',
      to: '2024-01',
      sameScale: true,
      before: '2023-01..2023-03',
      after: '2024-02',
    });
  });

  it('round-trips every state through the query', () => {
    const states = [
      { ...base, country: 'NER', category: 'battles', measure: 'fatalities', admin1: 'tillaberi' },
      {
        ...base,
        view: 'country',
        country: 'MLI',
        category: 'political_violence',
        measure: 'events',
        admin1: null,
        from: '2020-01',
        to: '2022-12',
      },
      {
        ...base,
        view: 'compare',
        country: 'NER',
        category: 'battles',
        measure: 'events',
        admin1: null,
        before: '2023-06',
        after: '2023-08..2023-10',
      },
      { ...base, sameScale: true, country: 'NER', category: 'political_violence', measure: 'events', admin1: null },
    ] as const;
    for (const s of states) expect(resolveState(new URLSearchParams(stateQuery(s)), COUNTRIES)).toEqual(s);
  });

  it('parses periods', () => {
    expect(parsePeriod('2023-07')).toBe('2023-07');
    expect(parsePeriod('2023-05..2023-07')).toBe('2023-05..2023-07');
    expect(parsePeriod('2023-07..2023-07')).toBe('2023-07');
    expect(parsePeriod('2023-07..2023-05')).toBeNull();
    expect(parsePeriod('2023-7')).toBeNull();
    expect(parsePeriod('trailing12')).toBeNull();
    expect(periodBounds('2023-05..2023-07')).toEqual(['2023-05', '2023-07']);
    expect(periodBounds('2023-05')).toEqual(['2023-05', '2023-05']);
  });

  it('writes the query and the API paths', () => {
    const s = { ...base, view: 'country', country: 'NER', category: 'battles', measure: 'fatalities', admin1: 'tillaberi' } as const;
    expect(stateQuery(s)).toBe('?view=country&country=NER&category=battles&measure=fatalities&admin1=tillaberi');
    expect(stateQuery({ ...s, admin1: null, from: '2023-01' }, { embed: '1' })).toBe(
      '?view=country&country=NER&category=battles&measure=fatalities&from=2023-01&embed=1',
    );
    expect(seriesPath(s)).toBe('/api/v1/series?country=NER&category=battles&measure=fatalities&admin1=tillaberi');
    expect(seriesPath(s, { admin1: null })).toBe('/api/v1/series?country=NER&category=battles&measure=fatalities');
    expect(seriesPath({ ...s, admin1: null, from: '2023-01', to: '2023-06' }, { admin1: 'diffa' })).toBe(
      '/api/v1/series?country=NER&category=battles&measure=fatalities&admin1=diffa&from=2023-01&to=2023-06',
    );
    expect(seriesCsvPath(s)).toBe('/api/v1/series?country=NER&category=battles&measure=fatalities&admin1=tillaberi&format=csv');
    expect(comparePath(s)).toBeNull();
    expect(comparePath({ ...s, before: '2023-06', after: '2023-07..2023-08', from: '2020-01' })).toBe(
      '/api/v1/compare?country=NER&category=battles&measure=fatalities&admin1=tillaberi&before=2023-06&after=2023-07..2023-08',
    );
    expect(comparePath({ ...s, before: '2023-06', after: '2023-07' }, 'csv')).toContain('&format=csv');
  });
});
