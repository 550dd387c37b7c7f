/**
 * Builds the static dashboard into web/dist: bundles web/src/app.ts with esbuild (minified ES
 * modules with source maps, split into chunks: what starts the requests, the app with Chart.js,
 * and the map, loaded on demand; the first two are preloaded by the page, see preload.ts) and
 * web/src/boot.ts (a small classic script run before the first paint), expands the page's
 * placeholders into static markup (so that the layout is in place before any data arrives: no
 * layout shift), and copies the stylesheet, the headers file and the region outlines.
 * The page is written twice: index.html and embed.html (the same page, served with headers that
 * allow framing; see _headers).
 * Usage: node web/build.ts [--no-minify]
 */

import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { COUNTRIES } from '../model/geography.ts';
import { modulePreloads } from './preload.ts';
import { PAGE } from './src/messages-page.ts';

const WEB = import.meta.dirname;
const DIST = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(WEB, 'dist');
const MINIFY = !process.argv.includes('--no-minify');
// Source maps only in development builds (--no-minify): a production build ships none, so the
// source is not served to anyone who asks for app.js.map.
const SOURCEMAP = !MINIFY;
/** Copied as they are. `_headers` sets the security headers Workers static assets send. */
// 404.html: served with status 404 for page paths without a file (wrangler.toml, not_found_handling).
// api-docs.css: the API reference page's stylesheet (the page is rendered by the Worker, worker/docs.ts).
const STATIC_FILES = ['styles.css', 'favicon.svg', '_headers', '404.html', 'api-docs.css'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The key of a figure's title in the page's words (messages-page.ts), so that the French page can replace it. */
function titleKey(title: string): string {
  const key = Object.entries(PAGE).find(([, v]) => v === title)?.[0];
  if (!key) throw new Error(`figure title "${title}" is not in web/src/messages-page.ts`);
  return key;
}

/** One chart's block: title, one-sentence summary, chart, caption, downloads, data table (collapsed). */
export function figure(id: string, title: string, kind: string, level = 3): string {
  const body =
    kind === 'table'
      ? `<div id="${id}-body" class="table-box"><p class="loading" data-t="loading">Loading…</p></div>`
      : `<div class="chart-box chart-box-${kind}"><canvas id="${id}-chart" role="img" aria-label="Loading…" data-ta="aria-label:loading"></canvas></div>`;
  const png =
    kind === 'table' ? '' : `<button type="button" class="button" id="${id}-png" disabled data-t="downloadPng">Download PNG</button>`;
  const table =
    kind === 'table'
      ? ''
      : `<details class="data-table"><summary data-t="dataTable">Data table</summary><div id="${id}-table" class="table-scroll"></div></details>`;
  return `<figure class="chart" id="fig-${id}" aria-labelledby="${id}-title">
  <h${level} id="${id}-title" class="fig-title" data-t="${titleKey(title)}">${esc(title)}</h${level}>
  <p id="${id}-summary" class="summary" data-t="loading">Loading…</p>
  ${body}
  <figcaption id="${id}-caption" class="caption"></figcaption>
  <p class="fig-tools"><a class="button" id="${id}-csv" href="/api/v1/catalogue" download aria-disabled="true" data-t="downloadCsv">Download CSV</a> ${png}</p>
  ${table}
</figure>`;
}

function overviewCards(): string {
  return COUNTRIES.map(
    (c) => `<article class="ov-card" id="ov-${c.iso3}" data-country="${c.iso3}" aria-labelledby="ov-${c.iso3}-name">
  <h2 id="ov-${c.iso3}-name" class="ov-name"><a href="/?view=country&amp;country=${c.iso3}" data-country-link="${c.iso3}">${esc(c.name)}</a></h2>
  <div class="ov-figs" id="ov-${c.iso3}-figs"><p class="loading" data-t="loading">Loading…</p></div>
  ${figure(`ov-${c.iso3}-week-events`, 'Events per ACLED week', 'ov')}
  ${figure(`ov-${c.iso3}-week-fatalities`, 'Reported fatalities per ACLED week', 'ov')}
  ${figure(`ov-${c.iso3}-events`, 'Events per month', 'ov')}
  ${figure(`ov-${c.iso3}-fatalities`, 'Reported fatalities per month', 'ov')}
</article>`,
  ).join('\n');
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out;
}

export function expandPage(html: string): string {
  return html
    .replace('<!--overview-cards-->', overviewCards())
    .replace(/<!--figure:([a-z0-9-]+):([^:]+):([a-z]+):([1-6])-->/g, (_m, id: string, title: string, kind: string, level: string) =>
      figure(id, title, kind, Number(level)),
    );
}

// Files are overwritten in place and stale ones removed afterwards (not emptied first): a running
// `wrangler dev` watches the directory and, seeing index.html vanish, may stop serving `/`.
await mkdir(DIST, { recursive: true });
const before = await listFiles(DIST);

const result = await build({
  entryPoints: { app: path.join(WEB, 'src', 'app.ts') },
  outdir: DIST,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: MINIFY,
  sourcemap: SOURCEMAP,
  legalComments: 'linked',
  // V8's explicit compile hint (Chrome 136+, ignored elsewhere): compile every function of these
  // files while they download, off the main thread, rather than each on its first call on the
  // main thread. Almost all of it runs on load; this halves the first chart's task on a phone.
  banner: { js: '//# allFunctionsCalledOnLoad' },
  logLevel: 'warning',
  metafile: true,
});

/** A classic script of its own (not a module), bundled from web/src/<file>.ts to /<name>.js. */
const classicScript = (name: string, file: string) =>
  build({
    entryPoints: { [name]: path.join(WEB, 'src', file) },
    outdir: DIST,
    entryNames: '[name]',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: MINIFY,
    sourcemap: SOURCEMAP,
    logLevel: 'warning',
    metafile: true,
  });

// boot.js: a classic script (modules wait for the document to be parsed), run before the first
// paint; small, as it blocks rendering.
const boot = await classicScript('boot', 'boot.ts');
// boot-fr.js: the French page's static words, inserted by boot.js on a French page only, before its first paint.
const bootFr = await classicScript('boot-fr', 'boot-fr.ts');
// api-docs.js: the API reference page's script (try each route); the dashboard never loads it.
const docs = await classicScript('api-docs', 'api-docs.ts');

const page = expandPage(await readFile(path.join(WEB, 'index.html'), 'utf8')).replace(
  '<script type="module" src="/app.js"></script>',
  `${modulePreloads(result.metafile, DIST)
    .map((m) => `<link rel="modulepreload" href="/${m.file}"${m.when === 'app' ? ' fetchpriority="low"' : ''} />`)
    .join('\n    ')}\n    <script type="module" src="/app.js"></script>`,
);
await writeFile(path.join(DIST, 'index.html'), page);
await writeFile(path.join(DIST, 'embed.html'), page);
for (const f of STATIC_FILES) await copyFile(path.join(WEB, f), path.join(DIST, f));
await mkdir(path.join(DIST, 'geo'), { recursive: true });
/** Region outlines, one file per country, fetched by the maps when they come near the screen (map.ts). */
const OUTLINES = COUNTRIES.map((c) => path.join('geo', `${c.iso3}-admin1.json`));
for (const f of OUTLINES) await copyFile(path.join(WEB, f), path.join(DIST, f));

// Remove what this build did not write (chunks of earlier builds, files no longer shipped).
const written = new Set([
  ...Object.keys(result.metafile.outputs).map((f) => path.resolve(f)),
  ...Object.keys(boot.metafile.outputs).map((f) => path.resolve(f)),
  ...Object.keys(bootFr.metafile.outputs).map((f) => path.resolve(f)),
  ...Object.keys(docs.metafile.outputs).map((f) => path.resolve(f)),
  ...['index.html', 'embed.html', ...STATIC_FILES, ...OUTLINES].map((f) => path.join(DIST, f)),
]);
for (const f of before) if (!written.has(f)) await rm(f, { force: true });

const js = Object.entries({ ...boot.metafile.outputs, ...result.metafile.outputs, ...docs.metafile.outputs })
  .filter(([file]) => file.endsWith('.js'))
  .map(([file, o]) => `${path.relative(DIST, file)} ${Math.round(o.bytes / 1024)} KiB`);
console.log(
  `${path.relative(process.cwd(), DIST)}: ${js.join(', ')}${MINIFY ? ' (minified)' : ' (not minified)'}; index.html, embed.html, ${STATIC_FILES.join(', ')}, geo/`,
);
