/**
 * Ring simplification for the region outlines (web/geo/simplify.ts): Douglas-Peucker per ring,
 * rounding, and d3-geo's winding order. Pure.
 */

export type Position = [number, number];
export type Ring = Position[];

/** Distance from p to the segment a-b (planar, in degrees: fine at this scale). */
export function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return Math.sqrt(x * x + y * y);
}

/** Douglas-Peucker on an open polyline: keeps the ends and every point farther than `tolerance` from the simplified line. */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [lo, hi] = stack.pop()!;
    let max = -1;
    let at = -1;
    for (let i = lo + 1; i < hi; i++) {
      const d = segmentDistance(points[i]!, points[lo]!, points[hi]!);
      if (d > max) {
        max = d;
        at = i;
      }
    }
    if (at >= 0 && max > tolerance) {
      keep[at] = 1;
      stack.push([lo, at], [at, hi]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplify a closed ring (first point = last point). The ring is split at its first point and
 * at the point farthest from it, so that no ring collapses; at least 4 positions (a triangle) remain.
 */
export function simplifyRing(ring: Ring, tolerance: number, digits = 3): Ring {
  const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring.slice();
  if (open.length <= 3) return closeRing(open.map((p) => roundPosition(p, digits)));
  let far = 1;
  let best = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i]![0] - open[0]![0], open[i]![1] - open[0]![1]);
    if (d > best) {
      best = d;
      far = i;
    }
  }
  const a = simplifyLine(open.slice(0, far + 1), tolerance);
  const b = simplifyLine([...open.slice(far), open[0]!], tolerance);
  let out = [...a, ...b.slice(1, -1)].map((p) => roundPosition(p, digits));
  // Rounding can make neighbours equal: drop repeats.
  out = out.filter((p, i) => i === 0 || p[0] !== out[i - 1]![0] || p[1] !== out[i - 1]![1]);
  while (out.length > 1 && out.at(-1)![0] === out[0]![0] && out.at(-1)![1] === out[0]![1]) out.pop();
  if (out.length < 3)
    out = open.filter((_, i) => i === 0 || i === far || i === Math.floor((far + open.length) / 2)).map((p) => roundPosition(p, digits));
  return closeRing(out);
}

/** Distinct positions of a closed ring (its closing position not counted): fewer than 3 means it collapsed to a point or a line. */
export function distinctPositions(ring: readonly Position[]): number {
  return new Set(ring.map((p) => `${p[0]},${p[1]}`)).size;
}

/** Twice the signed area of a ring (shoelace, lon/lat as x/y): positive when counter-clockwise. */
export function signedArea2(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return a;
}

/**
 * d3-geo (behind chartjs-chart-geo) takes a polygon's exterior ring clockwise and its holes
 * counter-clockwise (the opposite of RFC 7946); a counter-clockwise exterior would fill the
 * whole globe except the region. Rewind to d3's order.
 */
export function rewindForD3(rings: Ring[]): Ring[] {
  return rings.map((r, i) => {
    const ccw = signedArea2(r) > 0;
    const wantCcw = i > 0;
    return ccw === wantCcw ? r : r.slice().reverse();
  });
}

function closeRing(r: Position[]): Ring {
  return r.length > 0 ? [...r, [r[0]![0], r[0]![1]]] : r;
}

export function roundPosition(p: Position, digits: number): Position {
  const f = 10 ** digits;
  // `+ 0` turns -0 into 0, so that a re-read file (JSON has no -0) equals what was written.
  return [Math.round(p[0] * f) / f + 0, Math.round(p[1] * f) / f + 0];
}
