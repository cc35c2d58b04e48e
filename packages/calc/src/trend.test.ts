import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastTargetDate, type TrendPoint, trend } from './trend.js';

/** ISO date `n` days after 2026-01-01. */
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

// PRD-165 7.2 "Progress over time": resolution time falling from 24 h towards 12 h.
const RESOLUTION: TrendPoint[] = [
  { at: day(0), value: 24 },
  { at: day(10), value: 19 },
  { at: day(20), value: 14 },
];

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const pointArb = fc.record({
  at: fc.integer({ min: 0, max: 3650 }).map(day),
  value: finite,
});
const pointsArb = fc.array(pointArb, { minLength: 2, maxLength: 40 });

/** Exact line y = a + b * offset on distinct whole days after `start`. */
const linearArb = fc
  .record({
    a: fc.double({ noNaN: true, min: -1e4, max: 1e4 }),
    b: fc.double({ noNaN: true, min: -100, max: 100 }).filter((b) => Math.abs(b) >= 0.01),
    offsets: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 30 }),
    ahead: fc.integer({ min: 1, max: 3650 }),
  })
  .map(({ a, b, offsets, ahead }) => ({
    a,
    b,
    firstDay: Math.min(...offsets),
    points: offsets.map((o) => ({ at: day(o), value: a + b * o })),
    targetDay: Math.max(...offsets) + ahead,
  }));

describe('trend', () => {
  it('fits the PRD-165 resolution time: -0.5 h/day, -41.67 %, improving when lower is better', () => {
    const r = trend(RESOLUTION, { direction: 'lower_is_better' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.slopePerDay).toBeCloseTo(-0.5);
    expect(r.first).toBeCloseTo(24);
    expect(r.last).toBeCloseTo(14);
    expect(r.change).toBeCloseTo(-10);
    expect(r.changePercent).toBeCloseTo(-41.6667, 4);
    expect(r.direction).toBe('improving');
    expect(r).toMatchObject({ spanDays: 20, count: 3, ignored: 0 });
  });

  it('calls the same falling series declining when higher is better (the default)', () => {
    expect(trend(RESOLUTION)).toMatchObject({ ok: true, direction: 'declining' });
    expect(trend(RESOLUTION, { direction: 'higher_is_better' })).toMatchObject({
      direction: 'declining',
    });
  });

  it('calls a rising series improving when higher is better', () => {
    const r = trend([
      { at: day(0), value: 40 },
      { at: day(30), value: 65 },
    ]);
    expect(r).toMatchObject({ ok: true, direction: 'improving', first: 40, last: 65 });
    expect(r.ok && r.changePercent).toBeCloseTo(62.5);
  });

  it('uses the fitted line, not the noisy end points, for first, last and changePercent', () => {
    const r = trend([
      { at: day(0), value: 10 },
      { at: day(1), value: 14 },
      { at: day(2), value: 12 },
      { at: day(3), value: 16 },
    ]);
    expect(r.ok && r.slopePerDay).toBeCloseTo(1.6);
    expect(r.ok && r.first).toBeCloseTo(10.6);
    expect(r.ok && r.last).toBeCloseTo(15.4);
  });

  it('accepts points in any order', () => {
    const sorted = trend(RESOLUTION);
    const shuffled = trend([RESOLUTION[2], RESOLUTION[0], RESOLUTION[1]] as TrendPoint[]);
    expect(shuffled).toEqual(sorted);
  });

  it('accepts Date objects, epoch milliseconds and timestamps with a zone', () => {
    const r = trend([
      { at: new Date(Date.UTC(2026, 0, 1)), value: 0 },
      { at: Date.UTC(2026, 0, 2), value: 1 },
      { at: '2026-01-03T00:00:00Z', value: 2 },
      { at: '2026-01-03T12:00:00+00:00', value: 2.5 },
    ]);
    expect(r.ok && r.slopePerDay).toBeCloseTo(1);
    expect(r).toMatchObject({ count: 4, spanDays: 2.5 });
  });

  it('ignores invalid points and counts them in ignored', () => {
    const r = trend([
      ...RESOLUTION,
      { at: 'not a date', value: 1 },
      { at: day(5), value: Number.NaN },
      { at: day(6), value: Number.POSITIVE_INFINITY },
      { at: day(7), value: '12' as never },
      null as never,
      'x' as never,
      { at: 8.64e20, value: 3 },
    ]);
    expect(r).toMatchObject({ ok: true, count: 3, ignored: 7 });
    expect(r.ok && r.slopePerDay).toBeCloseTo(-0.5);
  });

  it('fails with not_enough_points for fewer than 2 valid points', () => {
    for (const points of [[], [RESOLUTION[0]], [RESOLUTION[0], { at: 'bad', value: 3 }]]) {
      const r = trend(points as TrendPoint[]);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toBe('not_enough_points');
        expect(r.message).toMatch(/at least 2 measurements/);
      }
    }
    expect(trend(undefined as never)).toMatchObject({ ok: false, reason: 'not_enough_points' });
  });

  it('fails with not_enough_points when every point has the same date', () => {
    const r = trend([
      { at: day(3), value: 1 },
      { at: day(3), value: 5 },
    ]);
    expect(r).toMatchObject({ ok: false, reason: 'not_enough_points' });
    expect(!r.ok && r.message).toMatch(/one date/);
  });

  it('is flat when the change is within 1 % of the mean absolute value (the default)', () => {
    const within = [
      { at: day(0), value: 100 },
      { at: day(30), value: 100.9 },
    ];
    expect(trend(within)).toMatchObject({ ok: true, direction: 'flat' });
    const beyond = [
      { at: day(0), value: 100 },
      { at: day(30), value: 101.2 },
    ];
    expect(trend(beyond)).toMatchObject({ ok: true, direction: 'improving' });
  });

  it('honours flatTolerancePercent and falls back to 1 for a negative or NaN tolerance', () => {
    const points = [
      { at: day(0), value: 100 },
      { at: day(30), value: 104 },
    ];
    expect(trend(points, { flatTolerancePercent: 5 })).toMatchObject({ direction: 'flat' });
    expect(trend(points, { flatTolerancePercent: 0 })).toMatchObject({ direction: 'improving' });
    expect(trend(points, { flatTolerancePercent: -5 })).toMatchObject({ direction: 'improving' });
    expect(trend(points, { flatTolerancePercent: Number.NaN })).toMatchObject({
      direction: 'improving',
    });
  });

  it('calls an all-zero series flat and omits changePercent when the fitted first value is 0', () => {
    const zeros = trend([
      { at: day(0), value: 0 },
      { at: day(9), value: 0 },
    ]);
    expect(zeros).toMatchObject({ ok: true, direction: 'flat', change: 0, first: 0 });
    expect(zeros).not.toHaveProperty('changePercent');
    const fromZero = trend([
      { at: day(0), value: 0 },
      { at: day(9), value: 9 },
    ]);
    expect(fromZero).toMatchObject({ ok: true, first: 0, direction: 'improving' });
    expect(fromZero).not.toHaveProperty('changePercent');
  });

  it('measures changePercent against |first| for negative values', () => {
    const r = trend([
      { at: day(0), value: -10 },
      { at: day(10), value: -5 },
    ]);
    expect(r.ok && r.changePercent).toBeCloseTo(50);
  });

  it('keeps precision for small slopes on real-world day numbers (x centred on its mean)', () => {
    const points = Array.from({ length: 365 }, (_, i) => ({ at: day(i), value: 1e6 + 0.001 * i }));
    const r = trend(points);
    expect(r.ok && r.slopePerDay).toBeCloseTo(0.001, 9);
  });

  it('fails with invalid_number when the values are too large to fit', () => {
    const r = trend([
      { at: day(0), value: Number.MAX_VALUE },
      { at: day(1), value: Number.MAX_VALUE },
    ]);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  it('finds the exact slope of any perfectly linear series', () => {
    fc.assert(
      fc.property(linearArb, ({ a, b, firstDay, points }) => {
        const r = trend(points);
        if (!r.ok) return expect.fail(r.message);
        expect(r.slopePerDay).toBeCloseTo(b, 6);
        expect(r.first).toBeCloseTo(a + b * firstDay, 4);
      }),
    );
  });

  it('swaps improving and declining when the direction flips, and keeps flat', () => {
    const swap = { improving: 'declining', declining: 'improving', flat: 'flat' } as const;
    fc.assert(
      fc.property(pointsArb, (points) => {
        const up = trend(points);
        const down = trend(points, { direction: 'lower_is_better' });
        if (up.ok && down.ok) expect(down.direction).toBe(swap[up.direction]);
        else expect(down.ok).toBe(up.ok);
      }),
    );
  });

  it('gives nearly the same slope whatever the order of the points', () => {
    fc.assert(
      fc.property(pointsArb, (points) => {
        const a = trend(points);
        const b = trend([...points].reverse());
        if (!a.ok || !b.ok) {
          expect(b.ok).toBe(a.ok);
          return;
        }
        expect(Math.abs(a.slopePerDay - b.slopePerDay)).toBeLessThanOrEqual(
          1e-9 * (1 + Math.abs(a.slopePerDay)),
        );
      }),
    );
  });

  it('never throws and returns only finite numbers, for finite and non-finite inputs', () => {
    const check = (points: TrendPoint[]) => {
      const r = trend(points);
      if (!r.ok) {
        expect(['not_enough_points', 'invalid_number']).toContain(r.reason);
        return;
      }
      for (const v of Object.values(r)) {
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      }
      expect(r.count + r.ignored).toBe(points.length);
    };
    fc.assert(fc.property(pointsArb, check));
    const raw = fc.record({ at: fc.oneof(fc.double(), fc.string()), value: fc.double() });
    fc.assert(fc.property(fc.array(raw, { maxLength: 20 }), check));
  });
});

describe('forecastTargetDate', () => {
  it('projects the PRD-165 resolution time reaching 12 h on 2026-01-25', () => {
    expect(forecastTargetDate(RESOLUTION, { target: 12 })).toBe('2026-01-25');
    expect(forecastTargetDate(RESOLUTION, { target: 12, direction: 'lower_is_better' })).toBe(
      '2026-01-25',
    );
  });

  it('projects a rising metric to its target on the fitted line', () => {
    const points = [
      { at: day(0), value: 40 },
      { at: day(10), value: 50 },
    ];
    expect(forecastTargetDate(points, { target: 90 })).toBe(day(50));
  });

  it('gives the UTC date on which the line crosses, not the next day', () => {
    const points = [
      { at: day(0), value: 0 },
      { at: day(10), value: 10 },
    ];
    expect(forecastTargetDate(points, { target: 20.5 })).toBe(day(20));
  });

  it('returns the latest point date when the latest value already meets the target', () => {
    expect(forecastTargetDate(RESOLUTION, { target: 15, direction: 'lower_is_better' })).toBe(
      day(20),
    );
    const rising = [
      { at: day(0), value: 40 },
      { at: '2026-01-11T18:00:00Z', value: 95 },
    ];
    expect(forecastTargetDate(rising, { target: 90 })).toBe('2026-01-11');
  });

  it('returns null when the trend moves away from the target or is flat', () => {
    expect(forecastTargetDate(RESOLUTION, { target: 30 })).toBeNull();
    const flat = [
      { at: day(0), value: 50 },
      { at: day(10), value: 50 },
    ];
    expect(forecastTargetDate(flat, { target: 80 })).toBeNull();
  });

  it('lets an explicit direction override the one inferred from the earliest point', () => {
    // Higher is better and 14 >= 12: the target is already met on the latest date.
    expect(forecastTargetDate(RESOLUTION, { target: 12, direction: 'higher_is_better' })).toBe(
      day(20),
    );
    // Inferred (24 < 30) it would be higher is better and moving away; lower: 14 <= 30 is met.
    expect(forecastTargetDate(RESOLUTION, { target: 30, direction: 'lower_is_better' })).toBe(
      day(20),
    );
  });

  it('restarts from the latest measurement when the line has crossed but the data has not', () => {
    // Fitted line: 84.17 + 2.25 * (x - 10): it crosses 100 on day 15, but day 20 is only 95.
    const points = [
      { at: day(0), value: 50 },
      { at: day(10), value: 120 },
      { at: day(20), value: 95 },
    ];
    // From 95 on day 20 at 2.25 per day: 100 on day 22.2.
    expect(forecastTargetDate(points, { target: 100 })).toBe(day(22));
  });

  it('uses only the points up to asOf', () => {
    const points = [
      { at: day(0), value: 40 },
      { at: day(10), value: 50 },
      { at: day(20), value: 20 },
    ];
    expect(forecastTargetDate(points, { target: 90, asOf: day(10) })).toBe(day(50));
    expect(forecastTargetDate(points, { target: 90 })).toBeNull();
  });

  it('returns null for an invalid asOf or target, or fewer than 2 valid points', () => {
    expect(forecastTargetDate(RESOLUTION, { target: 12, asOf: 'nonsense' })).toBeNull();
    expect(forecastTargetDate(RESOLUTION, { target: Number.NaN })).toBeNull();
    expect(forecastTargetDate(RESOLUTION, { target: undefined as never })).toBeNull();
    expect(forecastTargetDate([RESOLUTION[0] as TrendPoint], { target: 12 })).toBeNull();
    expect(forecastTargetDate(RESOLUTION, undefined as never)).toBeNull();
    expect(forecastTargetDate(RESOLUTION, { target: 12, asOf: day(5) })).toBeNull();
  });

  it('returns null when the crossing lies beyond year 9999', () => {
    const slow = [
      { at: day(0), value: 0 },
      { at: day(1), value: 0.001 },
    ];
    expect(forecastTargetDate(slow, { target: 1e9 })).toBeNull();
  });

  it('is exact for any perfectly linear series', () => {
    fc.assert(
      fc.property(linearArb, ({ a, b, points, targetDay }) => {
        const target = a + b * targetDay;
        expect(forecastTargetDate(points, { target })).toBe(day(targetDay));
      }),
    );
  });

  it('mirrors: a negated series with a negated target and flipped direction gives the same date', () => {
    fc.assert(
      fc.property(pointsArb, finite, (points, target) => {
        const negated = points.map((p) => ({ at: p.at, value: -p.value }));
        expect(forecastTargetDate(negated, { target: -target, direction: 'lower_is_better' })).toBe(
          forecastTargetDate(points, { target, direction: 'higher_is_better' }),
        );
      }),
    );
  });

  it('never throws and returns null or a YYYY-MM-DD date, for any inputs', () => {
    const raw = fc.record({ at: fc.oneof(fc.double(), fc.string()), value: fc.double() });
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 20 }), fc.double(), (points, target) => {
        const d = forecastTargetDate(points, { target });
        if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
    fc.assert(
      fc.property(pointsArb, finite, (points, target) => {
        const d = forecastTargetDate(points, { target });
        if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});
