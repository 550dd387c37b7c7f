/**
 * One comparison of a value against a base (previous month, trailing mean, a year earlier,
 * or any two periods): used by the pipeline's metrics, the Worker's compare route and the claims.
 */

/**
 * A base below this many events (or deaths) makes percentages unstable: from 1 to 4 is "+300%",
 * and one event more or less moves the figure by ten points or more. Such changes are flagged.
 */
export const LOW_BASELINE = 10;

export interface Change {
  /** What the value is compared with: a month's count or a trailing mean. */
  base: number;
  value: number;
  /** value - base. */
  abs: number;
  /** Percent change, one decimal; null when the base is 0 (undefined). */
  pct: number | null;
  /** value / base, two decimals; null when the base is 0. */
  ratio: number | null;
  /** True when the base is below LOW_BASELINE: read percentages with care. */
  lowBaseline: boolean;
}

/** Compare `value` with `base`. @example change(1, 4) -> { abs: 3, pct: 300, ratio: 4, lowBaseline: true, ... } */
export function change(base: number, value: number): Change {
  return {
    base: round(base, 2),
    value,
    abs: round(value - base, 2),
    pct: base === 0 ? null : round(((value - base) / base) * 100, 1),
    ratio: base === 0 ? null : round(value / base, 2),
    lowBaseline: base < LOW_BASELINE,
  };
}

/** Round half away from zero to `digits` decimals, so that output is stable across runtimes. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}
