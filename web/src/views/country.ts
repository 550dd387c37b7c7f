/**
 * The Country view: the monthly series with its definition and notes, month-over-month change,
 * composition by event type, the weekly series, and the regions ranked with a map (loaded on
 * demand). A region with weekly counts only gets its weekly series and a sentence saying so. The series the
 * first chart needs comes first and alone; each chart is drawn in a task of its own when near the
 * screen. Its shaping is country-data.ts; main.ts hands it what it uses of the page in a context.
 */

import type { WeekSeries } from '../../../model/api.ts';
import type { Change } from '../../../model/change.ts';
import { EVENT_TYPE_CATEGORIES } from '../../../model/event-types.ts';
import type { Catalogue, SeriesDoc, SeriesInfo } from '../../../model/types.ts';
import { addWeeks } from '../../../model/week.ts';
import { coupMarkers, coupWeekMarkers } from '../annotations.ts';
import { getText } from '../api.ts';
import { seriesCsvPath, seriesPath, seriesSetPath, weekSeriesPath } from '../api-paths.ts';
import { destroyChart, drawLineChart } from '../charts.ts';
import { drawChangeChart, drawCompositionChart } from '../charts-bar.ts';
import { mergeCsv } from '../csv-merge.ts';
import { fig, figError, figLoading, figReady, tableLater } from '../figure.ts';
import { creditLine, fmtChange, fmtDay, fmtMonth, fmtPct, fmtSigned, num } from '../format.ts';
import { t } from '../messages.ts';
import { tm } from '../messages-more.ts';
import { byId, type Child, h, loading, showError } from '../render.ts';
import { series, seriesSet, weekSeries } from '../requests.ts';
import { whenVisible } from '../schedule.ts';
import {
  lineData,
  partialIndexes,
  seriesSubject,
  seriesTable,
  seriesTitle,
  summarySentence,
  weekLineData,
  weekSeriesTitle,
  weekSummary,
  weekTable,
} from '../series-data.ts';
import { monthlyRegions, type ViewState } from '../state.ts';
import {
  changeData,
  changeSummary,
  compositionData,
  compositionSummary,
  compositionTable,
  regionRanking,
  regionSummary,
  regionWeekSummary,
  seriesInfoFor,
  seriesNotes,
} from './country-data.ts';
import { windowLabel } from './overview-data.ts';
import { type RegionRow, rankingFromWeek, regionKey, regionWeekRanking } from './region-ranking.ts';

/** Weeks the country view's weekly chart shows: two years. */
const COUNTRY_WEEKS = 104;

/** What the Country view uses of the page. */
export interface CountryContext {
  state: ViewState;
  catalogue: Catalogue;
  els: { heading: HTMLElement; definition: HTMLElement; notes: HTMLUListElement; regions: HTMLElement };
  /** The view's heading until the series names it. */
  heading: string;
  /** Chart a region (picked in the regions' table). */
  setState: (next: Partial<ViewState>) => Promise<void>;
  updateShare: (title: string) => void;
}

/** The country view's heading, page title, share title and definition (of the weekly series for a region with weeks only); returns the title. */
function showSeriesInfo(ctx: CountryContext, info: SeriesInfo, weekly = false): string {
  const title = weekly ? weekSeriesTitle(info) : seriesTitle(info);
  ctx.els.heading.textContent = title;
  document.title = tm().docTitle(title);
  ctx.updateShare(tm().docTitle(title));
  ctx.els.definition.textContent = tm().definition(
    t.category(info.category.id, info.category.label),
    tm().categoryDefinition(info.category.id, info.category.definition),
  );
  return title;
}

export async function loadCountry(ctx: CountryContext, stale: () => boolean): Promise<void> {
  const { catalogue: cat, state: s, els } = ctx;
  const country = cat.countries.find((c) => c.iso3 === s.country)!;
  const credit = creditLine(cat.dataset);
  const line = fig('line');
  const change = fig('change');
  const comp = fig('composition');
  const weekly = fig('weekly');
  for (const f of [line, change, comp, weekly]) figLoading(f);
  // Regions are ranked on ACLED's weekly counts where the country has them for the category (every
  // region, the newest weeks), else on the monthly series of the regions that have them.
  const weeks = country.weeks?.categories.includes(s.category) ? country.weeks : null;
  const regions = weeks ? country.admin1 : monthlyRegions(country, s.category);
  const monthly = new Set(monthlyRegions(country, s.category).map((r) => r.slug));
  // A region with weekly counts only (state.ts offers it where the country has weeks): its weekly
  // chart alone, and one sentence saying why the monthly figures are not there, not empty charts.
  const weeklyOnly = s.admin1 !== null && !monthly.has(s.admin1);
  for (const id of ['line', 'change', 'composition']) byId(`fig-${id}`).hidden = weeklyOnly;
  // No months to choose for it: the month fields stay in place, disabled (syncControls enables
  // them again on the next state, before this view runs).
  if (weeklyOnly) for (const id of ['from', 'to', 'reset-range']) byId<HTMLInputElement | HTMLButtonElement>(id).disabled = true;
  els.regions.hidden = regions.length === 0 || s.admin1 !== null;
  const nameParts = [s.country, s.admin1, s.category, s.measure, s.from, s.to].filter((x): x is string => x !== null);

  // The series the first chart needs first, alone; then the figures further down: the event types
  // in one request, the regions. On a slow connection they would otherwise share its bandwidth.
  const main = weeklyOnly ? Promise.reject(new Error('weekly counts only')) : series(seriesPath(s));
  main.catch(() => undefined);
  const mainSettled = main.then(
    () => undefined,
    () => undefined,
  );
  const types = EVENT_TYPE_CATEGORIES.filter((c) => country.categories.includes(c));
  const compDocs = mainSettled.then(() => (weeklyOnly ? [] : seriesSet(s, types)));
  compDocs.catch(() => undefined);
  const weekParams = weeks && {
    country: s.country,
    category: s.category,
    measure: s.measure,
    admin1: s.admin1,
    from: addWeeks(weeks.to, 1 - COUNTRY_WEEKS),
  };
  const weekDoc = weekParams ? mainSettled.then(() => weekSeries(weekSeriesPath(weekParams))) : null;
  weekDoc?.catch(() => undefined);
  const regionParams = (slug: string) => ({ ...weekParams!, admin1: slug, from: rankingFromWeek(weeks!.to) });
  // The regions (a request each: Nigeria has 38) are requested when their section comes near the
  // screen, not with the charts above it: on a phone they would compete with the first chart.
  const loadRegions = (): Promise<(SeriesDoc | WeekSeries)[]> =>
    weeks
      ? Promise.all(regions.map((r) => weekSeries(weekSeriesPath(regionParams(r.slug)))))
      : Promise.all(regions.map((r) => series(seriesPath(s, { admin1: r.slug }))));

  // The heading and definition come from the catalogue: on screen before the series arrives.
  const info = seriesInfoFor(cat, s);
  if (info) showSeriesInfo(ctx, info, weeklyOnly);

  if (weeklyOnly) {
    const region = country.admin1.find((r) => r.slug === s.admin1)!;
    els.notes.replaceChildren(h('li', {}, tm().weeklyOnlyRegion(`${t.region(region.name)} (${t.country(country.name)})`)));
  } else
    try {
      const doc = await main;
      if (stale()) return;
      const title = showSeriesInfo(ctx, doc.series);
      els.notes.replaceChildren(...seriesNotes(doc, cat.sources, cat.thresholds.lowBaseline).map((n) => h('li', {}, n)));
      if (doc.points.length === 0) {
        destroyChart(line.canvas!);
        destroyChart(change.canvas!);
        const empty = tm().noDataRange(seriesSubject(doc.series));
        line.summary.textContent = empty;
        change.summary.textContent = empty;
      } else {
        // Text first (summaries, captions, downloads); each chart in a task of its own when near the screen.
        const ld = lineData(doc.points, cat.sources);
        const markers = coupMarkers(s.country, ld.months);
        figReady(line, summarySentence(doc), seriesCsvPath(s), nameParts, cat.dataset);
        tableLater(line.table!, seriesTable(doc), title);
        line.caption.textContent = tm().lineCaption(t.measure[s.measure], ld.hasPartial, credit);
        whenVisible(line.canvas!.parentElement!, () => {
          if (!stale()) drawLineChart(line.canvas!, ld, markers, t.measure[s.measure]);
        });
        const cd = changeData(doc.points);
        figReady(change, changeSummary(doc), seriesCsvPath(s), [...nameParts, 'change'], cat.dataset);
        tableLater(change.table!, seriesTable(doc), tm().changeTitle(title));
        change.caption.textContent = tm().changeCaption(cd.hasLowBaseline, cat.thresholds.lowBaseline);
        whenVisible(change.canvas!.parentElement!, () => {
          if (!stale())
            drawChangeChart(change.canvas!, cd, markers, tm().lowBaselineBars(cat.thresholds.lowBaseline), partialIndexes(doc.points));
        });
      }
    } catch (e) {
      if (stale()) return;
      els.heading.textContent = ctx.heading;
      figError(line, tm().whatSeries(seriesPath(s)), e);
      figError(change, tm().whatChanges, e);
    }

  try {
    const docs = await compDocs;
    if (stale()) return;
    const d = compositionData(docs);
    const region = regions.find((r) => r.slug === s.admin1) ?? null;
    const place = region ? `${t.region(region.name)} (${t.country(country.name)})` : t.country(country.name);
    comp.title.textContent = tm().compTitle(t.measure[s.measure], place);
    if (d.months.length === 0) {
      destroyChart(comp.canvas!);
      comp.summary.textContent = tm().noTypes(place);
    } else {
      whenVisible(comp.canvas!.parentElement!, () => {
        if (!stale()) drawCompositionChart(comp.canvas!, d, coupMarkers(s.country, d.months));
      });
      figReady(
        comp,
        compositionSummary(d, s.measure, place),
        seriesSetPath(s, types, 'csv'),
        [...nameParts.filter((x) => x !== s.category), 'event-types'],
        cat.dataset,
      );
      tableLater(comp.table!, compositionTable(d), comp.title.textContent);
      comp.caption.textContent = tm().compCaption(d.partial.some(Boolean), credit);
    }
  } catch (e) {
    if (stale()) return;
    figError(comp, tm().whatTypes, e);
  }

  if (weekDoc && weekParams) {
    try {
      const doc = await weekDoc;
      if (stale()) return;
      const title = weekSeriesTitle(doc.series);
      weekly.title.textContent = title;
      const ld = weekLineData(doc.points);
      figReady(weekly, weekSummary(doc), weekSeriesPath(weekParams, 'csv'), [...nameParts, 'weeks', weekParams.from], cat.dataset);
      tableLater(weekly.table!, weekTable(doc), title);
      weekly.caption.textContent = tm().weeklyCaption(t.measure[s.measure], COUNTRY_WEEKS, ld.hasPartial, credit);
      whenVisible(weekly.canvas!.parentElement!, () => {
        if (!stale()) drawLineChart(weekly.canvas!, ld, coupWeekMarkers(s.country, ld.months), t.measure[s.measure]);
      });
    } catch (e) {
      if (stale()) return;
      figError(weekly, tm().whatWeekly, e);
    }
  } else {
    destroyChart(weekly.canvas!);
    weekly.summary.textContent = tm().noWeeklyCategory(t.country(country.name));
  }

  if (els.regions.hidden) return;
  const waiting = tm().regionsWaiting;
  for (const id of ['regions', 'map']) {
    const f = fig(id);
    f.summary.textContent = waiting;
    f.canvas?.setAttribute('aria-label', waiting);
  }
  byId('regions-body').replaceChildren(h('p', {}, waiting));
  // Not awaited: the view is drawn without its regions until they are scrolled near.
  whenVisible(els.regions, () => {
    if (!stale()) void showRegions();
  });

  async function showRegions(): Promise<void> {
    const regionDocs = loadRegions();
    const table = fig('regions');
    const map = fig('map');
    figLoading(table);
    figLoading(map);
    loading(byId('regions-body'));
    const category = cat.categories.find((c) => c.id === s.category);
    const catLabel = category ? t.category(category.id, category.label) : s.category;
    const words = tm().regionWords(catLabel, s.measure);
    const countryName = t.country(country.name);
    try {
      const docs = await regionDocs;
      if (stale()) return;
      let rows: RegionRow[];
      let period: string | null;
      let summary: string;
      let caption: string;
      let csv: () => Promise<string>;
      let changeHead: string;
      if (weeks) {
        const ranking = regionWeekRanking(docs as WeekSeries[]);
        rows = ranking.rows;
        period = ranking.window && windowLabel(ranking.window);
        const prov = ranking.window?.provisional ? tm().provisionalWeeks : '';
        caption = tm().weekRankCaption(catLabel, t.measure[s.measure], period, prov);
        summary = regionWeekSummary(ranking, words, countryName);
        csv = () => Promise.all(regions.map((r) => getText(weekSeriesPath(regionParams(r.slug), 'csv')))).then(mergeCsv);
        changeHead = tm().changeVsFour;
        table.caption.textContent = tm().weekTableCaption(credit);
      } else {
        const ranking = regionRanking(docs as SeriesDoc[]);
        rows = ranking.rows;
        period = ranking.month && fmtMonth(ranking.month);
        caption = tm().monthRankCaption(catLabel, t.measure[s.measure], ranking.month && fmtMonth(ranking.month));
        summary = regionSummary(ranking, words, countryName);
        csv = () =>
          Promise.all(regions.map((r) => getText(seriesCsvPath(s, { admin1: r.slug, from: ranking.month, to: ranking.month })))).then(
            mergeCsv,
          );
        changeHead = tm().changeVsMonth;
        const last = (docs as SeriesDoc[])[0]?.points.at(-1);
        const through = last ? cat.sources.find((x) => x.id === last.source)?.coverage.through : null;
        table.caption.textContent = tm().monthTableCaption(through ? fmtDay(through) : null, credit);
      }
      // Every region is charted where weeks are (its weekly series at least); else those with monthly series.
      const pickable = weeks ? new Set(regions.map((r) => r.slug)) : monthly;
      renderRegions(byId('regions-body'), rows, period, { caption, changeHead, selected: s.admin1, pickable }, (slug) => {
        void ctx.setState({ admin1: slug });
      });
      const name = [s.country, 'regions', s.category, s.measure, period ?? ''];
      figReady(table, summary, csv, name, cat.dataset);
      if (period === null) {
        figError(map, t.whatMap, new Error(tm().noPeriod));
        return;
      }
      figReady(map, summary, csv, [...name, 'map'], cat.dataset);
      const noOutline = (drawn: readonly string[]) => rows.filter((r) => !drawn.includes(regionKey(s.country, r.slug)));
      tableLater(map.table!, { head: [tm().colRegion, period], rows: rows.map((r) => [r.name, num(r.value)]) }, caption);
      map.caption.textContent = tm().mapCaptionCountry([], [], credit);
      // The map module (chartjs-chart-geo) and the outlines are loaded when the map comes near the screen.
      whenVisible(map.canvas!.parentElement!, () => {
        void import('../map.ts')
          .then(async (m) => {
            if (stale()) return;
            const values = new Map(rows.map((r) => [regionKey(s.country, r.slug), r.value]));
            const drawn = await m.drawRegionMap(
              map.canvas!,
              [s.country],
              values,
              tm().mapPngCountry(catLabel, t.measure[s.measure], period),
              // A click on a region charts it, as its name in the table does.
              (key) => {
                const slug = key.slice(s.country.length + 1);
                if (pickable.has(slug) && !stale()) void ctx.setState({ admin1: slug });
              },
            );
            if (stale()) return;
            map.canvas!.dataset.drawn = drawn.drawn.join(' ');
            const missing = noOutline(drawn.drawn).map((r) => `${r.name} (${num(r.value)})`);
            map.caption.textContent = tm().mapCaptionCountry(missing, drawn.credits, credit);
          })
          .catch((e: unknown) => {
            if (!stale()) figError(map, t.whatMap, e);
          });
      });
    } catch (e) {
      if (stale()) return;
      showError(byId('regions-body'), tm().whatRegions, e);
      figError(map, t.whatMap, e);
    }
  }
}

/** The regions ranked: a table with a bar per region and its change; picking a region (in `pickable`) charts it. */
function renderRegions(
  container: HTMLElement,
  rows: readonly RegionRow[],
  period: string | null,
  o: { caption: string; changeHead: string; selected: string | null; pickable: ReadonlySet<string> },
  onPick: (slug: string) => void,
): void {
  if (period === null || rows.length === 0) {
    container.replaceChildren(h('p', {}, tm().noPeriodRegions));
    return;
  }
  const max = Math.max(1, ...rows.map((r) => r.value));
  const table = h(
    'table',
    { class: 'regions' },
    h('caption', {}, o.caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, tm().colRegion),
        h('th', { scope: 'col', class: 'num' }, period),
        h('th', { scope: 'col', class: 'bar-col' }, h('span', { class: 'visually-hidden' }, tm().bar)),
        h('th', { scope: 'col', class: 'num' }, o.changeHead),
      ),
    ),
  );
  const body = h('tbody', {});
  rows.forEach((r, i) => {
    const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
    // CSSOM, not a style attribute: allowed by a strict CSP.
    bar.style.width = `${((r.value / max) * 100).toFixed(1)}%`;
    let name: Node | string = r.name;
    if (o.pickable.has(r.slug)) {
      const pick = h('button', { type: 'button', class: 'link-button', 'aria-pressed': String(r.slug === o.selected) }, r.name);
      pick.addEventListener('click', () => onPick(r.slug));
      name = pick;
    }
    body.append(
      h(
        'tr',
        { class: r.slug === o.selected ? 'selected' : undefined, 'data-region': r.slug, 'data-value': String(r.value) },
        h('td', {}, String(i + 1)),
        h('th', { scope: 'row' }, name),
        h('td', { class: 'num' }, num(r.value)),
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
  return [fmtSigned(c.abs), ' ', h('span', { class: 'pct' }, `(${fmtPct(c.pct)}${c.lowBaseline ? `, ${t.lowBaseline}` : ''})`)];
}
