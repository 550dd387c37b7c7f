/**
 * npm run data:refresh's core against the fake ACLED server over HTTP: credentials from the
 * environment only (never logged), the default window, the acled-api source written beside the
 * shipped ones, idempotence (nothing new: nothing written), new days and months taken into the
 * dataset by the precedence rule.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../../data/build/dataset.ts';
import { parseClaims } from '../../../data/build/files.ts';
import { readAggregates, readDaily, readShipped } from '../../../data/cli/aggregates.ts';
import { AGGREGATES_DIR, CLAIMS_FILE } from '../../../data/cli/paths.ts';
import { refresh } from '../../../data/cli/refresh.ts';
import { AcledFake, nigerApiRows, nigerEventsPresent } from '../../fixtures/acled-fake.ts';

const present = await nigerEventsPresent();

let dir: string;
let fake: AcledFake;
let server: { url: string; close: () => Promise<void> };
const lines: string[] = [];
const env = () => ({ ACLED_API_URL: server.url, ACLED_USERNAME: fake.state.username, ACLED_PASSWORD: fake.state.password });

beforeAll(async () => {
  if (!present) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'sahel-refresh-'));
  await cp(AGGREGATES_DIR, dir, { recursive: true });
  fake = new AcledFake({ rows: await nigerApiRows() });
  server = await fake.serve();
});
afterAll(async () => {
  if (!present) return;
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!present)('data:refresh against the fake ACLED API', () => {
  it('reads the default window for Niger, writes acled-api equal to the shipped Niger aggregates on the months both give', async () => {
    const r = await refresh({ env: env(), dir, countries: 'NER', now: '2026-11-30T06:00:00.000Z', retryMs: 1, log: (s) => lines.push(s) });
    // Newest stored event-level day 2024-05-15, 8 weeks back 2024-03-20: from 2024-03-01.
    expect(r.run.window).toEqual({ since: '2024-03-01', through: '2026-11-30' });
    expect(r.run.rows).toEqual({ read: 185, accepted: 185, rejected: 0, duplicates: 0, byReason: {} });
    expect(r.run.outcome).toBe('published');
    expect(fake.log.reads[0]).toMatchObject({
      country: 'Niger',
      event_date: '2024-03-01|2026-11-30',
      event_date_where: 'BETWEEN',
      limit: '5000',
      page: '1',
    });
    const api = await readAggregates('acled-api.csv', dir);
    const shipped = (await readAggregates('acled-niger-events.csv', dir)).filter((x) => x.month >= '2024-03');
    expect(api).toEqual(shipped);
    const info = (await readShipped(dir)).find((s) => s.info.id === 'acled-api')!.info;
    expect(info.coverage).toEqual({ from: '2024-03-01', through: '2026-11-30' });
    expect(info.refresh).toMatchObject({ by: 'cli', outcome: 'published', countries: ['NER'] });
    expect(lines.join('\n')).not.toContain(fake.state.password);
  });

  it('a second run with nothing new writes nothing', async () => {
    const before = await readFile(path.join(dir, 'sources.json'), 'utf8');
    const r = await refresh({ env: env(), dir, now: '2026-12-01T06:00:00.000Z', retryMs: 1, log: (s) => lines.push(s) });
    expect(r.written).toBeNull();
    expect(r.run.outcome).toBe('unchanged');
    expect(await readFile(path.join(dir, 'sources.json'), 'utf8')).toBe(before);
  });

  it('a new event (made up for the test) brings a new month into the dataset; the window wins over older sources for its whole months', async () => {
    fake.state.rows.push({
      event_id_cnty: 'TEST-NEW-1',
      event_date: '2026-11-20',
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      inter1: 'State forces',
      inter2: 'Rebel group',
      civilian_targeting: '',
      country: 'Niger',
      admin1: 'Diffa',
      fatalities: '2',
      timestamp: '1795000000',
    });
    const r = await refresh({ env: env(), dir, now: '2026-12-02T06:00:00.000Z', retryMs: 1, log: (s) => lines.push(s) });
    // The stored acled-api data run through 2026-11-30: 8 weeks back is 2026-10-05, so from 2026-10-01; the fake has one row there.
    expect(r.run.window).toEqual({ since: '2026-10-01', through: '2026-12-02' });
    expect(r.run.rows).toMatchObject({ read: 1, accepted: 1 });
    const sources = await readShipped(dir);
    const claims = parseClaims(await readFile(CLAIMS_FILE, 'utf8'), 'claims.json');
    const ds = await buildDataset({ sources, claims });
    const battles = ds.series.find(
      (s) => s.series.country.iso3 === 'NER' && !s.series.admin1 && s.series.category.id === 'battles' && s.series.measure === 'events',
    )!;
    expect(battles.points.find((p) => p.month === '2026-11')).toMatchObject({ value: 1, source: 'acled-api' });
    // April 2024 is whole in the Explorer table, the Niger file and the API source: the API source, retrieved last, wins, with the Niger file's figure.
    const april = (await readAggregates('acled-niger-events.csv', dir)).filter((x) => x.month === '2024-04' && x.category === 'battles');
    expect(battles.points.find((p) => p.month === '2024-04')).toMatchObject({
      source: 'acled-api',
      value: april.reduce((a, x) => a + x.events, 0),
    });
    expect(ds.catalogue.lastRefresh).toMatchObject({ outcome: 'published', window: { since: '2026-10-01', through: '2026-12-02' } });
    const ner = ds.catalogue.countries.find((c) => c.iso3 === 'NER')!;
    // Day windows: the API source's days, and before them the Niger file's, joined without a gap.
    expect(ner.days).toEqual({ from: '2019-01-01', through: '2026-12-02', source: 'acled-api' });
    const d = ds.days.find((x) => x.series.country.iso3 === 'NER' && x.series.category.id === 'battles')!.days!;
    expect(d.sources).toEqual([
      { source: 'acled-niger-events', from: '2019-01-01', through: '2024-02-29' },
      { source: 'acled-api', from: '2024-03-01', through: '2026-12-02' },
    ]);
    const july2023 = (await readDaily('acled-niger-events-daily.csv', dir)).filter(
      (x) => x.category === 'battles' && x.date.startsWith('2023-07'),
    );
    const at = (day: string) => Math.round((Date.parse(day) - Date.parse(d.from)) / 86_400_000);
    expect(d.events.slice(at('2023-07-01'), at('2023-08-01')).reduce((a, b) => a + b, 0)).toBe(july2023.reduce((a, x) => a + x.events, 0));
  }, 60_000);

  it('wrong credentials fail in plain words, before anything is written, and never show the password', async () => {
    const e = await refresh({ env: { ...env(), ACLED_PASSWORD: 'an old password' }, dir, retryMs: 1, log: (s) => lines.push(s) }).catch(
      (x: unknown) => x as Error,
    );
    expect((e as Error).message).toMatch(/refused the username or password/);
    expect((e as Error).message).not.toContain('an old password');
  });
});
