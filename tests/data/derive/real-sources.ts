/**
 * The real ACLED files of ../shared/data read the way the tests compare them: the weekly file,
 * the Niger event file bucketed into weeks, HDX's Mali file and the Explorer table. Read once
 * per test file (each takes about a second).
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { RAW_DIR } from '../../../data/cli/paths.ts';
import { derive } from '../../../data/derive/aggregate.ts';
import { type DatedEvent, eventsByWeek } from '../../../data/derive/crosscheck.ts';
import { readHdx } from '../../../data/derive/hdx.ts';
import { specFor } from '../../../data/derive/input.ts';
import { EVENT_COLUMNS, normaliseEvent } from '../../../data/derive/normalise.ts';
import { readCsv } from '../../../data/derive/parse.ts';
import { countryWeekly, readWeekly } from '../../../data/derive/weekly.ts';
import { isEventType } from '../../../model/categories.ts';

export const FILES = {
  weekly: path.join(RAW_DIR, 'acled_aggregated_weekly_sahel5_1997-01-04_2026-03-14.csv'),
  niger: path.join(RAW_DIR, 'acled_niger_events_2019-01-01_2024-05-15.csv'),
  hdxMali: path.join(RAW_DIR, 'mali_hrp_political_violence_events_and_fatalities_by_month-year_as-of-22apr2026.xlsx'),
  explorer: path.join(RAW_DIR, 'acled_explorer_sahel_country_month_event_type_2021-01_2024-09.csv'),
  boundaries: path.join(RAW_DIR, 'boundaries'),
};

export const missing = Object.values(FILES).filter((f) => !existsSync(f));

export async function weekly() {
  const w = await readWeekly([FILES.weekly]);
  return { ...w, country: countryWeekly(w.cells) };
}

/** Niger's events, bucketed into ACLED weeks (country level). */
export async function nigerWeeks() {
  const events: DatedEvent[] = [];
  const spec = () => ({ required: [...EVENT_COLUMNS, 'sub_event_type'], keep: [...EVENT_COLUMNS, 'sub_event_type'] });
  for await (const rec of readCsv(createReadStream(FILES.niger), 'niger.csv', spec)) {
    const n = normaliseEvent(rec.fields);
    if (!n.ok || !isEventType(n.row.eventType)) throw new Error(`niger line ${rec.line}: ${n.ok ? 'event type' : n.reason}`);
    events.push({
      country: n.row.country,
      date: n.row.date!,
      eventType: n.row.eventType,
      subEventType: (rec.fields.sub_event_type ?? '').trim(),
      fatalities: n.row.fatalities,
    });
  }
  return { events: events.length, cells: eventsByWeek(events) };
}

export const hdxMali = () => readHdx(FILES.hdxMali);

export async function explorer() {
  return (await derive(readCsv(createReadStream(FILES.explorer), 'explorer.csv', specFor('aggregate')), 'aggregate')).rows;
}
