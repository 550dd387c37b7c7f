/** Turning points (data/annotations.json) and where they fall on a time axis (web/src/annotations.ts). */
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS, coupMarkers, coupWeekMarkers } from '../../web/src/annotations.ts';

describe('annotations file', () => {
  it('gives every turning point a date, a known country, a label and a source', () => {
    expect(ANNOTATIONS.length).toBeGreaterThanOrEqual(6);
    for (const a of ANNOTATIONS) {
      expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['BFA', 'TCD', 'MLI', 'NER', 'NGA']).toContain(a.country);
      expect(a.label.length).toBeGreaterThan(3);
      expect(a.source).toMatch(/^https:\/\//);
    }
    expect(coupMarkers('NER', ['2023-07'])).toEqual([{ index: 0, label: 'Coup, 26 Jul 2023', date: '2023-07-26' }]);
    expect(coupMarkers('BFA', ['2022-01', '2022-09']).map((m) => m.date)).toEqual(['2022-01-24', '2022-09-30']);
  });
});

describe('coup markers', () => {
  it('places coups inside the chart months only', () => {
    const months = ['2023-06', '2023-07', '2023-08'];
    expect(coupMarkers('NER', months)).toEqual([{ index: 1, label: 'Coup, 26 Jul 2023', date: '2023-07-26' }]);
    expect(coupMarkers('MLI', months)).toEqual([]);
    expect(coupMarkers('MLI', ['2020-08', '2021-05'])).toEqual([
      { index: 0, label: 'Coup, 18 Aug 2020', date: '2020-08-18' },
      { index: 1, label: 'Coup, 24 May 2021', date: '2021-05-24' },
    ]);
    expect(
      coupMarkers(
        'BFA',
        ['2022-01', '2022-09'],
        [{ country: 'BFA', date: '2022-09-30', label: 'x', kind: 'coup', source: 'https://example.org' }],
      ),
    ).toEqual([{ index: 1, label: 'x', date: '2022-09-30' }]);
  });
});

describe('coup markers on weekly axes', () => {
  it('places a coup in the ACLED week containing its day', () => {
    // 26 July 2023 was a Wednesday: its week runs from Saturday 22 July to Friday 28 July.
    expect(coupWeekMarkers('NER', ['2023-07-15', '2023-07-22', '2023-07-29'])).toEqual([
      { index: 1, label: 'Coup, 26 Jul 2023', date: '2023-07-26' },
    ]);
    // The overview's weeks (February 2025 to March 2026) hold no coup of the file.
    expect(coupWeekMarkers('NER', ['2025-01-25', '2026-03-14'])).toEqual([]);
  });
});
