/**
 * The real ACLED inputs in ../shared/data (never in the repository). Expected figures were
 * counted independently from the raw CSV with Python's csv module, not with this code.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../data/model/claims.ts';
import { derive } from '../../data/pipeline/aggregate.ts';
import { buildDataset } from '../../data/pipeline/dataset.ts';
import { EVENT_COLUMNS, TABLE_COLUMNS } from '../../data/pipeline/normalise.ts';
import { readCsv } from '../../data/pipeline/parse.ts';
import { readAggregates, readSources } from '../../data/cli/aggregates.ts';
import { SOURCES } from '../../data/cli/sources.ts';
import { CLAIMS_FILE, RAW_DIR } from '../../data/cli/paths.ts';

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
      const { rows, report } = await derive(
        readCsv(createReadStream(file), cfg.file, cfg.kind === 'event' ? EVENT_COLUMNS : TABLE_COLUMNS),
        cfg.kind,
      );
      expect(await readAggregates(cfg.aggregates)).toEqual(rows);
      expect(shipped.find((s) => s.id === cfg.id)).toMatchObject({ ...report, rows: report.rows });
    }
  });

  it('hold no event rows, actors or notes (ACLED terms)', async () => {
    const text = await readFile(path.join(path.dirname(CLAIMS_FILE), 'aggregates', 'acled-niger-events.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('country,admin1,month,category,events,fatalities');
    expect(text).not.toMatch(/NIR\d+|Islamic State|Military Forces|On \d+ \w+ \d{4}/);
  });
});

describe('dataset built from the shipped aggregates', () => {
  it('agrees with the Explorer table for Niger except one later ACLED revision (April 2024)', async () => {
    const infos = await readSources();
    const sources = await Promise.all(infos.map(async (info) => ({ info, rows: await readAggregates(info.aggregates) })));
    const claims = JSON.parse(await readFile(CLAIMS_FILE, 'utf8')) as Claim[];
    const ds = await buildDataset({ sources, claims });
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
    const mali = ds.series.find(
      (s) => s.series.country.iso3 === 'MLI' && s.series.category.id === 'political_violence' && s.series.measure === 'fatalities',
    )!;
    expect(mali.points.filter((p) => p.month === '2023-07' || p.month === '2023-08').map((p) => p.value)).toEqual([374, 285]);
  });
});
