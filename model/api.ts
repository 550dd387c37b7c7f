/**
 * The API's payloads that are not stored documents: what the Worker's routes send and the page
 * reads. The stored documents the routes send as they are (catalogue, series, series set, claims)
 * are in types.ts. Type-only: nothing here runs.
 */
import type { ClaimVerdict } from './claim.ts';
import type { Comparison } from './compare.ts';
import type { DatasetRef, RefreshRun, SeriesInfo, WeekPoint } from './types.ts';

/** One fault of a 400, named by its query parameter (so that the page can mark its field). */
export interface ParameterError {
  parameter: string;
  message: string;
}

/** An RFC 9457 problem document (application/problem+json), as the API sends with every error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  /** What went wrong and what to do about it. */
  detail: string;
  /** A 400's faults, one per query parameter. */
  errors?: ParameterError[];
}

/** /api/v1/compare: two periods of one series compared, with the dataset it was computed from. */
export interface CompareResult extends Comparison {
  dataset: DatasetRef;
}

/** /api/v1/check: a claim's verdict, the API URL pinned to the dataset version, and the dashboard view of it. */
export interface CheckResult {
  dataset: DatasetRef;
  claim: ClaimVerdict;
  /** This check, pinned to the dataset version: its identity and citable address. */
  permalink: string;
  /** The dashboard's Compare view of the same verdict. */
  page: string;
}

/** /api/v1/series?unit=week: one geography, category and measure by ACLED week, metrics computed for the weeks asked for. */
export interface WeekSeries {
  dataset: DatasetRef;
  unit: 'week';
  series: SeriesInfo;
  /** Id of the weekly source. */
  source: string;
  /** The weeks the stored counts cover (week starts), and the first provisional one. */
  weeks: { from: string; through: string; provisionalFrom: string };
  points: WeekPoint[];
}

/**
 * GET /api/v1/refresh: the last refresh from ACLED's API whatever its outcome (published,
 * unchanged or failed, with the reason in plain words), and the version served now. The
 * catalogue's `lastRefresh` is the run a version comes from; this is the last run of all.
 */
export interface LastRefresh {
  /** The last run recorded (by the scheduled Workflow), or null when none ran here. */
  run: RefreshRun | null;
  /** The dataset version served now (a failed or unchanged run leaves it as it was); null before any is published. */
  served: string | null;
}
