/**
 * One country's window read from ACLED's API page by page and derived as it arrives (rows are
 * records for one page at a time, then only counts remain), and retries with backoff for the
 * failures that may pass. Pure: fetch only. Used by the CLI and by each country step of the
 * Workflow.
 */
import type { Iso3 } from '../../model/geography.ts';
import type { Derived } from '../derive/aggregate.ts';
import { apiRecords } from '../derive/input.ts';
import type { CsvRecord } from '../derive/record.ts';
import { type AcledConfig, AcledError, readPages, type Token } from './acled.ts';
import { deriveWindow, type RefreshWindow } from './core.ts';

export interface CountryRead {
  derived: Derived;
  pages: number;
  /** The token in use at the end (renewed if it expired on the way). */
  token: Token;
}

/** Read and derive one country's rows of the window. */
export async function readCountry(cfg: AcledConfig, token: Token, w: RefreshWindow, iso3: Iso3): Promise<CountryRead> {
  const one = { ...w, countries: [iso3] };
  let pages = 0;
  let t = token;
  let line = 1;
  const records = (async function* (): AsyncGenerator<CsvRecord> {
    for await (const p of readPages(cfg, t, one)) {
      pages++;
      t = p.token;
      yield* apiRecords(p.rows, `ACLED API ${iso3}`, line);
      line += p.rows.length;
    }
  })();
  const derived = await deriveWindow(records, one);
  return { derived, pages, token: t };
}

/**
 * Run `fn`, again after `baseMs`, 2 x `baseMs`, 4 x `baseMs`... (up to `tries` runs) while it fails
 * with a retryable AcledError (ACLED unreachable, slow or rate-limited); any other error at once.
 */
export async function withRetry<T>(fn: () => Promise<T>, opts: { tries: number; baseMs: number; log?: (s: string) => void }): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof AcledError) || !e.retryable || i >= opts.tries) throw e;
      const ms = opts.baseMs * 2 ** (i - 1);
      opts.log?.(`  ${e.message}: try ${i + 1} of ${opts.tries} in ${(ms / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, ms));
    }
  }
}
