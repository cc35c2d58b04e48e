import { describe, expectTypeOf, it } from 'vitest';
import {
  type GoalProgressFailureReason,
  type GoalProgressResult,
  goalProgress,
  type SkippedMetric,
} from './goal-progress.js';
import type { MetricProgressFailureReason, MetricProgressResult } from './progress.js';

describe('goal-progress types', () => {
  const r = goalProgress({ metrics: [{ baseline: 0, target: 10, current: 4, weight: 2 }] });

  it('narrows reason to the literal union after !r.ok', () => {
    expectTypeOf(r).toEqualTypeOf<GoalProgressResult>();
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<GoalProgressFailureReason>();
      expectTypeOf(r.reason).toEqualTypeOf<
        'no_metrics' | 'no_computable_metrics' | 'invalid_weight'
      >();
      expectTypeOf(r).not.toHaveProperty('percent');
      expectTypeOf(r).not.toHaveProperty('skipped');
    }
  });

  it('gives percent, metrics, skipped and partial only after r.ok', () => {
    expectTypeOf(r).not.toHaveProperty('percent');
    if (r.ok) {
      expectTypeOf(r.percent).toEqualTypeOf<number>();
      expectTypeOf(r.metrics).toEqualTypeOf<readonly MetricProgressResult[]>();
      expectTypeOf(r.skipped).toEqualTypeOf<readonly SkippedMetric[]>();
      expectTypeOf(r.skipped[0]?.reason).toEqualTypeOf<MetricProgressFailureReason | undefined>();
      expectTypeOf(r.partial).toEqualTypeOf<boolean>();
      expectTypeOf(r.message).toEqualTypeOf<string | undefined>();
      expectTypeOf(r).not.toHaveProperty('reason');
    }
  });

  it('accepts the metric inputs of metricProgress plus an optional weight and method', () => {
    expectTypeOf(goalProgress).toBeCallableWith({ metrics: [{ target: 1 }] }, { method: 'ratio' });
    // @ts-expect-error weight is a number
    goalProgress({ metrics: [{ target: 1, weight: 'heavy' }] });
  });
});
