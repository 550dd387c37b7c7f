/**
 * Verdict cards, one component for the headline claims and for a check in the Compare view (the
 * comparison card, views/compare.ts, is built of the same parts); their text comes from
 * verdict.ts. Loaded with the Compare view, when a card is first shown (the claims scrolled near,
 * or the Compare view), so the first view does not download it.
 */
import type { ClaimVerdict, ReadingResult } from '../../model/claim.ts';
import type { Catalogue, ClaimsDoc, DatasetRef } from '../../model/types.ts';
import { tm } from './messages-more.ts';
import { type Child, h, trendBadge } from './render.ts';
import type { ViewState } from './state.ts';
import { type BandText, type ReadingText, readingView, verdictCardText } from './verdict.ts';

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
  const m = tm();
  const copyButton = h('button', { type: 'button', class: 'button copy-citation', 'aria-describedby': citationId }, m.copyCitation);
  copyButton.addEventListener('click', () => void copyText(t.citation, citation, copyStatus, m.citationCopied));
  const links: Child[] = [];
  if (o.view) links.push(cardLink(o.view, o.onOpen, 'view-link'));
  links.push(cardLink(o.api, o.onOpen, 'api-link'));
  if (o.csv) links.push(h('a', { class: 'button', href: o.csv.href, download: o.csv.download }, m.downloadCsv));
  return h(
    'article',
    { class: `card claim verdict-${t.verdict}`, id: o.id, 'data-claim-id': c.id, 'aria-labelledby': quoteId },
    h(
      'p',
      { class: `verdict verdict-${t.verdict}`, 'data-verdict': t.verdict },
      h('span', { class: 'verdict-symbol', 'aria-hidden': 'true' }, t.symbol),
      h('span', { class: 'verdict-label' }, t.label),
    ),
    // The quote in the language it was said in (marked so), its translation beside it, marked as one.
    h(
      'blockquote',
      { id: quoteId, class: 'quote', lang: c.translation ? (c.translation.lang === 'fr' ? 'en' : 'fr') : undefined },
      h('p', {}, t.quote),
    ),
    c.translation
      ? h(
          'p',
          { class: 'quote-translation', lang: c.translation.lang },
          h('strong', {}, m.translation),
          c.translation.lang === 'fr' ? `« ${c.translation.quote} »` : `“${c.translation.quote}”`,
          c.translation.note ? h('span', { class: 'note' }, ` (${c.translation.note})`) : null,
        )
      : null,
    // Who made the claim, in the page's language (the claims file describes each claimant in both; a check's claimant is the API's words).
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
          show = h('button', { type: 'button', class: 'link-button' }, m.showSeries);
          show.addEventListener('click', () => onShow(view));
        }
        return readingItem(r, reading, show);
      }),
    ),
    o.band
      ? h(
          'p',
          { class: 'card-band' },
          m.trendBandOf(o.band.of),
          trendBadge(o.band.band, o.band.label),
          ' ',
          h('span', { class: 'note' }, o.band.definition),
        )
      : null,
    h('p', { class: 'interpretation' }, h('strong', {}, m.howRead), t.interpretation),
    ...t.alternatives.map((a, j) =>
      h(
        'section',
        { class: `alternative verdict-${a.verdict}`, 'aria-label': `${m.alsoReadAs}${a.interpretation}` },
        h(
          'p',
          { class: 'alternative-head' },
          h('strong', {}, m.alsoReadAs),
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
          h('summary', { class: 'citation-label' }, m.citeReading),
          h('p', { class: 'citation-text' }, a.citation),
        ),
      ),
    ),
    h('details', { class: 'definition' }, h('summary', {}, m.definitionUsed), ...t.definitions.map((d) => h('p', {}, d))),
    h(
      'details',
      { class: 'citation', open: o.citationOpen === true },
      h('summary', { class: 'citation-label' }, m.citeVerdict),
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
    status.textContent = tm().copyByHand;
  }
}

/** Label and value pairs, as a definition list. */
export function figureList(pairs: readonly [string, string][]): HTMLElement {
  return h('dl', { class: 'figures' }, ...pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

export function caveatList(caveats: readonly string[]): HTMLElement | null {
  return caveats.length > 0 ? h('ul', { class: 'caveats' }, ...caveats.map((x) => h('li', {}, x))) : null;
}

export function cardCredit(line: string): HTMLElement {
  return h('p', { class: 'credit-line note' }, line);
}
