/**
 * Chart.js drawing. Only the parts used are registered (no chart.js/auto), so the bundle stays
 * small; turning points and partial months are drawn by a small plugin of our own (a fraction of
 * chartjs-plugin-annotation's size). Colours come from the page's CSS custom properties, so light
 * and dark schemes both apply.
 */
import {
  CategoryScale,
  Chart,
  type ChartDataset,
  type ChartOptions,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
  type TooltipItem,
} from 'chart.js';
import type { CoupMarker } from './annotations.ts';
import { num } from './format.ts';
import type { LineData } from './series-data.ts';

// Line charts only: the bar charts (the Country view's) register their parts in charts-bar.ts, loaded with that view.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);

export interface Theme {
  fg: string;
  muted: string;
  grid: string;
  bg: string;
  line: string;
  line2: string;
  rise: string;
  fall: string;
  low: string;
  coup: string;
  partial: string;
  stack: string[];
  font: string;
}

export function theme(): Theme {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1a1a1a'),
    muted: v('--muted', '#555'),
    grid: v('--grid', 'rgba(0,0,0,0.1)'),
    bg: v('--bg', '#fff'),
    line: v('--c-line', '#0072B2'),
    line2: v('--c-line2', '#D55E00'),
    rise: v('--c-rise', '#D55E00'),
    fall: v('--c-fall', '#0072B2'),
    low: v('--c-low', '#999999'),
    coup: v('--c-coup', '#CC79A7'),
    partial: v('--c-partial', 'rgba(120,120,120,0.18)'),
    // Okabe-Ito, one per event type.
    stack: [1, 2, 3, 4, 5, 6].map((i, k) => v(`--c-s${i}`, ['#0072B2', '#E69F00', '#D55E00', '#009E73', '#56B4E9', '#CC79A7'][k]!)),
    font: cs.fontFamily || 'system-ui, sans-serif',
  };
}

// ---------------------------------------------------------------------------------------------
// Markers: turning points (vertical dashed lines with a label) and partial months (shaded bands)

export interface MarkerOptions {
  markers?: readonly CoupMarker[];
  partial?: readonly number[];
  labels?: boolean;
  color?: string;
  shade?: string;
  font?: string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends import('chart.js').ChartType> {
    markers?: MarkerOptions;
  }
}

const markersPlugin: Plugin = {
  id: 'markers',
  beforeDatasetsDraw(chart, _args, opts: MarkerOptions) {
    const x = chart.scales.x;
    if (!x || !opts.partial?.length) return;
    const { ctx, chartArea: a } = chart;
    const step = chart.data.labels && chart.data.labels.length > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) : 20;
    ctx.save();
    ctx.fillStyle = opts.shade ?? 'rgba(120,120,120,0.18)';
    for (const i of opts.partial) {
      const cx = x.getPixelForValue(i);
      ctx.fillRect(Math.max(a.left, cx - step / 2), a.top, Math.min(step, a.right - cx + step / 2), a.bottom - a.top);
    }
    ctx.restore();
  },
  afterDatasetsDraw(chart, _args, opts: MarkerOptions) {
    const x = chart.scales.x;
    if (!x || !opts.markers?.length) return;
    const { ctx, chartArea: a } = chart;
    ctx.save();
    ctx.strokeStyle = opts.color ?? '#CC79A7';
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 4]);
    ctx.font = `bold 11px ${opts.font ?? 'system-ui'}`;
    ctx.textBaseline = 'top';
    let lastRight = -Infinity;
    let row = 0;
    for (const m of opts.markers) {
      const cx = Math.round(x.getPixelForValue(m.index)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(cx, a.top);
      ctx.lineTo(cx, a.bottom);
      ctx.stroke();
      if (opts.labels === false) continue;
      const w = ctx.measureText(m.label).width + 6;
      // Keep the label inside the chart; stagger labels that would overlap.
      const left = Math.min(Math.max(a.left, cx + 3), a.right - w);
      row = left < lastRight ? row + 1 : 0;
      lastRight = left + w;
      const top = a.top + 2 + row * 16;
      ctx.setLineDash([]);
      ctx.fillStyle = opts.color ?? '#CC79A7';
      ctx.fillRect(left, top, w, 15);
      ctx.fillStyle = '#000';
      ctx.fillText(m.label, left + 3, top + 2);
      ctx.setLineDash([5, 4]);
    }
    ctx.restore();
  },
};
Chart.register(markersPlugin);

// ---------------------------------------------------------------------------------------------

const charts = new Map<HTMLCanvasElement, Chart>();

export function replace(canvas: HTMLCanvasElement, make: () => Chart): Chart {
  charts.get(canvas)?.destroy();
  const chart = make();
  charts.set(canvas, chart);
  return chart;
}

/** Remove a canvas's chart, if it has one (figure.ts calls it only once this module has run: before, no chart is drawn). */
export function destroyChart(canvas: HTMLCanvasElement): void {
  charts.get(canvas)?.destroy();
  charts.delete(canvas);
}

export function baseOptions(t: Theme, maxTicks: number, markers: MarkerOptions): ChartOptions<'line' | 'bar'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    // The data are months in order, one value per month and dataset: Chart.js may skip its checks.
    normalized: true,
    layout: { padding: { right: 8, top: 4 } },
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: {
        grid: { display: false },
        // Month labels are all about as wide ('Jan 2024'): measuring a sample of them, not every one,
        // is as accurate and spares most of the text measuring of a chart's first layout.
        ticks: { color: t.muted, maxRotation: 0, autoSkip: true, maxTicksLimit: maxTicks, sampleSize: 8, font: { family: t.font } },
        border: { color: t.grid },
      },
      y: {
        beginAtZero: true,
        grace: '5%',
        grid: { color: t.grid },
        // Our own formatter, not Chart.js's: its default builds an Intl.NumberFormat, which costs a
        // phone tens of milliseconds on the first chart; the ticks are integers (precision 0).
        ticks: { color: t.muted, precision: 0, font: { family: t.font }, callback: (v) => num(Number(v)) },
        border: { display: false },
      },
    },
    plugins: {
      legend: { labels: { color: t.fg, boxWidth: 24, font: { family: t.font } } },
      tooltip: { footerFont: { weight: 'normal' } },
      markers: { color: t.coup, shade: t.partial, font: t.font, ...markers },
    },
  };
}

/** A tooltip's value line, numbers formatted as the page formats them (not by Chart.js's Intl formatter). */
export const valueLabel = (item: { dataset: { label?: string }; raw: unknown }): string =>
  `${item.dataset.label ?? ''}: ${typeof item.raw === 'number' ? num(item.raw) : String(item.raw)}`;

export function maxTicksFor(canvas: HTMLCanvasElement): number {
  const w = canvas.parentElement?.clientWidth ?? 800;
  return w < 300 ? 3 : w < 480 ? 4 : w < 800 ? 7 : 12;
}

/** Set once per page when the first chart is on screen (read by the benchmark). */
function markPainted(): void {
  if (performance.getEntriesByName('first-chart').length === 0) {
    requestAnimationFrame(() => performance.mark('first-chart'));
  }
}

function lineDatasets(d: LineData, t: Theme, label: string, color: string, small: boolean): ChartDataset<'line', (number | null)[]>[] {
  const datasets: ChartDataset<'line', (number | null)[]>[] = [
    {
      label,
      data: d.complete,
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      borderJoinStyle: 'round',
      pointRadius: small ? 0 : 2,
      pointHoverRadius: 5,
      spanGaps: false,
    },
  ];
  if (d.hasPartial) {
    datasets.push({
      label: d.partialLabel,
      data: d.partial,
      borderColor: color,
      backgroundColor: t.bg,
      borderDash: [6, 4],
      borderWidth: 2,
      borderJoinStyle: 'round',
      pointStyle: 'triangle',
      pointRadius: d.partialRadius.map((r) => (small && r > 0 ? 4 : r)),
      pointHoverRadius: d.partialRadius.map((r) => (r > 0 ? 7 : 0)),
      pointBorderColor: color,
      pointBackgroundColor: t.bg,
      spanGaps: false,
    });
  }
  return datasets;
}

/** The monthly series: a solid line for complete months, dashed with hollow triangles and a shaded band for partial ones. */
export function drawLineChart(
  canvas: HTMLCanvasElement,
  d: LineData,
  markers: readonly CoupMarker[],
  seriesLabel: string,
  opts: { small?: boolean; yMax?: number | null; legend?: boolean } = {},
): Chart {
  const chart = replace(canvas, () => lineChart(canvas, d, markers, seriesLabel, opts));
  markPainted();
  return chart;
}

function lineChart(
  canvas: HTMLCanvasElement,
  d: LineData,
  markers: readonly CoupMarker[],
  seriesLabel: string,
  opts: { small?: boolean; yMax?: number | null; legend?: boolean },
): Chart {
  const t = theme();
  const small = opts.small === true;
  const partialIdx = d.partialRadius.flatMap((r, i) => (r > 0 ? [i] : []));
  const options = baseOptions(t, small ? 4 : maxTicksFor(canvas), { markers, partial: partialIdx, labels: !small }) as ChartOptions<'line'>;
  if (opts.yMax) (options.scales!.y as { max?: number }).max = opts.yMax;
  options.plugins = {
    ...options.plugins,
    legend: small && !opts.legend ? { display: false } : options.plugins?.legend,
    tooltip: {
      ...options.plugins?.tooltip,
      filter: (item: TooltipItem<'line'>) => item.datasetIndex === 0 || (d.partialRadius[item.dataIndex] ?? 0) > 0,
      callbacks: {
        label: valueLabel,
        footer: (items: TooltipItem<'line'>[]) => {
          const i = items[0]?.dataIndex ?? -1;
          const m = markers.filter((x) => x.index === i).map((x) => x.label);
          return [d.notes[i] ?? '', ...m].filter(Boolean);
        },
      },
    },
  };
  return new Chart(canvas, { type: 'line', data: { labels: d.labels, datasets: lineDatasets(d, t, seriesLabel, t.line, small) }, options });
}

/**
 * The charts drawn (the e2e test reads a chart's legend from its data).
 * @public Loaded through lazy-charts.ts, whose callers knip does not follow.
 */
export function chartsOn(): Chart[] {
  return [...charts.values()];
}

/**
 * A PNG of a chart, on the page's background, with a title on top and the credit, dataset
 * version and as-of date underneath, so the image carries its source.
 * @public Called through lazy-charts.ts (figure.ts), which knip does not follow.
 */
export function chartPng(canvas: HTMLCanvasElement, title: string, credit: string): Promise<Blob> {
  const t = theme();
  const scale = 2;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  const pad = 12;
  const out = document.createElement('canvas');
  out.width = (w + pad * 2) * scale;
  out.height = (h + 64) * scale;
  const ctx = out.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = t.bg;
  ctx.fillRect(0, 0, w + pad * 2, h + 64);
  ctx.fillStyle = t.fg;
  ctx.font = `bold 14px ${t.font}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad, 8, w);
  ctx.drawImage(canvas, pad, 30, w, h);
  ctx.fillStyle = t.muted;
  ctx.font = `11px ${t.font}`;
  ctx.fillText(credit, pad, h + 40, w);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}
