import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../model/categories.ts';
import { disorderAgrees, WEEKLY_CATEGORIES, weeklyCategories } from '../../model/disorder.ts';

describe("ACLED's disorder types and the categories weekly data give", () => {
  it('places each event type and sub-event type', () => {
    expect(weeklyCategories('Battles', 'Armed clash')).toEqual(['political_violence', 'political_violence_acled', 'battles']);
    expect(weeklyCategories('Riots', 'Mob violence')).toEqual(['political_violence_acled', 'demonstrations', 'riots']);
    expect(weeklyCategories('Riots', 'Violent demonstration')).toEqual(['demonstrations', 'demonstrations_acled', 'riots']);
    expect(weeklyCategories('Protests', 'Excessive force against protesters')).toEqual([
      'political_violence_acled',
      'demonstrations',
      'demonstrations_acled',
      'protests',
    ]);
    expect(weeklyCategories('Protests', 'Peaceful protest')).toEqual(['demonstrations', 'demonstrations_acled', 'protests']);
    expect(weeklyCategories('Strategic developments', 'Looting/property destruction')).toEqual(['strategic_developments']);
    expect(weeklyCategories('Riots', 'Looting')).toBeNull();
  });

  it('offers every category but the event-level ones, in the order of CATEGORY_IDS', () => {
    expect(WEEKLY_CATEGORIES).toEqual(CATEGORY_IDS.filter((c) => c !== 'civilian_targeting' && c !== 'attacks_on_state_forces'));
  });

  it("checks a row's DISORDER_TYPE against its event and sub-event type", () => {
    expect(disorderAgrees('Political violence', 'Riots', 'Mob violence')).toBe(true);
    expect(disorderAgrees('Political violence; Demonstrations', 'Protests', 'Excessive force against protesters')).toBe(true);
    expect(disorderAgrees('Demonstrations', 'Protests', 'Excessive force against protesters')).toBe(false);
    expect(disorderAgrees('Demonstrations', 'Riots', 'Mob violence')).toBe(false);
    expect(disorderAgrees('Strategic developments', 'Strategic developments', 'Other')).toBe(true);
    expect(disorderAgrees('Political violence', 'Strategic developments', 'Other')).toBe(false);
  });
});
