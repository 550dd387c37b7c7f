/** Ring simplification (web/geo/rings.ts). */
import { describe, expect, it } from 'vitest';
import {
  distinctPositions,
  type Ring,
  rewindForD3,
  segmentDistance,
  signedArea2,
  simplifyLine,
  simplifyRing,
} from '../../../web/geo/rings.ts';

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

  it('never repeats the first position before the closing one, even when rounding merges them', () => {
    const ring: Ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0.0001, 0.0001],
      [0, 0],
    ];
    expect(simplifyRing(ring, 0.00001)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('counts distinct positions, so a ring collapsed to a point or a line can be told apart', () => {
    expect(
      distinctPositions([
        [0, 0],
        [1, 1],
        [0, 0],
        [0, 0],
      ]),
    ).toBe(2);
    const square: Ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(distinctPositions(square)).toBe(4);
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
});
