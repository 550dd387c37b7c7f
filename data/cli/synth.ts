/**
 * The real Niger events -> a synthetic ACLED export in the current 31-column layout, for
 * benchmarks only: N rows, each a real row with its date shifted by a whole number of days, a
 * made-up event id, text inter labels, and actors, sources and notes replaced by neutral text of
 * the same length (so the file has the real one's size and shape). Never commit its output.
 * Run: node data/cli/synth.ts --rows 2500000 --out /tmp/acled-synthetic.csv [--input FILE]
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EVENT_COLUMNS, parseDate } from '../derive/normalise.ts';
import { readCsv } from '../derive/parse.ts';
import { RAW_DIR } from './paths.ts';

/** The current ACLED export layout, in ACLED's column order. */
export const CURRENT_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** Numeric inter codes of the older layout -> the text labels of the current one. */
export const INTER_TEXT: Record<string, string> = {
  '0': '',
  '1': 'State forces',
  '2': 'Rebel group',
  '3': 'Political militia',
  '4': 'Identity militia',
  '5': 'Rioters',
  '6': 'Protesters',
  '7': 'Civilians',
  '8': 'External/Other forces',
};

export const NIGER_FILE = path.join(RAW_DIR, 'acled_niger_events_2019-01-01_2024-05-15.csv');

const NEUTRAL = 'Synthetic benchmark row, derived from a real event with its text removed; ';

export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function neutral(len: number): string {
  let s = '';
  while (s.length < len) s += NEUTRAL;
  return s.slice(0, Math.max(len, 1));
}

function shiftDate(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The real rows reduced to what the generator needs (numbers, categories, places; no text). */
export async function loadTemplate(file = NIGER_FILE): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for await (const rec of readCsv(createReadStream(file), path.basename(file), EVENT_COLUMNS)) out.push(rec.fields);
  return out;
}

/** One synthetic row (as CSV fields in CURRENT_COLUMNS order) from template row `f`, copy `k`. */
export function synthRow(f: Record<string, string>, k: number, i: number): string[] {
  const date = shiftDate(parseDate(f.event_date ?? '')!, k * 3);
  const row: Record<string, string> = {
    event_id_cnty: `SYN${k * 10_000 + i + 1}`,
    event_date: date,
    year: date.slice(0, 4),
    time_precision: f.time_precision ?? '1',
    disorder_type: f.disorder_type ?? '',
    event_type: f.event_type ?? '',
    sub_event_type: f.sub_event_type ?? '',
    actor1: neutral((f.actor1 ?? '').length),
    assoc_actor_1: '',
    inter1: INTER_TEXT[f.inter1 ?? ''] ?? '',
    actor2: f.actor2 ? neutral(f.actor2.length) : '',
    assoc_actor_2: '',
    inter2: INTER_TEXT[f.inter2 ?? ''] ?? '',
    interaction: f.interaction ?? '',
    civilian_targeting: f.civilian_targeting ?? '',
    iso: '562',
    region: f.region ?? 'Western Africa',
    country: f.country ?? '',
    admin1: f.admin1 ?? '',
    admin2: f.admin2 ?? '',
    admin3: f.admin3 ?? '',
    location: f.location ?? '',
    latitude: f.latitude ?? '',
    longitude: f.longitude ?? '',
    geo_precision: f.geo_precision ?? '',
    source: neutral((f.source ?? '').length),
    source_scale: f.source_scale ?? '',
    notes: `"${neutral((f.notes ?? '').length)}", synthetic`,
    fatalities: f.fatalities ?? '0',
    tags: '',
    timestamp: String(1_700_000_000 + k),
  };
  return CURRENT_COLUMNS.map((c) => row[c]!);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '2500000' }, out: { type: 'string' }, input: { type: 'string', default: NIGER_FILE } },
  });
  if (!values.out) throw new Error('usage: node data/cli/synth.ts --rows N --out FILE (outside the repository or under dist/)');
  const n = Number(values.rows);
  const template = await loadTemplate(values.input);
  const out = createWriteStream(values.out);
  let buf = `${CURRENT_COLUMNS.join(',')}\n`;
  for (let j = 0; j < n; j++) {
    const k = Math.floor(j / template.length);
    const i = j % template.length;
    buf += `${synthRow(template[i]!, k, i).map(csvField).join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  console.log(`wrote ${n} synthetic rows (current layout) to ${values.out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(`synth failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
