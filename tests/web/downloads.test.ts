/** Download files (web/src/downloads.ts): their names, and CSVs joined under one header. */
import { describe, expect, it } from 'vitest';
import { csvRecords, mergeCsv } from '../../web/src/csv-merge.ts';
import { downloadName } from '../../web/src/downloads.ts';

describe('downloads', () => {
  it('merges the API’s CSVs under one header and refuses different headers', () => {
    expect(mergeCsv(['a,b\r\n1,2\r\n', 'a,b\r\n3,4\r\n', ''])).toBe('a,b\r\n1,2\r\n3,4\r\n');
    expect(mergeCsv(['a,b\n1,2\n'])).toBe('a,b\r\n1,2\r\n');
    expect(mergeCsv([])).toBe('');
    expect(() => mergeCsv(['a,b\n1,2', 'a,c\n1,2'])).toThrow(/headers differ/);
  });

  it('keeps a line break inside a quoted cell in its record, and every record as the API wrote it', () => {
    const a = 'region,note\r\nDiffa,"two\r\nlines, and ""quotes"""\r\n';
    const b = 'region,note\r\nTillaberi,"\'=1+1"\r\n';
    expect(csvRecords(a)).toEqual(['region,note', 'Diffa,"two\r\nlines, and ""quotes"""']);
    expect(mergeCsv([a, b])).toBe('region,note\r\nDiffa,"two\r\nlines, and ""quotes"""\r\nTillaberi,"\'=1+1"\r\n');
    expect(csvRecords('a\n"x\ny"\n\nb')).toEqual(['a', '"x\ny"', 'b']);
    expect(() => mergeCsv([a, 'region,"note\nx"\r\n'])).toThrow(/headers differ/);
  });

  it('names files with the filters and the dataset version', () => {
    expect(downloadName(['NER', null, 'political_violence', 'events', '2023-01'], '197c0117', 'csv')).toBe(
      'sahel-pulse_NER_political_violence_events_2023-01_197c0117.csv',
    );
    expect(downloadName(['NER', 'tillabéri x'], 'v/1', 'png')).toBe('sahel-pulse_NER_tillab-ri-x_v-1.png');
  });
});
