/**
 * The Compare view's API paths: the comparison of two periods and the check of a claim (JSON or
 * CSV), from the view's state. Pure: no DOM; loaded with the view, not by the first one.
 */
import type { CheckResult, CompareResult } from '../../../model/api.ts';
import { getJson } from '../api.ts';
import { seriesParams } from '../api-paths.ts';
import { LANG } from '../lang.ts';
import { relationWording } from '../relation-options.ts';
import type { ViewState } from '../state.ts';

/** The compare route's path, or null until both periods are set. */
export function comparePath(s: ViewState, format?: 'csv'): string | null {
  if (!s.before || !s.after) return null;
  const q = seriesParams(s, { from: null, to: null });
  q.set('before', s.before);
  q.set('after', s.after);
  // Sentences, verdicts and citations in the page's language (ids and numbers never change with it).
  if (LANG === 'fr') q.set('lang', 'fr');
  if (format) q.set('format', format);
  return `/api/v1/compare?${q.toString()}`;
}

/**
 * The check route's path for the state's claim, or null without a relation, a threshold or an
 * "after" period. value_gte reads only "after" (the route refuses a "before" with it); without
 * wording of its own, the claim is worded in plain language (relationWording).
 * @example checkPath(s) === '/api/v1/check?country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08&relation=ratio_gte&threshold=4&wording=at+least+4+times'
 */
export function checkPath(s: ViewState, format?: 'csv'): string | null {
  if (s.relation === null || s.threshold === null || !s.after) return null;
  const q = seriesParams(s, { from: null, to: null });
  q.set('measure', s.bothMeasures ? 'events,fatalities' : s.measure);
  if (s.before && s.relation !== 'value_gte') q.set('before', s.before);
  q.set('after', s.after);
  q.set('relation', s.relation);
  q.set('threshold', s.threshold);
  q.set('wording', s.wording ?? relationWording(s.relation, s.threshold));
  // Sentences, verdicts and citations in the page's language (ids and numbers never change with it).
  if (LANG === 'fr') q.set('lang', 'fr');
  if (format) q.set('format', format);
  return `/api/v1/check?${q.toString()}`;
}

/** `path` as built by comparePath. */
export const getCompare = (path: string, signal?: AbortSignal) => getJson<CompareResult>(path, signal);

/** `path` as built by checkPath. */
export const getCheck = (path: string, signal?: AbortSignal) => getJson<CheckResult>(path, signal);
