/**
 * A failed refresh records its cause as a code beside the English reason (data/refresh/steps.ts,
 * model/refresh-failures.ts), also when the error reaches the run as the Workflow engine hands
 * it back: a plain Error, its message kept, its class and code lost (worker/refresh.ts wraps the
 * ACLED failures retrying cannot mend as a NonRetryableError, which loses them too). In Node, on
 * the test fixture's dataset (tests/fixtures/niger.ts) and the fake ACLED API.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../data/build/dataset.ts';
import { AcledError } from '../../../data/refresh/acled.ts';
import { baseEntries } from '../../../data/refresh/base.ts';
import { type DoStep, runRefresh, type TextKv } from '../../../data/refresh/steps.ts';
import { POINTER_KEY, REFRESH_KEY } from '../../../model/keys.ts';
import type { RefreshRun } from '../../../model/types.ts';
import { AcledFake, type FakeState } from '../../fixtures/acled-fake.ts';
import { testSources } from '../../fixtures/niger.ts';

/** As the engine gives a step's error back to the run: a plain Error with the message. */
const plain = (e: unknown) => new Error(e instanceof Error ? e.message : String(e));
const engineStep: DoStep = async (_name, work) => {
  try {
    return await work();
  } catch (e) {
    throw plain(e);
  }
};

async function run(opts: { publish: 'none' | 'pointer' | 'all'; fake?: Partial<FakeState>; doStep?: DoStep }) {
  const data = new Map<string, string>();
  const kv: TextKv = {
    get: async (k) => data.get(k) ?? null,
    put: async (k, v) => void data.set(k, v),
    delete: async (k) => void data.delete(k),
  };
  const sources = testSources();
  const ds = await buildDataset({ sources, claims: [] });
  if (opts.publish === 'all') for (const e of baseEntries(ds.version, { sources, claims: [] })) data.set(e.key, e.value);
  if (opts.publish !== 'none') data.set(POINTER_KEY, JSON.stringify({ version: ds.version, publishedAt: '' }));
  const fake = new AcledFake({ rows: [], ...opts.fake });
  const thrown = await runRefresh({
    kv,
    cfg: { base: 'http://acled.test', username: 'user', password: 'correct horse', fetch: (u, init) => fake.fetch(new Request(u, init)) },
    id: 'test',
    at: '2026-12-02T06:00:00.000Z',
    asked: { since: '2023-06-01', through: '2023-08-31', countries: 'NER' },
    doStep: opts.doStep ?? engineStep,
    acled: async (work) => {
      try {
        return await work();
      } catch (e) {
        // worker/refresh.ts's `once`: what retrying cannot mend, as a NonRetryableError (a plain Error here).
        throw e instanceof AcledError && !e.retryable ? plain(e) : e;
      }
    },
    reason: (e) => (e instanceof Error ? e.message : String(e)),
  }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(Error);
  return JSON.parse(data.get(REFRESH_KEY)!) as RefreshRun;
}

describe('a failed refresh records its cause as a code', () => {
  it('nothing published, no base to merge into', async () => {
    expect(await run({ publish: 'none' })).toMatchObject({
      outcome: 'failed',
      code: 'not-published',
      reason: 'no dataset is published yet: publish one with npm run data:publish first',
    });
    expect(await run({ publish: 'pointer' })).toMatchObject({
      outcome: 'failed',
      code: 'no-base',
      reason: expect.stringMatching(/has no base/),
    });
  });

  it("ACLED's failures, each with its code, though the error arrives without its class", async () => {
    const cases: [Partial<FakeState>, RefreshRun['code'], RegExp][] = [
      [{ password: 'a newer password' }, 'credentials', /^ACLED refused the username or password \(HTTP 400\)/],
      [{ password: 'correct horse', username: 'user', noApiAccess: true }, 'no-access', /\(HTTP 403\)/],
      [{ password: 'correct horse', username: 'user', faults: [{ kind: '429' }] }, 'rate-limited', /\(HTTP 429\)/],
      [{ password: 'correct horse', username: 'user', faults: [{ kind: '500' }] }, 'acled-server', /\(HTTP 500\)/],
      [
        { password: 'correct horse', username: 'user', faults: [{ kind: 'success-false', message: 'Invalid query parameter' }] },
        'acled-error',
        /with an error: Invalid query parameter$/,
      ],
    ];
    for (const [fake, code, reason] of cases) {
      const r = await run({ publish: 'all', fake: { username: 'user', ...fake } });
      expect([r.outcome, r.code, r.version], code!).toEqual(['failed', code, null]);
      expect(r.reason, code!).toMatch(reason);
    }
  });

  it('a step that fails without running its work (the isolate stopped) is internal', async () => {
    const stopped: DoStep = async (name, work) => {
      if (name === 'token') throw new Error('the isolate was stopped');
      return engineStep(name, work);
    };
    expect(await run({ publish: 'all', doStep: stopped })).toMatchObject({ code: 'internal', reason: 'the isolate was stopped' });
  });
});
