/**
 * Wiring, loaded by app.ts once the page is painted: takes the catalogue and the claims
 * (requested by requests.ts), keeps the view's state in the URL (router.ts), shows it in the
 * controls (controls.ts), and draws the current view (views/: overview, country, compare), handing
 * each a context with what it uses of the page. Text is filled in as data arrives; charts are
 * drawn one per task as they come near the screen (schedule.ts). Embed mode (/embed, or
 * ?embed=1) hides the chrome around the charts.
 */
import { fmtDate } from '../../model/format.ts';
import { TREND_BANDS, TREND_DEFINITIONS, TREND_LABELS } from '../../model/trend.ts';
import type { Catalogue } from '../../model/types.ts';
import { markInvalid, syncControls, wireControls } from './controls.ts';
import { freshnessLine } from './freshness.ts';
import { loadCharts } from './lazy-charts.ts';
import { byId, errorBox, h, renderFooter, showError, trendBadge } from './render.ts';
import { cataloguePromise, claims as claimsDoc } from './requests.ts';
import { currentState, EMBED, navigate, readLocation } from './router.ts';
import { inTurn, nextTask, whenVisible } from './schedule.ts';
import { updateShare, wireShare } from './share.ts';
import { hasCheck, stateQuery, type View, type ViewState } from './state.ts';
import type { CompareContext } from './views/compare.ts';
import { loadOverview } from './views/overview.ts';

if (EMBED) document.documentElement.classList.add('embed');

const HEADINGS: Record<View, string> = {
  overview: 'Five Sahel countries side by side',
  country: 'Country',
  compare: 'Compare two periods',
};
/** The Compare view's heading when it checks a claim. */
const CHECK_HEADING = 'Check a claim';

const els = {
  heading: byId('view-heading'),
  status: byId('view-status'),
  claims: byId('claims-list'),
  definition: byId('series-definition'),
  notes: byId<HTMLUListElement>('series-notes'),
  regions: byId('regions'),
  compare: byId('compare-result'),
  footer: byId('footer-data'),
};

let catalogue: Catalogue | null = null;
/** Incremented per view load: a response for an older view is dropped. */
let generation = 0;
let inflight: AbortController | null = null;

/** Apply a (possibly partial) change of state: the router corrects it and writes the URL; then the controls and the view follow. */
function setState(next: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): Promise<void> {
  if (!catalogue) return Promise.resolve();
  syncControls(navigate(next, catalogue.countries, mode), catalogue);
  return loadView();
}

/** Links that change the view in place (no reload); back/forward; the colour scheme. */
function wirePage(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.views-nav a[data-view]')) {
    a.addEventListener('click', (e) => {
      if (!catalogue || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      void setState({ view: a.dataset.view as View });
    });
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-country-link]')) {
    a.addEventListener('click', (e) => {
      if (!catalogue || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      void setState({ view: 'country', country: a.dataset.countryLink!, admin1: null, category: 'political_violence' });
      els.heading.focus();
    });
  }
  window.addEventListener('popstate', () => {
    if (!catalogue) return;
    syncControls(readLocation(catalogue.countries), catalogue);
    void loadView();
  });
  // Redraw with the other palette when the colour scheme changes.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => void loadView());
}

function showView(state: ViewState): void {
  for (const s of document.querySelectorAll<HTMLElement>('section.view')) s.hidden = s.dataset.view !== state.view;
  // From here on the attributes above say what is shown, not boot.js's mark (see styles.css);
  // data-view names the view for the rules that do not show or hide.
  // The view's heading goes in before the mark (and the heading it shows) goes: the view's own
  // code may still be loading (compare.ts), and the overview's longer heading would show meanwhile.
  els.heading.textContent = state.view === 'compare' && hasCheck(state) ? CHECK_HEADING : HEADINGS[state.view];
  delete document.documentElement.dataset.bootView;
  document.documentElement.dataset.view = state.view;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.views-nav a[data-view]')) {
    if (a.dataset.view === state.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
    a.href = `/${stateQuery({ ...state, view: a.dataset.view as View })}`;
  }
}

async function loadView(): Promise<void> {
  const cat = catalogue;
  if (!cat) return;
  const gen = ++generation;
  inflight?.abort();
  const ctrl = new AbortController();
  inflight = ctrl;
  const state = currentState();
  showView(state);
  els.status.replaceChildren();
  const stale = () => gen !== generation;
  try {
    const catalogue = cat;
    const shared = { state, catalogue, updateShare: (title: string) => updateShare(state, title) };
    if (state.view === 'overview') await loadOverview({ ...shared, els, heading: HEADINGS.overview, setState }, stale);
    else if (state.view === 'country')
      await (await countryModule()).loadCountry({ ...shared, els, heading: HEADINGS.country, setState }, stale);
    else await (await compareModule()).loadCompare(compareContext(), ctrl.signal, stale);
  } catch (e) {
    if (stale() || ctrl.signal.aborted) return;
    els.status.replaceChildren(errorBox('this view', e));
  }
}

/** The Country and Compare views and the claims' cards (views/more.ts), fetched when first needed: the first view does without them. */
// Chart.js first (preloaded; lazy-charts.ts), in a task of its own: evaluated with the views'
// module, the two would make one long task.
let more: Promise<typeof import('./views/more.ts')> | null = null;
const countryModule = () => {
  more ??= loadCharts()
    .then(nextTask)
    .then(() => import('./views/more.ts'));
  more.catch(() => (more = null));
  return more;
};
const compareModule = countryModule;

function compareContext(): CompareContext {
  const state = currentState();
  return {
    state,
    catalogue,
    embed: EMBED,
    els,
    headings: { compare: HEADINGS.compare, check: CHECK_HEADING },
    setState: (next) => setState(next),
    updateShare: (title) => updateShare(state, title),
    markInvalid: (parameters) => markInvalid(parameters),
  };
}

function renderTrendLegend(): void {
  byId('trend-band-list').replaceChildren(
    ...TREND_BANDS.flatMap((b) => [h('dt', {}, trendBadge(b, TREND_LABELS[b])), h('dd', {}, TREND_DEFINITIONS[b])]),
  );
}

async function start(): Promise<void> {
  let firstView: Promise<void> = Promise.resolve();
  // Not in the task that ran the app's code: shorter tasks.
  await nextTask();
  wireControls({
    state: currentState,
    catalogue: () => catalogue,
    setState,
    // The radio buttons are shown in the Compare view only: its module is loaded by then.
    convertUnit: (unit) => {
      void compareModule().then(({ convertFor }) => {
        const state = currentState();
        const country = catalogue?.countries.find((c) => c.iso3 === state.country);
        if (!country) return;
        const r = convertFor(state, country, unit);
        byId('unit-change').textContent = r.note ?? '';
        return setState(r.next);
      });
    },
  });
  wireShare();
  wirePage();
  renderTrendLegend();
  // The view as soon as the catalogue is in; the claims (below it) may come later.
  const [cat] = await Promise.allSettled([cataloguePromise]);
  // Not in the task that wired the page (the catalogue is often in by then): shorter tasks.
  await nextTask();

  if (cat.status === 'fulfilled') {
    const loaded = cat.value;
    catalogue = loaded;
    performance.mark('catalogue');
    byId('freshness').textContent = freshnessLine(loaded.countries);
    readLocation(loaded.countries);
    // As setState({}, 'replace') does, in shorter tasks: the controls, then the view, then the
    // footer (at the bottom of the page).
    await nextTask();
    syncControls(navigate({}, loaded.countries, 'replace'), loaded);
    await nextTask();
    firstView = loadView();
    inTurn(() => renderFooter(els.footer, loaded.dataset, loaded.sources));
  } else {
    for (const s of document.querySelectorAll<HTMLElement>('section.view')) s.hidden = true;
    delete document.documentElement.dataset.bootView;
    els.status.replaceChildren(errorBox('the catalogue (/api/v1/catalogue)', cat.reason));
    showError(els.footer, 'the dataset details', cat.reason);
    byId('freshness').textContent = 'The data’s dates could not be loaded.';
  }

  // Below the overview's charts: built once the first view is drawn.
  await firstView.catch(() => undefined);
  // The last refresh from ACLED's API, in the footer: its code loads after the first view.
  const refreshed = catalogue?.lastRefresh;
  if (refreshed) void import('./refresh-line.ts').then((m) => m.showRefresh(els.footer, refreshed, fmtDate));
  const [claims] = await Promise.allSettled([claimsDoc()]);
  if (claims.status === 'fulfilled') {
    const doc = claims.value;
    // Drawn when scrolled near: the cards' code is not part of the first view.
    whenVisible(els.claims, () => {
      compareModule().then(
        (m) => m.showClaims(compareContext(), doc),
        (e: unknown) => showError(els.claims, 'the claims', e),
      );
    });
    if (!catalogue) renderFooter(els.footer, claims.value.dataset, []);
  } else {
    showError(els.claims, 'the claims (/api/v1/claims)', claims.reason);
  }
}

start().catch((e: unknown) => {
  els.status.replaceChildren(errorBox('the dashboard', e));
});
