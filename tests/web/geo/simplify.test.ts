/** Outline simplification (web/geo/simplify.ts) and the committed outlines it made. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nigerAdmin1,
  type Ring,
  rewindForD3,
  segmentDistance,
  signedArea2,
  simplifyLine,
  simplifyRing,
} from '../../../web/geo/simplify.ts';

describe('outline simplification', () => {
  it('measures distance to a segment', () => {
    expect(segmentDistance([0, 1], [0, 0], [2, 0])).toBe(1);
    expect(segmentDistance([3, 0], [0, 0], [2, 0])).toBe(1);
  });

  it('drops points within the tolerance and keeps the ends and the corners', () => {
    const line: [number, number][] = [
      [0, 0],
      [1, 0.001],
      [2, 0],
      [2, 1],
      [3, 1.0005],
      [4, 1],
    ];
    expect(simplifyLine(line, 0.01)).toEqual([
      [0, 0],
      [2, 0],
      [2, 1],
      [4, 1],
    ]);
  });

  it('keeps a ring closed, at least a triangle, and rounds it', () => {
    const square: Ring = [
      [0, 0],
      [0.5, 0.00001],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const r = simplifyRing(square, 0.01);
    expect(r[0]).toEqual(r.at(-1));
    expect(r).toHaveLength(5);
    const tiny: Ring = [
      [0, 0],
      [0.0001, 0],
      [0.0001, 0.0001],
      [0, 0],
    ];
    expect(simplifyRing(tiny, 1).length).toBeGreaterThanOrEqual(4);
  });

  it('winds exterior rings clockwise and holes counter-clockwise, as d3-geo wants', () => {
    const ccw: Ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(signedArea2(ccw)).toBeGreaterThan(0);
    const [outer, hole] = rewindForD3([ccw, ccw]);
    expect(signedArea2(outer!)).toBeLessThan(0);
    expect(signedArea2(hole!)).toBeGreaterThan(0);
  });

  it('the committed outlines are Niger’s 8 regions, small, with ACLED-matching slugs', async () => {
    const file = path.join(import.meta.dirname, '..', '..', '..', 'web', 'geo', 'niger-admin1.json');
    const text = await readFile(file, 'utf8');
    expect(text.length).toBeLessThan(60_000);
    const geo = JSON.parse(text) as { features: { properties: { slug: string }; geometry: { type: string; coordinates: Ring[] } }[] };
    expect(geo.features.map((f) => f.properties.slug)).toEqual([
      'agadez',
      'diffa',
      'dosso',
      'maradi',
      'niamey',
      'tahoua',
      'tillaberi',
      'zinder',
    ]);
    for (const f of geo.features) if (f.geometry.type === 'Polygon') expect(signedArea2(f.geometry.coordinates[0]!)).toBeLessThan(0);
    // Re-running the script on a feature gives the same shapes.
    const again = nigerAdmin1(
      {
        features: [
          { type: 'Feature', properties: { adm0_a3: 'NER', name: 'Tillabéri' }, geometry: geo.features[6]!.geometry as never },
          { type: 'Feature', properties: { adm0_a3: 'MLI', name: 'Gao' }, geometry: geo.features[6]!.geometry as never },
        ],
      },
      0.01,
    );
    expect(again.features).toHaveLength(1);
    expect(again.features[0]!.properties).toEqual({ name: 'Tillabéri', slug: 'tillaberi' });
  });
});
