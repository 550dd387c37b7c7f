/** Loading claims.json and sources.json (data/build/files.ts): a malformed file names each bad field and why. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FileFormatError, parseClaims, parseSources } from '../../../data/build/files.ts';
import { CLAIMS_FILE, SOURCES_FILE } from '../../../data/cli/paths.ts';

const MALFORMED = new URL('../../fixtures/claims-malformed.json', import.meta.url).pathname;

describe('parseClaims', () => {
  it('reads the shipped claims file', async () => {
    const text = await readFile(CLAIMS_FILE, 'utf8');
    const claims = parseClaims(text, 'data/claims.json');
    expect(claims.length).toBeGreaterThan(0);
    expect(JSON.stringify(claims)).toBe(JSON.stringify(JSON.parse(text)));
    expect(claims.every((c) => c.readings.length > 0)).toBe(true);
  });

  it('fails on a malformed claim naming the file, each field (under the claim id) and the reason', async () => {
    const text = await readFile(MALFORMED, 'utf8');
    expect(() => parseClaims(text, 'claims-malformed.json')).toThrow(FileFormatError);
    expect(() => parseClaims(text, 'claims-malformed.json')).toThrow(
      'claims-malformed.json is not valid: ' +
        '[1] ("three-mistakes") readings[0].relation.kind: Invalid option: expected one of "pct_increase_gt"|"pct_decrease_gt"|"ratio_gte"|"ratio_gt"|"value_gte"; ' +
        '[1] ("three-mistakes") readings[0].relation.value: Invalid input: expected number, received string; ' +
        '[1] ("three-mistakes"): Unrecognized key: "alternative"',
    );
  });

  it('fails on a claim without its French, or without a French claimant description', async () => {
    const [one] = JSON.parse(await readFile(MALFORMED, 'utf8')) as Record<string, unknown>[];
    const { fr, ...noFrench } = one!;
    expect(() => parseClaims(JSON.stringify([noFrench]), 'c.json')).toThrow(
      'c.json is not valid: [0] ("well-formed") fr: Invalid input: expected object, received undefined',
    );
    const { claimant: _, ...frNoClaimant } = fr as Record<string, unknown>;
    expect(() => parseClaims(JSON.stringify([{ ...one, fr: frNoClaimant }]), 'c.json')).toThrow(
      'c.json is not valid: [0] ("well-formed") fr.claimant: Invalid input: expected string, received undefined',
    );
    expect(() => parseClaims(JSON.stringify([{ ...one, fr: { ...(fr as object), claimant: '' } }]), 'c.json')).toThrow(
      /^c\.json is not valid: \[0\] \("well-formed"\) fr\.claimant: Too small/,
    );
  });

  it('fails on text that is not JSON, or not a list', () => {
    expect(() => parseClaims('{"id": ', 'c.json')).toThrow(/^c\.json is not valid JSON: /);
    expect(() => parseClaims('{}', 'c.json')).toThrow('c.json is not valid: the file: Invalid input: expected array, received object');
  });
});

describe('parseSources', () => {
  it('reads the shipped sources.json', async () => {
    const text = await readFile(SOURCES_FILE, 'utf8');
    const sources = parseSources(text, 'data/aggregates/sources.json');
    // Explorer table, weekly file, HDX Mali; Niger's event file.
    expect(sources.map((s) => s.kind).sort()).toEqual(['aggregate', 'aggregate', 'aggregate', 'event']);
    // As written, keys in their order: the dataset version hashes entries that embed these objects.
    expect(`${JSON.stringify(sources, null, 2)}\n`).toBe(text);
  });

  it('fails on a malformed report naming the field and the reason', async () => {
    const sources = JSON.parse(await readFile(SOURCES_FILE, 'utf8')) as Record<string, unknown>[];
    const bad = sources.map((s, i) => (i === 0 ? { ...s, rows: { ...(s.rows as object), accepted: -1 }, kind: 'events' } : s));
    const id = String(sources[0]!.id);
    expect(() => parseSources(JSON.stringify(bad), 'sources.json')).toThrow(
      `sources.json is not valid: [0] ("${id}") kind: Invalid option: expected one of "event"|"aggregate"; ` +
        `[0] ("${id}") rows.accepted: Too small: expected number to be >=0`,
    );
  });
});
