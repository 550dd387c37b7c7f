/**
 * Chart.js drawing. Only the parts used are registered (no chart.js/auto), so the bundle stays small.
 * Colours come from the page's CSS custom properties, so light and dark schemes both apply.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
  type ChartOptions,
  type TooltipItem,
} from 'chart.js';
import annotationPlugin, { type AnnotationOptions } from 'chartjs-plugin-annotation';
import type { ChangeData, CoupMarker, LineData } from './shape.ts';

Chart.register(
  LineController,
  BarController,
  LineElement,
  PointElement,
  BarElement,
  LinearScale,
  CategoryScale,
  Tooltip,
  Legend,
  annotationPlugin,
);

interface Theme {
  fg: string;
  muted: string;
  grid: string;
  bg: string;
  line: string;
  rise: string;
  fall: string;
  low: string;
  coup: string;
  font: string;
}

function theme(): Theme {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1a1a1a'),
    muted: v('--muted', '#555'),
    grid: v('--grid', 'rgba(0,0,0,0.1)'),
    bg: v('--bg', '#fff'),
    line: v('--c-line', '#0072B2'),
    rise: v('--c-rise', '#D55E00'),
    fall: v('--c-fall', '#0072B2'),
    low: v('--c-low', '#999999'),
    coup: v('--c-coup', '#CC79A7'),
    font: cs.fontFamily || 'system-ui, sans-serif',
  };
}

const charts = new Map<HTMLCanvasElement, Chart>();

function replace(canvas: HTMLCanvasElement, make: () => Chart): Chart {
  charts.get(canvas)?.destroy();
  const chart = make();
  charts.set(canvas, chart);
  return chart;
}

export function destroyChart(canvas: HTMLCanvasElement): void {
  charts.get(canvas)?.destroy();
  charts.delete(canvas);
}

function coupAnnotations(markers: readonly CoupMarker[], t: Theme, position: 'start' | 'end'): Record<string, AnnotationOptions> {
  const out: Record<string, AnnotationOptions> = {};
  markers.forEach((m, i) => {
    out[`coup${i}`] = {
      type: 'line',
      scaleID: 'x',
      value: m.index,
      borderColor: t.coup,
      borderWidth: 2,
      borderDash: [5, 4],
      label: {
        display: true,
        content: m.label,
        position,
        backgroundColor: t.coup,
        color: '#000',
        font: { size: 11, weight: 'bold', family: t.font },
        padding: 3,
      },
    };
  });
  return out;
}

function baseOptions(t: Theme, maxTicks: number): ChartOptions<'line' | 'bar'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    // Room for the partial month's triangle at the right edge.
    layout: { padding: { right: 8, top: 4 } },
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: {
        grid: { display: false },
        ticks: { color: t.muted, maxRotation: 0, autoSkip: true, maxTicksLimit: maxTicks, font: { family: t.font } },
        border: { color: t.grid },
      },
      y: {
        beginAtZero: true,
        grace: '5%',
        grid: { color: t.grid },
        ticks: { color: t.muted, precision: 0, font: { family: t.font } },
        border: { display: false },
      },
    },
    plugins: {
      legend: { labels: { color: t.fg, boxWidth: 24, font: { family: t.font } } },
      tooltip: { footerFont: { weight: 'normal' } },
    },
  };
}

function maxTicksFor(canvas: HTMLCanvasElement): number {
  const w = canvas.parentElement?.clientWidth ?? 800;
  return w < 480 ? 4 : w < 800 ? 7 : 12;
}

/** The monthly series: a solid line for complete months, dashed with hollow triangles for partial ones. */
export function drawLineChart(canvas: HTMLCanvasElement, d: LineData, markers: readonly CoupMarker[], seriesLabel: string): Chart {
  const t = theme();
  const datasets: ChartDataset<'line', (number | null)[]>[] = [
    {
      label: seriesLabel,
      data: d.complete,
      borderColor: t.line,
      backgroundColor: t.line,
      borderWidth: 2,
      // Round joins: mitred joins draw spikes past sharp peaks.
      borderJoinStyle: 'round',
      pointRadius: 2,
      pointHoverRadius: 5,
      spanGaps: false,
    },
  ];
  if (d.hasPartial) {
    datasets.push({
      label: 'Partial month (lower bound)',
      data: d.partial,
      borderColor: t.line,
      backgroundColor: t.bg,
      borderDash: [6, 4],
      borderWidth: 2,
      borderJoinStyle: 'round',
      pointStyle: 'triangle',
      pointRadius: d.partialRadius,
      pointHoverRadius: d.partialRadius.map((r) => (r > 0 ? 7 : 0)),
      pointBorderColor: t.line,
      pointBackgroundColor: t.bg,
      spanGaps: false,
    });
  }
  const options = baseOptions(t, maxTicksFor(canvas)) as ChartOptions<'line'>;
  options.plugins = {
    ...options.plugins,
    annotation: { annotations: coupAnnotations(markers, t, 'start') },
    tooltip: {
      ...options.plugins?.tooltip,
      // The partial dataset repeats its neighbours' values (to join the lines): show it on partial months only.
      filter: (item: TooltipItem<'line'>) => item.datasetIndex === 0 || (d.partialRadius[item.dataIndex] ?? 0) > 0,
      callbacks: { footer: (items: TooltipItem<'line'>[]) => d.notes[items[0]?.dataIndex ?? -1] ?? '' },
    },
  };
  return replace(canvas, () => new Chart(canvas, { type: 'line', data: { labels: d.labels, datasets }, options }));
}

/** Month-over-month change: rises, falls, and changes on a low baseline in their own colour. */
export function drawChangeChart(canvas: HTMLCanvasElement, d: ChangeData, markers: readonly CoupMarker[], lowBaselineLabel: string): Chart {
  const t = theme();
  const bar = (label: string, data: (number | null)[], color: string): ChartDataset<'bar', (number | null)[]> => ({
    label,
    data,
    backgroundColor: color,
    borderColor: color,
    grouped: false,
    categoryPercentage: 0.9,
    barPercentage: 1,
  });
  const datasets = [bar('Rise', d.rise, t.rise), bar('Fall', d.fall, t.fall)];
  if (d.hasLowBaseline) datasets.push(bar(lowBaselineLabel, d.lowBaseline, t.low));
  const options = baseOptions(t, maxTicksFor(canvas)) as ChartOptions<'bar'>;
  options.plugins = {
    ...options.plugins,
    annotation: { annotations: coupAnnotations(markers, t, 'end') },
    tooltip: {
      ...options.plugins?.tooltip,
      filter: (item: TooltipItem<'bar'>) => item.raw !== null,
      callbacks: {
        label: (item: TooltipItem<'bar'>) =>
          `${item.dataset.label}: ${typeof item.raw === 'number' && item.raw > 0 ? '+' : ''}${String(item.raw)}`,
        footer: (items: TooltipItem<'bar'>[]) => d.notes[items[0]?.dataIndex ?? -1] ?? '',
      },
    },
  };
  return replace(canvas, () => new Chart(canvas, { type: 'bar', data: { labels: d.labels, datasets }, options }));
}
