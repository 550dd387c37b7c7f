/**
 * Switching the Compare view's periods between months, ACLED weeks and days
 * (web/src/views/compare-units.ts): the calendar span is kept where the units allow, and a
 * sentence says when it is not.
 */
import { describe, expect, it } from 'vitest';
import { convertFor, convertPeriods, unitOf } from '../../../web/src/views/compare-units.ts';

describe('compare units', () => {
  it('names the unit of the periods', () => {
    expect(unitOf({ after: '2023-08', weeks: false })).toBe('month');
    expect(unitOf({ after: '2023-07-27..2023-08-25', weeks: false })).toBe('day');
    expect(unitOf({ after: '2026-02-21..2026-03-20', weeks: true })).toBe('week');
  });

  it('keeps whole weeks as they are in days, and says nothing', () => {
    const s = { before: '2026-01-24..2026-02-20', after: '2026-02-21..2026-03-20', weeks: true };
    expect(convertPeriods(s, 'day')).toEqual({ next: { ...s, weeks: false }, note: null });
    expect(convertPeriods({ ...s, weeks: false }, 'week')).toEqual({ next: s, note: null });
  });

  it('turns months into the whole weeks covering them, "before" ending where "after" starts, and says so', () => {
    const r = convertPeriods({ before: '2023-07', after: '2023-08', weeks: false }, 'week');
    // August 2023 runs Tuesday 1 to Thursday 31: the weeks covering it are 29 July to 1 September.
    expect(r.next).toEqual({ before: '2023-07-01..2023-07-28', after: '2023-07-29..2023-09-01', weeks: true });
    expect(r.note).toBe(
      '1–31 August 2023 is not whole ACLED weeks (Saturday to Friday): 29 July–1 September 2023, the weeks covering it; ' +
        '1–31 July 2023 is shown as 1–28 July 2023, the whole weeks before “after” starts.',
    );
  });

  it('turns weeks into the months covering them, and says the span changed', () => {
    const r = convertPeriods({ before: '2026-01-24..2026-02-20', after: '2026-02-21..2026-03-20', weeks: true }, 'month');
    expect(r.next).toEqual({ before: '2026-01', after: '2026-02..2026-03', weeks: false });
    expect(r.note).toBe(
      '21 February–20 March 2026 and 24 January–20 February 2026 are not whole months: shown as the months covering them.',
    );
  });

  it('keeps months as their days', () => {
    expect(convertPeriods({ before: '2023-07', after: '2023-08', weeks: false }, 'day')).toEqual({
      next: { before: '2023-07-01..2023-07-31', after: '2023-08-01..2023-08-31', weeks: false },
      note: null,
    });
  });

  it('goes back to the latest complete month where the months would run past the monthly series', () => {
    // Nigeria in the catalogue: months January 2021 to September 2024, weeks to 20 March 2026.
    const nigeria = {
      name: 'Nigeria',
      months: { from: '2021-01', to: '2024-09' },
      partialMonths: [],
      weeks: null,
    };
    const s = { before: '2026-01-24..2026-02-20', after: '2026-02-21..2026-03-20', weeks: true, category: 'political_violence' as const };
    expect(convertFor(s, nigeria, 'month')).toEqual({
      next: { before: '2023-09', after: '2024-09', weeks: false },
      note: 'Nigeria’s monthly series end in September 2024, before February 2026–March 2026: shown as its latest complete month against the same month a year earlier.',
    });
    // Within the monthly series, the plain conversion.
    const old = { before: '2024-06-01..2024-06-28', after: '2024-06-29..2024-07-26', weeks: true, category: 'political_violence' as const };
    expect(convertFor(old, nigeria, 'month')).toEqual(convertPeriods(old, 'month'));
  });
});
