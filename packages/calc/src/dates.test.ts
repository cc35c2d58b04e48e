import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDaysToIsoDate, epochMsOrNaN, toEpochDays, toEpochMs } from './dates.js';

const DAY = 86_400_000;

describe('toEpochMs', () => {
  it('reads ISO text, Date objects and epoch ms numbers as the same instant', () => {
    const ms = Date.UTC(2026, 0, 15);
    expect(toEpochMs('2026-01-15')).toBe(ms);
    expect(toEpochMs(new Date(ms))).toBe(ms);
    expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs('2026-01-15T23:30:00+02:00')).toBe(ms + 21.5 * 3_600_000);
  });

  it('returns null for invalid dates, garbage and numbers outside the Date range', () => {
    for (const bad of ['not a date', '', Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1]) {
      expect(toEpochMs(bad)).toBeNull();
    }
    expect(toEpochMs(new Date(Number.NaN))).toBeNull();
    expect(toEpochMs({} as never)).toBeNull();
    expect(toEpochMs(null as never)).toBeNull();
    expect(toEpochMs(8.64e15)).toBe(8.64e15);
  });
});

describe('epochMsOrNaN', () => {
  it('gives the same instants as toEpochMs, and NaN where toEpochMs gives null', () => {
    const inputs = [
      '2026-01-15',
      new Date(Date.UTC(2026, 0, 15)),
      8.64e15,
      -1,
      'nope',
      8.64e15 + 1,
    ];
    for (const d of [...inputs, null, undefined, Number.NEGATIVE_INFINITY]) {
      const ms = toEpochMs(d);
      if (ms === null) expect(epochMsOrNaN(d)).toBeNaN();
      else expect(epochMsOrNaN(d)).toBe(ms);
    }
    expect(epochMsOrNaN(undefined)).toBeNaN();
  });
});

describe('toEpochDays', () => {
  it('gives fractional days from epoch, and null for invalid dates', () => {
    expect(toEpochDays('1970-01-02T12:00:00Z')).toBe(1.5);
    expect(toEpochDays(-DAY / 2)).toBe(-0.5);
    expect(toEpochDays('nope')).toBeNull();
    expect(toEpochDays(Number.NaN)).toBeNull();
  });
});

describe('epochDaysToIsoDate', () => {
  it('floors: a timestamp after noon UTC stays on its own day', () => {
    expect(epochDaysToIsoDate(1)).toBe('1970-01-02');
    expect(epochDaysToIsoDate(1.5)).toBe('1970-01-02');
    expect(epochDaysToIsoDate(1.999)).toBe('1970-01-02');
    expect(epochDaysToIsoDate(Date.UTC(2026, 0, 15, 18) / DAY)).toBe('2026-01-15');
  });

  it('floors before 1970 too: -0.25 is 1969-12-31', () => {
    expect(epochDaysToIsoDate(-0.25)).toBe('1969-12-31');
  });

  it('returns null outside years 0001..9999 and for non-finite days', () => {
    expect(epochDaysToIsoDate(-719_162)).toBe('0001-01-01');
    expect(epochDaysToIsoDate(2_932_896.9)).toBe('9999-12-31');
    expect(epochDaysToIsoDate(2_932_897)).toBeNull();
    expect(epochDaysToIsoDate(-719_163)).toBeNull();
    expect(epochDaysToIsoDate(Number.NaN)).toBeNull();
    expect(epochDaysToIsoDate(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('gives the UTC day of any timestamp in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -6e13, max: 2.5e14 }), (ms) => {
        expect(epochDaysToIsoDate(ms / DAY)).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
    );
  });
});
