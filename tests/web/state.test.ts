/**
 * The view's state in the URL (web/src/state.ts): read and corrected against the catalogue,
 * written back, periods in months and days, a claim to check, default compare periods.
 */
import { describe, expect, it } from 'vitest';
import type { CountryEntry } from '../../model/types.ts';
import {
  DEFAULT_STATE,
  defaultPeriods,
  hasCheck,
  hasDays,
  monthlyRegions,
  parsePeriod,
  periodBounds,
  periodInUnit,
  periodsInUnit,
  regionsFor,
  resolveState,
  stateQuery,
  type ViewState,
} from '../../web/src/state.ts';
import { CHECK_COUNTRIES, COUNTRIES } from './fixtures.ts';

describe('URL state', () => {
  const base = {
    view: 'overview',
    from: null,
    to: null,
    sameScale: false,
    before: null,
    after: null,
    relation: null,
    threshold: null,
    wording: null,
    bothMeasures: false,
    weeks: false,
    mapWeeks: null,
  } as const;

  it('defaults to the overview of Niger, political violence, events', () => {
    expect(resolveState(new URLSearchParams(''), COUNTRIES)).toEqual({
      ...base,
      country: 'NER',
      category: 'political_violence',
      measure: 'events',
      admin1: null,
    });
  });

  it('keeps a valid state and corrects an invalid one', () => {
    const ok = resolveState(new URLSearchParams('country=NER&category=civilian_targeting&measure=fatalities&admin1=tillaberi'), COUNTRIES);
    expect(ok).toEqual({ ...base, country: 'NER', category: 'civilian_targeting', measure: 'fatalities', admin1: 'tillaberi' });
    const bad = resolveState(
      new URLSearchParams(
        'view=map&country=mli&category=civilian_targeting&measure=deaths&admin1=tillaberi&from=2023-13&before=2024-01..2023-01',
      ),
      COUNTRIES,
    );
    expect(bad).toEqual({ ...base, country: 'MLI', category: 'political_violence', measure: 'events', admin1: null });
    expect(resolveState(new URLSearchParams('country=XXX'), COUNTRIES).country).toBe('NER');
  });

  it('reads the view, range, scale and compare periods; swaps a reversed range', () => {
    const s = resolveState(
      new URLSearchParams(
        'view=compare&country=NER&category=battles&measure=events&from=2024-01&to=2023-01&scale=same&before=2023-01..2023-03&after=2024-02..2024-02',
      ),
      COUNTRIES,
    );
    expect(s).toMatchObject({
      view: 'compare',
      from: '2023-01',
      to: '2024-01',
      sameScale: true,
      before: '2023-01..2023-03',
      after: '2024-02',
    });
  });

  it('round-trips every state through the query', () => {
    const states = [
      { ...base, country: 'NER', category: 'battles', measure: 'fatalities', admin1: 'tillaberi' },
      {
        ...base,
        view: 'country',
        country: 'MLI',
        category: 'political_violence',
        measure: 'events',
        admin1: null,
        from: '2020-01',
        to: '2022-12',
      },
      {
        ...base,
        view: 'compare',
        country: 'NER',
        category: 'battles',
        measure: 'events',
        admin1: null,
        before: '2023-06',
        after: '2023-08..2023-10',
      },
      { ...base, sameScale: true, country: 'NER', category: 'political_violence', measure: 'events', admin1: null },
      // The Sahel map's weeks, as written (sahel-weeks.ts reads them against the catalogue).
      { ...base, country: 'NER', category: 'political_violence', measure: 'events', admin1: null, mapWeeks: 'last12' },
      { ...base, country: 'NER', category: 'political_violence', measure: 'events', admin1: null, mapWeeks: '2025-07-26..2025-09-19' },
    ] as const;
    for (const s of states) expect(resolveState(new URLSearchParams(stateQuery(s)), COUNTRIES)).toEqual(s);
  });

  it('parses periods', () => {
    expect(parsePeriod('2023-07')).toBe('2023-07');
    expect(parsePeriod('2023-05..2023-07')).toBe('2023-05..2023-07');
    expect(parsePeriod('2023-07..2023-07')).toBe('2023-07');
    expect(parsePeriod('2023-07..2023-05')).toBeNull();
    expect(parsePeriod('2023-7')).toBeNull();
    expect(parsePeriod('trailing12')).toBeNull();
    expect(periodBounds('2023-05..2023-07')).toEqual(['2023-05', '2023-07']);
    expect(periodBounds('2023-05')).toEqual(['2023-05', '2023-05']);
  });

  it('writes the query', () => {
    const s = { ...base, view: 'country', country: 'NER', category: 'battles', measure: 'fatalities', admin1: 'tillaberi' } as const;
    expect(stateQuery(s)).toBe('?view=country&country=NER&category=battles&measure=fatalities&admin1=tillaberi');
    expect(stateQuery({ ...s, admin1: null, from: '2023-01' }, { embed: '1' })).toBe(
      '?view=country&country=NER&category=battles&measure=fatalities&from=2023-01&embed=1',
    );
  });
});

/** The check permalink of the brief: Niger, civilian targeting, events, July against August 2023, at least 4 times. */
const PERMALINK =
  '?view=compare&country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08&relation=ratio_gte&threshold=4';
const CHECK: ViewState = {
  ...DEFAULT_STATE,
  view: 'compare',
  category: 'civilian_targeting',
  before: '2023-07',
  after: '2023-08',
  relation: 'ratio_gte',
  threshold: '4',
};

describe('a claim in the URL', () => {
  it('reads the check permalink and writes it back unchanged', () => {
    const s = resolveState(new URLSearchParams(PERMALINK), CHECK_COUNTRIES);
    expect(s).toEqual(CHECK);
    expect(stateQuery(s)).toBe(PERMALINK);
  });

  it('round-trips relation, threshold, wording and both readings, and ones the API will refuse, as written', () => {
    const states: ViewState[] = [
      CHECK,
      { ...CHECK, wording: 'quadrupled', bothMeasures: true },
      { ...CHECK, relation: 'value_gte', threshold: '40', wording: 'killing at least 40', admin1: 'tillaberi', measure: 'fatalities' },
      { ...CHECK, before: '2022-01..2022-08', after: '2023-01..2023-08', relation: 'pct_decrease_gt', threshold: '30' },
      // Not valid: kept, so the check route says what is wrong (never silently dropped).
      { ...CHECK, relation: 'doubled', threshold: 'four', wording: 'a “quote” & <b>markup</b>' },
      { ...CHECK, relation: 'ratio_gt', threshold: null },
      { ...CHECK, relation: null, threshold: '4' },
    ];
    for (const s of states) expect(resolveState(new URLSearchParams(stateQuery(s)), CHECK_COUNTRIES)).toEqual(s);
  });

  it('writes the claim after the periods, and readings=both only when both measures are read', () => {
    expect(stateQuery({ ...CHECK, wording: 'at least 4x', bothMeasures: true })).toBe(`${PERMALINK}&wording=at+least+4x&readings=both`);
    expect(stateQuery({ ...CHECK, relation: null, threshold: null })).toBe(
      '?view=compare&country=NER&category=civilian_targeting&measure=events&before=2023-07&after=2023-08',
    );
  });

  it('trims the fields, treats empty ones as absent, and reads readings=both only', () => {
    const s = resolveState(
      new URLSearchParams('view=compare&relation=%20ratio_gt%20&threshold=%202%20&wording=%20%20&readings=all'),
      COUNTRIES,
    );
    expect([s.relation, s.threshold, s.wording, s.bothMeasures]).toEqual(['ratio_gt', '2', null, false]);
    expect(resolveState(new URLSearchParams('relation=&threshold='), CHECK_COUNTRIES)).toMatchObject({ relation: null, threshold: null });
    expect(hasCheck(s)).toBe(true);
    expect(hasCheck({ relation: 'ratio_gt', threshold: null })).toBe(false);
    expect(hasCheck({ relation: null, threshold: '2' })).toBe(false);
  });
});

describe('periods in days', () => {
  const q = (before: string, after: string) =>
    resolveState(new URLSearchParams({ view: 'compare', country: 'NER', before, after }), CHECK_COUNTRIES);

  it('reads day windows and single days, and writes them back as they were', () => {
    const s = q('2023-06-26..2023-07-25', '2023-07-27..2023-08-25');
    expect([s.before, s.after]).toEqual(['2023-06-26..2023-07-25', '2023-07-27..2023-08-25']);
    expect(stateQuery(s)).toBe(
      '?view=compare&country=NER&category=political_violence&measure=events&before=2023-06-26..2023-07-25&after=2023-07-27..2023-08-25',
    );
    expect([q('2023-07-25', '2023-07-26').before, q('2023-07-25..2023-07-25', '2023-07-26').before]).toEqual(['2023-07-25', '2023-07-25']);
  });

  it('keeps reversed or overlapping periods as written, so the page asks the API and shows its 400', () => {
    expect([q('2023-08', '2023-07').before, q('2023-08', '2023-07').after]).toEqual(['2023-08', '2023-07']);
    expect(q('2023-01..2023-12', '2023-06').before).toBe('2023-01..2023-12');
    expect(q('2023-07', '2023-07-27').before).toBeNull(); // another unit: dropped, as before
  });

  it('counts trailing days and months back from "after", across months and years', () => {
    expect(q('trailing30d', '2023-07-27..2023-08-25').before).toBe('2023-06-27..2023-07-26');
    expect(q('trailing3d', '2024-01-02').before).toBe('2023-12-30..2024-01-01');
    expect(q('trailing3', '2024-02').before).toBe('2023-11..2024-01');
  });

  it('switching both periods to months never makes them overlap: "before" ends the month before "after"', () => {
    expect(periodsInUnit('2023-06-26..2023-07-25', '2023-07-27..2023-08-25', 'month')).toEqual({
      before: '2023-06',
      after: '2023-07..2023-08',
    });
    expect(periodsInUnit('2023-05-01..2023-07-25', '2023-07-27..2023-08-25', 'month')).toEqual({
      before: '2023-05..2023-06',
      after: '2023-07..2023-08',
    });
    expect(periodsInUnit('2023-06', '2023-07', 'day')).toEqual({ before: '2023-06-01..2023-06-30', after: '2023-07-01..2023-07-31' });
  });

  it('switches a period between months and days over the same calendar span', () => {
    expect(periodInUnit('2023-07', 'day')).toBe('2023-07-01..2023-07-31');
    expect(periodInUnit('2023-12..2024-02', 'day')).toBe('2023-12-01..2024-02-29');
    expect(periodInUnit('2023-02', 'day')).toBe('2023-02-01..2023-02-28');
    expect(periodInUnit('2023-07-27..2023-08-25', 'month')).toBe('2023-07..2023-08');
    expect(periodInUnit('2023-07-26', 'month')).toBe('2023-07');
    expect(periodInUnit('2023-07', 'month')).toBe('2023-07');
    expect(periodInUnit('2023-07-26', 'day')).toBe('2023-07-26');
  });

  it('offers days for a country with daily counts, never for a region', () => {
    const days = { from: '2019-01-01', through: '2024-05-15', source: 'acled-niger-events' };
    expect(hasDays({ days }, null)).toBe(true);
    expect(hasDays({ days }, 'tillaberi')).toBe(false);
    expect(hasDays({ days: null }, null)).toBe(false);
    expect(hasDays({}, null)).toBe(false);
  });

  it('drops what cannot be read: impossible days, reversed ranges, a "before" in another unit', () => {
    expect(q('2023-07', '2023-02-30').after).toBeNull();
    expect(q('2023-07-25..2023-07-01', '2023-08-01').before).toBeNull();
    expect(q('2023-07', '2023-08-01..2023-08-30')).toMatchObject({ before: null, after: '2023-08-01..2023-08-30' });
    expect(q('trailing30d', '2023-08')).toMatchObject({ before: null, after: '2023-08' });
    expect(q('2024-02-29', '2024-03-01')).toMatchObject({ before: '2024-02-29', after: '2024-03-01' });
  });
});

describe('default compare periods', () => {
  it('defaults compare periods to the latest complete month and a year before', () => {
    const months = { from: '2021-01', to: '2024-09' };
    expect(defaultPeriods({ months, partialMonths: ['2024-09'] }, 'political_violence')).toEqual({ before: '2023-08', after: '2024-08' });
    expect(defaultPeriods({ months, partialMonths: [] }, 'political_violence')).toEqual({ before: '2023-09', after: '2024-09' });
    // A category that ends before the country's newest month (Mali: HDX months to 2026-04, the Explorer table's to 2024-09).
    const mali = {
      months: { from: '1997-01', to: '2026-04' },
      partialMonths: ['2026-04'],
      categoryMonths: { battles: { from: '2021-01', to: '2024-09' } },
    };
    expect(defaultPeriods(mali, 'battles')).toEqual({ before: '2023-09', after: '2024-09' });
    expect(defaultPeriods(mali, 'political_violence_acled')).toEqual({ before: '2025-03', after: '2026-03' });
  });
});

describe('regions the page charts', () => {
  const niger = {
    ...COUNTRIES[0]!,
    admin1: [
      { name: 'Diffa', slug: 'diffa', categories: [] },
      { name: 'Tillaberi', slug: 'tillaberi', categories: ['political_violence' as const] },
    ],
  };

  it('are the regions with monthly series of the category; a region with weeks only is not offered', () => {
    expect(monthlyRegions(niger, 'political_violence').map((r) => r.slug)).toEqual(['tillaberi']);
    expect(monthlyRegions(niger, 'battles')).toEqual([]);
    // A dataset built before weeks lists no categories per region: every region has the country's.
    expect(monthlyRegions(COUNTRIES[0]!, 'battles').map((r) => r.slug)).toEqual(['tillaberi']);
  });

  it('a URL naming a region without monthly series of the category charts the country total', () => {
    const catalogueCountries = [niger, COUNTRIES[1]!];
    expect(resolveState(new URLSearchParams('view=country&country=NER&admin1=diffa'), catalogueCountries).admin1).toBeNull();
    expect(resolveState(new URLSearchParams('view=country&country=NER&admin1=tillaberi'), catalogueCountries).admin1).toBe('tillaberi');
  });
});

describe('weeks in the Compare view', () => {
  // Nigeria's weeks as the catalogue gives them (weekly counts through the week of 14 March 2026,
  // ending 20 March; provisional from 21 February), cut to two of its 38 regions (weekly counts
  // only) and, of its weekly categories, political violence; battles stands for a category without.
  const nigeria: CountryEntry = {
    iso3: 'NGA',
    name: 'Nigeria',
    admin1: [
      { name: 'Borno', slug: 'borno', categories: [] },
      { name: 'Zamfara', slug: 'zamfara', categories: [] },
    ],
    categories: ['political_violence', 'battles'],
    months: { from: '2021-01', to: '2024-09' },
    partialMonths: [],
    weeks: {
      source: 'acled-weekly-sahel5',
      from: '1997-01-04',
      to: '2026-03-14',
      through: '2026-03-20',
      provisionalFrom: '2026-02-21',
      categories: ['political_violence'],
    },
  };

  it('reads unit=week with day periods and trailingNw, and offers regions with weekly counts only', () => {
    const s = resolveState(
      new URLSearchParams('view=compare&country=NGA&admin1=borno&unit=week&before=trailing4w&after=2026-02-21..2026-03-20'),
      [nigeria],
    );
    expect(s).toMatchObject({ weeks: true, admin1: 'borno', before: '2026-01-24..2026-02-20', after: '2026-02-21..2026-03-20' });
    expect(stateQuery(s)).toContain('unit=week');
    // Without unit=week, a region with weekly counts only is the country total.
    expect(resolveState(new URLSearchParams('view=compare&country=NGA&admin1=borno'), [nigeria]).admin1).toBeNull();
    // The Country view charts its weekly series (for a category with weekly counts only).
    expect(resolveState(new URLSearchParams('view=country&country=NGA&admin1=borno'), [nigeria]).admin1).toBe('borno');
    expect(regionsFor(nigeria, 'political_violence', 'country', false).map((r) => r.slug)).toEqual(['borno', 'zamfara']);
    expect(resolveState(new URLSearchParams('view=country&country=NGA&category=battles&admin1=borno'), [nigeria]).admin1).toBeNull();
    expect(resolveState(new URLSearchParams('view=overview&country=NGA&admin1=borno'), [nigeria]).admin1).toBeNull();
    // Months are not weeks; nor is a category without weekly counts.
    expect(resolveState(new URLSearchParams('view=compare&country=NGA&unit=week&after=2024-09'), [nigeria]).weeks).toBe(false);
    expect(resolveState(new URLSearchParams('view=compare&country=NGA&category=battles&unit=week'), [nigeria]).weeks).toBe(false);
  });

  it('defaults to the last four weeks against the four before', () => {
    expect(defaultPeriods(nigeria, 'political_violence', true)).toEqual({
      before: '2026-01-24..2026-02-20',
      after: '2026-02-21..2026-03-20',
    });
  });
});
