/**
 * dist/kv -> Workers KV: writes every entry of the built dataset version first, then flips the
 * pointer `current` to it, so readers never see a half-written version. Uses wrangler, so local
 * (Miniflare, the default) and remote (Cloudflare) publishing share one code path.
 * Run: npm run data:publish -- [--local | --remote] [--persist-to DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { POINTER_KEY } from '../model/keys.ts';
import type { Pointer } from '../model/types.ts';
import type { KvEntry } from '../pipeline/dataset.ts';
import { KV_DIR } from './paths.ts';

/** KV bulk writes take at most 10,000 pairs and 100 MB per request; stay below both. */
const MAX_PAIRS = 10_000;
const MAX_BYTES = 90 * 1024 * 1024;
const BINDING = 'SAHEL_KV';

function wrangler(args: string[]): void {
  const r = spawnSync('wrangler', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stderr || r.stdout}`);
}

/** Split entries into bulk requests within KV's limits. */
function batches(entries: KvEntry[]): KvEntry[][] {
  const out: KvEntry[][] = [];
  let cur: KvEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = e.key.length + e.value.length + 32;
    if (cur.length > 0 && (cur.length >= MAX_PAIRS || bytes + size > MAX_BYTES)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(e);
    bytes += size;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { local: { type: 'boolean' }, remote: { type: 'boolean' }, 'persist-to': { type: 'string' } } });
  if (values.local && values.remote) throw new Error('choose one of --local and --remote');
  const target = values.remote ? ['--remote'] : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];
  const entries = JSON.parse(await readFile(path.join(KV_DIR, 'entries.json'), 'utf8')) as KvEntry[];
  const { version } = JSON.parse(await readFile(path.join(KV_DIR, 'version.json'), 'utf8')) as Pointer;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'sahel-kv-'));
  try {
    const parts = batches(entries);
    for (const [i, part] of parts.entries()) {
      const file = path.join(tmp, `entries-${i}.json`);
      await writeFile(file, JSON.stringify(part));
      wrangler(['kv', 'bulk', 'put', file, '--binding', BINDING, ...target]);
      console.log(`  wrote ${part.length} entries (${i + 1}/${parts.length})`);
    }
    // Last: the pointer. Until this write, readers keep the previous version.
    const pointer: Pointer = { version, publishedAt: new Date().toISOString() };
    wrangler(['kv', 'key', 'put', POINTER_KEY, JSON.stringify(pointer), '--binding', BINDING, ...target]);
    console.log(`published dataset ${version} (${entries.length} entries) to ${values.remote ? 'Cloudflare KV' : 'local KV'}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`data:publish failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
