/**
 * The dashboard in French, in Chromium against the real Worker: a French browser gets the French
 * page on its first visit; the header's switch changes the language and `<html lang>`, is
 * remembered, and the URL's `lang` wins over the memory; `lang=fr` survives share links and
 * embeds; and no English word of the page's English catalogues is left on any view in French
 * (overview with its map and claims, country view, compare, a claim checked): the rendered text
 * and the aria-label, title, alt and placeholder attributes are scanned. The quoted claims stay in
 * the language they were said in (marked with `lang`), with a translation marked as such beside
 * them. The keyboard walk is done in French too.
 *
 * Without /usr/bin/chromium the suite is skipped, unless CI is set: then it fails. E2E_URL runs it
 * against a Worker already running (e.g. `npm start`'s) instead of starting one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import ts from 'typescript5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../model/claim.ts';
import { REFRESH_KEY } from '../../model/keys.ts';
import { REFRESH_FAILURE_WORDS } from '../../model/refresh-failures.ts';
import type { RefreshRun } from '../../model/types.ts';
import { tabThrough } from './keyboard.ts';
import { CHROMIUM, CHROMIUM_FLAGS, ROOT, type RunningWorker, startWorker } from './server.ts';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP = !HAVE_CHROMIUM && !process.env.CI;
const SKIP_REASON = `${CHROMIUM} not found (apt-get install chromium); skipped because CI is not set`;
if (SKIP) console.warn(`e2e French tests SKIPPED: ${SKIP_REASON}`);

/** The words of a catalogue's string and template literals (their text, not the code in `${...}`), four letters or more. */
function literalWords(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const words = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) {
      // Import paths and ids compared in code ('events') are not text.
      const p = node.parent;
      const compared =
        ts.isBinaryExpression(p) &&
        [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind);
      if (!ts.isImportDeclaration(p) && !compared)
        for (const w of node.text.replace(/\/api\/v1\/[\w./?=&-]*/g, ' ').match(/[A-Za-z]{4,}/g) ?? []) words.add(w.toLowerCase());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return words;
}

/**
 * English words that must not appear on a French page: every word of the English catalogues (the
 * code's messages, the lazily loaded parts' messages, the static page) that the French catalogue
 * does not use itself, less proper nouns, codes and words French shares with English.
 */
const ALLOWED = new Set(
  [
    // Names and codes: the project, the data, the places, formats.
    'sahel',
    'pulse',
    'acled',
    'acleddata',
    'burkina',
    'faso',
    'niger',
    'nigeria',
    'mali',
    'json',
    'openapi',
    'iframe',
    'ctrl',
    'https',
    'html',
    // Words spelt the same in both languages.
    'source',
    'sources',
    'total',
    'stable',
    'violence',
    'note',
    'page',
    'catalogue',
    'test',
    'version',
    'date',
    'region',
    'ratio',
    'data',
  ].map((w) => w.toLowerCase()),
);
const FRENCH = new Set([...literalWords('web/src/messages-fr.ts'), ...literalWords('web/src/page-fr.ts')]);
/** The words of texts, four letters or more, lower-cased. */
const wordsOf = (texts: string[]) => new Set(texts.flatMap((t) => t.match(/[A-Za-z]{4,}/g) ?? []).map((w) => w.toLowerCase()));
/** Texts the data gives in both languages: a refresh failure's reason, who made each headline claim. */
const CLAIMS = JSON.parse(readFileSync(path.join(ROOT, 'data/claims.json'), 'utf8')) as Claim[];
const DATA_EN = wordsOf([...Object.values(REFRESH_FAILURE_WORDS.en), ...CLAIMS.map((c) => c.claimant.name)]);
const DATA_FR = wordsOf([...Object.values(REFRESH_FAILURE_WORDS.fr), ...CLAIMS.map((c) => c.fr?.claimant ?? '')]);
const ENGLISH = new Set(
  [
    ...literalWords('web/src/messages.ts'),
    ...literalWords('web/src/messages-more.ts'),
    ...literalWords('web/src/messages-page.ts'),
    ...[...DATA_EN].filter((w) => !DATA_FR.has(w)),
  ].filter((w) => !FRENCH.has(w) && !ALLOWED.has(w)),
);

/** A failed refresh, as the scheduled Workflow records it (data/refresh/steps.ts), for the footer's line. */
const FAILED_RUN: RefreshRun = {
  at: '2099-12-02T06:00:00.000Z',
  by: 'workflow',
  window: { since: '2026-03-01', through: '2026-04-22' },
  countries: ['BFA', 'TCD', 'MLI', 'NER', 'NGA'],
  rows: { read: 0, accepted: 0, rejected: 0, duplicates: 0, byReason: {} },
  outcome: 'failed',
  reason: REFRESH_FAILURE_WORDS.en['no-access'],
  code: 'no-access',
  version: null,
};

describe.skipIf(SKIP)(SKIP ? `French dashboard (skipped: ${SKIP_REASON})` : 'the dashboard in French, in Chromium', () => {
  let worker: RunningWorker | null = null;
  let browser: Browser | null = null;
  const problems: string[] = [];

  const watch = (p: Page) => {
    p.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };

  /** A page in a fresh context (nothing remembered), with the browser's language. */
  const open = async (locale = 'en-GB') => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale });
    const page = await context.newPage();
    watch(page);
    return page;
  };

  /** Until nothing in the shown view is loading, and the footer has the dataset. */
  const settled = (p: Page) =>
    p.waitForFunction(() => {
      const view = [...document.querySelectorAll<HTMLElement>('section.view')].find((s) => !s.hidden);
      if (!view) return false;
      const busy = [...view.querySelectorAll('.summary, .loading, #compare-result')].some(
        (e) =>
          (e as HTMLElement).offsetParent !== null && /Loading…|Comparing…|Chargement…|Comparaison…|Vérification/.test(e.textContent ?? ''),
      );
      return !busy && (document.querySelector('#dataset-version')?.textContent ?? '') !== '';
    });

  /** The failed run in the Worker's KV (wrangler's local state), or null when the Worker is not ours (E2E_URL). */
  const putRun = (run: RefreshRun | Omit<RefreshRun, 'code'>): boolean => {
    if (!worker?.persistDir) return false;
    const target = ['--binding', 'SAHEL_KV', '--local', '--persist-to', worker.persistDir];
    execFileSync('wrangler', ['kv', 'key', 'put', REFRESH_KEY, JSON.stringify(run), ...target], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      stdio: 'ignore',
    });
    return true;
  };
  let failedRun = false;

  /** Scroll the whole page (charts, the map and the claims load when near the screen), and open every details. */
  const loadEverything = async (p: Page) => {
    await settled(p);
    // The footer's last refresh (a failure, set in beforeAll) comes after the first view.
    if (failedRun) await p.waitForSelector('#last-refresh');
    const height = await p.evaluate(() => document.body.scrollHeight);
    for (let y = 0; y < height; y += 500) {
      await p.evaluate((top) => window.scrollTo(0, top), y);
      await p.waitForTimeout(60);
    }
    await p.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    // The rendered text on purpose: the views not shown keep their "Chargement…" until opened.
    // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered counts here.
    await p.waitForFunction(() => !/Chargement|Loading/.test(document.body.innerText));
  };

  /**
   * The page's visible words and its aria-label, title, alt and placeholder attributes, less what
   * stays in another language on purpose: elements marked with another `lang` (the quoted claims,
   * the switch's "EN", who made a headline claim and the sources' names, which the data gives in
   * English), and request paths.
   */
  const pageText = (p: Page) =>
    p.evaluate(() => {
      const skip = (el: Element | null) => el?.closest('[lang]:not(html)[lang="en"], code, script, style, noscript');
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || skip(el) || el.closest('[hidden]')) continue;
        if (n.textContent?.trim()) out.push(n.textContent.trim());
      }
      for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
        if (skip(el)) continue;
        for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
          const v = el.getAttribute(a);
          if (v) out.push(v);
        }
      }
      out.push(document.title);
      return out;
    });

  /** English words on the page, each with the text it was found in. */
  const leaks = (texts: string[]) =>
    texts.flatMap((text) =>
      (
        text
          // A citation quotes the claim as said, its translation marked beside it: « ... » (traduction : « ... »).
          .replace(/« [^»]* »(?= \(traduction : )/g, ' ')
          // API paths are code.
          .replace(/\/api\/v1\/[\w./?=&-]*/g, ' ')
          .match(/[A-Za-z]{4,}/g) ?? []
      )
        .filter((w) => ENGLISH.has(w.toLowerCase()))
        .map((w) => `${w} in “${text.slice(0, 160)}”`),
    );

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing and CI is set: install Debian's chromium (apt-get install -y chromium)`);
    // E2E_URL: a Worker already running (`npm start`), to iterate without rebuilding the dataset.
    const running = process.env.E2E_URL;
    worker = running ? { url: running, persistDir: '', stop: async () => undefined } : await startWorker();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    // Every view's scan then meets the footer's line on a failed refresh.
    failedRun = putRun(FAILED_RUN);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  }, 30_000);

  it('the English catalogues give the scan words to look for', () => {
    // The scan is only as good as its list: it holds the page's own English words.
    for (const w of ['loading', 'events', 'reported', 'fatalities', 'weeks', 'provisional', 'holds', 'claims', 'download', 'region'])
      if (!ALLOWED.has(w)) expect(ENGLISH, w).toContain(w);
    expect(ENGLISH.size).toBeGreaterThan(200);
  });

  it('a French browser gets the French page on its first visit; the URL then carries lang=fr', async () => {
    const page = await open('fr-FR');
    await page.goto(`${worker!.url}/`);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.locator('#view-heading').textContent()).toBe('Cinq pays du Sahel côte à côte');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    // Numbers and dates in French: "août 2023"-style months, narrow no-break space before %.
    expect(await page.locator('#freshness').textContent()).toMatch(/^Données jusqu’au \d{1,2} [a-zéû]+ 20\d\d/);
    expect(await page.locator('.ov-trend .note').first().textContent()).toMatch(/\u202f%\)/);
    await page.context().close();
    // An English browser gets English.
    const en = await open('en-GB');
    await en.goto(`${worker!.url}/`);
    await settled(en);
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new URL(en.url()).searchParams.has('lang')).toBe(false);
    await en.context().close();
  });

  it("paints the page's static words in French from the first paint, before the app's French is in", async () => {
    const page = await open('fr-FR');
    // Hold the app's French messages back: the static words must not wait for them.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(/\/chunks\/messages-fr-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // And make /boot-fr.js slow: nothing may be painted before it has run (blocking="render").
    await page.route('**/boot-fr.js', async (route) => {
      await new Promise((r) => setTimeout(r, 500));
      await route.continue();
    });
    await page.goto(`${worker!.url}/?lang=fr`);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      script: (performance.getEntriesByName(`${location.origin}/boot-fr.js`)[0] as PerformanceResourceTiming).responseEnd,
    }));
    expect(timing.paint).toBeGreaterThanOrEqual(timing.script);
    expect(await page.locator('.skip-link').textContent()).toBe('Aller au contenu');
    const tagline = page.locator('.tagline');
    expect(await tagline.evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
    expect(await tagline.textContent()).not.toMatch(/\b(the|and|of)\b/);
    release();
    await settled(page);
    await page.context().close();
  });

  it('should /boot-fr.js fail, keeps the English static words hidden in place until the app puts the French', async () => {
    const page = await open('fr-FR');
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/boot-fr.js', (route) => route.abort());
    await page.route(/\/chunks\/messages-fr-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${worker!.url}/?lang=fr`);
    const tagline = page.locator('.tagline');
    const box = await tagline.boundingBox();
    expect(await tagline.evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
    release();
    await settled(page);
    expect(await tagline.evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
    expect(await page.evaluate(() => document.documentElement.classList.contains('translating'))).toBe(false);
    expect(await page.locator('.skip-link').textContent()).toBe('Aller au contenu');
    // Hidden, not removed: the line kept its place.
    expect((await tagline.boundingBox())?.y).toBe(box?.y);
    await page.context().close();
  });

  it('the switch changes the language and <html lang>, is remembered, and the URL wins over the memory', async () => {
    const page = await open('en-GB');
    await page.goto(`${worker!.url}/?view=country&country=MLI`);
    await settled(page);
    const fr = page.locator('.lang-switch a[data-lang="fr"]');
    expect(await fr.getAttribute('aria-label')).toBe('FR, Français');
    expect(await page.locator('.lang-switch a[aria-current="true"]').getAttribute('data-lang')).toBe('en');
    // A real link, reached and followed with the keyboard.
    await fr.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await settled(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('fr');
    // The view is kept.
    expect(url.searchParams.get('view')).toBe('country');
    expect(url.searchParams.get('country')).toBe('MLI');
    expect(await page.locator('.lang-switch a[aria-current="true"]').getAttribute('data-lang')).toBe('fr');
    expect(await page.locator('label:has(#country) > span').textContent()).toBe('Pays');
    // Remembered: a link without lang opens in French.
    await page.goto(`${worker!.url}/?view=compare`);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.locator('#view-heading').textContent()).toBe('Comparer deux périodes');
    // The URL wins over the memory, and stays in the URL so that a reload keeps it.
    await page.goto(`${worker!.url}/?lang=en`);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.reload();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Back to English with the switch: remembered too.
    await page.goto(`${worker!.url}/?lang=fr`);
    await settled(page);
    await page.locator('.lang-switch a[data-lang="en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.goto(`${worker!.url}/`);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('#view-heading').textContent()).toBe('Five Sahel countries side by side');
    await page.context().close();
  });

  it('lang=fr survives the share link and the embed code, and the embed opens in French', async () => {
    const page = await open('en-GB');
    await page.goto(`${worker!.url}/?view=country&country=NER&lang=fr`);
    await settled(page);
    const link = await page.locator('#share-link').inputValue();
    expect(new URL(link).searchParams.get('lang')).toBe('fr');
    const embed = await page.locator('#embed-code').inputValue();
    const src = embed.match(/src="([^"]+)"/)?.[1] ?? '';
    expect(src).toContain('/embed?');
    expect(new URL(src.replace(/&amp;/g, '&')).searchParams.get('lang')).toBe('fr');
    // The navigation keeps it too.
    await page.locator('.views-nav a[data-view="compare"]').click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'compare');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    // The embed, in an English browser with nothing remembered, is French.
    const other = await open('en-GB');
    await other.goto(src.replace(/&amp;/g, '&'));
    await settled(other);
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await other.locator('#open-full').textContent()).toBe('Ouvrir dans Sahel Pulse');
    expect(new URL((await other.locator('#open-full').getAttribute('href')) ?? '', worker!.url).searchParams.get('lang')).toBe('fr');
    await other.context().close();
    await page.context().close();
  });

  const VIEWS: [string, string][] = [
    ['the overview, its map and the claims', '/?lang=fr'],
    ['the country view', '/?view=country&country=TCD&lang=fr'],
    ['a region with weekly counts only', '/?view=country&country=NGA&admin1=borno&lang=fr'],
    ['the Sahel map over a range of weeks', '/?mapweeks=2023-07-22..2023-08-25&lang=fr'],
    ['the compare view', '/?view=compare&country=NER&before=2023-07&after=2023-08&lang=fr'],
    [
      'a claim checked',
      '/?view=compare&country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08&relation=ratio_gte&threshold=4&readings=both&lang=fr',
    ],
  ];

  for (const [name, url] of VIEWS) {
    it(`no English word on ${name} in French`, async () => {
      problems.length = 0;
      const page = await open('en-GB');
      await page.goto(`${worker!.url}${url}`);
      await loadEverything(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      const texts = await pageText(page);
      expect(texts.join(' ').length).toBeGreaterThan(500);
      expect(leaks(texts)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it("the footer gives a failed refresh's reason in French, and an old record's English reason marked as English", async (ctx) => {
    if (!failedRun) ctx.skip();
    const page = await open('fr-FR');
    await page.goto(`${worker!.url}/?lang=fr`);
    await settled(page);
    const line = page.locator('#last-refresh');
    await line.waitFor();
    expect(await line.textContent()).toBe(
      'Dernière mise à jour depuis l’API d’ACLED : 2 décembre 2099 (événements du 1er mars 2026 au 22 avril 2026 ; 0 lignes lues, 0 acceptées, 0 rejetées) : échec : ' +
        'ACLED a délivré un jeton mais refusé les données (HTTP 403) : le compte n’a pas encore accès à l’API ; demandez-le dans les paramètres du compte sur acleddata.com' +
        ' ; les données affichées sont inchangées.',
    );
    expect(await line.locator('[lang="en"]').count()).toBe(0);
    // The footer's links to the API ask for French.
    expect(await page.locator('.footer-links a[data-lang-href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/api/v1/catalogue?lang=fr',
      '/api/v1/claims?lang=fr',
    ]);
    expect(leaks([(await line.textContent()) ?? ''])).toEqual([]);
    // The scan would see the English reason: its words are in the list.
    expect(leaks([FAILED_RUN.reason!]).length).toBeGreaterThan(3);
    await page.context().close();

    // A record written before codes existed: its English reason is shown as it is, marked lang="en".
    const { code: _, ...old } = FAILED_RUN;
    putRun(old);
    try {
      const again = await open('fr-FR');
      await again.goto(`${worker!.url}/?lang=fr`);
      await settled(again);
      await again.locator('#last-refresh').waitFor();
      expect(await again.locator('#last-refresh [lang="en"]').textContent()).toBe(FAILED_RUN.reason);
      expect(leaks(await pageText(again))).toEqual([]);
      await again.context().close();
    } finally {
      putRun(FAILED_RUN);
    }
  });

  it('the claim cards say who made each claim in French, not marked English, and the scan reads it', async () => {
    const page = await open('fr-FR');
    await page.goto(`${worker!.url}/`);
    await loadEverything(page);
    const claimants = await page.evaluate(() =>
      [...document.querySelectorAll('#claims-list .card .claimant')].map((e) => ({
        lang: e.closest('[lang]')?.getAttribute('lang'),
        text: e.textContent ?? '',
      })),
    );
    expect(claimants.length).toBe(CLAIMS.length);
    for (const c of claimants) expect(c.lang).toBe('fr');
    expect(claimants[0]!.text).toBe(`— ${CLAIMS[0]!.fr!.claimant}`);
    expect(claimants.map((c) => c.text)).toContain(`— ${CLAIMS.find((c) => c.id === 'burkina-deaths-2023')!.fr!.claimant}, 2 octobre 2023`);
    expect(leaks(claimants.map((c) => c.text))).toEqual([]);
    // The scan would see the English descriptions: their words are in the list.
    expect(leaks(CLAIMS.map((c) => c.claimant.name)).length).toBeGreaterThan(5);
    await page.context().close();
  });

  it('quoted claims keep their language, marked, with a translation beside them marked as such', async () => {
    const page = await open('fr-FR');
    await page.goto(`${worker!.url}/`);
    await loadEverything(page);
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('#claims-list .card')].map((c) => ({
        quoteLang: c.querySelector('blockquote.quote')?.getAttribute('lang') ?? null,
        quote: c.querySelector('blockquote.quote')?.textContent ?? '',
        translationLang: c.querySelector('.quote-translation')?.getAttribute('lang') ?? null,
        translation: c.querySelector('.quote-translation')?.textContent ?? '',
      })),
    );
    expect(cards.length).toBeGreaterThan(3);
    for (const c of cards) {
      // Each quote is either French already, or English with a French translation beside it.
      if (c.translationLang !== null) {
        expect(c.quoteLang).toBe('en');
        expect(c.translationLang).toBe('fr');
        expect(c.translation).toMatch(/^Traduction : « .+ »/);
      } else expect(c.quoteLang).not.toBe('en');
    }
    expect(cards.filter((c) => c.translationLang === 'fr').length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a failed call says so in French; the API’s English problem is quoted, marked English', async () => {
    const page = await open('fr-FR');
    await page.route('**/api/v1/series?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        headers: { 'content-language': 'en' },
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Service unavailable',
          status: 503,
          detail: 'KV is unreachable (injected by the test)',
        }),
      }),
    );
    await page.goto(`${worker!.url}/?view=country&country=NER&lang=fr`);
    const error = page.locator('#line-summary .error');
    await error.waitFor();
    expect(await error.locator('.error-title').textContent()).toMatch(/^Impossible de charger/);
    const quoted = error.locator('p', { hasText: 'KV is unreachable' });
    expect(await quoted.getAttribute('lang')).toBe('en');
    await page.context().close();
  });

  it('the keyboard reaches every control of the country view in French', async () => {
    const page = await open('fr-FR');
    await page.goto(`${worker!.url}/?view=country&country=NER`);
    await settled(page);
    await page.locator('#regions').scrollIntoViewIfNeeded();
    await page.waitForSelector('#regions-body table');
    const wanted = await page.evaluate(() => {
      const els = [
        ...document.querySelectorAll<HTMLElement>(
          '.views-nav a, .lang-switch a, #controls select, #controls input, #controls button, .fig-tools a, .fig-tools button, details > summary, #regions-body button',
        ),
      ].filter(
        (e) =>
          e.offsetParent !== null &&
          !(e as HTMLButtonElement).disabled &&
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
    expect(walk.ringless.filter((x) => !x.includes('type="radio"'))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.context().close();
  });
});
