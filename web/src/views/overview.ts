/**
 * The Overview: five countries side by side, each with its headline (the last four complete
 * ACLED weeks against the four before and the same four weeks a year earlier, with trend bands,
 * provisional weeks said so), its events and reported fatalities per ACLED week and per month,
 * optionally on one scale, and a Sahel-wide map of regions (map.ts loaded on demand).
 * Each chart as soon as its series arrives, one per task, drawn when near the screen. Its shaping
 * is overview-data.ts; main.ts hands it what it uses of the page in a context.
 */
import type { WeekSeries } from '../../../model/api.ts';
import type { Measure } from '../../../model/categories.ts';
import type { Catalogue, CountryEntry, SeriesDoc } from '../../../model/types.ts';
import { coupMarkers, coupWeekMarkers } from '../annotations.ts';
import { seriesCsvPath, seriesPath, weekSeriesPath } from '../api-paths.ts';
import { type Fig, fig, figError, figLoading, figReady, tableLater } from '../figure.ts';
import { fmtPct, fmtSigned, num } from '../format.ts';
import { chartsLoaded, loadCharts } from '../lazy-charts.ts';
import { t } from '../messages.ts';
import { byId, h, loading, trendBadge } from '../render.ts';
import { overviewSeries, overviewWeekSeries, series, weekSeries } from '../requests.ts';
import { inTurn, nextTask, whenVisible } from '../schedule.ts';
import {
  type LineData,
  lineData,
  partialIndexes,
  seriesTable,
  seriesTitle,
  summarySentence,
  weekLineData,
  weekSeriesTitle,
  weekSummary,
  weekTable,
} from '../series-data.ts';
import type { ViewState } from '../state.ts';
import { sharedMax, type WeekComparison, type WeeklyHeadline, weeklyHeadline, windowLabel } from './overview-data.ts';

/** What the Overview uses of the page. */
export interface OverviewContext {
  state: ViewState;
  catalogue: Catalogue;
  els: { heading: HTMLElement };
  /** The view's heading. */
  heading: string;
  updateShare: (title: string) => void;
  /** Change the state (the Sahel map's measure and weeks). */
  setState: (next: Partial<ViewState>) => Promise<void>;
}

const MEASURES: Measure[] = ['events', 'fatalities'];

/** One chart of a card: its figure, and what it draws once its series is in. */
interface Job {
  c: CountryEntry;
  m: Measure;
  f: Fig;
  doc: Promise<SeriesDoc | WeekSeries>;
  /** Text (summary, table, downloads, caption), at once. */
  text: (doc: SeriesDoc | WeekSeries) => void;
  /** The chart's data, shaped when the chart is drawn (near the screen). */
  data: (doc: SeriesDoc | WeekSeries) => LineData;
  markers: (d: LineData) => ReturnType<typeof coupMarkers>;
  legend: boolean;
}

export async function loadOverview(ctx: OverviewContext, stale: () => boolean): Promise<void> {
  const { catalogue: cat, state } = ctx;
  ctx.els.heading.textContent = ctx.heading;
  document.title = t.docOverview;
  ctx.updateShare(t.shareOverview);
  const countries = cat.countries.filter((c) => c.categories.includes('political_violence') && document.getElementById(`ov-${c.iso3}`));
  // Chart.js runs when the first chart comes near the screen, whether or not its series is in yet.
  const first = document.querySelector('#overview-grid figure');
  if (first) whenVisible(first, () => void loadCharts().catch(() => undefined));
  const jobs: Job[] = [];
  const headlines: { c: CountryEntry; m: Measure; doc: Promise<WeekSeries> | null }[] = [];
  for (const [i, c] of countries.entries()) {
    // One country's requests and figures per task.
    if (i > 0) await nextTask();
    if (stale()) return;
    for (const m of MEASURES) {
      const wp = overviewWeekSeries(c, m);
      const wdoc = wp ? weekSeries(weekSeriesPath(wp)) : null;
      headlines.push({ c, m, doc: wdoc });
      const wf = fig(`ov-${c.iso3}-week-${m}`);
      if (wp && wdoc) {
        figLoading(wf);
        jobs.push({
          c,
          m,
          f: wf,
          doc: wdoc,
          legend: true,
          markers: (d) => coupWeekMarkers(c.iso3, d.months),
          text: (d) => {
            const doc = d as WeekSeries;
            figReady(wf, weekSummary(doc), weekSeriesPath(wp, 'csv'), [c.iso3, 'political_violence', m, 'weeks', wp.from], cat.dataset);
            if (wf.table) tableLater(wf.table, () => weekTable(doc), weekSeriesTitle(doc.series));
            wf.caption.textContent = doc.points.some((p) => p.provisional) ? t.captionProvisional : '';
          },
          data: (d) => weekLineData((d as WeekSeries).points),
        });
      } else {
        wf.summary.textContent = t.noWeeklyFor(t.country(c.name));
      }
      const s = overviewSeries(c.iso3, m, state);
      const f = fig(`ov-${c.iso3}-${m}`);
      figLoading(f);
      jobs.push({
        c,
        m,
        f,
        doc: series(seriesPath(s)),
        legend: false,
        markers: (d) => coupMarkers(c.iso3, d.months),
        text: (d) => {
          const doc = d as SeriesDoc;
          figReady(
            f,
            summarySentence(doc),
            seriesCsvPath(s),
            [c.iso3, 'political_violence', m, state.from ?? '', state.to ?? ''],
            cat.dataset,
          );
          if (f.table) tableLater(f.table, () => seriesTable(doc), seriesTitle(doc.series));
          f.caption.textContent = partialIndexes(doc.points).length > 0 ? t.captionPartial : '';
        },
        data: (d) => lineData((d as SeriesDoc).points, cat.sources),
      });
    }
  }
  for (const c of countries) loading(byId(`ov-${c.iso3}-figs`));
  sahelMap(ctx, stale);
  for (const c of countries) {
    const mine = headlines.filter((x) => x.c === c);
    const docs = Promise.allSettled(mine.map((x) => x.doc ?? Promise.reject(new Error('no weekly data'))));
    // One card's headline per task: the series are often all in by now.
    void docs.then((docs) =>
      inTurn(() => {
        if (stale()) return;
        byId(`ov-${c.iso3}-figs`).replaceChildren(
          ...mine.map((x, k) => {
            const r = docs[k]!;
            return r.status === 'fulfilled'
              ? headlineRow(x.m, weeklyHeadline(r.value.points))
              : h('p', { class: 'ov-fig', 'data-measure': x.m }, t.noWeeklyMeasure(t.measure[x.m]));
          }),
        );
      }),
    );
  }

  /** Draw a chart (run in turn, see whenVisible); if Chart.js has not run yet, once it has, in a task of its own. */
  const draw = (j: Job, doc: SeriesDoc | WeekSeries, yMax: number | null = null) => {
    if (stale()) return;
    const charts = chartsLoaded();
    if (!charts) {
      loadCharts().then(
        () => inTurn(() => draw(j, doc, yMax)),
        (e: unknown) => {
          if (!stale()) figError(j.f, t.whatSeries(t.country(j.c.name), j.m), e);
        },
      );
      return;
    }
    if (performance.getEntriesByName('first-draw').length === 0) performance.mark('first-draw');
    const d = j.data(doc);
    charts.drawLineChart(j.f.canvas!, d, j.markers(d), t.measure[j.m], { small: true, yMax, legend: j.legend && d.hasPartial });
  };

  if (!state.sameScale) {
    // Each chart as soon as its series arrives, one per task.
    let queue = Promise.resolve();
    const drawn = jobs.map((j) =>
      j.doc.then(
        (doc) =>
          (queue = queue.then(async () => {
            if (stale()) return;
            // Text (summary, table, downloads) at once; the chart when it is near the screen.
            j.text(doc);
            whenVisible(j.f.canvas!.parentElement!, () => draw(j, doc));
            await nextTask();
          })),
        (e: unknown) => {
          if (!stale()) figError(j.f, t.whatSeries(t.country(j.c.name), j.m), e);
        },
      ),
    );
    await Promise.all(drawn);
    await queue;
    return;
  }
  const settled = await Promise.allSettled(jobs.map((j) => j.doc));
  if (stale()) return;
  // One scale per measure and unit (weekly counts are a quarter of monthly ones).
  const key = (j: Job) => `${j.m}:${j.legend ? 'week' : 'month'}`;
  const max = new Map<string, number>();
  for (const [i, j] of jobs.entries()) {
    const r = settled[i]!;
    if (r.status === 'fulfilled') max.set(key(j), Math.max(max.get(key(j)) ?? 1, sharedMax([r.value.points])));
  }
  for (const [i, j] of jobs.entries()) {
    const r = settled[i]!;
    if (r.status === 'fulfilled') {
      const doc = r.value;
      j.text(doc);
      whenVisible(j.f.canvas!.parentElement!, () => draw(j, doc, max.get(key(j)) ?? null));
    } else figError(j.f, t.whatSeries(t.country(j.c.name), j.m), r.reason);
    await nextTask();
    if (stale()) return;
  }
}

/** One measure's headline on a card: the last four weeks, against the four before and a year earlier. */
function headlineRow(m: Measure, hl: WeeklyHeadline | null): HTMLElement {
  const row = h('div', { class: 'ov-fig', 'data-measure': m });
  if (!hl) {
    row.append(h('p', {}, t.fewWeeks(t.measure[m])));
    return row;
  }
  const cur = hl.current;
  row.append(
    h(
      'p',
      { class: 'ov-value' },
      h('span', { class: 'ov-label' }, t.headline(t.measure[m], windowLabel(cur))),
      h('strong', { class: 'ov-number', 'data-value': String(cur.total) }, num(cur.total)),
      cur.provisional ? h('span', { class: 'provisional-tag' }, t.provisionalTag) : '',
    ),
    comparisonLine('previous', t.vsPrevious, hl.vsPrevious),
    comparisonLine('year', t.vsYear, hl.vsYearAgo),
  );
  return row;
}

function comparisonLine(kind: 'previous' | 'year', words: string, c: WeekComparison | null): HTMLElement {
  if (!c) return h('p', { class: 'ov-trend', 'data-vs': kind }, t.noBase(words));
  return h(
    'p',
    { class: 'ov-trend', 'data-vs': kind, 'data-base': String(c.base.total), 'data-band': c.band, 'data-settled': String(c.settled) },
    trendBadge(c.band, c.label),
    ' ',
    h(
      'span',
      { class: `note${c.change.lowBaseline ? ' low-baseline' : ''}` },
      t.vs(words, windowLabel(c.base), num(c.base.total), fmtSigned(c.change.abs), fmtPct(c.change.pct), c.change.lowBaseline),
    ),
  );
}

/**
 * The Sahel-wide map: every region of the five countries on one colour scale, events or reported
 * fatalities (the state's measure, chosen beside the map) over the ACLED weeks chosen beside it
 * (its code wires that choice: sahel-map.ts), with a legend, the outlines' credits and a table
 * equivalent. Its regions' series (one small request per region) and the map module (map.ts, its
 * own chunk, with the outlines) are loaded when the map comes near the screen.
 */
function sahelMap(ctx: OverviewContext, stale: () => boolean): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="sahel-measure"]')) {
    input.checked = input.value === ctx.state.measure;
    input.onchange = () => {
      if (input.checked) void ctx.setState({ measure: input.value as Measure });
    };
  }
  const f = fig('sahel-map');
  // Nothing is requested until the map comes near the screen (a request per region): it says so meanwhile.
  const waiting = t.mapWaiting;
  f.summary.textContent = waiting;
  f.canvas!.setAttribute('aria-label', waiting);
  whenVisible(f.canvas!.parentElement!, () => {
    if (stale()) return;
    figLoading(f);
    import('./more.ts')
      .then((m) => m.drawSahelMap(ctx.catalogue, ctx.state, ctx.setState, stale))
      .catch((e: unknown) => {
        if (!stale()) figError(f, t.whatMap, e);
      });
  });
}
