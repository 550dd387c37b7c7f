/**
 * What verdict cards say (web/src/verdict.ts), from a verdict object computed by
 * model/claims.ts on hand-made series: the badge, the claim, each reading's figures and
 * caveats, the citation; periods in words; and which Compare view checks a headline claim.
 *
 * About 450 lines, on purpose: the hand-made series and verdicts at the top serve every section.
 */
import { describe, expect, it } from 'vitest';
import { category } from '../../model/categories.ts';
import type { Claim, ClaimVerdict, Reading, ReadingResult } from '../../model/claim.ts';
import { evaluateClaim } from '../../model/claims.ts';
import { TREND_DEFINITIONS } from '../../model/trend-definitions.ts';
import type { Catalogue, SeriesDoc } from '../../model/types.ts';
import { DEFAULT_STATE, stateQuery, type ViewState } from '../../web/src/state.ts';
import {
  claimCheck,
  claimDefinitions,
  holdsLabel,
  periodText,
  readingBand,
  readingFigures,
  readingView,
  verdictCardText,
} from '../../web/src/verdict.ts';
import { seriesOf } from '../fixtures/source-info.ts';
import { CHECK_COUNTRIES, ch, CATALOGUE as FIXTURE_CATALOGUE } from './fixtures.ts';

describe('a reading', () => {
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
    expect(readingView(reading, FIXTURE_CATALOGUE)).toEqual({
      country: 'NER',
      category: 'civilian_targeting',
      measure: 'fatalities',
      admin1: 'tillaberi',
    });
    expect(readingView({ ...reading, admin1: 'Nowhere' }, FIXTURE_CATALOGUE)).toBeNull();
    expect(readingView({ ...reading, country: 'MLI', admin1: null }, FIXTURE_CATALOGUE)).toBeNull();
  });

  it('lists distinct definitions', () => {
    const claim = { readings: [reading, reading, { ...reading, definition: 'def B' }] } as ClaimVerdict;
    expect(claimDefinitions(claim)).toEqual(['def A', 'def B']);
  });
});

describe('periods in words', () => {
  it('writes a month, a range and a trailing window, as the API’s sentences do', () => {
    expect(periodText('2023-07')).toBe('July 2023');
    expect(periodText('2023-01..2023-08')).toBe('January–August 2023');
    expect(periodText('2022-12..2023-02')).toBe('December 2022–February 2023');
    expect(periodText('2023-01..2023-01')).toBe('January 2023');
    expect(periodText('trailing12')).toBe('the 12 months before');
  });

  it('writes days, day windows across months and years, and trailing days', () => {
    expect(periodText('2023-07-26')).toBe('26 July 2023');
    expect(periodText('2023-07-27..2023-08-25')).toBe('27 July–25 August 2023');
    expect(periodText('2023-12-30..2024-01-02')).toBe('30 December 2023–2 January 2024');
    expect(periodText('trailing30d')).toBe('the 30 days before');
  });
});

const CATALOGUE = { countries: CHECK_COUNTRIES } as unknown as Catalogue;

const CHECK: ViewState = {
  ...DEFAULT_STATE,
  view: 'compare',
  category: 'civilian_targeting',
  before: '2023-07',
  after: '2023-08',
  relation: 'ratio_gte',
  threshold: '4',
};

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
    const v = evaluateClaim(
      claim([reading({}), reading({ measure: 'fatalities' })]),
      () => ({ country: 'Niger', admin1: null }),
      lookup,
      DATASET,
    );
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
      () => ({ country: 'Niger', admin1: null }),
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
      () => ({ country: 'Niger', admin1: null }),
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
      () => ({ country: 'Niger', admin1: null }),
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
      () => ({ country: 'Niger', admin1: null }),
      lookup,
      DATASET,
    );
    expect(readingBand(v, 'events')).toEqual({ band: 'low_baseline', label: 'Low baseline', definition: TREND_DEFINITIONS.low_baseline });
    expect(readingBand(v, 'fatalities')).toEqual({ band: 'much_higher', label: 'Much higher', definition: TREND_DEFINITIONS.much_higher });
    const total = evaluateClaim(
      claim([reading({ before: null, relation: { kind: 'value_gte', value: 40, wording: 'w' } })]),
      () => ({ country: 'Niger', admin1: null }),
      lookup,
      DATASET,
    );
    expect(readingBand(total, 'events')).toBeNull();
  });
});
