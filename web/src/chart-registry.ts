/**
 * The charts drawn, by canvas (charts.ts adds them): a small module of its own, so that a figure's
 * chart can be removed (figure.ts) without loading Chart.js (see lazy-charts.ts).
 */

export const drawnCharts = new Map<HTMLCanvasElement, { destroy(): void }>();

/** Remove a canvas's chart, if it has one. */
export function destroyChart(canvas: HTMLCanvasElement): void {
  drawnCharts.get(canvas)?.destroy();
  drawnCharts.delete(canvas);
}
