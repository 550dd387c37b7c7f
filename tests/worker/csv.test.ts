import { describe, expect, it } from 'vitest';
import { cell, filename, toCsv } from '../../worker/csv.ts';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
  ])('%j -> %j', (input, output) => {
    expect(cell(input)).toBe(output);
  });

  it('writes numbers, booleans and nulls as values (negative numbers stay numbers)', () => {
    expect([cell(-12.5), cell(0), cell(true), cell(null)]).toEqual(['-12.5', '0', 'true', '']);
    expect(toCsv({ columns: ['a', 'b'], rows: [[1, '=x']] })).toBe("a,b\r\n1,'=x\r\n");
  });

  it('keeps file names to safe characters', () => {
    expect(filename(['series', 'NER', '', 'a/b c'], '1cd57918d1c7')).toBe('sahel-pulse_series_NER_a-b-c_1cd57918d1c7.csv');
  });
});
