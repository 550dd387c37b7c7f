/**
 * Switching the Compare view's periods between months, ACLED weeks and days: the same calendar
 * span where the units allow it, else the nearest span in the new unit and a sentence saying so.
 * Loaded with the Compare view (the radio buttons are only shown there). Pure: no DOM.
 */
import { addDays } from '../../../model/day.ts';
import { isDayPeriod } from '../../../model/period.ts';
import type { CountryEntry } from '../../../model/types.ts';
import { alignment } from '../../../model/week.ts';
import { fmtDays, fmtMonth } from '../format.ts';
import { LANG } from '../lang.ts';
import { t } from '../messages.ts';
import { tm } from '../messages-more.ts';
import { defaultPeriods, periodBounds, periodInUnit, periodsInUnit, type ViewState } from '../state.ts';

export type PeriodUnit = 'month' | 'week' | 'day';

/** The unit the state's periods are in. */
export function unitOf(s: Pick<ViewState, 'after' | 'weeks'>): PeriodUnit {
  if (s.weeks) return 'week';
  return s.after && isDayPeriod(s.after) ? 'day' : 'month';
}

/** A period in words: months or days. */
function words(p: string): string {
  const [a, b] = periodBounds(p);
  if (isDayPeriod(p)) return fmtDays(a, b);
  return a === b ? fmtMonth(a) : `${fmtMonth(a)}${LANG === 'fr' ? ' – ' : '–'}${fmtMonth(b)}`;
}

const join = (from: string, to: string) => (from === to ? from : `${from}..${to}`);

/** A day period as whole ACLED weeks: itself when it is, else the whole weeks covering it, with what changed. */
function toWeeks(p: string): { period: string; changed: string | null } {
  const [a, b] = periodBounds(p);
  const al = alignment(a, b);
  if (al.aligned) return { period: p, changed: null };
  const span = al.covering;
  const period = join(span.days.from, span.days.to);
  return {
    period,
    changed: tm().notWholeWeeks(words(p), fmtDays(span.days.from, span.days.to)),
  };
}

/**
 * The periods in another unit, and a note when the calendar span could not be kept (months to
 * weeks, weeks or days to months); null when it was.
 */
export function convertPeriods(
  s: Pick<ViewState, 'before' | 'after' | 'weeks'>,
  to: PeriodUnit,
): { next: Pick<ViewState, 'before' | 'after' | 'weeks'>; note: string | null } {
  const from = unitOf(s);
  if (from === to || (!s.before && !s.after)) return { next: { before: s.before, after: s.after, weeks: to === 'week' }, note: null };
  if (to === 'month') {
    const next = periodsInUnit(s.before, s.after, 'month');
    const kept = [s.before, s.after].every((p, i) => {
      const q = i === 0 ? next.before : next.after;
      return !p || !q || periodInUnit(q, 'day') === p;
    });
    const what = [s.after, s.before].filter((p): p is string => p !== null).map(words);
    return {
      next: { ...next, weeks: false },
      note: kept ? null : tm().notWholeMonths(what),
    };
  }
  // Days and weeks are both day ranges: months become their days first.
  const days = periodsInUnit(s.before, s.after, 'day');
  if (to === 'day') return { next: { ...days, weeks: false }, note: null };
  const after = days.after ? toWeeks(days.after) : null;
  const before = days.before ? toWeeks(days.before) : null;
  if (after && before) {
    // Weeks covering both periods may share a week: "before" then ends the Friday before "after" starts.
    const [bFrom, bTo] = periodBounds(before.period);
    const start = periodBounds(after.period)[0];
    const end = addDays(start, -1);
    if (bTo >= start && bFrom <= end) {
      before.period = join(bFrom, end);
      before.changed = tm().weeksBefore(words(days.before!), fmtDays(bFrom, end));
    }
  }
  const changed = [after?.changed, before?.changed].filter((x): x is string => Boolean(x));
  return {
    next: { before: before?.period ?? null, after: after?.period ?? null, weeks: true },
    note: changed.length > 0 ? tm().notes(changed) : null,
  };
}

/**
 * convertPeriods for a country: months after the end of its monthly series (ACLED's weeks run
 * later than most countries' months) become its default months (the latest complete month
 * against the same month a year earlier), and the note says why.
 */
export function convertFor(
  s: Pick<ViewState, 'before' | 'after' | 'weeks' | 'category'>,
  country: Pick<CountryEntry, 'name' | 'months' | 'categoryMonths' | 'partialMonths' | 'weeks'>,
  to: PeriodUnit,
): { next: Pick<ViewState, 'before' | 'after' | 'weeks'>; note: string | null } {
  const r = convertPeriods(s, to);
  if (to !== 'month' || !r.next.after) return r;
  const last = country.categoryMonths?.[s.category]?.to ?? country.months.to;
  if (periodBounds(r.next.after)[1] <= last) return r;
  return {
    next: { ...defaultPeriods(country, s.category), weeks: false },
    note: tm().monthsEnd(t.country(country.name), fmtMonth(last), words(r.next.after)),
  };
}
