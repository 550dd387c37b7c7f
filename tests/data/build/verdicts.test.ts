/** docs/verdicts.md (data/build/verdicts.ts): generated from the shipped data, and current. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../data/build/dataset.ts';
import { parseClaims } from '../../../data/build/files.ts';
import { VERDICTS_DOC, verdictsMarkdown } from '../../../data/build/verdicts.ts';
import { readShipped } from '../../../data/cli/aggregates.ts';
import { CLAIMS_FILE, ROOT } from '../../../data/cli/paths.ts';

describe('docs/verdicts.md', () => {
  it('is what `npm run data:build` generates from the shipped aggregates and claims (run it after changing either)', async () => {
    const claims = parseClaims(await readFile(CLAIMS_FILE, 'utf8'), 'data/claims.json');
    const ds = await buildDataset({ sources: await readShipped(), claims });
    const md = verdictsMarkdown(ds.claims, ds.catalogue);
    expect(await readFile(path.join(ROOT, VERDICTS_DOC), 'utf8')).toBe(md);
    // Every claim with its verdict, its readings' sentences and its citation; the version named.
    expect(md).toContain(`Dataset version \`${ds.version}\``);
    for (const c of ds.claims.claims) {
      expect(md).toContain(`## ${c.quote}`);
      expect(md).toContain(`- Verdict: **${c.summary}**`);
      for (const r of c.readings) expect(md).toContain(r.sentence);
      expect(md).toContain(`Cite: ${c.citation}`);
    }
    expect(md).toContain('NER 2024-04, violence_against_civilians fatalities');
  });
});
