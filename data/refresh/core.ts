/**
 * The refresh core, shared by `npm run data:refresh` (Node) and the scheduled Workflow
 * (workerd): ACLED API rows of a window of event dates -> the event-level source `acled-api`,
 * derived by the same code as `data:derive` (normalise, dedupe, aggregate, reconcile: rows read =
 * accepted + rejected + duplicates) and merged with the stored `acled-api` aggregates: the
 * window's months and days replace the stored ones, earlier ones are kept. The source is
 * retrieved the day of the run, so by the precedence rule (data/build/series.ts) its whole months
 * win over older sources. Pure: no Node or Worker APIs; raw rows only pass through memory.
 */
import { CATEGORY_IDS, type CategoryId, category } from '../../model/categories.ts';
import { addDays } from '../../model/day.ts';
import { EVENT_TYPE_CATEGORIES } from '../../model/event-types.ts';
import { COUNTRIES, type Iso3, toIso3 } from '../../model/geography.ts';
import type { AggregateRow, DailyRow, RefreshRun, SourceInfo } from '../../model/types.ts';
import { type Derived, derive } from '../derive/aggregate.ts';
import { compareRows } from '../derive/classes.ts';
import { compareDailyRows } from '../derive/daily.ts';
import { parseDate } from '../derive/normalise.ts';
import type { CsvRecord } from '../derive/record.ts';
import { LISTED_REJECTIONS } from '../derive/report.ts';
import { RefreshError } from './failure.ts';

/** Id and files of the refreshed source. */
export const REFRESH_SOURCE = 'acled-api';
const AGGREGATES_FILE = 'acled-api.csv';
const DAILY_FILE = 'acled-api-daily.csv';

/**
 * ACLED revises recent events for weeks: a refresh reads again the last 8 weeks before the newest
 * stored event-level day (from the first of that month, so that every month it gives is whole),
 * and anything newer.
 */
export const REVISION_WEEKS = 8;

export interface RefreshWindow {
  /** First event date read (a first of the month). */
  since: string;
  /** Last event date read (the run's day by default). */
  through: string;
  countries: Iso3[];
}

/** The stored refresh source: its report and aggregates (monthly and daily). */
export interface RefreshSource {
  info: SourceInfo;
  rows: AggregateRow[];
  daily: DailyRow[];
}

/** Every country the project covers, in catalogue order. */
export const ALL_COUNTRIES: Iso3[] = COUNTRIES.map((c) => c.iso3);

/** ACLED's spelling of a country (what its `country=` filter takes). */
export function acledName(iso3: Iso3): string {
  return COUNTRIES.find((c) => c.iso3 === iso3)!.name;
}

/** `--countries BFA,MLI` -> ISO3 codes; throws naming what is not one of the five. */
export function parseCountries(text: string): Iso3[] {
  const out: Iso3[] = [];
  for (const part of text.split(',')) {
    const t = part.trim();
    const iso3 = t === '' ? null : toIso3(t);
    if (!iso3) throw new RefreshError('window', `unknown country "${t}": give ISO3 codes among ${ALL_COUNTRIES.join(', ')}`);
    if (!out.includes(iso3)) out.push(iso3);
  }
  return ALL_COUNTRIES.filter((c) => out.includes(c));
}

/**
 * The window a refresh reads. Default start: REVISION_WEEKS before the newest day the stored
 * event-level sources cover (or, without any, the newest day any source covers), from the first
 * of that month; an explicit `since` is moved back to the first of its month too. Default end:
 * `today`. Countries: those asked for and every country the stored refresh source already gives
 * (its coverage is one span for all of them). Throws on a window that is not a real span of days,
 * or that would leave a gap after the stored refresh source.
 */
export function refreshWindow(
  stored: readonly SourceInfo[],
  today: string,
  opts: { since?: string | null; through?: string | null; countries?: Iso3[] | null } = {},
): RefreshWindow {
  for (const [name, v] of [
    ['--since', opts.since],
    ['--through', opts.through],
  ] as const)
    if (v != null && parseDate(v) !== v) throw new RefreshError('window', `${name} must be a date as YYYY-MM-DD, got "${v}"`);
  const through = opts.through ?? today;
  const events = stored.filter((s) => s.kind === 'event' && s.coverage.through);
  const newest = (events.length > 0 ? events : stored)
    .map((s) => s.coverage.through)
    .filter((d) => d !== '')
    .sort()
    .at(-1);
  const start = opts.since ?? (newest ? addDays(newest, -7 * REVISION_WEEKS) : null);
  if (start === null) throw new RefreshError('window', 'nothing is stored yet to refresh from: give --since YYYY-MM-DD');
  const since = `${start.slice(0, 7)}-01`;
  if (since > through) throw new RefreshError('window', `the window ${since} to ${through} is empty: --since must not be after --through`);
  const prev = stored.find((s) => s.id === REFRESH_SOURCE);
  if (prev?.coverage.through && since > addDays(prev.coverage.through, 1))
    throw new RefreshError(
      'window',
      `the window would start on ${since}, leaving a gap after the stored ${REFRESH_SOURCE} data (through ${prev.coverage.through}): give an earlier --since`,
    );
  if (prev && through < prev.coverage.through)
    throw new RefreshError(
      'window',
      `--through ${through} is before the stored ${REFRESH_SOURCE} data end (${prev.coverage.through}): a refresh never shortens it`,
    );
  const asked = opts.countries ?? ALL_COUNTRIES;
  const have = Object.keys(prev?.countries ?? {}) as Iso3[];
  return { since, through, countries: ALL_COUNTRIES.filter((c) => asked.includes(c) || have.includes(c)) };
}

/**
 * Records dated outside the window, or of a country not asked for, are passed on as malformed
 * (rejected with the reason): the API should not send them, and a refresh counts only its window.
 */
export function inWindow(rec: CsvRecord, w: RefreshWindow): CsvRecord {
  if (rec.malformed) return rec;
  const date = parseDate(rec.fields.event_date ?? '');
  if (date !== null && (date < w.since || date > w.through))
    return { ...rec, malformed: `event_date ${date} is outside the refresh window ${w.since} to ${w.through}` };
  const iso3 = toIso3(rec.fields.country ?? '');
  if (iso3 !== null && !w.countries.includes(iso3)) return { ...rec, malformed: `country ${rec.fields.country} was not asked for` };
  return rec;
}

/** Derive the window's records (as data:derive derives an event file), through the window's last day. */
export function deriveWindow(records: Iterable<CsvRecord> | AsyncIterable<CsvRecord>, w: RefreshWindow): Promise<Derived> {
  const checked = (async function* () {
    for await (const r of records) yield inWindow(r, w);
  })();
  return derive(checked, 'event', { through: w.through });
}

/** The counts of a derived window, as a RefreshRun gives them. */
export function runRows(d: Derived): RefreshRun['rows'] {
  const r = d.report.rows;
  return { read: r.read, accepted: r.accepted, rejected: r.rejected, duplicates: r.duplicates ?? 0, byReason: r.byReason };
}

/**
 * The stored refresh source with the window's aggregates in place of its months and days from
 * `since` on. Its report: coverage from its first month to the window's end, the run's row
 * counts (rejections and duplicates are the run's), totals and per-country figures of the
 * merged aggregates.
 */
export function mergeWindow(prev: RefreshSource | null, d: Derived, w: RefreshWindow, run: RefreshRun): RefreshSource {
  const sinceMonth = w.since.slice(0, 7);
  const rows = [...(prev?.rows ?? []).filter((r) => r.month < sinceMonth), ...d.rows].sort(compareRows);
  const daily = [...(prev?.daily ?? []).filter((r) => r.date < w.since), ...d.daily].sort(compareDailyRows);
  const from = prev?.info.coverage.from && prev.info.coverage.from < w.since ? prev.info.coverage.from : w.since;
  const totals = { events: 0, fatalities: 0 };
  const countries: NonNullable<SourceInfo['countries']> = {};
  for (const iso3 of w.countries) countries[iso3] = { from, through: w.through, accepted: 0 };
  // Events and fatalities: the six event types partition the events (as reconcile.ts counts them).
  const counted = new Map<string, number>();
  for (const r of rows) {
    if (!EVENT_TYPE_CATEGORIES.includes(r.category)) continue;
    totals.events += r.events;
    totals.fatalities += r.fatalities;
    counted.set(r.country, (counted.get(r.country) ?? 0) + r.events);
  }
  for (const [iso3, n] of counted) if (countries[iso3]) countries[iso3].accepted = n;
  const { rows: runCounts } = run;
  const info: SourceInfo = {
    id: REFRESH_SOURCE,
    name: `ACLED API, event-level, ${w.countries.join(', ')}, ${from} to ${w.through} (refreshed ${run.at.slice(0, 10)})`,
    kind: 'event',
    origin: "ACLED's API (GET /api/acled/read), refreshed by npm run data:refresh or the scheduled refresh Workflow",
    retrieved: run.at.slice(0, 10),
    file: `ACLED API, event_date ${w.since} to ${w.through}`,
    sha256: '',
    coverage: { from, through: w.through },
    aggregates: AGGREGATES_FILE,
    rows: {
      read: runCounts.read,
      accepted: runCounts.accepted,
      rejected: runCounts.rejected,
      byReason: runCounts.byReason,
      duplicates: runCounts.duplicates,
    },
    rejections: d.report.rejections,
    duplicates: d.report.duplicates,
    coverageBasis: 'stated export date',
    countries,
    totals,
    daily: { file: DAILY_FILE, from, through: w.through, rows: daily.length },
    unit: 'day',
    categories: givenCategories(rows),
    refresh: run,
  };
  return { info, rows, daily };
}

/** The categories the merged rows give: the event-type ones always, the others where rows carry them (as data:derive lists them). */
function givenCategories(rows: readonly AggregateRow[]): CategoryId[] {
  const present = new Set<string>(rows.map((r) => r.category));
  return CATEGORY_IDS.filter((id) => present.has(id) || category(id).reads === 'event_type');
}

/**
 * Several windows derived apart (one per country: event ids are per country, so no duplicate
 * spans two) -> one, as if derived together: rows and counts added up, reports merged.
 */
export function combine(parts: readonly Derived[]): Derived {
  const rows = parts.flatMap((p) => p.rows).sort(compareRows);
  const daily = parts.flatMap((p) => p.daily).sort(compareDailyRows);
  const byReason: Record<string, number> = {};
  const sum = { read: 0, accepted: 0, rejected: 0, duplicates: 0 };
  const totals = { events: 0, fatalities: 0 };
  const countries: Derived['report']['countries'] = {};
  for (const p of parts) {
    const r = p.report.rows;
    sum.read += r.read;
    sum.accepted += r.accepted;
    sum.rejected += r.rejected;
    sum.duplicates += r.duplicates ?? 0;
    for (const [k, v] of Object.entries(r.byReason)) byReason[k] = (byReason[k] ?? 0) + v;
    totals.events += p.report.totals.events;
    totals.fatalities += p.report.totals.fatalities;
    Object.assign(countries, p.report.countries);
  }
  const froms = parts
    .map((p) => p.report.coverage.from)
    .filter(Boolean)
    .sort();
  const throughs = parts
    .map((p) => p.report.coverage.through)
    .filter(Boolean)
    .sort();
  return {
    rows,
    daily,
    report: {
      rows: { ...sum, byReason: Object.fromEntries(Object.entries(byReason).sort(([a], [b]) => a.localeCompare(b))) },
      rejections: parts.flatMap((p) => p.report.rejections).slice(0, LISTED_REJECTIONS),
      duplicates: parts.flatMap((p) => p.report.duplicates).slice(0, LISTED_REJECTIONS),
      coverage: { from: froms[0] ?? '', through: throughs.at(-1) ?? '' },
      coverageBasis: 'stated export date',
      countries,
      totals,
    },
  };
}

/** Do two versions of the refresh source give the same aggregates (nothing new from ACLED)? */
export function sameAggregates(a: RefreshSource, b: RefreshSource): boolean {
  return JSON.stringify([a.rows, a.daily]) === JSON.stringify([b.rows, b.daily]);
}
