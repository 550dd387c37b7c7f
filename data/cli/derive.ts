/**
 * Raw ACLED files (../shared/data) -> monthly aggregates in data/aggregates, plus sources.json
 * recording each file's hash, coverage and every rejected row. Run: npm run data:derive.
 * Only aggregates are written: raw event rows, actors and notes never enter the repository.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SourceInfo } from '../model/types.ts';
import { derive } from '../pipeline/aggregate.ts';
import { EVENT_COLUMNS, TABLE_COLUMNS } from '../pipeline/normalise.ts';
import { readCsv } from '../pipeline/parse.ts';
import { writeAggregates, writeSources } from './aggregates.ts';
import { SOURCES } from './sources.ts';
import { RAW_DIR } from './paths.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { input: { type: 'string', default: RAW_DIR }, strict: { type: 'boolean', default: false } } });
  const dir = path.resolve(values.input!);
  const infos: SourceInfo[] = [];
  for (const cfg of SOURCES) {
    const file = path.join(dir, cfg.file);
    if (!existsSync(file))
      throw new Error(`${file} not found: the raw ACLED files live in ../shared/data (see its SOURCES.md); pass --input DIR`);
    const sha256 = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    const required = cfg.kind === 'event' ? EVENT_COLUMNS : TABLE_COLUMNS;
    const { rows, report } = await derive(readCsv(createReadStream(file), cfg.file, required), cfg.kind);
    await writeAggregates(cfg.aggregates, rows);
    infos.push({ ...cfg, sha256, ...report });
    const r = report.rows;
    console.log(
      `${cfg.file}: ${r.read} rows read, ${r.accepted} accepted, ${r.rejected} rejected ${JSON.stringify(r.byReason)}; covers ${report.coverage.from} to ${report.coverage.through}; ${rows.length} aggregate rows -> data/aggregates/${cfg.aggregates}`,
    );
    for (const x of report.rejections) console.log(`  line ${x.line}: ${x.reason}`);
    if (values.strict && r.rejected > 0) throw new Error(`--strict: ${r.rejected} rejected row(s) in ${cfg.file}`);
  }
  await writeSources(infos);
}

main().catch((e: unknown) => {
  console.error(`data:derive failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
