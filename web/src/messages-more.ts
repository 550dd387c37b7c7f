/**
 * The words of the parts of the page loaded on demand (the Country and Compare views, the claims'
 * cards, the trend legend, the footer's refresh line), in English: loaded with those parts, not
 * by the first view. The French ones are messages-fr.ts's `moreFr`, of this catalogue's type (a
 * message missing there is a type error). Read them as `tm()`.
 */
import type { CategoryId, Measure } from '../../model/categories.ts';
import { MEASURE_WORDS } from '../../model/describe.ts';
import { RELATION_LABELS, type RelationKind, relationWords } from '../../model/relations.ts';
import type { TrendBand } from '../../model/trend.ts';
import { TREND_DEFINITIONS } from '../../model/trend-definitions.ts';
import { moreFr } from './messages.ts';

export const enMore = {
  // The Country view's category note and the Compare view's controls (controls-compare.ts).
  categoryDefinition: (_id: CategoryId, definition: string): string => definition,
  dayWindowsRegions: 'Day windows are for country totals, not regions',
  dailyFor: (countries: string[]): string => `Daily counts exist for ${countries.join(', ') || 'no country'}`,
  wordingExample: 'e.g. quadrupled',

  trendDefinition: (b: TrendBand): string => TREND_DEFINITIONS[b],
  lowBaselineNote: (month: string, threshold: number): string =>
    `Low baseline: fewer than ${threshold} in ${month}, so percentages are unstable.`,
  relation: (k: RelationKind): string => RELATION_LABELS[k],
  /** A relation in plain words with its threshold: "at least 4 times". */
  relationWords: (k: RelationKind, threshold: string): string => relationWords(k, threshold),
  noRelation: 'None: compare only',
  notRelation: (r: string): string => `“${r}” (not a relation)`,

  // Verdict cards (cards.ts, verdict.ts).
  monthsBefore: (n: string, days: boolean): string => `the ${n} ${days ? 'days' : 'months'} before`,
  noData: 'no data',
  figChange: 'Change',
  figRatio: 'Ratio',
  figTest: 'Test',
  holds: 'Holds',
  doesNotHold: 'Does not hold',
  cannotDecide: 'Cannot be decided',
  copyCitation: 'Copy citation',
  citationCopied: 'Citation copied.',
  copyByHand: 'Select the text and copy it (Ctrl+C).',
  downloadCsv: 'Download CSV',
  showSeries: 'Show this series in the chart',
  trendBandOf: (of: string): string => `Trend band, ${of}: `,
  howRead: 'How the claim was read: ',
  alsoReadAs: 'Also read as: ',
  citeReading: 'Cite this reading',
  definitionUsed: 'Definition used',
  citeVerdict: 'Cite this verdict',
  translation: 'Translation: ',
  quoteLang: 'In English',

  // The Compare view (compare.ts, compare-data.ts).
  pickPeriods: 'Pick a “before” and an “after” period.',
  checking: 'Checking the claim…',
  comparing: 'Comparing…',
  linkToCheck: 'Link to this check',
  apiPermalink: 'API permalink (JSON)',
  wholeSeries: 'See the whole series',
  cannotCheck: 'This claim cannot be checked as written.',
  correctFields: 'Correct the claim’s fields above, or choose “None: compare only” to compare the two periods.',
  request: 'Request: ',
  whatCheck: (path: string): string => `the check (${path})`,
  whatComparison: (path: string): string => `the comparison (${path})`,
  openCheck: 'Open this check in Compare',
  openCheckPart: (tests: number, of: number): string => `Open in Compare (tests ${tests} of ${of} readings)`,
  claimsApi: 'Claims API (JSON)',
  titleCheck: (category: string, place: string, words: string): string => `${category} in ${place}: “${words}” checked`,
  titleCompare: (category: string, measure: string, place: string): string => `${category} ${measure} in ${place}: two periods compared`,
  measureWords: { events: 'events', fatalities: 'reported fatalities' } as Record<Measure, string>,
  enterN: (label: string): string => `Enter N for “${label}” to check the claim; meanwhile, the two periods compared:`,
  figBefore: (w: string): string => `Before: ${w}`,
  figAfter: (w: string): string => `After: ${w}`,
  partial: ' (partial)',
  figCompared: 'Compared',
  means: (monthly: boolean): string => `${monthly ? 'monthly' : 'daily'} means (the periods differ in length)`,
  figBand: 'Band',

  // The Sahel map (sahel-map.ts).
  noFourWeeks: 'no ACLED weeks in the regions',
  mapSummary: (weeks: number, period: string, provisional: boolean, measure: Measure, top: string[]): string =>
    `In the ${weeks === 1 ? 'ACLED week' : `${weeks} ACLED weeks`} ${period}${provisional ? ' (provisional)' : ''}, the regions with the most political violence ${measure === 'events' ? 'events' : 'reported fatalities'} were ${top.join('; ')}.`,
  colRegion: 'Region',
  colCountry: 'Country',
  mapTableCaption: (measure: string, period: string, provisional: boolean): string =>
    `Political violence, ${measure.toLowerCase()} by region, ${period}${provisional ? ' (provisional)' : ''}, highest first`,
  mapPngTitle: (measure: string, period: string): string => `Political violence, ${measure.toLowerCase()}, ${period}`,
  mapCaption: (missing: string[], credits: string[], credit: string): string =>
    `One colour scale for all five countries: darker (purple) is fewer, lighter (yellow) is more; the scale is the legend at the bottom right.${missing.length > 0 ? ` Not on the map (no outline): ${missing.join('; ')}.` : ''} ${credits.join('; ')}. ${credit}.`,
  mapNoData: 'no data',
  // The Country view (country.ts, country-data.ts).
  docTitle: (title: string): string => `Sahel Pulse: ${title}`,
  definition: (label: string, definition: string): string => `${label}: ${definition}`,
  noDataRange: (subject: string): string => `No data for ${subject} in this range.`,
  lineCaption: (measure: string, partial: boolean, credit: string): string =>
    `${measure} per month. Dashed lines: turning points (coups). ${partial ? 'Shaded, dashed, triangles: partial month, a lower bound. ' : ''}${credit}.`,
  changeTitle: (title: string): string => `${title}: change from the previous month`,
  changeCaption: (low: boolean, threshold: number): string =>
    `Difference in count from the previous month. ${low ? `Grey, outlined bars: the previous month is below ${threshold} (low baseline), so percentages are unstable. ` : ''}Partial months are not compared.`,
  lowBaselineBars: (threshold: number): string => `Low baseline (previous month below ${threshold})`,
  whatSeries: (path: string): string => `the series (${path})`,
  whatChanges: 'the changes',
  whatTypes: 'the event types',
  whatWeekly: 'the weekly series',
  whatRegions: 'the regions',
  compTitle: (measure: string, place: string): string => `By event type: ${measure.toLowerCase()} in ${place}`,
  noTypes: (place: string): string => `No event-type data for ${place} in this range.`,
  compCaption: (partial: boolean, credit: string): string =>
    `ACLED’s six event types stacked. ${partial ? 'Shaded: partial month (lower bound). ' : ''}${credit}.`,
  weeklyCaption: (measure: string, weeks: number, provisional: boolean, credit: string): string =>
    `${measure} per ACLED week (Saturday to Friday), the last ${weeks} weeks. ${provisional ? 'Dashed over a shaded band: provisional weeks, which ACLED may still revise. ' : ''}${credit}.`,
  noWeeklyCategory: (country: string): string => `No ACLED weekly counts of this category for ${country}.`,
  regionsWaiting: 'The regions load when this section comes into view.',
  regionWords: (category: string, measure: Measure): string =>
    `${category.toLowerCase()} ${measure === 'events' ? 'events' : 'reported fatalities'}`,
  provisionalWeeks: ' (provisional: ACLED may still revise these weeks)',
  weekRankCaption: (category: string, measure: string, period: string | null, prov: string): string =>
    `${category}, ${measure.toLowerCase()} by region in the last four ACLED weeks, ${period ?? 'none'}${prov}.`,
  changeVsFour: 'Change vs the four weeks before',
  weekTableCaption: (credit: string): string =>
    `Region figures from ACLED’s weekly counts (Saturday to Friday). Select a region to chart it. ${credit}.`,
  weeklyOnlyRegion: (place: string): string =>
    `${place} has ACLED weekly counts only: no monthly series, so no monthly chart, month-over-month change or event types by month. Its weekly series is charted below.`,
  monthRankCaption: (category: string, measure: string, month: string | null): string =>
    month
      ? `${category}, ${measure.toLowerCase()} by region in ${month}, the latest month complete in every region.`
      : `${category} by region`,
  changeVsMonth: 'Change vs previous month',
  monthTableCaption: (through: string | null, credit: string): string =>
    `Region figures come from event-level data only${through ? `, which ends ${through}` : ''}. Select a region to chart it. ${credit}.`,
  noPeriod: 'no period is complete in every region',
  mapCaptionCountry: (missing: string[], credits: string[], credit: string): string =>
    `Darker (purple) is fewer, lighter (yellow) is more.${missing.length > 0 ? ` Not on the map (no outline): ${missing.join(', ')}.` : ''}${credits.length > 0 ? ` ${credits.join('; ')}.` : ''} ${credit}.`,
  mapPngCountry: (category: string, measure: string, period: string): string => `${category}, ${measure.toLowerCase()}, ${period}`,
  noPeriodRegions: 'No period is complete in every region’s series.',
  bar: 'Bar',
  changeNoteNone: (partial: boolean): string => (partial ? 'Partial month: not compared' : 'No previous month to compare'),
  changeNote: (base: string, value: string, pct: string, low: boolean): string =>
    `${base} -> ${value} (${pct})${low ? ', low baseline' : ''}`,
  noChange: (subject: string): string => `No month-over-month change can be computed for ${subject} in this range.`,
  largestRise: (abs: string, month: string): string => `largest rise ${abs} in ${month}`,
  largestFall: (abs: string, month: string): string => `largest fall ${abs} in ${month}`,
  lowMonths: (n: number): string => `${n} month${n === 1 ? '' : 's'} on a low baseline`,
  changeSummary: (subject: string, parts: string[]): string =>
    `Month-over-month change in ${subject}: ${parts.length > 0 ? parts.join(', ') : 'no change'}.`,
  compNone: (month: string, measure: Measure, place: string): string =>
    `In ${month}, no ${MEASURE_WORDS[measure]} were recorded in ${place}.`,
  compTop: (
    month: string,
    label: string,
    share: number,
    measure: Measure,
    place: string,
    value: string,
    total: string,
    types: number,
  ): string =>
    `In ${month}, ${label} made up ${share}% of ${MEASURE_WORDS[measure]} in ${place} (${value} of ${total}), the largest of ${types} event types.`,
  compNoMonth: (place: string): string => `No complete month to describe for ${place}.`,
  colMonth: 'Month',
  colNote: 'Note',
  cellPartial: 'partial month (lower bound)',
  na: 'n/a',
  regionNone: (country: string): string => `No month is complete in every region of ${country}.`,
  regionTop: (month: string, name: string, words: string, country: string, value: string, then: string | null): string =>
    `In ${month}, ${name} had the most ${words} of ${country}’s regions (${value})${then ? `, then ${then}` : ''}.`,
  regionWeekNone: (country: string): string => `No four ACLED weeks in the regions of ${country}.`,
  regionWeekTop: (
    period: string,
    provisional: boolean,
    name: string,
    words: string,
    country: string,
    value: string,
    then: string | null,
  ): string =>
    `In the four weeks ${period}${provisional ? ' (provisional)' : ''}, ${name} had the most ${words} of ${country}’s regions (${value})${then ? `, then ${then}` : ''}.`,
  // The Compare view's unit switch (compare-units.ts).
  notWholeWeeks: (p: string, covering: string): string =>
    `${p} is not whole ACLED weeks (Saturday to Friday): ${covering}, the weeks covering it`,
  notWholeMonths: (what: string[]): string =>
    `${what.join(' and ')} ${what.length > 1 ? 'are' : 'is'} not whole months: shown as the months covering ${what.length > 1 ? 'them' : 'it'}.`,
  weeksBefore: (p: string, shown: string): string => `${p} is shown as ${shown}, the whole weeks before “after” starts`,
  notes: (changed: string[]): string => `${changed.join('; ')}.`,
  monthsEnd: (country: string, last: string, after: string): string =>
    `${country}’s monthly series end in ${last}, before ${after}: shown as its latest complete month against the same month a year earlier.`,
  /** The outlines' credit, as their file gives it (in English). */
  outlineCredit: (credit: string): string => credit,

  // Charts.
  rise: 'Rise',
  fall: 'Fall',

  // The footer's last refresh (refresh-line.ts).
  refresh: {
    published: 'new data published',
    unchanged: 'no new data',
    failed: 'failed',
    failedWhy: (reason: string): string => `failed: ${reason}; the data shown is unchanged`,
    rows: (read: string, accepted: string, rejected: string): string => `${read} rows read, ${accepted} accepted, ${rejected} rejected`,
    window: (since: string, through: string, rows: string): string => ` (event dates ${since} to ${through}; ${rows})`,
    line: (at: string, window: string, outcome: string): string => `Last refresh from ACLED's API: ${at}${window}: ${outcome}.`,
  },
};

export type MoreMessages = typeof enMore;

/** The page's messages for these parts, in its language. */
export const tm = (): MoreMessages => (moreFr as MoreMessages | null) ?? enMore;
