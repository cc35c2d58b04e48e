import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_METRIC_STATUS_THRESHOLDS,
  type MetricStatus,
  metricStatus,
} from './metric-status.js';

describe('metricStatus', () => {
  it('has defaults exceeding 100, on track 75, at risk 40', () => {
    expect(DEFAULT_METRIC_STATUS_THRESHOLDS).toEqual({ exceeding: 100, onTrack: 75, atRisk: 40 });
    expect(Object.isFrozen(DEFAULT_METRIC_STATUS_THRESHOLDS)).toBe(true);
  });

  it('returns exceeding for PRD-069 Goal 1 metric at 140 %', () => {
    expect(metricStatus(140)).toBe('exceeding');
  });

  it('returns on_track for PRD-069 Goal 2 metrics at 92, 93 and 87 %', () => {
    for (const p of [92, 93, 87]) expect(metricStatus(p)).toBe('on_track');
  });

  it('returns at_risk for PRD-069 Goal 3 metrics at 60, 69 and 40 %', () => {
    for (const p of [60, 69, 40]) expect(metricStatus(p)).toBe('at_risk');
  });

  it('puts each threshold itself in the higher band (100 exceeding, 75 on track, 40 at risk)', () => {
    expect(metricStatus(100)).toBe('exceeding');
    expect(metricStatus(99.999)).toBe('on_track');
    expect(metricStatus(75)).toBe('on_track');
    expect(metricStatus(74.999)).toBe('at_risk');
    expect(metricStatus(39.999)).toBe('not_met');
  });

  it('returns not_met for zero and negative progress', () => {
    expect(metricStatus(0)).toBe('not_met');
    expect(metricStatus(-50)).toBe('not_met');
  });

  it('returns null (cannot be judged) for null, undefined, NaN and Infinity', () => {
    expect(metricStatus(null)).toBeNull();
    expect(metricStatus(undefined)).toBeNull();
    expect(metricStatus(Number.NaN)).toBeNull();
    expect(metricStatus(Number.POSITIVE_INFINITY)).toBeNull();
    expect((metricStatus as (p: unknown) => MetricStatus | null)('80')).toBeNull();
  });

  it('merges partial threshold overrides with the defaults', () => {
    expect(metricStatus(69, { atRisk: 70 })).toBe('not_met');
    expect(metricStatus(80, { onTrack: 85 })).toBe('at_risk');
    expect(metricStatus(100, { exceeding: 110 })).toBe('on_track');
    expect(metricStatus(100, {})).toBe('exceeding');
  });

  it('keeps the default for a non-finite threshold override', () => {
    expect(metricStatus(80, { onTrack: Number.NaN })).toBe('on_track');
    const call = metricStatus as (p: number, t: unknown) => MetricStatus | null;
    expect(call(80, null)).toBe('on_track');
    expect(call(80, { onTrack: '90' })).toBe('on_track');
  });

  it('is monotonic: a higher percent never gets a worse status', () => {
    const rank: Record<MetricStatus, number> = {
      not_met: 0,
      at_risk: 1,
      on_track: 2,
      exceeding: 3,
    };
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        const lo = metricStatus(Math.min(a, b));
        const hi = metricStatus(Math.max(a, b));
        expect(lo).not.toBeNull();
        expect(hi).not.toBeNull();
        if (lo && hi) expect(rank[hi]).toBeGreaterThanOrEqual(rank[lo]);
      }),
    );
  });

  it('never throws and is null exactly for non-finite input, for any double', () => {
    fc.assert(
      fc.property(fc.double(), (p) => {
        expect(metricStatus(p) === null).toBe(!Number.isFinite(p));
      }),
    );
  });
});
