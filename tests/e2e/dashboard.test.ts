/**
 * The dashboard in a real browser (Debian's Chromium, driven by playwright-core) against the real
 * Worker (`wrangler dev`) serving the real built dataset.
 *
 * Without /usr/bin/chromium the suite is skipped, unless CI is set: then it fails.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, ClaimsDoc, SeriesDoc } from '../../data/model/types.ts';
import { summarySentence } from '../../web/src/shape.ts';
import { ROOT, startWorker, type RunningWorker } from './server.ts';

/** Debian's Chromium; E2E_CHROMIUM overrides the path (e.g. to check the skip/fail rule). */
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);
const SKIP = !HAVE_CHROMIUM && !IN_CI;
const SKIP_REASON = `${CHROMIUM} not found (apt-get install chromium); skipped because CI is not set`;
const RESULTS = path.join(ROOT, 'test-results');

if (SKIP) console.warn(`e2e dashboard tests SKIPPED: ${SKIP_REASON}`);

describe.skipIf(SKIP)(SKIP ? `dashboard (skipped: ${SKIP_REASON})` : 'dashboard in Chromium', () => {
  let worker: RunningWorker | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let catalogue: Catalogue;
  let claims: ClaimsDoc;
  const problems: string[] = [];

  const api = async <T>(p: string): Promise<T> => {
    const res = await fetch(`${worker!.url}${p}`);
    expect(res.status, `${p} status`).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing and CI is set: install Debian's chromium (apt-get install -y chromium)`);
    worker = await startWorker();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    catalogue = await api<Catalogue>('/api/v1/catalogue');
    claims = await api<ClaimsDoc>('/api/v1/claims');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    await mkdir(RESULTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  }, 30_000);

  it('loads the default view (Niger, political violence, events) with no console errors', async () => {
    await page.goto(`${worker!.url}/`);
    await page.waitForSelector('article.claim');
    await page.waitForSelector('#regions-body table');
    await page.waitForFunction(() => {
      const s = document.querySelector('#summary')?.textContent ?? '';
      return s !== '' && s !== 'Loading…';
    });
    expect(new URL(page.url()).searchParams.get('country')).toBe('NER');
    expect(await page.locator('#country').inputValue()).toBe('NER');
    expect(await page.locator('#category').inputValue()).toBe('political_violence');
    expect(await page.locator('.error').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows one card per claim, with the verdicts the API gives', async () => {
    const cards = page.locator('article.claim');
    expect(await cards.count()).toBe(claims.claims.length);
    expect(claims.claims.length).toBe(3);
    for (const c of claims.claims) {
      const badge = page.locator(`article.claim[data-claim-id="${c.id}"] .verdict`);
      expect(await badge.getAttribute('data-verdict')).toBe(c.verdict);
      expect((await badge.locator('.verdict-label').textContent())?.trim()).toBe(c.verdictLabel);
      const sentences = await page.locator(`article.claim[data-claim-id="${c.id}"] li.reading .reading-head`).allTextContents();
      expect(sentences.length).toBe(c.readings.length);
      c.readings.forEach((r, i) => expect(sentences[i]).toContain(r.sentence));
    }
  });

  it('draws the chart, described by a summary generated from the series', async () => {
    const canvas = page.locator('#line-chart');
    expect(await canvas.count()).toBe(1);
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    const doc = await api<SeriesDoc>('/api/v1/series?country=NER&category=political_violence&measure=events');
    const expected = summarySentence(doc);
    expect((await page.locator('#summary').textContent())?.trim()).toBe(expected);
    expect(await canvas.getAttribute('aria-label')).toBe(expected);
    expect(await page.locator('#change-chart').count()).toBe(1);
    expect(await page.locator('#regions-body tbody tr').count()).toBe(catalogue.countries.find((c) => c.iso3 === 'NER')!.admin1.length);
    await page.screenshot({ path: path.join(RESULTS, 'dashboard-niger.png'), fullPage: true });
  });

  it('shows the dataset version and credit from the catalogue in the footer', async () => {
    expect((await page.locator('#dataset-version').textContent())?.trim()).toBe(catalogue.dataset.version);
    expect((await page.locator('#credit').textContent())?.trim()).toBe(catalogue.dataset.credit);
    expect(await page.locator('footer').textContent()).toContain('Source: ACLED, www.acleddata.com');
  });

  it('switches to Mali: URL updated, Mali data shown, no region selector', async () => {
    await page.selectOption('#country', 'MLI');
    await page.waitForURL(/[?&]country=MLI(&|$)/);
    await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('Mali'));
    const doc = await api<SeriesDoc>('/api/v1/series?country=MLI&category=political_violence&measure=events');
    expect((await page.locator('#summary').textContent())?.trim()).toBe(summarySentence(doc));
    expect(await page.locator('#series-title').textContent()).toContain('Mali');
    expect(await page.locator('#admin1-field').isHidden()).toBe(true);
    expect(await page.locator('#regions').isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get('admin1')).toBeNull();

    await page.reload();
    await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('Mali'));
    expect(await page.locator('#country').inputValue()).toBe('MLI');
    await page.screenshot({ path: path.join(RESULTS, 'dashboard-mali.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('is readable at 360 px', async () => {
    const small = await browser!.newPage({ viewport: { width: 360, height: 800 } });
    try {
      await small.goto(`${worker!.url}/?country=NER&category=civilian_targeting&measure=fatalities&admin1=tillaberi`);
      await small.waitForSelector('#regions-body table');
      expect(await small.locator('#admin1').inputValue()).toBe('tillaberi');
      // Nothing wider than the screen, apart from content inside its own scroll box.
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(360);
      await small.screenshot({ path: path.join(RESULTS, 'dashboard-360px.png'), fullPage: true });
    } finally {
      await small.close();
    }
  });

  it('shows the API’s problem detail when a call fails', async () => {
    const broken = await browser!.newPage();
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
      await broken.goto(`${worker!.url}/`);
      const error = broken.locator('#view-status .error');
      await error.waitFor();
      expect(await error.textContent()).toContain('KV is unreachable (injected by the test)');
      // The rest of the page still works.
      expect(await broken.locator('article.claim').count()).toBe(claims.claims.length);
    } finally {
      await broken.close();
    }
  });
});
