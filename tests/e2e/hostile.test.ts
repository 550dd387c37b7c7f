/**
 * Data that carries markup and odd Unicode (region names here; actor names and notes are never
 * shipped) is shown as inert text: the page inserts data strings with textContent only. A dataset
 * made of such strings is published into the running Worker's local KV, then the country view of
 * a real Chromium is inspected.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../data/build/dataset.ts';
import { POINTER_KEY } from '../../model/keys.ts';
import type { AggregateRow } from '../../model/types.ts';
import { sourceInfo } from '../fixtures/source-info.ts';

const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

import { CHROMIUM, CHROMIUM_FLAGS, ROOT, type RunningWorker, startWorker } from './server.ts';

const SKIP = !existsSync(CHROMIUM) && !process.env.CI;

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>Tillaberi',
  'Dosso\u202Egnp.exe\u200B',
  '=HYPERLINK("http://evil.example","x")',
];

describe.skipIf(SKIP)('hostile strings in the data', () => {
  let worker: RunningWorker;
  let browser: Browser;

  beforeAll(async () => {
    worker = await startWorker({ logLevel: 'warn' });
    const rows: AggregateRow[] = HOSTILE.flatMap((admin1, i) =>
      ['2023-06', '2023-07'].map((month) => ({
        country: 'NER',
        admin1,
        month,
        category: 'political_violence' as const,
        events: 3 + i,
        fatalities: i,
      })),
    );
    const ds = await buildDataset({
      sources: [{ info: sourceInfo('hostile', 'event', '2023-07-31', { from: '2023-06-01', through: '2023-07-31' }), rows }],
      claims: [],
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-hostile-'));
    await writeFile(path.join(dir, 'entries.json'), JSON.stringify(ds.entries));
    const target = ['--binding', 'SAHEL_KV', '--local', '--persist-to', worker.persistDir];
    const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
    execFileSync('wrangler', ['kv', 'bulk', 'put', path.join(dir, 'entries.json'), ...target], { cwd: ROOT, env, stdio: 'ignore' });
    execFileSync('wrangler', ['kv', 'key', 'put', POINTER_KEY, JSON.stringify({ version: ds.version, publishedAt: '' }), ...target], {
      cwd: ROOT,
      env,
      stdio: 'ignore',
    });
    // Wait out the Worker's pointer cache.
    for (let i = 0; i < 60; i++) {
      const body = (await (await fetch(`${worker.url}/api/v1/catalogue`)).json()) as { dataset: { version: string } };
      if (body.dataset.version === ds.version) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it('renders region names as text: no element, script or handler comes from the data', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${worker.url}/?view=country&country=NER`);
    // The regions' ranking loads when its section comes near the screen.
    await page.locator('#regions:not([hidden])').scrollIntoViewIfNeeded({ timeout: 30_000 });
    await page.waitForSelector('#regions-body table', { timeout: 30_000 });
    await page.waitForFunction(() => document.body.textContent?.includes('onerror'), null, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('<script>window.__pwned=2</script>Tillaberi');
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'hostile-country.png'), fullPage: false });
  });

  it('neutralises formula-like names in the CSV download', async () => {
    const res = await fetch(
      `${worker.url}/api/v1/series?country=NER&admin1=${encodeURIComponent(HOSTILE[3]!)}&category=political_violence&measure=events&format=csv`,
    );
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('serves the page with strict security headers, and frames only the embed view', async () => {
    const page = await fetch(`${worker.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    for (const embed of ['/embed', '/embed.html']) {
      const headers = (await fetch(`${worker.url}${embed}`)).headers;
      // One policy, not the site-wide one joined to it (two policies would both be enforced).
      expect(headers.get('content-security-policy')).toBe(csp.replace("frame-ancestors 'none'", 'frame-ancestors *'));
      expect(headers.get('x-frame-options')).toBeNull();
    }
    const post = await fetch(`${worker.url}/`, { method: 'POST' });
    // Static assets answer only GET and HEAD.
    expect(post.status).toBe(405);
    expect(page.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
  });

  it('answers a mistyped page path with the 404 page, API paths with problem+json; ships no source maps', async () => {
    for (const p of ['/Embed', '/index.htm', '/nothing/here']) {
      const res = await fetch(`${worker.url}${p}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('<h1>Page not found</h1>');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    const api = await fetch(`${worker.url}/api/v1/nothing`);
    expect([api.status, api.headers.get('content-type')]).toEqual([404, 'application/problem+json; charset=utf-8']);
    // A data answer is no document: the HTML-only headers are left off (worker/index.ts).
    expect(api.headers.get('permissions-policy')).toBeNull();
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${worker.url}/app.js.map`)).status).toBe(404);
    expect(await (await fetch(`${worker.url}/app.js`)).text()).not.toContain('sourceMappingURL');
  });
});
