/** The ACLED client against the fake that follows ACLED's contract: tokens, paging and every failure, in plain words. */
import { describe, expect, it } from 'vitest';
import { type AcledConfig, AcledError, getToken, readPage, readPages } from '../../../data/refresh/acled.ts';
import { parseCountries } from '../../../data/refresh/core.ts';
import { readCountry, withRetry } from '../../../data/refresh/fetch.ts';
import { AcledFake, nigerApiRows, nigerEventsPresent } from '../../fixtures/acled-fake.ts';

const present = await nigerEventsPresent();
const rows = present ? await nigerApiRows() : [];
const W = { since: '2024-03-01', through: '2024-05-15', countries: parseCountries('NER') };
const inWindow = rows.filter((r) => r.event_date! >= W.since && r.event_date! <= W.through);

function setup(state: Partial<AcledFake['state']> = {}, cfg: Partial<AcledConfig> = {}) {
  const fake = new AcledFake({ rows, ...state });
  const config: AcledConfig = {
    base: 'http://acled.test/',
    username: fake.state.username,
    password: fake.state.password,
    fetch: (url, init) => fake.fetch(new Request(url, init)),
    pageSize: 100,
    ...cfg,
  };
  return { fake, config };
}

const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AcledError);
  return e as AcledError;
};

describe.skipIf(!present)('ACLED client against the fake', () => {
  it('reads every page of a window until a short one, as the API gives it', async () => {
    const { fake, config } = setup();
    const token = await getToken(config);
    const got: unknown[] = [];
    for await (const p of readPages(config, token, W)) got.push(...p.rows);
    expect(got).toHaveLength(inWindow.length);
    // 185 rows from 2024-03-01 to 2024-05-15 (checked against the file): pages of 100 -> 2 pages.
    expect(inWindow).toHaveLength(185);
    expect(fake.log.reads.map((q) => q.page)).toEqual(['1', '2']);
    expect(fake.log.reads[0]).toMatchObject({
      _format: 'json',
      country: 'Niger',
      event_date: '2024-03-01|2024-05-15',
      event_date_where: 'BETWEEN',
      limit: '100',
    });
    expect(fake.log.grants).toBe(1);
  });

  it('renews an expired access token with the refresh token, and carries on', async () => {
    const { fake, config } = setup();
    const token = await getToken(config);
    fake.expireTokens();
    const r = await readCountry(config, token, W, 'NER');
    expect(fake.log.refreshes).toBe(1);
    expect(fake.log.rejectedTokens).toBe(1);
    expect(r.token.access).not.toBe(token.access);
    expect(r.derived.report.rows.read).toBe(185);
  });

  it('a refused password, an account without API access, success:false, 429, 500 and a slow page each fail in plain words', async () => {
    const bad = setup({}, { password: 'old password' });
    const e1 = await failure(getToken(bad.config));
    expect([e1.kind, e1.message]).toEqual(['credentials', expect.stringMatching(/refused the username or password.*may have expired/)]);
    expect(e1.message).not.toContain('old password');

    const noAccess = setup({ noApiAccess: true });
    const t = await getToken(noAccess.config);
    const e2 = await failure(readPage(noAccess.config, t, W, 1));
    expect([e2.kind, e2.message]).toEqual(['no-access', expect.stringMatching(/issued a token but refused data.*no API access/)]);

    const f = setup({
      faults: [{ kind: 'success-false', message: 'Invalid query parameter' }, { kind: '429' }, { kind: '500' }, { kind: 'slow', ms: 300 }],
    });
    const tk = await getToken(f.config);
    const e3 = await failure(readPage(f.config, tk, W, 1));
    expect([e3.kind, e3.retryable, e3.message]).toEqual(['acled-error', false, expect.stringContaining('Invalid query parameter')]);
    const e4 = await failure(readPage(f.config, tk, W, 1));
    expect([e4.kind, e4.retryable]).toEqual(['rate-limited', true]);
    const e5 = await failure(readPage(f.config, tk, W, 1));
    expect([e5.kind, e5.retryable]).toEqual(['acled-server', true]);
    const e6 = await failure(readPage({ ...f.config, timeoutMs: 50 }, tk, W, 1));
    expect([e6.kind, e6.message]).toEqual(['timeout', expect.stringMatching(/did not answer .* within 0 s/)]);
    const down = { ...f.config, fetch: () => Promise.reject(new TypeError('fetch failed')) };
    const e7 = await failure(readPage(down, tk, W, 1));
    expect([e7.kind, e7.message]).toEqual([
      'unreachable',
      expect.stringMatching(/^ACLED unreachable: it could not be reached for page 1 .*\(fetch failed\)/),
    ]);
  });

  it('retries what may pass (429, a slow page) with backoff and gets the whole window; stops at once on the rest', async () => {
    const { fake, config } = setup({ faults: [{ kind: '429' }, { kind: 'slow', ms: 300 }] }, { timeoutMs: 100 });
    const token = await getToken(config);
    const lines: string[] = [];
    const r = await withRetry(() => readCountry(config, token, W, 'NER'), { tries: 4, baseMs: 1, log: (s) => lines.push(s) });
    expect(r.derived.report.rows.read).toBe(185);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/rate-limited.*try 2 of 4/);
    // 2 failed reads of page 1, then pages 1 and 2.
    expect(fake.log.reads.map((q) => q.page)).toEqual(['1', '1', '1', '2']);
    let n = 0;
    const e = await failure(
      withRetry(
        async () => {
          n++;
          return getToken({ ...config, password: 'x' });
        },
        { tries: 4, baseMs: 1 },
      ),
    );
    expect([e.kind, n]).toEqual(['credentials', 1]);
  });

  it('a malformed row is rejected and counted, never dropped: read = accepted + rejected + duplicates', async () => {
    const { config } = setup({ rows: [...inWindow.slice(0, 5), 'not an event', { ...inWindow[0]!, event_date: '2024-04-31' }] });
    const token = await getToken(config);
    const r = await readCountry(config, token, W, 'NER');
    expect(r.derived.report.rows).toEqual({
      read: 7,
      accepted: 5,
      rejected: 2,
      duplicates: 0,
      byReason: { 'bad date': 1, 'malformed row': 1 },
    });
  });
});
