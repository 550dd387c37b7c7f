/**
 * Raw ACLED record -> one normalised shape, or the reason it cannot be counted. Pure.
 * Two inputs: event-level exports (one row per event) and aggregated monthly tables
 * (country x month x event type), such as the ACLED Explorer download.
 */
import { type Countable, type EventType, INTER, isEventType, riotProblem } from '../../model/categories.ts';
import { isDay } from '../../model/day.ts';
import { type Iso3, toIso3 } from '../../model/geography.ts';
import { isMonth } from '../../model/month.ts';

/** Columns an event-level export must have. */
export const EVENT_COLUMNS = [
  'event_date',
  'event_type',
  'country',
  'admin1',
  'fatalities',
  'inter1',
  'inter2',
  'civilian_targeting',
] as const;
/** Optional event-level columns: duplicates are resolved by `event_id_cnty`, newest `timestamp` first. */
export const EVENT_ID_COLUMNS = ['event_id_cnty', 'timestamp'] as const;
/**
 * Optional: ACLED's disorder-type categories read it (political_violence_acled,
 * demonstrations_acled); a file without it gives every other category.
 */
export const SUB_EVENT_COLUMN = 'sub_event_type';
/** Columns an aggregated monthly table must have; `admin1` is optional (country or admin1 tables). */
export const TABLE_COLUMNS = ['country', 'month', 'event_type', 'events', 'fatalities'] as const;
export const TABLE_OPTIONAL_COLUMNS = ['admin1'] as const;

/** A group of `events` events sharing country, admin1 (or ''), month and event-level fields. */
export interface Counted extends Countable {
  country: Iso3;
  admin1: string;
  /** `YYYY-MM-DD` for event rows, null for table rows. */
  date: string | null;
  month: string;
  events: number;
  fatalities: number;
}

/** A rejection has a kind (counted in the report) and a reason naming the offending value. */
export type Normalised = { ok: true; row: Counted } | { ok: false; kind: string; reason: string };

const fail = (kind: string, value?: string | number): Normalised => ({
  ok: false,
  kind,
  reason: value === undefined ? kind : typeof value === 'number' ? `${kind} ${value}` : `${kind} "${value}"`,
});

/**
 * toIso3 for the few spellings a file has (it folds accents, so it is dear per row): remembered,
 * up to a bound, by exact text.
 */
const ISO3_SEEN = new Map<string, Iso3 | null>();
function iso3Of(s: string): Iso3 | null {
  let v = ISO3_SEEN.get(s);
  if (v === undefined) {
    v = toIso3(s);
    if (ISO3_SEEN.size < 4096) ISO3_SEEN.set(s, v);
  }
  return v;
}

/** One event-level record. */
export function normaliseEvent(f: Record<string, string>): Normalised {
  const country = iso3Of(f.country ?? '');
  if (!f.country?.trim()) return fail('missing country');
  if (!country) return fail('unknown country', f.country);
  const date = parseDate(f.event_date ?? '');
  if (!date) return fail('bad date', f.event_date);
  const eventType = (f.event_type ?? '').trim();
  if (!isEventType(eventType)) return fail('unknown event type', eventType);
  // Absent column: null (the disorder-type categories are not computed); present: as written.
  const subEventType = f.sub_event_type === undefined ? null : f.sub_event_type.trim();
  const riot = riotProblem(eventType, subEventType);
  if (riot !== null) return { ok: false, kind: 'unknown riots sub-event type', reason: riot };
  const fatalities = parseCount(f.fatalities ?? '');
  if (fatalities === null) return fail('bad fatalities', f.fatalities);
  if (fatalities < 0) return fail('negative fatalities', fatalities);
  const inter1 = parseInter(f.inter1 ?? '');
  const inter2 = parseInter(f.inter2 ?? '');
  if (inter1 === undefined) return fail('bad inter1', f.inter1);
  if (inter2 === undefined) return fail('bad inter2', f.inter2);
  return {
    ok: true,
    row: {
      country,
      admin1: (f.admin1 ?? '').trim(),
      date,
      month: date.slice(0, 7),
      eventType,
      subEventType,
      civilianTargeting: (f.civilian_targeting ?? '').trim() === 'Civilian targeting',
      inter1,
      inter2,
      events: 1,
      fatalities,
    },
  };
}

/** One row of an aggregated country x month x event-type table. */
export function normaliseTableRow(f: Record<string, string>): Normalised {
  const country = iso3Of(f.country ?? '');
  if (!f.country?.trim()) return fail('missing country');
  if (!country) return fail('unknown country', f.country);
  const month = (f.month ?? '').trim();
  if (!isMonth(month)) return fail('bad month', f.month);
  const eventType = (f.event_type ?? '').trim();
  if (!isEventType(eventType)) return fail('unknown event type', eventType);
  const events = parseCount(f.events ?? '');
  const fatalities = parseCount(f.fatalities ?? '');
  if (events === null) return fail('bad events', f.events);
  if (fatalities === null) return fail('bad fatalities', f.fatalities);
  if (events < 0) return fail('negative events', events);
  if (fatalities < 0) return fail('negative fatalities', fatalities);
  return {
    ok: true,
    row: {
      country,
      admin1: (f.admin1 ?? '').trim(),
      date: null,
      month,
      eventType: eventType as EventType,
      subEventType: null,
      civilianTargeting: null,
      inter1: null,
      inter2: null,
      events,
      fatalities,
    },
  };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * ACLED dates as `YYYY-MM-DD`, `DD-MM-YYYY` or `DD Month YYYY`; null unless a real calendar day.
 * @example parseDate('26 July 2023') === '2023-07-26'
 */
export function parseDate(s: string): string | null {
  const t = s.trim();
  const iso = isoDay(t);
  if (iso !== 0) return iso === 1 ? t : null;
  let g: RegExpMatchArray | null;
  let day: string;
  const pad = (n: number) => String(n).padStart(2, '0');
  if ((g = t.match(/^(\d{2})-(\d{2})-(\d{4})$/))) day = `${g[3]}-${g[2]}-${g[1]}`;
  else if ((g = t.match(/^(\d{1,2}) ([A-Za-z]+) (\d{4})$/))) day = `${g[3]}-${pad(MONTHS.indexOf(g[2]!.toLowerCase()) + 1)}-${pad(+g[1]!)}`;
  else return null;
  // The one validator of calendar days (model/day.ts); isoDay is its hot-path form for YYYY-MM-DD.
  return isDay(day) ? day : null;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Fast path of parseDate for `YYYY-MM-DD` (the form exports use), the per-row form of model/day.ts
 * isDay (a property test checks they agree): 1 when `t` is that form and a real calendar day (years from 100: Date.UTC reads 0 to 99 as 1900 to 1999), -1 when it is that
 * form and not a real day, 0 when it is not that form (parseDate's other rules decide).
 */
function isoDay(t: string): number {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return 0;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return 0;
    y = y * 10 + c;
  }
  const m1 = t.charCodeAt(5) - 48;
  const m2 = t.charCodeAt(6) - 48;
  const d1 = t.charCodeAt(8) - 48;
  const d2 = t.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return 0;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < 100 || m < 1 || m > 12 || d < 1) return -1;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS[m - 1]!) ? 1 : -1;
}

/**
 * A whole number written in decimal digits, with an optional minus sign and spaces around; null for
 * anything else. (Digits read by hand: this runs per row; past 15 digits, as Number() reads them.)
 */
export function parseCount(s: string): number | null {
  const t = s.trim();
  const n = t.length;
  if (n === 0 || n > 15) return /^-?\d+$/.test(t) ? Number(t) : null;
  let i = t.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return null;
  let v = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    v = v * 10 + c;
  }
  return t.charCodeAt(0) === 45 ? -v : v;
}

/**
 * ACLED's `timestamp` (Unix seconds of the row's last change), which decides between two versions
 * of an event; NaN when absent or not a whole number of seconds.
 */
export function timestamp(s: string | undefined): number {
  const v = parseCount(s ?? '');
  return v === null || v < 0 || Object.is(v, -0) ? NaN : v;
}

/** Numeric inter code (0 = no actor 2), or the code of a text label from current exports; undefined when unreadable. */
function parseInter(s: string): number | null | undefined {
  // The few spellings a file has, remembered (up to a bound) by exact text.
  if (INTER_SEEN.has(s)) return INTER_SEEN.get(s);
  const v = readInter(s);
  if (INTER_SEEN.size < 1024) INTER_SEEN.set(s, v);
  return v;
}

const INTER_SEEN = new Map<string, number | null | undefined>();

function readInter(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  if (/^[0-8]$/.test(t)) return Number(t);
  return INTER_LABELS[t.toLowerCase()];
}

const INTER_LABELS: Record<string, number> = {
  'state forces': INTER.stateForces,
  'rebel group': INTER.rebelGroup,
  'political militia': INTER.politicalMilitia,
  'identity militia': INTER.identityMilitia,
  rioters: INTER.rioters,
  protesters: INTER.protesters,
  civilians: INTER.civilians,
  'external/other forces': INTER.externalForces,
};
