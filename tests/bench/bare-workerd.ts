/**
 * The workerd binary that `wrangler dev` runs, started directly from a config of our own: no
 * development proxy, no Miniflare entry, asset-router or inspector Workers. Two uses:
 * - the runtime's floor: a one-line Worker answering every request with fixed bytes;
 * - the API as deployed: the bundle `wrangler deploy` uploads, its KV binding answered from
 *   memory by a second Worker holding the dataset's published entries (the same bytes
 *   `npm run data:publish` writes). The API keeps the entries it reads per isolate, so after
 *   warm-up KV is read only for the pointer; the KV Worker counts the reads it answers.
 * Together with `wrangler dev` they tell the cost of the runtime, of our code and of the local
 * development stack apart.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { POINTER_KEY, VERSIONS_KEY } from '../../model/keys.ts';
import { freePort, ROOT } from '../e2e/server.ts';

/** The workerd that wrangler itself runs (wrangler pins its version). */
export function workerdBinary(): { path: string; version: string } {
  const fromWrangler = createRequire(createRequire(path.join(ROOT, 'package.json')).resolve('wrangler/package.json'));
  const lib = fromWrangler('workerd') as { default: string; version: string };
  return { path: lib.default, version: lib.version };
}

export interface BareWorkerd {
  url: string;
  version: string;
  /** The DevTools inspector's WebSocket for the API Worker, when started with `inspect` (see profile.ts). */
  inspector: string | null;
  /** The Worker's source (the bundle), to map profile frames to the modules bundled in it. */
  source: string;
  /** The workerd process (its CPU time is read from /proc). */
  pid: number;
  /** Reads answered by the KV Worker (API only; null for the one-line Worker). */
  kvReads(): Promise<number | null>;
  stop(): Promise<void>;
}

const COMPATIBILITY_DATE = '2026-11-01';

/**
 * Start workerd on `config` (capnp text; `PORT` and `KV_PORT` are replaced) with `files` beside
 * it; `main` names the Worker served (its service, and its file `<main>.js`), the one inspected
 * when `inspect` is set.
 */
async function serve(
  files: Record<string, string | Uint8Array>,
  config: string,
  main: string,
  kvCounter: boolean,
  inspect = false,
): Promise<BareWorkerd> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-bare-workerd-'));
  const port = await freePort();
  const kvPort = kvCounter ? await freePort() : 0;
  const inspectorPort = inspect ? await freePort() : 0;
  const bin = workerdBinary();
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  await writeFile(path.join(dir, 'config.capnp'), config.replace('KV_PORT', String(kvPort)).replace('PORT', String(port)));
  const args = ['serve', path.join(dir, 'config.capnp'), ...(inspect ? [`--inspector-addr=127.0.0.1:${inspectorPort}`] : [])];
  const child = spawn(bin.path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).status > 0) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || i > 100) {
      await stop();
      throw new Error(`workerd did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const kvReads = async () => (kvCounter ? Number(await (await fetch(`http://127.0.0.1:${kvPort}/__kv-reads`)).text()) : null);
  const inspector = inspect ? `ws://127.0.0.1:${inspectorPort}/${main}` : null;
  return { url, version: bin.version, inspector, source: String(files[`${main}.js`] ?? ''), pid: child.pid ?? 0, kvReads, stop };
}

/**
 * The runtime's floor: every request answered with `body`, its content type and, with
 * `headers`, those headers too (to measure what a set of response headers costs by itself).
 */
export function startOneLineWorker(
  body: Uint8Array,
  contentType: string,
  opts: { inspect?: boolean; headers?: [string, string][] } = {},
): Promise<BareWorkerd> {
  const headers = new Map([...(opts.headers ?? []), ['content-type', contentType]]);
  return serve(
    {
      'body.bin': body,
      'worker.js': `import body from 'body.bin';\nconst headers = ${JSON.stringify(Object.fromEntries(headers))};\nexport default { fetch() { return new Response(body, { headers }); } };\n`,
    },
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "worker", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:PORT", http = (), service = "worker") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker.js"), (name = "body.bin", data = embed "body.bin") ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`,
    'worker',
    false,
    opts.inspect,
  );
}

/**
 * Answers workerd's KV binding protocol for reads (GET /<key>?urlencoded=true: the value, or
 * 404) from the entries embedded beside it, and counts them. The API only reads.
 */
const KV_WORKER = `import entries from 'entries.json';
const values = new Map(entries.map((e) => [e.key, e.value]));
let reads = 0;
export default {
  fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/__kv-reads') return new Response(String(reads));
    if (request.method !== 'GET') return new Response('read-only', { status: 405 });
    reads++;
    const raw = url.pathname.slice(1);
    const value = values.get(url.searchParams.get('urlencoded') === 'true' ? decodeURIComponent(raw) : raw);
    return value === undefined ? new Response(null, { status: 404 }) : new Response(value);
  },
};
`;

/**
 * The API as `wrangler deploy` would upload it (bundled by `wrangler deploy --dry-run`), with
 * the dataset of `dist/kv/entries.json` (from `npm run data:build`) published as current.
 */
export async function startApiOnBareWorkerd(pointerCacheSeconds: string, opts: { inspect?: boolean } = {}): Promise<BareWorkerd> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'sahel-bundle-'));
  try {
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wrangler'), ['deploy', '--dry-run', '--outdir', out], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${r.stdout}\n${r.stderr}`);
    const bundle = await readFile(path.join(out, 'index.js'), 'utf8');
    const entries = JSON.parse(await readFile(path.join(ROOT, 'dist', 'kv', 'entries.json'), 'utf8')) as { key: string; value: string }[];
    const version = entries[0]!.key.split(':')[1]!;
    // What `npm run data:publish` writes after the entries: the list of versions, then the pointer.
    entries.push({ key: VERSIONS_KEY, value: JSON.stringify([{ version, publishedAt: 'bench', entries: entries.length }]) });
    entries.push({ key: POINTER_KEY, value: JSON.stringify({ version, publishedAt: 'bench' }) });
    return await serve(
      { 'api.js': bundle, 'kv.js': KV_WORKER, 'entries.json': JSON.stringify(entries) },
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "api", worker = .api), (name = "kv", worker = .kv) ],
  sockets = [
    (name = "http", address = "127.0.0.1:PORT", http = (), service = "api"),
    # Only to read the KV Worker's count of reads.
    (name = "kv", address = "127.0.0.1:KV_PORT", http = (), service = "kv"),
  ],
);
const api :Workerd.Worker = (
  modules = [ (name = "index.js", esModule = embed "api.js") ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
  bindings = [ (name = "SAHEL_KV", kvNamespace = "kv"), (name = "POINTER_CACHE_SECONDS", text = "${pointerCacheSeconds}") ],
);
const kv :Workerd.Worker = (
  modules = [ (name = "kv.js", esModule = embed "kv.js"), (name = "entries.json", json = embed "entries.json") ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`,
      'api',
      true,
      opts.inspect,
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
