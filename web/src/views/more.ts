/**
 * The views and parts the first view does without, in one chunk loaded on demand: the Country
 * view, the Compare view (with the unit switch), the claims' cards and the overview's Sahel map. One chunk rather than
 * two: each chunk shared between the first view and a lazily loaded one is a file of its own, and
 * small files compress worse than one.
 */

import { fmtNum } from '../../../model/format.ts';
import { useNumberFormat } from '../charts.ts';

// The charts write numbers as the page does (see charts.ts).
useNumberFormat(fmtNum);

export { convertFor, loadCompare, showClaims } from './compare.ts';
export { loadCountry } from './country.ts';
export { drawSahelMap } from './sahel-map.ts';
