/**
 * The shipped data/aggregates are what `npm run data:derive` makes from the real files in
 * ../shared/data (skipped with a message where they are absent), byte for byte; and the
 * cross-checks it stores in sources.json agree with the same comparisons made here another way
 * (Niger's events bucketed into weeks from the raw rows, not from the daily counts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATES_DIR, RAW_DIR, ROOT } from '../../../data/cli/paths.ts';
import { PRODUCTS, SOURCES } from '../../../data/cli/sources.ts';
import { compareHdxExplorer, compareWeeks } from '../../../data/derive/crosscheck.ts';
import { WEEKLY_CATEGORIES } from '../../../model/disorder.ts';
import type { SourceInfo } from '../../../model/types.ts';
import { explorer, hdxMali, nigerWeeks, weekly } from '../derive/real-sources.ts';

const missing = [...SOURCES, ...PRODUCTS].map((s) => path.join(RAW_DIR, s.file)).filter((f) => !existsSync(f));
if (missing.length > 0)
  console.warn(
    `shipped-aggregates tests skipped: ${missing.join(', ')} absent (raw ACLED files live in ../shared/data, not in the repository)`,
  );

let out = '';
let shipped: SourceInfo[] = [];

describe.skipIf(missing.length > 0)('shipped aggregates vs npm run data:derive on the real files', () => {
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'sahel-shipped-'));
    // The data:derive script's own flags: the memory target is part of what is tested.
    const r = spawnSync(process.execPath, ['--max-semi-space-size=4', '--max-old-space-size=256', 'data/cli/derive.ts', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`data:derive failed: ${r.stderr}`);
    shipped = JSON.parse(await readFile(path.join(AGGREGATES_DIR, 'sources.json'), 'utf8')) as SourceInfo[];
  }, 120_000);

  it('are byte for byte what derive writes, every file', async () => {
    const files = (await readdir(out)).sort();
    expect(files).toEqual((await readdir(AGGREGATES_DIR)).sort());
    expect(files).toEqual([
      'acled-explorer-sahel.csv',
      'acled-hdx-mli-political-violence.csv',
      'acled-niger-events-daily.csv',
      'acled-niger-events.csv',
      'acled-weekly-sahel5.csv',
      'sources.json',
    ]);
    for (const f of files) expect(await readFile(path.join(out, f), 'utf8'), f).toBe(await readFile(path.join(AGGREGATES_DIR, f), 'utf8'));
  });

  it('record unit, coverage and retrieval per source: weeks through Friday 2026-03-20, HDX Mali through 2026-04-22', () => {
    const by = Object.fromEntries(shipped.map((s) => [s.id, s]));
    expect(shipped.map((s) => [s.id, s.unit, s.retrieved, s.coverage.from, s.coverage.through])).toEqual([
      ['acled-niger-events', 'day', '2024-05-15', '2019-01-01', '2024-05-15'],
      ['acled-explorer-sahel', 'month', '2024-10-24', '2021-01-01', '2024-09-30'],
      ['acled-weekly-sahel5', 'week', '2026-03-26', '1997-01-04', '2026-03-20'],
      ['acled-hdx-mli-political-violence', 'month', '2026-04-22', '1997-01-01', '2026-04-22'],
    ]);
    for (const c of Object.values(by['acled-weekly-sahel5']!.countries!))
      expect([c.through, c.weeks!.to]).toEqual(['2026-03-20', '2026-03-14']);
    expect(by['acled-hdx-mli-political-violence']!.countries).toEqual({
      MLI: { from: '1997-01-01', through: '2026-04-22', accepted: 18656 },
    });
    for (const s of shipped) {
      const r = s.rows;
      expect(r.read, s.id).toBe(r.accepted + r.rejected + (r.duplicates ?? 0) + (r.filtered ?? 0));
    }
    expect(by['acled-explorer-sahel']!.categories).not.toContain('political_violence_acled');
    expect(by['acled-niger-events']!.categories).toContain('political_violence_acled');
  });

  it('store the weekly file against the Niger event file, week by week, as computed from the raw rows', async () => {
    const [w, n] = await Promise.all([weekly(), nigerWeeks()]);
    const [check, ...others] = shipped.find((s) => s.id === 'acled-weekly-sahel5')!.crosschecks!;
    expect(others).toEqual([]);
    expect([check!.against, check!.unit, check!.country, check!.from, check!.to]).toEqual([
      'acled-niger-events',
      'week',
      'NER',
      '2019-01-05',
      '2024-05-04',
    ]);
    const expected = compareWeeks(w.country, n.cells, 'NER', '2019-01-05', '2024-05-04', WEEKLY_CATEGORIES);
    expect(check!.categories).toEqual(
      expected.map((c) => ({
        category: c.category,
        periods: c.weeks,
        equalEvents: c.equalEvents,
        equalBoth: c.equalBoth,
        differences: c.differences.map((d) => ({ period: d.week, source: d.a, other: d.b })),
      })),
    );
    const pv = check!.categories.find((c) => c.category === 'political_violence')!;
    // The 9 weeks of ACLED's later additions (+1 or +2 events), and one week of fatalities only.
    expect(pv.differences.map((d) => `${d.period} ${d.source.events - d.other.events}`)).toEqual([
      '2022-05-07 2',
      '2022-05-14 1',
      '2022-09-17 1',
      '2022-10-22 1',
      '2022-11-19 1',
      '2023-05-20 1',
      '2023-06-03 1',
      '2023-07-08 1',
      '2024-02-10 1',
      '2024-03-30 0',
    ]);
    expect([pv.periods, pv.equalEvents, pv.equalBoth]).toEqual([279, 270, 269]);
    const moved = check!.categories.flatMap((c) =>
      c.differences.filter((d) => d.period === '2023-12-30').map((d) => `${c.category} ${d.source.events} vs ${d.other.events}`),
    );
    expect(moved).toEqual(['battles 3 vs 2', 'explosions_remote_violence 4 vs 5']);
  }, 60_000);

  it('store HDX Mali against the Explorer table, month by month: never fewer events; beyond the riots in 9 months', async () => {
    const [h, ex] = await Promise.all([hdxMali(), explorer()]);
    const [check] = shipped.find((s) => s.id === 'acled-hdx-mli-political-violence')!.crosschecks!;
    expect([check!.against, check!.country, check!.from, check!.to]).toEqual(['acled-explorer-sahel', 'MLI', '2021-01', '2024-09']);
    const months = compareHdxExplorer(h.totals, ex, 'MLI', '2021-01', '2024-09');
    const [c] = check!.categories;
    expect([c!.category, c!.otherCategory, c!.periods, c!.equalEvents]).toEqual(['political_violence_acled', 'political_violence', 45, 9]);
    expect(c!.differences.map((d) => [d.period, d.source.events, d.other.events, d.riots, d.verdict ?? 'equal'])).toEqual(
      months
        .filter((m) => m.excess !== 0 || m.hdxFatalities !== m.explorerFatalities)
        .map((m) => [m.month, m.hdx, m.explorer, m.riots, m.verdict]),
    );
    expect(c!.differences.filter((d) => d.verdict === 'below')).toEqual([]);
    expect(c!.differences.filter((d) => d.verdict === 'within riots')).toHaveLength(27);
    expect(c!.differences.filter((d) => d.verdict === 'beyond riots').map((d) => d.period)).toEqual([
      '2023-04',
      '2023-05',
      '2023-09',
      '2023-11',
      '2024-02',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
    ]);
  }, 60_000);
});
