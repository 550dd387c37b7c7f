/**
 * One series as the overview and the country view show it (web/src/series-data.ts): subject,
 * title, the sentence on the latest complete month, notes, the line's data and the data table.
 */
import { describe, expect, it } from 'vitest';
import type { WeekSeries } from '../../model/api.ts';
import { change } from '../../model/change.ts';
import type { Catalogue, Point, SeriesDoc, SeriesInfo, SourceInfo, WeekPoint } from '../../model/types.ts';
import { en } from '../../web/src/messages.ts';
import {
  latestComparison,
  lineData,
  partialIndexes,
  partialNote,
  seriesSubject,
  seriesTable,
  seriesTitle,
  summarySentence,
  weekLineData,
  weekSeriesTitle,
  weekSummary,
  weekTable,
} from '../../web/src/series-data.ts';
import { seriesInfoFor, seriesNotes } from '../../web/src/views/country-data.ts';
import { CATALOGUE, ch, doc, NIGER, pt } from './fixtures.ts';

const SOURCES = [
  { id: 'events', coverage: { from: '2019-01-01', through: '2024-05-15' } },
  { id: 'explorer', coverage: { from: '2021-01-01', through: '2024-09-30' } },
] as SourceInfo[];

function vpt(month: string, value: number, extra: Partial<Point> = {}): Point {
  return { ...pt(month, value, null), ...extra };
}
const vdoc = (points: Point[]): SeriesDoc => doc(points);

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
      partialLabel: 'Partial month (lower bound)',
    });
  });
});

describe('weekly series', () => {
  const wk = (week: string, value: number, provisional: boolean, vsPrevious: WeekPoint['vsPrevious'] = null): WeekPoint => ({
    week,
    value,
    provisional,
    vsPrevious,
    mean4: null,
    vsMean4: null,
    mean52: null,
    vsMean52: null,
    vsYearAgo: null,
  });
  // Hand-made (not ACLED's figures): three weeks, the last two provisional.
  const weeks: WeekSeries = {
    dataset: CATALOGUE.dataset,
    unit: 'week',
    series: { ...NIGER, country: { iso3: 'NGA', name: 'Nigeria' }, admin1: null },
    source: 'acled-weekly-sahel5',
    weeks: { from: '1997-01-04', through: '2026-03-14', provisionalFrom: '2026-03-07' },
    points: [
      wk('2026-02-28', 20, false),
      wk('2026-03-07', 31, true, ch(20, 31, 55, 1.55)),
      wk('2026-03-14', 28, true, ch(31, 28, -9.7, 0.9)),
    ],
  };

  it('draws provisional weeks dashed, under their own legend entry', () => {
    expect(weekLineData(weeks.points)).toEqual({
      months: ['2026-02-28', '2026-03-07', '2026-03-14'],
      labels: ['Feb 2026', 'Mar 2026', 'Mar 2026'],
      complete: [20, null, null],
      partial: [20, 31, 28],
      partialRadius: [0, 4, 4],
      hasPartial: true,
      notes: [
        'Week 28 February–6 March 2026',
        'Week 7–13 March 2026 (provisional: ACLED may revise it)',
        'Week 14–20 March 2026 (provisional: ACLED may revise it)',
      ],
      partialLabel: en.provisionalLabel,
    });
  });

  it('words the latest week and tabulates the weeks with their flags', () => {
    expect(weekSummary(weeks)).toBe(
      'Political violence events in Nigeria: 28 in the week 14–20 March 2026 (provisional), against 31 the week before (also provisional).',
    );
    expect(weekSeriesTitle(weeks.series)).toBe('Political violence in Nigeria: events per ACLED week');
    expect(weekTable(weeks).rows).toEqual([
      ['28 February–6 March 2026', '20', 'n/a', ''],
      ['7–13 March 2026', '31', '+11 (+55%)', 'provisional (ACLED may revise)'],
      ['14–20 March 2026', '28', '-3 (-9.7%)', 'provisional (ACLED may revise)'],
    ]);
  });
});

describe('from the catalogue', () => {
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
});

describe('data table', () => {
  it('tabulates a series with its flags', () => {
    const t = seriesTable(
      vdoc([
        vpt('2024-01', 1200),
        vpt('2024-02', 5, { vsPrevious: change(1200, 5) }),
        vpt('2024-03', 9, { vsPrevious: change(5, 9), partial: true }),
      ]),
    );
    expect(t.head).toEqual(['Month', 'Events', 'Change vs previous month', 'Note']);
    expect(t.rows).toEqual([
      ['January 2024', '1,200', 'n/a', ''],
      ['February 2024', '5', '-1,195 (-99.6%)', ''],
      ['March 2024', '9', '+4 (+80%)', 'partial month (lower bound); low baseline'],
    ]);
    expect(partialIndexes([{ partial: false }, { partial: true }])).toEqual([1]);
  });
});
