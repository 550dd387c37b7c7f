/**
 * Monthly (and daily) aggregates + the totals counted from the input -> nothing, or a
 * ReconciliationError naming what does not add up: a run that lost rows must not publish.
 * Used by derive (aggregate.ts) and again by the build on the shipped files (build/dataset.ts).
 */
import { EVENT_TYPE_CATEGORIES } from '../../model/event-types.ts';
import type { AggregateRow, DailyRow } from '../../model/types.ts';

export class ReconciliationError extends Error {}

/** How many differing cells a daily reconciliation error names (it counts them all). */
const NAMED_CELLS = 5;

/**
 * The aggregates must add up, over the six event types, to what was accepted: for event sources
 * one event per accepted row, and the fatalities of those rows; for tables, their events and
 * fatalities columns. Throws on any difference.
 */
export function reconcile(rows: readonly AggregateRow[], acceptedEvents: number | null, events: number, fatalities: number): void {
  let e = 0;
  let f = 0;
  for (const r of rows) {
    // The event-type categories partition the events: summing them counts each event once.
    if (!EVENT_TYPE_CATEGORIES.includes(r.category)) continue;
    e += r.events;
    f += r.fatalities;
  }
  const problems: string[] = [];
  if (acceptedEvents !== null && e !== acceptedEvents)
    problems.push(`aggregates hold ${e} events but ${acceptedEvents} rows were accepted`);
  if (e !== events) problems.push(`aggregates hold ${e} events, input counted ${events}`);
  if (f !== fatalities) problems.push(`aggregates hold ${f} fatalities, input counted ${fatalities}`);
  if (problems.length > 0) throw new ReconciliationError(`totals do not reconcile: ${problems.join('; ')}`);
}

/**
 * The daily aggregates must sum, per country, month and category, exactly to the monthly ones
 * (over every region). Throws on any difference, naming the first cells that differ: daily
 * figures that disagree with the monthly ones must not be published.
 */
export function reconcileDaily(monthly: readonly AggregateRow[], daily: readonly DailyRow[]): void {
  const sums = new Map<string, [number, number, number, number]>();
  const at = (k: string) => {
    let v = sums.get(k);
    if (!v) sums.set(k, (v = [0, 0, 0, 0]));
    return v;
  };
  for (const r of monthly) {
    const v = at(`${r.country} ${r.month} ${r.category}`);
    v[0] += r.events;
    v[1] += r.fatalities;
  }
  for (const r of daily) {
    const v = at(`${r.country} ${r.date.slice(0, 7)} ${r.category}`);
    v[2] += r.events;
    v[3] += r.fatalities;
  }
  const bad = [...sums].filter(([, v]) => v[0] !== v[2] || v[1] !== v[3]).sort(([a], [b]) => (a < b ? -1 : 1));
  if (bad.length > 0)
    throw new ReconciliationError(
      `daily aggregates do not add up to the monthly ones in ${bad.length} cell(s): ` +
        bad
          .slice(0, NAMED_CELLS)
          .map(([k, v]) => `${k}: days hold ${v[2]} events, ${v[3]} fatalities; months hold ${v[0]} events, ${v[1]} fatalities`)
          .join('; '),
    );
}
