/**
 * The page's words written by its code, in English: one typed catalogue. The French one
 * (messages-fr.ts, loaded on demand: an English page never downloads it) has the type of this one,
 * so a message missing in French is a type error; the static page's words are messages-page.ts.
 * Numbers and dates inside messages go through the page's formatters (format.ts: Intl, in the
 * page's language). Read the current language's messages as `t` (set once, before the first view).
 * The words of the parts loaded on demand (the Country and Compare views, the claims' cards, the
 * refresh line) are messages-more.ts's, loaded with them.
 */
import type { CategoryId, Measure } from '../../model/categories.ts';
import { MEASURE_WORDS, placeName, subject } from '../../model/describe.ts';
import { TREND_LABELS, type TrendBand } from '../../model/trend.ts';
import type { SeriesInfo, SourceInfo } from '../../model/types.ts';

/** Words for a list: "Burkina Faso, Chad and Niger". */
const list = (xs: readonly string[], and: string): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${and} ${xs.at(-1)}`;

export const en = {
  // Names from the catalogue (English there).
  country: (name: string): string => name,
  region: (name: string): string => name,
  category: (_id: CategoryId, label: string): string => label,
  measure: { events: 'Events', fatalities: 'Reported fatalities' } as Record<Measure, string>,
  trend: (b: TrendBand): string => TREND_LABELS[b],
  provisional: (label: string): string => `${label} (provisional)`,
  list: (xs: readonly string[]): string => list(xs, 'and'),
  /** A turning point's label on the charts, as data/annotations.json writes it ("Coup, 26 Jul 2023"). */
  annotation: (label: string, _date: string): string => label,

  // Headings and titles.
  headOverview: 'Five Sahel countries side by side',
  headCountry: 'Country',
  headCompare: 'Compare two periods',
  headCheck: 'Check a claim',
  docOverview: 'Sahel Pulse: five Sahel countries side by side',
  shareOverview: 'Sahel Pulse: political violence in five Sahel countries',

  // Loading and errors.
  loading: 'Loading…',
  couldNotLoad: (what: string): string => `Could not load ${what}.`,
  request: 'Request: ',
  whatView: 'this view',
  whatCatalogue: 'the catalogue (/api/v1/catalogue)',
  whatDataset: 'the dataset details',
  whatDashboard: 'the dashboard',
  whatClaimsApi: 'the claims (/api/v1/claims)',
  whatClaims: 'the claims',
  whatCsv: 'the CSV',
  whatMap: 'the map',
  whatSeries: (country: string, m: Measure): string => `${country} ${MEASURE_WORDS[m]}`,
  datesFailed: 'The data’s dates could not be loaded.',

  // Footer.
  source: 'Source: ',
  datasetVersion: 'Dataset version ',
  dataAsOf: ' · data as of ',
  sourcesUsed: 'Sources used',
  sourceCovers: (from: string, through: string): string => ` (covers ${from} to ${through})`,
  /** A source as the footer names it: its name in the catalogue (English); another language describes it from its fields. */
  sourceName: (s: SourceInfo): string => s.name,
  credit: (credit: string, version: string, asOf: string): string => `Source: ${credit} · dataset version ${version} · data as of ${asOf}`,
  freshness: {
    weeks: (through: string, who: string[], provisional: string | null): string =>
      `${through} (ACLED weeks${who.length > 0 ? `, ${list(who, 'and')}` : ''}${provisional ? `; ${provisional} provisional` : ''})`,
    dataThrough: (parts: string[]): string => `Data through ${parts.join('; ')}.`,
    monthsThrough: (parts: string[]): string => `Months through ${parts.join(', ')}.`,
  },

  // Numbers in words.
  na: 'n/a',
  lowBaseline: 'low baseline',

  // Series: titles, summaries, notes, tables.
  subject: (s: SeriesInfo): string => subject(s.category.label, s.measure, placeName(s)),
  seriesTitle: (s: SeriesInfo): string => `${s.category.label} in ${placeName(s)}: ${MEASURE_WORDS[s.measure]} per month`,
  weekSeriesTitle: (s: SeriesInfo): string => `${s.category.label} in ${placeName(s)}: ${MEASURE_WORDS[s.measure]} per ACLED week`,
  noData: (subject: string): string => `No data for ${lowerFirst(subject)}.`,
  onlyPartial: (subject: string, month: string, value: string): string =>
    `${subject}: only partly covered months are available (${month}: at least ${value}).`,
  inMonth: (subject: string, month: string, value: string): string => `${subject} in ${month}: ${value}.`,
  stayed: (subject: string, value: string, m1: string, m2: string): string => `${subject} stayed at ${value} from ${m1} to ${m2}.`,
  changed: (subject: string, rose: boolean, b: string, m1: string, a: string, m2: string, pct: string | null): string =>
    `${subject} ${rose ? 'rose' : 'fell'} from ${b} in ${m1} to ${a} in ${m2} (${pct ?? 'no percentage: the base is zero'}).`,
  partialNote: (month: string, ends: string | null): string =>
    `Partial month: ${month}${ends ? `, source ends ${ends}` : ''} (the value is a lower bound).`,
  provisionalLabel: 'Provisional (ACLED may revise)',
  partialLabel: 'Partial month (lower bound)',
  weekNote: (week: string, provisional: boolean): string => `Week ${week}${provisional ? ' (provisional: ACLED may revise it)' : ''}`,
  noWeekly: (subject: string): string => `No weekly data for ${lowerFirst(subject)}.`,
  weekSummary: (
    subject: string,
    value: string,
    week: string,
    provisional: boolean,
    prev: string | null,
    prevProvisional: boolean,
  ): string =>
    `${subject}: ${value} in the week ${week}${provisional ? ' (provisional)' : ''}${prev === null ? '' : `, against ${prev} the week before${prevProvisional ? ' (also provisional)' : ''}`}.`,
  colWeek: 'Week (Saturday to Friday)',
  colMonth: 'Month',
  colChangeWeek: 'Change vs previous week',
  colChangeMonth: 'Change vs previous month',
  colNote: 'Note',
  cellProvisional: 'provisional (ACLED may revise)',
  cellPartial: 'partial month (lower bound)',

  // Overview.
  captionProvisional: 'Dashed, shaded: provisional weeks (see above).',
  captionPartial: 'Shaded: partial month (lower bound).',
  noWeeklyFor: (country: string): string => `No ACLED weekly data for ${country}.`,
  noWeeklyMeasure: (measure: string): string => `${measure}: no weekly data.`,
  fewWeeks: (measure: string): string => `${measure}: fewer than four ACLED weeks.`,
  headline: (measure: string, window: string): string => `${measure}, ${window}: `,
  provisionalTag: ' provisional',
  vsPrevious: 'the four weeks before',
  vsYear: 'a year earlier',
  noBase: (words: string): string => `No ${words} to compare with.`,
  vs: (words: string, window: string, base: string, abs: string, pct: string, low: boolean): string =>
    `vs ${words} (${window}: ${base}): ${abs} (${pct})${low ? ', low baseline' : ''}`,
  mapWaiting: 'The map and its figures load when it comes into view.',

  // Controls.
  allRegions: 'All regions (country total)',
  totalWeeklyOnly: 'Country total (regions: weekly only)',
  totalNoRegions: 'Country total (no regions)',

  // Share.
  linkCopied: 'Link copied.',
  embedCopied: 'Embed code copied.',
  copyByHand: 'Select the text and copy it (Ctrl+C).',
};

/** @example lowerFirst('Political violence') === 'political violence' */
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The catalogue's shape: the French one must have every message, with the same arguments. */
export type Messages = typeof en;

/** The page's messages (English until main.ts puts the French in place, before the first view). */
export let t: Messages = { ...en };
/** The French messages of the parts loaded on demand (messages-more.ts reads them, typed), kept until those parts load. */
export let moreFr: object | null = null;

export function useMessages(m: Messages, more: object): void {
  t = m;
  moreFr = more;
}
