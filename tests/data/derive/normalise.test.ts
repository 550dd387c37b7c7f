import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEvent, parseCount, parseDate, timestamp } from '../../../data/derive/normalise.ts';
import { isDay } from '../../../model/day.ts';

describe('parseDate', () => {
  it('reads YYYY-MM-DD exactly as the one day validator (model/day.ts isDay) does: the per-row fast path agrees', () => {
    const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
    const day = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(
      fc.property(fc.oneof(day, fc.string({ maxLength: 12 })), (t) => {
        if (t.length === 10 && t[4] === '-' && t[7] === '-' && /^[\d-]+$/.test(t)) expect(parseDate(t)).toBe(isDay(t) ? t : null);
      }),
      { numRuns: 20_000 },
    );
    for (const t of ['2024-02-29', '2023-02-29', '2023-04-31', '0099-01-01', '0100-01-01', '2023-00-10', '2023-13-01', '2023-01-00'])
      expect(parseDate(t), t).toBe(isDay(t) ? t : null);
  });

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
