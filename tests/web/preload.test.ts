/**
 * Which modules the page preloads, read from an esbuild metafile (web/preload.ts): app.js's static
 * imports at normal priority, the app it imports after the first paint with its imports at low
 * priority, the map (loaded on demand) not at all.
 */
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { modulePreloads } from '../../web/preload.ts';

type Import = Metafile['outputs'][string]['imports'][number];
const out = (imports: Import[], entryPoint?: string): Metafile['outputs'][string] => ({
  bytes: 1,
  inputs: {},
  imports,
  exports: [],
  ...(entryPoint ? { entryPoint } : {}),
});
const stat = (path: string): Import => ({ path, kind: 'import-statement' });
const dyn = (path: string): Import => ({ path, kind: 'dynamic-import' });

// app.js -> shared (static); app.js -> charts, main (dynamic); main -> charts' chunk, shared (static); main -> map (dynamic).
const META: Metafile = {
  inputs: {},
  outputs: {
    'dist/app.js': out([stat('dist/chunks/shared.js'), dyn('dist/chunks/charts.js'), dyn('dist/chunks/main.js')], 'web/src/app.ts'),
    'dist/chunks/shared.js': out([stat('dist/chunks/tiny.js')]),
    'dist/chunks/tiny.js': out([]),
    'dist/chunks/charts.js': out([stat('dist/chunks/chartjs.js')], 'web/src/charts.ts'),
    'dist/chunks/chartjs.js': out([]),
    'dist/chunks/main.js': out(
      [stat('dist/chunks/chartjs.js'), stat('dist/chunks/shared.js'), dyn('dist/chunks/map.js')],
      'web/src/main.ts',
    ),
    'dist/chunks/map.js': out([stat('dist/chunks/chartjs.js'), stat('dist/chunks/geo.js')], 'web/src/map.ts'),
    'dist/chunks/geo.js': out([]),
  },
};

describe('module preloads', () => {
  it('lists what app.js runs first, then the app it loads after the first paint, once each; not the map', () => {
    expect(modulePreloads(META, 'dist')).toEqual([
      { file: 'chunks/shared.js', when: 'start' },
      { file: 'chunks/tiny.js', when: 'start' },
      { file: 'chunks/charts.js', when: 'app' },
      { file: 'chunks/chartjs.js', when: 'app' },
      { file: 'chunks/main.js', when: 'app' },
    ]);
  });

  it('lists the modules named to preload that the app imports only when needed (charts.ts), after the app', () => {
    const outputs = { ...META.outputs };
    outputs['dist/app.js'] = out([stat('dist/chunks/shared.js'), dyn('dist/chunks/main.js')], 'web/src/app.ts');
    outputs['dist/chunks/main.js'] = out(
      [stat('dist/chunks/shared.js'), dyn('dist/chunks/charts.js'), dyn('dist/chunks/map.js')],
      'web/src/main.ts',
    );
    expect(modulePreloads({ inputs: {}, outputs }, 'dist')).toEqual([
      { file: 'chunks/shared.js', when: 'start' },
      { file: 'chunks/tiny.js', when: 'start' },
      { file: 'chunks/main.js', when: 'app' },
      { file: 'chunks/charts.js', when: 'app' },
      { file: 'chunks/chartjs.js', when: 'app' },
    ]);
  });

  it('lists nothing without the entry', () => {
    expect(modulePreloads(META, 'dist', 'other.js')).toEqual([]);
  });
});
