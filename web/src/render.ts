/**
 * DOM rendering. Text from the API is always inserted as text nodes (never as HTML).
 */
import type { Change } from '../../data/model/change.ts';
import type { ClaimVerdict, ReadingResult } from '../../data/model/claims.ts';
import type { Catalogue, ClaimsDoc, DatasetRef, SourceInfo } from '../../data/model/types.ts';
import { TREND_SYMBOLS, type TrendBand } from '../../data/model/trend.ts';
import {
  type BandText,
  creditLine,
  fmtChange,
  fmtDate,
  fmtNum,
  fmtPct,
  fmtSigned,
  type ReadingText,
  readingView,
  type Option,
  type OverviewFigure,
  type RegionRanking,
  type Table,
  trendDetail,
  verdictCardText,
} from './shape.ts';
import { monthLabel } from '../../data/model/month.ts';
import { windowLabel } from '../../data/model/period.ts';
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
// Verdict cards: one component for the headline claims and for a check in the Compare view

/** A link on a card; with `state`, following it changes the view in place (no reload). */
export interface CardLink {
  href: string;
  label: string;
  state?: ViewState;
  /** Open in a new tab (from an embedded card: the dashboard may not be framed). */
  newTab?: boolean;
}

export interface VerdictCardOptions {
  /** The card's element id; the quote is `${id}-quote`, the citation `${id}-citation`. */
  id: string;
  /** The Compare view that checks this verdict: its permalink page. */
  view: CardLink | null;
  /** The Compare view of each alternative reading (null where the dashboard cannot show it). */
  alternativeViews?: (CardLink | null)[];
  /** The API document the verdict comes from. */
  api: CardLink;
  /** The trend band of the chart's measure (`of`: its words), when the check has it. */
  band?: (BandText & { of: string }) | null;
  csv?: { href: string; download: string } | null;
  /** More tools after the links (e.g. "See the whole series"). */
  tools?: Child[];
  /** Follow a link that carries a state. */
  onOpen: (s: ViewState) => void;
  /** Show the citation at once (the check's own page); else it is one click away (the overview's six cards). */
  citationOpen?: boolean;
  /** With a catalogue: a "Show this series in the chart" button on each reading. */
  show?: { catalogue: Catalogue; onShow: (s: Partial<ViewState>) => void } | null;
}

/** Headline claims: one verdict card each, with a link to its check in the Compare view. */
export function renderClaims(container: HTMLElement, doc: ClaimsDoc, opts: (c: ClaimVerdict) => Omit<VerdictCardOptions, 'id'>): void {
  container.replaceChildren(...doc.claims.map((c) => verdictCard(c, doc.dataset, { id: `claim-${c.id}`, ...opts(c) })));
}

/**
 * The verdict card: badge, claim, readings with their numbers and caveats, trend band, how the
 * claim was read, definitions, the citation with a copy button, credit, dataset version, as-of
 * date, and links to the API and to the Compare view.
 */
export function verdictCard(c: ClaimVerdict, dataset: DatasetRef, o: VerdictCardOptions): HTMLElement {
  const t = verdictCardText(c, dataset);
  const quoteId = `${o.id}-quote`;
  const citationId = `${o.id}-citation`;
  const claimant = c.claimant.url ? h('a', { href: c.claimant.url, rel: 'noopener noreferrer' }, t.claimant) : t.claimant;
  const copyStatus = h('span', { class: 'note copy-status', role: 'status' });
  const citation = h('p', { class: 'citation-text', id: citationId }, t.citation);
  const copyButton = h('button', { type: 'button', class: 'button copy-citation', 'aria-describedby': citationId }, 'Copy citation');
  copyButton.addEventListener('click', () => void copyText(t.citation, citation, copyStatus, 'Citation copied.'));
  const links: Child[] = [];
  if (o.view) links.push(cardLink(o.view, o.onOpen, 'view-link'));
  links.push(cardLink(o.api, o.onOpen, 'api-link'));
  if (o.csv) links.push(h('a', { class: 'button', href: o.csv.href, download: o.csv.download }, 'Download CSV'));
  return h(
    'article',
    { class: `card claim verdict-${t.verdict}`, id: o.id, 'data-claim-id': c.id, 'aria-labelledby': quoteId },
    h(
      'p',
      { class: `verdict verdict-${t.verdict}`, 'data-verdict': t.verdict },
      h('span', { class: 'verdict-symbol', 'aria-hidden': 'true' }, t.symbol),
      h('span', { class: 'verdict-label' }, t.label),
    ),
    h('blockquote', { id: quoteId, class: 'quote' }, h('p', {}, t.quote)),
    h('p', { class: 'claimant' }, '— ', claimant),
    h('p', { class: 'claim-summary' }, t.summary),
    h(
      'ol',
      { class: 'readings' },
      ...t.readings.map((r, i) => {
        const reading = c.readings[i]!;
        const view = o.show ? readingView(reading, o.show.catalogue) : null;
        let show: HTMLButtonElement | null = null;
        if (view && o.show) {
          const onShow = o.show.onShow;
          show = h('button', { type: 'button', class: 'link-button' }, 'Show this series in the chart');
          show.addEventListener('click', () => onShow(view));
        }
        return readingItem(r, reading, show);
      }),
    ),
    o.band
      ? h(
          'p',
          { class: 'card-band' },
          `Trend band, ${o.band.of}: `,
          trendBadge(o.band.band, o.band.label),
          ' ',
          h('span', { class: 'note' }, o.band.definition),
        )
      : null,
    h('p', { class: 'interpretation' }, h('strong', {}, 'How the claim was read: '), t.interpretation),
    ...t.alternatives.map((a, j) =>
      h(
        'section',
        { class: `alternative verdict-${a.verdict}`, 'aria-label': `Also read as: ${a.interpretation}` },
        h(
          'p',
          { class: 'alternative-head' },
          h('strong', {}, 'Also read as: '),
          a.interpretation,
          ' ',
          h(
            'span',
            { class: `verdict verdict-${a.verdict}`, 'data-verdict': a.verdict },
            h('span', { class: 'verdict-symbol', 'aria-hidden': 'true' }, a.symbol),
            h('span', { class: 'verdict-label' }, a.label),
          ),
        ),
        h('ol', { class: 'readings' }, ...a.readings.map((r, i) => readingItem(r, c.alternatives[j]!.readings[i]!, null))),
        h(
          'details',
          { class: 'citation' },
          h('summary', { class: 'citation-label' }, 'Cite this reading'),
          h('p', { class: 'citation-text' }, a.citation),
        ),
      ),
    ),
    h('details', { class: 'definition' }, h('summary', {}, 'Definition used'), ...t.definitions.map((d) => h('p', {}, d))),
    h(
      'details',
      { class: 'citation', open: o.citationOpen === true },
      h('summary', { class: 'citation-label' }, 'Cite this verdict'),
      citation,
      h('p', { class: 'citation-tools' }, copyButton, ' ', copyStatus),
    ),
    cardCredit(t.credit),
    h('p', { class: 'fig-tools card-links' }, ...links, ...(o.tools ?? [])),
  );
}

/** One reading: whether it holds, its sentence, figures and caveats. */
function readingItem(r: ReadingText, reading: ReadingResult, show: HTMLElement | null): HTMLElement {
  return h(
    'li',
    {
      class: `reading holds-${String(r.holds)}${r.lowBaseline ? ' low-baseline' : ''}`,
      'data-measure': r.measure,
      'data-holds': String(r.holds),
      'data-before-value': reading.beforeValue === null ? undefined : String(reading.beforeValue),
      'data-after-value': reading.afterValue === null ? undefined : String(reading.afterValue),
    },
    h('p', { class: 'reading-head' }, h('span', { class: 'holds' }, r.label), ' ', r.sentence),
    figureList(r.figures),
    caveatList(r.caveats),
    show,
  );
}

function cardLink(l: CardLink, onOpen: (s: ViewState) => void, cls: string): HTMLAnchorElement {
  const a = h('a', { class: cls, href: l.href, target: l.newTab ? '_blank' : undefined, rel: l.newTab ? 'noopener' : undefined }, l.label);
  const target = l.state;
  if (target) {
    a.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      onOpen(target);
    });
  }
  return a;
}

/** Copy `text`; where the clipboard is refused, select `el` so the reader can copy it by hand. */
async function copyText(text: string, el: HTMLElement, status: HTMLElement, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    status.textContent = 'Select the text and copy it (Ctrl+C).';
  }
}

function figureList(pairs: readonly [string, string][]): HTMLElement {
  return h('dl', { class: 'figures' }, ...pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function caveatList(caveats: readonly string[]): HTMLElement | null {
  return caveats.length > 0 ? h('ul', { class: 'caveats' }, ...caveats.map((x) => h('li', {}, x))) : null;
}

function cardCredit(line: string): HTMLElement {
  return h('p', { class: 'credit-line note' }, line);
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

interface ComparedPeriod {
  month?: string;
  period?: string;
  unit?: 'month' | 'day';
  from?: string;
  to?: string;
  months?: number;
  days?: number;
  value: number;
  partial: boolean;
}

/** What the compare route returns (single months, or periods with a trend band). */
export interface CompareResult {
  dataset: DatasetRef;
  sentence: string;
  caveats: string[];
  change: Change | null;
  before: ComparedPeriod;
  after: ComparedPeriod;
  basis?: 'total' | 'monthly_mean' | 'daily_mean';
  trend?: { band: TrendBand; label: string; definition?: string };
}

const periodLabel = (p: ComparedPeriod): string => {
  const from = p.from ?? p.month ?? p.period ?? '';
  return windowLabel({ unit: p.unit ?? 'month', from, to: p.to ?? from });
};

/** The compare verdict, as a card shaped like the claim cards: badge, sentence, figures, caveats. */
export function compareCard(r: CompareResult, band: BandText, openLink: HTMLElement): HTMLElement {
  const figures: [string, string][] = [
    [`Before: ${periodLabel(r.before)}`, `${fmtNum(r.before.value)}${r.before.partial ? ' (partial)' : ''}`],
    [`After: ${periodLabel(r.after)}`, `${fmtNum(r.after.value)}${r.after.partial ? ' (partial)' : ''}`],
  ];
  if (r.change) {
    figures.push(['Change', `${fmtSigned(r.change.abs)} (${fmtPct(r.change.pct)})`]);
    if (r.change.ratio !== null) figures.push(['Ratio', `${r.change.ratio}x`]);
  }
  if (r.basis === 'monthly_mean' || r.basis === 'daily_mean')
    figures.push(['Compared', `${r.basis === 'monthly_mean' ? 'monthly' : 'daily'} means (the periods differ in length)`]);
  figures.push(['Band', `${band.label}: ${band.definition}`]);
  return h(
    'article',
    { class: `card claim compare-card band-${band.band}`, id: 'compare-card', 'aria-labelledby': 'compare-sentence' },
    h('p', { class: 'verdict' }, trendBadge(band.band, band.label)),
    h('blockquote', { class: 'quote', id: 'compare-sentence' }, h('p', {}, r.sentence)),
    figureList(figures),
    caveatList(r.caveats),
    cardCredit(creditLine(r.dataset)),
    openLink,
  );
}
