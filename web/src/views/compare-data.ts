/**
 * The Compare view's shaping: its title (two periods compared, or a claim checked) and the
 * comparison card's figures. Pure: no DOM. The verdict card's text is verdict.ts's, shared with
 * the headline claims' cards.
 */
import type { CompareResult } from '../../../model/api.ts';
import { windowLabel } from '../../../model/period.ts';
import type { Catalogue } from '../../../model/types.ts';
import { fmtMean, fmtPct, fmtRatio } from '../format.ts';
import { LANG } from '../lang.ts';
import { t } from '../messages.ts';
import { tm } from '../messages-more.ts';
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
  const place = region ? `${t.region(region.name)} (${t.country(country.name)})` : t.country(country.name);
  const category = catalogue.categories.find((c) => c.id === s.category);
  const catLabel = category ? t.category(category.id, category.label) : s.category;
  const claimWords = hasCheck(s) ? (s.wording ?? relationWording(s.relation!, s.threshold!)) : null;
  return claimWords ? tm().titleCheck(catLabel, place, claimWords) : tm().titleCompare(catLabel, tm().measureWords[s.measure], place);
}

/** With a relation but no N yet: what to enter, above the two periods compared; else null. */
export function checkPrompt(s: Pick<ViewState, 'relation' | 'threshold'>): string | null {
  if (s.relation === null || s.threshold !== null) return null;
  const label = relationOptions(s.relation).find((o) => o.value === s.relation)?.label ?? s.relation;
  return tm().enterN(label);
}

/** The comparison card's figures: both periods, the change, the ratio, the basis and the band. */
export function comparisonFigures(r: CompareResult, band: BandText): [string, string][] {
  const m = tm();
  const figures: [string, string][] = [
    [m.figBefore(windowLabel(r.before, LANG)), `${fmtMean(r.before.value)}${r.before.partial ? m.partial : ''}`],
    [m.figAfter(windowLabel(r.after, LANG)), `${fmtMean(r.after.value)}${r.after.partial ? m.partial : ''}`],
  ];
  if (r.change) {
    // Means (periods of unequal length) to one decimal; counts are whole numbers.
    figures.push([m.figChange, `${r.change.abs > 0 ? '+' : ''}${fmtMean(r.change.abs)} (${fmtPct(r.change.pct)})`]);
    if (r.change.ratio !== null) figures.push([m.figRatio, fmtRatio(r.change.ratio)]);
  }
  if (r.basis === 'monthly_mean' || r.basis === 'daily_mean') figures.push([m.figCompared, m.means(r.basis === 'monthly_mean')]);
  figures.push([m.figBand, `${band.label}${LANG === 'fr' ? '\u00a0:' : ':'} ${band.definition}`]);
  return figures;
}
