import { describe, expect, it } from 'vitest';
import type { RefreshRun } from '../../model/types.ts';
import { refreshLine } from '../../web/src/refresh-line.ts';

const run: RefreshRun = {
  at: '2026-12-02T06:00:00.000Z',
  by: 'workflow',
  window: { since: '2026-10-01', through: '2026-12-02' },
  countries: ['NER'],
  rows: { read: 1234, accepted: 1230, rejected: 4, duplicates: 0, byReason: { 'bad date': 4 } },
  outcome: 'published',
  reason: null,
  version: 'abc',
};

describe('footer: last refresh', () => {
  it('says when, the window, the rows and the outcome', () => {
    expect(refreshLine(run)).toBe(
      "Last refresh from ACLED's API: 2 December 2026 (event dates 1 October 2026 to 2 December 2026; 1,234 rows read, 1,230 accepted, 4 rejected): new data published.",
    );
  });
  it('a failure gives its reason in plain words and says the data shown is unchanged', () => {
    const failed = { ...run, outcome: 'failed' as const, reason: 'ACLED rate-limited page 1 of NER events (HTTP 429)', version: null };
    expect(refreshLine(failed)).toMatch(/: failed: ACLED rate-limited page 1 of NER events \(HTTP 429\); the data shown is unchanged\.$/);
    expect(refreshLine({ ...run, outcome: 'unchanged' })).toMatch(/: nothing new\.$/);
  });
});
