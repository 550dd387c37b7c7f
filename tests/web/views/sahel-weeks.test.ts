/**
 * The weeks the Sahel map sums (web/src/views/sahel-weeks.ts): the URL's choice read against the
 * weeks covered, the requests that answer it, and a region's total. Weeks as the catalogue gives
 * them: every country from 1997 through the week of 14 March 2026 (ending Friday 20 March).
 */
import { describe, expect, it } from 'vitest';
import { MAX_MAP_WEEKS, mapRequestWeeks, mapWeeks, weeksTotal } from '../../../web/src/views/sahel-weeks.ts';
import { wp } from '../fixtures.ts';

const FIRST = '1997-02-15';
const LAST = '2026-03-14';

describe('the Sahel map’s weeks', () => {
  it('defaults to the last four weeks, written as nothing', () => {
    const w = { from: '2026-02-21', to: LAST, weeks: 4, preset: 4, param: null };
    expect(mapWeeks(null, FIRST, LAST)).toEqual(w);
    expect(mapWeeks('last4', FIRST, LAST)).toEqual(w);
    // Not a preset, not days: the default.
    for (const bad of ['last5', 'last', 'lastweek', '2026-02-30..2026-03-20', '2026-03-01', 'x..y'])
      expect(mapWeeks(bad, FIRST, LAST)).toEqual(w);
  });

  it('reads the presets: the last 12, 26, 52 weeks, each ending with the newest', () => {
    expect(mapWeeks('last12', FIRST, LAST)).toEqual({ from: '2025-12-27', to: LAST, weeks: 12, preset: 12, param: 'last12' });
    expect(mapWeeks('last26', FIRST, LAST)).toMatchObject({ from: '2025-09-20', weeks: 26, param: 'last26' });
    expect(mapWeeks('last52', FIRST, LAST)).toMatchObject({ from: '2025-03-22', weeks: 52, param: 'last52' });
  });

  it('takes each day’s ACLED week (Saturday to Friday), in order, written Saturday..Friday', () => {
    // 26 July 2023 (a Wednesday) is in the week of Saturday 22 July; 25 August (a Friday) ends the week of 19 August.
    expect(mapWeeks('2023-08-25..2023-07-26', FIRST, LAST)).toEqual({
      from: '2023-07-22',
      to: '2023-08-19',
      weeks: 5,
      preset: null,
      param: '2023-07-22..2023-08-25',
    });
    // One day: its week.
    expect(mapWeeks('2026-03-01..2026-03-01', FIRST, LAST)).toMatchObject({ from: '2026-02-28', to: '2026-02-28', weeks: 1 });
  });

  it('clips a range to the weeks covered, cuts it to a year from its start, and names a preset’s weeks as the preset', () => {
    expect(mapWeeks('1990-01-01..1997-03-01', FIRST, LAST)).toMatchObject({ from: FIRST, to: '1997-03-01', weeks: 3 });
    expect(mapWeeks('2026-03-01..2030-01-01', FIRST, LAST)).toMatchObject({ from: '2026-02-28', to: LAST, weeks: 3, preset: null });
    expect(mapWeeks('2020-01-01..2024-12-31', FIRST, LAST)).toMatchObject({ from: '2019-12-28', to: '2020-12-19', weeks: MAX_MAP_WEEKS });
    expect(mapWeeks('2025-12-27..2026-03-20', FIRST, LAST)).toMatchObject({ preset: 12, param: 'last12' });
    expect(mapWeeks('2026-02-21..2026-03-20', FIRST, LAST)).toMatchObject({ preset: 4, param: null });
  });

  it('asks for the last 8 weeks, the last 52, or the weeks chosen', () => {
    expect(mapRequestWeeks(mapWeeks(null, FIRST, LAST), LAST)).toEqual({ from: '2026-01-24' });
    // The last 8 weeks are the Country view's ranking's request too.
    expect(mapRequestWeeks(mapWeeks('2026-01-24..2026-02-06', FIRST, LAST), LAST)).toEqual({ from: '2026-01-24' });
    for (const p of ['last12', 'last26', 'last52', '2025-03-22..2025-04-04'])
      expect(mapRequestWeeks(mapWeeks(p, FIRST, LAST), LAST)).toEqual({ from: '2025-03-22' });
    expect(mapRequestWeeks(mapWeeks('2023-07-26..2023-08-25', FIRST, LAST), LAST)).toEqual({ from: '2023-07-22', to: '2023-08-19' });
  });

  it('sums a region’s weeks in the window, a week without a point counting none', () => {
    const points = [wp('2026-02-07', 100), wp('2026-02-14', 3), wp('2026-02-21', 4, true), wp('2026-02-28', 5, true)];
    expect(weeksTotal(points, { from: '2026-02-14', to: '2026-02-28' })).toEqual({ value: 12, provisional: true });
    expect(weeksTotal(points, { from: '2026-02-07', to: '2026-02-14' })).toEqual({ value: 103, provisional: false });
    expect(weeksTotal([], { from: '2026-02-07', to: '2026-02-14' })).toEqual({ value: 0, provisional: false });
  });
});
