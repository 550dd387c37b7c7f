/**
 * The Country view: the monthly series with its definition and notes, month-over-month change,
 * composition by event type, and the regions ranked with a map (loaded on demand). The series the
 * first chart needs comes first and alone; each chart is drawn in a task of its own when near the
 * screen. Its shaping is country-data.ts; main.ts hands it what it uses of the page in a context.
 */

import type { Change } from '../../../model/change.ts';
import { placeName } from '../../../model/describe.ts';
import { EVENT_TYPE_CATEGORIES } from '../../../model/event-types.ts';
import { fmtDate, fmtNum } from '../../../model/format.ts';
import { monthLabel } from '../../../model/month.ts';
import type { Catalogue, SeriesInfo } from '../../../model/types.ts';
import { coupMarkers } from '../annotations.ts';
import { getText } from '../api.ts';
import { seriesCsvPath, seriesPath, seriesSetPath } from '../api-paths.ts';
import { destroyChart, drawChangeChart, drawCompositionChart, drawLineChart } from '../charts.ts';
import { mergeCsv } from '../downloads.ts';
import { fig, figError, figLoading, figReady, tableLater } from '../figure.ts';
import { creditLine, fmtChange, fmtPct, fmtSigned, MEASURE_LABELS } from '../format.ts';
import { byId, type Child, h, loading, showError } from '../render.ts';
import { series, seriesSet } from '../requests.ts';
import { whenVisible } from '../schedule.ts';
import {
  lineData,
  partialIndexes,
  seriesInfoFor,
  seriesNotes,
  seriesSubject,
  seriesTable,
  seriesTitle,
  summarySentence,
} from '../series-data.ts';
import { monthlyRegions, type ViewState } from '../state.ts';
import {
  changeData,
  changeSummary,
  compositionData,
  compositionSummary,
  compositionTable,
  MAP_OUTLINES,
  type RegionRanking,
  regionRanking,
  regionSummary,
} from './country-data.ts';

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

/** The country view's heading, page title, share title and definition; returns the title. */
function showSeriesInfo(ctx: CountryContext, info: SeriesInfo): string {
  const title = seriesTitle(info);
  ctx.els.heading.textContent = title;
  document.title = `Sahel Pulse: ${title}`;
  ctx.updateShare(`Sahel Pulse: ${title}`);
  ctx.els.definition.textContent = `${info.category.label}: ${info.category.definition}`;
  return title;
}

export async function loadCountry(ctx: CountryContext, stale: () => boolean): Promise<void> {
  const { catalogue: cat, state: s, els } = ctx;
  const country = cat.countries.find((c) => c.iso3 === s.country)!;
  const credit = creditLine(cat.dataset);
  const line = fig('line');
  const change = fig('change');
  const comp = fig('composition');
  for (const f of [line, change, comp]) figLoading(f);
  const regions = monthlyRegions(country, s.category);
  els.regions.hidden = regions.length === 0 || s.admin1 !== null;
  const outlines = MAP_OUTLINES[country.iso3];
  const hasMap = outlines !== undefined;
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
  if (info) showSeriesInfo(ctx, info);

  try {
    const doc = await main;
    if (stale()) return;
    const title = showSeriesInfo(ctx, doc.series);
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
      figReady(line, summarySentence(doc), seriesCsvPath(s), nameParts, cat.dataset);
      tableLater(line.table!, seriesTable(doc), title);
      line.caption.textContent = `${MEASURE_LABELS[s.measure]} per month. Dashed lines: turning points (coups). ${ld.hasPartial ? 'Shaded, dashed, triangles: partial month, a lower bound. ' : ''}${credit}.`;
      whenVisible(line.canvas!.parentElement!, () => {
        if (!stale()) drawLineChart(line.canvas!, ld, markers, MEASURE_LABELS[s.measure]);
      });
      const cd = changeData(doc.points);
      figReady(change, changeSummary(doc), seriesCsvPath(s), [...nameParts, 'change'], cat.dataset);
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
    els.heading.textContent = ctx.heading;
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
      figReady(
        comp,
        compositionSummary(d, s.measure, place),
        seriesSetPath(s, types, 'csv'),
        [...nameParts.filter((x) => x !== s.category), 'event-types'],
        cat.dataset,
      );
      tableLater(comp.table!, compositionTable(d), comp.title.textContent);
      comp.caption.textContent = `ACLED’s six event types stacked. ${d.partial.some(Boolean) ? 'Shaded: partial month (lower bound). ' : ''}${credit}.`;
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
    renderRegions(byId('regions-body'), ranking, s.admin1, caption, (slug) => void ctx.setState({ admin1: slug }));
    const summary = regionSummary(ranking, words, country.name);
    const csv = () =>
      Promise.all(regions.map((r) => getText(seriesCsvPath(s, { admin1: r.slug, from: ranking.month, to: ranking.month })))).then(mergeCsv);
    const name = [s.country, 'regions', s.category, s.measure, ranking.month ?? ''];
    figReady(table, summary, csv, name, cat.dataset);
    const last = docs[0]?.points.at(-1);
    const through = last ? cat.sources.find((x) => x.id === last.source)?.coverage.through : null;
    table.caption.textContent = `Region figures come from event-level data only${through ? `, which ends ${fmtDate(through)}` : ''}. Select a region to chart it. ${credit}.`;
    if (outlines && ranking.month) {
      const month = ranking.month;
      figReady(map, summary, csv, [...name, 'map'], cat.dataset);
      tableLater(map.table!, { head: ['Region', monthLabel(month)], rows: ranking.rows.map((r) => [r.name, String(r.value)]) }, caption);
      map.caption.textContent = `Darker (purple) is fewer, lighter (yellow) is more. Outlines: Natural Earth (public domain). ${credit}.`;
      // The map module (chartjs-chart-geo) is loaded when the map comes near the screen.
      whenVisible(map.canvas!.parentElement!, () => {
        void import('../map.ts')
          .then(({ drawRegionMap }) => {
            if (stale()) return;
            return drawRegionMap(
              map.canvas!,
              outlines,
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

/** The regions ranked: a table with a bar per region and its change; picking one charts it. */
function renderRegions(
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
