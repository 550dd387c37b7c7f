/**
 * The Compare view's shaping: its title (two periods compared, or a claim checked) and the
 * comparison card's figures. Pure: no DOM. The verdict card's text is verdict.ts's, shared with
 * the headline claims' cards.
 */
import type { CompareResult } from '../../../model/api.ts';
import { placeName } from '../../../model/describe.ts';
import { windowLabel } from '../../../model/period.ts';
import type { Catalogue } from '../../../model/types.ts';
import { fmtMean, fmtPct } from '../format.ts';
import { relationOptions, relationWording } from '../relation-options.ts';
import { hasCheck, type ViewState } from '../state.ts';
import type { BandText } from '../verdict.ts';

/**
 * The view's title: the claim checked, or the two periods compared.
 * @example compareTitle(s, catalogue) === 'Civilian targeting in Niger: “at least 4 times” checked'
 */
export function compareTitle(s: ViewState, catalogue: Pick<Catalogue, 'countries' | 'categories'>): string {
  const country = catalogue.countries.find((c) => c.iso3 === s.country)!;
  const region = country.admin1.find((r) => r.slug === s.admin1) ?? null;
  const place = placeName({ country: { iso3: country.iso3, name: country.name }, admin1: region });
  const catLabel = catalogue.categories.find((c) => c.id === s.category)?.label ?? s.category;
  const claimWords = hasCheck(s) ? (s.wording ?? relationWording(s.relation!, s.threshold!)) : null;
  return claimWords
    ? `${catLabel} in ${place}: “${claimWords}” checked`
    : `${catLabel} ${s.measure === 'events' ? 'events' : 'reported fatalities'} in ${place}: two periods compared`;
}

/** With a relation but no N yet: what to enter, above the two periods compared; else null. */
export function checkPrompt(s: Pick<ViewState, 'relation' | 'threshold'>): string | null {
  if (s.relation === null || s.threshold !== null) return null;
  const label = relationOptions(s.relation).find((o) => o.value === s.relation)?.label ?? s.relation;
  return `Enter N for “${label}” to check the claim; meanwhile, the two periods compared:`;
}

/** The comparison card's figures: both periods, the change, the ratio, the basis and the band. */
export function comparisonFigures(r: CompareResult, band: BandText): [string, string][] {
  const figures: [string, string][] = [
    [`Before: ${windowLabel(r.before)}`, `${fmtMean(r.before.value)}${r.before.partial ? ' (partial)' : ''}`],
    [`After: ${windowLabel(r.after)}`, `${fmtMean(r.after.value)}${r.after.partial ? ' (partial)' : ''}`],
  ];
  if (r.change) {
    // Means (periods of unequal length) to one decimal; counts are whole numbers.
    figures.push(['Change', `${r.change.abs > 0 ? '+' : ''}${fmtMean(r.change.abs)} (${fmtPct(r.change.pct)})`]);
    if (r.change.ratio !== null) figures.push(['Ratio', `${r.change.ratio}x`]);
  }
  if (r.basis === 'monthly_mean' || r.basis === 'daily_mean')
    figures.push(['Compared', `${r.basis === 'monthly_mean' ? 'monthly' : 'daily'} means (the periods differ in length)`]);
  figures.push(['Band', `${band.label}: ${band.definition}`]);
  return figures;
}
