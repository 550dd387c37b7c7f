/**
 * Every row's fate (read, rejected by reason, duplicate) and what the rows cover -> the report of
 * a derived source (SourceInfo's rows, rejections, duplicates, coverage, countries, totals).
 */
import { daysInMonth } from '../../model/month.ts';
import type { CountryCoverage, Rejection, SourceInfo } from '../../model/types.ts';
import type { CsvRecord } from './record.ts';

/** How many rejections (and duplicates) are listed one by one in the report (all are counted). */
export const LISTED_REJECTIONS = 100;

export type DeriveReport = Pick<SourceInfo, 'rows' | 'rejections' | 'coverage'> &
  Required<Pick<SourceInfo, 'duplicates' | 'coverageBasis' | 'countries' | 'totals'>>;

/** Where a record starts, with a reason. */
export function where(rec: Pick<CsvRecord, 'file' | 'line'>, reason: string): Rejection {
  return rec.file ? { file: rec.file, line: rec.line, reason } : { line: rec.line, reason };
}

/** The running account of one source's rows. */
export class Ledger {
  read = 0;
  duplicates = 0;
  private readonly byReason: Record<string, number> = {};
  private readonly rejections: Rejection[] = [];
  private readonly duplicateList: Rejection[] = [];
  private readonly countries = new Map<string, { from: string; through: string }>();
  private first: string | null = null;
  private last: string | null = null;

  /** Count a rejected record under `kind` (listed with `reason` while under LISTED_REJECTIONS). */
  reject(rec: CsvRecord, kind: string, reason: string): void {
    this.byReason[kind] = (this.byReason[kind] ?? 0) + 1;
    if (this.rejections.length < LISTED_REJECTIONS) this.rejections.push(where(rec, reason));
  }

  /** Record that a country's rows reach `day` (a `YYYY-MM-DD` date, or a `YYYY-MM` month for tables). */
  covers(country: string, day: string): void {
    if (this.first === null || day < this.first) this.first = day;
    if (this.last === null || day > this.last) this.last = day;
    const cc = this.countries.get(country);
    if (!cc) this.countries.set(country, { from: day, through: day });
    else {
      if (day < cc.from) cc.from = day;
      if (day > cc.through) cc.through = day;
    }
  }

  /** Count a duplicate; `loser` is superseded by `winner` (listed while under LISTED_REJECTIONS). */
  duplicate(what: string, loser: Rejection, winner: Rejection, why: string): void {
    this.duplicates++;
    if (this.duplicateList.length >= LISTED_REJECTIONS) return;
    this.duplicateList.push({
      ...(loser.file ? { file: loser.file } : {}),
      line: loser.line,
      reason: `duplicate ${what}: superseded by ${winner.file ? `${winner.file} ` : ''}line ${winner.line} (${why})`,
    });
  }

  rejected(): number {
    return Object.values(this.byReason).reduce((a, b) => a + b, 0);
  }

  accepted(): number {
    return this.read - this.rejected() - this.duplicates;
  }

  /**
   * The report. Coverage: an aggregated table covers its first to its last month, whole. An
   * event-level export is taken to start on the first day of its first event's month (exports
   * are requested by month) and to end on its last event's date or the stated export date
   * (`through`): the last weeks are the ones ACLED is still filling in, so a month cut there is
   * marked partial rather than read as a fall. `acceptedIn` gives a country's accepted events
   * (event sources) or table cells.
   */
  report(
    kind: SourceInfo['kind'],
    through: string | null,
    acceptedIn: (country: string) => number,
    totals: { events: number; fatalities: number },
  ): DeriveReport {
    const { first, last } = this;
    const countries: Record<string, CountryCoverage> = {};
    for (const [iso3, cov] of [...this.countries.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      countries[iso3] =
        kind === 'event'
          ? { from: cov.from, through: cov.through, accepted: acceptedIn(iso3) }
          : { from: `${cov.from}-01`, through: `${cov.through}-${daysInMonth(cov.through)}`, accepted: acceptedIn(iso3) };
    }
    const coverage =
      first === null || last === null
        ? { from: '', through: '' }
        : kind === 'event'
          ? { from: `${first.slice(0, 7)}-01`, through: through ?? last }
          : { from: `${first}-01`, through: through ?? `${last}-${daysInMonth(last)}` };
    const rejected = this.rejected();
    return {
      rows: {
        read: this.read,
        accepted: this.read - rejected - this.duplicates,
        rejected,
        byReason: sortKeys(this.byReason),
        duplicates: this.duplicates,
      },
      rejections: this.rejections,
      duplicates: this.duplicateList,
      coverage,
      coverageBasis: through !== null ? 'stated export date' : kind === 'event' ? 'last event' : 'last month',
      countries,
      totals,
    };
  }
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
