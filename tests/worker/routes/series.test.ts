/**
 * GET /api/v1/series: one series (the stored text as it is, or filtered by month), several from
 * their bundle, as JSON or CSV; 400s that name the parameter, 404s that say what exists.
 * Data: tests/worker/seed.ts.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../data/build/dataset.ts';
import { keys } from '../../../model/keys.ts';
import { get, problem } from '../request.ts';
import { buildTestDataset, seed } from '../seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const entry = (key: string) => ds.entries.find((e) => e.key === key)!.value;
const SERIES = '/api/v1/series?country=NER&admin1=Tillab%C3%A9ri&category=political_violence&measure=fatalities';

describe('GET /api/v1/series', () => {
  it('serves a stored series unchanged', async () => {
    const res = await get('/api/v1/series?country=NER&category=political_violence&measure=events');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(entry(keys.series(ds.version, 'NER', 'political_violence', 'events')));
  });

  it('accepts country names and region names in any case and accent', async () => {
    const res = await get('/api/v1/series?country=niger&admin1=TILLABERI&category=political_violence&measure=fatalities');
    const body = (await res.json()) as Dataset['series'][number];
    expect(body.series.admin1).toEqual({ name: 'Tillabéri', slug: 'tillaberi' });
    expect(body.points.map((p) => [p.month, p.value, p.partial])).toEqual([
      ['2023-06', 10, false],
      ['2023-07', 3, false],
      ['2023-08', 40, true],
    ]);
  });

  it('filters by from and to', async () => {
    const body = (await (
      await get('/api/v1/series?country=MLI&category=political_violence&measure=events&from=2023-07&to=2023-07')
    ).json()) as Dataset['series'][number];
    expect(body.points).toHaveLength(1);
    expect(body.points[0]).toMatchObject({
      month: '2023-07',
      value: 120,
      vsPrevious: { base: 100, value: 120, abs: 20, pct: 20, ratio: 1.2, lowBaseline: false },
    });
    expect(body.dataset.version).toBe(ds.version);
  });

  it.each([
    [
      'country=XX&category=political_violence&measure=events',
      'country',
      'unknown country "XX"; use an ISO3 code or name: BFA (Burkina Faso), TCD (Chad), MLI (Mali), NER (Niger), NGA (Nigeria)',
    ],
    [
      'country=NER&category=violence&measure=events',
      'category',
      'unknown category "violence"; use one or more of political_violence, political_violence_acled, battles, explosions_remote_violence, violence_against_civilians, demonstrations, demonstrations_acled, protests, riots, strategic_developments, civilian_targeting, attacks_on_state_forces',
    ],
    ['country=NER&category=battles&measure=deaths', 'measure', 'must be one of events, fatalities'],
    ['country=NER&category=battles&measure=events&from=2023-13', 'from', 'must be a month written YYYY-MM, e.g. 2023-08'],
    ['country=NER&category=battles&measure=events&from=2023-08&to=2023-07', 'from', '"from" must not be after "to"'],
    [
      'country=NER&category=battles&measure=events&form=2023-07',
      'form',
      'unknown parameter(s) form; valid parameters: country, admin1, category, measure, unit, from, to, version, format',
    ],
    ['category=battles&measure=events', 'country', 'Invalid input: expected string, received undefined'],
  ])('400 for %s', async (qs, parameter, message) => {
    const body = await problem(await get(`/api/v1/series?${qs}`), 400);
    expect(body.errors).toEqual([{ parameter, message }]);
  });

  it('404 says which categories a country has', async () => {
    const body = await problem(await get('/api/v1/series?country=Mali&category=civilian_targeting&measure=events'), 404);
    expect(body.detail).toBe(
      'Category civilian_targeting is not available for Mali (it needs event-level data); available: political_violence, battles, explosions_remote_violence, violence_against_civilians, demonstrations, protests, riots, strategic_developments.',
    );
  });

  it('404 lists the regions when a region is unknown, and says when a country has none', async () => {
    const a = await problem(await get('/api/v1/series?country=NER&admin1=Agadez&category=political_violence&measure=events'), 404);
    expect(a.detail).toBe('Unknown admin1 region "Agadez" for Niger; regions: Diffa, Tillabéri.');
    const b = await problem(await get('/api/v1/series?country=MLI&admin1=Gao&category=political_violence&measure=events'), 404);
    expect(b.detail).toMatch(/^Mali has no admin1 \(region\) figures/);
  });

  it('404 for a country the dataset does not hold', async () => {
    const body = await problem(await get('/api/v1/series?country=Chad&category=political_violence&measure=events'), 404);
    expect(body.detail).toBe('The dataset has no data for TCD; countries: MLI, NER.');
  });

  it('serves a series as CSV with a header row, provenance on every row and a filename that records the filters', async () => {
    const res = await get(`${SERIES}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="sahel-pulse_series_NER_tillaberi_political_violence_fatalities_${ds.version}.csv"`,
    );
    const asOf = ds.catalogue.dataset.asOf;
    expect((await res.text()).split('\r\n')).toEqual([
      'country_iso3,country,admin1,category,measure,month,value,partial,source,vs_previous_abs,vs_previous_pct,low_baseline,dataset_version,as_of,credit',
      `NER,Niger,Tillabéri,political_violence,fatalities,2023-06,10,false,niger-events,,,,${ds.version},${asOf},"ACLED, www.acleddata.com"`,
      `NER,Niger,Tillabéri,political_violence,fatalities,2023-07,3,false,niger-events,-7,-70,false,${ds.version},${asOf},"ACLED, www.acleddata.com"`,
      `NER,Niger,Tillabéri,political_violence,fatalities,2023-08,40,true,niger-events,,,,${ds.version},${asOf},"ACLED, www.acleddata.com"`,
      '',
    ]);
  });
});

describe('GET /api/v1/series with several categories', () => {
  it('returns a SeriesSet in JSON and every series in CSV', async () => {
    const body = (await (await get('/api/v1/series?country=NER&category=political_violence,civilian_targeting&measure=events')).json()) as {
      dataset: { version: string };
      series: { series: { category: { id: string } }; points: unknown[] }[];
    };
    expect(body.dataset.version).toBe(ds.version);
    expect(body.series.map((s) => [s.series.category.id, s.points.length])).toEqual([
      ['political_violence', 3],
      ['civilian_targeting', 3],
    ]);
    const csv = await (
      await get('/api/v1/series?country=NER&category=political_violence&category=civilian_targeting&measure=events&format=csv')
    ).text();
    expect(csv.trim().split('\r\n')).toHaveLength(7);
  });

  it('404 names the category a country lacks', async () => {
    const res = await get('/api/v1/series?country=MLI&category=political_violence,civilian_targeting&measure=events');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^Category civilian_targeting is not available for Mali/);
  });
});
