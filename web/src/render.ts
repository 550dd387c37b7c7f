/**
 * DOM rendering. Text from the API is always inserted as text nodes (never as HTML).
 */
import type { Change } from '../../data/model/change.ts';
import type { ClaimVerdict } from '../../data/model/claims.ts';
import type { Catalogue, ClaimsDoc, DatasetRef, SourceInfo } from '../../data/model/types.ts';
import { TREND_SYMBOLS, type TrendBand } from '../../data/model/trend.ts';
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
  type OverviewFigure,
  type RegionRanking,
  type Table,
  trendDetail,
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
export function renderClaims(
  container: HTMLElement,
  doc: ClaimsDoc,
  catalogue: Catalogue | null,
  onShow: (s: Partial<ViewState>) => void,
): void {
  container.replaceChildren(...doc.claims.map((c) => claimCard(c, catalogue, onShow)));
}

function claimCard(c: ClaimVerdict, catalogue: Catalogue | null, onShow: (s: Partial<ViewState>) => void): HTMLElement {
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

/** What the compare route returns (single months, or periods with a trend band). */
export interface CompareResult {
  dataset: DatasetRef;
  sentence: string;
  caveats: string[];
  change: Change | null;
  before: { month?: string; period?: string; from?: string; to?: string; months?: number; value: number; partial: boolean };
  after: { month?: string; period?: string; from?: string; to?: string; months?: number; value: number; partial: boolean };
  basis?: 'total' | 'monthly_mean';
  trend?: { band: TrendBand; label: string; definition?: string };
}

const periodLabel = (p: CompareResult['before']): string => {
  const from = p.from ?? p.month ?? p.period ?? '';
  const to = p.to ?? from;
  return from === to ? monthLabel(from) : `${monthLabel(from)} to ${monthLabel(to)}`;
};

/** The compare verdict, as a card shaped like the claim cards: badge, sentence, figures, caveats. */
export function compareCard(
  r: CompareResult,
  band: { band: TrendBand; label: string; definition: string },
  openLink: HTMLElement,
): HTMLElement {
  const figures: [string, string][] = [
    [`Before: ${periodLabel(r.before)}`, `${fmtNum(r.before.value)}${r.before.partial ? ' (partial)' : ''}`],
    [`After: ${periodLabel(r.after)}`, `${fmtNum(r.after.value)}${r.after.partial ? ' (partial)' : ''}`],
  ];
  if (r.change) {
    figures.push(['Change', `${fmtSigned(r.change.abs)} (${fmtPct(r.change.pct)})`]);
    if (r.change.ratio !== null) figures.push(['Ratio', `${r.change.ratio}x`]);
  }
  if (r.basis === 'monthly_mean') figures.push(['Compared', 'monthly means (the periods differ in length)']);
  figures.push(['Band', `${band.label}: ${band.definition}`]);
  return h(
    'article',
    { class: `card claim compare-card band-${band.band}`, id: 'compare-card', 'aria-labelledby': 'compare-sentence' },
    h('p', { class: 'verdict' }, trendBadge(band.band, band.label)),
    h('blockquote', { class: 'quote', id: 'compare-sentence' }, h('p', {}, r.sentence)),
    h('dl', { class: 'figures' }, ...figures.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    r.caveats.length > 0 ? h('ul', { class: 'caveats' }, ...r.caveats.map((x) => h('li', {}, x))) : null,
    h('p', { class: 'credit-line note' }, `Source: ${r.dataset.credit} · dataset ${r.dataset.version} · as of ${fmtDate(r.dataset.asOf)}`),
    openLink,
  );
}
