/**
 * The new sources on the real ACLED files in ../shared/data (skipped with a message where they
 * are absent): row accounts, regions, and the reconciliations SOURCES.md describes, with the
 * figures computed here. Where SOURCES.md counts differently, the test says so beside the figure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignedSpans, compareHdxExplorer, compareSpans, compareWeeks } from '../../../data/derive/crosscheck.ts';
import type { Iso3 } from '../../../model/geography.ts';
import { matchRegions } from '../../../model/regions.ts';
import { explorer, FILES, hdxMali, missing, nigerWeeks, weekly } from './real-sources.ts';

if (missing.length > 0)
  console.warn(`real-data tests skipped: ${missing.join(', ')} absent (raw ACLED files live in ../shared/data, not in the repository)`);

type Weekly = Awaited<ReturnType<typeof weekly>>;
type Hdx = Awaited<ReturnType<typeof hdxMali>>;
let w: Weekly;
let h: Hdx;

describe.skipIf(missing.length > 0)('real files: the weekly file, HDX Mali, and how they reconcile', () => {
  beforeAll(async () => {
    [w, h] = await Promise.all([weekly(), hdxMali()]);
  }, 60_000);

  it('reads every row of the weekly file: five countries by admin1, weeks 1997-01-04 to 2026-03-14', () => {
    expect(w.report.rows).toEqual({
      read: 53322,
      accepted: 53322,
      rejected: 0,
      byReason: {},
      duplicates: 0,
      filtered: 0,
      filteredByCountry: {},
    });
    const c = w.report.countries;
    expect(
      Object.fromEntries(Object.entries(c).map(([k, v]) => [k, [v.admin1.length, v.from, v.through, v.throughDay, v.accepted]])),
    ).toEqual({
      BFA: [13, '1997-02-01', '2026-03-14', '2026-03-20', 8215],
      MLI: [10, '1997-01-04', '2026-03-14', '2026-03-20', 9203],
      NER: [8, '1997-01-04', '2026-03-14', '2026-03-20', 3780],
      NGA: [38, '1997-01-04', '2026-03-14', '2026-03-20', 30211], // 37 states + "Gulf of Guinea"
      TCD: [23, '1997-02-15', '2026-03-14', '2026-03-20', 1913],
    });
    expect(w.report.totals).toEqual({ events: 84947, fatalities: 227578 });
  });

  it('reads every row of HDX Mali: 53 admin2 areas in 10 regions, 1997-01 to 2026-04 (partial: as of 22 April)', () => {
    expect(h.skippedSheets).toEqual(['TOU']);
    expect(h.report.rows).toMatchObject({ read: 18656, accepted: 18656, rejected: 0, duplicates: 0, filtered: 0 });
    expect(h.report.countries.MLI).toEqual({
      from: '1997-01',
      through: '2026-04',
      accepted: 18656,
      admin1: ['Bamako', 'Gao', 'Kayes', 'Kidal', 'Koulikoro', 'Menaka', 'Mopti', 'Segou', 'Sikasso', 'Tombouctou'],
      admin2: 53,
    });
    expect(h.report).toMatchObject({ asOf: '2026-04-22', partialMonth: '2026-04' });
    expect(h.totals).toHaveLength(352);
  });

  it("matches every admin1 name to an outline but ACLED's maritime Gulf of Guinea", () => {
    const outlines = (iso3: string) => {
      const file = readdirOutline(iso3);
      return (JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: { name: string } }[] }).features.map(
        (f) => f.properties.name,
      );
    };
    const summary: Record<string, unknown> = {};
    for (const [iso3, c] of Object.entries(w.report.countries)) {
      const m = matchRegions(iso3 as Iso3, c.admin1, outlines(iso3));
      summary[iso3] = {
        exact: m.matched.filter((x) => x.by === 'exact').length,
        folded: m.matched.filter((x) => x.by === 'folded').map((x) => `${x.name} = ${x.outline}`),
        alias: m.matched.filter((x) => x.by === 'alias').map((x) => `${x.name} = ${x.outline}`),
        unmatched: m.unmatched,
        outlinesWithoutData: m.outlinesWithoutData,
      };
    }
    expect(summary).toEqual({
      BFA: { exact: 12, folded: ['Plateau-Central = Plateau Central'], alias: [], unmatched: [], outlinesWithoutData: [] },
      MLI: { exact: 9, folded: [], alias: ['Koulikoro = Koulikouro'], unmatched: [], outlinesWithoutData: [] },
      NER: { exact: 7, folded: ['Tillaberi = Tillabéri'], alias: [], unmatched: [], outlinesWithoutData: [] },
      NGA: { exact: 36, folded: [], alias: ['Nassarawa = Nasarawa'], unmatched: ['Gulf of Guinea'], outlinesWithoutData: [] },
      TCD: {
        exact: 15,
        folded: [
          'Barh El Gazel = Barh-El-Gazel',
          'Chari Baguirmi = Chari-Baguirmi',
          'Guera = Guéra',
          'Mayo Kebbi Est = Mayo-Kebbi Est',
          'Mayo Kebbi Ouest = Mayo-Kebbi Ouest',
          "Ndjamena = N'Djamena",
          'Ouaddai = Ouaddaï',
          'Tandjile = Tandjilé',
        ],
        alias: [],
        unmatched: [],
        outlinesWithoutData: [],
      },
    });
    // HDX's Mali regions are spelled as the weekly file's.
    expect(h.report.countries.MLI!.admin1).toEqual(w.report.countries.MLI!.admin1);
  });

  it('weekly file vs the Niger event file by week, 2019-01-05..2024-05-04', async () => {
    const n = await nigerWeeks();
    expect(n.events).toBe(3485);
    const [pv, pva, ...types] = compareWeeks(w.country, n.cells, 'NER', '2019-01-05', '2024-05-04', [
      'political_violence',
      'political_violence_acled',
      'battles',
      'explosions_remote_violence',
      'violence_against_civilians',
      'protests',
      'riots',
      'strategic_developments',
    ]);
    // SOURCES.md says "266 of the 275 weeks": the range holds 279 weeks, and the 9 weeks it lists are
    // the only ones whose events differ (279 - 9 = 270).
    expect(pv!.weeks).toBe(279);
    expect(pv!.equalEvents).toBe(270);
    expect(pv!.equalBoth).toBe(269);
    const d = (x: typeof pv) => x!.differences.map((y) => `${y.week} ${y.a.events}/${y.a.fatalities} vs ${y.b.events}/${y.b.fatalities}`);
    // weekly file (2026) vs event file (2024): events/fatalities
    expect(d(pv)).toEqual([
      '2022-05-07 7/25 vs 5/19',
      '2022-05-14 12/89 vs 11/84',
      '2022-09-17 23/32 vs 22/21',
      '2022-10-22 20/40 vs 19/36',
      '2022-11-19 12/16 vs 11/13',
      '2023-05-20 15/17 vs 14/10',
      '2023-06-03 8/14 vs 7/12',
      '2023-07-08 6/8 vs 5/7',
      '2024-02-10 10/8 vs 9/7',
      '2024-03-30 6/4 vs 6/3', // fatalities only
    ]);
    // ACLED's disorder type adds mob violence: the same weeks differ, by the same events.
    expect(pva!.differences.map((y) => y.week)).toEqual(pv!.differences.map((y) => y.week));
    expect(pva!.differences.map((y) => y.a.events - y.b.events)).toEqual(pv!.differences.map((y) => y.a.events - y.b.events));
    // By event type: 15 week x type cells differ, one event moved from ERV to Battles in the week of 2023-12-30.
    const cells = types.flatMap((t) =>
      t.differences.map((y) => `${y.week} ${y.category} ${y.a.events}/${y.a.fatalities} vs ${y.b.events}/${y.b.fatalities}`),
    );
    expect(cells).toHaveLength(15);
    expect(cells.filter((c) => c.startsWith('2023-12-30'))).toEqual([
      '2023-12-30 battles 3/53 vs 2/3',
      '2023-12-30 explosions_remote_violence 4/1 vs 5/51',
    ]);
    expect(types.map((t) => [t.category, t.differences.length])).toEqual([
      ['battles', 5],
      ['explosions_remote_violence', 2],
      ['violence_against_civilians', 6],
      ['protests', 1],
      ['riots', 0],
      ['strategic_developments', 1],
    ]);
  });

  it('HDX Mali vs the Explorer table, 2021-01..2024-09: never fewer; beyond the riots in 9 months', async () => {
    const m = compareHdxExplorer(h.totals, await explorer(), 'MLI', '2021-01', '2024-09');
    expect(m).toHaveLength(45);
    const count = (v: string) => m.filter((x) => x.verdict === v).length;
    expect([count('below'), count('equal'), count('within riots'), count('beyond riots')]).toEqual([0, 9, 27, 9]);
    expect(
      m
        .filter((x) => x.verdict === 'beyond riots')
        .map((x) => `${x.month} ${x.hdx} vs ${x.explorer} (riots ${x.riots}, ${x.beyond} beyond)`),
    ).toEqual([
      '2023-04 134 vs 122 (riots 8, 4 beyond)',
      '2023-05 130 vs 123 (riots 4, 3 beyond)',
      '2023-09 104 vs 101 (riots 0, 3 beyond)',
      '2023-11 154 vs 149 (riots 4, 1 beyond)',
      '2024-02 154 vs 152 (riots 1, 1 beyond)',
      '2024-05 138 vs 136 (riots 1, 1 beyond)',
      '2024-06 113 vs 108 (riots 1, 4 beyond)',
      '2024-07 97 vs 95 (riots 1, 1 beyond)',
      '2024-08 104 vs 102 (riots 0, 2 beyond)',
    ]);
    expect(m.filter((x) => x.month === '2023-07' || x.month === '2023-08').map((x) => [x.month, x.hdx, x.explorer])).toEqual([
      ['2023-07', 121, 119],
      ['2023-08', 116, 115],
    ]);
  });

  it("HDX political violence is ACLED's disorder type, excessive force against protesters included", () => {
    const spans = alignedSpans('1997-01', '2026-03').filter((s) => s.weeks.to <= w.report.countries.MLI!.through);
    expect(spans).toHaveLength(50);
    const on = (c: Parameters<typeof compareSpans>[3]) => compareSpans(h.totals, w.country, 'MLI', c, spans);
    const pva = on('political_violence_acled');
    expect(pva.filter((s) => s.monthly !== s.weekly)).toEqual([]);
    // Without excessive force (B + ERV + VAC + mob violence only), 8 of the 50 stretches differ.
    const [pv, riots, demAcled, protests] = [on('political_violence'), on('riots'), on('demonstrations_acled'), on('protests')];
    const mob = (i: number) => riots[i]!.weekly - (demAcled[i]!.weekly - protests[i]!.weekly);
    expect(pva.filter((s, i) => s.monthly !== pv[i]!.weekly + mob(i)).map((s) => `${s.from}..${s.to}`)).toEqual([
      '2011-10..2012-08',
      '2012-09..2012-11',
      '2013-06..2014-01',
      '2014-03..2014-10',
      '2015-08..2016-09',
      '2017-04..2017-06',
      '2020-02..2020-07',
      '2021-05..2021-12',
    ]);
  });
});

function readdirOutline(iso3: string): string {
  const names: Record<string, string> = {
    BFA: 'BFA-admin1-geoboundaries.geojson',
    MLI: 'MLI-admin1-10-regions-from-ocha-cod-ab-2015.geojson',
    NER: 'NER-admin1-ocha-cod-ab-2023.geojson',
    NGA: 'NGA-admin1-ocha-cod-ab-2016.geojson',
    TCD: 'TCD-admin1-ocha-cod-ab-2016.geojson',
  };
  return path.join(FILES.boundaries, names[iso3]!);
}
