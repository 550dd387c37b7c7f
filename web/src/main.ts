/**
 * Wiring: takes the catalogue and the claims (requested by requests.ts), keeps the view's state in
 * the URL (pushState on every change, so back/forward work), and draws the current view: Overview,
 * Country or Compare. Loaded by app.ts once the page is painted; text is filled in as data arrives,
 * charts are drawn one per task as they come near the screen (schedule.ts). Embed mode (/embed, or
 * ?embed=1) hides the chrome around the charts.
 */
import type { Catalogue, CountryEntry, SeriesDoc, SeriesInfo } from '../../data/model/types.ts';
import type { CategoryId, Measure } from '../../data/model/categories.ts';
import { monthLabel } from '../../data/model/month.ts';
import { isDayPeriod, type Unit } from '../../data/model/period.ts';
import { TREND_BANDS, TREND_DEFINITIONS, TREND_LABELS } from '../../data/model/trend.ts';
import { getText } from './api.ts';
import type { CompareContext } from './compare.ts';
import { chartPng, destroyChart, drawChangeChart, drawCompositionChart, drawLineChart } from './charts.ts';
import {
  byId,
  errorBox,
  fillSelect,
  h,
  loading,
  overviewFigureRow,
  renderFooter,
  renderRegions,
  renderTable,
  showError,
  trendBadge,
} from './render.ts';
import { cataloguePromise, claims as claimsDoc, overviewSeries, series, seriesSet, seriesSetPath } from './requests.ts';
import { nextTask, whenVisible } from './schedule.ts';
import type { Table } from './shape.ts';
import {
  categoryOptions,
  changeData,
  changeSummary,
  compositionData,
  compositionSummary,
  compositionTable,
  coupMarkers,
  creditLine,
  defaultPeriods,
  downloadName,
  EVENT_TYPE_CATEGORIES,
  fmtDate,
  lineData,
  MAP_OUTLINES,
  MEASURE_LABELS,
  mergeCsv,
  overviewFigure,
  partialIndexes,
  placeName,
  relationOptions,
  relationWording,
  regionRanking,
  regionSummary,
  seriesInfoFor,
  seriesNotes,
  seriesSubject,
  seriesTable,
  seriesTitle,
  sharedMax,
  summarySentence,
} from './shape.ts';
import {
  DEFAULT_STATE,
  hasCheck,
  hasDays,
  periodBounds,
  periodsInUnit,
  resolveState,
  seriesCsvPath,
  seriesPath,
  stateQuery,
  type View,
  type ViewState,
} from './state.ts';

const EMBED = location.pathname.startsWith('/embed') || new URLSearchParams(location.search).get('embed') === '1';
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
  controls: byId<HTMLFormElement>('controls'),
  country: byId<HTMLSelectElement>('country'),
  category: byId<HTMLSelectElement>('category'),
  admin1: byId<HTMLSelectElement>('admin1'),
  from: byId<HTMLInputElement>('from'),
  to: byId<HTMLInputElement>('to'),
  sameScale: byId<HTMLInputElement>('same-scale'),
  beforeFrom: byId<HTMLInputElement>('before-from'),
  beforeTo: byId<HTMLInputElement>('before-to'),
  afterFrom: byId<HTMLInputElement>('after-from'),
  afterTo: byId<HTMLInputElement>('after-to'),
  relation: byId<HTMLSelectElement>('relation'),
  threshold: byId<HTMLInputElement>('threshold'),
  wording: byId<HTMLInputElement>('wording'),
  bothMeasures: byId<HTMLInputElement>('both-measures'),
  unitDay: byId<HTMLInputElement>('unit-day'),
  resetRange: byId<HTMLButtonElement>('reset-range'),
  status: byId('view-status'),
  claims: byId('claims-list'),
  definition: byId('series-definition'),
  notes: byId<HTMLUListElement>('series-notes'),
  regions: byId('regions'),
  compare: byId('compare-result'),
  footer: byId('footer-data'),
  shareLink: byId<HTMLInputElement>('share-link'),
  embedCode: byId<HTMLTextAreaElement>('embed-code'),
  copyStatus: byId('copy-status'),
  openFull: byId<HTMLAnchorElement>('open-full'),
};

let catalogue: Catalogue | null = null;
let state: ViewState = DEFAULT_STATE;
/** Incremented per view load: a response for an older view is dropped. */
let generation = 0;
let inflight: AbortController | null = null;

const countryOf = (s: ViewState): CountryEntry | undefined => catalogue?.countries.find((c) => c.iso3 === s.country);
const credit = (): string => (catalogue ? creditLine(catalogue.dataset) : 'Source: ACLED, www.acleddata.com');

// ---------------------------------------------------------------------------------------------
// Controls and URL

function syncControls(): void {
  if (!catalogue) return;
  fillSelect(
    els.country,
    catalogue.countries.map((c) => ({ value: c.iso3, label: c.name })),
    state.country,
  );
  fillSelect(els.category, categoryOptions(catalogue, state.country), state.category);
  for (const input of els.controls.querySelectorAll<HTMLInputElement>('input[name="measure"]'))
    input.checked = input.value === state.measure;
  const country = countryOf(state);
  const regions = country?.admin1 ?? [];
  // A country without regions keeps the field, disabled and saying so: hiding it would move the
  // fields after it (and the page below) once the catalogue is in.
  fillSelect(
    els.admin1,
    [
      { value: '', label: regions.length === 0 ? 'Country total (no regions)' : 'All regions (country total)' },
      ...regions.map((r) => ({ value: r.slug, label: r.name })),
    ],
    state.admin1 ?? '',
  );
  const min = catalogue.countries.map((c) => c.months.from).sort()[0] ?? '';
  const max =
    catalogue.countries
      .map((c) => c.months.to)
      .sort()
      .at(-1) ?? '';
  for (const input of [els.from, els.to]) {
    input.min = min;
    input.max = max;
  }
  els.from.value = state.from ?? '';
  els.to.value = state.to ?? '';
  els.sameScale.checked = state.sameScale;
  // Compare periods are months, or days where the country has daily counts (never a region).
  const unit: Unit = state.after && isDayPeriod(state.after) ? 'day' : 'month';
  const days = hasDays(country, state.admin1) ? country!.days! : null;
  for (const r of els.controls.querySelectorAll<HTMLInputElement>('input[name="unit"]')) r.checked = r.value === unit;
  const withDays = catalogue.countries.filter((c) => c.days).map((c) => c.name);
  // Which countries, or why not, in a tooltip: text that changed here would move the fields after it.
  els.unitDay.parentElement!.title =
    state.admin1 !== null
      ? 'Day windows are for country totals, not regions'
      : `Daily counts exist for ${withDays.join(', ') || 'no country'}`;
  for (const input of [els.beforeFrom, els.beforeTo, els.afterFrom, els.afterTo]) {
    // The type first: a month value in a date field (or the reverse) would be cleared.
    input.type = unit === 'day' ? 'date' : 'month';
    input.min = unit === 'day' ? (days?.from ?? '') : min;
    input.max = unit === 'day' ? (days?.through ?? '') : max;
  }
  const [bf, bt] = state.before ? periodBounds(state.before) : ['', ''];
  const [af, at] = state.after ? periodBounds(state.after) : ['', ''];
  els.beforeFrom.value = bf;
  els.beforeTo.value = bt;
  els.afterFrom.value = af;
  els.afterTo.value = at;
  fillSelect(els.relation, relationOptions(state.relation), state.relation ?? '');
  els.threshold.value = state.threshold ?? '';
  els.wording.value = state.wording ?? '';
  els.wording.placeholder = state.relation && state.threshold ? relationWording(state.relation, state.threshold) : 'e.g. quadrupled';
  els.bothMeasures.checked = state.bothMeasures;
  markInvalid([]);
  for (const el of els.controls.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input')) el.disabled = false;
  els.admin1.disabled = regions.length === 0;
  // Days stay selectable while shown, so that a view in days without daily counts can go back.
  els.unitDay.disabled = days === null && unit !== 'day';
  // Only the fields the view uses are shown.
  for (const f of els.controls.querySelectorAll<HTMLElement>('[data-views]')) {
    const views = (f.dataset.views ?? '').split(' ');
    f.classList.toggle('off-view', !views.includes(state.view));
  }
}

function urlFor(s: ViewState): string {
  const path = location.pathname.startsWith('/embed') ? location.pathname : '/';
  return `${path}${stateQuery(s, EMBED && !path.startsWith('/embed') ? { embed: '1' } : {})}`;
}

/** Apply a (possibly partial) change of state, corrected against the catalogue; push it to the history and redraw. */
function setState(next: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): Promise<void> {
  if (!catalogue) return Promise.resolve();
  let merged: ViewState = { ...state, ...next };
  const q = new URLSearchParams(stateQuery(merged));
  merged = resolveState(q, catalogue.countries);
  if (merged.view === 'compare' && (!merged.before || !merged.after)) {
    const c = countryOf(merged);
    if (c) merged = { ...merged, ...defaultPeriods(c) };
  }
  const url = urlFor(merged);
  const same = url === `${location.pathname}${location.search}`;
  state = merged;
  if (mode === 'push' && !same) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  syncControls();
  return loadView();
}

function periodOf(a: string, b: string): string | null {
  if (!a && !b) return null;
  const x = a || b;
  const y = b || a;
  const [lo, hi] = x <= y ? [x, y] : [y, x];
  return lo === hi ? lo : `${lo}..${hi}`;
}

/** The compare periods in `unit`, over the same calendar span. */
function periodsIn(unit: Unit): Pick<ViewState, 'before' | 'after'> {
  return periodsInUnit(state.before, state.after, unit);
}

/** Periods in days go back to months for a country or region without daily counts. */
function inUnitFor(country: CountryEntry | undefined, admin1: string | null): Partial<ViewState> {
  return state.after && isDayPeriod(state.after) && !hasDays(country, admin1) ? periodsIn('month') : {};
}

function wireControls(): void {
  // Enter in a field, or the Check button: apply the claim's fields as typed.
  els.controls.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = claimFields();
    if (Object.entries(next).some(([k, v]) => state[k as keyof typeof next] !== v)) void setState(next);
  });
  els.relation.addEventListener('change', () => setState({ relation: claimFields().relation }));
  els.threshold.addEventListener('change', () => setState({ threshold: claimFields().threshold }));
  els.wording.addEventListener('change', () => setState({ wording: claimFields().wording }));
  els.bothMeasures.addEventListener('change', () => setState({ bothMeasures: els.bothMeasures.checked }));
  els.country.addEventListener('change', () =>
    setState({
      country: els.country.value,
      admin1: null,
      ...inUnitFor(
        catalogue?.countries.find((c) => c.iso3 === els.country.value),
        null,
      ),
    }),
  );
  els.category.addEventListener('change', () => setState({ category: els.category.value as CategoryId }));
  els.admin1.addEventListener('change', () => {
    const admin1 = els.admin1.value === '' ? null : els.admin1.value;
    void setState({ admin1, ...inUnitFor(countryOf(state), admin1) });
  });
  els.from.addEventListener('change', () => setState({ from: els.from.value || null }));
  els.to.addEventListener('change', () => setState({ to: els.to.value || null }));
  els.sameScale.addEventListener('change', () => setState({ sameScale: els.sameScale.checked }));
  const period = () =>
    setState({ before: periodOf(els.beforeFrom.value, els.beforeTo.value), after: periodOf(els.afterFrom.value, els.afterTo.value) });
  for (const el of [els.beforeFrom, els.beforeTo, els.afterFrom, els.afterTo]) el.addEventListener('change', period);
  els.resetRange.addEventListener('click', () => setState({ from: null, to: null }));
  for (const r of els.controls.querySelectorAll<HTMLInputElement>('input[name="unit"]'))
    r.addEventListener('change', () => {
      if (r.checked) void setState(periodsIn(r.value as Unit));
    });
  els.controls.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.name === 'measure' && t.checked) setState({ measure: t.value as Measure });
  });
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.views-nav a[data-view]')) {
    a.addEventListener('click', (e) => {
      if (!catalogue || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      setState({ view: a.dataset.view as View });
    });
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-country-link]')) {
    a.addEventListener('click', (e) => {
      if (!catalogue || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      setState({ view: 'country', country: a.dataset.countryLink!, admin1: null, category: 'political_violence' });
      els.heading.focus();
    });
  }
  window.addEventListener('popstate', () => {
    if (!catalogue) return;
    state = resolveState(new URLSearchParams(location.search), catalogue.countries);
    syncControls();
    void loadView();
  });
  // Redraw with the other palette when the colour scheme changes.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => void loadView());
  byId('copy-link').addEventListener('click', () => void copy(els.shareLink, 'Link copied.'));
  byId('copy-embed').addEventListener('click', () => void copy(els.embedCode, 'Embed code copied.'));
}

/** The claim's fields as typed; an empty field is no value. */
function claimFields(): Pick<ViewState, 'relation' | 'threshold' | 'wording' | 'bothMeasures'> {
  const v = (x: string) => x.trim() || null;
  return {
    relation: v(els.relation.value),
    threshold: v(els.threshold.value),
    wording: v(els.wording.value),
    bothMeasures: els.bothMeasures.checked,
  };
}

/** The claim fields a 400 names get aria-invalid and point to the message; the others are cleared. */
const CLAIM_FIELDS = { relation: els.relation, threshold: els.threshold, wording: els.wording } as const;
function markInvalid(parameters: readonly string[], messageId = 'check-problem'): void {
  for (const [name, el] of Object.entries(CLAIM_FIELDS)) {
    if (parameters.includes(name)) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', messageId);
    } else {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    }
  }
}

async function copy(el: HTMLInputElement | HTMLTextAreaElement, done: string): Promise<void> {
  el.select();
  try {
    await navigator.clipboard.writeText(el.value);
    els.copyStatus.textContent = done;
  } catch {
    els.copyStatus.textContent = 'Select the text and copy it (Ctrl+C).';
  }
}

function updateShare(title: string): void {
  const q = stateQuery(state);
  els.shareLink.value = `${location.origin}/${q}`;
  const src = `${location.origin}/embed${q}`;
  els.embedCode.value = `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="720" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  els.openFull.href = `/${q}`;
}

// ---------------------------------------------------------------------------------------------
// Figures: every chart has a summary, a data table, a CSV and a PNG download

interface Fig {
  canvas: HTMLCanvasElement | null;
  summary: HTMLElement;
  caption: HTMLElement;
  csv: HTMLAnchorElement;
  png: HTMLButtonElement | null;
  table: HTMLElement | null;
  title: HTMLElement;
}

function fig(id: string): Fig {
  const q = <T extends HTMLElement>(sfx: string) => document.getElementById(`${id}-${sfx}`) as T | null;
  return {
    canvas: q<HTMLCanvasElement>('chart'),
    summary: q('summary')!,
    caption: q('caption')!,
    csv: q<HTMLAnchorElement>('csv')!,
    png: q<HTMLButtonElement>('png'),
    table: q('table'),
    title: q('title')!,
  };
}

function figLoading(f: Fig): void {
  f.summary.textContent = 'Loading…';
  f.canvas?.setAttribute('aria-label', 'Loading…');
  f.csv.setAttribute('aria-disabled', 'true');
  if (f.png) f.png.disabled = true;
}

function figError(f: Fig, what: string, e: unknown): void {
  if (f.canvas) destroyChart(f.canvas);
  f.summary.replaceChildren(errorBox(what, e));
  f.canvas?.setAttribute('aria-label', `Could not load ${what}.`);
}

/** Summary (also the chart's accessible name), CSV link or builder, PNG button. */
function figReady(f: Fig, summary: string, csv: string | (() => Promise<string>), name: string[]): void {
  const version = catalogue?.dataset.version ?? 'unknown';
  f.summary.textContent = summary;
  f.canvas?.setAttribute('aria-label', summary);
  f.csv.removeAttribute('aria-disabled');
  f.csv.download = downloadName(name, version, 'csv');
  if (typeof csv === 'string') {
    f.csv.href = csv;
    f.csv.onclick = null;
  } else {
    f.csv.href = '#';
    f.csv.onclick = (e) => {
      e.preventDefault();
      void csv()
        .then((text) => save(new Blob([text], { type: 'text/csv;charset=utf-8' }), f.csv.download))
        .catch((err: unknown) => f.caption.replaceChildren(errorBox('the CSV', err)));
    };
  }
  const png = f.png;
  const canvas = f.canvas;
  if (png && canvas) {
    png.disabled = false;
    png.onclick = () => {
      void chartPng(canvas, `${f.title.textContent ?? ''}: ${summary}`, credit()).then((b) => save(b, downloadName(name, version, 'png')));
    };
  }
}

/**
 * A figure's data table, built when its <details> is opened (the overview alone has ten tables
 * of a hundred rows: building them all at load would only delay the charts).
 */
function tableLater(container: HTMLElement, table: Table, caption: string): void {
  const details = container.closest('details');
  container.replaceChildren();
  const build = () => renderTable(container, table, caption);
  if (!details || details.open) {
    build();
    return;
  }
  details.addEventListener('toggle', build, { once: true });
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------------------------------------
// Views

function showView(): void {
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
  if (!catalogue) return;
  const gen = ++generation;
  inflight?.abort();
  const ctrl = new AbortController();
  inflight = ctrl;
  showView();
  els.status.replaceChildren();
  const stale = () => gen !== generation;
  try {
    if (state.view === 'overview') await loadOverview(ctrl.signal, stale);
    else if (state.view === 'country') await loadCountry(ctrl.signal, stale);
    else await (await compareModule()).loadCompare(compareContext(), ctrl.signal, stale);
  } catch (e) {
    if (stale() || ctrl.signal.aborted) return;
    els.status.replaceChildren(errorBox('this view', e));
  }
}

async function loadOverview(signal: AbortSignal, stale: () => boolean): Promise<void> {
  const cat = catalogue!;
  els.heading.textContent = HEADINGS.overview;
  document.title = 'Sahel Pulse: five Sahel countries side by side';
  updateShare('Sahel Pulse: political violence in five Sahel countries');
  const measures: Measure[] = ['events', 'fatalities'];
  const countries = cat.countries.filter((c) => c.categories.includes('political_violence') && document.getElementById(`ov-${c.iso3}`));
  const jobs = countries.flatMap((c) =>
    measures.map((m) => {
      const s = overviewSeries(c.iso3, m, state);
      const f = fig(`ov-${c.iso3}-${m}`);
      figLoading(f);
      return { c, m, s, f, doc: series(seriesPath(s)) };
    }),
  );
  for (const c of countries) loading(byId(`ov-${c.iso3}-figs`));
  const draw = (j: (typeof jobs)[number], doc: SeriesDoc, yMax: number | null = null) => {
    if (performance.getEntriesByName('first-draw').length === 0) performance.mark('first-draw');
    const d = lineData(doc.points, cat.sources);
    drawLineChart(j.f.canvas!, d, coupMarkers(j.c.iso3, d.months), MEASURE_LABELS[j.m], { small: true, yMax });
  };
  const figText = (j: (typeof jobs)[number], doc: SeriesDoc) => {
    figReady(j.f, summarySentence(doc), seriesCsvPath(j.s), [j.c.iso3, 'political_violence', j.m, state.from ?? '', state.to ?? '']);
    if (j.f.table) tableLater(j.f.table, seriesTable(doc), seriesTitle(doc.series));
    const notes = partialIndexes(doc.points).map((i) => monthLabel(doc.points[i]!.month));
    j.f.caption.textContent = notes.length > 0 ? `Shaded: partial month (lower bound).` : '';
  };
  const figures = (c: CountryEntry, docs: PromiseSettledResult<SeriesDoc>[]) =>
    byId(`ov-${c.iso3}-figs`).replaceChildren(
      ...measures.map((m, k) => {
        const r = docs[k]!;
        return r.status === 'fulfilled'
          ? overviewFigureRow(MEASURE_LABELS[m], overviewFigure(r.value), m)
          : h('p', {}, `${MEASURE_LABELS[m]}: not available.`);
      }),
    );

  if (!state.sameScale) {
    // Each chart as soon as its series arrives, one per task.
    let queue = Promise.resolve();
    const drawn = jobs.map((j) =>
      j.doc.then(
        (doc) =>
          (queue = queue.then(async () => {
            if (stale()) return;
            // Text (summary, table, downloads) at once; the chart when it is near the screen.
            whenVisible(j.f.canvas!.parentElement!, () => {
              if (!stale()) draw(j, doc);
            });
            figText(j, doc);
            await nextTask();
          })),
        (e: unknown) => {
          if (!stale()) figError(j.f, `${j.c.name} ${j.m}`, e);
        },
      ),
    );
    for (const c of countries) {
      void Promise.allSettled(jobs.filter((j) => j.c === c).map((j) => j.doc)).then((docs) => {
        if (!stale()) figures(c, docs);
      });
    }
    await Promise.all(drawn);
    await queue;
    return;
  }
  const settled = await Promise.allSettled(jobs.map((j) => j.doc));
  if (stale()) return;
  const docs = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const max = {
    events: sharedMax(docs.filter((d) => d.series.measure === 'events')),
    fatalities: sharedMax(docs.filter((d) => d.series.measure === 'fatalities')),
  };
  for (const [i, j] of jobs.entries()) {
    const r = settled[i]!;
    if (r.status === 'fulfilled') {
      const doc = r.value;
      figText(j, doc);
      whenVisible(j.f.canvas!.parentElement!, () => {
        if (!stale()) draw(j, doc, max[j.m]);
      });
    } else figError(j.f, `${j.c.name} ${j.m}`, r.reason);
    await nextTask();
    if (stale()) return;
  }
  for (const c of countries)
    figures(
      c,
      settled.filter((_, i) => jobs[i]!.c === c),
    );
}

/** The country view's heading, page title, share title and definition; returns the title. */
function showSeriesInfo(info: SeriesInfo): string {
  const title = seriesTitle(info);
  els.heading.textContent = title;
  document.title = `Sahel Pulse: ${title}`;
  updateShare(`Sahel Pulse: ${title}`);
  els.definition.textContent = `${info.category.label}: ${info.category.definition}`;
  return title;
}

async function loadCountry(signal: AbortSignal, stale: () => boolean): Promise<void> {
  const cat = catalogue!;
  const s = state;
  const country = countryOf(s)!;
  const line = fig('line');
  const change = fig('change');
  const comp = fig('composition');
  for (const f of [line, change, comp]) figLoading(f);
  const regions = country.admin1;
  els.regions.hidden = regions.length === 0 || s.admin1 !== null;
  const hasMap = MAP_OUTLINES[country.iso3] !== undefined;
  byId('fig-map').hidden = !hasMap;
  const nameParts = [s.country, s.admin1, s.category, s.measure, s.from, s.to].filter((x): x is string => x !== null);

  // The series the first chart needs first, alone; then the figures further down: the event types
  // in one request, the regions. On a slow connection they would otherwise share its bandwidth.
  const main = series(seriesPath(s));
  const mainSettled = main.then(
    () => undefined,
    () => undefined,
  );
  const types = EVENT_TYPE_CATEGORIES.filter((c) => country.categories.includes(c));
  const compDocs = mainSettled.then(() => seriesSet(s, types));
  compDocs.catch(() => undefined);
  const regionDocs = !els.regions.hidden
    ? mainSettled.then(() => Promise.all(regions.map((r) => series(seriesPath(s, { admin1: r.slug })))))
    : null;
  regionDocs?.catch(() => undefined);

  // The heading and definition come from the catalogue: on screen before the series arrives.
  const info = seriesInfoFor(cat, s);
  if (info) showSeriesInfo(info);

  try {
    const doc = await main;
    if (stale()) return;
    const title = showSeriesInfo(doc.series);
    els.notes.replaceChildren(...seriesNotes(doc, cat.sources, cat.thresholds.lowBaseline).map((n) => h('li', {}, n)));
    if (doc.points.length === 0) {
      destroyChart(line.canvas!);
      destroyChart(change.canvas!);
      const empty = `No data for ${seriesSubject(doc.series)} in this range.`;
      line.summary.textContent = empty;
      change.summary.textContent = empty;
    } else {
      // Text first (summaries, captions, downloads); each chart in a task of its own when near the screen.
      const ld = lineData(doc.points, cat.sources);
      const markers = coupMarkers(s.country, ld.months);
      figReady(line, summarySentence(doc), seriesCsvPath(s), nameParts);
      tableLater(line.table!, seriesTable(doc), title);
      line.caption.textContent = `${MEASURE_LABELS[s.measure]} per month. Dashed lines: turning points (coups). ${ld.hasPartial ? 'Shaded, dashed, triangles: partial month, a lower bound. ' : ''}${credit()}.`;
      whenVisible(line.canvas!.parentElement!, () => {
        if (!stale()) drawLineChart(line.canvas!, ld, markers, MEASURE_LABELS[s.measure]);
      });
      const cd = changeData(doc.points);
      figReady(change, changeSummary(doc), seriesCsvPath(s), [...nameParts, 'change']);
      tableLater(change.table!, seriesTable(doc), `${title}: change from the previous month`);
      change.caption.textContent = `Difference in count from the previous month. ${cd.hasLowBaseline ? `Grey, outlined bars: the previous month is below ${cat.thresholds.lowBaseline} (low baseline), so percentages are unstable. ` : ''}Partial months are not compared.`;
      whenVisible(change.canvas!.parentElement!, () => {
        if (!stale())
          drawChangeChart(
            change.canvas!,
            cd,
            markers,
            `Low baseline (previous month below ${cat.thresholds.lowBaseline})`,
            partialIndexes(doc.points),
          );
      });
    }
  } catch (e) {
    if (stale()) return;
    els.heading.textContent = HEADINGS.country;
    figError(line, `the series (${seriesPath(s)})`, e);
    figError(change, 'the changes', e);
  }

  try {
    const docs = await compDocs;
    if (stale()) return;
    const d = compositionData(docs);
    const place = placeName({
      country: { iso3: country.iso3, name: country.name },
      admin1: regions.find((r) => r.slug === s.admin1) ?? null,
    });
    comp.title.textContent = `By event type: ${MEASURE_LABELS[s.measure].toLowerCase()} in ${place}`;
    if (d.months.length === 0) {
      destroyChart(comp.canvas!);
      comp.summary.textContent = `No event-type data for ${place} in this range.`;
    } else {
      whenVisible(comp.canvas!.parentElement!, () => {
        if (!stale()) drawCompositionChart(comp.canvas!, d, coupMarkers(s.country, d.months));
      });
      figReady(comp, compositionSummary(d, s.measure, place), seriesSetPath(s, types, 'csv'), [
        ...nameParts.filter((x) => x !== s.category),
        'event-types',
      ]);
      tableLater(comp.table!, compositionTable(d), comp.title.textContent);
      comp.caption.textContent = `ACLED’s six event types stacked. ${d.partial.some(Boolean) ? 'Shaded: partial month (lower bound). ' : ''}${credit()}.`;
    }
  } catch (e) {
    if (stale()) return;
    figError(comp, 'the event types', e);
  }

  if (!regionDocs) return;
  const table = fig('regions');
  const map = fig('map');
  figLoading(table);
  figLoading(map);
  loading(byId('regions-body'));
  try {
    const docs = await regionDocs;
    if (stale()) return;
    const ranking = regionRanking(docs);
    const catLabel = cat.categories.find((c) => c.id === s.category)?.label ?? s.category;
    const words = `${catLabel.toLowerCase()} ${s.measure === 'events' ? 'events' : 'reported fatalities'}`;
    const caption = ranking.month
      ? `${catLabel}, ${MEASURE_LABELS[s.measure].toLowerCase()} by region in ${monthLabel(ranking.month)}, the latest month complete in every region.`
      : `${catLabel} by region`;
    renderRegions(byId('regions-body'), ranking, s.admin1, caption, (slug) => setState({ admin1: slug }));
    const summary = regionSummary(ranking, words, country.name);
    const csv = () =>
      Promise.all(regions.map((r) => getText(seriesCsvPath(s, { admin1: r.slug, from: ranking.month, to: ranking.month })))).then(mergeCsv);
    const name = [s.country, 'regions', s.category, s.measure, ranking.month ?? ''];
    figReady(table, summary, csv, name);
    const last = docs[0]?.points.at(-1);
    const through = last ? cat.sources.find((x) => x.id === last.source)?.coverage.through : null;
    table.caption.textContent = `Region figures come from event-level data only${through ? `, which ends ${fmtDate(through)}` : ''}. Select a region to chart it. ${credit()}.`;
    if (hasMap && ranking.month) {
      const month = ranking.month;
      figReady(map, summary, csv, [...name, 'map']);
      tableLater(map.table!, { head: ['Region', monthLabel(month)], rows: ranking.rows.map((r) => [r.name, String(r.value)]) }, caption);
      map.caption.textContent = `Darker (purple) is fewer, lighter (yellow) is more. Outlines: Natural Earth (public domain). ${credit()}.`;
      // The map module (chartjs-chart-geo) is loaded when the map comes near the screen.
      whenVisible(map.canvas!.parentElement!, () => {
        void import('./map.ts')
          .then(({ drawRegionMap }) => {
            if (stale()) return;
            return drawRegionMap(
              map.canvas!,
              country.iso3,
              ranking,
              `${catLabel}, ${MEASURE_LABELS[s.measure].toLowerCase()}, ${monthLabel(month)}`,
            );
          })
          .catch((e: unknown) => {
            if (!stale()) figError(map, 'the map', e);
          });
      });
    }
  } catch (e) {
    if (stale()) return;
    showError(byId('regions-body'), 'the regions', e);
    figError(map, 'the map', e);
  }
}

/** The Compare view and the claims' cards (compare.ts), fetched when first shown: the first view does without them. */
const compareModule = () => import('./compare.ts');

function compareContext(): CompareContext {
  return {
    state,
    catalogue,
    embed: EMBED,
    els,
    headings: { compare: HEADINGS.compare, check: CHECK_HEADING },
    setState: (next) => setState(next),
    updateShare,
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
  wireControls();
  renderTrendLegend();
  // The view as soon as the catalogue is in; the claims (below it) may come later.
  const [cat] = await Promise.allSettled([cataloguePromise]);
  // Not in the task that ran the app's code (the catalogue is often in by then): shorter tasks.
  await nextTask();

  if (cat.status === 'fulfilled') {
    catalogue = cat.value;
    performance.mark('catalogue');
    renderFooter(els.footer, catalogue.dataset, catalogue.sources);
    state = resolveState(new URLSearchParams(location.search), catalogue.countries);
    firstView = setState({}, 'replace');
  } else {
    for (const s of document.querySelectorAll<HTMLElement>('section.view')) s.hidden = true;
    delete document.documentElement.dataset.bootView;
    els.status.replaceChildren(errorBox('the catalogue (/api/v1/catalogue)', cat.reason));
    showError(els.footer, 'the dataset details', cat.reason);
  }

  // Below the overview's charts: built once the first view is drawn.
  await firstView.catch(() => undefined);
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
