/**
 * DOM rendering. Text from the API is always inserted as text nodes (never as HTML).
 */
import type { Change } from '../../data/model/change.ts';
import type { DatasetRef, SourceInfo } from '../../data/model/types.ts';
import { TREND_SYMBOLS, type TrendBand } from '../../data/model/trend.ts';
import {
  fmtChange,
  fmtDate,
  fmtNum,
  fmtPct,
  fmtSigned,
  type Option,
  type OverviewFigure,
  type RegionRanking,
  type Table,
  trendDetail,
} from './shape.ts';
import { monthLabel } from '../../data/model/month.ts';
import { ApiError } from './api.ts';

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

export function loading(container: HTMLElement, text = 'Loading…'): void {
  container.replaceChildren(h('p', { class: 'loading' }, text));
}

/** A visible error in place of a section's content: what failed, and the API's detail. */
export function errorBox(what: string, err: unknown): HTMLElement {
  const box = h('div', { class: 'error', role: 'alert' }, h('p', { class: 'error-title' }, `Could not load ${what}.`));
  if (err instanceof ApiError) {
    box.append(
      h('p', {}, `${err.title}${err.status ? ` (HTTP ${err.status})` : ''}${err.detail ? `: ${err.detail}` : ''}`),
      h('p', { class: 'error-path' }, 'Request: ', h('code', {}, err.path)),
    );
  } else {
    box.append(h('p', {}, err instanceof Error ? err.message : String(err)));
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
// Regions

export function renderRegions(
  container: HTMLElement,
  ranking: RegionRanking,
  selected: string | null,
  caption: string,
  onPick: (slug: string) => void,
): void {
  if (ranking.month === null || ranking.rows.length === 0) {
    container.replaceChildren(h('p', {}, 'No month is complete in every region’s series.'));
    return;
  }
  const max = Math.max(1, ...ranking.rows.map((r) => r.value));
  const table = h(
    'table',
    { class: 'regions' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'Region'),
        h('th', { scope: 'col', class: 'num' }, monthLabel(ranking.month)),
        h('th', { scope: 'col', class: 'bar-col' }, h('span', { class: 'visually-hidden' }, 'Bar')),
        h('th', { scope: 'col', class: 'num' }, 'Change vs previous month'),
      ),
    ),
  );
  const body = h('tbody', {});
  ranking.rows.forEach((r, i) => {
    const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
    // CSSOM, not a style attribute: allowed by a strict CSP.
    bar.style.width = `${((r.value / max) * 100).toFixed(1)}%`;
    const pick = h('button', { type: 'button', class: 'link-button', 'aria-pressed': String(r.slug === selected) }, r.name);
    pick.addEventListener('click', () => onPick(r.slug));
    body.append(
      h(
        'tr',
        { class: r.slug === selected ? 'selected' : undefined, 'data-region': r.slug },
        h('td', {}, String(i + 1)),
        h('th', { scope: 'row' }, pick),
        h('td', { class: 'num' }, fmtNum(r.value)),
        h('td', { class: 'bar-col' }, h('span', { class: 'bar-track' }, bar)),
        h('td', { class: `num change${r.change?.lowBaseline ? ' low-baseline' : ''}` }, ...changeCell(r.change)),
      ),
    );
  });
  table.append(body);
  container.replaceChildren(h('div', { class: 'table-scroll' }, table));
}

/** '+1' and '(+14.3%, low baseline)', apart so the second can wrap on narrow screens. */
function changeCell(c: Change | null): Child[] {
  if (!c) return [fmtChange(c)];
  return [fmtSigned(c.abs), ' ', h('span', { class: 'pct' }, `(${fmtPct(c.pct)}${c.lowBaseline ? ', low baseline' : ''})`)];
}

// ---------------------------------------------------------------------------------------------
// Footer

export function renderFooter(container: HTMLElement, dataset: DatasetRef, sources: readonly SourceInfo[]): void {
  container.replaceChildren(
    h('p', { class: 'credit' }, 'Source: ', h('span', { id: 'credit' }, dataset.credit), '. ', dataset.source, '.'),
    h(
      'p',
      {},
      'Dataset version ',
      h('code', { id: 'dataset-version' }, dataset.version),
      ' · data as of ',
      h('time', { id: 'dataset-asof', datetime: dataset.asOf }, fmtDate(dataset.asOf)),
    ),
    sources.length > 0
      ? h(
          'details',
          {},
          h('summary', {}, 'Sources used'),
          h(
            'ul',
            {},
            ...sources.map((s) => h('li', {}, `${s.name} (covers ${fmtDate(s.coverage.from)} to ${fmtDate(s.coverage.through)})`)),
          ),
        )
      : '',
  );
}

// ---------------------------------------------------------------------------------------------
// Tables, trend badges, overview figures, compare card

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

/** One measure's line on an overview card: latest complete month, its change, its trend band. */
export function overviewFigureRow(label: string, f: OverviewFigure, measureKey: string): HTMLElement {
  const row = h('div', { class: 'ov-fig', 'data-measure': measureKey });
  if (f.month === null || f.value === null) {
    row.append(h('p', {}, `${label}: no complete month.`));
    return row;
  }
  row.append(
    h(
      'p',
      { class: 'ov-value' },
      h('span', { class: 'ov-label' }, `${label}, ${monthLabel(f.month)}: `),
      h('strong', { class: 'ov-number', 'data-value': String(f.value) }, fmtNum(f.value)),
      ' ',
      h(
        'span',
        { class: `ov-change${f.vsPrevious?.lowBaseline ? ' low-baseline' : ''}` },
        f.vsPrevious ? `${fmtSigned(f.vsPrevious.abs)} (${fmtPct(f.vsPrevious.pct)}) vs previous month` : 'no previous month',
        f.vsPrevious?.lowBaseline ? ', low baseline' : '',
      ),
    ),
    h('p', { class: 'ov-trend' }, trendBadge(f.trend.band, f.trend.label), ' ', h('span', { class: 'note' }, trendDetail(f.trend))),
  );
  if (f.partialMonth)
    row.append(
      h('p', { class: 'note partial-note' }, `${monthLabel(f.partialMonth)} is partial (a lower bound): not shown as the latest month.`),
    );
  return row;
}
