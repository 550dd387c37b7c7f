/** What a version was built from, stored beside it for the Worker's refresh: written and read back, it builds the same version. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../data/build/dataset.ts';
import { parseClaims } from '../../../data/build/files.ts';
import { readShipped } from '../../../data/cli/aggregates.ts';
import { CLAIMS_FILE } from '../../../data/cli/paths.ts';
import { baseEntries, readBase } from '../../../data/refresh/base.ts';
import { keys } from '../../../model/keys.ts';

describe('dataset base', () => {
  it('the shipped aggregates, written and read back, give the same inputs and the same dataset version', async () => {
    const sources = await readShipped();
    const claims = parseClaims(await readFile(CLAIMS_FILE, 'utf8'), 'claims.json');
    const entries = baseEntries('x', { sources, claims });
    const kv = new Map(entries.map((e) => [e.key, e.value]));
    const get = async (k: string) => kv.get(k) ?? null;
    // The base itself, then one entry of weekly cells per country (docs/deploy.md), each far under KV's 25 MiB per value.
    expect(entries.map((e) => e.key)).toEqual([keys.base('x'), ...['BFA', 'MLI', 'NER', 'NGA', 'TCD'].map((c) => keys.baseWeekly('x', c))]);
    const sizes = entries.map((e) => e.value.length);
    // Shipped data: the base 0.75 MB, Nigeria's weekly cells the largest entry (3.7 MB).
    expect(sizes[0]).toBeLessThan(1_000_000);
    expect(Math.max(...sizes)).toBeLessThan(4_000_000);
    expect(sizes.reduce((a, b) => a + b)).toBeGreaterThan(6_000_000);
    const back = await readBase(get, 'x');
    expect(back).toEqual({ sources, claims });
    const [a, b] = [await buildDataset({ sources, claims }), await buildDataset(back)];
    expect(b.version).toBe(a.version);
    // One country's weekly cells, or none: the rest of the base whole.
    const ner = await readBase(get, 'x', 'NER');
    const weekly = (i: typeof back) => i.sources.find((s) => s.weekly)!.weekly!;
    expect(weekly(ner)).toEqual(weekly(back).filter((c) => c.country === 'NER'));
    expect(weekly(await readBase(get, 'x', 'none'))).toEqual([]);
    expect(ner.sources.map((s) => s.rows)).toEqual(sources.map((s) => s.rows));
  }, 120_000);

  it('refuses what is not a base, and names what is missing', async () => {
    const get = (text: string | null) => async (k: string) => (k === keys.base('x') ? text : null);
    await expect(readBase(get('{"format":1}'), 'x')).rejects.toThrow(/v:x:base is not a dataset base/);
    await expect(readBase(get('nope'), 'x')).rejects.toThrow(/v:x:base is not JSON/);
    await expect(readBase(get(null), 'x')).rejects.toThrow(/v:x:base is missing/);
    const sources = await readShipped();
    const [base] = baseEntries('x', { sources, claims: [] });
    await expect(readBase(get(base!.value), 'x')).rejects.toThrow(/v:x:base:weekly:BFA is missing/);
  });
});
