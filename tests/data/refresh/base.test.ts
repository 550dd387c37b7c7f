/** What a version was built from, stored beside it for the Worker's refresh: written and read back, it builds the same version. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../data/build/dataset.ts';
import { parseClaims } from '../../../data/build/files.ts';
import { readShipped } from '../../../data/cli/aggregates.ts';
import { CLAIMS_FILE } from '../../../data/cli/paths.ts';
import { decodeBase, encodeBase } from '../../../data/refresh/base.ts';

describe('dataset base', () => {
  it('the shipped aggregates, encoded and decoded, give the same inputs and the same dataset version', async () => {
    const sources = await readShipped();
    const claims = parseClaims(await readFile(CLAIMS_FILE, 'utf8'), 'claims.json');
    const text = encodeBase({ sources, claims });
    // About 7 MB for the shipped data (docs/deploy.md), under KV's 25 MiB per value.
    expect(text.length).toBeGreaterThan(6_000_000);
    expect(text.length).toBeLessThan(8_000_000);
    const back = decodeBase(text, 'v:x:base');
    expect(back).toEqual({ sources, claims });
    const [a, b] = [await buildDataset({ sources, claims }), await buildDataset(back)];
    expect(b.version).toBe(a.version);
  }, 120_000);

  it('refuses what is not a base', () => {
    expect(() => decodeBase('{"format":2}', 'v:x:base')).toThrow(/v:x:base is not a dataset base/);
    expect(() => decodeBase('nope', 'v:x:base')).toThrow(/v:x:base is not JSON/);
  });
});
