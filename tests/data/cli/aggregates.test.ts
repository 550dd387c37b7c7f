/** Writing the derived files (data/cli/aggregates.ts): whole or not at all, with a clear error. */
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

  it('quotes a field only when it holds a comma, a quote or a line break (CR included)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-write-'));
    const row = (admin1: string) => ({ country: 'NER', admin1, month: '2023-07', category: 'battles' as const, events: 1, fatalities: 0 });
    await writeAggregates('q.csv', ['Tahoua', 'Agadez, "Nord"', 'a\nb', 'a\rb', ' Zinder '].map(row), dir);
    expect(await readFile(path.join(dir, 'q.csv'), 'utf8')).toBe(
      [
        'country,admin1,month,category,events,fatalities',
        'NER,Tahoua,2023-07,battles,1,0',
        'NER,"Agadez, ""Nord""",2023-07,battles,1,0',
        'NER,"a\nb",2023-07,battles,1,0',
        'NER,"a\rb",2023-07,battles,1,0',
        'NER, Zinder ,2023-07,battles,1,0',
        '',
      ].join('\n'),
    );
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
