/**
 * Chart.js and the page's drawing code (charts.ts), run when the first chart is needed rather than
 * when the app starts. The page preloads the code (web/preload.ts), so it is downloaded and
 * compiled meanwhile; only running it (Chart.js defines and registers its classes: a long task on
 * a phone) waits. A phone opening the overview shows no chart on its first screen (the headline
 * figures come first), so it does this work only when scrolled near one.
 */
type ChartsModule = typeof import('./charts.ts');

let loaded: ChartsModule | null = null;
let loading: Promise<ChartsModule> | null = null;

/** charts.ts, run once (a failed load is retried on the next call). */
export function loadCharts(): Promise<ChartsModule> {
  loading ??= import('./charts.ts').then(
    (m) => {
      loaded = m;
      return m;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** charts.ts if it has run, else null (then no chart is drawn yet). */
export const chartsLoaded = (): ChartsModule | null => loaded;
