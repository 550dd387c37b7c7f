/**
 * The footer's line on the last refresh from ACLED's API, whatever its outcome (GET
 * /api/v1/refresh; the catalogue's `lastRefresh` when that cannot be read): when, the window of
 * event dates, the rows read, accepted and rejected, the outcome and, for a failure, why. Loaded
 * on demand once the first view is drawn: not part of the first view's code.
 */
import type { LastRefresh } from '../../model/api.ts';
import type { Lang } from '../../model/lang.ts';
import { failureReason } from '../../model/refresh-failures.ts';
import type { RefreshRun } from '../../model/types.ts';
import { fmtDay, num } from './format.ts';
import { LANG } from './lang.ts';
import { tm } from './messages-more.ts';

/**
 * A failure's reason in the page's language (the sentence for its code; in English, the reason as
 * recorded), or the recorded English one when the run has no code (recorded before codes
 * existed): `english` says so, and the page marks it lang="en".
 */
export function reasonOf(r: RefreshRun, lang: Lang = LANG): { text: string; english: boolean } | null {
  if (r.outcome !== 'failed' || !r.reason) return null;
  const said = failureReason(r, lang);
  return said === null ? { text: r.reason, english: lang !== 'en' } : { text: said, english: false };
}

/** The line's text, in the page's language. */
export function refreshLine(r: RefreshRun, lang: Lang = LANG): string {
  const w = tm().refresh;
  const rows = w.rows(num(r.rows.read), num(r.rows.accepted), num(r.rows.rejected));
  const window = r.window.since ? w.window(fmtDay(r.window.since), fmtDay(r.window.through), rows) : '';
  const why = reasonOf(r, lang);
  const outcome = why ? w.failedWhy(why.text) : w[r.outcome];
  return w.line(fmtDay(r.at.slice(0, 10)), window, outcome);
}

/** Add the line to the footer (once); an English reason on a page in another language is marked lang="en". */
function showRefresh(footer: HTMLElement, r: RefreshRun): void {
  const p = footer.querySelector<HTMLElement>('#last-refresh') ?? footer.appendChild(document.createElement('p'));
  p.id = 'last-refresh';
  const text = refreshLine(r);
  const why = reasonOf(r);
  const at = why?.english ? text.lastIndexOf(why.text) : -1;
  if (!why || at < 0) {
    p.textContent = text;
    return;
  }
  const en = document.createElement('span');
  en.lang = 'en';
  en.textContent = why.text;
  p.replaceChildren(text.slice(0, at), en, text.slice(at + why.text.length));
}

/**
 * Show the last run: the newer of the run recorded by the scheduled refresh (/api/v1/refresh,
 * whatever its outcome) and `fallback`, the run the served version comes from (the catalogue's
 * `lastRefresh`, which a refresh from the command line also sets); nothing when there is neither.
 */
export async function showLastRefresh(footer: HTMLElement, fallback: RefreshRun | null): Promise<void> {
  let recorded: RefreshRun | null = null;
  try {
    const res = await fetch('/api/v1/refresh', { headers: { accept: 'application/json' } });
    if (res.ok) recorded = ((await res.json()) as LastRefresh).run;
  } catch {
    // The line is an extra: without the record, the catalogue's run (if any) is shown.
  }
  const run = lastOf(recorded, fallback);
  if (run) showRefresh(footer, run);
}

/** The later of two runs (by start time), or the one there is. */
export function lastOf(a: RefreshRun | null, b: RefreshRun | null): RefreshRun | null {
  if (!a || !b) return a ?? b;
  return a.at >= b.at ? a : b;
}
