/**
 * dist/kv -> Workers KV through wrangler, so local (Miniflare, the default) and remote
 * (Cloudflare) share one code path (data/publish/publish.ts): every entry of the built version
 * first, then the list of published versions, then the pointer `current`.
 *
 *   npm run data:publish  -- [--local | --remote] [--persist-to DIR]
 *   npm run data:rollback -- [--to VERSION] [--local | --remote] [--persist-to DIR]
 *   npm run data:prune    -- --keep N [--local | --remote] [--persist-to DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Pointer } from '../../model/types.ts';
import type { KvEntry } from '../build/dataset.ts';
import { type KvWriter, prune, publish, readPointer, readVersions, rollback } from '../publish/publish.ts';
import { KV_DIR } from './paths.ts';

const BINDING = 'SAHEL_KV';

function wrangler(args: string[]): string {
  const r = spawnSync('wrangler', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0)
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stderr || r.stdout}`);
  return r.stdout;
}

/** A KvWriter that runs `wrangler kv ...` against local or remote KV. */
export function wranglerWriter(target: string[], tmp: string): KvWriter {
  let n = 0;
  const list = (prefix: string): string[] => {
    const out = wrangler(['kv', 'key', 'list', '--prefix', prefix, '--binding', BINDING, ...target]);
    return (JSON.parse(out.slice(out.indexOf('['))) as { name: string }[]).map((k) => k.name);
  };
  return {
    async putMany(entries: KvEntry[]) {
      const file = path.join(tmp, `put-${n++}.json`);
      await writeFile(file, JSON.stringify(entries));
      wrangler(['kv', 'bulk', 'put', file, '--binding', BINDING, ...target]);
    },
    async get(key: string) {
      // `kv key get` prints "Value not found" for a missing key: ask the key list first.
      if (!list(key).includes(key)) return null;
      return wrangler(['kv', 'key', 'get', key, '--text', '--binding', BINDING, ...target]).replace(/\n$/, '');
    },
    async list(prefix: string) {
      return list(prefix);
    },
    async deleteMany(keys: string[]) {
      const file = path.join(tmp, `delete-${n++}.json`);
      await writeFile(file, JSON.stringify(keys));
      wrangler(['kv', 'bulk', 'delete', file, '--force', '--binding', BINDING, ...target]);
    },
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      local: { type: 'boolean' },
      remote: { type: 'boolean' },
      'persist-to': { type: 'string' },
      to: { type: 'string' },
      keep: { type: 'string' },
    },
  });
  const command = positionals[0] ?? 'publish';
  if (!['publish', 'rollback', 'prune', 'status'].includes(command))
    throw new Error(`unknown command ${command}: publish, rollback, prune or status`);
  if (values.local && values.remote) throw new Error('choose one of --local and --remote');
  const target = values.remote ? ['--remote'] : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];
  const where = values.remote ? 'Cloudflare KV' : 'local KV';
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'sahel-kv-'));
  try {
    const kv = wranglerWriter(target, tmp);
    if (command === 'publish') {
      const entries = JSON.parse(await readFile(path.join(KV_DIR, 'entries.json'), 'utf8')) as KvEntry[];
      const { version } = JSON.parse(await readFile(path.join(KV_DIR, 'version.json'), 'utf8')) as Pointer;
      await publish(kv, version, entries, { now: new Date().toISOString(), log: console.log });
      console.log(
        `published dataset ${version} (${entries.length} entries) to ${where}; previous versions kept (npm run data:rollback, data:prune)`,
      );
    } else if (command === 'rollback') {
      const p = await rollback(kv, values.to);
      console.log(`${where} now serves dataset ${p.version} (published ${p.publishedAt})`);
    } else if (command === 'prune') {
      if (values.keep === undefined)
        throw new Error('prune needs --keep N (how many recent versions to keep; the served one is always kept)');
      const r = await prune(kv, Number(values.keep));
      console.log(`${where}: kept ${r.kept.join(', ') || 'none'}; removed ${r.removed.join(', ') || 'none'} (${r.deletedKeys} keys)`);
    } else {
      const p = await readPointer(kv);
      for (const v of await readVersions(kv))
        console.log(`${v.version === p?.version ? '*' : ' '} ${v.version}  ${v.publishedAt}  ${v.entries} entries`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(`data:publish failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
