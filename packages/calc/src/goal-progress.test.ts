import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GoalMetricInput, type GoalProgressResult, goalProgress } from './goal-progress.js';
import { inferDirection, metricProgress } from './progress.js';

const percentOf = (r: GoalProgressResult): number => {
  if (!r.ok) throw new Error(`expected success, got ${r.reason}: ${r.message}`);
  return r.percent;
};

// PRD-069 Goal 3 "Increase team efficiency".
const goal3: GoalMetricInput[] = [
  { baseline: 15, target: 25, current: 18 },
  { baseline: 40, target: 90, current: 65 },
  { baseline: 0, target: 10, current: 4 },
];

describe('goalProgress', () => {
  it('returns the plain mean of equally weighted metrics (PRD-069 Goal 3: 30, 50, 40 -> 40 %)', () => {
    const r = goalProgress({ metrics: goal3 });
    expect(percentOf(r)).toBeCloseTo(40);
    expect(r).toMatchObject({ ok: true, partial: false, skipped: [] });
    expect(r).not.toHaveProperty('message');
  });

  it('returns the one metric percent for a one-metric goal (TC-165.1 -> 104.17 %)', () => {
    const r = goalProgress({ metrics: [{ baseline: 24, target: 12, current: 11.5 }] });
    expect(percentOf(r)).toBeCloseTo(104.1666667, 6);
  });

  it('weights metrics: (30 x 1 + 40 x 3) / 4 = 37.5', () => {
    const r = goalProgress({
      metrics: [
        { baseline: 15, target: 25, current: 18 },
        { baseline: 0, target: 10, current: 4, weight: 3 },
      ],
    });
    expect(percentOf(r)).toBeCloseTo(37.5);
  });

  it('returns every metric result in input order, failures included', () => {
    const r = goalProgress({
      metrics: [
        { baseline: 0, target: 10, current: 5 },
        { baseline: null, target: 10, current: 5 },
      ],
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.metrics).toHaveLength(2);
    expect(r.metrics[0]).toMatchObject({ ok: true, percent: 50 });
    expect(r.metrics[1]).toMatchObject({ ok: false, reason: 'baseline_missing' });
  });

  it('skips metrics without data, marks the result partial with the PRD-069 message', () => {
    const r = goalProgress({
      metrics: [
        { baseline: 15, target: 25, current: 18 },
        { baseline: null, target: 90, current: 65 },
        { baseline: 0, target: 10, current: null },
        { baseline: 0, target: 10, current: 4 },
      ],
    });
    expect(r).toEqual({
      ok: true,
      percent: expect.closeTo(35, 9),
      metrics: expect.any(Array),
      skipped: [
        { index: 1, reason: 'baseline_missing' },
        { index: 2, reason: 'current_missing' },
      ],
      partial: true,
      message: 'Some metrics missing data. Showing available data.',
    });
  });

  it('ignores the weight of a skipped metric', () => {
    const r = goalProgress({
      metrics: [
        { baseline: 0, target: 10, current: 5 },
        { baseline: null, target: 10, current: 9, weight: 100 },
      ],
    });
    expect(percentOf(r)).toBeCloseTo(50);
  });

  it('fails with no_metrics for an empty list', () => {
    expect(goalProgress({ metrics: [] })).toEqual({
      ok: false,
      reason: 'no_metrics',
      message: 'No metrics defined for this goal.',
    });
  });

  it('fails with no_metrics for garbage from untyped callers', () => {
    const call = goalProgress as (goal: unknown) => GoalProgressResult;
    expect(call(undefined)).toMatchObject({ reason: 'no_metrics' });
    expect(call({})).toMatchObject({ reason: 'no_metrics' });
    expect(call({ metrics: 'abc' })).toMatchObject({ reason: 'no_metrics' });
  });

  it('skips null entries in the metric list as invalid_number', () => {
    const call = goalProgress as (goal: unknown) => GoalProgressResult;
    const r = call({ metrics: [null, { baseline: 0, target: 10, current: 5 }] });
    expect(r).toMatchObject({
      ok: true,
      percent: 50,
      skipped: [{ index: 0, reason: 'invalid_number' }],
    });
  });

  it('uses the PRD-069 baseline message when no metric has a baseline', () => {
    expect(
      goalProgress({
        metrics: [
          { target: 10, current: 5 },
          { baseline: null, target: 3, current: 1 },
        ],
      }),
    ).toEqual({
      ok: false,
      reason: 'no_computable_metrics',
      message: 'Baseline not set. Cannot calculate progress.',
    });
  });

  it('uses the no-measurement message when no metric has a current value', () => {
    expect(goalProgress({ metrics: [{ baseline: 1, target: 10 }] })).toMatchObject({
      reason: 'no_computable_metrics',
      message: 'No measurement yet. Record a current value to calculate progress.',
    });
  });

  it('uses a general message when metrics fail for different reasons', () => {
    const r = goalProgress({
      metrics: [
        { target: 10, current: 5 },
        { baseline: 1, target: 10 },
      ],
    });
    expect(r).toMatchObject({ ok: false, reason: 'no_computable_metrics' });
    if (!r.ok)
      expect(r.message).toBe(
        'No metric has enough data. Set baselines, targets and current values.',
      );
  });

  it('fails with invalid_weight for zero, negative or non-finite weights, naming the metric', () => {
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = goalProgress({
        metrics: [goal3[0] as GoalMetricInput, { ...goal3[1], target: 90, weight }],
      });
      expect(r).toMatchObject({ ok: false, reason: 'invalid_weight' });
      if (!r.ok) expect(r.message).toContain('Metric 2');
    }
  });

  it('treats a null weight as the default 1', () => {
    const r = goalProgress({
      metrics: [
        { baseline: 0, target: 10, current: 2, weight: null },
        { baseline: 0, target: 10, current: 4 },
      ],
    });
    expect(percentOf(r)).toBeCloseTo(30);
  });

  it('gives 0, not -0, at the baseline of a lower-is-better metric', () => {
    const r = goalProgress({ metrics: [{ baseline: 24, target: 12, current: 24 }] });
    expect(Object.is(percentOf(r), 0)).toBe(true);
    if (r.ok) expect(Object.is(r.metrics[0]?.ok && r.metrics[0].percent, 0)).toBe(true);
  });

  it('passes the ratio method through to each metric', () => {
    const r = goalProgress({ metrics: goal3 }, { method: 'ratio' });
    expect(percentOf(r)).toBeCloseTo((72 + 72.2222 + 40) / 3, 3);
    if (r.ok) expect(r.metrics.every((m) => m.ok && m.method === 'ratio')).toBe(true);
  });

  it('stays finite when huge weights or percents overflow the plain sums', () => {
    const r = goalProgress({
      metrics: [
        { baseline: 0, target: 1e-300, current: 1e-10, weight: 1e308 },
        { baseline: 0, target: 1e-300, current: 1e-10, weight: 1e308 },
      ],
    });
    expect(percentOf(r)).toBeCloseTo(1e292, -280);
    expect(Number.isFinite(percentOf(r))).toBe(true);
  });

  it('weights correctly when only the sum of huge weights overflows (1e308 each: 0.1, 0.5 -> 0.3)', () => {
    const r = goalProgress({
      metrics: [
        { baseline: 0, target: 100, current: 0.1, weight: 1e308 },
        { baseline: 0, target: 100, current: 0.5, weight: 1e308 },
      ],
    });
    expect(percentOf(r)).toBeCloseTo(0.3, 9);
  });
});

describe('goalProgress properties', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
  const weight = fc.double({ noNaN: true, noDefaultInfinity: true, min: 1e-6, max: 1e9 });
  const computable = fc
    .tuple(finite, finite, finite)
    .filter(([b, t]) => Math.abs(t - b) >= 1e-3)
    .map(([baseline, target, current]) => ({ baseline, target, current }));

  it('equals the arithmetic mean with equal weights when every metric is computable', () => {
    fc.assert(
      fc.property(fc.array(computable, { minLength: 1, maxLength: 8 }), (metrics) => {
        const r = goalProgress({ metrics });
        let sum = 0;
        let scale = 1;
        for (const m of metrics) {
          const p = ((m.current - m.baseline) / (m.target - m.baseline)) * 100;
          sum += p;
          scale = Math.max(scale, Math.abs(p));
        }
        expect(Math.abs(percentOf(r) - sum / metrics.length)).toBeLessThanOrEqual(scale * 1e-12);
      }),
    );
  });

  it('lies between the smallest and largest metric percent, whatever the weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(computable, weight), { minLength: 1, maxLength: 8 }),
        (pairs) => {
          const r = goalProgress({ metrics: pairs.map(([m, w]) => ({ ...m, weight: w })) });
          if (!r.ok) throw new Error(r.message);
          const ps = r.metrics.map((m) => (m.ok ? m.percent : Number.NaN));
          expect(r.percent).toBeGreaterThanOrEqual(Math.min(...ps));
          expect(r.percent).toBeLessThanOrEqual(Math.max(...ps));
        },
      ),
    );
  });

  it('gives each metric the same result metricProgress gives it, whichever path computed it', () => {
    // An explicit direction that agrees with baseline vs target changes nothing but the path.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(computable, fc.option(weight, { nil: undefined })), {
          minLength: 1,
          maxLength: 6,
        }),
        (pairs) => {
          const plain = pairs.map(([m, w]) => ({ ...m, weight: w }));
          const r = goalProgress({ metrics: plain });
          const explicit = goalProgress({
            metrics: plain.map((m) => ({ ...m, direction: inferDirection(m.baseline, m.target) })),
          });
          expect(r).toEqual(explicit);
          if (r.ok) expect(r.metrics).toEqual(plain.map((m) => metricProgress(m)));
        },
      ),
    );
  });

  it('never throws and never returns a non-finite percent, for any doubles', () => {
    const raw = fc.oneof(fc.double(), fc.constant(null), fc.constant(undefined));
    const metric = fc.record({
      baseline: raw,
      target: fc.double(),
      current: raw,
      weight: fc.oneof(fc.double(), fc.constant(undefined)),
    });
    fc.assert(
      fc.property(fc.array(metric, { maxLength: 6 }), (metrics) => {
        const r = goalProgress({ metrics });
        if (r.ok) expect(Number.isFinite(r.percent)).toBe(true);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
