/**
 * Checking a claim in the Compare view, in Chromium against `wrangler dev` on the real dataset:
 * the check's dashboard URL is its permalink page (the verdict card equals /api/v1/check's answer
 * for the same query), the claim cards open their checks, controls push history and back/forward
 * restore it, an ill-formed claim shows the API's problem detail at the fields, the keyboard
 * reaches every new control, embed mode shows the card alone. Screenshots at 1280 and 360 px are
 * written to test-results/.
 *
 * Without /usr/bin/chromium the suite is skipped, unless CI is set: then it fails.
 *
 * One file (about 450 lines) on purpose: each e2e file starts its own `wrangler dev` and browser
 * (about 30 s), so the check's walk-through shares one server.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../model/api.ts';
import type { ClaimVerdict, ReadingResult } from '../../model/claim.ts';
import { verdictOf } from '../../model/claims.ts';
import { fmtNum } from '../../model/format.ts';
import type { Catalogue, ClaimsDoc, DatasetRef } from '../../model/types.ts';
import { tabThrough } from './keyboard.ts';
import { CHROMIUM, CHROMIUM_FLAGS, ROOT, type RunningWorker, startWorker } from './server.ts';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);
const SKIP = !HAVE_CHROMIUM && !IN_CI;
const SKIP_REASON = `${CHROMIUM} not found (apt-get install chromium); skipped because CI is not set`;
const RESULTS = path.join(ROOT, 'test-results');

/** The permalink of a check: Niger, civilian targeting, events, August 2023 at least 4 times July. */
const CLAIM = 'country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08&relation=ratio_gte&threshold=4';
const PERMALINK = `/?view=compare&${CLAIM}`;

interface CheckDoc {
  dataset: DatasetRef;
  claim: ClaimVerdict;
  permalink: string;
}

if (SKIP) console.warn(`e2e check tests SKIPPED: ${SKIP_REASON}`);

describe.skipIf(SKIP)(SKIP ? `checking a claim (skipped: ${SKIP_REASON})` : 'checking a claim in Chromium', () => {
  let worker: RunningWorker | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext;
  let page: Page;
  let catalogue: Catalogue;
  let claims: ClaimsDoc;
  const problems: string[] = [];

  const api = async <T>(p: string, status = 200): Promise<T> => {
    const res = await fetch(`${worker!.url}${p}`);
    expect(res.status, `${p} status`).toBe(status);
    return (await res.json()) as T;
  };

  const watch = (p: Page) => {
    p.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
  };

  /** Open a dashboard URL and wait for the compare view's result: a card or a problem. */
  const open = async (p: Page, url: string) => {
    await p.goto(`${worker!.url}${url}`);
    await p.waitForSelector('#check-card, #compare-card, #check-problem');
  };

  /** What the card shows for each reading: measure, holds, the values compared, and the first two figures as text. */
  const cardReadings = (p: Page, card = '#check-card') =>
    p.locator(`${card} li.reading`).evaluateAll((lis) =>
      lis.map((li) => ({
        measure: li.getAttribute('data-measure'),
        holds: li.getAttribute('data-holds'),
        before: li.getAttribute('data-before-value'),
        after: li.getAttribute('data-after-value'),
        shown: [...li.querySelectorAll('.figures dd')].slice(0, 2).map((d) => d.textContent),
        caveats: [...li.querySelectorAll('.caveats li')].map((d) => d.textContent),
      })),
    );
  const expected = (rs: readonly ReadingResult[]) =>
    rs.map((r) => ({
      measure: r.measure,
      holds: String(r.holds),
      before: r.beforeValue === null ? null : String(r.beforeValue),
      after: r.afterValue === null ? null : String(r.afterValue),
      shown: [r.beforeValue, r.afterValue].filter((v): v is number => v !== null).map((v) => fmtNum(v)),
      caveats: r.caveats,
    }));

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing and CI is set: install Debian's chromium (apt-get install -y chromium)`);
    worker = await startWorker();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    catalogue = await api<Catalogue>('/api/v1/catalogue');
    claims = await api<ClaimsDoc>('/api/v1/claims');
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.url });
    page = await context.newPage();
    watch(page);
    await mkdir(RESULTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  }, 30_000);

  it('the check’s URL is its permalink page: the card’s verdict and numbers equal /api/v1/check’s for the same query', async () => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/check'),
      page.goto(`${worker!.url}${PERMALINK}`),
    ]);
    await page.waitForSelector('#check-card');
    expect(new URL(page.url()).search).toBe(PERMALINK.slice(1));
    const want = await api<CheckDoc>(`/api/v1/check?${CLAIM}`);
    const card = page.locator('#check-card');
    expect(await card.locator('.verdict').getAttribute('data-verdict')).toBe(want.claim.verdict);
    expect((await card.locator('.verdict-label').textContent())?.trim()).toBe(want.claim.verdictLabel);
    expect((await card.locator('.claim-summary').textContent())?.trim()).toBe(want.claim.summary);
    expect(await cardReadings(page)).toEqual(expected(want.claim.readings));
    const change = want.claim.readings[0]!.change!;
    expect(await card.locator('.figures').first().textContent()).toContain(`${change.ratio}x`);

    // The page asked the API for exactly this claim (worded in plain language) and shows its answer.
    const got = (await response.json()) as CheckDoc;
    expect(new URL(response.url()).searchParams.get('wording')).toBe('at least 4 times');
    expect(got.claim.readings.map((r) => [r.beforeValue, r.afterValue, r.holds])).toEqual(
      want.claim.readings.map((r) => [r.beforeValue, r.afterValue, r.holds]),
    );
    expect((await card.locator('.quote').textContent())?.trim()).toBe(`“${got.claim.quote}”`);
    expect((await card.locator('.citation-text').textContent())?.trim()).toBe(got.claim.citation);
    expect((await card.locator('li.reading .reading-head').first().textContent())?.trim()).toContain(got.claim.readings[0]!.sentence);

    // Credit, version and as-of; links to the pinned API answer and to this view.
    const credit = await card.locator('.credit-line').textContent();
    expect(credit).toContain(catalogue.dataset.credit);
    expect(credit).toContain(catalogue.dataset.version);
    expect(await card.locator('a.api-link').getAttribute('href')).toBe(got.permalink);
    expect(new URL(got.permalink, worker!.url).searchParams.get('version')).toBe(catalogue.dataset.version);
    const pinned = await api<CheckDoc>(got.permalink);
    expect(pinned.claim.verdict).toBe(want.claim.verdict);
    expect(await card.locator('a.view-link').getAttribute('href')).toBe(PERMALINK);

    // The trend band of the chart's measure, from the check's reading, is the compare route's.
    const cmp = await api<{ trend: { band: string } }>(`/api/v1/compare?${CLAIM.replace(/&relation=.*$/, '')}`);
    expect(await card.locator('.card-band .trend').getAttribute('data-band')).toBe(cmp.trend.band);

    // The share box gives this link and the /embed snippet.
    expect(await page.locator('#share-link').inputValue()).toBe(`${worker!.url}${PERMALINK}`);
    expect(await page.locator('#embed-code').inputValue()).toContain(`${worker!.url}/embed${PERMALINK.slice(1)}`);

    // Copy citation puts the citation on the clipboard.
    await card.locator('button.copy-citation').click();
    await expect.poll(() => card.locator('.copy-status').textContent()).toBe('Citation copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(got.claim.citation);
    expect(problems).toEqual([]);
  });

  it('controls change the claim and push history; back and forward restore each check', async () => {
    await open(page, PERMALINK);
    await page.locator('#both-measures').check();
    await page.waitForURL((u) => u.searchParams.get('readings') === 'both');
    await page.waitForFunction(() => document.querySelectorAll('#check-card li.reading').length === 2);
    const both = await api<CheckDoc>(`/api/v1/check?${CLAIM.replace('measure=events', 'measure=events,fatalities')}`);
    expect(await page.locator('#check-card .verdict').getAttribute('data-verdict')).toBe(both.claim.verdict);
    expect(await cardReadings(page)).toEqual(expected(both.claim.readings));

    await page.locator('#threshold').fill('2');
    await page.locator('#threshold').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('threshold') === '2');
    const two = await api<CheckDoc>(
      `/api/v1/check?${CLAIM.replace('measure=events', 'measure=events,fatalities').replace('threshold=4', 'threshold=2')}`,
    );
    await page.waitForFunction(
      (v) => document.querySelector('#check-card .verdict')?.getAttribute('data-verdict') === v,
      two.claim.verdict,
    );
    expect(await cardReadings(page)).toEqual(expected(two.claim.readings));

    // No relation: the comparison card, as before.
    await page.selectOption('#relation', '');
    await page.waitForURL((u) => !u.searchParams.has('relation'));
    await page.waitForSelector('#compare-card');

    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('threshold') === '2');
    await page.waitForSelector('#check-card');
    expect(await page.locator('#threshold').inputValue()).toBe('2');
    expect(await page.locator('#relation').inputValue()).toBe('ratio_gte');
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('threshold') === '4' && u.searchParams.get('readings') === 'both');
    await page.waitForFunction(
      (v) => document.querySelector('#check-card .verdict')?.getAttribute('data-verdict') === v,
      both.claim.verdict,
    );
    expect(await page.locator('#both-measures').isChecked()).toBe(true);
    await page.goBack();
    await page.waitForURL((u) => u.search === PERMALINK.slice(1));
    await page.waitForFunction(() => document.querySelectorAll('#check-card li.reading').length === 1);
    expect(await page.locator('#both-measures').isChecked()).toBe(false);
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.get('readings') === 'both');
    await page.waitForFunction(() => document.querySelectorAll('#check-card li.reading').length === 2);
    expect(problems).toEqual([]);
  });

  it('each claim card opens its check in Compare, with the claim’s verdict and numbers', async () => {
    await page.goto(`${worker!.url}/`);
    // The claims' cards are drawn when scrolled near.
    await page.locator('#claims-heading').scrollIntoViewIfNeeded();
    await page.locator('article.claim').first().waitFor();
    const links = await page.locator('#claims-list article.claim').evaluateAll((cards) =>
      cards.map((c) => ({
        id: c.getAttribute('data-claim-id')!,
        href: c.querySelector('a.view-link')?.getAttribute('href') ?? null,
        label: c.querySelector('a.view-link')?.textContent ?? '',
      })),
    );
    expect(links.map((l) => l.id)).toEqual(claims.claims.map((c) => c.id));
    for (const c of claims.claims) {
      const link = links.find((l) => l.id === c.id)!;
      expect(link.href, c.id).not.toBeNull();
      const first = c.readings[0]!;
      // The readings the link's check reproduces: the first one's series, periods and relation.
      const same = c.readings.filter(
        (r) =>
          r.country === first.country &&
          r.admin1 === first.admin1 &&
          r.category === first.category &&
          r.before === first.before &&
          r.after === first.after &&
          r.relation.kind === first.relation.kind &&
          r.relation.value === first.relation.value,
      );
      await open(page, link.href!);
      expect(new URL(page.url()).searchParams.get('relation'), c.id).toBe(first.relation.kind);
      const verdict = await page.locator('#check-card .verdict').getAttribute('data-verdict');
      if (same.length === c.readings.length) {
        expect(link.label, c.id).toBe('Open this check in Compare');
        expect(verdict, c.id).toBe(c.verdict);
      } else {
        expect(link.label, c.id).toBe(`Open in Compare (tests ${same.length} of ${c.readings.length} readings)`);
        expect(verdict, c.id).toBe(verdictOf(same));
      }
      const shown = await cardReadings(page);
      expect(
        shown.map(({ measure, holds, before, after }) => ({ measure, holds, before, after })),
        c.id,
      ).toEqual(expected(same).map(({ measure, holds, before, after }) => ({ measure, holds, before, after })));
    }

    // Followed in place: the Compare view opens without a reload, and back returns to the overview.
    await page.goto(`${worker!.url}/`);
    await page.locator('#claims-heading').scrollIntoViewIfNeeded();
    const quad = claims.claims.find((c) => c.id === 'niger-civilians-quadrupled')!;
    await page.locator(`article.claim[data-claim-id="${quad.id}"] a.view-link`).click();
    await page.waitForSelector('#check-card');
    expect(new URL(page.url()).searchParams.get('view')).toBe('compare');
    expect(await page.locator('#check-card .verdict').getAttribute('data-verdict')).toBe(quad.verdict);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('view-heading');
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('view') === 'overview');
    expect(await page.locator('#overview').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('an ill-formed claim shows the API’s problem detail and marks the field; a missing N asks for it', async () => {
    const bad = await context.newPage();
    // The browser itself logs a failed load for the 400: expected here, and the only console line allowed.
    const logged: string[] = [];
    bad.on('console', (m) => logged.push(m.text()));
    bad.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
    try {
      for (const [param, value] of [
        ['threshold', 'abc'],
        ['relation', 'doubled'],
      ] as const) {
        const claim = CLAIM.replace(new RegExp(`${param}=[^&]*`), `${param}=${value}`);
        const problem = await api<Problem>(`/api/v1/check?${claim}`, 400);
        expect(problem.detail).toMatch(new RegExp(`^${param}: `));
        await open(bad, `/?view=compare&${claim}`);
        const box = bad.locator('#check-problem');
        expect((await box.locator('.problem-detail').textContent())?.trim()).toBe(problem.detail);
        expect(await box.getAttribute('role')).toBe('alert');
        expect(await bad.locator(`#${param}`).getAttribute('aria-invalid')).toBe('true');
        expect(await bad.locator(`#${param}`).getAttribute('aria-describedby')).toBe('check-problem');
        expect(await bad.locator(`#${param}`).inputValue()).toBe(value);
        for (const other of ['threshold', 'relation', 'wording'].filter((x) => x !== param))
          expect(await bad.locator(`#${other}`).getAttribute('aria-invalid'), other).toBeNull();
      }
      expect(logged.filter((l) => !/status of 400/.test(l))).toEqual([]);

      // Fixing the field clears the mark and checks the claim.
      await bad.selectOption('#relation', 'ratio_gte');
      await bad.waitForSelector('#check-card');
      expect(await bad.locator('#relation').getAttribute('aria-invalid')).toBeNull();

      // A relation without N: no check yet, a prompt, and the comparison meanwhile.
      let checks = 0;
      bad.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/v1/check') checks++;
      });
      await open(bad, `/?view=compare&${CLAIM.replace('&threshold=4', '')}`);
      expect(await bad.locator('.check-prompt').textContent()).toContain('Enter N for “at least N times”');
      expect(await bad.locator('#compare-card').isVisible()).toBe(true);
      expect(checks).toBe(0);
    } finally {
      await bad.close();
    }
  });

  it('partial months and low baselines are marked on the card with the API’s caveats', async () => {
    // May 2024 is partial for Niger's event-level categories; Tillaberi's attacks on state forces are a low baseline.
    for (const claim of [
      'country=NER&category=civilian_targeting&measure=events&before=2024-04&after=2024-05&relation=pct_decrease_gt&threshold=50',
      'country=NER&admin1=tillaberi&category=attacks_on_state_forces&measure=events&before=2023-07&after=2023-08&relation=ratio_gte&threshold=1.5',
    ]) {
      const want = await api<CheckDoc>(`/api/v1/check?${claim}`);
      await open(page, `/?view=compare&${claim}`);
      expect(await page.locator('#check-card .verdict').getAttribute('data-verdict')).toBe(want.claim.verdict);
      expect(await cardReadings(page)).toEqual(expected(want.claim.readings));
      expect(want.claim.readings[0]!.caveats.length, claim).toBeGreaterThan(0);
      const low = want.claim.readings[0]!.change?.lowBaseline === true;
      expect(
        await page
          .locator('#check-card li.reading')
          .first()
          .evaluate((li) => li.classList.contains('low-baseline')),
      ).toBe(low);
    }
    expect(problems).toEqual([]);
  });

  it('the keyboard reaches and operates the claim’s controls and the card’s tools, with a visible focus ring', async () => {
    await open(page, PERMALINK);
    const wanted = await page.evaluate(() => {
      const els = [
        ...document.querySelectorAll<HTMLElement>(
          '#relation, #threshold, #wording, #both-measures, #check-claim, #check-card a, #check-card button, #check-card summary',
        ),
      ].filter((e) => e.offsetParent !== null);
      els.forEach((e, i) => {
        e.setAttribute('data-kb', String(i));
      });
      return els.length;
    });
    expect(wanted).toBeGreaterThanOrEqual(11);
    const { reached, ringless } = await tabThrough(page, wanted, 120);
    expect(reached.size).toBe(wanted);
    expect(ringless).toEqual([]);

    // Operated from the keyboard alone: a relation by arrow keys, N typed and Enter.
    await page.locator('#relation').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((u) => u.searchParams.get('relation') === 'ratio_gt');
    await page.locator('#threshold').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('threshold') === '2');
    const want = await api<CheckDoc>(`/api/v1/check?${CLAIM.replace('ratio_gte', 'ratio_gt').replace('threshold=4', 'threshold=2')}`);
    await page.waitForFunction(
      (v) => document.querySelector('#check-card .verdict')?.getAttribute('data-verdict') === v,
      want.claim.verdict,
    );
    expect(problems).toEqual([]);
  });

  it('day windows: the coup claim read as the 30 days after against the 30 days before, as /api/v1/check decides it', async () => {
    const days =
      'country=NER&category=political_violence&measure=events&before=2023-06-26..2023-07-25&after=2023-07-27..2023-08-25&relation=pct_increase_gt&threshold=40';
    await open(page, `/?view=compare&${days}&readings=both`);
    const want = await api<CheckDoc>(`/api/v1/check?${days.replace('measure=events', 'measure=events,fatalities')}`);
    expect(await page.locator('#check-card > .verdict').getAttribute('data-verdict')).toBe(want.claim.verdict);
    expect(await cardReadings(page)).toEqual(expected(want.claim.readings));
    expect(await page.locator('#check-card li.reading .figures dt').first().textContent()).toBe('26 June–25 July 2023');
    // The headline claim's alternative reading is this very check.
    const coup = claims.claims.find((c) => c.id === 'niger-coup-political-violence')!;
    expect(coup.alternatives[0]!.readings.map((r) => [r.beforeValue, r.afterValue])).toEqual(
      want.claim.readings.map((r) => [r.beforeValue, r.afterValue]),
    );
    // The period fields are days; switching to months keeps the calendar span.
    expect(await page.locator('input[name="unit"][value="day"]').isChecked()).toBe(true);
    expect([await page.locator('#before-from').getAttribute('type'), await page.locator('#before-from').inputValue()]).toEqual([
      'date',
      '2023-06-26',
    ]);
    expect([await page.locator('#after-from').getAttribute('min'), await page.locator('#after-to').getAttribute('max')]).toEqual([
      catalogue.countries.find((c) => c.iso3 === 'NER')!.days!.from,
      catalogue.countries.find((c) => c.iso3 === 'NER')!.days!.through,
    ]);
    await page.locator('input[name="unit"][value="month"]').check();
    // (26 June-25 July falls in June and July; July is also in "after": "before" ends in June, as the API requires.)
    await page.waitForURL((u) => u.searchParams.get('before') === '2023-06');
    expect(new URL(page.url()).searchParams.get('after')).toBe('2023-07..2023-08');
    expect(await page.locator('#before-from').getAttribute('type')).toBe('month');
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('before') === '2023-06-26..2023-07-25');
    await page.waitForFunction(() => (document.querySelector('#before-from') as HTMLInputElement).type === 'date');
    // A country without daily counts offers months only; choosing it goes back to months.
    await page.locator('#country').selectOption('MLI');
    await page.waitForURL((u) => u.searchParams.get('country') === 'MLI');
    expect(new URL(page.url()).searchParams.get('after')).toBe('2023-07..2023-08');
    expect(await page.locator('#unit-day').isDisabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('embed: the card with minimal chrome; its links leave the frame', async () => {
    const embed = await context.newPage();
    watch(embed);
    try {
      await open(embed, `/embed${PERMALINK.slice(1)}`);
      expect(await embed.locator('.site-header').isHidden()).toBe(true);
      expect(await embed.locator('#controls').isHidden()).toBe(true);
      expect(await embed.locator('#check-card').isVisible()).toBe(true);
      expect(await embed.locator('#check-card a.view-link').getAttribute('target')).toBe('_blank');
      expect(await embed.locator('#check-card a.view-link').getAttribute('href')).toBe(PERMALINK);
      expect(await embed.locator('#credit').textContent()).toBe(catalogue.dataset.credit);
    } finally {
      await embed.close();
    }
    expect(problems).toEqual([]);
  });

  it('saves screenshots of the check at 1280 and 360 px, light and dark; nothing wider than 360 px', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        const ctx = await browser!.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const p = await ctx.newPage();
        watch(p);
        try {
          await open(p, `${PERMALINK}&readings=both`);
          if (width === 360)
            expect(await p.evaluate(() => document.documentElement.scrollWidth), `${scheme} at 360 px`).toBeLessThanOrEqual(360);
          const height = await p.evaluate(() => document.documentElement.scrollHeight);
          await p.setViewportSize({ width, height });
          await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await p.screenshot({ path: path.join(RESULTS, `dashboard-check-${width}-${scheme}.png`) });
        } finally {
          await ctx.close();
        }
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
