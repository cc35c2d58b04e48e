import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferDirection, type MetricProgressResult, metricProgress } from './progress.js';

const percentOf = (r: MetricProgressResult): number => {
  if (!r.ok) throw new Error(`expected success, got ${r.reason}: ${r.message}`);
  return r.percent;
};

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const anyDouble = fc.double();
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null), fc.constant(undefined));
const direction = fc.constantFrom(
  'higher_is_better' as const,
  'lower_is_better' as const,
  undefined,
);
const method = fc.constantFrom('baseline' as const, 'ratio' as const);

describe('inferDirection', () => {
  it('returns lower_is_better when the target is below the baseline (TC-165.1: 24 -> 12)', () => {
    expect(inferDirection(24, 12)).toBe('lower_is_better');
  });
  it('returns higher_is_better when the target is above the baseline', () => {
    expect(inferDirection(40, 90)).toBe('higher_is_better');
  });
  it('returns null when target equals baseline', () => {
    expect(inferDirection(5, 5)).toBeNull();
  });
  it('returns null for a missing or non-finite baseline or target', () => {
    expect(inferDirection(null, 5)).toBeNull();
    expect(inferDirection(undefined, 5)).toBeNull();
    expect(inferDirection(Number.NaN, 5)).toBeNull();
    expect(inferDirection(1, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('metricProgress, baseline method', () => {
  it('returns 104.17 % for TC-165.1: baseline 24, target 12, current 11.5, lower is better', () => {
    const r = metricProgress({ baseline: 24, target: 12, current: 11.5 });
    expect(r.ok).toBe(true);
    expect(percentOf(r)).toBeCloseTo(104.1666667, 6);
    expect(r).toMatchObject({ direction: 'lower_is_better', method: 'baseline' });
  });

  it('does not round: 104.1666..., not 104.17', () => {
    expect(percentOf(metricProgress({ baseline: 24, target: 12, current: 11.5 }))).not.toBe(104.17);
  });

  it('returns 140 % for PRD-069 "Time to create report": 4 h -> 2 h, current 1.2 h', () => {
    expect(percentOf(metricProgress({ baseline: 4, target: 2, current: 1.2 }))).toBeCloseTo(140);
  });

  it('returns 40 % for PRD-069 "Process automation": 0 -> 10 workflows, current 4', () => {
    const r = metricProgress({ baseline: 0, target: 10, current: 4 });
    expect(percentOf(r)).toBeCloseTo(40);
    expect(r).toMatchObject({ direction: 'higher_is_better' });
  });

  it('returns 120 % above target without clamping (manual steps 0 -> 15, current 18)', () => {
    expect(percentOf(metricProgress({ baseline: 0, target: 15, current: 18 }))).toBeCloseTo(120);
  });

  it('returns a negative percent when the metric got worse than the baseline', () => {
    expect(percentOf(metricProgress({ baseline: 24, target: 12, current: 30 }))).toBeCloseTo(-50);
    expect(percentOf(metricProgress({ baseline: 10, target: 20, current: 5 }))).toBeCloseTo(-50);
  });

  it('returns exactly 0 (not -0) at the baseline for a lower-is-better metric', () => {
    expect(percentOf(metricProgress({ baseline: 24, target: 12, current: 24 }))).toBe(0);
  });

  it('works with negative baselines and targets', () => {
    expect(percentOf(metricProgress({ baseline: -10, target: -2, current: -6 }))).toBeCloseTo(50);
  });

  it('accepts an explicit direction that agrees with baseline vs target', () => {
    const r = metricProgress({
      baseline: 24,
      target: 12,
      current: 18,
      direction: 'lower_is_better',
    });
    expect(percentOf(r)).toBeCloseTo(50);
  });

  it('fails with baseline_missing and PRD-069 message when the baseline is null or absent', () => {
    for (const baseline of [null, undefined]) {
      expect(metricProgress({ baseline, target: 12, current: 11.5 })).toEqual({
        ok: false,
        reason: 'baseline_missing',
        message: 'Baseline not set. Cannot calculate progress.',
      });
    }
    expect(metricProgress({ target: 12, current: 11.5 })).toMatchObject({
      reason: 'baseline_missing',
    });
  });

  it('fails with target_equals_baseline and its own message', () => {
    expect(metricProgress({ baseline: 12, target: 12, current: 10 })).toEqual({
      ok: false,
      reason: 'target_equals_baseline',
      message: 'Target equals baseline. Set a target different from the baseline.',
    });
  });

  it('fails with current_missing when there is no measurement yet', () => {
    for (const current of [null, undefined]) {
      expect(metricProgress({ baseline: 24, target: 12, current })).toEqual({
        ok: false,
        reason: 'current_missing',
        message: 'No measurement yet. Record a current value to calculate progress.',
      });
    }
  });

  it('reports a missing baseline before a missing current value', () => {
    expect(metricProgress({ baseline: null, target: 12, current: null })).toMatchObject({
      reason: 'baseline_missing',
    });
  });

  it('fails with direction_conflict when lower_is_better is given but the target is above the baseline', () => {
    const r = metricProgress({
      baseline: 10,
      target: 20,
      current: 15,
      direction: 'lower_is_better',
    });
    expect(r).toMatchObject({ ok: false, reason: 'direction_conflict' });
    if (!r.ok) expect(r.message).toContain('target is above the baseline');
  });

  it('fails with direction_conflict when higher_is_better is given but the target is below the baseline', () => {
    const r = metricProgress({
      baseline: 24,
      target: 12,
      current: 11,
      direction: 'higher_is_better',
    });
    expect(r).toMatchObject({ ok: false, reason: 'direction_conflict' });
    if (!r.ok) expect(r.message).toContain('target is below the baseline');
  });

  it('fails with invalid_number naming the field for NaN or Infinity inputs', () => {
    expect(metricProgress({ baseline: Number.NaN, target: 12, current: 1 })).toEqual({
      ok: false,
      reason: 'invalid_number',
      message: 'Baseline must be a finite number, not NaN.',
    });
    expect(
      metricProgress({ baseline: 1, target: Number.POSITIVE_INFINITY, current: 1 }),
    ).toMatchObject({ reason: 'invalid_number', message: expect.stringContaining('Target') });
    expect(
      metricProgress({ baseline: 1, target: 2, current: Number.NEGATIVE_INFINITY }),
    ).toMatchObject({
      reason: 'invalid_number',
      message: expect.stringContaining('Current value'),
    });
  });

  it('treats garbage from untyped callers as invalid_number instead of throwing', () => {
    const call = metricProgress as (input: unknown, options?: unknown) => MetricProgressResult;
    expect(call(undefined)).toMatchObject({ ok: false, reason: 'invalid_number' });
    expect(call(null, null)).toMatchObject({ ok: false, reason: 'invalid_number' });
    expect(call({ baseline: '24', target: 12, current: 11 })).toMatchObject({
      reason: 'invalid_number',
    });
    expect(call({ baseline: 24, target: '12', current: 11 })).toMatchObject({
      reason: 'invalid_number',
    });
  });

  it('ignores an unknown direction or method string from untyped callers', () => {
    const call = metricProgress as (input: unknown, options?: unknown) => MetricProgressResult;
    const r = call({ baseline: 24, target: 12, current: 11.5, direction: 'down' }, { method: 'x' });
    expect(r).toMatchObject({ ok: true, direction: 'lower_is_better', method: 'baseline' });
  });

  it('fails with out_of_range instead of returning Infinity when the quotient overflows', () => {
    expect(metricProgress({ baseline: 0, target: 1e-300, current: 1e300 })).toMatchObject({
      ok: false,
      reason: 'out_of_range',
    });
    expect(metricProgress({ baseline: -1e308, target: 0, current: 1e308 })).toMatchObject({
      reason: 'out_of_range',
    });
  });
});

describe('metricProgress, ratio method', () => {
  const ratio = { method: 'ratio' } as const;

  it('returns current / target x 100 for higher-is-better (adoption 65 of 90 -> 72.2 %)', () => {
    const r = metricProgress({ baseline: 40, target: 90, current: 65 }, ratio);
    expect(percentOf(r)).toBeCloseTo(72.2222, 4);
    expect(r).toMatchObject({ method: 'ratio', direction: 'higher_is_better' });
  });

  it('returns target / current x 100 for lower-is-better (TC-165.1 values: 12 / 11.5)', () => {
    const r = metricProgress({ baseline: 24, target: 12, current: 11.5 }, ratio);
    expect(percentOf(r)).toBeCloseTo(104.3478, 4);
  });

  it('does not need a baseline when the direction is given', () => {
    const r = metricProgress({ target: 90, current: 65, direction: 'higher_is_better' }, ratio);
    expect(percentOf(r)).toBeCloseTo(72.2222, 4);
  });

  it('computes with a target equal to the baseline when the direction is given', () => {
    const r = metricProgress(
      { baseline: 10, target: 10, current: 5, direction: 'higher_is_better' },
      ratio,
    );
    expect(percentOf(r)).toBeCloseTo(50);
  });

  it('fails with direction_unknown without a baseline or a direction', () => {
    expect(metricProgress({ target: 90, current: 65 }, ratio)).toMatchObject({
      ok: false,
      reason: 'direction_unknown',
    });
  });

  it('fails with ratio_undefined for a lower-is-better current of 0 instead of Infinity', () => {
    const r = metricProgress({ baseline: 10, target: 2, current: 0 }, ratio);
    expect(r).toMatchObject({ ok: false, reason: 'ratio_undefined' });
    if (!r.ok) expect(r.message).toContain('Use the baseline method');
  });

  it('fails with ratio_undefined for a target of 0 or below', () => {
    expect(metricProgress({ baseline: 5, target: 0, current: 1 }, ratio)).toMatchObject({
      reason: 'ratio_undefined',
    });
    expect(metricProgress({ baseline: -5, target: -1, current: 1 }, ratio)).toMatchObject({
      reason: 'ratio_undefined',
    });
  });

  it('still fails with direction_conflict when the given direction contradicts baseline vs target', () => {
    expect(
      metricProgress({ baseline: 1, target: 2, current: 2, direction: 'lower_is_better' }, ratio),
    ).toMatchObject({ reason: 'direction_conflict' });
  });
});

describe('metricProgress properties', () => {
  it('never throws and never returns a non-finite percent for finite inputs', () => {
    fc.assert(
      fc.property(maybe(finite), finite, maybe(finite), direction, method, (b, t, c, d, m) => {
        const r = metricProgress(
          { baseline: b, target: t, current: c, direction: d ?? null },
          { method: m },
        );
        if (r.ok) expect(Number.isFinite(r.percent)).toBe(true);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never throws and never returns a non-finite percent for any doubles, NaN and Infinity included', () => {
    fc.assert(
      fc.property(maybe(anyDouble), anyDouble, maybe(anyDouble), method, (b, t, c, m) => {
        const r = metricProgress({ baseline: b, target: t, current: c }, { method: m });
        if (r.ok) expect(Number.isFinite(r.percent)).toBe(true);
      }),
    );
  });

  it('is non-decreasing in current for higher-is-better and non-increasing for lower-is-better', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, method, (b, t, c1, c2, m) => {
        const lo = Math.min(c1, c2);
        const hi = Math.max(c1, c2);
        const a = metricProgress({ baseline: b, target: t, current: lo }, { method: m });
        const z = metricProgress({ baseline: b, target: t, current: hi }, { method: m });
        if (!a.ok || !z.ok) return;
        if (a.direction === 'higher_is_better') expect(z.percent).toBeGreaterThanOrEqual(a.percent);
        else expect(z.percent).toBeLessThanOrEqual(a.percent);
      }),
    );
  });

  it('returns 100 when current equals target, with either method', () => {
    fc.assert(
      fc.property(finite, finite, method, (b, t, m) => {
        const r = metricProgress({ baseline: b, target: t, current: t }, { method: m });
        if (r.ok) expect(r.percent).toBeCloseTo(100, 9);
      }),
    );
  });

  it('returns 0 when current equals baseline (baseline method)', () => {
    fc.assert(
      fc.property(finite, finite, (b, t) => {
        fc.pre(b !== t);
        expect(percentOf(metricProgress({ baseline: b, target: t, current: b }))).toBe(0);
      }),
    );
  });
});
