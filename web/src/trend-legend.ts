/**
 * The overview's legend of trend bands (badge and definition), written when it is first opened:
 * its definitions are not part of the first view's code.
 */
import { TREND_BANDS } from '../../model/trend.ts';
import { t } from './messages.ts';
import { tm } from './messages-more.ts';
import { byId, h, trendBadge } from './render.ts';

export function renderTrendLegend(): void {
  byId('trend-band-list').replaceChildren(
    ...TREND_BANDS.flatMap((b) => [h('dt', {}, trendBadge(b, t.trend(b))), h('dd', {}, tm().trendDefinition(b))]),
  );
}
