/**
 * The footer's line on the last refresh from ACLED's API, whatever its outcome (GET
 * /api/v1/refresh; the catalogue's `lastRefresh` when that cannot be read): when, the window of
 * event dates, the rows read, accepted and rejected, the outcome and, for a failure, why. Loaded
 * on demand once the first view is drawn: not part of the first view's code.
 */
import type { LastRefresh } from '../../model/api.ts';
import type { RefreshRun } from '../../model/types.ts';

/** A day as the page writes it (model/format.ts fmtDate, passed in: the page's code has it already, this chunk need not). */
type FmtDate = (day: string) => string;

const OUTCOME: Record<RefreshRun['outcome'], string> = {
  published: 'new data published',
  unchanged: 'no new data',
  failed: 'failed',
};

/** The line's text. */
export function refreshLine(r: RefreshRun, fmtDate: FmtDate): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const rows = `${n(r.rows.read)} rows read, ${n(r.rows.accepted)} accepted, ${n(r.rows.rejected)} rejected`;
  const window = r.window.since ? ` (event dates ${fmtDate(r.window.since)} to ${fmtDate(r.window.through)}; ${rows})` : '';
  const outcome = r.outcome === 'failed' && r.reason ? `failed: ${r.reason}; the data shown is unchanged` : OUTCOME[r.outcome];
  return `Last refresh from ACLED's API: ${fmtDate(r.at.slice(0, 10))}${window}: ${outcome}.`;
}

/** Add the line to the footer (once). */
export function showRefresh(footer: HTMLElement, r: RefreshRun, fmtDate: FmtDate): void {
  const p = footer.querySelector<HTMLElement>('#last-refresh') ?? footer.appendChild(document.createElement('p'));
  p.id = 'last-refresh';
  p.textContent = refreshLine(r, fmtDate);
}

/**
 * Show the last run: the newer of the run recorded by the scheduled refresh (/api/v1/refresh,
 * whatever its outcome) and `fallback`, the run the served version comes from (the catalogue's
 * `lastRefresh`, which a refresh from the command line also sets); nothing when there is neither.
 */
export async function showLastRefresh(footer: HTMLElement, fallback: RefreshRun | null, fmtDate: FmtDate): Promise<void> {
  let recorded: RefreshRun | null = null;
  try {
    const res = await fetch('/api/v1/refresh', { headers: { accept: 'application/json' } });
    if (res.ok) recorded = ((await res.json()) as LastRefresh).run;
  } catch {
    // The line is an extra: without the record, the catalogue's run (if any) is shown.
  }
  const run = lastOf(recorded, fallback);
  if (run) showRefresh(footer, run, fmtDate);
}

/** The later of two runs (by start time), or the one there is. */
export function lastOf(a: RefreshRun | null, b: RefreshRun | null): RefreshRun | null {
  if (!a || !b) return a ?? b;
  return a.at >= b.at ? a : b;
}
