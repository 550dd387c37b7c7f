/**
 * Which modules the page preloads (web/build.ts writes them into index.html as modulepreload
 * links), read from esbuild's metafile. Pure: no file system.
 */
import path from 'node:path';
import type { Metafile } from 'esbuild';

/** `start`: runs with app.js; `app`: runs once the page is painted (see web/src/app.ts). */
export type PreloadWhen = 'start' | 'app';

/**
 * The modules of the first view, as paths relative to `dist`, in load order, with when they run:
 * `start`, app.js's static imports (they run with it and start the API requests); `app`, what
 * app.js imports once the page is painted (main.ts, charts.ts) and their imports. Preloaded, they
 * download in parallel with app.js rather than one after another; the `app` ones at low priority,
 * so as not to compete with what the first paint needs (stylesheet, boot.js, app.js). Modules
 * loaded on demand (the map) are left out. `alsoApp` names modules the app imports later, when
 * first needed (charts.ts, run when the first chart comes near the screen: web/src/lazy-charts.ts),
 * that are still preloaded at low priority: downloaded and compiled, not run, until then.
 * @example modulePreloads(result.metafile, 'web/dist') // [{ file: 'chunks/chunk-X.js', when: 'start' }, ...]
 */
export function modulePreloads(
  meta: Metafile,
  dist: string,
  entry = 'app.js',
  onDemand: readonly string[] = ['map.ts', 'messages-fr.ts'],
  alsoApp: readonly string[] = ['charts.ts'],
): { file: string; when: PreloadWhen }[] {
  const outputs = meta.outputs;
  const rel = (file: string) => path.relative(path.resolve(dist), path.resolve(file)).split(path.sep).join('/');
  const out: { file: string; when: PreloadWhen }[] = [];
  const seen = new Set<string>();
  const add = (file: string, when: PreloadWhen) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.push({ file: rel(file), when });
    for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement') add(i.path, when);
  };
  const app = Object.keys(outputs).find((f) => path.basename(f) === entry);
  if (!app) return out;
  seen.add(app);
  const imports = outputs[app]?.imports ?? [];
  for (const i of imports) if (i.kind === 'import-statement') add(i.path, 'start');
  for (const i of imports) {
    const source = outputs[i.path]?.entryPoint ?? '';
    if (i.kind === 'dynamic-import' && !onDemand.some((d) => source.endsWith(d))) add(i.path, 'app');
  }
  for (const [file, o] of Object.entries(outputs)) if (alsoApp.some((d) => o.entryPoint?.endsWith(d))) add(file, 'app');
  return out;
}
