/**
 * The controls above the charts (country, category, measure, region, range, scale): shown from
 * the state, and each change handed to the router. The fields a view does not use are hidden
 * (data-views in index.html). The Compare view's own fields (periods in months, weeks or days,
 * the claim to check) are controls-compare.ts's, loaded with that view.
 */
import type { CategoryId, Measure } from '../../model/categories.ts';
import { isDayPeriod, type Unit } from '../../model/period.ts';
import type { Catalogue, CountryEntry } from '../../model/types.ts';
import { t } from './messages.ts';
import { categoryOptions } from './options.ts';
import { byId, fillSelect } from './render.ts';
import { hasDays, hasWeeks, periodsInUnit, regionsFor, type ViewState } from './state.ts';

/** What the controls use of the page: the state, the catalogue (null until it is in), and the router. */
export interface ControlsContext {
  state: () => ViewState;
  catalogue: () => Catalogue | null;
  setState: (next: Partial<ViewState>) => Promise<void>;
}

const els = {
  controls: byId<HTMLFormElement>('controls'),
  country: byId<HTMLSelectElement>('country'),
  category: byId<HTMLSelectElement>('category'),
  admin1: byId<HTMLSelectElement>('admin1'),
  from: byId<HTMLInputElement>('from'),
  to: byId<HTMLInputElement>('to'),
  sameScale: byId<HTMLInputElement>('same-scale'),
  resetRange: byId<HTMLButtonElement>('reset-range'),
};

/** Show the state in the controls: the catalogue's choices, the values, which fields the view uses. */
export function syncControls(state: ViewState, catalogue: Catalogue | null): void {
  if (!catalogue) return;
  fillSelect(
    els.country,
    catalogue.countries.map((c) => ({ value: c.iso3, label: t.country(c.name) })),
    state.country,
  );
  fillSelect(els.category, categoryOptions(catalogue, state.country), state.category);
  for (const input of els.controls.querySelectorAll<HTMLInputElement>('input[name="measure"]'))
    input.checked = input.value === state.measure;
  const country = catalogue.countries.find((c) => c.iso3 === state.country);
  const regions = country ? regionsFor(country, state.category, state.view, state.weeks) : [];
  // A country without regions keeps the field, disabled and saying so: hiding it would move the
  // fields after it (and the page below) once the catalogue is in. Regions with weekly counts
  // only are offered where weeks are charted: the Country view, the Compare view's weeks.
  const weeklyOnly = regions.length === 0 && (country?.admin1.length ?? 0) > 0;
  fillSelect(
    els.admin1,
    [
      {
        value: '',
        label: regions.length > 0 ? t.allRegions : weeklyOnly ? t.totalWeeklyOnly : t.totalNoRegions,
      },
      ...regions.map((r) => ({ value: r.slug, label: t.region(r.name) })),
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
  // Enabled once the catalogue is in; the Compare view's unit switch corrects its own (controls-compare.ts).
  for (const el of els.controls.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input')) el.disabled = false;
  els.admin1.disabled = regions.length === 0;
  // The Country view disables the month fields for a region with weekly counts only (views/country.ts).
  els.resetRange.disabled = false;
  // Only the fields the view uses are shown.
  for (const f of els.controls.querySelectorAll<HTMLElement>('[data-views]')) {
    const views = (f.dataset.views ?? '').split(' ');
    f.classList.toggle('off-view', !views.includes(state.view));
  }
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
  // Enter in a field submits the form: never a page load (the Compare view's fields apply on submit, controls-compare.ts).
  els.controls.addEventListener('submit', (e) => e.preventDefault());
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
  els.resetRange.addEventListener('click', () => setState({ from: null, to: null }));
  els.controls.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.name === 'measure' && t.checked) setState({ measure: t.value as Measure });
  });
}
