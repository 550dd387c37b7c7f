/**
 * The Compare view (a comparison card, or the verdict card of a claim to test) and the headline
 * claims' cards on the overview. Loaded on demand with the cards (cards.ts, verdict.ts): the
 * first view does not download them. main.ts gives what it needs from the page in a context.
 */
import type { ClaimVerdict } from '../../data/model/claims.ts';
import { MEASURE_WORDS, placeName } from '../../data/model/describe.ts';
import { TREND_DEFINITIONS, TREND_LABELS, trendBand } from '../../data/model/trend.ts';
import type { Catalogue, ClaimsDoc } from '../../data/model/types.ts';
import { ApiError, getCheck, getCompare } from './api.ts';
import { compareCard, type CompareResult, renderClaims, verdictCard } from './cards.ts';
import { errorBox, h, loading } from './render.ts';
import { downloadName, relationOptions, relationWording } from './shape.ts';
import { checkPath, comparePath, hasCheck, stateQuery, type ViewState } from './state.ts';
import { claimCheck, readingBand } from './verdict.ts';

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
  const catalogue = ctx.catalogue!;
  const country = catalogue.countries.find((c) => c.iso3 === s.country)!;
  const region = country.admin1.find((r) => r.slug === s.admin1) ?? null;
  const place = placeName({ country: { iso3: country.iso3, name: country.name }, admin1: region });
  const catLabel = catalogue.categories.find((c) => c.id === s.category)?.label ?? s.category;
  const check = checkPath(s);
  const claimWords = hasCheck(s) ? (s.wording ?? relationWording(s.relation!, s.threshold!)) : null;
  const title = claimWords
    ? `${catLabel} in ${place}: “${claimWords}” checked`
    : `${catLabel} ${s.measure === 'events' ? 'events' : 'reported fatalities'} in ${place}: two periods compared`;
  els.heading.textContent = check ? ctx.headings.check : ctx.headings.compare;
  document.title = `Sahel Pulse: ${title}`;
  ctx.updateShare(`Sahel Pulse: ${title}`);
  const path = comparePath(s);
  if (!path) {
    els.compare.replaceChildren(h('p', {}, 'Pick a “before” and an “after” period.'));
    return;
  }
  els.compare.setAttribute('aria-busy', 'true');
  loading(els.compare, check ? 'Checking the claim…' : 'Comparing…');
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
      view: { href: `/${stateQuery(s)}`, label: 'Link to this check', ...(ctx.embed ? { newTab: true } : { state: s }) },
      api: { href: r.permalink, label: 'API permalink (JSON)', newTab: ctx.embed },
      band: band ? { ...band, of: MEASURE_WORDS[s.measure] } : null,
      csv: {
        href: checkPath(s, 'csv')!,
        download: downloadName(
          ['check', s.country, s.admin1, s.category, s.before, s.after, s.relation, s.threshold],
          r.dataset.version,
          'csv',
        ),
      },
      tools: ctx.embed ? [] : [h('a', { href: `/${stateQuery({ ...s, view: 'country' })}` }, 'See the whole series')],
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
          h('p', { class: 'error-title' }, 'This claim cannot be checked as written.'),
          h('p', { class: 'problem-detail' }, e.detail || e.title),
          h('p', {}, 'Correct the claim’s fields above, or choose “None: compare only” to compare the two periods.'),
          h('p', { class: 'error-path' }, 'Request: ', h('code', {}, e.path)),
        ),
      );
      ctx.markInvalid(e.errors.map((x) => x.parameter));
      return;
    }
    els.compare.replaceChildren(errorBox(`the check (${path})`, e));
  }
}

/** The comparison card (trend band) from /api/v1/compare; with a relation but no N yet, a prompt for it above. */
async function showComparison(ctx: CompareContext, path: string, signal: AbortSignal, stale: () => boolean): Promise<void> {
  const { state: s, els } = ctx;
  const prompt =
    s.relation !== null && s.threshold === null
      ? h(
          'p',
          { class: 'note check-prompt' },
          `Enter N for “${relationOptions(s.relation).find((o) => o.value === s.relation)?.label ?? s.relation}” to check the claim; meanwhile, the two periods compared:`,
        )
      : null;
  try {
    const r = await getCompare<CompareResult>(path, signal);
    if (stale()) return;
    const band = r.trend
      ? { band: r.trend.band, label: r.trend.label, definition: r.trend.definition ?? TREND_DEFINITIONS[r.trend.band] }
      : (() => {
          const b = trendBand(r.change);
          return { band: b, label: TREND_LABELS[b], definition: TREND_DEFINITIONS[b] };
        })();
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
        'Download CSV',
      ),
      ' ',
      h('a', { href: `/${stateQuery({ ...s, view: 'country' })}` }, 'See the whole series'),
    );
    els.compare.replaceChildren(...[prompt, compareCard(r, band, open)].filter((x) => x !== null));
  } catch (e) {
    if (stale()) return;
    els.compare.replaceChildren(errorBox(`the comparison (${path})`, e));
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
          href: `/${stateQuery(check.state)}`,
          label: check.tests === check.of ? 'Open this check in Compare' : `Open in Compare (tests ${check.tests} of ${check.of} readings)`,
          state: check.state,
        }
      : null;
  };
  renderClaims(els.claims, doc, (c) => {
    return {
      view: viewLink(c),
      alternativeViews: c.alternatives.map(viewLink),
      api: { href: `/api/v1/claims?version=${encodeURIComponent(doc.dataset.version)}`, label: 'Claims API (JSON)' },
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
