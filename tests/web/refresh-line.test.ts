import { describe, expect, it } from 'vitest';
import type { RefreshRun } from '../../model/types.ts';
import { lastOf, reasonOf, refreshLine } from '../../web/src/refresh-line.ts';

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
    expect(refreshLine({ ...run, outcome: 'unchanged' })).toBe(
      "Last refresh from ACLED's API: 2 December 2026 (event dates 1 October 2026 to 2 December 2026; 1,234 rows read, 1,230 accepted, 4 rejected): no new data.",
    );
  });
  it('each failure the refresh records (tests/worker/refresh.test.ts) is shown with its reason as recorded', () => {
    const at = {
      ...run,
      outcome: 'failed' as const,
      version: null,
      rows: { read: 0, accepted: 0, rejected: 0, duplicates: 0, byReason: {} },
    };
    for (const reason of [
      'ACLED refused the username or password (HTTP 400): the password may have expired or changed; update ACLED_USERNAME / ACLED_PASSWORD',
      'ACLED issued a token but refused data (HTTP 403): the account has no API access yet; request it in the account settings on acleddata.com',
      'ACLED unreachable: page 1 of NER events failed (HTTP 500); the refresh will be tried again',
      'ACLED rate-limited page 1 of NER events (HTTP 429); the refresh will be tried again later',
    ])
      expect(refreshLine({ ...at, reason })).toBe(
        `Last refresh from ACLED's API: 2 December 2026 (event dates 1 October 2026 to 2 December 2026; 0 rows read, 0 accepted, 0 rejected): failed: ${reason}; the data shown is unchanged.`,
      );
  });
  it("shows the later of the recorded run and the catalogue's (a refresh from the command line sets only the latter)", () => {
    const failed = { ...run, at: '2026-12-09T06:00:00.000Z', outcome: 'failed' as const, reason: 'ACLED rate-limited', version: null };
    expect(lastOf(failed, run)).toBe(failed);
    expect(lastOf(run, failed)).toBe(failed);
    expect(lastOf(null, run)).toBe(run);
    expect(lastOf(failed, null)).toBe(failed);
    expect(lastOf(null, null)).toBeNull();
  });
  it("a French page gives the cause's French sentence; an old record without a code keeps its English reason, marked as English", () => {
    const failed = {
      ...run,
      outcome: 'failed' as const,
      version: null,
      reason: 'ACLED unreachable: page 1 of NER events failed (HTTP 500); the refresh will be tried again',
    };
    expect(reasonOf({ ...failed, code: 'acled-server' }, 'fr')).toEqual({
      text: 'le serveur d’ACLED a échoué (HTTP 5xx) à chaque tentative ; la mise à jour sera retentée',
      english: false,
    });
    expect(reasonOf({ ...failed, code: 'acled-server' }, 'en')).toEqual({ text: failed.reason, english: false });
    expect(reasonOf(failed, 'fr')).toEqual({ text: failed.reason, english: true });
    expect(reasonOf(failed, 'en')).toEqual({ text: failed.reason, english: false });
    expect(reasonOf(run, 'fr')).toBeNull();
  });
});
