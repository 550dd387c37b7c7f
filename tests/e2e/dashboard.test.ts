/**
 * The dashboard in a real browser (Debian's Chromium, driven by playwright-core) against the real
 * Worker (`wrangler dev`) serving the real built dataset: every view loads without console
 * errors (a CSP violation is one), numbers on screen equal the API's, URL state round-trips with
 * back/forward, the CSV download matches the chart, the keyboard reaches every control, embed
 * mode may be framed and the dashboard may not. Screenshots of each view at 1280 and 360 px, in
 * light and dark, are written to test-results/.
 *
 * Without /usr/bin/chromium the suite is skipped, unless CI is set: then it fails.
 *
 * One file (about 400 lines) on purpose: each e2e file starts its own `wrangler dev` and browser
 * (about 30 s), so the dashboard's walk-through shares one server.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fmtNum } from '../../model/format.ts';
import type { Catalogue, ClaimsDoc, SeriesDoc } from '../../model/types.ts';
import { summarySentence } from '../../web/src/series-data.ts';
import { changeSummary, regionRanking } from '../../web/src/views/country-data.ts';
import { overviewFigure } from '../../web/src/views/overview-data.ts';
import { tabThrough } from './keyboard.ts';
import { CHROMIUM, CHROMIUM_FLAGS, ROOT, type RunningWorker, startWorker } from './server.ts';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);
const SKIP = !HAVE_CHROMIUM && !IN_CI;
const SKIP_REASON = `${CHROMIUM} not found (apt-get install chromium); skipped because CI is not set`;
const RESULTS = path.join(ROOT, 'test-results');
const SERIES = '/api/v1/series?country=NER&category=political_violence&measure=events';

if (SKIP) console.warn(`e2e dashboard tests SKIPPED: ${SKIP_REASON}`);

describe.skipIf(SKIP)(SKIP ? `dashboard (skipped: ${SKIP_REASON})` : 'dashboard in Chromium', () => {
  let worker: RunningWorker | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext;
  let page: Page;
  let catalogue: Catalogue;
  let claims: ClaimsDoc;
  const problems: string[] = [];

  const api = async <T>(p: string): Promise<T> => {
    const res = await fetch(`${worker!.url}${p}`);
    expect(res.status, `${p} status`).toBe(200);
    return (await res.json()) as T;
  };

  const watch = (p: Page) => {
    p.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('requestfailed', (r) => {
      // Requests of a view left before they finished are aborted on purpose.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
  };

  /** Wait until no chart summary says "Loading…" in the visible view. */
  const settled = (p: Page) =>
    p.waitForFunction(() => {
      const view = [...document.querySelectorAll<HTMLElement>('section.view')].find((s) => !s.hidden);
      if (!view) return false;
      const busy = [...view.querySelectorAll('.summary, .loading, #compare-result')].some(
        (e) => (e as HTMLElement).offsetParent !== null && /Loading…|Comparing…/.test(e.textContent ?? ''),
      );
      return !busy && (document.querySelector('#dataset-version')?.textContent ?? '') !== '';
    });

  /** Open a figure's data table (built when first opened). */
  const openTable = async (p: Page, id: string) => {
    const details = p.locator(`#${id}-table`).locator('xpath=ancestor::details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await p.locator(`#${id}-table table`).waitFor();
  };

  /** Bring every chart of the view near the screen in turn (charts are drawn when they come near it), then back to the top. */
  const drawAll = async (p: Page) => {
    const boxes = p.locator('section.view:not([hidden]) .chart-box');
    for (let i = 0; i < (await boxes.count()); i++) {
      await boxes.nth(i).scrollIntoViewIfNeeded();
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await p.waitForFunction(() =>
      [...document.querySelectorAll('section.view:not([hidden]) .chart-box canvas')].every(
        (c) => (c as HTMLElement).offsetParent === null || (c.getAttribute('style') ?? '').includes('display: block'),
      ),
    );
    await p.evaluate(() => window.scrollTo(0, 0));
  };

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing and CI is set: install Debian's chromium (apt-get install -y chromium)`);
    worker = await startWorker();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    catalogue = await api<Catalogue>('/api/v1/catalogue');
    claims = await api<ClaimsDoc>('/api/v1/claims');
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    watch(page);
    await mkdir(RESULTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  }, 30_000);

  it('overview: loads without console errors; each country’s latest month and trend band equal the API’s', async () => {
    await page.goto(`${worker!.url}/`);
    await settled(page);
    expect(new URL(page.url()).searchParams.get('view')).toBe('overview');
    expect(await page.locator('.error').count()).toBe(0);
    // Charts are drawn as they come near the screen: all of them once scrolled through.
    await drawAll(page);
    const drawn = await page
      .locator('.ov-card canvas')
      .evaluateAll((cs) => cs.map((c) => (c.getAttribute('style') ?? '').includes('display: block')));
    expect(drawn).toEqual(Array(catalogue.countries.length * 2).fill(true));
    for (const c of catalogue.countries) {
      for (const m of ['events', 'fatalities'] as const) {
        const doc = await api<SeriesDoc>(`/api/v1/series?country=${c.iso3}&category=political_violence&measure=${m}`);
        const want = overviewFigure(doc);
        const row = page.locator(`#ov-${c.iso3}-figs .ov-fig[data-measure="${m}"]`);
        expect(await row.locator('.ov-number').getAttribute('data-value'), `${c.iso3} ${m}`).toBe(String(want.value));
        expect(await row.locator('.trend').getAttribute('data-band'), `${c.iso3} ${m} band`).toBe(want.trend.band);
        expect((await page.locator(`#ov-${c.iso3}-${m}-summary`).textContent())?.trim()).toBe(summarySentence(doc));
        expect(await page.locator(`#ov-${c.iso3}-${m}-chart`).getAttribute('aria-label')).toBe(summarySentence(doc));
      }
    }
    expect(problems).toEqual([]);
  });

  it('overview: one card per claim, with the verdicts the API gives, alternative readings included', async () => {
    // Drawn when scrolled near (their code is not part of the first view).
    await page.locator('#claims-heading').scrollIntoViewIfNeeded();
    await page.locator('article.claim').first().waitFor();
    expect(await page.locator('article.claim').count()).toBe(claims.claims.length);
    expect(claims.claims.some((c) => c.alternatives.length > 0)).toBe(true);
    for (const c of claims.claims) {
      const card = page.locator(`article.claim[data-claim-id="${c.id}"]`);
      const badge = card.locator(':scope > .verdict');
      expect(await badge.getAttribute('data-verdict')).toBe(c.verdict);
      expect((await badge.locator('.verdict-label').textContent())?.trim()).toBe(c.verdictLabel);
      const alternatives = card.locator('.alternative');
      expect(await alternatives.count()).toBe(c.alternatives.length);
      for (const [i, a] of c.alternatives.entries()) {
        const alt = alternatives.nth(i);
        expect(await alt.locator('.verdict').getAttribute('data-verdict')).toBe(a.verdict);
        expect(
          await alt
            .locator('.reading')
            .evaluateAll((els) => els.map((e) => [e.getAttribute('data-before-value'), e.getAttribute('data-after-value')])),
        ).toEqual(
          a.readings.map((r) => [
            r.beforeValue === null ? null : String(r.beforeValue),
            r.afterValue === null ? null : String(r.afterValue),
          ]),
        );
      }
    }
  });

  it('shows credit, dataset version and as-of date from the catalogue, and links the API docs', async () => {
    expect((await page.locator('#dataset-version').textContent())?.trim()).toBe(catalogue.dataset.version);
    expect((await page.locator('#credit').textContent())?.trim()).toBe(catalogue.dataset.credit);
    expect(await page.locator('#dataset-asof').getAttribute('datetime')).toBe(catalogue.dataset.asOf);
    expect(await page.locator('footer a[href="/api/v1/docs"]').count()).toBe(1);
  });

  it('country: numbers, summaries and tables equal the API’s; event types, regions and map are drawn', async () => {
    await page.goto(`${worker!.url}/?view=country&country=NER&category=political_violence&measure=events`);
    await settled(page);
    await page.waitForSelector('#regions-body table');
    const doc = await api<SeriesDoc>(SERIES);
    expect((await page.locator('#view-heading').textContent())?.trim()).toBe('Political violence in Niger: events per month');
    expect((await page.locator('#line-summary').textContent())?.trim()).toBe(summarySentence(doc));
    expect(await page.locator('#line-chart').getAttribute('aria-label')).toBe(summarySentence(doc));
    expect((await page.locator('#change-summary').textContent())?.trim()).toBe(changeSummary(doc));
    await openTable(page, 'line');
    await openTable(page, 'composition');
    const rows = await page
      .locator('#line-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows.length).toBe(doc.points.length);
    rows.forEach((r, i) => {
      expect(r[1]).toBe(fmtNum(doc.points[i]!.value));
    });
    // Event types: one column per type the country has.
    expect(await page.locator('#composition-table thead th').count()).toBeGreaterThanOrEqual(4);
    // Regions: ranked as the API's region series rank.
    const ner = catalogue.countries.find((c) => c.iso3 === 'NER')!;
    const regionDocs = await Promise.all(ner.admin1.map((r) => api<SeriesDoc>(`${SERIES}&admin1=${r.slug}`)));
    const ranking = regionRanking(regionDocs);
    const shown = await page.locator('#regions-body tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-region')));
    expect(shown).toEqual(ranking.rows.map((r) => r.slug));
    await page.waitForFunction(() => (document.querySelector('#map-summary')?.textContent ?? '') !== 'Loading…');
    await openTable(page, 'map');
    expect(await page.locator('#map-table tbody tr').count()).toBe(ner.admin1.length);
    expect(problems).toEqual([]);
  });

  it('the CSV download of the chart holds exactly the chart’s months and values, with credit and version', async () => {
    await page.goto(`${worker!.url}/?view=country&country=NER&category=political_violence&measure=events&from=2023-01&to=2023-12`);
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#line-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^sahel-pulse_.*\.csv$/);
    const rows = parse(await readFile((await download.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    await openTable(page, 'line');
    await openTable(page, 'composition');
    const table = await page
      .locator('#line-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const doc = await api<SeriesDoc>(`${SERIES}&from=2023-01&to=2023-12`);
    expect(rows.map((r) => r.month)).toEqual(doc.points.map((p) => p.month));
    expect(rows.map((r) => Number(r.value))).toEqual(doc.points.map((p) => p.value));
    expect(rows.map((r) => fmtNum(Number(r.value)))).toEqual(table.map((r) => r[1]));
    for (const r of rows) {
      expect(r.dataset_version).toBe(catalogue.dataset.version);
      expect(r.credit).toContain('ACLED');
    }
    // The event-type chart's CSV is the API's CSVs of its series, merged.
    const [comp] = await Promise.all([page.waitForEvent('download'), page.locator('#composition-csv').click()]);
    const compRows = parse(await readFile((await comp.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    const types = new Set(compRows.map((r) => r.category));
    expect(types.size).toBe(
      await page
        .locator('#composition-table thead th')
        .count()
        .then((n) => n - 2),
    );
    expect(new Set(compRows.map((r) => r.month))).toEqual(new Set(doc.points.map((p) => p.month)));
    // PNG of a chart.
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#line-png').click()]);
    expect(png.suggestedFilename()).toMatch(/^sahel-pulse_.*\.png$/);
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('compare: the verdict card shows the API’s sentence and band', async () => {
    await page.goto(`${worker!.url}/?view=compare&country=NER&category=political_violence&measure=events&before=2023-07&after=2023-08`);
    await page.waitForSelector('#compare-card');
    const r = await api<{ sentence: string; trend?: { band: string } }>(
      '/api/v1/compare?country=NER&category=political_violence&measure=events&before=2023-07&after=2023-08',
    );
    expect((await page.locator('#compare-sentence').textContent())?.trim()).toBe(r.sentence);
    if (r.trend) expect(await page.locator('#compare-card .verdict .trend').getAttribute('data-band')).toBe(r.trend.band);
    expect(await page.locator('#compare-card').textContent()).toContain(catalogue.dataset.version);
    expect(problems).toEqual([]);
  });

  it('URL state round-trips: a URL reproduces the view; controls push history; back and forward restore it', async () => {
    const q = '?view=country&country=NER&category=battles&measure=fatalities&admin1=tillaberi&from=2022-01&to=2023-12';
    await page.goto(`${worker!.url}/${q}`);
    await settled(page);
    expect(new URL(page.url()).search).toBe(q);
    expect(await page.locator('#country').inputValue()).toBe('NER');
    expect(await page.locator('#category').inputValue()).toBe('battles');
    expect(await page.locator('input[name="measure"][value="fatalities"]').isChecked()).toBe(true);
    expect(await page.locator('#admin1').inputValue()).toBe('tillaberi');
    expect(await page.locator('#from').inputValue()).toBe('2022-01');
    expect(await page.locator('#to').inputValue()).toBe('2023-12');
    const doc = await api<SeriesDoc>(
      '/api/v1/series?country=NER&category=battles&measure=fatalities&admin1=tillaberi&from=2022-01&to=2023-12',
    );
    expect((await page.locator('#line-summary').textContent())?.trim()).toBe(summarySentence(doc));

    await page.selectOption('#country', 'MLI');
    await page.waitForURL(/[?&]country=MLI(&|$)/);
    await settled(page);
    expect(await page.locator('#view-heading').textContent()).toContain('Mali');
    // Mali has no region figures: the field stays (so nothing moves), disabled, and says so.
    expect(await page.locator('#admin1').isDisabled()).toBe(true);
    expect(await page.locator('#admin1 option').allTextContents()).toEqual(['Country total (no regions)']);
    await page.goBack();
    await page.waitForURL((u) => u.search === q);
    await settled(page);
    expect(await page.locator('#country').inputValue()).toBe('NER');
    expect(await page.locator('#view-heading').textContent()).toContain('Tillaberi');
    await page.goForward();
    await page.waitForURL(/[?&]country=MLI(&|$)/);
    await settled(page);
    expect(await page.locator('#country').inputValue()).toBe('MLI');

    // View tabs are links that keep the series.
    await page.locator('.views-nav a[data-view="compare"]').click();
    await page.waitForSelector('#compare-card');
    expect(new URL(page.url()).searchParams.get('country')).toBe('MLI');
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('view') === 'country');
    expect(problems).toEqual([]);
  });

  it('the keyboard reaches every control, with a visible focus ring', async () => {
    await page.goto(`${worker!.url}/?view=country&country=NER`);
    await settled(page);
    await page.waitForSelector('#regions-body table');
    const wanted = await page.evaluate(() => {
      const els = [
        ...document.querySelectorAll<HTMLElement>(
          '.views-nav a, #controls select, #controls input, #controls button, .fig-tools a, .fig-tools button, details > summary, #regions-body button',
        ),
      ].filter(
        (e) =>
          e.offsetParent !== null &&
          !(e as HTMLButtonElement).disabled &&
          // A radio group is one tab stop (its checked radio); arrows move within it.
          !(e instanceof HTMLInputElement && e.type === 'radio' && !e.checked),
      );
      els.forEach((e, i) => {
        e.setAttribute('data-kb', String(i));
      });
      return els.length;
    });
    expect(wanted).toBeGreaterThan(20);
    const walk = await tabThrough(page, wanted, 300);
    expect(walk.reached.size).toBe(wanted);
    // Radio buttons are one tab stop; their group is reached.
    expect(walk.ringless.filter((x) => !x.includes('type="radio"'))).toEqual([]);
  });

  it('embed mode: minimal chrome, may be framed; the dashboard may not be framed', async () => {
    const e = await fetch(`${worker!.url}/embed?view=country&country=NER`);
    expect(e.status).toBe(200);
    expect(e.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const main = await fetch(`${worker!.url}/`);
    expect(main.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const embed = await context.newPage();
    watch(embed);
    try {
      await embed.goto(`${worker!.url}/embed?view=country&country=NER&category=political_violence&measure=events`);
      await settled(embed);
      expect(await embed.locator('.site-header').isHidden()).toBe(true);
      expect(await embed.locator('#controls').isHidden()).toBe(true);
      expect(await embed.locator('#line-chart').isVisible()).toBe(true);
      expect(await embed.locator('#credit').textContent()).toBe(catalogue.dataset.credit);
      // The share box offers the /embed snippet.
      await page.goto(`${worker!.url}/?view=country&country=NER`);
      await settled(page);
      expect(await page.locator('#embed-code').inputValue()).toContain(`${worker!.url}/embed?view=country&country=NER`);
    } finally {
      await embed.close();
    }
    expect(problems).toEqual([]);
  });

  it('saves screenshots of each view at 1280 and 360 px, light and dark; nothing wider than 360 px', async () => {
    const views = {
      overview: '/?view=overview',
      country: '/?view=country&country=NER&category=political_violence&measure=events',
      compare: '/?view=compare&country=NER&category=political_violence&measure=events&before=2023-07&after=2023-08',
      embed: '/embed?view=country&country=NER&category=political_violence&measure=events',
    };
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        const ctx = await browser!.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const p = await ctx.newPage();
        watch(p);
        try {
          for (const [name, q] of Object.entries(views)) {
            await p.goto(`${worker!.url}${q}`);
            await settled(p);
            if (name === 'compare') await p.waitForSelector('#compare-card');
            if (width === 360)
              expect(await p.evaluate(() => document.documentElement.scrollWidth), `${name} at 360 px`).toBeLessThanOrEqual(360);
            // A viewport as tall as the page rather than `fullPage`: headless Chromium leaves canvases
            // outside the viewport blank in full-page captures.
            const height = await p.evaluate(() => document.documentElement.scrollHeight);
            await p.setViewportSize({ width, height });
            await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            await p.screenshot({ path: path.join(RESULTS, `dashboard-${name}-${width}-${scheme}.png`) });
            await p.setViewportSize({ width, height: 900 });
          }
        } finally {
          await ctx.close();
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('says what failed when a call fails: the API’s problem detail', async () => {
    const broken = await context.newPage();
    try {
      await broken.route('**/api/v1/series?*', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Service unavailable',
            status: 503,
            detail: 'KV is unreachable (injected by the test)',
          }),
        }),
      );
      await broken.goto(`${worker!.url}/?view=country&country=NER`);
      const error = broken.locator('#line-summary .error');
      await error.waitFor();
      expect(await error.textContent()).toContain('KV is unreachable (injected by the test)');
      await broken.goto(`${worker!.url}/`);
      await broken.locator('#ov-NER-events-summary .error').waitFor();
      // The rest of the page still works.
      await broken.locator('#claims-heading').scrollIntoViewIfNeeded();
      await broken.locator('article.claim').first().waitFor();
      expect(await broken.locator('article.claim').count()).toBe(claims.claims.length);
    } finally {
      await broken.close();
    }
  });
});
