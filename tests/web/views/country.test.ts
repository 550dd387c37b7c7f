/**
 * The country view's shaping (web/src/views/country-data.ts): month-over-month changes, the
 * composition by event type, the regions ranked, and their sentences.
 */
import { describe, expect, it } from 'vitest';
import { change } from '../../../model/change.ts';
import type { Point, SeriesInfo } from '../../../model/types.ts';
import {
  changeData,
  changeSummary,
  compositionData,
  compositionSummary,
  compositionTable,
  regionRanking,
  regionSummary,
} from '../../../web/src/views/country-data.ts';
import { ch, doc, NIGER, pt } from '../fixtures.ts';

const info = (id: SeriesInfo['category']['id'], label: string, measure: SeriesInfo['measure'] = 'events'): SeriesInfo => ({
  country: { iso3: 'NER', name: 'Niger' },
  admin1: null,
  category: { id, label, definition: '' },
  measure,
});
function vpt(month: string, value: number, extra: Partial<Point> = {}): Point {
  return { ...pt(month, value, null), ...extra };
}

describe('month-over-month changes', () => {
  const points = [
    pt('2024-02', 30, ch(20, 30, 50, 1.5), false, 'events'),
    pt('2024-03', 21, ch(30, 21, -30, 0.7), false, 'events'),
    pt('2024-04', 24, ch(5, 24, 380, 4.8), false, 'events'),
    pt('2024-05', 11, null, true, 'events'),
  ];

  it('splits month-over-month changes into rises, falls and low baselines, with gaps', () => {
    expect(changeData(points)).toEqual({
      labels: ['Feb 2024', 'Mar 2024', 'Apr 2024', 'May 2024'],
      rise: [10, null, null, null],
      fall: [null, -9, null, null],
      lowBaseline: [null, null, 19, null],
      hasLowBaseline: true,
      notes: ['20 -> 30 (+50%)', '30 -> 21 (-30%)', '5 -> 24 (+380%), low baseline', 'Partial month: not compared'],
    });
  });

  it('summarises month-over-month changes', () => {
    const d = doc([
      vpt('2024-01', 10),
      vpt('2024-02', 30, { vsPrevious: change(10, 30) }),
      vpt('2024-03', 5, { vsPrevious: change(30, 5) }),
      vpt('2024-04', 9, { vsPrevious: change(5, 9) }),
    ]);
    expect(changeSummary(d)).toBe(
      'Month-over-month change in political violence events in Niger: largest rise +20 in February 2024, largest fall -25 in March 2024, 1 month on a low baseline.',
    );
    expect(changeSummary(doc([vpt('2024-01', 10)]))).toBe(
      'No month-over-month change can be computed for political violence events in Niger in this range.',
    );
  });
});

describe('composition by event type', () => {
  it('stacks event types by month and describes the latest complete month', () => {
    const battles = doc([vpt('2024-01', 6), vpt('2024-02', 4), vpt('2024-03', 1, { partial: true })], info('battles', 'Battles'));
    const vac = doc(
      [vpt('2024-02', 6), vpt('2024-03', 2, { partial: true })],
      info('violence_against_civilians', 'Violence against civilians'),
    );
    const d = compositionData([battles, vac]);
    expect(d).toEqual({
      months: ['2024-01', '2024-02', '2024-03'],
      labels: ['Jan 2024', 'Feb 2024', 'Mar 2024'],
      stacks: [
        { id: 'battles', label: 'Battles', values: [6, 4, 1] },
        { id: 'violence_against_civilians', label: 'Violence against civilians', values: [null, 6, 2] },
      ],
      partial: [false, false, true],
    });
    expect(compositionSummary(d, 'events', 'Niger')).toBe(
      'In February 2024, Violence against civilians made up 60% of events in Niger (6 of 10), the largest of 2 event types.',
    );
    expect(compositionTable(d).rows[0]).toEqual(['January 2024', '6', 'n/a', '']);
    expect(compositionTable(d).rows[2]).toEqual(['March 2024', '1', '2', 'partial month (lower bound)']);
  });
});

describe('region ranking', () => {
  it('words the region ranking', () => {
    const rows = [
      { slug: 'tillaberi', name: 'Tillaberi', value: 30, change: null },
      { slug: 'diffa', name: 'Diffa', value: 12, change: null },
    ];
    expect(regionSummary({ month: '2023-08', rows }, 'political violence events', 'Niger')).toBe(
      'In August 2023, Tillaberi had the most political violence events of Niger’s regions (30), then Diffa (12).',
    );
    expect(regionSummary({ month: null, rows: [] }, 'x', 'Niger')).toBe('No month is complete in every region of Niger.');
  });

  const region = (slug: string, name: string, points: Point[]) => doc(points, { ...NIGER, admin1: { name, slug } });

  it('ranks regions on the latest month complete in all of them', () => {
    const docs = [
      region('diffa', 'Diffa', [pt('2024-03', 4, null), pt('2024-04', 8, ch(4, 8, 100, 2)), pt('2024-05', 1, null, true)]),
      region('tillaberi', 'Tillaberi', [pt('2024-03', 23, null), pt('2024-04', 19, ch(23, 19, -17.4, 0.83)), pt('2024-05', 5, null, true)]),
      region('agadez', 'Agadez', [pt('2024-03', 0, null), pt('2024-04', 8, ch(0, 8, null, null)), pt('2024-05', 0, null, true)]),
    ];
    expect(regionRanking(docs)).toEqual({
      month: '2024-04',
      rows: [
        { slug: 'tillaberi', name: 'Tillaberi', value: 19, change: ch(23, 19, -17.4, 0.83) },
        { slug: 'agadez', name: 'Agadez', value: 8, change: ch(0, 8, null, null) },
        { slug: 'diffa', name: 'Diffa', value: 8, change: ch(4, 8, 100, 2) },
      ],
    });
  });

  it('has no month when no month is complete everywhere', () => {
    const docs = [region('a', 'A', [pt('2024-04', 1, null)]), region('b', 'B', [pt('2024-04', 2, null, true)])];
    expect(regionRanking(docs)).toEqual({ month: null, rows: [] });
    expect(regionRanking([])).toEqual({ month: null, rows: [] });
  });
});
