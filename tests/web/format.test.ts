/**
 * Numbers, dates, changes and months as the page writes them: model/format.ts (the one
 * number and date formatter, on Intl) and web/src/format.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../model/change.ts';
import { dayLabel } from '../../model/day.ts';
import { fmtDate, fmtNum } from '../../model/format.ts';
import { creditLine, fmtChange, fmtPct, fmtRatio, fmtSigned, shortMonth } from '../../web/src/format.ts';

const DATASET = { version: 'v1', source: 'ACLED', credit: 'ACLED, www.acleddata.com', asOf: '2024-09-30' };

function ch(base: number, value: number, pct: number | null, ratio: number | null): Change {
  return { base, value, abs: value - base, pct, ratio, lowBaseline: base < 10 };
}

describe('formatting', () => {
  it('formats numbers, signs, percentages and ratios', () => {
    expect(fmtNum(0)).toBe('0');
    expect(fmtNum(1234567)).toBe('1,234,567');
    expect(fmtNum(-1234)).toBe('-1,234');
    expect(fmtNum(50.67)).toBe('50.67');
    expect(fmtNum(1.5)).toBe('1.5');
    expect(fmtSigned(12)).toBe('+12');
    expect(fmtSigned(-4)).toBe('-4');
    expect(fmtSigned(0)).toBe('0');
    expect(fmtPct(48)).toBe('+48%');
    expect(fmtPct(391.2)).toBe('+391.2%');
    expect(fmtPct(-20)).toBe('-20%');
    expect(fmtPct(0)).toBe('0%');
    expect(fmtPct(null)).toBe('n/a');
    expect(fmtRatio(1.48)).toBe('1.48x');
    expect(fmtRatio(null)).toBe('n/a');
  });

  it('formats months and dates', () => {
    expect(shortMonth('2023-07')).toBe('Jul 2023');
    expect(shortMonth('2024-12')).toBe('Dec 2024');
    expect(fmtDate('2024-05-15')).toBe('15 May 2024');
    expect(fmtDate('2023-07-01')).toBe('1 July 2023');
  });

  it('writes days as the model’s sentences do', () => {
    for (const d of ['2023-07-26', '2024-02-29', '2023-12-31', '2019-01-01']) expect(fmtDate(d)).toBe(dayLabel(d));
    expect(fmtNum(-0.001)).toBe('0');
  });

  it('writes the credit line every view and download carries', () => {
    expect(creditLine(DATASET)).toBe('Source: ACLED, www.acleddata.com · dataset version v1 · data as of 30 September 2024');
  });

  it('formats a change for the region table', () => {
    expect(fmtChange(ch(25, 37, 48, 1.48))).toBe('+12 (+48%)');
    expect(fmtChange(ch(5, 4, -20, 0.8))).toBe('-1 (-20%, low baseline)');
    expect(fmtChange(ch(0, 3, null, null))).toBe('+3 (n/a, low baseline)');
    expect(fmtChange(null)).toBe('n/a');
  });
});
