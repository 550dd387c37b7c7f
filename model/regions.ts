/**
 * ACLED admin1 names -> region outline names (the `name` of ../shared/data/boundaries/
 * *-admin1-*.geojson features). Names match when equal after folding case, accents and
 * punctuation (hyphens, spaces, apostrophes: `Plateau-Central` = `Plateau Central`,
 * `Ndjamena` = `N'Djamena`, `Guera` = `Guéra`), or through the explicit alias table for
 * spellings that differ in letters. A name that matches nothing is returned as unmatched (ACLED's
 * maritime "Gulf of Guinea" has no outline), never dropped. Pure: no Node or DOM imports.
 */
import type { Iso3 } from './geography.ts';

/**
 * Spellings that differ in letters, per country: [ACLED's, the outline's]. Found by comparing
 * every ADMIN1 of ACLED's weekly file (2026-03) and HDX's Mali file with the outlines; every
 * other name matches after folding.
 */
export const ADMIN1_ALIASES: Readonly<Partial<Record<Iso3, readonly (readonly [string, string])[]>>> = {
  MLI: [['Koulikoro', 'Koulikouro']], // OCHA COD-AB 2015 spells it Koulikouro
  NGA: [['Nassarawa', 'Nasarawa']], // ACLED spells the state Nassarawa; OCHA COD-AB Nasarawa
};

/** A name folded for matching: lower case, no accents, only letters and digits. @example regionKey("N'Djamena") === 'ndjamena' */
export function regionKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface RegionMatch {
  /** The name as the data write it. */
  name: string;
  /** The outline's name. */
  outline: string;
  /** `exact`: the same text; `folded`: equal after folding; `alias`: through ADMIN1_ALIASES. */
  by: 'exact' | 'folded' | 'alias';
}

export interface RegionMatching {
  matched: RegionMatch[];
  /** Data names with no outline (listed beside the map, never dropped). */
  unmatched: string[];
  /** Outlines no data name matched. */
  outlinesWithoutData: string[];
}

/**
 * Match a country's admin1 names to its outline names. Throws when two outlines fold to the same
 * key (the match would be ambiguous).
 * @example matchRegions('MLI', ['Koulikoro'], ['Koulikouro']).matched[0] gives { name: 'Koulikoro', outline: 'Koulikouro', by: 'alias' }
 */
export function matchRegions(country: Iso3, names: readonly string[], outlines: readonly string[]): RegionMatching {
  const byKey = new Map<string, string>();
  for (const o of outlines) {
    const k = regionKey(o);
    const seen = byKey.get(k);
    if (seen !== undefined && seen !== o) throw new Error(`${country}: outlines "${seen}" and "${o}" fold to the same name`);
    byKey.set(k, o);
  }
  const aliases = new Map<string, string>();
  for (const [a, b] of ADMIN1_ALIASES[country] ?? []) {
    aliases.set(regionKey(a), regionKey(b));
    aliases.set(regionKey(b), regionKey(a));
  }
  const matched: RegionMatch[] = [];
  const unmatched: string[] = [];
  const used = new Set<string>();
  for (const name of [...new Set(names)]) {
    const k = regionKey(name);
    let outline = byKey.get(k);
    let by: RegionMatch['by'] = outline === name ? 'exact' : 'folded';
    if (outline === undefined) {
      const alias = aliases.get(k);
      outline = alias === undefined ? undefined : byKey.get(alias);
      by = 'alias';
    }
    if (outline === undefined) unmatched.push(name);
    else {
      matched.push({ name, outline, by });
      used.add(outline);
    }
  }
  const order = (a: string, b: string) => a.localeCompare(b, 'en');
  return {
    matched: matched.sort((a, b) => order(a.name, b.name)),
    unmatched: unmatched.sort(order),
    outlinesWithoutData: outlines.filter((o) => !used.has(o)).sort(order),
  };
}
