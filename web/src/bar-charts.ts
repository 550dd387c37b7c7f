/**
 * The Country view's bar charts (month-over-month change, composition by event type), in its
 * chunk (views/more.ts): the overview draws lines only (charts.ts), and its first view loads
 * none of this.
 */
import { BarController, BarElement, Chart, type ChartDataset, type ChartOptions, type TooltipItem } from 'chart.js';
import type { CoupMarker } from './annotations.ts';
import { baseOptions, maxTicksFor, replace, theme, valueLabel } from './charts.ts';
import { fmtSigned } from './format.ts';
import type { ChangeData, CompositionData } from './views/country-data.ts';

Chart.register(BarController, BarElement);

/** Month-over-month change: rises, falls, and changes on a low baseline in their own colour. */
export function drawChangeChart(
  canvas: HTMLCanvasElement,
  d: ChangeData,
  markers: readonly CoupMarker[],
  lowBaselineLabel: string,
  partial: readonly number[],
): Chart {
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
  if (d.hasLowBaseline) {
    const low = bar(lowBaselineLabel, d.lowBaseline, t.low);
    // Hatched by a border so it is told apart without colour.
    low.borderColor = t.fg;
    low.borderWidth = 1;
    datasets.push(low);
  }
  const options = baseOptions(t, maxTicksFor(canvas), { markers, partial, labels: false }) as ChartOptions<'bar'>;
  options.plugins = {
    ...options.plugins,
    tooltip: {
      ...options.plugins?.tooltip,
      filter: (item: TooltipItem<'bar'>) => item.raw !== null,
      callbacks: {
        label: (item: TooltipItem<'bar'>) =>
          `${item.dataset.label}: ${typeof item.raw === 'number' ? fmtSigned(item.raw) : String(item.raw)}`,
        footer: (items: TooltipItem<'bar'>[]) => d.notes[items[0]?.dataIndex ?? -1] ?? '',
      },
    },
  };
  return replace(canvas, () => new Chart(canvas, { type: 'bar', data: { labels: d.labels, datasets }, options }));
}

/** Event-type composition: one stacked bar per month. */
export function drawCompositionChart(canvas: HTMLCanvasElement, d: CompositionData, markers: readonly CoupMarker[]): Chart {
  const t = theme();
  const datasets: ChartDataset<'bar', (number | null)[]>[] = d.stacks.map((s, i) => ({
    label: s.label,
    data: s.values,
    backgroundColor: t.stack[i % t.stack.length],
    borderColor: t.bg,
    borderWidth: { top: 1 },
    stack: 'all',
    categoryPercentage: 0.9,
    barPercentage: 1,
  }));
  const partial = d.partial.flatMap((p, i) => (p ? [i] : []));
  const options = baseOptions(t, maxTicksFor(canvas), { markers, partial, labels: false }) as ChartOptions<'bar'>;
  options.scales!.x = { ...options.scales!.x, stacked: true };
  options.scales!.y = { ...options.scales!.y, stacked: true };
  options.plugins = {
    ...options.plugins,
    tooltip: {
      ...options.plugins?.tooltip,
      callbacks: {
        label: valueLabel,
        footer: (items: TooltipItem<'bar'>[]) => (d.partial[items[0]?.dataIndex ?? -1] ? 'Partial month (lower bound)' : ''),
      },
    },
  };
  return replace(canvas, () => new Chart(canvas, { type: 'bar', data: { labels: d.labels, datasets }, options }));
}
