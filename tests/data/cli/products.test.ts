/**
 * npm run data:derive -- FILE... on ACLED's aggregated products (data/cli/products.ts): weekly
 * data as CSV and .xlsx (every WEEK form), HDX files as .xlsx and CSV, and the refusal of an HDX
 * file whose indicator cannot be known. Exact output rows and reports, checked by hand against
 * the fixtures (tests/fixtures/{weekly,hdx}).
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWeeklyAggregates } from '../../../data/cli/aggregates.ts';
import { ROOT } from '../../../data/cli/paths.ts';
import type { SourceInfo } from '../../../model/types.ts';

const FIX = path.join(ROOT, 'tests', 'fixtures');
const WEEKLY = path.join(FIX, 'weekly');
const HDX_PV = path.join(FIX, 'hdx', 'niger_hrp_political_violence_events_and_fatalities_by_month-year_as-of-10feb2026.xlsx');
const HDX_DEM = path.join(FIX, 'hdx', 'niger_hrp_demonstration_events_by_month-year_as-of-10feb2026.csv');

async function derive(...args: string[]) {
  const out = await mkdtemp(path.join(os.tmpdir(), 'sahel-products-'));
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', 'data/cli/derive.ts', ...args, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const file = async (f: string) => readFile(path.join(out, f), 'utf8');
  const sources = r.status === 0 ? (JSON.parse(await file('sources.json')) as SourceInfo[]) : [];
  return { ...r, out, file, sources, files: r.status === 0 ? (await readdir(out)).sort() : [] };
}

const HEADER =
  'country,admin1,week,political_violence_events,political_violence_fatalities,political_violence_acled_events,political_violence_acled_fatalities,' +
  'battles_events,battles_fatalities,explosions_remote_violence_events,explosions_remote_violence_fatalities,' +
  'violence_against_civilians_events,violence_against_civilians_fatalities,demonstrations_events,demonstrations_fatalities,' +
  'demonstrations_acled_events,demonstrations_acled_fatalities,protests_events,protests_fatalities,riots_events,riots_fatalities,' +
  'strategic_developments_events,strategic_developments_fatalities';

describe('weekly data', { timeout: 30_000 }, () => {
  it('CSV (14-March-2026, 2026-03-14 and Excel serials): the wide file and the nothing-lost report', async () => {
    const r = await derive(path.join(WEEKLY, 'weekly-small.csv'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.files).toEqual(['acled-weekly.csv', 'sources.json']);
    expect(await r.file('acled-weekly.csv')).toBe(
      [
        HEADER,
        // Excessive force (1) is political violence and a demonstration; 4 peaceful protests; 2 violent demonstrations (WEEK 46095).
        'NER,Niamey,2026-03-14,0,0,1,0,0,0,0,0,0,0,7,0,7,0,5,0,2,0,0,0',
        // Battles 4/13 (line 12 supersedes line 2's 3/12) + violence against civilians 2/5.
        'NER,Tillaberi,2026-03-07,6,18,6,18,4,13,0,0,2,5,0,0,0,0,0,0,0,0,0,0',
        // Mob violence: ACLED's political violence, and a riot; not the project's political_violence.
        'NER,Tillaberi,2026-03-14,0,0,1,1,0,0,0,0,0,0,1,1,0,0,0,0,1,1,0,0',
        'NGA,Borno,2026-03-07,2,9,2,9,0,0,2,9,0,0,0,0,0,0,0,0,0,0,0,0',
        // WEEK 46088 = 2026-03-07; the maritime area is kept.
        'NGA,Gulf of Guinea,2026-03-07,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0',
        '',
      ].join('\n'),
    );
    const [s] = r.sources;
    expect(s).toMatchObject({
      id: 'acled-weekly',
      kind: 'aggregate',
      unit: 'week',
      aggregates: 'acled-weekly.csv',
      coverage: { from: '2026-03-07', through: '2026-03-20' },
      retrieved: '2026-03-20',
      rows: {
        read: 13,
        accepted: 8,
        rejected: 3,
        byReason: { 'bad events': 1, 'unknown riots sub-event type': 1, 'week not a Saturday': 1 },
        duplicates: 1,
        filtered: 1,
        filteredByCountry: { Ghana: 1 },
      },
      countries: {
        NER: { from: '2026-03-07', through: '2026-03-20', accepted: 6, weeks: { from: '2026-03-07', to: '2026-03-14' } },
        NGA: { from: '2026-03-07', through: '2026-03-13', accepted: 2, weeks: { from: '2026-03-07', to: '2026-03-07' } },
      },
      totals: { events: 17, fatalities: 28 },
      inputs: [{ file: 'weekly-small.csv', format: 'csv', read: 13, skippedSheets: [] }],
    });
    expect(s!.categories).toEqual([
      'political_violence',
      'political_violence_acled',
      'battles',
      'explosions_remote_violence',
      'violence_against_civilians',
      'demonstrations',
      'demonstrations_acled',
      'protests',
      'riots',
      'strategic_developments',
    ]);
    const r0 = s!.rows;
    expect(r0.read).toBe(r0.accepted + r0.rejected + r0.duplicates! + r0.filtered!);
    expect(s!.rejections.map((x) => [x.file, x.line, x.reason.slice(0, 40)])).toEqual([
      ['weekly-small.csv', 11, 'week "08-March-2026": 2026-03-08 is a Su'],
      ['weekly-small.csv', 13, 'Riots with sub-event type "Looting": nei'],
      ['weekly-small.csv', 14, 'bad events "x"'],
    ]);
    expect(s!.duplicates!.map((x) => [x.line, x.reason])).toEqual([
      [
        2,
        'duplicate week x admin1 x event type x sub-event type (Tillaberi, 2026-03-07, Battles, Armed clash): superseded by weekly-small.csv line 12 (later in input)',
      ],
    ]);
    // The wide file reads back as the cells it was written from.
    const cells = await readWeeklyAggregates('acled-weekly.csv', r.out);
    expect(
      cells.filter((c) => c.admin1 === 'Tillaberi' && c.week === '2026-03-14').map((c) => `${c.category} ${c.events}/${c.fatalities}`),
    ).toEqual(['political_violence_acled 1/1', 'demonstrations 1/1', 'riots 1/1']);
  });

  it('.xlsx (date cells, a plain serial, text): sheet and row in the report, the notes sheet passed over', async () => {
    const r = await derive(path.join(WEEKLY, 'weekly-small.xlsx'));
    expect(r.status, r.stderr).toBe(0);
    expect(await r.file('acled-weekly.csv')).toBe(
      [
        HEADER,
        'NER,Niamey,2026-03-14,0,0,0,0,0,0,0,0,0,0,4,0,4,0,4,0,0,0,0,0',
        'NER,Tillaberi,2026-03-07,5,17,5,17,3,12,0,0,2,5,0,0,0,0,0,0,0,0,0,0',
        'NER,Tillaberi,2026-03-14,0,0,1,1,0,0,0,0,0,0,1,1,0,0,0,0,1,1,0,0',
        '',
      ].join('\n'),
    );
    const [s] = r.sources;
    expect(s!.rows).toEqual({
      read: 6,
      accepted: 4,
      rejected: 1,
      byReason: { 'week not a Saturday': 1 },
      duplicates: 0,
      filtered: 1,
      filteredByCountry: { Ghana: 1 },
    });
    expect(s!.rejections.map((x) => [x.file, x.sheet, x.line])).toEqual([['weekly-small.xlsx', 'Data', 6]]);
    expect(s!.inputs).toMatchObject([{ file: 'weekly-small.xlsx', format: 'xlsx', read: 6, skippedSheets: ['Notes'] }]);
    expect(s!.inputs![0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('HDX sub-national monthly files', { timeout: 30_000 }, () => {
  it('.xlsx (TOU sheet passed over): admin2 summed to admin1, zeros kept, as-of date from the name', async () => {
    const r = await derive(HDX_PV);
    expect(r.status, r.stderr).toBe(0);
    expect(r.files).toEqual(['acled-hdx-ner-political-violence.csv', 'sources.json']);
    expect(await r.file('acled-hdx-ner-political-violence.csv')).toBe(
      [
        'country,admin1,month,category,events,fatalities',
        'NER,Niamey,2026-01,political_violence_acled,1,0',
        'NER,Niamey,2026-02,political_violence_acled,0,0',
        'NER,Tillaberi,2026-01,political_violence_acled,8,24',
        'NER,Tillaberi,2026-02,political_violence_acled,3,3',
        '',
      ].join('\n'),
    );
    const [s] = r.sources;
    expect(s).toMatchObject({
      id: 'acled-hdx-ner-political-violence',
      unit: 'month',
      indicator: 'political_violence',
      categories: ['political_violence_acled'],
      measures: ['events', 'fatalities'],
      retrieved: '2026-02-10',
      coverage: { from: '2026-01-01', through: '2026-02-10' },
      coverageBasis: 'stated export date',
      rows: { read: 8, accepted: 6, rejected: 1, byReason: { 'bad events': 1 }, duplicates: 1, filtered: 0 },
      countries: { NER: { from: '2026-01-01', through: '2026-02-10', accepted: 6 } },
      inputs: [{ format: 'xlsx', read: 8, skippedSheets: ['TOU'] }],
    });
    expect(s!.rejections.map((x) => [x.sheet, x.line, x.reason])).toEqual([['Data', 9, 'bad events "n/a"']]);
  });

  it('CSV of demonstrations: demonstrations_acled, no fatalities (left empty), every row accounted for', async () => {
    const r = await derive(HDX_DEM);
    expect(r.status, r.stderr).toBe(0);
    expect(await r.file('acled-hdx-mli-ner-demonstrations.csv')).toBe(
      [
        'country,admin1,month,category,events,fatalities',
        'MLI,Bamako,2026-02,demonstrations_acled,4,',
        'NER,Niamey,2025-12,demonstrations_acled,4,',
        'NER,Niamey,2026-01,demonstrations_acled,2,',
        // Niamey I: line 12 (2) supersedes line 8 (1); Niamey II's February rows are rejected.
        'NER,Niamey,2026-02,demonstrations_acled,2,',
        'NER,Tillaberi,2025-12,demonstrations_acled,0,',
        'NER,Tillaberi,2026-01,demonstrations_acled,1,',
        'NER,Tillaberi,2026-02,demonstrations_acled,0,',
        '',
      ].join('\n'),
    );
    const [s] = r.sources;
    expect(s).toMatchObject({
      indicator: 'demonstrations',
      categories: ['demonstrations_acled'],
      measures: ['events'],
      rows: {
        read: 12,
        accepted: 9,
        rejected: 2,
        byReason: { 'bad month': 1, 'country and ISO3 disagree': 1 },
        duplicates: 1,
        filtered: 0,
      },
    });
    expect(s!.totals).toBeUndefined();
    expect(s!.rejections.map((x) => x.line)).toEqual([9, 13]);
  });

  it('refuses a file whose indicator cannot be known, with the reason; --indicator names it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-hdx-'));
    const file = path.join(dir, 'niger-monthly.csv');
    await copyFile(HDX_DEM, file);
    const refused = await derive(file);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      "data:derive failed: niger-monthly.csv: cannot tell which indicator this HDX file counts: its name has none of HDX's patterns " +
        '(_political_violence_events_and_fatalities_, _civilian_targeting_events_and_fatalities_, _demonstration_events_); ' +
        'give the indicator (political_violence, civilian_targeting, demonstrations)',
    );
    expect(await readdir(refused.out)).toEqual([]);
    const named = await derive(file, '--indicator', 'demonstrations');
    expect(named.status, named.stderr).toBe(0);
    expect(named.sources[0]).toMatchObject({
      indicator: 'demonstrations',
      coverage: { through: '2026-02-28' },
      coverageBasis: 'last month',
    });
    const contradicted = await derive(HDX_PV, '--indicator', 'demonstrations');
    expect(contradicted.stderr).toMatch(/its name says political_violence, but the indicator given is demonstrations/);
  });
});
