/**
 * Checking a claim from the Compare view: the claim's URL parameters (relation, threshold,
 * wording, readings) round-trip, the check route's path is built from the state, a headline
 * claim maps to the Compare view that checks it, and the verdict card's text comes from a verdict
 * object computed by data/model/claims.ts on hand-made series.
 */
import { describe, expect, it } from 'vitest';
import { category } from '../../data/model/categories.ts';
import { type Claim, evaluateClaim, type Reading } from '../../data/model/claims.ts';
import { TREND_DEFINITIONS } from '../../data/model/trend.ts';
import type { Catalogue, CountryEntry, SeriesDoc } from '../../data/model/types.ts';
import { relationOptions, relationWording } from '../../web/src/shape.ts';
import { claimCheck, readingBand, verdictCardText } from '../../web/src/verdict.ts';
import {
  checkPath,
  DEFAULT_STATE,
  hasCheck,
  hasDays,
  periodInUnit,
  periodsInUnit,
  resolveState,
  stateQuery,
  type ViewState,
} from '../../web/src/state.ts';
import { seriesOf } from '../fixtures/source-info.ts';

const COUNTRIES: CountryEntry[] = [
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
const CATALOGUE = { countries: COUNTRIES } as unknown as Catalogue;

/** The check permalink of the brief: Niger, civilian targeting, events, July against August 2023, at least 4 times. */
const PERMALINK =
  '?view=compare&country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08&relation=ratio_gte&threshold=4';
const CHECK: ViewState = {
  ...DEFAULT_STATE,
  view: 'compare',
  category: 'civilian_targeting',
  before: '2023-07',
  after: '2023-08',
  relation: 'ratio_gte',
  threshold: '4',
};

describe('a claim in the URL', () => {
  it('reads the check permalink and writes it back unchanged', () => {
    const s = resolveState(new URLSearchParams(PERMALINK), COUNTRIES);
    expect(s).toEqual(CHECK);
    expect(stateQuery(s)).toBe(PERMALINK);
  });

  it('round-trips relation, threshold, wording and both readings, and ones the API will refuse, as written', () => {
    const states: ViewState[] = [
      CHECK,
      { ...CHECK, wording: 'quadrupled', bothMeasures: true },
      { ...CHECK, relation: 'value_gte', threshold: '40', wording: 'killing at least 40', admin1: 'tillaberi', measure: 'fatalities' },
      { ...CHECK, before: '2022-01..2022-08', after: '2023-01..2023-08', relation: 'pct_decrease_gt', threshold: '30' },
      // Not valid: kept, so the check route says what is wrong (never silently dropped).
      { ...CHECK, relation: 'doubled', threshold: 'four', wording: 'a “quote” & <b>markup</b>' },
      { ...CHECK, relation: 'ratio_gt', threshold: null },
      { ...CHECK, relation: null, threshold: '4' },
    ];
    for (const s of states) expect(resolveState(new URLSearchParams(stateQuery(s)), COUNTRIES)).toEqual(s);
  });

  it('writes the claim after the periods, and readings=both only when both measures are read', () => {
    expect(stateQuery({ ...CHECK, wording: 'at least 4x', bothMeasures: true })).toBe(`${PERMALINK}&wording=at+least+4x&readings=both`);
    expect(stateQuery({ ...CHECK, relation: null, threshold: null })).toBe(
      '?view=compare&country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08',
    );
  });

  it('trims the fields, treats empty ones as absent, and reads readings=both only', () => {
    const s = resolveState(
      new URLSearchParams('view=compare&relation=%20ratio_gt%20&threshold=%202%20&wording=%20%20&readings=all'),
      COUNTRIES,
    );
    expect([s.relation, s.threshold, s.wording, s.bothMeasures]).toEqual(['ratio_gt', '2', null, false]);
    expect(resolveState(new URLSearchParams('relation=&threshold='), COUNTRIES)).toMatchObject({ relation: null, threshold: null });
    expect(hasCheck(s)).toBe(true);
    expect(hasCheck({ relation: 'ratio_gt', threshold: null })).toBe(false);
    expect(hasCheck({ relation: null, threshold: '2' })).toBe(false);
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

describe('a headline claim’s Compare view', () => {
  const r = (over: Partial<Reading>): Reading => ({
    country: 'NER',
    admin1: null,
    category: 'civilian_targeting',
    measure: 'events',
    before: '2023-07',
    after: '2023-08',
    relation: { kind: 'ratio_gte', value: 4, wording: 'quadrupled' },
    ...over,
  });

  it('checks a claim read for events and fatalities as one check of both measures', () => {
    expect(claimCheck({ readings: [r({}), r({ measure: 'fatalities' })] }, CATALOGUE)).toEqual({
      state: { ...CHECK, wording: 'quadrupled', bothMeasures: true },
      tests: 2,
      of: 2,
    });
  });

  it('checks the first reading and those like it; says how many of the claim’s readings that is', () => {
    const surge = { kind: 'ratio_gte', value: 1.5, wording: 'surged' } as const;
    const c = claimCheck(
      {
        readings: [
          r({ admin1: 'Tillaberi', relation: surge }),
          r({ admin1: 'Tillaberi', relation: surge, measure: 'fatalities' }),
          r({
            admin1: 'Tillaberi',
            measure: 'fatalities',
            before: null,
            relation: { kind: 'value_gte', value: 40, wording: 'at least 40' },
          }),
        ],
      },
      CATALOGUE,
    );
    expect(c?.state).toMatchObject({ admin1: 'tillaberi', relation: 'ratio_gte', threshold: '1.5', wording: 'surged', bothMeasures: true });
    expect([c?.tests, c?.of]).toEqual([2, 3]);
    const one = claimCheck(
      { readings: [r({ measure: 'fatalities', relation: { kind: 'ratio_gt', value: 2, wording: 'more than doubled' } })] },
      CATALOGUE,
    );
    expect(one?.state).toMatchObject({ measure: 'fatalities', relation: 'ratio_gt', threshold: '2', bothMeasures: false });
    expect([one?.tests, one?.of]).toEqual([1, 1]);
  });

  it('keeps ranges; gives value_gte the month before "after" to compare with', () => {
    const range = claimCheck(
      {
        readings: [
          r({
            country: 'BFA',
            category: 'political_violence',
            before: '2022-01..2022-08',
            after: '2023-01..2023-08',
            relation: { kind: 'pct_decrease_gt', value: 30, wording: '1,700 compared with 2,500' },
          }),
        ],
      },
      CATALOGUE,
    );
    expect(stateQuery(range!.state)).toBe(
      '?view=compare&country=BFA&category=political_violence&measure=events&before=2022-01..2022-08&after=2023-01..2023-08&relation=pct_decrease_gt&threshold=30&wording=1%2C700+compared+with+2%2C500',
    );
    const total = claimCheck(
      { readings: [r({ before: null, after: '2023-01..2023-08', relation: { kind: 'value_gte', value: 6000, wording: 'w' } })] },
      CATALOGUE,
    );
    expect(total?.state).toMatchObject({ before: '2022-12', after: '2023-01..2023-08', relation: 'value_gte', threshold: '6000' });
  });

  it('has no Compare view for a series or period the dashboard does not offer', () => {
    expect(claimCheck({ readings: [] }, CATALOGUE)).toBeNull();
    expect(claimCheck({ readings: [r({ country: 'BFA' })] }, CATALOGUE)).toBeNull();
    expect(claimCheck({ readings: [r({ admin1: 'Nowhere' })] }, CATALOGUE)).toBeNull();
    expect(claimCheck({ readings: [r({ before: '2023-07-01..2023-07-31' })] }, CATALOGUE)).toBeNull();
  });

  it('reads trailing periods as the API does, and day windows as they are', () => {
    expect(claimCheck({ readings: [r({ before: 'trailing12' })] }, CATALOGUE)?.state).toMatchObject({
      before: '2022-08..2023-07',
      after: '2023-08',
    });
    const coup = claimCheck(
      {
        readings: [
          r({ category: 'political_violence', before: '2023-06-26..2023-07-25', after: '2023-07-27..2023-08-25' }),
          r({ category: 'political_violence', before: '2023-06-26..2023-07-25', after: '2023-07-27..2023-08-25', measure: 'fatalities' }),
        ],
      },
      CATALOGUE,
    );
    expect(coup?.state).toMatchObject({ before: '2023-06-26..2023-07-25', after: '2023-07-27..2023-08-25', bothMeasures: true });
    const total = claimCheck(
      { readings: [r({ before: null, after: '2023-07-27..2023-08-25', relation: { kind: 'value_gte', value: 100, wording: 'w' } })] },
      CATALOGUE,
    );
    // As many days before "after" as it holds (30).
    expect(total?.state).toMatchObject({ before: '2023-06-27..2023-07-26', after: '2023-07-27..2023-08-25' });
  });
});

describe('periods in days', () => {
  const q = (before: string, after: string) =>
    resolveState(new URLSearchParams({ view: 'compare', country: 'NER', before, after }), COUNTRIES);

  it('reads day windows and single days, and writes them back as they were', () => {
    const s = q('2023-06-26..2023-07-25', '2023-07-27..2023-08-25');
    expect([s.before, s.after]).toEqual(['2023-06-26..2023-07-25', '2023-07-27..2023-08-25']);
    expect(stateQuery(s)).toBe(
      '?view=compare&country=NER&category=political_violence&measure=events&before=2023-06-26..2023-07-25&after=2023-07-27..2023-08-25',
    );
    expect([q('2023-07-25', '2023-07-26').before, q('2023-07-25..2023-07-25', '2023-07-26').before]).toEqual(['2023-07-25', '2023-07-25']);
  });

  it('keeps reversed or overlapping periods as written, so the page asks the API and shows its 400', () => {
    expect([q('2023-08', '2023-07').before, q('2023-08', '2023-07').after]).toEqual(['2023-08', '2023-07']);
    expect(q('2023-01..2023-12', '2023-06').before).toBe('2023-01..2023-12');
    expect(q('2023-07', '2023-07-27').before).toBeNull(); // another unit: dropped, as before
  });

  it('counts trailing days and months back from "after", across months and years', () => {
    expect(q('trailing30d', '2023-07-27..2023-08-25').before).toBe('2023-06-27..2023-07-26');
    expect(q('trailing3d', '2024-01-02').before).toBe('2023-12-30..2024-01-01');
    expect(q('trailing3', '2024-02').before).toBe('2023-11..2024-01');
  });

  it('switching both periods to months never makes them overlap: "before" ends the month before "after"', () => {
    expect(periodsInUnit('2023-06-26..2023-07-25', '2023-07-27..2023-08-25', 'month')).toEqual({
      before: '2023-06',
      after: '2023-07..2023-08',
    });
    expect(periodsInUnit('2023-05-01..2023-07-25', '2023-07-27..2023-08-25', 'month')).toEqual({
      before: '2023-05..2023-06',
      after: '2023-07..2023-08',
    });
    expect(periodsInUnit('2023-06', '2023-07', 'day')).toEqual({ before: '2023-06-01..2023-06-30', after: '2023-07-01..2023-07-31' });
  });

  it('switches a period between months and days over the same calendar span', () => {
    expect(periodInUnit('2023-07', 'day')).toBe('2023-07-01..2023-07-31');
    expect(periodInUnit('2023-12..2024-02', 'day')).toBe('2023-12-01..2024-02-29');
    expect(periodInUnit('2023-02', 'day')).toBe('2023-02-01..2023-02-28');
    expect(periodInUnit('2023-07-27..2023-08-25', 'month')).toBe('2023-07..2023-08');
    expect(periodInUnit('2023-07-26', 'month')).toBe('2023-07');
    expect(periodInUnit('2023-07', 'month')).toBe('2023-07');
    expect(periodInUnit('2023-07-26', 'day')).toBe('2023-07-26');
  });

  it('offers days for a country with daily counts, never for a region', () => {
    const days = { from: '2019-01-01', through: '2024-05-15', source: 'acled-niger-events' };
    expect(hasDays({ days }, null)).toBe(true);
    expect(hasDays({ days }, 'tillaberi')).toBe(false);
    expect(hasDays({ days: null }, null)).toBe(false);
    expect(hasDays({}, null)).toBe(false);
  });

  it('drops what cannot be read: impossible days, reversed ranges, a "before" in another unit', () => {
    expect(q('2023-07', '2023-02-30').after).toBeNull();
    expect(q('2023-07-25..2023-07-01', '2023-08-01').before).toBeNull();
    expect(q('2023-07', '2023-08-01..2023-08-30')).toMatchObject({ before: null, after: '2023-08-01..2023-08-30' });
    expect(q('trailing30d', '2023-08')).toMatchObject({ before: null, after: '2023-08' });
    expect(q('2024-02-29', '2024-03-01')).toMatchObject({ before: '2024-02-29', after: '2024-03-01' });
  });
});

describe('the verdict card’s text', () => {
  const DATASET = { version: 'v', source: 's', credit: 'ACLED, www.acleddata.com', asOf: '2023-09-14' };
  // Battles in Niger. Events: July 6 (a low baseline), August 30. Fatalities: July 20, August 90.
  // September is partial (the source ends on the 14th).
  const events = seriesOf(
    '2023-06',
    '2023-09',
    (m) => ({ '2023-06': 8, '2023-07': 6, '2023-08': 30, '2023-09': 12 })[m]!,
    ['2023-09'],
    '2023-09-14',
  );
  const fatalities: SeriesDoc = {
    ...seriesOf(
      '2023-06',
      '2023-09',
      (m) => ({ '2023-06': 15, '2023-07': 20, '2023-08': 90, '2023-09': 5 })[m]!,
      ['2023-09'],
      '2023-09-14',
    ),
  };
  fatalities.series = { ...fatalities.series, measure: 'fatalities' };
  const lookup = (x: Pick<Reading, 'measure'>) => (x.measure === 'events' ? events : fatalities);
  const reading = (over: Partial<Reading>): Reading => ({
    country: 'NER',
    admin1: null,
    category: 'battles',
    measure: 'events',
    before: '2023-07',
    after: '2023-08',
    relation: { kind: 'ratio_gte', value: 4, wording: 'quadrupled' },
    ...over,
  });
  const claim = (readings: Reading[]): Claim => ({
    id: 'check',
    quote: 'Battles in Niger, August 2023 against July 2023: quadrupled',
    claimant: { name: 'Checked on request', date: null, url: null },
    interpretation: 'Read for events and reported fatalities, as asked.',
    readings,
  });

  it('gives the badge, the claim, each reading’s numbers and caveats, the citation and the credit', () => {
    const v = evaluateClaim(claim([reading({}), reading({ measure: 'fatalities' })]), () => 'Niger', lookup, DATASET);
    const events = 'Battles events in Niger rose from 6 in July 2023 to 30 in August 2023 (+400%, 5x); "quadrupled" (at least 4x) holds.';
    const deaths =
      'Battles reported fatalities in Niger rose from 20 in July 2023 to 90 in August 2023 (+350%, 4.5x); "quadrupled" (at least 4x) holds.';
    expect(verdictCardText(v, DATASET)).toEqual({
      verdict: 'supported',
      symbol: '✓',
      label: 'Supported',
      quote: '“Battles in Niger, August 2023 against July 2023: quadrupled”',
      claimant: 'Checked on request',
      summary: 'Supported: 2 of 2 readings hold.',
      readings: [
        {
          measure: 'events',
          holds: true,
          label: 'Holds',
          sentence: events,
          figures: [
            ['July 2023', '6'],
            ['August 2023', '30'],
            ['Change', '+24 (+400%)'],
            ['Ratio', '5x'],
            ['Test', 'quadrupled'],
          ],
          caveats: ['low baseline: fewer than 10 in July 2023, percentages are unstable'],
          lowBaseline: true,
        },
        {
          measure: 'fatalities',
          holds: true,
          label: 'Holds',
          sentence: deaths,
          figures: [
            ['July 2023', '20'],
            ['August 2023', '90'],
            ['Change', '+70 (+350%)'],
            ['Ratio', '4.5x'],
            ['Test', 'quadrupled'],
          ],
          caveats: [],
          lowBaseline: false,
        },
      ],
      interpretation: 'Read for events and reported fatalities, as asked.',
      definitions: [category('battles').definition],
      citation: `"Battles in Niger, August 2023 against July 2023: quadrupled" supported by ACLED data: ${events} ${deaths} Source: ACLED, www.acleddata.com; Sahel Pulse dataset v, data to 2023-09-14.`,
      credit: 'Source: ACLED, www.acleddata.com · dataset version v · data as of 14 September 2023',
      alternatives: [],
    });
  });

  it('marks a partial month: the reading cannot be decided, and says why', () => {
    const v = evaluateClaim(
      claim([reading({ before: '2023-08', after: '2023-09', relation: { kind: 'pct_decrease_gt', value: 50, wording: 'halved' } })]),
      () => 'Niger',
      lookup,
      DATASET,
    );
    const t = verdictCardText(v, DATASET);
    expect([t.verdict, t.symbol, t.label, t.summary]).toEqual([
      'cannot_be_decided',
      '?',
      'Cannot be decided',
      'Cannot be decided: 0 of 1 readings hold.',
    ]);
    expect(t.readings[0]).toMatchObject({
      holds: null,
      label: 'Cannot be decided',
      caveats: ['a month is only partly covered by the source'],
      figures: [
        ['August 2023', '30'],
        ['September 2023', '12'],
        ['Test', 'halved'],
      ],
    });
  });

  it('gives each alternative reading its own verdict, readings and citation, beside the headline one', () => {
    const v = evaluateClaim(
      {
        ...claim([reading({})]),
        alternatives: [
          {
            interpretation: 'Read as September against July.',
            readings: [reading({ after: '2023-09', relation: { kind: 'ratio_gte', value: 4, wording: 'quadrupled' } })],
          },
        ],
      },
      () => 'Niger',
      lookup,
      DATASET,
    );
    const t = verdictCardText(v, DATASET);
    expect([t.verdict, t.label]).toEqual(['supported', 'Supported']);
    expect(t.alternatives).toHaveLength(1);
    expect(t.alternatives[0]).toMatchObject({
      verdict: 'cannot_be_decided',
      symbol: '?',
      label: 'Cannot be decided',
      interpretation: 'Read as September against July.',
      summary: 'Cannot be decided: 0 of 1 readings hold.',
      citation: v.alternatives[0]!.citation,
    });
    expect(t.alternatives[0]!.readings[0]).toMatchObject({
      holds: null,
      caveats: ['a month is only partly covered by the source'],
      figures: [
        ['July 2023', '6'],
        ['September 2023', '12'],
        ['Test', 'quadrupled'],
      ],
    });
  });

  it('names the claimant and the date of a headline claim', () => {
    const v = evaluateClaim(
      { ...claim([reading({})]), claimant: { name: 'RFI', date: '2023-10-02', url: 'https://example.org/a' } },
      () => 'Niger',
      lookup,
      DATASET,
    );
    expect(verdictCardText(v, DATASET).claimant).toBe('RFI, 2 October 2023');
  });

  it('takes the trend band of the chart’s measure from the check’s reading, when it compares two periods', () => {
    const v = evaluateClaim(
      claim([
        reading({}),
        reading({ measure: 'fatalities' }),
        reading({ measure: 'fatalities', before: null, relation: { kind: 'value_gte', value: 40, wording: 'w' } }),
      ]),
      () => 'Niger',
      lookup,
      DATASET,
    );
    expect(readingBand(v, 'events')).toEqual({ band: 'low_baseline', label: 'Low baseline', definition: TREND_DEFINITIONS.low_baseline });
    expect(readingBand(v, 'fatalities')).toEqual({ band: 'much_higher', label: 'Much higher', definition: TREND_DEFINITIONS.much_higher });
    const total = evaluateClaim(
      claim([reading({ before: null, relation: { kind: 'value_gte', value: 40, wording: 'w' } })]),
      () => 'Niger',
      lookup,
      DATASET,
    );
    expect(readingBand(total, 'events')).toBeNull();
  });
});
