/** A small dataset built by the real pipeline from hand-made aggregates (monthly and daily), for seeding Miniflare KV. */

import { buildDataset, type Dataset } from '../../data/build/dataset.ts';
import type { Claim } from '../../model/claim.ts';
import { POINTER_KEY } from '../../model/keys.ts';
import { testSources } from '../fixtures/niger.ts';

export const CLAIMS: Claim[] = [
  {
    id: 'niger-test',
    quote: 'Political violence in Niger doubled in July.',
    claimant: { name: 'test', date: null, url: null },
    interpretation: 'July vs June 2023',
    readings: [
      {
        country: 'NER',
        admin1: null,
        category: 'political_violence',
        measure: 'events',
        before: '2023-06',
        after: '2023-07',
        relation: { kind: 'ratio_gte', value: 2, wording: 'doubled' },
      },
    ],
    alternatives: [
      {
        interpretation: '30 days against the 30 days before',
        readings: [
          {
            country: 'NER',
            admin1: null,
            category: 'political_violence',
            measure: 'events',
            // 6 June-5 July: 3 + 4 = 7 events; 6 July-4 August: 2 + 4 + 1 = 7.
            before: '2023-06-06..2023-07-05',
            after: '2023-07-06..2023-08-04',
            relation: { kind: 'ratio_gte', value: 2, wording: 'doubled' },
          },
        ],
      },
    ],
  },
];

export function buildTestDataset(): Promise<Dataset> {
  return buildDataset({
    sources: testSources(),
    claims: CLAIMS,
  });
}

/** Write every entry, then the pointer, as data:publish does. */
export async function seed(kv: KVNamespace, ds: Dataset): Promise<void> {
  for (const e of ds.entries) await kv.put(e.key, e.value);
  await kv.put(POINTER_KEY, JSON.stringify({ version: ds.version, publishedAt: '2026-01-01T00:00:00Z' }));
}

/**
 * Publish a copy of `ds` under a fresh version in which the entry `key(version)` holds `text`
 * (a fresh version, because the Worker keeps entries it has read: versions are immutable).
 */
export async function publishWith(kv: KVNamespace, ds: Dataset, key: (version: string) => string, text: string): Promise<string> {
  const v = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  for (const e of ds.entries) await kv.put(e.key.replace(ds.version, v), e.value.replaceAll(ds.version, v));
  await kv.put(key(v), text);
  await kv.put(POINTER_KEY, JSON.stringify({ version: v, publishedAt: '' }));
  return v;
}
