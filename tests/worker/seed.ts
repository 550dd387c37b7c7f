/** A small dataset built by the real pipeline from hand-made aggregates (monthly and daily), for seeding Miniflare KV. */

import { buildDataset, type Dataset } from '../../data/build/dataset.ts';
import type { Claim } from '../../model/claim.ts';
import { POINTER_KEY } from '../../model/keys.ts';
import type { AggregateRow, DailyRow } from '../../model/types.ts';
import { sourceInfo } from '../fixtures/source-info.ts';

const row = (
  country: string,
  admin1: string,
  month: string,
  category: AggregateRow['category'],
  events: number,
  fatalities: number,
): AggregateRow => ({ country, admin1, month, category, events, fatalities });

/** Niger by region, June to 10 August 2023 (August partial); Mali, country level, June to August. */
export const NIGER_ROWS: AggregateRow[] = [
  row('NER', 'Tillabéri', '2023-06', 'political_violence', 4, 10),
  row('NER', 'Tillabéri', '2023-07', 'political_violence', 2, 3),
  row('NER', 'Tillabéri', '2023-08', 'political_violence', 1, 40),
  row('NER', 'Diffa', '2023-06', 'political_violence', 1, 0),
  row('NER', 'Diffa', '2023-07', 'political_violence', 8, 20),
  row('NER', 'Tillabéri', '2023-07', 'civilian_targeting', 2, 2),
];
/**
 * Niger's daily counts, country level, adding up to NIGER_ROWS: June 5 events (2 on the 5th, 3 on
 * the 20th), July 10 (4 on the 1st, 2 on the 15th, 4 on the 26th), August 1 (on the 2nd).
 */
const day = (date: string, category: DailyRow['category'], events: number, fatalities: number): DailyRow => ({
  country: 'NER',
  date,
  category,
  events,
  fatalities,
});
export const NIGER_DAILY: DailyRow[] = [
  day('2023-06-05', 'political_violence', 2, 4),
  day('2023-06-20', 'political_violence', 3, 6),
  day('2023-07-01', 'political_violence', 4, 5),
  day('2023-07-15', 'civilian_targeting', 2, 2),
  day('2023-07-15', 'political_violence', 2, 0),
  day('2023-07-26', 'political_violence', 4, 18),
  day('2023-08-02', 'political_violence', 1, 40),
];
export const MALI_ROWS: AggregateRow[] = [
  row('MLI', '', '2023-06', 'political_violence', 100, 300),
  row('MLI', '', '2023-07', 'political_violence', 120, 250),
  row('MLI', '', '2023-08', 'political_violence', 90, 260),
];

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
    sources: [
      {
        info: {
          ...sourceInfo('niger-events', 'event', '2023-08-10', { from: '2023-06-01', through: '2023-08-10' }),
          daily: { file: 'niger-events-daily.csv', from: '2023-06-01', through: '2023-08-10', rows: NIGER_DAILY.length },
        },
        rows: NIGER_ROWS,
        daily: NIGER_DAILY,
      },
      { info: sourceInfo('sahel-table', 'aggregate', '2023-08-31', { from: '2023-06-01', through: '2023-08-31' }), rows: MALI_ROWS },
    ],
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
