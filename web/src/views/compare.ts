/**
 * The Compare view (a comparison card, or the verdict card of a claim to test) and the headline
 * claims' cards on the overview. Loaded on demand with the cards (cards.ts, verdict.ts): the
 * first view does not download them. main.ts gives what it needs from the page in a context.
 */
import type { CompareResult } from '../../../model/api.ts';
import type { ClaimVerdict } from '../../../model/claim.ts';
import type { Catalogue, ClaimsDoc } from '../../../model/types.ts';
import { ApiError } from '../api.ts';
import { cardCredit, caveatList, figureList, renderClaims, verdictCard } from '../cards.ts';
import { downloadName } from '../downloads.ts';
import { creditLine } from '../format.ts';
import { LANG, pageQuery } from '../lang.ts';
import { tm } from '../messages-more.ts';
import { errorBox, h, loading, trendBadge } from '../render.ts';
import type { ViewState } from '../state.ts';
import { type BandText, claimCheck, readingBand } from '../verdict.ts';
import { checkPath, comparePath, getCheck, getCompare } from './compare-api.ts';
import { checkPrompt, compareTitle, comparisonFigures } from './compare-data.ts';

export { convertFor } from './compare-units.ts';

/** What the Compare view and the claims' cards use of the page. */
export interface CompareContext {
  state: ViewState;
  /** Null when it could not be loaded (the claims' cards then have no links to the Compare view). */
  catalogue: Catalogue | null;
  /** Embedded: links leave the frame. */
  embed: boolean;
  els: { heading: HTMLElement; compare: HTMLElement; claims: HTMLElement };
  /** The view's heading, without and with a claim to test. */
  headings: { compare: string; check: string };
  setState: (next: Partial<ViewState>) => Promise<void>;
  updateShare: (title: string) => void;
  /** Mark the claim's fields that a 400 problem names. */
  markInvalid: (parameters: readonly string[]) => void;
}

/** The Compare view: the comparison card, or with a claim to test, its verdict card. */
export async function loadCompare(ctx: CompareContext, signal: AbortSignal, stale: () => boolean): Promise<void> {
  const { state: s, els } = ctx;
  const check = checkPath(s);
  const title = compareTitle(s, ctx.catalogue!);
  els.heading.textContent = check ? ctx.headings.check : ctx.headings.compare;
  document.title = `Sahel Pulse: ${title}`;
  ctx.updateShare(`Sahel Pulse: ${title}`);
  const path = comparePath(s);
  if (!path) {
    els.compare.replaceChildren(h('p', {}, tm().pickPeriods));
    return;
  }
  els.compare.setAttribute('aria-busy', 'true');
  loading(els.compare, check ? tm().checking : tm().comparing);
  try {
    if (check) await showCheck(ctx, check, signal, stale);
    else await showComparison(ctx, path, signal, stale);
  } finally {
    els.compare.removeAttribute('aria-busy');
  }
}

/** The claim's verdict card, with the trend band of the chart's measure when the check has it (no second request). */
async function showCheck(ctx: CompareContext, path: string, signal: AbortSignal, stale: () => boolean): Promise<void> {
  const { state: s, els } = ctx;
  try {
    const r = await getCheck(path, signal);
    if (stale()) return;
    const band = readingBand(r.claim, s.measure);
    const card = verdictCard(r.claim, r.dataset, {
      id: 'check-card',
      citationOpen: true,
      // Embedded, links leave the frame: the dashboard itself may not be framed.
      view: { href: `/${pageQuery(s)}`, label: tm().linkToCheck, ...(ctx.embed ? { newTab: true } : { state: s }) },
      api: { href: r.permalink, label: tm().apiPermalink, newTab: ctx.embed },
      band: band ? { ...band, of: tm().measureWords[s.measure] } : null,
      csv: {
        href: checkPath(s, 'csv')!,
        download: downloadName(
          ['check', s.country, s.admin1, s.category, s.before, s.after, s.relation, s.threshold],
          r.dataset.version,
          'csv',
        ),
      },
      tools: ctx.embed ? [] : [h('a', { href: `/${pageQuery({ ...s, view: 'country' })}` }, tm().wholeSeries)],
      onOpen: (x) => void ctx.setState(x),
    });
    els.compare.replaceChildren(card);
  } catch (e) {
    if (stale()) return;
    if (e instanceof ApiError && e.status === 400) {
      // The claim as written is not one the API can test: say what to fix, at the fields too.
      els.compare.replaceChildren(
        h(
          'div',
          { class: 'error', role: 'alert', id: 'check-problem' },
          h('p', { class: 'error-title' }, tm().cannotCheck),
          h('p', { class: 'problem-detail' }, e.detail || e.title),
          h('p', {}, tm().correctFields),
          h('p', { class: 'error-path' }, tm().request, h('code', {}, e.path)),
        ),
      );
      ctx.markInvalid(e.errors.map((x) => x.parameter));
      return;
    }
    els.compare.replaceChildren(errorBox(tm().whatCheck(path), e));
  }
}

/** The comparison card (trend band) from /api/v1/compare; with a relation but no N yet, a prompt for it above. */
async function showComparison(ctx: CompareContext, path: string, signal: AbortSignal, stale: () => boolean): Promise<void> {
  const { state: s, els } = ctx;
  const promptText = checkPrompt(s);
  const prompt = promptText === null ? null : h('p', { class: 'note check-prompt' }, promptText);
  try {
    const r = await getCompare(path, signal);
    if (stale()) return;
    const open = h(
      'p',
      { class: 'fig-tools' },
      h(
        'a',
        {
          class: 'button',
          href: comparePath(s, 'csv')!,
          download: downloadName([s.country, s.admin1, s.category, s.measure, s.before, s.after], r.dataset.version, 'csv'),
          id: 'compare-csv',
        },
        tm().downloadCsv,
      ),
      ' ',
      h('a', { href: `/${pageQuery({ ...s, view: 'country' })}` }, tm().wholeSeries),
    );
    els.compare.replaceChildren(...[prompt, compareCard(r, r.trend, open)].filter((x) => x !== null));
  } catch (e) {
    if (stale()) return;
    els.compare.replaceChildren(errorBox(tm().whatComparison(path), e));
  }
}

/** The headline claims' cards, each linking its check (and each alternative reading's) in the Compare view. */
export function showClaims(ctx: CompareContext, doc: ClaimsDoc): void {
  const { els, catalogue: cat } = ctx;
  const focusView = () => {
    window.scrollTo({ top: 0 });
    els.heading.focus({ preventScroll: true });
  };
  const viewLink = (c: { readings: ClaimVerdict['readings'] }) => {
    const check = cat ? claimCheck(c, cat) : null;
    return check
      ? {
          href: `/${pageQuery(check.state)}`,
          label: check.tests === check.of ? tm().openCheck : tm().openCheckPart(check.tests, check.of),
          state: check.state,
        }
      : null;
  };
  renderClaims(els.claims, doc, (c) => {
    return {
      view: viewLink(c),
      alternativeViews: c.alternatives.map(viewLink),
      // The claims in the page's language (the card's own words), whatever the browser's Accept-Language.
      api: { href: `/api/v1/claims?version=${encodeURIComponent(doc.dataset.version)}&lang=${LANG}`, label: tm().claimsApi },
      show: cat
        ? {
            catalogue: cat,
            onShow: (view) => {
              void ctx.setState({ ...view, view: 'country' });
              focusView();
            },
          }
        : null,
      onOpen: (x) => {
        void ctx.setState(x);
        focusView();
      },
    };
  });
}

/** The compare verdict, as a card shaped like the claim cards: badge, sentence, figures, caveats. */
function compareCard(r: CompareResult, band: BandText, openLink: HTMLElement): HTMLElement {
  return h(
    'article',
    { class: `card claim compare-card band-${band.band}`, id: 'compare-card', 'aria-labelledby': 'compare-sentence' },
    h('p', { class: 'verdict' }, trendBadge(band.band, band.label)),
    h('blockquote', { class: 'quote', id: 'compare-sentence' }, h('p', {}, r.sentence)),
    figureList(comparisonFigures(r, band)),
    caveatList(r.caveats),
    cardCredit(creditLine(r.dataset)),
    openLink,
  );
}
