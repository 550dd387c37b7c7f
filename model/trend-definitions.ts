/**
 * The trend bands in one sentence each, for legends and documentation (model/trend.ts defines the
 * bands): a module of its own, so that a page showing bands need not carry their definitions
 * until it shows them.
 */
import { LOW_BASELINE } from './change.ts';
import type { TrendBand } from './trend.ts';

/** One sentence per band, for legends and documentation. */
export const TREND_DEFINITIONS: Record<TrendBand, string> = {
  much_higher: 'at least 1.5 times the baseline (+50% or more)',
  higher: 'between 1.15 and 1.5 times the baseline',
  stable: 'within a factor of 1.15 of the baseline (about ±15%)',
  lower: 'between 1/1.5 and 1/1.15 of the baseline (about -33% to -13%)',
  much_lower: 'at most 1/1.5 of the baseline (about -33% or less)',
  low_baseline: `baseline below ${LOW_BASELINE}: percentages are unstable, so no band is given`,
  no_comparison: 'no baseline to compare with (first months of a series, or a partly covered month)',
};
