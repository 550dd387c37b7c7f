/** Pipeline faults: a clear error, and what was there before left as it was. */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAggregates, writeWhole } from '../../../data/cli/aggregates.ts';

describe('writing derived files', () => {
  it('replaces a file whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-write-'));
    await writeFile(path.join(dir, 'a.csv'), 'old\n');
    await writeAggregates('a.csv', [{ country: 'NER', admin1: '', month: '2023-07', category: 'battles', events: 1, fatalities: 2 }], dir);
    expect(await readFile(path.join(dir, 'a.csv'), 'utf8')).toBe(
      'country,admin1,month,category,events,fatalities\nNER,,2023-07,battles,1,2\n',
    );
    expect(await readdir(dir)).toEqual(['a.csv']);
  });

  it('fails with a clear error and leaves the previous file and no debris when the write cannot complete', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-write-'));
    // The target is a folder: the final step fails as a full disk or a read-only folder would.
    await mkdir(path.join(dir, 'b.csv'));
    await writeFile(path.join(dir, 'b.csv', 'keep'), 'previous');
    await expect(writeWhole(path.join(dir, 'b.csv'), 'new')).rejects.toThrow(
      /^could not write .*b\.csv \(.*\); the previous file is unchanged$/,
    );
    expect(await readdir(dir)).toEqual(['b.csv']);
    expect(await readFile(path.join(dir, 'b.csv', 'keep'), 'utf8')).toBe('previous');
  });

  it('fails clearly on a folder that cannot be written', async () => {
    await expect(writeWhole('/proc/sahel-pulse-test.csv', 'x')).rejects.toThrow(/^could not write \/proc\/sahel-pulse-test\.csv/);
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
