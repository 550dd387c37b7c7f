/**
 * Wiring: loads the catalogue and the claims, keeps the view's state in the URL query, and
 * redraws the series, its change chart and the region breakdown when a control changes.
 */
import type { Catalogue, ClaimsDoc, CountryEntry, SeriesDoc } from '../../data/model/types.ts';
import type { Measure } from '../../data/model/categories.ts';
import { monthLabel } from '../../data/model/month.ts';
import { getCatalogue, getClaims, getSeries } from './api.ts';
import { destroyChart, drawChangeChart, drawLineChart } from './charts.ts';
import { byId, errorBox, fillSelect, h, loading, renderClaims, renderFooter, renderRegions, showError } from './render.ts';
import {
  categoryOptions,
  changeData,
  coupMarkers,
  fmtDate,
  lineData,
  MEASURE_LABELS,
  regionRanking,
  seriesNotes,
  seriesSubject,
  seriesTitle,
  sourceEnds,
  summarySentence,
} from './shape.ts';
import { DEFAULT_STATE, resolveState, seriesPath, stateQuery, type ViewState } from './state.ts';

const els = {
  claims: byId('claims-list'),
  controls: byId<HTMLFormElement>('controls'),
  country: byId<HTMLSelectElement>('country'),
  category: byId<HTMLSelectElement>('category'),
  admin1Field: byId('admin1-field'),
  admin1: byId<HTMLSelectElement>('admin1'),
  explore: byId('explore'),
  status: byId('view-status'),
  content: byId('view-content'),
  title: byId('series-title'),
  summary: byId('summary'),
  notes: byId<HTMLUListElement>('series-notes'),
  lineCanvas: byId<HTMLCanvasElement>('line-chart'),
  lineCaption: byId('line-caption'),
  changeCanvas: byId<HTMLCanvasElement>('change-chart'),
  changeNote: byId('change-note'),
  definition: byId('definition'),
  regions: byId('regions'),
  regionsBody: byId('regions-body'),
  footer: byId('footer-data'),
};

let catalogue: Catalogue | null = null;
let state: ViewState = DEFAULT_STATE;
let current: { doc: SeriesDoc } | null = null;
/** Incremented per view load: a response for an older view is dropped. */
let generation = 0;
let inflight: AbortController | null = null;

function countryOf(s: ViewState): CountryEntry | undefined {
  return catalogue?.countries.find((c) => c.iso3 === s.country);
}

function syncControls(): void {
  if (!catalogue) return;
  fillSelect(
    els.country,
    catalogue.countries.map((c) => ({ value: c.iso3, label: c.name })),
    state.country,
  );
  fillSelect(els.category, categoryOptions(catalogue, state.country), state.category);
  for (const input of els.controls.querySelectorAll<HTMLInputElement>('input[name="measure"]')) {
    input.checked = input.value === state.measure;
  }
  const regions = countryOf(state)?.admin1 ?? [];
  els.admin1Field.hidden = regions.length === 0;
  fillSelect(
    els.admin1,
    [{ value: '', label: 'All regions (country total)' }, ...regions.map((r) => ({ value: r.slug, label: r.name }))],
    state.admin1 ?? '',
  );
  for (const el of els.controls.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input')) el.disabled = false;
}

/** Apply a (possibly partial) change of state, corrected against the catalogue, and reload the view. */
function setState(next: Partial<ViewState>): void {
  if (!catalogue) return;
  const merged = { ...state, ...next };
  const q = new URLSearchParams({ country: merged.country, category: merged.category, measure: merged.measure });
  if (merged.admin1) q.set('admin1', merged.admin1);
  state = resolveState(q, catalogue.countries);
  syncControls();
  history.replaceState(null, '', `${location.pathname}${stateQuery(state)}${location.hash}`);
  void loadView();
}

async function loadView(): Promise<void> {
  if (!catalogue) return;
  const gen = ++generation;
  inflight?.abort();
  const ctrl = new AbortController();
  inflight = ctrl;
  const s = state;
  const country = countryOf(s);
  const regions = country?.admin1 ?? [];

  els.explore.setAttribute('aria-busy', 'true');
  els.status.replaceChildren();
  els.content.hidden = false;
  els.summary.textContent = 'Loading…';
  els.lineCanvas.setAttribute('aria-label', 'Loading…');
  els.regions.hidden = regions.length === 0;
  if (regions.length > 0) loading(els.regionsBody);

  const main = getSeries(seriesPath(s), ctrl.signal);
  const byRegion = regions.length > 0 ? Promise.all(regions.map((r) => getSeries(seriesPath(s, r.slug), ctrl.signal))) : null;
  // Avoid unhandled rejections when the main series fails first.
  byRegion?.catch(() => undefined);

  try {
    const doc = await main;
    if (gen !== generation) return;
    current = { doc };
    drawSeries(doc);
  } catch (e) {
    if (gen !== generation) return;
    current = null;
    destroyChart(els.lineCanvas);
    destroyChart(els.changeCanvas);
    els.content.hidden = true;
    els.status.replaceChildren(errorBox(`the series (${seriesPath(s)})`, e));
  } finally {
    if (gen === generation) els.explore.removeAttribute('aria-busy');
  }

  if (!byRegion) return;
  try {
    const docs = await byRegion;
    if (gen !== generation) return;
    drawRegions(docs, s);
  } catch (e) {
    if (gen !== generation) return;
    showError(els.regionsBody, 'the region series', e);
  }
}

function drawSeries(doc: SeriesDoc): void {
  const cat = catalogue!;
  const threshold = cat.thresholds.lowBaseline;
  const sentence = summarySentence(doc);
  els.title.textContent = seriesTitle(doc.series);
  els.summary.textContent = sentence;
  els.notes.replaceChildren(...seriesNotes(doc, cat.sources, threshold).map((n) => h('li', {}, n)));
  els.definition.replaceChildren(h('strong', {}, `${doc.series.category.label}: `), doc.series.category.definition);

  const line = lineData(doc.points, cat.sources);
  const markers = coupMarkers(doc.series.country.iso3, line.months);
  els.lineCanvas.setAttribute('aria-label', sentence);
  drawLineChart(els.lineCanvas, line, markers, MEASURE_LABELS[doc.series.measure]);
  els.lineCaption.textContent = [
    'Monthly count.',
    line.hasPartial ? 'Dashed line and hollow triangle: a month the source covers only in part (its value is a lower bound).' : '',
    markers.length > 0 ? `Dashed vertical line${markers.length > 1 ? 's' : ''}: ${markers.map((m) => m.label).join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  const change = changeData(doc.points);
  const subject = seriesSubject(doc.series);
  els.changeCanvas.setAttribute(
    'aria-label',
    `Change from the previous month in ${subject.charAt(0).toLowerCase()}${subject.slice(1)}, ${line.months.length > 0 ? `${monthLabel(line.months[0]!)} to ${monthLabel(line.months[line.months.length - 1]!)}` : 'no months'}.`,
  );
  drawChangeChart(els.changeCanvas, change, markers, `Low baseline (previous month below ${threshold})`);
  els.changeNote.textContent = change.hasLowBaseline
    ? `Grey bars: the previous month had fewer than ${threshold}, so percentages are unstable. Gaps: no comparison (first or partial month).`
    : 'Gaps: no comparison (first or partial month).';
}

function drawRegions(docs: SeriesDoc[], s: ViewState): void {
  const cat = catalogue!;
  const ranking = regionRanking(docs);
  const first = docs[0];
  const catLabel = cat.categories.find((c) => c.id === s.category)?.label ?? s.category;
  const measure: Measure = s.measure;
  const caption = ranking.month
    ? `${catLabel}, ${MEASURE_LABELS[measure].toLowerCase()} by region in ${monthLabel(ranking.month)}, the latest month complete in every region.`
    : `${catLabel} by region`;
  renderRegions(els.regionsBody, ranking, s.admin1, caption, (slug) => setState({ admin1: slug === state.admin1 ? null : slug }));
  const last = first?.points[first.points.length - 1];
  const through = last ? sourceEnds(cat.sources, last.source) : null;
  if (through) {
    els.regionsBody.append(
      h(
        'p',
        { class: 'note' },
        `Region figures come from event-level data only, which ends ${fmtDate(through)}. Select a region to chart it.`,
      ),
    );
  }
}

function showClaims(doc: ClaimsDoc): void {
  renderClaims(els.claims, doc, catalogue, (view) => {
    setState(view);
    els.explore.scrollIntoView({ behavior: 'smooth', block: 'start' });
    byId('explore-heading').focus({ preventScroll: true });
  });
}

function wireControls(): void {
  els.controls.addEventListener('submit', (e) => e.preventDefault());
  els.country.addEventListener('change', () => setState({ country: els.country.value, admin1: null }));
  els.category.addEventListener('change', () => setState({ category: els.category.value as ViewState['category'] }));
  els.admin1.addEventListener('change', () => setState({ admin1: els.admin1.value === '' ? null : els.admin1.value }));
  els.controls.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.name === 'measure' && t.checked) setState({ measure: t.value as Measure });
  });
  // Redraw with the other palette when the colour scheme changes.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (current) drawSeries(current.doc);
  });
}

async function start(): Promise<void> {
  wireControls();
  const [cat, claims] = await Promise.allSettled([getCatalogue(), getClaims()]);

  if (cat.status === 'fulfilled') {
    catalogue = cat.value;
    renderFooter(els.footer, catalogue.dataset, catalogue.sources);
    state = resolveState(new URLSearchParams(location.search), catalogue.countries);
    syncControls();
    history.replaceState(null, '', `${location.pathname}${stateQuery(state)}${location.hash}`);
    void loadView();
  } else {
    els.content.hidden = true;
    els.regions.hidden = true;
    els.status.replaceChildren(errorBox('the catalogue (/api/v1/catalogue)', cat.reason));
    showError(els.footer, 'the dataset details', cat.reason);
  }

  if (claims.status === 'fulfilled') {
    showClaims(claims.value);
    if (!catalogue) renderFooter(els.footer, claims.value.dataset, []);
  } else {
    showError(els.claims, 'the claims (/api/v1/claims)', claims.reason);
  }
}

start().catch((e: unknown) => {
  els.status.replaceChildren(errorBox('the dashboard', e));
});
