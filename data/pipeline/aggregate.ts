/**
 * Parsed records of one source -> monthly aggregates per country/admin1 x month x category, and
 * a report that accounts for every row (read = accepted + rejected).
 */
import { CATEGORIES } from '../model/categories.ts';
import type { AggregateRow, Rejection, SourceInfo } from '../model/types.ts';
import type { CsvRecord } from './parse.ts';
import { type Counted, normaliseEvent, normaliseTableRow } from './normalise.ts';
import { daysInMonth } from '../model/month.ts';

/** How many rejections are listed one by one in the report (all are counted by reason). */
const LISTED_REJECTIONS = 100;

/**
 * Coverage: an aggregated table covers its first to its last month, whole. An event-level export
 * is taken to start on the first day of its first event's month (exports are requested by
 * month) and to end on its last event's date: the last weeks are the ones ACLED is still
 * filling in, so a month cut there is marked partial rather than read as a fall.
 */
export interface Derived {
  rows: AggregateRow[];
  report: Pick<SourceInfo, 'rows' | 'rejections' | 'coverage'>;
}

/** Count every record of an event-level (`event`) or aggregated (`aggregate`) source. */
export async function derive(records: AsyncIterable<CsvRecord>, kind: SourceInfo['kind']): Promise<Derived> {
  const cells = new Map<string, AggregateRow>();
  const byReason: Record<string, number> = {};
  const rejections: Rejection[] = [];
  let read = 0;
  let first: string | null = null;
  let last: string | null = null;
  const normalise = kind === 'event' ? normaliseEvent : normaliseTableRow;
  for await (const rec of records) {
    read++;
    const n = rec.malformed
      ? { ok: false as const, kind: 'malformed row', reason: `malformed row: ${rec.malformed}` }
      : normalise(rec.fields);
    if (!n.ok) {
      byReason[n.kind] = (byReason[n.kind] ?? 0) + 1;
      if (rejections.length < LISTED_REJECTIONS) rejections.push({ line: rec.line, reason: n.reason });
      continue;
    }
    const row = n.row;
    const day = row.date ?? row.month;
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
    add(cells, row);
  }
  const rejected = Object.values(byReason).reduce((a, b) => a + b, 0);
  const accepted = read - rejected;
  const rows = [...cells.values()].sort(compareRows);
  const coverage =
    first === null || last === null
      ? { from: '', through: '' }
      : kind === 'event'
        ? { from: `${first.slice(0, 7)}-01`, through: last }
        : { from: `${first}-01`, through: `${last}-${daysInMonth(last)}` };
  return { rows, report: { rows: { read, accepted, rejected, byReason: sortKeys(byReason) }, rejections, coverage } };
}

function add(cells: Map<string, AggregateRow>, row: Counted): void {
  for (const c of CATEGORIES) {
    // Aggregated tables lack the event-level fields those categories need.
    if (c.needs === 'event' && row.civilianTargeting === null) continue;
    if (!c.includes(row)) continue;
    const key = `${row.country}|${row.admin1}|${row.month}|${c.id}`;
    const cell = cells.get(key) ?? { country: row.country, admin1: row.admin1, month: row.month, category: c.id, events: 0, fatalities: 0 };
    cell.events += row.events;
    cell.fatalities += row.fatalities;
    cells.set(key, cell);
  }
}

export function compareRows(a: AggregateRow, b: AggregateRow): number {
  return (
    a.country.localeCompare(b.country, 'en') ||
    a.admin1.localeCompare(b.admin1, 'en') ||
    a.month.localeCompare(b.month) ||
    a.category.localeCompare(b.category)
  );
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
