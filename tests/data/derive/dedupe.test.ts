/**
 * The dedupe table and per-event columns (data/derive/dedupe.ts) against plain Maps and arrays,
 * at a size where the table grows several times and columns span many pages.
 */
import { describe, expect, it } from 'vitest';
import { IdTable, NumColumn } from '../../../data/derive/dedupe.ts';

/** Deterministic xorshift32 in [0, 1). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('IdTable', () => {
  // 300,000 ids: about 5 s, past vitest's default 5 s timeout on a loaded 2-core machine.
  it('finds exactly the slot stored for every id, canonical or not, through growth', { timeout: 60_000 }, () => {
    const rnd = random(42);
    const table = new IdTable();
    const ref = new Map<string, number>();
    // Canonical ACLED ids, and ids kept in the exact string map (lower case, leading zero, long prefix).
    const prefixes = ['NIR', 'MLI', 'BFA', 'X', 'ABCD', 'ab', 'NIR0', 'ABCDE'];
    let slot = 0;
    for (let i = 0; i < 300_000; i++) {
      const id = `${prefixes[Math.floor(rnd() * prefixes.length)]}${Math.floor(rnd() * 60_000)}`;
      const want = ref.get(id) ?? -1;
      expect(table.get(id)).toBe(want);
      if (want < 0) {
        table.set(id, slot);
        ref.set(id, slot++);
      }
    }
    expect(slot).toBeGreaterThan(200_000);
    expect(table.size).toBe(ref.size);
    for (const [id, s] of ref) if (table.get(id) !== s) expect(table.get(id)).toBe(s);
  });
});

describe('NumColumn', () => {
  it('keeps every value exactly, narrow until one does not fit, then as doubles', () => {
    const rnd = random(7);
    for (const type of ['int32', 'uint32', 'uint16'] as const) {
      const col = new NumColumn(type);
      const ref: number[] = [];
      for (let i = 0; i < 200_000; i++) {
        const v = i === 150_000 ? 2 ** 40 + 0.5 : Math.floor(rnd() * 60_000);
        col.set(i, v);
        ref.push(v);
      }
      col.set(3, NaN);
      ref[3] = NaN;
      for (let i = 0; i < ref.length; i++) if (!Object.is(col.get(i), ref[i])) expect([i, col.get(i)]).toEqual([i, ref[i]]);
    }
  });
});
