/**
 * The runtime's own floor: the workerd binary that `wrangler dev` runs, started directly with a
 * one-line Worker that answers every request with fixed bytes: no development proxy, no Miniflare
 * entry or asset-router Workers, no KV, no routing, no Hono. What it achieves on this machine is
 * the best any Worker can do here, and tells the cost of the runtime from the cost of our code.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
  stop(): Promise<void>;
}

/** Serve `body` (with `contentType`) from a minimal Worker in workerd on a free port. */
export async function startBareWorkerd(body: Uint8Array, contentType: string): Promise<BareWorkerd> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-bare-workerd-'));
  const port = await freePort();
  const bin = workerdBinary();
  await writeFile(path.join(dir, 'body.bin'), body);
  await writeFile(
    path.join(dir, 'worker.js'),
    `import body from 'body.bin';\nconst headers = { 'content-type': ${JSON.stringify(contentType)} };\nexport default { fetch() { return new Response(body, { headers }); } };\n`,
  );
  await writeFile(
    path.join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker.js"), (name = "body.bin", data = embed "body.bin") ],
  compatibilityDate = "2026-11-01",
);
`,
  );
  const child = spawn(bin.path, ['serve', path.join(dir, 'config.capnp')], { stdio: ['ignore', 'ignore', 'pipe'] });
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
      if ((await fetch(url)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || i > 100) {
      await stop();
      throw new Error(`workerd did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, version: bin.version, stop };
}
