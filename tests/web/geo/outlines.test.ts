/**
 * Country outlines (web/geo/outlines.ts) on a hand-made collection, and the committed files
 * web/geo/<ISO3>-admin1.json and unmatched.json that `npm run web:geo` wrote. Where ../shared/data
 * is present, the slugs are checked against ACLED's weekly file and the committed files against a
 * fresh run (skipped with a message otherwise).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RAW_DIR } from '../../../data/cli/paths.ts';
import { readWeekly } from '../../../data/derive/weekly.ts';
import { type Iso3, slug } from '../../../model/geography.ts';
import {
  countryOutlines,
  OUTLINE_SOURCES,
  type OutlineCollection,
  positions,
  type SourceCollection,
  WEEKLY_FILE,
} from '../../../web/geo/outlines.ts';
import { distinctPositions, type Ring, signedArea2 } from '../../../web/geo/rings.ts';

const GEO = path.join(import.meta.dirname, '..', '..', '..', 'web', 'geo');

/** ACLED's admin1 regions per country (SOURCES.md section 6); Nigeria's 38th ACLED name, "Gulf of Guinea", has no outline. */
const EXPECTED_REGIONS: Record<Iso3, number> = { BFA: 13, TCD: 23, MLI: 10, NER: 8, NGA: 37 };

/** Bytes per committed file: "a few tens of KB" for a page that loads one country's map; the largest, Nigeria, is about 54 KB. */
const BUDGET_BYTES = 60_000;

const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('country outlines from a source collection', () => {
  const src: SourceCollection = {
    source: 'OCHA COD-AB test layer (CC BY-IGO)',
    features: [
      // A region with a hole too small to survive, and an island that collapses to a point.
      {
        type: 'Feature',
        properties: { name: 'Koulikouro', pcode: 'ML02' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[square(0, 0, 1), square(0.5, 0.5, 0.0001)], [square(3, 3, 0.0001)]],
        },
      },
      // A region whose only ring collapses: it keeps a minimal ring.
      { type: 'Feature', properties: { name: 'Ségou', pcode: 'ML04' }, geometry: { type: 'Polygon', coordinates: [square(5, 5, 0.0001)] } },
      { type: 'Feature', properties: { name: 'Kidal', pcode: 'ML08' }, geometry: { type: 'Polygon', coordinates: [square(2, 2, 1)] } },
    ],
  };

  it('names features as ACLED does (folded and aliased), keeps every feature, and reports both kinds of unmatched names', () => {
    const out = countryOutlines('MLI', src, ['Segou', 'Koulikoro', 'Atlantis']);
    expect(out.collection.features.map((f) => f.properties)).toEqual([
      { name: 'Kidal', slug: 'kidal', sourceName: 'Kidal', pcode: 'ML08' },
      { name: 'Koulikoro', slug: 'koulikoro', sourceName: 'Koulikouro', pcode: 'ML02' },
      { name: 'Segou', slug: 'segou', sourceName: 'Ségou', pcode: 'ML04' },
    ]);
    expect(out.matching.unmatched).toEqual(['Atlantis']);
    expect(out.matching.outlinesWithoutData).toEqual(['Kidal']);
    expect(out.collection.attribution).toEqual({
      source: 'OCHA COD-AB test layer (CC BY-IGO)',
      via: 'spatialworks/mali @01565463',
      licence: 'CC BY-IGO',
      credit: OUTLINE_SOURCES.MLI.credit,
      input: 'MLI-admin1-10-regions-from-ocha-cod-ab-2015.geojson',
    });
  });

  it('leaves out collapsed holes and parts, but a region whose every ring collapses keeps a minimal closed ring', () => {
    const out = countryOutlines('MLI', src, []);
    const byName = new Map(out.collection.features.map((f) => [f.properties.sourceName, f.geometry]));
    expect(byName.get('Koulikouro')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 1],
          [1, 1],
          [1, 0],
          [0, 0],
        ],
      ],
    });
    const segou = byName.get('Ségou')!;
    expect(segou.type).toBe('Polygon');
    const ring = (segou.coordinates as Ring[])[0]!;
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(out.droppedParts).toBe(2);
    expect(out.vertices).toBe(5 + ring.length + 5);
  });

  it('refuses two ACLED names for one outline', () => {
    const nga: SourceCollection = {
      features: [{ type: 'Feature', properties: { name: 'Nasarawa' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } }],
    };
    expect(() => countryOutlines('NGA', nga, ['Nasarawa', 'Nassarawa'])).toThrow(/both match the outline "Nasarawa"/);
  });
});

const committed = (iso3: Iso3) => readFileSync(path.join(GEO, `${iso3}-admin1.json`), 'utf8');
const countries = Object.keys(EXPECTED_REGIONS) as Iso3[];

describe('the committed outline files', () => {
  it.each(countries)('%s: the expected regions, closed clockwise rings, unique ACLED slugs, its attribution, within the budget', (iso3) => {
    const text = committed(iso3);
    expect(Buffer.byteLength(text)).toBeLessThan(BUDGET_BYTES);
    const geo = JSON.parse(text) as OutlineCollection;
    expect(geo.features).toHaveLength(EXPECTED_REGIONS[iso3]);
    const slugs = geo.features.map((f) => f.properties.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const f of geo.features) {
      expect(f.properties.slug).toBe(slug(f.properties.name));
      const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      expect(parts.length).toBeGreaterThan(0);
      for (const poly of parts)
        poly.forEach((ring, i) => {
          expect(ring[0]).toEqual(ring.at(-1));
          expect(distinctPositions(ring)).toBeGreaterThanOrEqual(3);
          // d3-geo's order: exterior clockwise (negative shoelace area), holes counter-clockwise.
          expect(Math.sign(signedArea2(ring))).toBe(i === 0 ? -1 : 1);
        });
    }
    expect(positions(geo).every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    const { credit, licence, input, via } = OUTLINE_SOURCES[iso3];
    expect(geo.attribution).toMatchObject({ credit, licence, input, via });
    expect(geo.attribution.source).toMatch(licence === 'CC BY 4.0' ? /^geoBoundaries .*\(CC BY 4\.0\)$/ : /^OCHA COD-AB .*\(CC BY-IGO\)$/);
  });
});

const shared = {
  weekly: path.join(RAW_DIR, WEEKLY_FILE),
  boundaries: path.join(RAW_DIR, 'boundaries'),
};
const absent = Object.values(shared).filter((f) => !existsSync(f));
if (absent.length > 0)
  console.warn(`outline checks against ACLED's names skipped: ${absent.join(', ')} absent (they live in ../shared/data)`);

describe.skipIf(absent.length > 0)('the committed outline files against ../shared/data', () => {
  let admin1: Partial<Record<Iso3, string[]>>;
  beforeAll(async () => {
    const w = await readWeekly([shared.weekly]);
    admin1 = Object.fromEntries(countries.map((c) => [c, w.report.countries[c]?.admin1 ?? []]));
  }, 60_000);

  it.each(countries)("%s: every slug is the slug of one of ACLED's admin1 names, and the file is what the script writes today", (iso3) => {
    const geo = JSON.parse(committed(iso3)) as OutlineCollection;
    const acled = new Set(admin1[iso3]!.map(slug));
    for (const f of geo.features) expect(acled, f.properties.name).toContain(f.properties.slug);
    const src = JSON.parse(readFileSync(path.join(shared.boundaries, OUTLINE_SOURCES[iso3].input), 'utf8')) as SourceCollection;
    expect(geo).toEqual(countryOutlines(iso3, src, admin1[iso3]!).collection);
  });

  it("unmatched.json lists the ACLED names without an outline: only Nigeria's maritime Gulf of Guinea", () => {
    const u = JSON.parse(readFileSync(path.join(GEO, 'unmatched.json'), 'utf8')) as {
      admin1From: string;
      countries: Record<Iso3, { admin1: number; unmatched: string[]; outlinesWithoutData: string[] }>;
    };
    expect(u.admin1From).toBe(WEEKLY_FILE);
    expect(
      Object.fromEntries(countries.map((c) => [c, [u.countries[c].admin1, u.countries[c].unmatched, u.countries[c].outlinesWithoutData]])),
    ).toEqual({
      BFA: [13, [], []],
      TCD: [23, [], []],
      MLI: [10, [], []],
      NER: [8, [], []],
      NGA: [38, ['Gulf of Guinea'], []],
    });
    for (const c of countries) expect(u.countries[c].admin1).toBe(admin1[c]!.length);
  });
});
