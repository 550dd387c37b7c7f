/**
 * Wiring, loaded by app.ts once the page is painted: takes the catalogue and the claims
 * (requested by requests.ts), keeps the view's state in the URL (router.ts), shows it in the
 * controls (controls.ts), and draws the current view (views/: overview, country, compare), handing
 * each a context with what it uses of the page. Text is filled in as data arrives; charts are
 * drawn one per task as they come near the screen (schedule.ts). Embed mode (/embed, or
 * ?embed=1) hides the chrome around the charts.
 */
import type { Catalogue } from '../../model/types.ts';
import { syncControls, wireControls } from './controls.ts';
import { freshnessLine } from './freshness.ts';
import { LANG, pageQuery } from './lang.ts';
import { LANG_KEY } from './lang-pick.ts';
import { loadCharts } from './lazy-charts.ts';
import { t, useMessages } from './messages.ts';
import { byId, errorBox, renderFooter, showError } from './render.ts';
import { cataloguePromise, claims as claimsDoc } from './requests.ts';
import { currentState, EMBED, navigate, readLocation } from './router.ts';
import { inTurn, nextTask, whenVisible } from './schedule.ts';
import { updateShare, wireShare } from './share.ts';
import { hasCheck, stateQuery, type View, type ViewState } from './state.ts';
import type { CompareContext } from './views/compare.ts';
import { loadOverview } from './views/overview.ts';

if (EMBED) document.documentElement.classList.add('embed');

/** The views' headings, in the page's language (read once the language's messages are in). */
const HEADINGS = (): Record<View, string> => ({ overview: t.headOverview, country: t.headCountry, compare: t.headCompare });

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
  // The language switch: the choice is remembered (boot.ts reads it), then its link loads the view in that language.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.lang-switch a[data-lang]')) {
    if (a.dataset.lang === LANG) a.setAttribute('aria-current', 'true');
    a.addEventListener('click', () => {
      try {
        localStorage.setItem(LANG_KEY, a.dataset.lang!);
      } catch {
        // Storage blocked: the link still carries the language.
      }
    });
  }
  // Redraw with the other palette when the colour scheme changes.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => void loadView());
}

function showView(state: ViewState): void {
  for (const s of document.querySelectorAll<HTMLElement>('section.view')) s.hidden = s.dataset.view !== state.view;
  // From here on the attributes above say what is shown, not boot.js's mark (see styles.css);
  // data-view names the view for the rules that do not show or hide.
  // The view's heading goes in before the mark (and the heading it shows) goes: the view's own
  // code may still be loading (compare.ts), and the overview's longer heading would show meanwhile.
  els.heading.textContent = state.view === 'compare' && hasCheck(state) ? t.headCheck : HEADINGS()[state.view];
  delete document.documentElement.dataset.bootView;
  document.documentElement.dataset.view = state.view;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.views-nav a[data-view]')) {
    if (a.dataset.view === state.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
    a.href = `/${pageQuery({ ...state, view: a.dataset.view as View })}`;
  }
  // The language switch: this view in the other language.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.lang-switch a[data-lang]'))
    a.href = `/${stateQuery(state, { lang: a.dataset.lang! })}`;
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
    if (state.view === 'overview') await loadOverview({ ...shared, els, heading: HEADINGS().overview, setState }, stale);
    else if (state.view === 'country')
      await (await countryModule()).loadCountry({ ...shared, els, heading: HEADINGS().country, setState }, stale);
    else {
      const m = await compareModule();
      if (stale()) return;
      // The Compare view's own fields (their code comes with the view).
      m.wireCompareControls({ state: currentState, setState, convertUnit });
      m.syncCompareControls(state, cat);
      await m.loadCompare(compareContext(m.markInvalid), ctrl.signal, stale);
    }
  } catch (e) {
    if (stale() || ctrl.signal.aborted) return;
    els.status.replaceChildren(errorBox(t.whatView, e));
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

function compareContext(markInvalid: (parameters: readonly string[]) => void): CompareContext {
  const state = currentState();
  return {
    state,
    catalogue,
    embed: EMBED,
    els,
    headings: { compare: HEADINGS().compare, check: t.headCheck },
    setState: (next) => setState(next),
    updateShare: (title) => updateShare(state, title),
    markInvalid,
  };
}

/** The Compare view's unit switch (months, weeks, days): the periods converted, with a note when the span cannot be kept. */
function convertUnit(unit: 'month' | 'week' | 'day'): void {
  void compareModule().then(({ convertFor }) => {
    const state = currentState();
    const country = catalogue?.countries.find((c) => c.iso3 === state.country);
    if (!country) return;
    const r = convertFor(state, country, unit);
    byId('unit-change').textContent = r.note ?? '';
    return setState(r.next);
  });
}

/** The trend bands' legend, written when it is first opened (its code comes with views/more.ts). */
function wireTrendLegend(): void {
  const details = byId<HTMLDetailsElement>('trend-bands');
  const render = () => void compareModule().then((m) => m.renderTrendLegend());
  if (details.open) render();
  else details.addEventListener('toggle', render, { once: true });
}

async function start(): Promise<void> {
  // A page in French: its messages (requested by app.ts as the page started) before anything is written.
  if (LANG === 'fr') {
    const fr = await import('./messages-fr.ts');
    useMessages(fr.fr, fr.moreFr);
    // boot-fr.js has put the static words in French before the first paint; should it not have run, here.
    if (document.documentElement.classList.contains('translating')) (await import('./page-fr.ts')).translatePage(document);
    document.documentElement.classList.remove('translating');
  }
  let firstView: Promise<void> = Promise.resolve();
  // Not in the task that ran the app's code: shorter tasks.
  await nextTask();
  wireControls({ state: currentState, catalogue: () => catalogue, setState });
  wireShare();
  wirePage();
  wireTrendLegend();
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
    els.status.replaceChildren(errorBox(t.whatCatalogue, cat.reason));
    showError(els.footer, t.whatDataset, cat.reason);
    byId('freshness').textContent = t.datesFailed;
  }

  // Below the overview's charts: built once the first view is drawn.
  await firstView.catch(() => undefined);
  // The last refresh from ACLED's API (/api/v1/refresh: whatever its outcome), in the footer: its code loads after the first view.
  void import('./refresh-line.ts').then((m) => m.showLastRefresh(els.footer, catalogue?.lastRefresh ?? null));
  const [claims] = await Promise.allSettled([claimsDoc()]);
  if (claims.status === 'fulfilled') {
    const doc = claims.value;
    // Drawn when scrolled near: the cards' code is not part of the first view.
    whenVisible(els.claims, () => {
      compareModule().then(
        (m) => m.showClaims(compareContext(m.markInvalid), doc),
        (e: unknown) => showError(els.claims, t.whatClaims, e),
      );
    });
    if (!catalogue) renderFooter(els.footer, claims.value.dataset, []);
  } else {
    showError(els.claims, t.whatClaimsApi, claims.reason);
  }
}

start().catch((e: unknown) => {
  els.status.replaceChildren(errorBox(t.whatDashboard, e));
});
