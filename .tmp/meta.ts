import { build } from 'esbuild';
import path from 'node:path';
import { modulePreloads } from '/work/wt15/web/preload.ts';
const r = await build({ entryPoints: { app: 'web/src/app.ts' }, outdir: '/tmp/metaout', entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', splitting: true, bundle: true, format: 'esm', platform: 'browser', target: ['es2022'], minify: true, metafile: true, write: false, legalComments: 'linked' });
const first = new Set(['app.js', ...modulePreloads(r.metafile, '/tmp/metaout').map((m) => m.file)]);
const by: Record<string, number> = {};
for (const [f, o] of Object.entries(r.metafile.outputs)) {
  if (!first.has(path.relative('/tmp/metaout', path.resolve(f)))) continue;
  for (const [i, x] of Object.entries(o.inputs)) by[i] = (by[i] ?? 0) + x.bytesInOutput;
}
for (const [i, b] of Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(b, i);
