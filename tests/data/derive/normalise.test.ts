import { describe, expect, it } from 'vitest';
import { normaliseEvent, parseCount, parseDate, timestamp } from '../../../data/derive/normalise.ts';

describe('parseDate', () => {
  it.each([
    ['2023-07-26', '2023-07-26'],
    ['26-07-2023', '2023-07-26'],
    ['26 July 2023', '2023-07-26'],
    ['1 january 2019', '2019-01-01'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2023-7-26', null],
    ['July 26, 2023', null],
    ['', null],
  ])('%s -> %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('normaliseEvent', () => {
  const base = {
    event_date: '2023-08-01',
    event_type: 'Battles',
    country: 'Niger',
    admin1: 'Tillaberi',
    fatalities: '3',
    inter1: '2',
    inter2: '1',
    civilian_targeting: '',
  };

  it('reads inter codes as numbers or as current-layout labels', () => {
    const a = normaliseEvent(base);
    const b = normaliseEvent({ ...base, inter1: 'Rebel group', inter2: 'State forces' });
    expect(a).toEqual(b);
    expect(a.ok && a.row).toMatchObject({
      country: 'NER',
      month: '2023-08',
      inter1: 2,
      inter2: 1,
      events: 1,
      fatalities: 3,
      civilianTargeting: false,
    });
  });

  it.each([
    [{ country: '' }, 'missing country'],
    [{ country: 'Atlantis' }, 'unknown country "Atlantis"'],
    [{ fatalities: 'many' }, 'bad fatalities "many"'],
    [{ fatalities: '-4' }, 'negative fatalities -4'],
    [{ inter1: '9' }, 'bad inter1 "9"'],
    [{ event_type: 'battles' }, 'unknown event type "battles"'],
  ])('rejects %o: %s', (patch, reason) => {
    expect(normaliseEvent({ ...base, ...patch })).toMatchObject({ ok: false, reason });
  });
});

describe("timestamp (ACLED's last-change time, read per row)", () => {
  it('reads whole seconds, trimmed; anything else is no timestamp', () => {
    expect(timestamp('1718123456')).toBe(1718123456);
    expect(timestamp(' 1718123456 ')).toBe(1718123456);
    expect(timestamp('0')).toBe(0);
    // biome-ignore lint/correctness/noPrecisionLoss: the literal is rounded exactly as Number('1234567890123456789') is, which is the point
    expect(timestamp('1234567890123456789')).toBe(1234567890123456789); // longer than the digit loop reads: as Number()
    for (const bad of [undefined, '', '  ', '17.5', '-1', '1e9', '12a', '１２']) expect(timestamp(bad), String(bad)).toBeNaN();
  });
});

describe('parseCount (events and fatalities columns, read per row)', () => {
  it('reads signed whole numbers, trimmed; anything else is null', () => {
    expect([parseCount('3'), parseCount(' 12 '), parseCount('-1'), parseCount('0')]).toEqual([3, 12, -1, 0]);
    // biome-ignore lint/correctness/noPrecisionLoss: the literal is rounded exactly as Number() rounds the text, which is the point
    expect(parseCount('-1234567890123456789')).toBe(-1234567890123456789);
    for (const bad of ['', '-', '1.5', '1e3', '+1', '12a', '１２', '1234567890123456x']) expect(parseCount(bad), bad).toBeNull();
  });
});
