/**
 * The scheduled refresh in workerd: the Cron Trigger's handler starts the Workflow (one at a
 * time), the Workflow reads the fake ACLED API (vitest.config.ts: the Worker's outbound service)
 * and publishes the next version pointer last; a run that fails, at ACLED or mid-way through
 * publishing, leaves the served version as it was and records why.
 */
import {
  createExecutionContext,
  createScheduledController,
  introspectWorkflow,
  introspectWorkflowInstance,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Validator } from '@cfworker/json-schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { baseEntries, readBase } from '../../data/refresh/base.ts';
import { WRITE_BATCH } from '../../data/refresh/steps.ts';
import type { LastRefresh } from '../../model/api.ts';
import { POINTER_KEY, REFRESH_KEY, STAGE_KEY_PREFIX } from '../../model/keys.ts';
import type { Catalogue, Pointer, RefreshRun } from '../../model/types.ts';
import app from '../../worker/index.ts';
import { instanceId, scheduled, startRefresh } from '../../worker/refresh.ts';
import { testSources } from '../fixtures/niger.ts';
import { buildTestDataset, CLAIMS, seed } from './seed.ts';

/** Is the Niger event file there (vitest.config.ts)? The fake serves its rows; without it these tests skip, as every real-data test does. */
const present = (env as unknown as { NIGER_EVENTS_PRESENT?: string }).NIGER_EVENTS_PRESENT === 'yes';
if (!present)
  console.warn(
    'refresh Workflow tests skipped: ../shared/data/acled_niger_events_2019-01-01_2024-05-15.csv is absent (raw ACLED files live in ../shared/data)',
  );

/** Niger's events of June to August 2023 in the Niger event file (counted with Python's csv module on ../shared/data). */
const NIGER_JUN_AUG_2023 = 179;
const PARAMS = { since: '2023-06-01', through: '2023-08-31', countries: 'NER', at: '2026-12-02T06:00:00.000Z' };

async function fake(patch: object): Promise<{ served: number; grants: number; reads: unknown[] }> {
  const r = await fetch('http://acled.test/__fake', { method: 'POST', body: JSON.stringify(patch) });
  return r.json();
}
const fakeLog = async () =>
  (await (await fetch('http://acled.test/__fake')).json()) as { served: number; grants: number; reads: unknown[] };
const pointer = async () => (await env.SAHEL_KV.get<Pointer>(POINTER_KEY, 'json'))!.version;
const record = async () => (await env.SAHEL_KV.get<RefreshRun>(REFRESH_KEY, 'json'))!;
const catalogue = async () => (await (await app.request('/api/v1/catalogue', {}, env)).json()) as Catalogue;
/** GET /api/v1/refresh: the last run whatever its outcome, and the version served; never cached. */
const lastRefresh = async () => {
  const res = await app.request('/api/v1/refresh', {}, env);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('etag')).toBeNull();
  return (await res.json()) as LastRefresh;
};
/** The reason the last run gives, which the dashboard's footer shows (web/src/refresh-line.ts; tests/web/refresh-line.test.ts). */
const reason = async () => (await lastRefresh()).run?.reason ?? null;
/** The same in French (lang=fr): the sentence for the run's code (model/refresh-failures.ts). */
const reasonFr = async () => {
  const res = await app.request('/api/v1/refresh?lang=fr', {}, env);
  expect(res.headers.get('content-language')).toBe('fr');
  return ((await res.json()) as LastRefresh).run?.reason ?? null;
};

let served: string;
beforeEach(async () => {
  const ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
  for (const e of baseEntries(ds.version, { sources: testSources(), claims: CLAIMS })) await env.SAHEL_KV.put(e.key, e.value);
  served = ds.version;
  await fake({ rows: 'niger', faults: [], noApiAccess: false, password: 'correct horse' });
});

describe.skipIf(!present)('refresh Workflow', { timeout: 60_000 }, () => {
  it('reads the window from the fake ACLED API and publishes the next version, pointer last, in batches within the limits', async () => {
    await using wf = await introspectWorkflowInstance(env.REFRESH, 'run-ok');
    await wf.modify(async (m) => m.disableRetryDelays());
    await env.REFRESH.create({ id: 'run-ok', params: PARAMS });
    await wf.waitForStatus('complete');
    const run = (await wf.getOutput()) as RefreshRun;
    expect(run).toMatchObject({
      by: 'workflow',
      outcome: 'published',
      window: { since: '2023-06-01', through: '2023-08-31' },
      countries: ['NER'],
    });
    expect(run.rows).toEqual({ read: NIGER_JUN_AUG_2023, accepted: NIGER_JUN_AUG_2023, rejected: 0, duplicates: 0, byReason: {} });
    expect((await fakeLog()).served).toBe(NIGER_JUN_AUG_2023);
    // The pointer moved to the new version, whose base holds the acled-api source for the next run.
    const now = await pointer();
    expect(now).toBe(run.version);
    expect(now).not.toBe(served);
    const base = await readBase((k) => env.SAHEL_KV.get(k), now);
    expect(base.sources.find((s) => s.info.id === 'acled-api')!.info.coverage).toEqual({ from: '2023-06-01', through: '2023-08-31' });
    // Each write step wrote at most WRITE_BATCH entries (under 1,000 KV operations per invocation).
    const w1 = (await wf.waitForStepResult({ name: 'write NER 1/1' })) as { written: number };
    expect(w1.written).toBeGreaterThan(0);
    expect(w1.written).toBeLessThanOrEqual(WRITE_BATCH);
    // The catalogue shows the refresh; Niger's months June to August now come from it (retrieved last).
    const c = await catalogue();
    expect(c.lastRefresh).toMatchObject({ outcome: 'published', rows: { read: NIGER_JUN_AUG_2023 } });
    expect(c.sources.map((s) => s.id)).toContain('acled-api');
    // ... as the OpenAPI document describes it.
    const doc = (await (await app.request('/api/v1/openapi.json', {}, env)).json()) as {
      components: object;
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: object }> }> } }>;
    };
    const schema = doc.paths['/catalogue']!.get.responses['200']!.content['application/json']!.schema;
    const v = new Validator(
      { $id: 'https://sahel-pulse.invalid/openapi.json#c', ...schema, components: doc.components } as never,
      '2020-12',
      false,
    );
    expect(v.validate(c).errors).toEqual([]);
    expect(Object.keys((doc.components as { schemas: object }).schemas)).toContain('RefreshRun');
    // Nothing of the run is left behind.
    expect((await env.SAHEL_KV.list({ prefix: STAGE_KEY_PREFIX })).keys).toEqual([]);
    expect(await record()).toEqual(run);
  });

  it('a second run with nothing new publishes no new version', async () => {
    await using a = await introspectWorkflowInstance(env.REFRESH, 'run-a');
    await a.modify(async (m) => m.disableRetryDelays());
    await env.REFRESH.create({ id: 'run-a', params: PARAMS });
    await a.waitForStatus('complete');
    const first = await pointer();
    await using b = await introspectWorkflowInstance(env.REFRESH, 'run-b');
    await b.modify(async (m) => m.disableRetryDelays());
    await env.REFRESH.create({ id: 'run-b', params: { ...PARAMS, at: '2026-12-09T06:00:00.000Z' } });
    await b.waitForStatus('complete');
    expect(await b.getOutput()).toMatchObject({ outcome: 'unchanged', version: first });
    expect(await pointer()).toBe(first);
    // Shown, with its window, though it published nothing (the catalogue's lastRefresh is still the run the version comes from).
    expect(await lastRefresh()).toMatchObject({
      run: { outcome: 'unchanged', at: '2026-12-09T06:00:00.000Z', window: { since: '2023-06-01', through: '2023-08-31' } },
      served: first,
    });
    expect((await lastRefresh()).run).toMatchObject({
      rows: { read: NIGER_JUN_AUG_2023, accepted: NIGER_JUN_AUG_2023, rejected: 0 },
      reason: null,
    });
    expect((await catalogue()).lastRefresh).toMatchObject({ outcome: 'published', at: '2026-12-02T06:00:00.000Z' });
  });

  it('killed mid-way (the pointer step fails on every try): the served version is unchanged and the failure recorded', async () => {
    await using wf = await introspectWorkflowInstance(env.REFRESH, 'run-killed');
    await wf.modify(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: 'publish' }, new Error('the isolate was stopped'));
    });
    await env.REFRESH.create({ id: 'run-killed', params: PARAMS });
    await wf.waitForStatus('errored');
    expect(await pointer()).toBe(served);
    expect((await catalogue()).dataset.version).toBe(served);
    expect(await record()).toMatchObject({ outcome: 'failed', reason: 'the isolate was stopped', code: 'internal', version: null });
    expect((await env.SAHEL_KV.list({ prefix: STAGE_KEY_PREFIX })).keys).toEqual([]);
  });

  it('ACLED failures fail the run in plain words, at once when retrying cannot help, and leave the served version', async () => {
    await fake({ password: 'a newer password' });
    await using wf = await introspectWorkflowInstance(env.REFRESH, 'run-password');
    await wf.modify(async (m) => m.disableRetryDelays());
    await env.REFRESH.create({ id: 'run-password', params: PARAMS });
    await wf.waitForStatus('errored');
    expect((await record()).reason).toMatch(/^ACLED refused the username or password .*may have expired/);
    expect(await pointer()).toBe(served);
    // Shown by the API and in the footer, the served version unchanged.
    expect(await lastRefresh()).toMatchObject({ run: { outcome: 'failed', version: null }, served });
    expect((await catalogue()).dataset.version).toBe(served);
    expect(await lastRefresh()).toMatchObject({
      run: { at: '2026-12-02T06:00:00.000Z', window: { since: '2023-06-01', through: '2023-08-31' }, rows: { read: 0 } },
    });
    expect(await reason()).toBe(
      'ACLED refused the username or password (HTTP 400): the password may have expired or changed; update ACLED_USERNAME / ACLED_PASSWORD',
    );
    // Its cause as a code (the NonRetryableError that carried it lost the class), and so in French on request.
    expect((await record()).code).toBe('credentials');
    expect(await reasonFr()).toBe(
      'ACLED a refusé le nom d’utilisateur ou le mot de passe (HTTP 400 ou 401) : le mot de passe a peut-être expiré ou changé ; mettez à jour ACLED_USERNAME / ACLED_PASSWORD',
    );

    await fake({ password: 'correct horse', noApiAccess: true });
    await using na = await introspectWorkflowInstance(env.REFRESH, 'run-no-access');
    await na.modify(async (m) => m.disableRetryDelays());
    await env.REFRESH.create({ id: 'run-no-access', params: PARAMS });
    await na.waitForStatus('errored');
    expect((await record()).reason).toMatch(/issued a token but refused data .*no API access/);
    expect(await reason()).toMatch(
      /^ACLED issued a token but refused data \(HTTP 403\): the account has no API access yet; request it in the account settings on acleddata\.com$/,
    );
    expect((await lastRefresh()).served).toBe(served);
    expect((await record()).code).toBe('no-access');
    expect(await reasonFr()).toBe(
      'ACLED a délivré un jeton mais refusé les données (HTTP 403) : le compte n’a pas encore accès à l’API ; demandez-le dans les paramètres du compte sur acleddata.com',
    );

    // Rate-limited on every try (5), then ACLED failing on every try (HTTP 500): failed, in plain words. (A connection that fails
    // outright says "ACLED unreachable: it could not be reached ...": tests/data/refresh/acled.test.ts.)
    for (const [id, faults, why, code, fr] of [
      [
        'run-429-always',
        Array(5).fill({ kind: '429' }),
        /^ACLED rate-limited page 1 of NER events \(HTTP 429\); the refresh will be tried again later$/,
        'rate-limited',
        'ACLED a limité le nombre de requêtes (HTTP 429) à chaque tentative ; la mise à jour sera retentée plus tard',
      ],
      [
        'run-500-always',
        Array(5).fill({ kind: '500' }),
        /^ACLED unreachable: page 1 of NER events failed \(HTTP 500\); the refresh will be tried again$/,
        'acled-server',
        'le serveur d’ACLED a échoué (HTTP 5xx) à chaque tentative ; la mise à jour sera retentée',
      ],
    ] as const) {
      await fake({ noApiAccess: false, faults });
      await using f = await introspectWorkflowInstance(env.REFRESH, id);
      await f.modify(async (m) => m.disableRetryDelays());
      await env.REFRESH.create({ id, params: PARAMS });
      await f.waitForStatus('errored');
      expect(await reason(), id).toMatch(why);
      // Retried by the engine, the error reaches the run as a plain Error: the code was taken where it was thrown.
      expect((await record()).code, id).toBe(code);
      expect(await reasonFr(), id).toBe(fr);
      expect(await lastRefresh(), id).toMatchObject({ run: { outcome: 'failed', window: { since: '2023-06-01' } }, served });
      expect((await catalogue()).dataset.version).toBe(served);
    }

    // Rate-limited twice, then served: the step's retries carry the run through.
    await fake({ noApiAccess: false, faults: [{ kind: '429' }, { kind: '429' }] });
    await using rl = await introspectWorkflowInstance(env.REFRESH, 'run-429');
    await rl.modify(async (m) => m.disableRetryDelays());
    await env.REFRESH.create({ id: 'run-429', params: PARAMS });
    await rl.waitForStatus('complete');
    expect(await rl.getOutput()).toMatchObject({ outcome: 'published', rows: { read: NIGER_JUN_AUG_2023 } });
  });
});

describe.skipIf(!present)('Cron Trigger', { timeout: 60_000 }, () => {
  it('the scheduled handler starts the refresh Workflow, one per day, never two at once', async () => {
    await using wf = await introspectWorkflow(env.REFRESH);
    await wf.modifyAll(async (m) => m.disableRetryDelays());
    const time = Date.UTC(2026, 11, 9, 6, 0, 0);
    const ctx = createExecutionContext();
    await scheduled(createScheduledController({ scheduledTime: time, cron: '0 6 * * WED' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const started = await wf.get();
    expect(started).toHaveLength(1);
    expect(instanceId(time)).toBe('refresh-2026-12-09');
    // The same trigger again, while or after it runs: no second instance.
    const again = await startRefresh(env, time);
    expect(again.started).toBeNull();
    expect(again.why).toMatch(/refresh-2026-12-09/);
    expect(await wf.get()).toHaveLength(1);
    await started[0]!.waitForStatus('complete');
    // The next week's trigger, the last run done: the next run starts.
    const ctx2 = createExecutionContext();
    await scheduled(createScheduledController({ scheduledTime: Date.UTC(2026, 11, 16, 6, 0, 0), cron: '0 6 * * WED' }), env, ctx2);
    await waitOnExecutionContext(ctx2);
    expect(await env.SAHEL_KV.get('refresh-instance')).toBe('refresh-2026-12-16');
    expect(await wf.get()).toHaveLength(2);
  });
});
