/**
 * Shapes shared by the pipeline (which writes them to KV), the Worker (which serves them) and
 * the page (which draws them). Imports nothing Node- or DOM-specific.
 */
import type { CategoryId, Measure } from './categories.ts';
import type { Change } from './change.ts';
import type { ClaimVerdict } from './claim.ts';
import type { RefreshFailure } from './refresh-failures.ts';

/** The credit ACLED's terms require on every use of its data. */
export const CREDIT = 'ACLED, www.acleddata.com';

/** One monthly aggregate row, as shipped in data/aggregates/*.csv. admin1 is '' for country-level sources. */
export interface AggregateRow {
  country: string;
  admin1: string;
  month: string;
  category: CategoryId;
  events: number;
  fatalities: number;
}

/**
 * One day's counts for a country and category, as shipped in data/aggregates/*-daily.csv (rows
 * with events only). Country level only, never per region: see DAY_WINDOWS_RULE in days.ts.
 */
export interface DailyRow {
  country: string;
  /** `YYYY-MM-DD`. */
  date: string;
  category: CategoryId;
  events: number;
  fatalities: number;
}

/** Why a raw row was not counted, with the line it came from (1-based, header = line 1). */
export interface Rejection {
  /** Input file the row came from (added for multi-file runs). */
  file?: string;
  /** For JSON inputs: the 1-based position of the record in the response's `data` array. */
  line: number;
  reason: string;
  /** For .xlsx inputs: the sheet (`line` is then the row number Excel shows). */
  sheet?: string;
}

/** One input file of a source (a source may be read from several files, e.g. one per country). */
export interface InputFile {
  file: string;
  sha256: string;
  format: 'csv' | 'json';
  /** Detected from the header: `event (older)`, `event (current)`, `aggregate`. */
  layout: string;
  /** Rows read from this file. */
  read: number;
}

/** First and last date a country has in a source, and how many of its rows were counted. */
export interface CountryCoverage {
  from: string;
  through: string;
  accepted: number;
  /** Weekly sources: the first and last ACLED week (Saturday starts); `through` is the last week's Friday. */
  weeks?: { from: string; to: string };
}

/** An input file of a weekly or HDX source (CSV or .xlsx), with the sheets passed over (HDX's "TOU" terms). */
export interface ProductFile {
  file: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  read: number;
  skippedSheets: string[];
}

/** Events and fatalities of one cell. */
export interface Counts {
  events: number;
  fatalities: number;
}

/** One period (week start or month) where two sources differ, with both figures. */
export interface CrossCheckDifference {
  period: string;
  /** This source's figures, and the other source's. */
  source: Counts;
  other: Counts;
  /**
   * HDX political violence vs the Explorer table: that month's riots in the table (mob violence
   * is among them), and whether this source's extra events fit within them (`within riots`), go
   * beyond them (`beyond riots`: ACLED's later additions) or are fewer (`below`).
   */
  riots?: number;
  verdict?: 'within riots' | 'beyond riots' | 'below';
}

/** One category of a cross-check: periods compared, how many agree, and every one that differs. */
export interface CrossCheckCategory {
  /** This source's category, and the other source's where it is not the same (HDX vs Explorer). */
  category: CategoryId;
  otherCategory?: CategoryId;
  periods: number;
  /** Periods whose events agree; whose events and fatalities both agree. */
  equalEvents: number;
  equalBoth: number;
  differences: CrossCheckDifference[];
}

/**
 * Two sources compared where they overlap (reported, never merged): the weekly file against an
 * event-level file by ACLED week, an HDX political-violence file against an Explorer table by
 * month. Written by the derive step into the source's report.
 */
export interface CrossCheck {
  /** The other source's id. */
  against: string;
  unit: 'week' | 'month';
  country: string;
  /** First and last period compared (week starts or months); only periods both cover whole. */
  from: string;
  to: string;
  /** What is compared with what, and why the figures may differ. */
  note: string;
  categories: CrossCheckCategory[];
}

/** What the derive step read from one raw source; shipped in data/aggregates/sources.json. */
export interface SourceInfo {
  id: string;
  name: string;
  /** `event` = one row per event; `aggregate` = country x month x event-type table. */
  kind: 'event' | 'aggregate';
  /** Where the raw file came from, and when ACLED's figures were retrieved. */
  origin: string;
  retrieved: string;
  file: string;
  sha256: string;
  /** First and last day the source covers (for event-level files: first and last event date). */
  coverage: { from: string; through: string };
  /** Aggregate file in data/aggregates holding what was derived from this source. */
  aggregates: string;
  /**
   * read = accepted + rejected + duplicates. `duplicates` are rows of an event already read
   * (same event_id_cnty; for tables, the same country, admin1, month and event type) that lost
   * to a newer version of it: the newest `timestamp` wins, or the later input when that does
   * not decide. Absent in reports written before duplicates were resolved.
   */
  rows: {
    read: number;
    accepted: number;
    rejected: number;
    byReason: Record<string, number>;
    duplicates?: number;
    /**
     * Weekly and HDX sources: rows of countries not configured, left out while reading (ACLED's
     * Africa-wide files): read = accepted + rejected + duplicates + filtered.
     */
    filtered?: number;
    filteredByCountry?: Record<string, number>;
  };
  /** The first rejections, with line numbers (all are counted in `rows.byReason`). */
  rejections: Rejection[];
  /** The first superseded duplicate rows, with file, line and what superseded them. */
  duplicates?: Rejection[];
  /**
   * Why `coverage.through` is what it is: `last event`, `last month` or `stated export date`
   * (HDX: the as-of date in the file name). Absent for weekly sources: they run through the
   * Friday that ends their last week.
   */
  coverageBasis?: 'last event' | 'last month' | 'stated export date';
  /** Per-country date coverage (first and last event date or table month) and counted rows. */
  countries?: Record<string, CountryCoverage>;
  /**
   * Events and fatalities counted; the derive step checks that these equal the sum of the
   * aggregates over the six event types (a partition), and fails if they do not.
   */
  totals?: { events: number; fatalities: number };
  /** The input files, with their hashes and detected layouts. */
  files?: InputFile[];
  /**
   * Event-level sources: the daily aggregate file (country x day x category) derived beside the
   * monthly one, the days it covers (every day from..through; days without a row had no event)
   * and its number of rows. The derive step checks that it sums to the monthly aggregates.
   */
  daily?: { file: string; from: string; through: string; rows: number };
  /**
   * The unit the source counts in: `day` (event-level files: days and calendar months), `month`
   * (tables, HDX files), `week` (ACLED weekly data: Saturday to Friday, never split into months).
   * Absent in reports written before weekly sources.
   */
  unit?: 'day' | 'week' | 'month';
  /** The categories the source gives exactly (model/categories.ts); no other is taken from it. */
  categories?: CategoryId[];
  /** The measures it gives (HDX demonstration files have no fatalities). */
  measures?: Measure[];
  /** HDX files: the indicator, from the file name or `--indicator`. */
  indicator?: 'political_violence' | 'civilian_targeting' | 'demonstrations';
  /** Weekly and HDX sources: the input files, CSV or .xlsx (event sources and tables use `files`). */
  inputs?: ProductFile[];
  /** Where this source overlaps another in the same run: the comparison, period by period. */
  crosschecks?: CrossCheck[];
  /** The source refreshed from ACLED's API (`acled-api`): the run that last refreshed it. */
  refresh?: RefreshRun;
}

/**
 * One refresh from ACLED's API (npm run data:refresh, or the scheduled Workflow): when, the
 * window of event dates read, the rows read (= accepted + rejected + duplicates), and the
 * outcome; for a failure, the reason in plain words. Only these counts are kept, never rows.
 */
export interface RefreshRun {
  /** ISO time the run started. */
  at: string;
  by: 'cli' | 'workflow';
  window: { since: string; through: string };
  countries: string[];
  rows: { read: number; accepted: number; rejected: number; duplicates: number; byReason: Record<string, number> };
  /** `published`: a new version is served; `unchanged`: ACLED had nothing new; `failed`: the served version was left as it was. */
  outcome: 'published' | 'unchanged' | 'failed';
  /** For a failure: why, in plain words (expired password, no API access, ACLED unreachable, rate-limited, ...), in English. */
  reason: string | null;
  /**
   * For a failure: its cause as a code (model/refresh-failures.ts: each has a sentence in every
   * language); null otherwise. Absent from records written before codes existed.
   */
  code?: RefreshFailure | null;
  /** The version the run published (or found unchanged); null for a failure. */
  version: string | null;
}

/** Identifies the data behind a figure: every payload carries it. */
export interface DatasetRef {
  /** Content hash of the dataset's entries: the same inputs always give the same version. */
  version: string;
  source: string;
  credit: string;
  /** Last day covered by the newest source. */
  asOf: string;
}

/** One month of one series, with its comparisons. Comparisons are null when not meaningful. */
export interface Point {
  month: string;
  value: number;
  /** Id of the source the value comes from (see the catalogue's `sources`). */
  source: string;
  /** The source stops before the month ends: the value is a lower bound, not a fall. */
  partial: boolean;
  /**
   * The month containing the end of the source it comes from: ACLED revises recent events for
   * weeks, so its value (and every change to or from it) is not settled (see provisional.ts).
   */
  provisional: boolean;
  vsPrevious: Change | null;
  /** Mean of the 3 (12) months before this one, and the change against it. */
  mean3: number | null;
  vsMean3: Change | null;
  mean12: number | null;
  vsMean12: Change | null;
  /** The same month a year earlier. */
  vsYearAgo: Change | null;
}

export interface SeriesInfo {
  country: { iso3: string; name: string };
  admin1: { name: string; slug: string } | null;
  category: { id: CategoryId; label: string; definition: string };
  measure: Measure;
}

/** A series as stored in KV and served by /api/v1/series. */
export interface SeriesDoc {
  dataset: DatasetRef;
  series: SeriesInfo;
  points: Point[];
}

/** Several series of one geography and measure: what /api/v1/series returns for several categories. */
export interface SeriesSet {
  dataset: DatasetRef;
  series: SeriesDoc[];
}

export interface CountryEntry {
  iso3: string;
  name: string;
  /**
   * Regions, from every source. `categories`: those with monthly series for the region (empty
   * for a region with weekly counts only; absent in datasets built before weeks, where every
   * region had the country's categories).
   */
  admin1: Region[];
  categories: CategoryId[];
  /**
   * First and last month with country-level data, and the months that some series of the
   * country (a region, an event-level category) has only in part; each point says so itself.
   */
  months: { from: string; to: string };
  /** Each category's own first and last month at country level (a source may give one category longer than the others). */
  categoryMonths?: Partial<Record<CategoryId, { from: string; to: string }>>;
  partialMonths: string[];
  /**
   * Day windows: the days the country's daily counts cover and their source, or null when the
   * country has no event-level source (absent in datasets built before day windows existed).
   */
  days?: { from: string; through: string; source: string } | null;
  /**
   * Weekly counts (ACLED weeks, Saturday to Friday): the first and last week (week starts), the
   * Friday they run through, the source, the first provisional week and the categories given;
   * null when no weekly source covers the country (absent in datasets built before weeks).
   */
  weeks?: WeeksCoverage | null;
  /** Per unit and source, the dates the country's data run through and what of it is provisional. */
  freshness?: Freshness[];
}

/** A region of a country's catalogue entry (see CountryEntry.admin1). */
export interface Region {
  name: string;
  slug: string;
  categories?: CategoryId[];
}

/** The weeks a country's weekly counts cover (see CountryEntry.weeks). */
export interface WeeksCoverage {
  source: string;
  from: string;
  to: string;
  /** The Friday that ends the last week. */
  through: string;
  provisionalFrom: string;
  categories: CategoryId[];
}

/**
 * How fresh one source's data for a country are, in one unit: the first and last day covered
 * and the provisional stretch at its end (the newest four weeks of a weekly or daily source,
 * the month containing the end of a monthly one), which ACLED may still revise.
 */
export interface Freshness {
  unit: 'day' | 'week' | 'month';
  source: string;
  from: string;
  through: string;
  provisional: { from: string; through: string };
}

/** A geography's weekly counts in one unit (events and fatalities), dense from `from` to `through` (week starts). */
export interface WeekCounts {
  /** Id of the weekly source. */
  source: string;
  /** First and last week start: `events[i]` is the count of the week from + 7i days; a 0 is a week without events. */
  from: string;
  through: string;
  /** The first of the newest four weeks, which ACLED may still revise. */
  provisionalFrom: string;
  events: number[];
  fatalities: number[];
}

/**
 * The weekly counts of one geography (country or admin1) and category, both measures, as stored
 * in KV (`weeks:<geo>:<category>`). No metrics are stored: the Worker computes them for the
 * weeks asked for (weekly.ts), as precomputing them for every week would take hundreds of MB.
 */
export interface WeeksDoc extends WeekCounts {
  dataset: DatasetRef;
  info: Pick<SeriesInfo, 'country' | 'admin1' | 'category'>;
}

/** One week of a weekly series, with its comparisons (null when the weeks they need are not in the data). */
export interface WeekPoint {
  /** The week's Saturday, `YYYY-MM-DD`; it runs to the Friday after. */
  week: string;
  value: number;
  /** One of the newest four weeks of the source: ACLED may still revise it; no change to it is settled. */
  provisional: boolean;
  vsPrevious: Change | null;
  /** Mean of the 4 (52) weeks before this one, and the change against it. */
  mean4: number | null;
  vsMean4: Change | null;
  mean52: number | null;
  vsMean52: Change | null;
  /** The same week a year earlier: 52 weeks back. */
  vsYearAgo: Change | null;
}

/**
 * A country's daily counts of one category, both measures, as stored in KV (one entry, so that a
 * claim read for events and fatalities costs one read). `days` is null for a country without an
 * event-level source, and `why` then says where day windows exist.
 */
export interface DaysDoc {
  dataset: DatasetRef;
  series: Pick<SeriesInfo, 'country' | 'category'>;
  days: {
    /** Id of the event-level source the counts come from. */
    source: string;
    /** First and last day covered: `events[i]` is the count on day from + i; a 0 is a day without events. */
    from: string;
    through: string;
    events: number[];
    fatalities: number[];
    /**
     * When the days come from more than one event-level source: which gives which days (oldest
     * first). The most recently retrieved source (`source`) gives its days; an older one the days
     * before them, where they join on.
     */
    sources?: { source: string; from: string; through: string }[];
  } | null;
  /** Why there are no day windows (when `days` is null). */
  why: string | null;
  /**
   * The country's weekly counts of the category, so that one read answers a window from days
   * where they cover it and from weeks elsewhere (and checks the one against the other); null
   * without a weekly source (absent in datasets built before weeks).
   */
  weeks?: WeekCounts | null;
}

/** A month x category where two sources both give a country figure and differ. */
export interface Disagreement {
  country: string;
  month: string;
  category: CategoryId;
  measure: Measure;
  values: Record<string, number>;
  used: string;
  /** True when one of the sources covers only part of the month (a difference is expected). */
  partial: boolean;
}

/** The catalogue served by /api/v1/catalogue. */
export interface Catalogue {
  dataset: DatasetRef;
  countries: CountryEntry[];
  categories: { id: CategoryId; label: string; definition: string; needs: 'event_type' | 'event' }[];
  measures: Measure[];
  sources: SourceInfo[];
  /** Which source gives a country-month when several do, and why. */
  precedence: string;
  disagreements: Disagreement[];
  /**
   * The derive step's comparisons of overlapping sources (the weekly file against the event
   * file by week, HDX against the Explorer table by month), each with the source it was made for:
   * every differing period with both figures. Reported, never merged.
   */
  crossChecks?: (CrossCheck & { source: string })[];
  thresholds: { lowBaseline: number; note: string };
  /** The last refresh from ACLED's API that this version comes from (absent when none was run). */
  lastRefresh?: RefreshRun;
}

export interface ClaimsDoc {
  dataset: DatasetRef;
  claims: ClaimVerdict[];
}

/** One entry of the KV list of published versions (key VERSIONS_KEY), oldest first. */
export interface PublishedVersion {
  version: string;
  publishedAt: string;
  /** Number of KV entries under the version's prefix. */
  entries: number;
}

/** The value of the KV pointer. */
export interface Pointer {
  version: string;
  publishedAt: string;
}
