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
import type { CompareResult, WeekSeries } from '../../model/api.ts';
import { addDays } from '../../model/day.ts';
import { fmtDate, fmtNum } from '../../model/format.ts';
import { monthLabel } from '../../model/month.ts';
import type { Catalogue, ClaimsDoc, SeriesDoc } from '../../model/types.ts';
import { addWeeks, weekContaining, weekEnd } from '../../model/week.ts';
import { en } from '../../web/src/messages.ts';
import { summarySentence, weekSummary } from '../../web/src/series-data.ts';
import { changeSummary } from '../../web/src/views/country-data.ts';
import { windowLabel } from '../../web/src/views/overview-data.ts';
import { rankingFromWeek, regionWeekRanking } from '../../web/src/views/region-ranking.ts';
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

  it('overview: loads without console errors; each country’s last four ACLED weeks, the four before and a year earlier equal /api/v1/compare’s', async () => {
    await page.goto(`${worker!.url}/`);
    await settled(page);
    expect(new URL(page.url()).searchParams.get('view')).toBe('overview');
    expect(await page.locator('.error').count()).toBe(0);
    // Charts are drawn as they come near the screen: all of them once scrolled through.
    await drawAll(page);
    const drawn = await page
      .locator('.ov-card canvas')
      .evaluateAll((cs) => cs.map((c) => (c.getAttribute('style') ?? '').includes('display: block')));
    // Per country: events and fatalities per ACLED week and per month.
    expect(drawn).toEqual(Array(catalogue.countries.length * 4).fill(true));
    // The freshness line is the catalogue's (never written by hand).
    const weeksThrough = new Set(catalogue.countries.map((c) => c.weeks?.through));
    expect(weeksThrough.size).toBe(1);
    expect(await page.locator('#freshness').textContent()).toContain(`Data through ${fmtDate([...weeksThrough][0]!)}`);
    let compared = 0;
    for (const c of catalogue.countries) {
      const last = c.weeks!.to;
      const start = addWeeks(last, -3);
      const after = `${start}..${weekEnd(last)}`;
      const before = `${addWeeks(start, -4)}..${addDays(start, -1)}`;
      const yearAgo = `${addWeeks(start, -52)}..${addDays(addWeeks(start, -48), -1)}`;
      for (const m of ['events', 'fatalities'] as const) {
        const q = `/api/v1/compare?country=${c.iso3}&category=political_violence&measure=${m}`;
        const row = page.locator(`#ov-${c.iso3}-figs .ov-fig[data-measure="${m}"]`);
        for (const [kind, base] of [
          ['previous', before],
          ['year', yearAgo],
        ] as const) {
          const r = await api<CompareResult>(`${q}&before=${base}&after=${after}`);
          expect(await row.locator('.ov-number').getAttribute('data-value'), `${c.iso3} ${m}`).toBe(String(r.after.value));
          const line = row.locator(`.ov-trend[data-vs="${kind}"]`);
          expect(await line.getAttribute('data-base'), `${c.iso3} ${m} ${kind} base`).toBe(String(r.before.value));
          expect(await line.getAttribute('data-band'), `${c.iso3} ${m} ${kind} band`).toBe(r.trend!.band);
          expect(await line.getAttribute('data-settled'), `${c.iso3} ${m} ${kind} settled`).toBe(String(r.trend!.settled));
          expect((await line.locator('.trend-label').textContent())?.trim()).toBe(r.trend!.label);
          compared++;
        }
        // The newest four weeks are provisional: said beside the number, never silently.
        expect(await row.locator('.provisional-tag').count()).toBe(1);
        const doc = await api<SeriesDoc>(`/api/v1/series?country=${c.iso3}&category=political_violence&measure=${m}`);
        expect((await page.locator(`#ov-${c.iso3}-${m}-summary`).textContent())?.trim()).toBe(summarySentence(doc));
        expect(await page.locator(`#ov-${c.iso3}-${m}-chart`).getAttribute('aria-label')).toBe(summarySentence(doc));
      }
    }
    expect(compared).toBe(catalogue.countries.length * 4);
    expect(problems).toEqual([]);
  });

  it('overview: the provisional weeks are marked in the weekly chart’s table and legend', async () => {
    const c = catalogue.countries.find((x) => x.iso3 === 'NGA')!;
    const from = addWeeks(c.weeks!.to, -59);
    const doc = await api<WeekSeries>(`/api/v1/series?country=NGA&category=political_violence&measure=events&unit=week&from=${from}`);
    const provisional = doc.points.filter((p) => p.provisional).map((p) => p.week);
    expect(provisional).toEqual([0, 1, 2, 3].map((i) => addWeeks(c.weeks!.provisionalFrom, i)));
    await openTable(page, 'ov-NGA-week-events');
    const notes = await page
      .locator('#ov-NGA-week-events-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ''));
    expect(notes.length).toBe(doc.points.length);
    expect(notes.map((n, i) => (n.includes('provisional') ? doc.points[i]!.week : null)).filter(Boolean)).toEqual(provisional);
    // The legend's entry: Chart.js draws it on the canvas, so it is read from the chart's own data.
    // A string, not a function: the test runner would rewrite a function's import() for Node.
    const labels = await page.evaluate(`(async () => {
      const href = [...document.querySelectorAll('link[rel="modulepreload"]')].find((l) => l.href.includes('/charts-')).href;
      const { chartsOn } = await import(href);
      const chart = chartsOn().find((x) => x.canvas === document.getElementById('ov-NGA-week-events-chart'));
      return { labels: chart?.data.datasets.map((d) => d.label), legend: chart?.options.plugins.legend.display !== false };
    })()`);
    expect(labels).toEqual({ labels: ['Events', en.provisionalLabel], legend: true });
    expect(await page.locator('#provisional-note').textContent()).toContain('provisional');
  });

  it('overview: the Sahel-wide map draws every catalogue region with an outline, on one scale, with a table equivalent', async () => {
    await page.locator('#sahel-regions').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('sahel-map-chart')?.dataset.drawn !== undefined, undefined, {
      timeout: 60_000,
    });
    const drawn = new Set((await page.locator('#sahel-map-chart').getAttribute('data-drawn'))!.split(' '));
    const all = catalogue.countries.flatMap((c) => c.admin1.map((r) => `${c.iso3}:${r.slug}`));
    const withoutOutline = all.filter((k) => !drawn.has(k));
    // Only ACLED's maritime "Gulf of Guinea" (Nigeria) has no outline (web/geo/unmatched.json).
    expect(withoutOutline).toEqual(['NGA:gulf-of-guinea']);
    expect(drawn.size).toBe(all.length - 1);
    expect(await page.locator('#sahel-map-caption').textContent()).toContain('Not on the map (no outline): Gulf of Guinea, Nigeria');
    expect(await page.locator('#sahel-map-caption').textContent()).toContain('OCHA COD-AB');
    await openTable(page, 'sahel-map');
    expect(await page.locator('#sahel-map-table tbody tr').count()).toBe(all.length);
    // Its figures are the regions' last four weeks, as the API gives them: Borno, the largest.
    const borno = await api<WeekSeries>(
      `/api/v1/series?country=NGA&admin1=borno&category=political_violence&measure=events&unit=week&from=${rankingFromWeek(catalogue.countries.find((c) => c.iso3 === 'NGA')!.weeks!.to)}`,
    );
    const top = regionWeekRanking([borno]).rows[0]!;
    const first = await page
      .locator('#sahel-map-table tbody tr')
      .first()
      .evaluate((tr) => [...tr.children].map((c) => c.textContent));
    expect(first).toEqual(['Borno', 'Nigeria', fmtNum(top.value)]);
    expect(problems).toEqual([]);
  });

  it('overview: the Sahel map sums the ACLED weeks chosen (a preset, a range of days) as the API’s weekly series do; the URL keeps the choice', async () => {
    const last = catalogue.countries.map((c) => c.weeks!.to).sort()[0]!;
    /** The map's rows for weeks from..to (week starts), from each region's weekly series for exactly those weeks; sorted by region, country. */
    const expected = async (from: string, to: string) => {
      const rows = await Promise.all(
        catalogue.countries.flatMap((c) =>
          c.admin1.map(async (r) => {
            const doc = await api<WeekSeries>(
              `/api/v1/series?country=${c.iso3}&admin1=${r.slug}&category=political_violence&measure=events&unit=week&from=${from}&to=${to}`,
            );
            expect(doc.points.every((p) => p.week >= from && p.week <= to)).toBe(true);
            return [en.region(r.name), en.country(c.name), fmtNum(doc.points.reduce((a, p) => a + p.value, 0))];
          }),
        ),
      );
      return rows.sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`));
    };
    const shown = async () =>
      (
        await page
          .locator('#sahel-map-table tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')))
      ).sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`));
    const drawnFor = (weeks: string) =>
      page.waitForFunction((w) => document.getElementById('sahel-map-chart')?.dataset.weeks === w, weeks, { timeout: 60_000 });

    // The last 12 weeks: chosen in the select, written to the URL, summed as the API's 12 weeks.
    await page.locator('#sahel-weeks').selectOption('last12');
    await page.waitForURL((u) => u.searchParams.get('mapweeks') === 'last12');
    const from12 = addWeeks(last, -11);
    await page.locator('#sahel-regions').scrollIntoViewIfNeeded();
    await drawnFor(`${from12}..${weekEnd(last)}`);
    await openTable(page, 'sahel-map');
    expect(await shown()).toEqual(await expected(from12, last));
    expect(await page.locator('#sahel-map-summary').textContent()).toContain(
      `In the 12 ACLED weeks ${windowLabel({ from: from12, to: weekEnd(last) })}`,
    );

    // A range of days (the month after Niger's coup): each day's ACLED week, Saturday to Friday.
    await page.locator('#sahel-from').fill('2023-07-26');
    await page.locator('#sahel-to').fill('2023-08-25');
    await page.locator('#sahel-weeks-apply').click();
    const [a, b] = [weekContaining('2023-07-26'), weekContaining('2023-08-25')];
    const range = `${a}..${weekEnd(b)}`;
    await page.waitForURL((u) => u.searchParams.get('mapweeks') === range);
    await page.locator('#sahel-regions').scrollIntoViewIfNeeded();
    await drawnFor(range);
    await openTable(page, 'sahel-map');
    const rows = await expected(a, b);
    expect(await shown()).toEqual(rows);
    expect(await page.locator('#sahel-map-table caption').textContent()).toContain(windowLabel({ from: a, to: weekEnd(b) }));

    // The URL alone reproduces the choice.
    await page.goto(`${worker!.url}/?view=overview&mapweeks=${range}`);
    await page.locator('#sahel-regions').scrollIntoViewIfNeeded();
    await drawnFor(range);
    expect(await page.locator('#sahel-weeks').inputValue()).toBe('custom');
    expect([await page.locator('#sahel-from').inputValue(), await page.locator('#sahel-to').inputValue()]).toEqual([a, weekEnd(b)]);
    await openTable(page, 'sahel-map');
    expect(await shown()).toEqual(rows);
    expect(problems).toEqual([]);
  }, 120_000);

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

  it('overview: requests the first card’s series first (its weekly, then its monthly), card by card, the claims last', async () => {
    // A browser opens six connections per host over HTTP/1.1: the first chart on screen (the first
    // card's weekly chart) must not wait behind the other cards' requests (web/src/requests.ts).
    const fresh = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await fresh.newPage();
    watch(p);
    const asked: string[] = [];
    p.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/v1/series' || u.pathname === '/api/v1/claims') asked.push(u.pathname + u.search);
    });
    await p.goto(`${worker!.url}/`);
    await settled(p);
    const cards = await p.locator('.ov-card[data-country]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.country!));
    expect(cards.length).toBeGreaterThan(1);
    const at = (f: (q: URLSearchParams, path: string) => boolean) => asked.findIndex((x) => f(new URLSearchParams(x.split('?')[1]), x));
    const first = (iso3: string, unit: 'week' | 'month') =>
      at((q, x) => x.startsWith('/api/v1/series') && q.get('country') === iso3 && (q.get('unit') === 'week') === (unit === 'week'));
    const claimsAt = at((_, x) => x.startsWith('/api/v1/claims'));
    // Each card: weekly before monthly, and every request of a card before the next card's.
    for (const [i, iso3] of cards.entries()) {
      expect(first(iso3, 'week'), `${iso3} weekly asked`).toBeGreaterThanOrEqual(0);
      expect(first(iso3, 'week'), `${iso3} weekly before its monthly`).toBeLessThan(first(iso3, 'month'));
      const next = cards[i + 1];
      if (next) expect(first(iso3, 'month'), `${iso3} before ${next}`).toBeLessThan(first(next, 'week'));
    }
    expect(first(cards[0]!, 'week'), 'the first request is the first card’s').toBe(0);
    expect(claimsAt, 'claims after every card').toBeGreaterThan(first(cards.at(-1)!, 'month'));
    await fresh.close();
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
    // The regions load when their section comes near the screen.
    await page.locator('#regions').scrollIntoViewIfNeeded();
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
    // Regions: ranked on their last four ACLED weeks, as the API's weekly region series rank them.
    const ner = catalogue.countries.find((c) => c.iso3 === 'NER')!;
    const regionDocs = await Promise.all(
      ner.admin1.map((r) => api<WeekSeries>(`${SERIES}&admin1=${r.slug}&unit=week&from=${rankingFromWeek(ner.weeks!.to)}`)),
    );
    const ranking = regionWeekRanking(regionDocs);
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

  it('country: every country’s map draws every region of the catalogue (but the one without an outline), ranked as the API', async () => {
    for (const c of catalogue.countries) {
      await page.goto(`${worker!.url}/?view=country&country=${c.iso3}&category=political_violence&measure=fatalities`);
      await settled(page);
      // The regions load when their section comes near the screen.
      await page.locator('#regions').scrollIntoViewIfNeeded();
      await page.waitForSelector('#regions-body table');
      await page.locator('#map-chart').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.getElementById('map-chart')?.dataset.drawn !== undefined, undefined, { timeout: 30_000 });
      const drawn = (await page.locator('#map-chart').getAttribute('data-drawn'))!.split(' ');
      const missing = c.admin1.filter((r) => !drawn.includes(`${c.iso3}:${r.slug}`)).map((r) => r.slug);
      expect(missing, c.iso3).toEqual(c.iso3 === 'NGA' ? ['gulf-of-guinea'] : []);
      expect(drawn.length, c.iso3).toBe(c.admin1.length - missing.length);
      const docs = await Promise.all(
        c.admin1.map((r) =>
          api<WeekSeries>(
            `/api/v1/series?country=${c.iso3}&admin1=${r.slug}&category=political_violence&measure=fatalities&unit=week&from=${rankingFromWeek(c.weeks!.to)}`,
          ),
        ),
      );
      const rows = await page
        .locator('#regions-body tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-region'), tr.getAttribute('data-value')]));
      expect(rows, c.iso3).toEqual(regionWeekRanking(docs).rows.map((r) => [r.slug, String(r.value)]));
      expect(await page.locator('#map-caption').textContent()).toContain('Region outlines:');
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('country: a region with weekly counts only (a Nigerian state) is chosen, its weekly chart is the API’s, and the page says why no monthly chart', async () => {
    const nga = catalogue.countries.find((c) => c.iso3 === 'NGA')!;
    const only = nga.admin1.filter((r) => (r.categories ?? []).length === 0).map((r) => r.slug);
    expect(only).toContain('borno');
    await page.goto(`${worker!.url}/?view=country&country=NGA&category=political_violence&measure=events`);
    await settled(page);
    await page.locator('#admin1').selectOption('borno');
    await page.waitForURL((u) => u.searchParams.get('admin1') === 'borno');
    await settled(page);
    for (const id of ['line', 'change', 'composition']) expect(await page.locator(`#fig-${id}`).isHidden(), id).toBe(true);
    expect((await page.locator('#view-heading').textContent())?.trim()).toBe(
      'Political violence in Borno (Nigeria): events per ACLED week',
    );
    expect(await page.locator('#series-notes li').allTextContents()).toEqual([
      'Borno (Nigeria) has ACLED weekly counts only: no monthly series, so no monthly chart, month-over-month change or event types by month. Its weekly series is charted below.',
    ]);
    const doc = await api<WeekSeries>(
      `/api/v1/series?country=NGA&admin1=borno&category=political_violence&measure=events&unit=week&from=${addWeeks(nga.weeks!.to, -103)}`,
    );
    expect(doc.series.admin1?.slug).toBe('borno');
    expect((await page.locator('#weekly-summary').textContent())?.trim()).toBe(weekSummary(doc));
    await page.locator('#weekly-chart').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.getElementById('weekly-chart')?.getAttribute('style') ?? '').includes('display: block'));
    await openTable(page, 'weekly');
    const values = await page.locator('#weekly-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent));
    expect(values).toEqual(doc.points.map((p) => fmtNum(p.value)));
    // The URL keeps the choice.
    await page.reload();
    await settled(page);
    expect(await page.locator('#admin1').inputValue()).toBe('borno');
    expect(await page.locator('#fig-line').isHidden()).toBe(true);
    // No months to choose for it: the month fields are disabled (enabled again for the country).
    for (const id of ['#from', '#to', '#reset-range']) expect(await page.locator(id).isDisabled(), id).toBe(true);
    // A weekly-only region is picked from the ranking too; the country total shows the monthly charts again.
    await page.goto(`${worker!.url}/?view=country&country=NGA&category=political_violence&measure=events`);
    await settled(page);
    expect(await page.locator('#fig-line').isHidden()).toBe(false);
    for (const id of ['#from', '#to', '#reset-range']) expect(await page.locator(id).isDisabled(), id).toBe(false);
    await page.locator('#regions').scrollIntoViewIfNeeded();
    await page.locator('#regions-body tr[data-region="zamfara"] button').click();
    await page.waitForURL((u) => u.searchParams.get('admin1') === 'zamfara');
    await settled(page);
    expect(await page.locator('#admin1').inputValue()).toBe('zamfara');
    expect(await page.locator('#series-notes').textContent()).toContain('Zamfara (Nigeria) has ACLED weekly counts only');
    // And from the map: a click on Kano charts Kano.
    await page.goto(`${worker!.url}/?view=country&country=NGA&category=political_violence&measure=events`);
    await settled(page);
    await page.locator('#regions').scrollIntoViewIfNeeded();
    await page.locator('#map-chart').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('map-chart')?.dataset.drawn !== undefined, undefined, { timeout: 30_000 });
    // Kano's place on the map, from the map's own chart (a string: the test runner would rewrite a function's import()).
    const at = (await page.evaluate(`(async () => {
      const href = performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.includes('/chunks/map-'));
      const { mapsOn } = await import(href);
      const chart = mapsOn().find((c) => c.canvas === document.getElementById('map-chart'));
      const p = chart.getDatasetMeta(0).data[chart.data.labels.indexOf('Kano')].getCenterPoint();
      return { x: p.x, y: p.y };
    })()`)) as { x: number; y: number };
    await page.locator('#map-chart').click({ position: at });
    await page.waitForURL((u) => u.searchParams.get('admin1') === 'kano');
    await settled(page);
    expect(await page.locator('#admin1').inputValue()).toBe('kano');
    expect(problems).toEqual([]);
  }, 120_000);

  it('compare in ACLED weeks: the card equals the API’s; switching to months says the span changed', async () => {
    const q = '?view=compare&country=NGA&category=political_violence&measure=events&admin1=borno&unit=week';
    await page.goto(`${worker!.url}/${q}`);
    await page.waitForSelector('#compare-card');
    const u = new URL(page.url());
    const nga = catalogue.countries.find((c) => c.iso3 === 'NGA')!;
    const start = addWeeks(nga.weeks!.to, -3);
    expect(u.searchParams.get('after')).toBe(`${start}..${weekEnd(nga.weeks!.to)}`);
    expect(u.searchParams.get('before')).toBe(`${addWeeks(start, -4)}..${addDays(start, -1)}`);
    const r = await api<CompareResult>(
      `/api/v1/compare?country=NGA&admin1=borno&category=political_violence&measure=events&before=${u.searchParams.get('before')}&after=${u.searchParams.get('after')}`,
    );
    expect(r.after.counts).toBe('weekly');
    expect((await page.locator('#compare-sentence').textContent())?.trim()).toBe(r.sentence);
    expect(await page.locator('#compare-card .verdict .trend').getAttribute('data-band')).toBe(r.trend!.band);
    expect(await page.locator('#unit-week').isChecked()).toBe(true);
    // The N weeks before "after": trailing8w, resolved into its days.
    await page.fill('#trailing-weeks', '8');
    await page.locator('#trailing-weeks').press('Tab');
    await page.waitForURL((x) => x.searchParams.get('before') === `${addWeeks(start, -8)}..${addDays(start, -1)}`);
    await page.waitForSelector('#compare-card');
    // To months: Nigeria's monthly series end before these weeks; the page says so and goes to its latest complete month.
    await page.locator('input[name="unit"][value="month"]').check();
    const lastMonth = nga.categoryMonths?.political_violence?.to ?? nga.months.to;
    await page.waitForURL((x) => x.searchParams.get('unit') === null && x.searchParams.get('after') === lastMonth);
    expect(await page.locator('#unit-change').textContent()).toContain(`monthly series end in ${monthLabel(lastMonth)}`);
    await page.waitForSelector('#compare-card');
    expect(problems).toEqual([]);
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
    // Mali's regions have no monthly battles but have weekly counts: the Country view offers them (their weekly series).
    const mli = catalogue.countries.find((c) => c.iso3 === 'MLI')!;
    expect(await page.locator('#admin1').isDisabled()).toBe(false);
    expect(await page.locator('#admin1 option').allTextContents()).toEqual([en.allRegions, ...mli.admin1.map((r) => en.region(r.name))]);
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
    // Compared in months, they have no series: the field stays (so nothing moves), disabled, and says so.
    expect(await page.locator('#admin1').isDisabled()).toBe(true);
    expect(await page.locator('#admin1 option').allTextContents()).toEqual(['Country total (regions: weekly only)']);
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('view') === 'country');
    expect(problems).toEqual([]);
  });

  it('the keyboard reaches every control, with a visible focus ring', async () => {
    await page.goto(`${worker!.url}/?view=country&country=NER`);
    await settled(page);
    // The regions load when their section comes near the screen.
    await page.locator('#regions').scrollIntoViewIfNeeded();
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

  it('the keyboard reaches the new controls: the Sahel map’s measure, the weeks unit and the N weeks; arrows switch the measure', async () => {
    const mark = (selector: string) =>
      page.evaluate((sel) => {
        const els = [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.offsetParent !== null);
        els.forEach((e, i) => {
          e.setAttribute('data-kb', String(i));
        });
        return els.length;
      }, selector);
    await page.goto(`${worker!.url}/?view=overview`);
    await settled(page);
    // The map's weeks are enabled by the map's code, loaded when the map comes near the screen.
    await page.locator('#sahel-regions').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('sahel-map-chart')?.dataset.drawn !== undefined, undefined, {
      timeout: 60_000,
    });
    expect(
      await mark(
        'input[name="sahel-measure"]:checked, #sahel-weeks, #sahel-from, #sahel-to, #sahel-weeks-apply, #sahel-map-csv, #sahel-map-png',
      ),
    ).toBe(7);
    const walk = await tabThrough(page, 7, 400);
    expect(walk.reached.size).toBe(7);
    expect(walk.ringless.filter((x) => !x.includes('type="radio"'))).toEqual([]);
    // The weeks are chosen from the keyboard: the select's arrows, then the URL follows.
    await page.locator('#sahel-weeks').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((u) => u.searchParams.get('mapweeks') === 'last12');
    // Arrows move within the radio group: the map's measure changes, and the URL with it.
    await page.locator('input[name="sahel-measure"]:checked').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.searchParams.get('measure') === 'fatalities');
    await page.waitForFunction(
      () => /reported fatalities/.test(document.getElementById('sahel-map-summary')?.textContent ?? ''),
      undefined,
      {
        timeout: 60_000,
      },
    );

    await page.goto(`${worker!.url}/?view=compare&country=NGA&category=political_violence&measure=events&unit=week`);
    await page.waitForSelector('#compare-card');
    expect(await mark('input[name="unit"]:checked, #trailing-weeks, #before-from, #after-to')).toBe(4);
    const walk2 = await tabThrough(page, 4, 200);
    expect(walk2.reached.size).toBe(4);
    expect(walk2.ringless.filter((x) => !x.includes('type="radio"'))).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

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
