/**
 * Dashboard budgets, against the Worker running locally (`wrangler dev`) with the real dataset,
 * in Debian's Chromium: JavaScript loaded by the first view (gzip bytes per file), time to the
 * first chart painted (the page's `first-chart` performance mark; median of several cold loads),
 * and Lighthouse performance and accessibility scores (medians of LH_RUNS runs, with the machine's
 * load average). Baseline in the same run: the same page with the bundle built without
 * minification. `npm run bench -- web`.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, ROOT, startWorker } from '../e2e/server.ts';

const LOADS = 7;
/** Lighthouse runs per page and preset: its Total Blocking Time is measured from real main-thread time, which other work on the machine lengthens, so medians are reported. */
const LH_RUNS = 3;
const BUDGET_GZIP = 80 * 1024;
const BUDGET_FIRST_CHART_MS = 1000;

interface FirstView {
  files: { path: string; bytes: number; gzip: number }[];
  firstChartMs: number[];
  /** When the catalogue's response ended (every view waits for it): the server's share of the wait. */
  catalogueMs: number[];
  /** When the first overview series' response ended (the first chart needs one). */
  seriesMs: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kib = (n: number) => (n / 1024).toFixed(1);

async function firstView(browser: Browser, url: string): Promise<FirstView> {
  const files = new Map<string, { path: string; bytes: number; gzip: number }>();
  const firstChartMs: number[] = [];
  const catalogueMs: number[] = [];
  const seriesMs: number[] = [];
  // One load first, not measured: the Worker's first requests compile code and read KV.
  for (let i = -1; i < LOADS; i++) {
    // A fresh context per load: nothing cached.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const bodies: Promise<void>[] = [];
    page.on('response', (r) => {
      if (i !== 0 || r.request().resourceType() !== 'script') return;
      bodies.push(
        r.body().then((b) => {
          const p = new URL(r.url()).pathname;
          files.set(p, { path: p, bytes: b.byteLength, gzip: gzipSync(b, { level: 9 }).byteLength });
        }),
      );
    });
    await page.goto(`${url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, { timeout: 30_000 });
    const ms = await page.evaluate(() => performance.getEntriesByName('first-chart')[0]!.startTime);
    const cat = await page.evaluate(
      () =>
        (performance.getEntriesByName(`${location.origin}/api/v1/catalogue?lang=en`)[0] as PerformanceResourceTiming | undefined)
          ?.responseEnd ?? Number.NaN,
    );
    const ser = await page.evaluate(() =>
      Math.min(
        ...performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/v1/series'))
          .map((e) => (e as PerformanceResourceTiming).responseEnd),
      ),
    );
    if (i >= 0) {
      firstChartMs.push(ms);
      catalogueMs.push(cat);
      seriesMs.push(ser);
    }
    await Promise.all(bodies);
    await ctx.close();
  }
  return { files: [...files.values()], firstChartMs, catalogueMs, seriesMs };
}

function build(args: string[]): void {
  const r = spawnSync(process.execPath, ['web/build.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web build failed: ${r.stderr}`);
}

/** Wait until the Worker serves the bundle just built (wrangler dev watches web/dist). */
async function served(url: string, minified: boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const js = await (await fetch(`${url}/app.js`, { cache: 'no-store' })).text();
    if (js.includes('\n  ') !== minified) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the Worker did not pick up the rebuilt bundle');
}

interface Scores {
  performance: number;
  accessibility: number;
  lcp: number;
  tbt: number;
  cls: number;
}

/** Medians of LH_RUNS Lighthouse runs, with the range of the performance score. */
async function lighthouseMedians(url: string, preset: 'mobile' | 'desktop'): Promise<Scores & { performanceRange: [number, number] }> {
  const runs: Scores[] = [];
  for (let i = 0; i < LH_RUNS; i++) runs.push(await lighthouseScores(url, preset));
  const m = (k: keyof Scores) => median(runs.map((r) => r[k]));
  const perf = runs.map((r) => r.performance);
  return {
    performance: m('performance'),
    accessibility: m('accessibility'),
    lcp: m('lcp'),
    tbt: m('tbt'),
    cls: m('cls'),
    performanceRange: [Math.min(...perf), Math.max(...perf)],
  };
}

async function lighthouseScores(url: string, preset: 'mobile' | 'desktop'): Promise<Scores> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  try {
    const config =
      preset === 'desktop'
        ? {
            extends: 'lighthouse:default',
            settings: {
              formFactor: 'desktop' as const,
              screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
              throttling: {
                rttMs: 40,
                throughputKbps: 10240,
                cpuSlowdownMultiplier: 1,
                requestLatencyMs: 0,
                downloadThroughputKbps: 0,
                uploadThroughputKbps: 0,
              },
            },
          }
        : { extends: 'lighthouse:default' };
    const r = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
      config,
    );
    const lhr = r!.lhr;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const failed = Object.values(lhr.audits).filter(
      (a) => a.score === 0 && lhr.categories.accessibility!.auditRefs.some((x) => x.id === a.id),
    );
    if (failed.length > 0) console.log(`lighthouse ${preset}: accessibility audits failed: ${failed.map((a) => a.id).join(', ')}`);
    return {
      performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility!.score ?? 0) * 100),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    };
  } finally {
    chrome.kill();
  }
}

const lhRow = (page: string, preset: string, r: Awaited<ReturnType<typeof lighthouseMedians>>) =>
  `| ${page} | ${preset} | ${r.performance} (${r.performanceRange[0]}–${r.performanceRange[1]}) | ${r.accessibility} | ${r.lcp.toFixed(0)} | ${r.tbt.toFixed(0)} | ${r.cls.toFixed(3)} |`;

/** The country view with the largest map: Nigeria's 37 outlined states. */
const COUNTRY_PAGE = '/?view=country&country=NGA';
/** A weekly Compare: Nigeria's last four ACLED weeks against the four before (the view's default in weeks). */
const WEEKLY_PAGE = '/?view=compare&country=NGA&category=political_violence&measure=events&unit=week';

/** The Compare view checking the coup claim read in day windows (data/claims.json), both measures. */
const CHECK_PAGE =
  '/?view=compare&country=NER&category=political_violence&measure=events&before=2023-06-26..2023-07-25&after=2023-07-27..2023-08-25&relation=pct_increase_gt&threshold=40&readings=both';

export default async function bench(): Promise<string> {
  const worker = await startWorker({ logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const min = await firstView(browser, worker.url);
    const loadBefore = os.loadavg()[0]!;
    const lhMobile = await lighthouseMedians(`${worker.url}/`, 'mobile');
    const lhDesktop = await lighthouseMedians(`${worker.url}/`, 'desktop');
    const lhCountry = await lighthouseMedians(`${worker.url}${COUNTRY_PAGE}`, 'mobile');
    const lhWeekly = await lighthouseMedians(`${worker.url}${WEEKLY_PAGE}`, 'mobile');
    const lhCheck = await lighthouseMedians(`${worker.url}${CHECK_PAGE}`, 'mobile');
    // The same pages in French (issue 17: accessibility 100 in both languages).
    const lhFr = await lighthouseMedians(`${worker.url}/?lang=fr`, 'mobile');
    const lhCheckFr = await lighthouseMedians(`${worker.url}${CHECK_PAGE}&lang=fr`, 'mobile');
    const loadAfter = os.loadavg()[0]!;

    build(['--no-minify']);
    await served(worker.url, false);
    const raw = await firstView(browser, worker.url);
    build([]);
    await served(worker.url, true);

    const total = (v: FirstView) => v.files.reduce((a, f) => a + f.gzip, 0);
    const gz = total(min);
    const fc = median(min.firstChartMs);
    const lines = [
      '## Dashboard: first-view JavaScript, first chart, Lighthouse',
      '',
      `Command: \`npm run bench -- web\`. Debian Chromium (headless, playwright-core) against \`wrangler dev\` on 127.0.0.1 serving the real dataset; first view = \`/\` (the overview: 20 small multiples, events and fatalities per ACLED week and per month, the Sahel map and the claims below them, loaded when scrolled near; its scripts: \`boot.js\`, run before the first paint, then \`app.js\` and the chunks it loads, the app and Chart.js preloaded at low priority and run after the first paint). Gzip sizes are of the bytes served, compressed here at level 9 (\`wrangler dev\` does not compress). First chart = the page's \`first-chart\` performance mark (set in the frame after the first chart is drawn), from navigation start, median of ${LOADS} cold loads (fresh browser context each, after one unmeasured load that warms the Worker). Baseline, same run and runtime: the same page with the bundle not minified.`,
      '',
      '| build | file | bytes | gzip |',
      '| --- | --- | --- | --- |',
      ...min.files.map((f) => `| minified | \`${f.path}\` | ${kib(f.bytes)} KiB | ${kib(f.gzip)} KiB |`),
      `| minified | **total, first view** | ${kib(min.files.reduce((a, f) => a + f.bytes, 0))} KiB | **${kib(gz)} KiB** |`,
      ...raw.files.map((f) => `| not minified (baseline) | \`${f.path}\` | ${kib(f.bytes)} KiB | ${kib(f.gzip)} KiB |`),
      `| not minified (baseline) | total, first view | ${kib(raw.files.reduce((a, f) => a + f.bytes, 0))} KiB | ${kib(total(raw))} KiB |`,
      '',
      '| measure | minified | not minified (baseline) | budget |',
      '| --- | --- | --- | --- |',
      `| first-view JS, gzip | ${kib(gz)} KiB | ${kib(total(raw))} KiB | ≤ 80 KiB: ${gz <= BUDGET_GZIP ? 'met' : 'NOT met'} |`,
      `| catalogue response received (preloaded by the page), median ms | ${median(min.catalogueMs).toFixed(0)} | ${median(raw.catalogueMs).toFixed(0)} | |`,
      `| first series response received, median ms | ${median(min.seriesMs).toFixed(0)} | ${median(raw.seriesMs).toFixed(0)} | |`,
      `| first chart painted, median ms (min–max) | ${fc.toFixed(0)} (${Math.min(...min.firstChartMs).toFixed(0)}–${Math.max(...min.firstChartMs).toFixed(0)}) | ${median(raw.firstChartMs).toFixed(0)} (${Math.min(...raw.firstChartMs).toFixed(0)}–${Math.max(...raw.firstChartMs).toFixed(0)}) | < 1000 ms: ${fc < BUDGET_FIRST_CHART_MS ? 'met' : 'NOT met'} |`,
      '',
      `Lighthouse 12 (npm \`lighthouse\`, programmatic, chrome-launcher driving Debian Chromium, a fresh browser each run), performance and accessibility; medians of ${LH_RUNS} runs per row (performance: median, and the lowest–highest run):`,
      '',
      '| page | preset | performance | accessibility | LCP ms | TBT ms | CLS |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      lhRow('`/` (overview)', 'mobile (default: simulated slow 4G, 4x CPU)', lhMobile),
      lhRow('`/` (overview)', 'desktop', lhDesktop),
      lhRow(`\`${COUNTRY_PAGE}\` (Nigeria, the largest map)`, 'mobile', lhCountry),
      lhRow('Compare in ACLED weeks (below)', 'mobile', lhWeekly),
      lhRow('Compare, a claim checked in day windows (the coup claim, below)', 'mobile', lhCheck),
      lhRow('`/?lang=fr` (the overview in French)', 'mobile', lhFr),
      lhRow('the claim checked, in French (`&lang=fr`)', 'mobile', lhCheckFr),
      '',
      `Load average (1 min) on this ${os.cpus().length}-core machine: ${loadBefore.toFixed(1)} before the Lighthouse runs, ${loadAfter.toFixed(1)} after (Total Blocking Time, and so the performance score, grows with other work on the machine).`,
      '',
      `Compare pages: weeks \`${WEEKLY_PAGE}\` (the last four weeks against the four before); the claim \`${CHECK_PAGE}\`.`,
      '',
      `Budgets (medians): performance ≥ 95 (${[lhMobile, lhCountry, lhWeekly, lhCheck].every((r) => r.performance >= 95) ? 'met' : 'NOT met'} on mobile, ${lhDesktop.performance >= 95 ? 'met' : 'NOT met'} on desktop), accessibility 100 (${[lhMobile, lhDesktop, lhCountry, lhWeekly, lhCheck, lhFr, lhCheckFr].every((r) => r.accessibility === 100) ? 'met' : 'NOT met'}, English and French), no layout shift: CLS < 0.1 (${[lhMobile, lhDesktop, lhCountry, lhWeekly, lhCheck, lhFr, lhCheckFr].every((r) => r.cls < 0.1) ? 'met' : 'NOT met'}). The map (chartjs-chart-geo) is a separate chunk, with each country's outlines a file of their own, loaded when a map comes near the screen; the Country and Compare views, the claim cards and the Sahel map's figures are another (views/more.ts), loaded when one of them is needed.`,
    ];
    return lines.join('\n');
  } finally {
    await browser.close();
    await worker.stop();
  }
}
