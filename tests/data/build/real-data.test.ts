/**
 * The real ACLED inputs in ../shared/data (never in the repository). Expected figures were
 * counted independently from the raw CSV with Python's csv module, not with this code.
 *
 * Day windows: python3, csv.DictReader over acled_niger_events_2019-01-01_2024-05-15.csv; for
 * each row, political violence = event_type in {Battles, Explosions/Remote violence, Violence
 * against civilians}, civilian targeting = civilian_targeting == "Civilian targeting"; events
 * (rows) and int(fatalities) summed per event_date, then over every calendar day of a window
 * (datetime.date, both ends included; a day without rows adds 0). The whole daily file was also
 * compared row by row with the same per-day sums for all ten categories (4,894 rows, identical).
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../data/build/dataset.ts';
import { parseClaims } from '../../../data/build/files.ts';
import { readAggregates, readDaily, readShipped, readSources } from '../../../data/cli/aggregates.ts';
import { CLAIMS_FILE, RAW_DIR } from '../../../data/cli/paths.ts';
import { SOURCES } from '../../../data/cli/sources.ts';
import { derive } from '../../../data/derive/aggregate.ts';
import { EVENT_COLUMNS, TABLE_COLUMNS } from '../../../data/derive/normalise.ts';
import { readCsv } from '../../../data/derive/parse.ts';
import { compareDays } from '../../../model/compare.ts';

const NIGER = path.join(RAW_DIR, 'acled_niger_events_2019-01-01_2024-05-15.csv');
const present = existsSync(NIGER);
if (!present) console.warn(`real-data tests skipped: ${NIGER} is absent (raw ACLED files live in ../shared/data, not in the repository)`);

async function deriveNiger() {
  return derive(readCsv(createReadStream(NIGER), 'niger', EVENT_COLUMNS), 'event');
}

function sum(rows: Awaited<ReturnType<typeof deriveNiger>>['rows'], month: string, category: string, admin1?: string): [number, number] {
  const sel = rows.filter((r) => r.month === month && r.category === category && (admin1 === undefined || r.admin1 === admin1));
  return [sel.reduce((a, r) => a + r.events, 0), sel.reduce((a, r) => a + r.fatalities, 0)];
}

describe.skipIf(!present)('real Niger ACLED export', () => {
  it('reads all 3,485 events and rejects none', async () => {
    const { report } = await deriveNiger();
    expect(report.rows).toEqual({ read: 3485, accepted: 3485, rejected: 0, byReason: {}, duplicates: 0 });
    expect(report.totals).toEqual({ events: 3485, fatalities: 6115 });
    expect(report.countries).toEqual({ NER: { from: '2019-01-01', through: '2024-05-15', accepted: 3485 } });
    expect(report.coverage).toEqual({ from: '2019-01-01', through: '2024-05-15' });
  });

  it('gives the independently counted monthly figures', async () => {
    const { rows } = await deriveNiger();
    expect(sum(rows, '2019-01', 'political_violence')).toEqual([22, 86]);
    expect(sum(rows, '2021-06', 'political_violence')).toEqual([25, 63]);
    expect(sum(rows, '2023-07', 'political_violence')).toEqual([25, 34]);
    expect(sum(rows, '2023-08', 'political_violence')).toEqual([37, 167]);
    expect(sum(rows, '2023-07', 'civilian_targeting')).toEqual([12, 24]);
    expect(sum(rows, '2023-08', 'civilian_targeting')).toEqual([30, 114]);
    expect(sum(rows, '2023-07', 'violence_against_civilians')).toEqual([11, 22]);
    expect(sum(rows, '2023-08', 'violence_against_civilians')).toEqual([28, 114]);
    expect(sum(rows, '2023-07', 'attacks_on_state_forces', 'Tillaberi')).toEqual([5, 8]);
    expect(sum(rows, '2023-08', 'attacks_on_state_forces', 'Tillaberi')).toEqual([4, 42]);
    expect(sum(rows, '2023-08', 'political_violence', 'Diffa')).toEqual([3, 0]);
    expect(sum(rows, '2024-04', 'demonstrations')).toEqual([11, 1]);
    expect(sum(rows, '2024-05', 'political_violence')).toEqual([20, 20]);
  });
});

describe.skipIf(!present)('shipped aggregates (data/aggregates)', () => {
  it('are exactly what npm run data:derive makes from the raw files', async () => {
    const shipped = await readSources();
    for (const cfg of SOURCES) {
      const file = path.join(RAW_DIR, cfg.file);
      const { rows, daily, report } = await derive(
        readCsv(createReadStream(file), cfg.file, cfg.kind === 'event' ? EVENT_COLUMNS : TABLE_COLUMNS),
        cfg.kind,
      );
      expect(await readAggregates(cfg.aggregates)).toEqual(rows);
      expect(shipped.find((s) => s.id === cfg.id)).toMatchObject({ ...report, rows: report.rows });
      if (cfg.dailyFile) {
        expect(await readDaily(cfg.dailyFile)).toEqual(daily);
        expect(shipped.find((s) => s.id === cfg.id)!.daily).toEqual({
          file: cfg.dailyFile,
          from: report.coverage.from,
          through: report.coverage.through,
          rows: daily.length,
        });
      } else expect(shipped.find((s) => s.id === cfg.id)!.daily).toBeUndefined();
    }
    expect(shipped.find((s) => s.id === 'acled-niger-events')!.daily).toEqual({
      file: 'acled-niger-events-daily.csv',
      from: '2019-01-01',
      through: '2024-05-15',
      // 4,894 rows of the ten categories checked with Python (above), and 1,328 of the two disorder-type ones.
      rows: 6222,
    });
  });

  it('hold no event rows, actors or notes (ACLED terms)', async () => {
    const text = await readFile(path.join(path.dirname(CLAIMS_FILE), 'aggregates', 'acled-niger-events.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('country,admin1,month,category,events,fatalities');
    expect(text).not.toMatch(/NIR\d+|Islamic State|Military Forces|On \d+ \w+ \d{4}/);
    // Daily counts: country level only, no region, place, actor or note.
    const daily = await readFile(path.join(path.dirname(CLAIMS_FILE), 'aggregates', 'acled-niger-events-daily.csv'), 'utf8');
    expect(daily.split('\n')[0]).toBe('country,date,category,events,fatalities');
    expect(daily).not.toMatch(/NIR\d+|Islamic State|Military Forces|On \d+ \w+ \d{4}|Tillaberi|Niamey|Diffa/);
    expect(
      new Set(
        daily
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(',')[0]),
      ),
    ).toEqual(new Set(['NER']));
  });
});

describe('dataset built from the shipped aggregates', () => {
  it('agrees with the Explorer table for Niger except one later ACLED revision (April 2024)', async () => {
    const ds = await shippedDataset();
    const whole = ds.catalogue.disagreements.filter((d) => !d.partial);
    expect(whole).toEqual([
      {
        country: 'NER',
        month: '2024-04',
        category: 'political_violence',
        measure: 'fatalities',
        values: { 'acled-niger-events': 72, 'acled-explorer-sahel': 73 },
        used: 'acled-explorer-sahel',
        partial: false,
      },
      {
        country: 'NER',
        month: '2024-04',
        category: 'violence_against_civilians',
        measure: 'fatalities',
        values: { 'acled-niger-events': 24, 'acled-explorer-sahel': 25 },
        used: 'acled-explorer-sahel',
        partial: false,
      },
    ]);
    // May 2024: the event export stops on the 15th, so the whole-month Explorer figure is used.
    const pv = ds.series.find(
      (s) =>
        s.series.country.iso3 === 'NER' &&
        !s.series.admin1 &&
        s.series.category.id === 'political_violence' &&
        s.series.measure === 'events',
    )!;
    expect(pv.points.find((p) => p.month === '2024-05')).toMatchObject({ value: 30, source: 'acled-explorer-sahel', partial: false });
    expect(ds.catalogue.countries.find((c) => c.iso3 === 'NER')!.partialMonths).toEqual(['2024-05']);
    expect(ds.claims.claims.map((c) => [c.id, c.verdict, c.readings.map((r) => [r.beforeValue, r.afterValue, r.holds])])).toEqual([
      [
        'niger-coup-political-violence',
        'supported',
        [
          [25, 37, true],
          [34, 167, true],
        ],
      ],
      [
        'niger-civilians-quadrupled',
        'partly_supported',
        [
          [12, 30, false],
          [24, 114, true],
        ],
      ],
      [
        'tillaberi-state-forces-surge',
        'partly_supported',
        [
          [5, 4, false],
          [8, 42, true],
          [null, 42, true],
        ],
      ],
      // Counted independently from the Explorer table (Python): Burkina Faso political violence,
      // Jan-Aug 2022 vs 2023; Mali violence against civilians, fatalities 2021 vs 2022.
      ['burkina-attacks-fewer-2023', 'not_supported', [[1196, 1163, false]]],
      [
        'burkina-deaths-2023',
        'partly_supported',
        [
          [2969, 5924, true],
          [null, 5924, false],
        ],
      ],
      ['mali-civilian-deaths-doubled-2022', 'supported', [[459, 2151, true]]],
    ]);
    // The day-window reading of the coup claim; the other claims have none.
    expect(ds.claims.claims.map((c) => c.alternatives.length)).toEqual([1, 0, 0, 0, 0, 0]);
    const mali = ds.series.find(
      (s) => s.series.country.iso3 === 'MLI' && s.series.category.id === 'political_violence' && s.series.measure === 'fatalities',
    )!;
    expect(mali.points.filter((p) => p.month === '2023-07' || p.month === '2023-08').map((p) => p.value)).toEqual([374, 285]);
  });
});

let shippedBuild: ReturnType<typeof buildDataset> | null = null;
/** The dataset npm run data:build makes from the shipped aggregates (built once per file). */
function shippedDataset() {
  shippedBuild ??= readFile(CLAIMS_FILE, 'utf8').then(async (text) =>
    buildDataset({ sources: await readShipped(), claims: parseClaims(text, 'data/claims.json') }),
  );
  return shippedBuild;
}

describe('day windows from the shipped daily counts', () => {
  const days = async (category: string) =>
    (await shippedDataset()).days.find((d) => d.series.country.iso3 === 'NER' && d.series.category.id === category)!;

  it('cover every day of the Niger export and only Niger', async () => {
    const ds = await shippedDataset();
    const pv = await days('political_violence');
    expect([pv.days!.source, pv.days!.from, pv.days!.through, pv.days!.events.length]).toEqual([
      'acled-niger-events',
      '2019-01-01',
      '2024-05-15',
      1962,
    ]);
    // Whole record: 2,210 events and 6,076 fatalities (Python, every day 2019-01-01..2024-05-15).
    expect([pv.days!.events.reduce((a, b) => a + b, 0), pv.days!.fatalities.reduce((a, b) => a + b, 0)]).toEqual([2210, 6076]);
    expect(ds.catalogue.countries.map((c) => [c.iso3, c.days])).toEqual([
      ['BFA', null],
      ['TCD', null],
      ['MLI', null],
      ['NER', { from: '2019-01-01', through: '2024-05-15', source: 'acled-niger-events' }],
      ['NGA', null],
    ]);
    const mali = ds.days.find((d) => d.series.country.iso3 === 'MLI' && d.series.category.id === 'political_violence')!;
    expect(mali.days).toBeNull();
    expect(mali.why).toMatch(
      /^Mali has no event-level source \(only country x month tables\), so it has no daily counts; daily counts exist for Niger \(NER, 2019-01-01 to 2024-05-15\)\. Day windows are offered at country level only/,
    );
  });

  it.each([
    // [category, before, after, [before events, after events], [before fatalities, after fatalities]]
    ['political_violence', '2023-06-26..2023-07-25', '2023-07-27..2023-08-25', [31, 34], [44, 158]],
    ['civilian_targeting', '2023-06-26..2023-07-25', '2023-07-27..2023-08-25', [14, 27], [27, 105]],
    // trailing30d ends the day before "after" starts: 27 June-26 July, the coup day included.
    ['political_violence', 'trailing30d', '2023-07-27..2023-08-25', [27, 34], [38, 158]],
    // Across a year boundary (21 and 22 days: daily means).
    ['political_violence', '2023-11-29..2023-12-19', '2023-12-20..2024-01-10', [22, 32], [168, 168]],
    // Leap days, alone and inside windows of three days.
    ['political_violence', '2020-02-29', '2024-02-29', [0, 2], [0, 0]],
    ['political_violence', '2020-02-28..2020-03-01', '2024-02-28..2024-03-01', [2, 7], [3, 4]],
    // Windows that are calendar months give the months' totals (July and August 2023: 25 and 37 events).
    ['political_violence', '2023-07-01..2023-07-31', '2023-08-01..2023-08-31', [25, 37], [34, 167]],
    // The last 15 days of the export.
    ['political_violence', '2024-04-16..2024-04-30', '2024-05-01..2024-05-15', [17, 20], [33, 20]],
  ] as const)('%s %s -> %s', async (category, before, after, events, fatalities) => {
    const doc = await days(category);
    const e = compareDays(doc, 'events', before, after);
    const f = compareDays(doc, 'fatalities', before, after);
    expect([e.before.total, e.after.total]).toEqual(events);
    expect([f.before.total, f.after.total]).toEqual(fatalities);
  });

  it('give the coup claim its day-window reading: 31 -> 34 events (+9.7%), 44 -> 158 fatalities (+259.1%)', async () => {
    const coup = (await shippedDataset()).claims.claims.find((c) => c.id === 'niger-coup-political-violence')!;
    expect(coup.verdict).toBe('supported');
    const [alt] = coup.alternatives;
    expect(alt!.verdict).toBe('partly_supported');
    expect(alt!.readings.map((r) => [r.measure, r.before, r.after, r.beforeValue, r.afterValue, r.change?.pct, r.holds])).toEqual([
      ['events', '2023-06-26..2023-07-25', '2023-07-27..2023-08-25', 31, 34, 9.7, false],
      ['fatalities', '2023-06-26..2023-07-25', '2023-07-27..2023-08-25', 44, 158, 259.1, true],
    ]);
    expect(alt!.readings.map((r) => r.sentence)).toEqual([
      'Political violence events in Niger rose from 31 in 26 June–25 July 2023 to 34 in 27 July–25 August 2023 (+9.7%, 1.1x); "rose by more than 40%" (more than +40%) does not hold.',
      'Political violence reported fatalities in Niger rose from 44 in 26 June–25 July 2023 to 158 in 27 July–25 August 2023 (+259.1%, 3.59x); "rose by more than 40%" (more than +40%) holds.',
    ]);
    expect(alt!.citation).toMatch(
      /^Alternative reading of "In the month after Niger's coup \(26 July 2023\), political violence rose by more than 40%\.": partly supported by ACLED data: Political violence events in Niger rose from 31/,
    );
    expect(alt!.interpretation).toContain('The coup day itself, 26 July 2023, is in neither window');
  });
});
