/**
 * Properties over random inputs: every row is accounted for, and the aggregates add up. Also the
 * real Niger export fed in both layouts (converted in memory) gives identical aggregates.
 */
import { createReadStream, existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_COLUMNS, csvField, INTER_TEXT, loadTemplate, NIGER_FILE } from '../../../data/cli/synth.ts';
import { derive } from '../../../data/derive/aggregate.ts';
import { specFor } from '../../../data/derive/input.ts';
import { readCsv } from '../../../data/derive/parse.ts';
import { EVENT_TYPES } from '../../../model/categories.ts';
import { EVENT_TYPE_CATEGORIES } from '../../../model/event-types.ts';

const HEADER = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'country',
  'admin1',
  'fatalities',
  'inter1',
  'inter2',
  'civilian_targeting',
  'notes',
  'timestamp',
];

const validRow = fc.record({
  id: fc.integer({ min: 1, max: 40 }).map((n) => `RND${n}`),
  date: fc.date({ min: new Date('2020-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  type: fc.constantFrom(...EVENT_TYPES),
  country: fc.constantFrom('Niger', 'Mali', 'NER', 'burkina faso'),
  admin1: fc.constantFrom('Tillaberi', 'Diffa', ''),
  fatalities: fc.integer({ min: 0, max: 500 }).map(String),
  inter1: fc.constantFrom('1', '2', '3', 'State forces', 'Rebel group'),
  inter2: fc.constantFrom('', '0', '1', '7', 'Civilians'),
  ct: fc.constantFrom('', 'Civilian targeting'),
  notes: fc.string({ maxLength: 30 }),
  ts: fc.constantFrom('', '100', '200'),
});

/** A valid row, or one corrupted in one of the ways real files are. */
const anyRow = fc.tuple(validRow, fc.integer({ min: 0, max: 9 }), fc.string({ maxLength: 6 })).map(([r, corrupt, junk]) => {
  const f = [r.id, r.date, r.type, r.country, r.admin1, r.fatalities, r.inter1, r.inter2, r.ct, r.notes, r.ts];
  switch (corrupt) {
    case 1:
      f[1] = junk; // bad date (or, rarely, still a valid one)
      break;
    case 2:
      f[5] = `-${r.fatalities}1`;
      break;
    case 3:
      f[3] = junk;
      break;
    case 4:
      f[2] = `${junk}x`;
      break;
    case 5:
      return f.slice(0, 4).map(csvField).join(','); // too few fields
    case 6:
      f.push(junk); // too many fields
      break;
  }
  return f.map(csvField).join(',');
});

async function deriveText(text: string) {
  return derive(readCsv(text, 'random.csv', specFor('event')), 'event');
}

describe('every row is accounted for', () => {
  it('read = accepted + rejected + duplicates; the six event types sum to the accepted rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyRow, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), async (rows, eol) => {
        const { rows: agg, report } = await deriveText([HEADER.join(','), ...rows].join(eol) + eol);
        const r = report.rows;
        expect(r.read).toBe(rows.length);
        expect(r.accepted + r.rejected + r.duplicates!).toBe(r.read);
        expect(Object.values(r.byReason).reduce((a, b) => a + b, 0)).toBe(r.rejected);
        const events = agg.filter((x) => EVENT_TYPE_CATEGORIES.includes(x.category)).reduce((a, x) => a + x.events, 0);
        expect(events).toBe(r.accepted);
        expect(report.totals.events).toBe(r.accepted);
        expect(Object.values(report.countries).reduce((a, c) => a + c.accepted, 0)).toBe(r.accepted);
      }),
      { numRuns: 150 },
    );
  });

  it('with unique event ids, accepted + rejected = read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyRow, { maxLength: 40 }), async (rows) => {
        const unique = rows.map((line, i) => line.replace(/^RND\d+/, `UNQ${i + 1}`));
        const { report } = await deriveText([HEADER.join(','), ...unique].join('\n'));
        expect(report.rows.duplicates).toBe(0);
        expect(report.rows.accepted + report.rows.rejected).toBe(report.rows.read);
      }),
      { numRuns: 100 },
    );
  });
});

const present = existsSync(NIGER_FILE);
describe.skipIf(!present)('real Niger export in both layouts', () => {
  it('gives identical aggregates from the older layout and from the current one (text inter labels, other order, CRLF)', async () => {
    const older = await derive(readCsv(createReadStream(NIGER_FILE), 'niger.csv', specFor()), 'event');
    const template = await loadTemplate();
    // The same events in the current layout, in memory: text inter labels, other column order.
    const columns = [...CURRENT_COLUMNS].reverse();
    const lines = template.map((f) => {
      const row: Record<string, string> = {
        ...f,
        inter1: INTER_TEXT[f.inter1 ?? ''] ?? '',
        inter2: INTER_TEXT[f.inter2 ?? ''] ?? '',
        iso: '562',
        timestamp: '1716000000',
      };
      return columns.map((c) => csvField(row[c] ?? '')).join(',');
    });
    const current = await derive(readCsv(`\uFEFF${[columns.join(','), ...lines].join('\r\n')}`, 'niger-current.csv', specFor()), 'event');
    expect(current.report.rows).toEqual({ read: 3485, accepted: 3485, rejected: 0, byReason: {}, duplicates: 0 });
    expect(current.rows).toEqual(older.rows);
  });
});
if (!present) console.warn(`real-data layout test skipped: ${NIGER_FILE} is absent (raw ACLED files live in ../shared/data)`);
