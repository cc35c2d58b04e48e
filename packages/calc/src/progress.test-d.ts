import { describe, expectTypeOf, it } from 'vitest';
import {
  type Direction,
  inferDirection,
  type MetricProgressFailureReason,
  type MetricProgressResult,
  metricProgress,
  type ProgressMethod,
} from './progress.js';

describe('progress types', () => {
  it('narrows reason to the literal union after !r.ok', () => {
    const r = metricProgress({ baseline: 24, target: 12, current: 11.5 });
    expectTypeOf(r).toEqualTypeOf<MetricProgressResult>();
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<MetricProgressFailureReason>();
      expectTypeOf(r.reason).toEqualTypeOf<
        | 'baseline_missing'
        | 'current_missing'
        | 'target_equals_baseline'
        | 'invalid_number'
        | 'direction_conflict'
        | 'direction_unknown'
        | 'ratio_undefined'
        | 'out_of_range'
      >();
      expectTypeOf(r.message).toEqualTypeOf<string>();
      expectTypeOf(r).not.toHaveProperty('percent');
    }
  });

  it('gives percent, direction and method only after r.ok', () => {
    const r = metricProgress({ baseline: 24, target: 12, current: 11.5 }, { method: 'ratio' });
    expectTypeOf(r).not.toHaveProperty('percent');
    if (r.ok) {
      expectTypeOf(r.percent).toEqualTypeOf<number>();
      expectTypeOf(r.direction).toEqualTypeOf<Direction>();
      expectTypeOf(r.method).toEqualTypeOf<ProgressMethod>();
      expectTypeOf(r).not.toHaveProperty('reason');
    }
  });

  it('accepts null or absent baseline and current, but requires a numeric target', () => {
    expectTypeOf(metricProgress).toBeCallableWith({ target: 12 });
    expectTypeOf(metricProgress).toBeCallableWith({ baseline: null, target: 12, current: null });
    // @ts-expect-error target is required
    metricProgress({ baseline: 1, current: 2 });
    // @ts-expect-error direction is a literal union
    metricProgress({ baseline: 1, target: 2, current: 2, direction: 'up' });
  });

  it('returns Direction | null from inferDirection', () => {
    expectTypeOf(inferDirection(1, 2)).toEqualTypeOf<Direction | null>();
  });
});
