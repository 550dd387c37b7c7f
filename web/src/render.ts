/**
 * DOM rendering. Text from the API is always inserted as text nodes (never as HTML).
 */
import { TREND_SYMBOLS, type TrendBand } from '../../model/trend.ts';
import type { DatasetRef, SourceInfo } from '../../model/types.ts';
import { ApiError } from './api.ts';
import { fmtDay } from './format.ts';
import { LANG } from './lang.ts';
import { t } from './messages.ts';
import type { Option } from './options.ts';
import type { Table } from './series-data.ts';

export type Child = Node | string | null | undefined | false;

/** Create an element with attributes (class, data-*, aria-*, ...) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
}

export function loading(container: HTMLElement, text = t.loading): void {
  container.replaceChildren(h('p', { class: 'loading' }, text));
}

/** A visible error in place of a section's content: what failed, and the API's detail. */
export function errorBox(what: string, err: unknown): HTMLElement {
  const box = h('div', { class: 'error', role: 'alert' }, h('p', { class: 'error-title' }, t.couldNotLoad(what)));
  if (err instanceof ApiError) {
    box.append(
      // The API's words keep their language, marked where it is not the page's.
      h(
        'p',
        err.lang === LANG ? {} : { lang: err.lang },
        `${err.title}${err.status ? ` (HTTP ${err.status})` : ''}${err.detail ? `: ${err.detail}` : ''}`,
      ),
      h('p', { class: 'error-path' }, t.request, h('code', {}, err.path)),
    );
  } else {
    box.append(h('p', { lang: 'en' }, err instanceof Error ? err.message : String(err)));
  }
  return box;
}

export function showError(container: HTMLElement, what: string, err: unknown): void {
  container.replaceChildren(errorBox(what, err));
}

// ---------------------------------------------------------------------------------------------
// Controls

export function fillSelect(select: HTMLSelectElement, options: readonly Option[], value: string): void {
  select.replaceChildren(...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
  select.value = value;
}

// ---------------------------------------------------------------------------------------------
// Footer

export function renderFooter(container: HTMLElement, dataset: DatasetRef, sources: readonly SourceInfo[]): void {
  container.replaceChildren(
    h(
      'p',
      { class: 'credit' },
      t.source,
      h('span', { id: 'credit' }, dataset.credit),
      '. ',
      h('span', { lang: 'en' }, dataset.source),
      '.',
    ),
    h(
      'p',
      {},
      t.datasetVersion,
      h('code', { id: 'dataset-version' }, dataset.version),
      t.dataAsOf,
      h('time', { id: 'dataset-asof', datetime: dataset.asOf }, fmtDay(dataset.asOf)),
    ),
    sources.length > 0
      ? h(
          'details',
          {},
          h('summary', {}, t.sourcesUsed),
          // The sources in the page's language (the catalogue names them in English; French describes them from their fields), with their ids.
          h(
            'ul',
            {},
            ...sources.map((s) =>
              h('li', {}, t.sourceName(s), ' · ', h('code', {}, s.id), t.sourceCovers(fmtDay(s.coverage.from), fmtDay(s.coverage.through))),
            ),
          ),
        )
      : '',
  );
}

// ---------------------------------------------------------------------------------------------
// Tables and trend badges

/** A data table (the rows as text). */
export function renderTable(container: HTMLElement, t: Table, caption: string): void {
  container.replaceChildren(
    h(
      'table',
      { class: 'data' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...t.head.map((c, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : undefined }, c)))),
      h(
        'tbody',
        {},
        ...t.rows.map((r) =>
          h(
            'tr',
            {},
            ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: i < r.length - 1 ? 'num' : 'note-cell' }, c))),
          ),
        ),
      ),
    ),
  );
}

export function trendBadge(band: TrendBand, label: string, title?: string): HTMLElement {
  return h(
    'span',
    { class: `trend trend-${band}`, 'data-band': band, title },
    h('span', { class: 'trend-symbol', 'aria-hidden': 'true' }, TREND_SYMBOLS[band]),
    ' ',
    h('span', { class: 'trend-label' }, label),
  );
}
