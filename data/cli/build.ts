/**
 * data/aggregates (monthly and daily) + data/claims.json -> dist/kv: the entries of one dataset version and the
 * pointer to it, ready for `npm run data:publish`; and docs/verdicts.md, the claims' current verdicts.
 * Run: npm run data:build.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pointer } from '../../model/types.ts';
import { buildDataset } from '../build/dataset.ts';
import { parseClaims } from '../build/files.ts';
import { VERDICTS_DOC, verdictsMarkdown } from '../build/verdicts.ts';
import { baseEntries } from '../refresh/base.ts';
import { readShipped } from './aggregates.ts';
import { CLAIMS_FILE, KV_DIR, ROOT } from './paths.ts';

async function main(): Promise<void> {
  const sources = await readShipped();
  const claims = parseClaims(await readFile(CLAIMS_FILE, 'utf8'), path.relative(ROOT, CLAIMS_FILE));
  const ds = await buildDataset({ sources, claims });
  await mkdir(KV_DIR, { recursive: true });
  // Beside the version, what it was built from: what the scheduled refresh merges into (data/refresh/base.ts).
  const entries = [...ds.entries, ...baseEntries(ds.version, { sources, claims })];
  await writeFile(path.join(KV_DIR, 'entries.json'), JSON.stringify(entries));
  const pointer: Pointer = { version: ds.version, publishedAt: '' };
  await writeFile(path.join(KV_DIR, 'version.json'), JSON.stringify(pointer));
  const bytes = entries.reduce((a, e) => a + e.value.length, 0);
  await writeFile(path.join(ROOT, VERDICTS_DOC), verdictsMarkdown(ds.claims, ds.catalogue));
  console.log(
    `dataset ${ds.version}: ${entries.length} KV entries, its base included (${(bytes / 1024).toFixed(0)} KiB) -> dist/kv/entries.json`,
  );
  for (const c of ds.claims.claims) {
    console.log(`  claim ${c.id}: ${c.verdictLabel}`);
    for (const r of c.readings) console.log(`    ${r.sentence}`);
    for (const a of c.alternatives) {
      console.log(`    alternative reading: ${a.verdictLabel}`);
      for (const r of a.readings) console.log(`      ${r.sentence}`);
    }
  }
  for (const d of ds.catalogue.disagreements.filter((x) => !x.partial)) {
    console.log(`  sources disagree: ${d.country} ${d.month} ${d.category} ${d.measure} ${JSON.stringify(d.values)} (used ${d.used})`);
  }
}

main().catch((e: unknown) => {
  console.error(`data:build failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
