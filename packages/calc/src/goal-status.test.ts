import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GoalStatusInput,
  type GoalStatusOptions,
  type GoalStatusResult,
  goalStatus,
} from './goal-status.js';

const dated = { startDate: '2026-01-01', targetDate: '2026-01-10' } as const;

describe('goalStatus', () => {
  it('returns achieved and exceeded for TC-165.1 (104.17 %)', () => {
    expect(goalStatus({ percent: 104.17 }, { asOf: '2026-03-01' })).toEqual({
      status: 'achieved',
      exceeded: true,
      expectedPercent: null,
    });
  });

  it('returns achieved but not exceeded at exactly 100 %', () => {
    expect(goalStatus({ percent: 100, ...dated }, { asOf: '2026-01-05' })).toMatchObject({
      status: 'achieved',
      exceeded: false,
    });
  });

  it('returns achieved after the target date when progress reached 100 %', () => {
    expect(goalStatus({ percent: 120, ...dated }, { asOf: '2026-02-01' })).toMatchObject({
      status: 'achieved',
      exceeded: true,
      expectedPercent: 100,
    });
  });

  it('returns not_started when asOf is before the start date', () => {
    expect(goalStatus({ percent: 50, ...dated }, { asOf: '2025-12-31' })).toEqual({
      status: 'not_started',
      exceeded: false,
      expectedPercent: 0,
    });
  });

  it('counts the start date itself, at any hour, as started', () => {
    expect(goalStatus({ percent: 0, ...dated }, { asOf: '2026-01-01' }).status).toBe('on_track');
    expect(
      goalStatus(
        { percent: 0, startDate: '2026-01-01T18:00:00Z', targetDate: '2026-01-10' },
        {
          asOf: '2026-01-01T09:00:00Z',
        },
      ).status,
    ).toBe('on_track');
  });

  it('returns not_started without a measurement or without computable progress', () => {
    expect(goalStatus({ percent: 120, hasMeasurement: false }, { asOf: '2026-01-05' })).toEqual({
      status: 'not_started',
      exceeded: false,
      expectedPercent: null,
    });
    expect(goalStatus({ percent: null }, { asOf: '2026-01-05' }).status).toBe('not_started');
    expect(goalStatus({ percent: Number.NaN }, { asOf: '2026-01-05' }).status).toBe('not_started');
    expect(goalStatus({ percent: Number.POSITIVE_INFINITY }, { asOf: 0 }).status).toBe(
      'not_started',
    );
  });

  it('returns missed the day after the target date when not achieved', () => {
    expect(goalStatus({ percent: 99, ...dated }, { asOf: '2026-01-11' })).toEqual({
      status: 'missed',
      exceeded: false,
      expectedPercent: 100,
    });
  });

  it('counts the whole target date as in time (23:59 UTC is not missed)', () => {
    const r = goalStatus({ percent: 95, ...dated }, { asOf: '2026-01-10T23:59:00Z' });
    expect(r.status).toBe('on_track');
    expect(r.expectedPercent).toBeCloseTo(99.993, 3);
  });

  it('uses only the target date for missed when there is no start date', () => {
    expect(goalStatus({ percent: 90, targetDate: '2026-01-10' }, { asOf: '2026-01-11' })).toEqual({
      status: 'missed',
      exceeded: false,
      expectedPercent: null,
    });
  });

  it('computes expectedPercent as the elapsed share of start..end of target day', () => {
    // 5 of 10 days elapsed on Jan 6 (Jan 1..Jan 10 inclusive).
    expect(goalStatus({ percent: 45, ...dated }, { asOf: '2026-01-06' }).expectedPercent).toBe(50);
    expect(
      goalStatus({ percent: 45, ...dated }, { asOf: '2026-01-06T12:00:00Z' }).expectedPercent,
    ).toBeCloseTo(55);
  });

  it('is on_track when percent >= expected - tolerance (10 points), else at_risk', () => {
    expect(goalStatus({ percent: 40, ...dated }, { asOf: '2026-01-06' }).status).toBe('on_track');
    expect(goalStatus({ percent: 39.9, ...dated }, { asOf: '2026-01-06' }).status).toBe('at_risk');
  });

  it('honours a custom tolerance', () => {
    expect(goalStatus({ percent: 45, ...dated }, { asOf: '2026-01-06', tolerance: 0 }).status).toBe(
      'at_risk',
    );
    expect(
      goalStatus({ percent: 25, ...dated }, { asOf: '2026-01-06', tolerance: 25 }).status,
    ).toBe('on_track');
    expect(
      goalStatus({ percent: 45, ...dated }, { asOf: '2026-01-06', tolerance: Number.NaN }).status,
    ).toBe('on_track');
  });

  it('is on_track at >= 75 % without dates, else at_risk (PRD-069 Goal 3 at 65 %)', () => {
    expect(goalStatus({ percent: 75 }, { asOf: '2026-01-06' })).toEqual({
      status: 'on_track',
      exceeded: false,
      expectedPercent: null,
    });
    expect(goalStatus({ percent: 65 }, { asOf: '2026-01-06' }).status).toBe('at_risk');
  });

  it('honours a custom onTrackThreshold and ignores a non-finite one', () => {
    expect(goalStatus({ percent: 65 }, { asOf: 0, onTrackThreshold: 60 }).status).toBe('on_track');
    expect(goalStatus({ percent: 65 }, { asOf: 0, onTrackThreshold: Number.NaN }).status).toBe(
      'at_risk',
    );
  });

  it('uses the threshold rule with only a start date', () => {
    expect(goalStatus({ percent: 80, startDate: '2026-01-01' }, { asOf: '2026-06-01' })).toEqual({
      status: 'on_track',
      exceeded: false,
      expectedPercent: null,
    });
  });

  it('treats a start date after the target date as no dates at all', () => {
    const swapped = { startDate: '2026-02-01', targetDate: '2026-01-01' };
    expect(goalStatus({ percent: 80, ...swapped }, { asOf: '2026-01-15' })).toEqual({
      status: 'on_track',
      exceeded: false,
      expectedPercent: null,
    });
    expect(goalStatus({ percent: 50, ...swapped }, { asOf: '2026-03-01' }).status).toBe('at_risk');
  });

  it('handles a goal that starts and ends on the same day', () => {
    const day = { startDate: '2026-01-01', targetDate: '2026-01-01' };
    expect(goalStatus({ percent: 50, ...day }, { asOf: '2026-01-01T12:00:00Z' })).toEqual({
      status: 'on_track',
      exceeded: false,
      expectedPercent: 50,
    });
  });

  it('treats invalid dates as absent', () => {
    expect(
      goalStatus({ percent: 60, startDate: 'not a date', targetDate: '' }, { asOf: '2026-01-06' }),
    ).toEqual({ status: 'at_risk', exceeded: false, expectedPercent: null });
    expect(
      goalStatus(
        { percent: 60, startDate: new Date(Number.NaN), targetDate: Number.NaN },
        { asOf: '2026-01-06' },
      ).expectedPercent,
    ).toBeNull();
  });

  it('accepts Date objects and epoch milliseconds', () => {
    const r = goalStatus(
      { percent: 45, startDate: new Date('2026-01-01'), targetDate: Date.parse('2026-01-10') },
      { asOf: new Date('2026-01-06') },
    );
    expect(r).toEqual({ status: 'on_track', exceeded: false, expectedPercent: 50 });
  });

  it('disables the date rules when asOf is invalid', () => {
    expect(goalStatus({ percent: 60, ...dated }, { asOf: 'garbage' })).toEqual({
      status: 'at_risk',
      exceeded: false,
      expectedPercent: null,
    });
  });

  it('does not throw on garbage from untyped callers', () => {
    const call = goalStatus as (input: unknown, options: unknown) => GoalStatusResult;
    expect(call(undefined, undefined).status).toBe('not_started');
    expect(call({ percent: 80 }, null).status).toBe('on_track');
    expect(call({ percent: '80' }, { asOf: 0 }).status).toBe('not_started');
  });
});

describe('goalStatus properties', () => {
  const day = fc.integer({ min: 0, max: 40_000 }).map((d) => d * 86_400_000);
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
  const date = fc.oneof(day, fc.constant(null), fc.constant(undefined), fc.constant('bad'));

  it('never throws and returns a finite expectedPercent in 0..100 or null', () => {
    const raw = fc.oneof(finite, fc.double(), fc.constant(null));
    fc.assert(
      fc.property(raw, date, date, fc.option(fc.boolean()), day, raw, (p, s, t, m, asOf, tol) => {
        const input = { percent: p, startDate: s, targetDate: t } as GoalStatusInput;
        const options = { asOf, tolerance: tol } as GoalStatusOptions;
        const r = goalStatus(m === null ? input : { ...input, hasMeasurement: m }, options);
        expect(['not_started', 'on_track', 'at_risk', 'achieved', 'missed']).toContain(r.status);
        if (r.expectedPercent !== null) {
          expect(r.expectedPercent).toBeGreaterThanOrEqual(0);
          expect(r.expectedPercent).toBeLessThanOrEqual(100);
        }
        expect(r.exceeded).toBe(r.status === 'achieved' && (p as number) > 100);
      }),
    );
  });

  it('never makes a goal worse when its progress rises (same dates, same day)', () => {
    const rank = { not_started: -1, missed: 0, at_risk: 1, on_track: 2, achieved: 3 } as const;
    fc.assert(
      fc.property(finite, finite, day, day, day, (a, b, s, t, asOf) => {
        const dates = { startDate: s, targetDate: t };
        const lo = goalStatus({ percent: Math.min(a, b), ...dates }, { asOf });
        const hi = goalStatus({ percent: Math.max(a, b), ...dates }, { asOf });
        if (lo.status !== 'not_started')
          expect(rank[hi.status]).toBeGreaterThanOrEqual(rank[lo.status]);
      }),
    );
  });

  it('expects more progress as time passes (expectedPercent non-decreasing in asOf)', () => {
    fc.assert(
      fc.property(day, day, day, day, (s, t, d1, d2) => {
        const dates = { percent: 50, startDate: Math.min(s, t), targetDate: Math.max(s, t) };
        const a = goalStatus(dates, { asOf: Math.min(d1, d2) }).expectedPercent;
        const z = goalStatus(dates, { asOf: Math.max(d1, d2) }).expectedPercent;
        expect(z).toBeGreaterThanOrEqual(a as number);
      }),
    );
  });
});
