/**
 * The Overview: five countries side by side, each with its latest complete month (its change and
 * trend band) and its events and reported fatalities per month, optionally on one scale. Each
 * chart as soon as its series arrives, one per task, drawn when near the screen. Its shaping is
 * overview-data.ts; main.ts hands it what it uses of the page in a context.
 */
import type { Measure } from '../../../model/categories.ts';
import { fmtNum } from '../../../model/format.ts';
import { monthLabel } from '../../../model/month.ts';
import type { Catalogue, CountryEntry, SeriesDoc } from '../../../model/types.ts';
import { coupMarkers } from '../annotations.ts';
import { seriesCsvPath, seriesPath } from '../api-paths.ts';
import { drawLineChart } from '../charts.ts';
import { fig, figError, figLoading, figReady, tableLater } from '../figure.ts';
import { fmtPct, fmtSigned, MEASURE_LABELS } from '../format.ts';
import { byId, h, loading, trendBadge } from '../render.ts';
import { overviewSeries, series } from '../requests.ts';
import { nextTask, whenVisible } from '../schedule.ts';
import { lineData, partialIndexes, seriesTable, seriesTitle, summarySentence } from '../series-data.ts';
import type { ViewState } from '../state.ts';
import { type OverviewFigure, overviewFigure, sharedMax, trendDetail } from './overview-data.ts';

/** What the Overview uses of the page. */
export interface OverviewContext {
  state: ViewState;
  catalogue: Catalogue;
  els: { heading: HTMLElement };
  /** The view's heading. */
  heading: string;
  updateShare: (title: string) => void;
}

export async function loadOverview(ctx: OverviewContext, stale: () => boolean): Promise<void> {
  const { catalogue: cat, state } = ctx;
  ctx.els.heading.textContent = ctx.heading;
  document.title = 'Sahel Pulse: five Sahel countries side by side';
  ctx.updateShare('Sahel Pulse: political violence in five Sahel countries');
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
    figReady(
      j.f,
      summarySentence(doc),
      seriesCsvPath(j.s),
      [j.c.iso3, 'political_violence', j.m, state.from ?? '', state.to ?? ''],
      cat.dataset,
    );
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

/** One measure's line on an overview card: latest complete month, its change, its trend band. */
function overviewFigureRow(label: string, f: OverviewFigure, measureKey: string): HTMLElement {
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
