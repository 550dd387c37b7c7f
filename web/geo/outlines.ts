/**
 * Source outlines (../shared/data/boundaries/*-admin1-*.geojson) -> one simplified collection per
 * country, each feature named as ACLED names the region (model/regions.ts matching) and the
 * collection carrying its attribution. Pure: web/geo/simplify.ts reads and writes the files.
 */
import type { Iso3 } from '../../model/geography.ts';
import { slug } from '../../model/geography.ts';
import { matchRegions, type RegionMatching } from '../../model/regions.ts';
import { distinctPositions, type Position, type Ring, rewindForD3, signedArea2, simplifyRing } from './rings.ts';

/** ACLED's weekly aggregates in ../shared/data (SOURCES.md section 4): the admin1 names the outlines take. */
export const WEEKLY_FILE = 'acled_aggregated_weekly_sahel5_1997-01-04_2026-03-14.csv';

/** What the map must show beside an outline drawn from a source (SOURCES.md section 6). */
export interface Attribution {
  /** The source collection's own `source` text, verbatim. */
  source: string;
  /** Where the file was taken from (repository @ commit), as SOURCES.md records it. */
  via: string;
  licence: 'CC BY 4.0' | 'CC BY-IGO';
  /** The line to print under the map (no URL: the dashboard links nothing it does not host). */
  credit: string;
  /** The input file in ../shared/data/boundaries. */
  input: string;
}

export interface OutlineSource {
  input: string;
  via: string;
  licence: Attribution['licence'];
  credit: string;
  /**
   * Douglas-Peucker tolerance in degrees. Each map is drawn to fill the same canvas, so the
   * tolerance follows the country's extent: one to two pixels of a 600-pixel map
   * (Burkina Faso spans 7.5 degrees, Nigeria 12, Mali and Chad 16), which keeps every file a few
   * tens of KB, under the budget in tests/web/geo/outlines.test.ts; Nigeria's 37 states, with
   * their coast and rivers, are the largest.
   */
  tolerance: number;
}

/** The outline file of each country and how it is credited; `credit` says "simplified" because CC BY asks that changes be indicated. */
export const OUTLINE_SOURCES: Readonly<Record<Iso3, OutlineSource>> = {
  BFA: {
    input: 'BFA-admin1-geoboundaries.geojson',
    via: 'mohamedsillahkanu/SNT-Code-Library @7040baf4',
    licence: 'CC BY 4.0',
    credit: 'Region outlines: geoBoundaries gbOpen ADM1 (World Bank 2017 layer), CC BY 4.0; simplified',
    tolerance: 0.015,
  },
  MLI: {
    input: 'MLI-admin1-10-regions-from-ocha-cod-ab-2015.geojson',
    via: 'spatialworks/mali @01565463',
    licence: 'CC BY-IGO',
    credit: 'Region outlines: OCHA COD-AB Mali 2015 (cercles dissolved into regions), CC BY-IGO; simplified',
    tolerance: 0.025,
  },
  NER: {
    input: 'NER-admin1-ocha-cod-ab-2023.geojson',
    via: 'halieute/asset @616c5e7b',
    licence: 'CC BY-IGO',
    credit: 'Region outlines: OCHA COD-AB Niger (IGNN 2023), CC BY-IGO; simplified',
    tolerance: 0.02,
  },
  NGA: {
    input: 'NGA-admin1-ocha-cod-ab-2016.geojson',
    via: 'ropensci/naijR @30b3f299',
    licence: 'CC BY-IGO',
    credit: 'Region outlines: OCHA COD-AB Nigeria (OSGOF 2016), CC BY-IGO; simplified',
    tolerance: 0.035,
  },
  TCD: {
    input: 'TCD-admin1-ocha-cod-ab-2016.geojson',
    via: 'spatialworks/chad @418065aa',
    licence: 'CC BY-IGO',
    credit: 'Region outlines: OCHA COD-AB Chad (OCHA 2016), CC BY-IGO; simplified',
    tolerance: 0.025,
  },
};

type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** A feature of ../shared/data/boundaries/*-admin1-*.geojson. */
export interface SourceFeature {
  type: 'Feature';
  geometry: Geometry;
  properties: { name: string; pcode?: string; [k: string]: unknown };
}

export interface SourceCollection {
  source?: string;
  features: SourceFeature[];
}

export interface OutlineFeature {
  type: 'Feature';
  geometry: Geometry;
  /** `name`: ACLED's admin1 spelling (the outline's own where no ACLED name matched); `slug`: model/geography.ts's slug of it; `sourceName`, `pcode`: as the source writes them. */
  properties: { name: string; slug: string; sourceName: string; pcode: string };
}

export interface OutlineCollection {
  type: 'FeatureCollection';
  attribution: Attribution;
  features: OutlineFeature[];
}

export interface CountryOutlines {
  collection: OutlineCollection;
  matching: RegionMatching;
  /** Positions written (closing positions included), and polygon parts or holes left out because they collapsed to a point or a line. */
  vertices: number;
  droppedParts: number;
}

/**
 * Simplify a country's source outlines and name each feature as ACLED does. Every feature is kept:
 * a part or hole that collapses is left out, unless it is the feature's last part, which keeps its
 * minimal ring. Throws when two ACLED names match one outline.
 * @example countryOutlines('MLI', src, ['Koulikoro', ...]).collection.features[i].properties gives { name: 'Koulikoro', slug: 'koulikoro', sourceName: 'Koulikouro', pcode: 'ML02' }
 */
export function countryOutlines(iso3: Iso3, src: SourceCollection, admin1: readonly string[]): CountryOutlines {
  const conf = OUTLINE_SOURCES[iso3];
  const matching = matchRegions(
    iso3,
    admin1,
    src.features.map((f) => f.properties.name),
  );
  const acledName = new Map<string, string>();
  for (const m of matching.matched) {
    const seen = acledName.get(m.outline);
    if (seen !== undefined) throw new Error(`${iso3}: ACLED's "${seen}" and "${m.name}" both match the outline "${m.outline}"`);
    acledName.set(m.outline, m.name);
  }
  let vertices = 0;
  let droppedParts = 0;
  const features = src.features.map((f): OutlineFeature => {
    const sourceName = f.properties.name;
    const name = acledName.get(sourceName) ?? sourceName;
    const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const simplified = simplifyParts(parts, conf.tolerance);
    droppedParts += simplified.dropped;
    for (const p of simplified.parts) for (const r of p) vertices += r.length;
    const geometry: Geometry =
      simplified.parts.length === 1
        ? { type: 'Polygon', coordinates: simplified.parts[0]! }
        : { type: 'MultiPolygon', coordinates: simplified.parts };
    return { type: 'Feature', geometry, properties: { name, slug: slug(name), sourceName, pcode: String(f.properties.pcode ?? '') } };
  });
  features.sort((a, b) => a.properties.slug.localeCompare(b.properties.slug, 'en'));
  const attribution: Attribution = {
    source: src.source ?? conf.input,
    via: conf.via,
    licence: conf.licence,
    credit: conf.credit,
    input: conf.input,
  };
  return { collection: { type: 'FeatureCollection', attribution, features }, matching, vertices, droppedParts };
}

/** Simplify each polygon (exterior, then holes), dropping collapsed parts and holes but never the last part. */
function simplifyParts(parts: readonly Ring[][], tolerance: number): { parts: Ring[][]; dropped: number } {
  const out: Ring[][] = [];
  let dropped = 0;
  let largest: { area: number; ring: Ring } | null = null;
  for (const poly of parts) {
    const [outer, ...holes] = poly.map((r) => simplifyRing(r, tolerance));
    if (outer === undefined) continue;
    const area = Math.abs(signedArea2(poly[0]!));
    if (distinctPositions(outer) < 3) {
      dropped++;
      if (largest === null || area > largest.area) largest = { area, ring: outer };
      continue;
    }
    const kept = holes.filter((h) => distinctPositions(h) >= 3);
    dropped += holes.length - kept.length;
    out.push(rewindForD3([outer, ...kept]));
  }
  // Every part collapsed: the region keeps the minimal ring of its largest part, so it is never lost.
  if (out.length === 0 && largest !== null) {
    out.push(rewindForD3([largest.ring]));
    dropped--;
  }
  return { parts: out, dropped };
}

/** Every position of a collection's features (for counting and bounds). */
export function positions(c: { features: readonly { geometry: Geometry }[] }): Position[] {
  const all: Position[] = [];
  for (const f of c.features) {
    const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of parts) for (const r of p) all.push(...r);
  }
  return all;
}
