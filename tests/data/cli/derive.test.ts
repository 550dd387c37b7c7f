/**
 * Every input ACLED users bring, and every kind of bad row, with the exact report. Fixtures are
 * hand-made (made-up events, no real ACLED rows or ids): events-small.csv in three more forms
 * (current layout with BOM, CRLF, shuffled and extra columns; older layout with other date
 * spellings; API JSON), one row per malformed kind, two overlapping files, an admin1 table; and
 * files that are no ACLED input at all (an image, an HTML page, empty, missing): data/cli/derive.ts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveFiles } from '../../../data/cli/derive.ts';
import { MissingColumnsError } from '../../../data/derive/record.ts';

const fx = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const one = async (names: string[], through: string | null = null) => {
  const [r] = await deriveFiles(names.map(fx), through);
  return r!;
};
const rowsOf = (r: Awaited<ReturnType<typeof one>>) => r.derived.rows;

describe('inputs: the same events in every layout', () => {
  it('give identical aggregates and the same report', async () => {
    const small = await one(['events-small.csv']);
    for (const [file, layout, lines, dateSpelling, malformed] of [
      ['events-current.csv', 'event (current)', [10, 11, 15, 16], '2023-02-30', 'has 4 fields, header has 32'],
      ['events-older.csv', 'event (older)', [10, 11, 15, 16], '30-02-2023', 'has 4 fields, header has 28'],
    ] as const) {
      const r = await one([file]);
      expect(rowsOf(r)).toEqual(rowsOf(small));
      expect(r.derived.daily).toEqual(small.derived.daily);
      expect(r.info.files![0]!.layout).toBe(layout);
      expect(r.info.rows).toEqual(small.info.rows);
      expect(r.info.rejections).toEqual([
        { file, line: lines[0], reason: `bad date "${dateSpelling}"` },
        { file, line: lines[1], reason: 'negative fatalities -1' },
        { file, line: lines[2], reason: `malformed row: ${malformed}` },
        { file, line: lines[3], reason: 'unknown event type "Skirmish"' },
      ]);
      expect(r.info.totals).toEqual({ events: 10, fatalities: 32 });
    }
  });

  it("records each file's SHA-256, CSV (hashed on a worker thread) and JSON alike, and a source of several files by theirs", async () => {
    const sha = async (name: string) =>
      createHash('sha256')
        .update(await readFile(fx(name)))
        .digest('hex');
    for (const name of ['events-small.csv', 'events-current.csv', 'events-api.json']) {
      const r = await one([name]);
      expect(r.info.files![0]!.sha256, name).toBe(await sha(name));
      expect(r.info.sha256, name).toBe(await sha(name));
    }
    const two = await one(['events-dup-a.csv', 'events-dup-b.csv']);
    expect(two.info.files!.map((f) => f.sha256)).toEqual([await sha('events-dup-a.csv'), await sha('events-dup-b.csv')]);
    expect(two.info.sha256).toBe(
      createHash('sha256')
        .update(two.info.files!.map((f) => f.sha256).join('\n'))
        .digest('hex'),
    );
  });

  it('reads ACLED API JSON (the data array), numbers and text labels included', async () => {
    const small = await one(['events-small.csv']);
    const r = await one(['events-api.json']);
    expect(rowsOf(r)).toEqual(rowsOf(small));
    expect(r.info.files![0]).toMatchObject({ format: 'json', layout: 'event (API JSON)', read: 14 });
    expect(r.info.rows).toEqual({
      read: 14,
      accepted: 10,
      rejected: 4,
      byReason: { 'bad date': 1, 'malformed row': 1, 'negative fatalities': 1, 'unknown event type': 1 },
      duplicates: 0,
    });
    expect(r.info.rejections.map((x) => [x.line, x.reason])).toEqual([
      [9, 'bad date "2023-02-30"'],
      [10, 'negative fatalities -1'],
      [13, 'unknown event type "Skirmish"'],
      [14, 'malformed row: record 14 of "data" is not an object'],
    ]);
  });
});

describe('inputs: every malformed-row kind (events-malformed.csv, export date 2023-08-15)', () => {
  it('is rejected with file, line and reason, and the report adds up', async () => {
    const r = await one(['events-malformed.csv'], '2023-08-15');
    const file = 'events-malformed.csv';
    expect(r.info.rows).toEqual({
      read: 15,
      accepted: 2,
      rejected: 13,
      byReason: {
        'after export date': 1,
        'bad date': 1,
        'bad fatalities': 1,
        'bad inter1': 1,
        'bad inter2': 1,
        'malformed row': 3,
        'missing country': 1,
        'negative fatalities': 1,
        'unknown country': 2,
        'unknown event type': 1,
      },
      duplicates: 0,
    });
    expect(r.info.rejections).toEqual(
      [
        [3, 'missing country'],
        [4, 'unknown country "Atlantis"'],
        [5, 'bad date "2023/07/02"'],
        [6, 'unknown event type "Skirmish"'],
        [7, 'bad fatalities "two"'],
        [8, 'negative fatalities -3'],
        [9, 'bad inter1 "9"'],
        [10, 'bad inter2 "Aliens"'],
        // line 11 is empty: not a row
        [12, 'malformed row: has 3 fields, header has 10'],
        [13, 'malformed row: has 11 fields, header has 10'],
        [14, 'unknown country ""Niger"ia"'], // a stray quote is kept as text, and judged
        [15, 'after export date 2023-08-15: 2023-08-20'],
        [17, 'malformed row: unclosed quote: lines to the end of the file cannot be read (lines 17 to 18)'],
      ].map(([line, reason]) => ({ file, line, reason })),
    );
    expect(r.info.coverage).toEqual({ from: '2023-07-01', through: '2023-08-15' });
    expect(r.info.coverageBasis).toBe('stated export date');
    expect(r.info.countries).toEqual({ NER: { from: '2023-07-01', through: '2023-07-06', accepted: 2 } });
    expect(r.info.totals).toEqual({ events: 2, fatalities: 2 });
  });

  it('names every missing required column at once', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-thin-'));
    const file = path.join(dir, 'thin.csv');
    await writeFile(file, 'event_id_cnty,event_date,country\nX1,2023-07-01,Niger\n');
    await expect(deriveFiles([file])).rejects.toThrow(MissingColumnsError);
    await expect(deriveFiles([file])).rejects.toThrow(
      'thin.csv: missing required column(s) event_type, admin1, fatalities, inter1, inter2, civilian_targeting',
    );
  });
});

describe('inputs: several files with overlapping events', () => {
  it('keep the newest version of each event_id_cnty and count the duplicates', async () => {
    const r = await one(['events-dup-a.csv', 'events-dup-b.csv']);
    expect(r.info.rows).toEqual({ read: 7, accepted: 4, rejected: 0, byReason: {}, duplicates: 3 });
    expect(r.info.duplicates).toEqual([
      { file: 'events-dup-a.csv', line: 4, reason: 'duplicate event_id_cnty: superseded by events-dup-a.csv line 5 (later in input)' },
      { file: 'events-dup-a.csv', line: 2, reason: 'duplicate event_id_cnty: superseded by events-dup-b.csv line 2 (newer timestamp)' },
      { file: 'events-dup-b.csv', line: 3, reason: 'duplicate event_id_cnty: superseded by events-dup-a.csv line 3 (newer timestamp)' },
    ]);
    // DUP1 counts 5 (newer), DUP2 stays in July with 3 (the August copy is older), DUP3 counts 1.
    expect(rowsOf(r).filter((x) => x.category === 'battles')).toEqual([
      { country: 'NER', admin1: 'Tillaberi', month: '2023-07', category: 'battles', events: 2, fatalities: 8 },
    ]);
    expect(rowsOf(r).filter((x) => x.category === 'protests')).toEqual([
      { country: 'NER', admin1: 'Diffa', month: '2023-07', category: 'protests', events: 1, fatalities: 1 },
    ]);
    expect(r.info.totals).toEqual({ events: 4, fatalities: 9 });
    // Days follow the winning copy: DUP2's older August copy adds nothing to 2 August, and DUP3
    // is counted on 4 July (the later copy), not 3 July.
    expect(r.derived.daily.filter((x) => ['battles', 'protests', 'riots'].includes(x.category))).toEqual([
      { country: 'NER', date: '2023-07-01', category: 'battles', events: 1, fatalities: 5 },
      { country: 'NER', date: '2023-07-02', category: 'battles', events: 1, fatalities: 3 },
      { country: 'NER', date: '2023-07-04', category: 'protests', events: 1, fatalities: 1 },
      { country: 'NER', date: '2023-08-03', category: 'riots', events: 1, fatalities: 0 },
    ]);
  });
});

describe('inputs: admin1 x month x event-type table', () => {
  it('keeps regions and gives event-type categories', async () => {
    const r = await one(['table-admin1.csv']);
    expect(r.info.kind).toBe('aggregate');
    expect(rowsOf(r).filter((x) => x.category === 'political_violence')).toEqual([
      { country: 'NER', admin1: 'Diffa', month: '2023-07', category: 'political_violence', events: 1, fatalities: 0 },
      { country: 'NER', admin1: 'Tillaberi', month: '2023-07', category: 'political_violence', events: 3, fatalities: 9 },
      { country: 'NER', admin1: 'Tillaberi', month: '2023-08', category: 'political_violence', events: 2, fatalities: 5 },
    ]);
    expect(r.info.coverage).toEqual({ from: '2023-07-01', through: '2023-08-31' });
    expect(r.info.totals).toEqual({ events: 6, fatalities: 14 });
  });
});

describe('npm run data:derive -- FILE...', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [new URL('../../../data/cli/derive.ts', import.meta.url).pathname, ...args], { encoding: 'utf8' });

  it('--strict fails on any rejection and writes nothing', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'sahel-derive-'));
    const r = cli([fx('events-small.csv'), '--strict', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--strict: 4 rejected row(s); nothing written');
    expect(await readdir(out)).toEqual([]);
  });

  it('writes one source per kind, with the report, from mixed inputs', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'sahel-derive-'));
    const r = cli([fx('events-current.csv'), fx('events-api.json'), fx('table-admin1.csv'), '--through', '2023-08-31', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['acled-events-daily.csv', 'acled-events.csv', 'acled-table.csv', 'sources.json']);
    const sources = JSON.parse(await readFile(path.join(out, 'sources.json'), 'utf8'));
    // The API file repeats the CSV's events: every accepted one is a duplicate (same event_id_cnty).
    expect(sources[0].rows).toEqual({
      read: 28,
      accepted: 10,
      rejected: 8,
      byReason: { 'bad date': 2, 'malformed row': 2, 'negative fatalities': 2, 'unknown event type': 2 },
      duplicates: 10,
    });
    expect(sources[0].coverage).toEqual({ from: '2023-06-01', through: '2023-08-31' });
    expect(sources.map((s: { id: string }) => s.id)).toEqual(['acled-events', 'acled-table']);
    // Only the event source has daily counts; they cover what the source covers (26 rows + 9 of the two disorder-type categories).
    expect(sources.map((s: { daily?: unknown }) => s.daily)).toEqual([
      { file: 'acled-events-daily.csv', from: '2023-06-01', through: '2023-08-31', rows: 35 },
      undefined,
    ]);
    expect(existsSync(path.join(out, 'acled-events.csv'))).toBe(true);
  });
});

describe('npm run data:derive on bad inputs', () => {
  const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
  const derive = (args: string[]) =>
    spawnSync(process.execPath, ['data/cli/derive.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  async function run(name: string, content: string | Buffer | null) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-bad-'));
    const out = path.join(dir, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'previous.csv'), 'kept');
    const file = path.join(dir, name);
    if (content !== null) await writeFile(file, content);
    const r = derive([file, '--out', out]);
    return { r, left: await readdir(out) };
  }

  it.each([
    [
      'not CSV at all (a PNG image)',
      'image.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    ],
    ['an HTML page saved by mistake', 'export.csv', '<!doctype html><html><body><p>Sign in to download</p></body></html>\n'],
    ['an empty file', 'empty.csv', ''],
    ['a file that does not exist', 'missing.csv', null],
  ])('%s: exit 1, a message naming the file, the previous output untouched', async (_what, name, content) => {
    const { r, left } = await run(name, content);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(left).toEqual(['previous.csv']);
  });
});
