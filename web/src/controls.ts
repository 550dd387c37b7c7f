/**
 * The controls above the charts (country, category, measure, region, range, scale, compare
 * periods in months or days, and the claim to check): shown from the state, and each change
 * handed to the router. The fields a view does not use are hidden (data-views in index.html).
 */
import type { CategoryId, Measure } from '../../model/categories.ts';
import { addDays } from '../../model/day.ts';
import { isDayPeriod, type Unit } from '../../model/period.ts';
import type { Catalogue, CountryEntry } from '../../model/types.ts';
import { weekEnd } from '../../model/week.ts';
import { categoryOptions, relationOptions, relationWording } from './options.ts';
import { byId, fillSelect } from './render.ts';
import { hasDays, hasWeeks, monthlyRegions, periodBounds, periodsInUnit, type ViewState } from './state.ts';

/** What the controls use of the page: the state, the catalogue (null until it is in), and the router. */
export interface ControlsContext {
  state: () => ViewState;
  catalogue: () => Catalogue | null;
  setState: (next: Partial<ViewState>) => Promise<void>;
  /** Switch the compare periods to another unit (months, weeks, days), saying when the span cannot be kept. */
  convertUnit: (unit: 'month' | 'week' | 'day') => void;
}

const els = {
  controls: byId<HTMLFormElement>('controls'),
  country: byId<HTMLSelectElement>('country'),
  category: byId<HTMLSelectElement>('category'),
  admin1: byId<HTMLSelectElement>('admin1'),
  from: byId<HTMLInputElement>('from'),
  to: byId<HTMLInputElement>('to'),
  sameScale: byId<HTMLInputElement>('same-scale'),
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
  resetRange: byId<HTMLButtonElement>('reset-range'),
};

/** Show the state in the controls: the catalogue's choices, the values, which fields the view uses. */
export function syncControls(state: ViewState, catalogue: Catalogue | null): void {
  if (!catalogue) return;
  fillSelect(
    els.country,
    catalogue.countries.map((c) => ({ value: c.iso3, label: c.name })),
    state.country,
  );
  fillSelect(els.category, categoryOptions(catalogue, state.country), state.category);
  for (const input of els.controls.querySelectorAll<HTMLInputElement>('input[name="measure"]'))
    input.checked = input.value === state.measure;
  const country = catalogue.countries.find((c) => c.iso3 === state.country);
  const regions = country ? (state.weeks ? country.admin1 : monthlyRegions(country, state.category)) : [];
  // A country without regions keeps the field, disabled and saying so: hiding it would move the
  // fields after it (and the page below) once the catalogue is in. Regions with weekly counts
  // only are offered in the Compare view's weeks (the country view ranks and maps them).
  const weeklyOnly = regions.length === 0 && (country?.admin1.length ?? 0) > 0;
  fillSelect(
    els.admin1,
    [
      {
        value: '',
        label:
          regions.length > 0
            ? 'All regions (country total)'
            : weeklyOnly
              ? 'Country total (regions: weekly only)'
              : 'Country total (no regions)',
      },
      ...regions.map((r) => ({ value: r.slug, label: r.name })),
    ],
    state.admin1 ?? '',
  );
  const min = catalogue.countries.map((c) => c.months.from).sort()[0] ?? '';
  const max =
    catalogue.countries
      .map((c) => c.months.to)
      .sort()
      .at(-1) ?? '';
  for (const input of [els.from, els.to]) {
    input.min = min;
    input.max = max;
  }
  els.from.value = state.from ?? '';
  els.to.value = state.to ?? '';
  els.sameScale.checked = state.sameScale;
  // Compare periods are months, or days where the country has daily counts (never a region).
  const unit = state.weeks ? 'week' : state.after && isDayPeriod(state.after) ? 'day' : 'month';
  const weeks = hasWeeks(country, state.category) ? country!.weeks! : null;
  const days = hasDays(country, state.admin1) ? country!.days! : null;
  for (const r of els.controls.querySelectorAll<HTMLInputElement>('input[name="unit"]')) r.checked = r.value === unit;
  const withDays = catalogue.countries.filter((c) => c.days).map((c) => c.name);
  // Which countries, or why not, in a tooltip: text that changed here would move the fields after it.
  els.unitDay.parentElement!.title =
    state.admin1 !== null
      ? 'Day windows are for country totals, not regions'
      : `Daily counts exist for ${withDays.join(', ') || 'no country'}`;
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
  els.wording.placeholder = state.relation && state.threshold ? relationWording(state.relation, state.threshold) : 'e.g. quadrupled';
  els.bothMeasures.checked = state.bothMeasures;
  markInvalid([]);
  for (const el of els.controls.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input')) el.disabled = false;
  els.admin1.disabled = regions.length === 0;
  // Days stay selectable while shown, so that a view in days without daily counts can go back.
  els.unitDay.disabled = days === null && unit !== 'day';
  els.unitWeek.disabled = weeks === null && unit !== 'week';
  // Only the fields the view uses are shown.
  for (const f of els.controls.querySelectorAll<HTMLElement>('[data-views]')) {
    const views = (f.dataset.views ?? '').split(' ');
    f.classList.toggle('off-view', !views.includes(state.view));
  }
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

/** The compare periods in `unit`, over the same calendar span. */
function periodsIn(state: ViewState, unit: Unit): Pick<ViewState, 'before' | 'after'> {
  return periodsInUnit(state.before, state.after, unit);
}

/** Periods in days go back to months for a country or region without daily counts. */
function inUnitFor(state: ViewState, country: CountryEntry | undefined, admin1: string | null): Partial<ViewState> {
  return state.after && isDayPeriod(state.after) && !state.weeks && !hasDays(country, admin1) ? periodsIn(state, 'month') : {};
}

/**
 * Each control changes the state (ctx.setState: the router corrects it, writes the URL and
 * redraws). The claim's fields apply on change, or all at once on Enter or the Check button.
 */
export function wireControls(ctx: ControlsContext): void {
  const setState = ctx.setState;
  // Enter in a field, or the Check button: apply the claim's fields as typed.
  els.controls.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = claimFields();
    if (Object.entries(next).some(([k, v]) => ctx.state()[k as keyof typeof next] !== v)) void setState(next);
  });
  els.relation.addEventListener('change', () => setState({ relation: claimFields().relation }));
  els.threshold.addEventListener('change', () => setState({ threshold: claimFields().threshold }));
  els.wording.addEventListener('change', () => setState({ wording: claimFields().wording }));
  els.bothMeasures.addEventListener('change', () => setState({ bothMeasures: els.bothMeasures.checked }));
  els.country.addEventListener('change', () =>
    setState({
      country: els.country.value,
      admin1: null,
      ...inUnitFor(
        ctx.state(),
        ctx.catalogue()?.countries.find((c) => c.iso3 === els.country.value),
        null,
      ),
    }),
  );
  els.category.addEventListener('change', () => {
    const category = els.category.value as CategoryId;
    const s = ctx.state();
    const country = ctx.catalogue()?.countries.find((c) => c.iso3 === s.country);
    // Weeks of a category without weekly counts go back to months.
    if (s.weeks && !hasWeeks(country, category)) void setState({ category, weeks: false, ...periodsIn(s, 'month') });
    else void setState({ category });
  });
  els.admin1.addEventListener('change', () => {
    const admin1 = els.admin1.value === '' ? null : els.admin1.value;
    void setState({
      admin1,
      ...inUnitFor(
        ctx.state(),
        ctx.catalogue()?.countries.find((c) => c.iso3 === ctx.state().country),
        admin1,
      ),
    });
  });
  els.from.addEventListener('change', () => setState({ from: els.from.value || null }));
  els.to.addEventListener('change', () => setState({ to: els.to.value || null }));
  els.sameScale.addEventListener('change', () => setState({ sameScale: els.sameScale.checked }));
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
  els.resetRange.addEventListener('click', () => setState({ from: null, to: null }));
  for (const r of els.controls.querySelectorAll<HTMLInputElement>('input[name="unit"]'))
    r.addEventListener('change', () => {
      if (r.checked) ctx.convertUnit(r.value as 'month' | 'week' | 'day');
    });
  els.controls.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.name === 'measure' && t.checked) setState({ measure: t.value as Measure });
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
