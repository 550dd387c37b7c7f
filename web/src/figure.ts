/**
 * The figure frame: every chart has a title, a one-sentence summary (also the chart's accessible
 * name), a caption, a data table (built when opened), "Download CSV" and "Download PNG". The
 * markup is static (web/build.ts writes it); this fills it in as the data arrives.
 */
import type { DatasetRef } from '../../model/types.ts';
import { downloadName } from './downloads.ts';
import { creditLine } from './format.ts';
import { chartsLoaded, loadCharts } from './lazy-charts.ts';
import { t } from './messages.ts';
import { errorBox, h, renderTable } from './render.ts';
import type { Table } from './series-data.ts';

/** A figure's elements, found by the id web/build.ts gave them (`${id}-chart`, `${id}-summary`, ...). */
export interface Fig {
  canvas: HTMLCanvasElement | null;
  summary: HTMLElement;
  caption: HTMLElement;
  csv: HTMLAnchorElement;
  png: HTMLButtonElement | null;
  table: HTMLElement | null;
  title: HTMLElement;
}

export function fig(id: string): Fig {
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

export function figLoading(f: Fig): void {
  f.summary.textContent = t.loading;
  f.canvas?.setAttribute('aria-label', t.loading);
  f.csv.setAttribute('aria-disabled', 'true');
  if (f.png) f.png.disabled = true;
}

export function figError(f: Fig, what: string, e: unknown): void {
  // No chart is drawn before Chart.js has run (lazy-charts.ts).
  if (f.canvas) chartsLoaded()?.destroyChart(f.canvas);
  f.summary.replaceChildren(errorBox(what, e));
  f.canvas?.setAttribute('aria-label', t.couldNotLoad(what));
}

/**
 * Summary (also the chart's accessible name), CSV link or builder, PNG button; downloads are named
 * after `name` and the dataset's version, and the PNG carries the dataset's credit line.
 */
export function figReady(
  f: Fig,
  summary: string,
  csv: string | (() => Promise<string>),
  name: string[],
  dataset: Pick<DatasetRef, 'credit' | 'version' | 'asOf'>,
): void {
  const version = dataset.version;
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
        .catch((err: unknown) => f.caption.replaceChildren(errorBox(t.whatCsv, err)));
    };
  }
  const png = f.png;
  const canvas = f.canvas;
  if (png && canvas) {
    png.disabled = false;
    png.onclick = () => {
      void loadCharts()
        .then((m) => m.chartPng(canvas, `${f.title.textContent ?? ''}: ${summary}`, creditLine(dataset)))
        .then((b) => save(b, downloadName(name, version, 'png')));
    };
  }
}

/**
 * A figure's data table, built when its <details> is opened (the overview alone has twenty tables
 * of up to a hundred rows: building them all at load would only delay the charts). `table` may be
 * a function, so that the rows (a date in words per row) are also only written when opened.
 */
export function tableLater(container: HTMLElement, table: Table | (() => Table), caption: string): void {
  const details = container.closest('details');
  container.replaceChildren();
  const build = () => renderTable(container, typeof table === 'function' ? table() : table, caption);
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
