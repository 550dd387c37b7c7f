/**
 * The Compare view's fields: the periods (months, ACLED weeks or days, or the N weeks before
 * "after") and the claim to check (relation, N, wording, both measures). Shown from the state, and
 * each change handed to the router; loaded with the Compare view (views/more.ts), which calls
 * syncCompareControls after the shared controls (controls.ts) on every change of state.
 */
import { addDays } from '../../model/day.ts';
import { isDayPeriod } from '../../model/period.ts';
import type { Catalogue } from '../../model/types.ts';
import { weekEnd } from '../../model/week.ts';
import { t } from './messages.ts';
import { tm } from './messages-more.ts';
import { relationOptions, relationWording } from './relation-options.ts';
import { byId, fillSelect } from './render.ts';
import { hasDays, hasWeeks, periodBounds, type ViewState } from './state.ts';

/** What the Compare view's fields use of the page. */
export interface CompareControlsContext {
  state: () => ViewState;
  setState: (next: Partial<ViewState>) => Promise<void>;
  /** Switch the compare periods to another unit (months, weeks, days), saying when the span cannot be kept. */
  convertUnit: (unit: 'month' | 'week' | 'day') => void;
}

const els = {
  controls: byId<HTMLFormElement>('controls'),
  beforeFrom: byId<HTMLInputElement>('before-from'),
  beforeTo: byId<HTMLInputElement>('before-to'),
  afterFrom: byId<HTMLInputElement>('after-from'),
  afterTo: byId<HTMLInputElement>('after-to'),
  relation: byId<HTMLSelectElement>('relation'),
  threshold: byId<HTMLInputElement>('threshold'),
  wording: byId<HTMLInputElement>('wording'),
  bothMeasures: byId<HTMLInputElement>('both-measures'),
  unitDay: byId<HTMLInputElement>('unit-day'),
  unitWeek: byId<HTMLInputElement>('unit-week'),
  trailingWeeks: byId<HTMLInputElement>('trailing-weeks'),
};

/** Show the state in the Compare view's fields (after controls.ts's syncControls). */
export function syncCompareControls(state: ViewState, catalogue: Catalogue): void {
  const country = catalogue.countries.find((c) => c.iso3 === state.country);
  const min = catalogue.countries.map((c) => c.months.from).sort()[0] ?? '';
  const max =
    catalogue.countries
      .map((c) => c.months.to)
      .sort()
      .at(-1) ?? '';
  // Compare periods are months, or days where the country has daily counts (never a region).
  const unit = state.weeks ? 'week' : state.after && isDayPeriod(state.after) ? 'day' : 'month';
  const weeks = hasWeeks(country, state.category) ? country!.weeks! : null;
  const days = hasDays(country, state.admin1) ? country!.days! : null;
  for (const r of els.controls.querySelectorAll<HTMLInputElement>('input[name="unit"]')) r.checked = r.value === unit;
  const withDays = catalogue.countries.filter((c) => c.days).map((c) => t.country(c.name));
  // Which countries, or why not, in a tooltip: text that changed here would move the fields after it.
  els.unitDay.parentElement!.title = state.admin1 !== null ? tm().dayWindowsRegions : tm().dailyFor(withDays);
  for (const input of [els.beforeFrom, els.beforeTo, els.afterFrom, els.afterTo]) {
    // The type first: a month value in a date field (or the reverse) would be cleared.
    input.type = unit === 'month' ? 'month' : 'date';
    // Weeks: Saturdays (the week a field names starts that day), from the first week to the last.
    input.step = unit === 'week' ? '7' : '';
    input.min = unit === 'day' ? (days?.from ?? '') : unit === 'week' ? (weeks?.from ?? '') : min;
    input.max = unit === 'day' ? (days?.through ?? '') : unit === 'week' ? (weeks?.to ?? '') : max;
  }
  const [bf, bt] = state.before ? periodBounds(state.before) : ['', ''];
  const [af, at] = state.after ? periodBounds(state.after) : ['', ''];
  // In weeks, "to" names the last week by its Saturday.
  const lastWeek = (d: string) => (unit === 'week' && d ? addDays(d, -6) : d);
  els.beforeFrom.value = bf;
  els.beforeTo.value = lastWeek(bt);
  els.afterFrom.value = af;
  els.afterTo.value = lastWeek(at);
  els.trailingWeeks.closest('label')!.hidden = unit !== 'week';
  els.trailingWeeks.value = '';
  fillSelect(els.relation, relationOptions(state.relation), state.relation ?? '');
  els.threshold.value = state.threshold ?? '';
  els.wording.value = state.wording ?? '';
  els.wording.placeholder = state.relation && state.threshold ? relationWording(state.relation, state.threshold) : tm().wordingExample;
  els.bothMeasures.checked = state.bothMeasures;
  markInvalid([]);
  // Days stay selectable while shown, so that a view in days without daily counts can go back.
  els.unitDay.disabled = days === null && unit !== 'day';
  els.unitWeek.disabled = weeks === null && unit !== 'week';
}

function periodOf(a: string, b: string, weeks = false): string | null {
  if (!a && !b) return null;
  const x = a || b;
  const y = b || a;
  const [lo, hi] = x <= y ? [x, y] : [y, x];
  // Weeks: from the first week's Saturday to the last week's Friday.
  if (weeks) return `${lo}..${weekEnd(hi)}`;
  return lo === hi ? lo : `${lo}..${hi}`;
}

let wired = false;

/** Each field changes the state; the claim's fields apply on change, or all at once on Enter or the Check button. Once. */
export function wireCompareControls(ctx: CompareControlsContext): void {
  if (wired) return;
  wired = true;
  const setState = ctx.setState;
  // Enter in a field, or the Check button: apply the claim's fields as typed.
  els.controls.addEventListener('submit', () => {
    const next = claimFields();
    if (Object.entries(next).some(([k, v]) => ctx.state()[k as keyof typeof next] !== v)) void setState(next);
  });
  els.relation.addEventListener('change', () => setState({ relation: claimFields().relation }));
  els.threshold.addEventListener('change', () => setState({ threshold: claimFields().threshold }));
  els.wording.addEventListener('change', () => setState({ wording: claimFields().wording }));
  els.bothMeasures.addEventListener('change', () => setState({ bothMeasures: els.bothMeasures.checked }));
  const period = () => {
    const w = ctx.state().weeks;
    return setState({
      before: periodOf(els.beforeFrom.value, els.beforeTo.value, w),
      after: periodOf(els.afterFrom.value, els.afterTo.value, w),
    });
  };
  // The N weeks before "after" (trailingNw, which the router resolves into their days).
  els.trailingWeeks.addEventListener('change', () => {
    const n = Number(els.trailingWeeks.value);
    if (Number.isInteger(n) && n > 0) void setState({ before: `trailing${n}w` });
  });
  for (const el of [els.beforeFrom, els.beforeTo, els.afterFrom, els.afterTo]) el.addEventListener('change', period);
  for (const r of els.controls.querySelectorAll<HTMLInputElement>('input[name="unit"]'))
    r.addEventListener('change', () => {
      if (r.checked) ctx.convertUnit(r.value as 'month' | 'week' | 'day');
    });
}

/** The claim's fields as typed; an empty field is no value. */
function claimFields(): Pick<ViewState, 'relation' | 'threshold' | 'wording' | 'bothMeasures'> {
  const v = (x: string) => x.trim() || null;
  return {
    relation: v(els.relation.value),
    threshold: v(els.threshold.value),
    wording: v(els.wording.value),
    bothMeasures: els.bothMeasures.checked,
  };
}

/** The claim fields a 400 names get aria-invalid and point to the message; the others are cleared. */
const CLAIM_FIELDS = { relation: els.relation, threshold: els.threshold, wording: els.wording } as const;
export function markInvalid(parameters: readonly string[], messageId = 'check-problem'): void {
  for (const [name, el] of Object.entries(CLAIM_FIELDS)) {
    if (parameters.includes(name)) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', messageId);
    } else {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    }
  }
}
