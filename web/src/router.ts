/**
 * The view's state and the address bar, kept in step: every change of state is written to the
 * URL (a new history entry, so back and forward work), and the URL is read back on start and on
 * back/forward. The state is corrected against the catalogue on the way (state.ts's
 * resolveState). Knows nothing of the views: main.ts redraws after each change.
 */
import type { CountryEntry } from '../../model/types.ts';
import { pageQuery } from './lang.ts';
import { DEFAULT_STATE, defaultPeriods, resolveState, stateQuery, type ViewState } from './state.ts';

/** Embed mode: /embed, or ?embed=1 on / (the same layout, but the dashboard's headers forbid framing it). */
export const EMBED = location.pathname.startsWith('/embed') || new URLSearchParams(location.search).get('embed') === '1';

let state: ViewState = DEFAULT_STATE;

/** The current state. */
export function currentState(): ViewState {
  return state;
}

/** The URL of a state, on this page (/ or /embed), keeping ?embed=1. */
function urlFor(s: ViewState): string {
  const path = location.pathname.startsWith('/embed') ? location.pathname : '/';
  return `${path}${pageQuery(s, EMBED && !path.startsWith('/embed') ? { embed: '1' } : {})}`;
}

/** The state the URL asks for, corrected (on start, and on back/forward). */
export function readLocation(countries: readonly CountryEntry[]): ViewState {
  state = resolveState(new URLSearchParams(location.search), countries);
  return state;
}

/**
 * Apply a (possibly partial) change of state, corrected against the catalogue's countries (the
 * Compare view gets default periods), and write it to the history: a new entry, or with
 * `replace` (or when the URL does not change) the current one. Returns the new state.
 */
export function navigate(next: Partial<ViewState>, countries: readonly CountryEntry[], mode: 'push' | 'replace' = 'push'): ViewState {
  let merged: ViewState = { ...state, ...next };
  const q = new URLSearchParams(stateQuery(merged));
  merged = resolveState(q, countries);
  if (merged.view === 'compare' && (!merged.before || !merged.after)) {
    const c = countries.find((x) => x.iso3 === merged.country);
    if (c) merged = { ...merged, ...defaultPeriods(c, merged.category, merged.weeks) };
  }
  const url = urlFor(merged);
  const same = url === `${location.pathname}${location.search}`;
  state = merged;
  if (mode === 'push' && !same) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  return state;
}
