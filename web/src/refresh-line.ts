/**
 * The footer's line on the last refresh from ACLED's API (the catalogue's `lastRefresh`): when,
 * the window of event dates, the rows read, accepted and rejected, the outcome and, for a
 * failure, why. Loaded on demand once the first view is drawn: not part of the first view's code.
 */
import type { RefreshRun } from '../../model/types.ts';
import { fmtDay, num } from './format.ts';
import { tm } from './messages-more.ts';

/** The line's text, in the page's language. */
export function refreshLine(r: RefreshRun): string {
  const w = tm().refresh;
  const rows = w.rows(num(r.rows.read), num(r.rows.accepted), num(r.rows.rejected));
  const window = r.window.since ? w.window(fmtDay(r.window.since), fmtDay(r.window.through), rows) : '';
  const outcome = r.outcome === 'failed' && r.reason ? w.failedWhy(r.reason) : w[r.outcome];
  return w.line(fmtDay(r.at.slice(0, 10)), window, outcome);
}

/** Add the line to the footer (once). */
export function showRefresh(footer: HTMLElement, r: RefreshRun): void {
  const p = footer.querySelector<HTMLElement>('#last-refresh') ?? footer.appendChild(document.createElement('p'));
  p.id = 'last-refresh';
  p.textContent = refreshLine(r);
}
