/**
 * DOM rendering. Text from the API is always inserted as text nodes (never as HTML).
 */
import type { Change } from '../../data/model/change.ts';
import type { ClaimVerdict } from '../../data/model/claims.ts';
import type { Catalogue, ClaimsDoc, DatasetRef, SourceInfo } from '../../data/model/types.ts';
import {
  claimDefinitions,
  fmtChange,
  fmtDate,
  fmtNum,
  fmtPct,
  fmtSigned,
  holdsLabel,
  readingFigures,
  readingView,
  type Option,
  type RegionRanking,
  VERDICT_SYMBOLS,
} from './shape.ts';
import { monthLabel } from '../../data/model/month.ts';
import type { ViewState } from './state.ts';
import { ApiError } from './api.ts';

type Child = Node | string | null | undefined | false;

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
// Claims

/** Claim cards. `onShow` is called with a reading's series when its "Show in chart" button is used. */
export function renderClaims(container: HTMLElement, doc: ClaimsDoc, catalogue: Catalogue | null, onShow: (s: ViewState) => void): void {
  container.replaceChildren(...doc.claims.map((c) => claimCard(c, catalogue, onShow)));
}

function claimCard(c: ClaimVerdict, catalogue: Catalogue | null, onShow: (s: ViewState) => void): HTMLElement {
  const headingId = `claim-${c.id}`;
  const claimant = [c.claimant.name, c.claimant.date ? fmtDate(c.claimant.date) : null].filter(Boolean).join(', ');
  const source = c.claimant.url ? h('a', { href: c.claimant.url, rel: 'noopener noreferrer' }, claimant) : claimant;
  return h(
    'article',
    { class: `card claim verdict-${c.verdict}`, 'data-claim-id': c.id, 'aria-labelledby': headingId },
    h(
      'p',
      { class: `verdict verdict-${c.verdict}`, 'data-verdict': c.verdict },
      h('span', { class: 'verdict-symbol', 'aria-hidden': 'true' }, VERDICT_SYMBOLS[c.verdict]),
      h('span', { class: 'verdict-label' }, c.verdictLabel),
    ),
    h('blockquote', { id: headingId, class: 'quote' }, h('p', {}, `“${c.quote}”`)),
    h('p', { class: 'claimant' }, '— ', source),
    h('p', { class: 'claim-summary' }, c.summary),
    h(
      'ol',
      { class: 'readings' },
      ...c.readings.map((r) => {
        const view = catalogue ? readingView(r, catalogue) : null;
        let show: HTMLButtonElement | null = null;
        if (view) {
          show = h('button', { type: 'button', class: 'link-button' }, 'Show this series in the chart');
          show.addEventListener('click', () => onShow(view));
        }
        return h(
          'li',
          { class: `reading holds-${String(r.holds)}` },
          h('p', { class: 'reading-head' }, h('span', { class: 'holds' }, holdsLabel(r.holds)), ' ', r.sentence),
          h('dl', { class: 'figures' }, ...readingFigures(r).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
          r.caveats.length > 0 ? h('ul', { class: 'caveats' }, ...r.caveats.map((x) => h('li', {}, x))) : null,
          show,
        );
      }),
    ),
    h('p', { class: 'interpretation' }, h('strong', {}, 'How the claim was read: '), c.interpretation),
    h('details', { class: 'definition' }, h('summary', {}, 'Definition used'), ...claimDefinitions(c).map((d) => h('p', {}, d))),
  );
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
      ' · ',
      h('a', { href: '/api/v1/catalogue' }, 'Catalogue (JSON)'),
      ' · ',
      h('a', { href: '/api/v1/claims' }, 'Claims (JSON)'),
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
