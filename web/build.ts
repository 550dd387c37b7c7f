/**
 * Builds the static dashboard into web/dist: bundles web/src/main.ts with esbuild (minified ES
 * module with a source map) and copies the page, the stylesheet and the headers file.
 * Usage: node web/build.ts
 */
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const WEB = import.meta.dirname;
const DIST = path.join(WEB, 'dist');
/** Copied as they are. `_headers` sets the security headers Workers static assets send. */
const STATIC_FILES = ['index.html', 'styles.css', 'favicon.svg', '_headers'];

// Empty web/dist but keep the directory itself: a running `wrangler dev` watches it.
await mkdir(DIST, { recursive: true });
for (const f of await readdir(DIST)) await rm(path.join(DIST, f), { recursive: true, force: true });

const result = await build({
  entryPoints: [path.join(WEB, 'src', 'main.ts')],
  outfile: path.join(DIST, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});

for (const f of STATIC_FILES) await copyFile(path.join(WEB, f), path.join(DIST, f));

const app = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('app.js'))?.[1].bytes ?? 0;
console.log(`web/dist: app.js (${Math.round(app / 1024)} KiB, minified) + source map, ${STATIC_FILES.join(', ')}`);
