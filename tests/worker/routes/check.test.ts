/**
 * GET /api/v1/check: a claim given in the query, evaluated over months or day windows, one
 * reading per measure; its permalink and dashboard page; "cannot be decided" with the reason,
 * never a guess; CSV; 400s. Data: tests/worker/seed.ts.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../data/build/dataset.ts';
import { DAY_WINDOWS_RULE } from '../../../model/days.ts';
import { get, problem } from '../request.ts';
import { buildTestDataset, seed } from '../seed.ts';

let ds: Dataset;

beforeEach(async () => {
  ds = await buildTestDataset();
  await seed(env.SAHEL_KV, ds);
});

const COUP = 'before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10';
const CHECK = '/api/v1/check?country=NER&category=political_violence&measure=events,fatalities';

describe('GET /api/v1/check', () => {
  const check = '/api/v1/check?country=NER&category=political_violence&measure=events,fatalities';

  it('evaluates a claim given in the query, one reading per measure', async () => {
    const res = await get(`${check}&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2&wording=doubled`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { claim: Dataset['claims']['claims'][number]; permalink: string };
    expect(body.claim.verdict).toBe('supported');
    expect(body.claim.quote).toBe('Political violence in Niger, July 2023 against June 2023: doubled');
    expect(body.claim.readings.map((r) => [r.measure, r.beforeValue, r.afterValue, r.holds])).toEqual([
      ['events', 5, 10, true],
      ['fatalities', 10, 23, true],
    ]);
    expect(body.permalink).toBe(
      `/api/v1/check?after=2023-07&before=2023-06&category=political_violence&country=NER&measure=events%2Cfatalities&relation=ratio_gte&threshold=2&version=${ds.version}&wording=doubled`,
    );
    const again = (await (await get(body.permalink)).json()) as { claim: unknown };
    expect(again.claim).toEqual(body.claim);
  });

  it('words a claim given without wording in plain language, and links its dashboard view', async () => {
    const body = (await (
      await get(
        '/api/v1/check?country=niger&category=political_violence&measure=fatalities&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2',
      )
    ).json()) as { claim: Dataset['claims']['claims'][number]; page: string };
    expect(body.claim.quote).toBe('Political violence in Niger, July 2023 against June 2023: at least 2 times');
    expect(body.claim.readings.map((r) => r.relation.wording)).toEqual(['at least 2 times']);
    expect(body.claim.interpretation).toBe('Read for reported fatalities, with the relation "at least 2 times" (ratio_gte 2), as asked.');
    expect(body.page).toBe(
      '/?view=compare&country=NER&category=political_violence&measure=fatalities&before=2023-06&after=2023-07&relation=ratio_gte&threshold=2',
    );
  });

  it('answers "cannot be decided" for a partial month, never a guess', async () => {
    const body = (await (await get(`${check}&before=2023-07&after=2023-08&relation=pct_increase_gt&threshold=0`)).json()) as {
      claim: { verdict: string; readings: { holds: boolean | null; caveats: string[] }[] };
    };
    expect(body.claim.verdict).toBe('cannot_be_decided');
    expect(body.claim.readings.map((r) => r.holds)).toEqual([null, null]);
  });

  it.each([
    [
      'after=2023-07&relation=ratio_gte&threshold=2',
      'before: value_gte takes only "after"; every other relation needs both "before" and "after"',
    ],
    [
      'before=2023-06&after=2023-07&relation=value_gte&threshold=2',
      'before: value_gte takes only "after"; every other relation needs both "before" and "after"',
    ],
    ['before=2023-06&after=2023-07&relation=ratio_gte&threshold=lots', 'threshold: must be a non-negative number, e.g. 40 or 1.5'],
    [
      'before=2023-06&after=2023-07&relation=tripled&threshold=3',
      'relation: must be one of pct_increase_gt, pct_decrease_gt, ratio_gte, ratio_gt, value_gte',
    ],
  ])('400 for %s', async (qs, detail) => {
    const body = await problem(await get(`${check}&${qs}`), 400);
    expect(body.detail).toBe(detail);
  });
});

describe('GET /api/v1/check with day windows', () => {
  it('decides a claim over day windows from one entry, with permalink and dashboard page', async () => {
    const res = await get(`${CHECK}&${COUP}&relation=pct_increase_gt&threshold=40&wording=rose%20by%20more%20than%2040%25`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { claim: Dataset['claims']['claims'][number]; permalink: string; page: string };
    expect(body.claim.quote).toBe('Political violence in Niger, 27 July–10 August 2023 against 1–15 July 2023: rose by more than 40%');
    expect(body.claim.verdict).toBe('partly_supported');
    expect(body.claim.readings.map((r) => [r.measure, r.beforeValue, r.afterValue, r.change?.pct, r.holds])).toEqual([
      ['events', 6, 1, -83.3, false],
      ['fatalities', 5, 40, 700, true],
    ]);
    expect(body.claim.readings[1]!.sentence).toBe(
      'Political violence reported fatalities in Niger rose from 5 in 1–15 July 2023 to 40 in 27 July–10 August 2023 (+700%, 8x); "rose by more than 40%" (more than +40%) holds.',
    );
    expect(body.permalink).toBe(
      `/api/v1/check?after=2023-07-27..2023-08-10&before=2023-07-01..2023-07-15&category=political_violence&country=NER&measure=events%2Cfatalities&relation=pct_increase_gt&threshold=40&version=${ds.version}&wording=rose+by+more+than+40%25`,
    );
    expect(body.page).toBe(
      '/?view=compare&country=NER&category=political_violence&measure=events&readings=both&before=2023-07-01..2023-07-15&after=2023-07-27..2023-08-10&relation=pct_increase_gt&threshold=40&wording=rose+by+more+than+40%25',
    );
    expect(((await (await get(body.permalink)).json()) as { claim: unknown }).claim).toEqual(body.claim);
  });

  it('builds the page link from the validated query: ISO3, region slug, threshold as a number', async () => {
    const body = (await (
      await get(
        '/api/v1/check?country=niger&admin1=TILLAB%C3%89RI&category=political_violence&measure=fatalities&after=2023-07&relation=value_gte&threshold=03.50',
      )
    ).json()) as { page: string };
    expect(body.page).toBe(
      '/?view=compare&country=NER&category=political_violence&measure=fatalities&after=2023-07&relation=value_gte&threshold=3.5&admin1=tillaberi',
    );
  });

  it('exact boundaries hold on day windows: 5 -> 40 fatalities is exactly 8x', async () => {
    const at = async (relation: string, threshold: string) =>
      (
        (await (await get(`${CHECK}&${COUP}&relation=${relation}&threshold=${threshold}`)).json()) as {
          claim: { readings: { holds: boolean }[] };
        }
      ).claim.readings[1]!.holds;
    expect(await at('ratio_gte', '8')).toBe(true);
    expect(await at('ratio_gt', '8')).toBe(false);
    expect(await at('pct_increase_gt', '700')).toBe(false);
    expect(await at('pct_increase_gt', '699.9')).toBe(true);
  });

  it.each([
    [
      'a window outside the daily and weekly counts',
      `${CHECK}&before=2023-09-23..2023-09-29&after=2023-09-30..2023-10-06&relation=ratio_gte&threshold=2`,
      '30 September 2023 is not in the weekly counts for Niger, which cover the weeks 2023-05-27 to 2023-09-29, and its daily counts 2023-06-01 to 2023-08-10; no figure is given outside them.',
    ],
    [
      'a window only weeks cover that is not whole weeks',
      `${CHECK}&before=2023-07-02..2023-07-31&after=2023-08-01..2023-08-30&relation=ratio_gte&threshold=2`,
      "Niger's daily counts cover 2023-06-01 to 2023-08-10 only, and outside them it has weekly counts, which are never split into days: 2023-08-01..2023-08-30 is not a run of whole ACLED weeks (Saturday to Friday): it starts on a Tuesday and ends on a Wednesday; the nearest whole-week ranges are 2023-08-05..2023-08-25 (3 weeks), inside it and 2023-07-29..2023-09-01 (5 weeks), covering it",
    ],
    [
      'a country without daily counts',
      `/api/v1/check?country=MLI&category=political_violence&measure=events,fatalities&${COUP}&relation=ratio_gte&threshold=2`,
      `Mali has no event-level source (only country x month tables), so it has no daily counts; daily counts exist for Niger (NER, 2023-06-01 to 2023-08-10). ${DAY_WINDOWS_RULE}`,
    ],
  ])('"cannot be decided" for %s, with the reason', async (_, path, why) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      claim: { verdict: string; readings: { holds: boolean | null; beforeValue: number | null; caveats: string[] }[] };
    };
    expect(body.claim.verdict).toBe('cannot_be_decided');
    expect(body.claim.readings.map((r) => [r.holds, r.beforeValue, r.caveats])).toEqual([
      [null, null, [why]],
      [null, null, [why]],
    ]);
  });

  it('answers CSV, one row per measure', async () => {
    const res = await get(`${CHECK}&${COUP}&relation=pct_increase_gt&threshold=40&format=csv`);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'verdict,measure,before,after,before_value,after_value,pct,ratio,holds,caveats,sentence,permalink,dataset_version,as_of,credit',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 9).join(','))).toEqual([
      'partly_supported,events,2023-07-01..2023-07-15,2023-07-27..2023-08-10,6,1,-83.3,0.17,false',
      'partly_supported,fatalities,2023-07-01..2023-07-15,2023-07-27..2023-08-10,5,40,700,8,true',
    ]);
  });

  it('400 for periods of two units, or an ill-formed day', async () => {
    const mixed = await problem(await get(`${CHECK}&before=2023-07&after=2023-07-27..2023-08-25&relation=ratio_gte&threshold=2`), 400);
    expect(mixed.errors).toEqual([
      {
        parameter: 'before',
        message:
          '"before" (2023-07) is in months and "after" (2023-07-27..2023-08-25) in days: give both periods as months (YYYY-MM) or both as days (YYYY-MM-DD)',
      },
    ]);
    const leap = await problem(await get(`${CHECK}&after=2023-02-29&relation=value_gte&threshold=2`), 400);
    expect(leap.detail).toBe('after: 2023-02-29 is not a calendar day: February 2023 has 28 days');
  });
});
