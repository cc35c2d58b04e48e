import { describe, expectTypeOf, it } from 'vitest';
import type { DateInput } from './dates.js';
import {
  type ForecastOptions,
  forecastTargetDate,
  type TrendDirection,
  type TrendFailureReason,
  type TrendPoint,
  type TrendResult,
  trend,
} from './trend.js';

const points: TrendPoint[] = [{ at: '2026-01-01', value: 24 }];

describe('trend types', () => {
  it('returns the exported discriminated result type', () => {
    expectTypeOf(trend).returns.toEqualTypeOf<TrendResult>();
    expectTypeOf<TrendFailureReason>().toEqualTypeOf<'not_enough_points' | 'invalid_number'>();
    expectTypeOf<TrendPoint['at']>().toEqualTypeOf<DateInput>();
  });

  it('narrows reason to the literal union after !r.ok', () => {
    const r = trend(points);
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<'not_enough_points' | 'invalid_number'>();
      expectTypeOf(r).not.toHaveProperty('slopePerDay');
    }
  });

  it('exposes success fields only after r.ok', () => {
    const r = trend(points, { direction: 'lower_is_better', flatTolerancePercent: 2 });
    expectTypeOf(r).not.toHaveProperty('slopePerDay');
    if (r.ok) {
      expectTypeOf(r.slopePerDay).toEqualTypeOf<number>();
      expectTypeOf(r.changePercent).toEqualTypeOf<number | undefined>();
      expectTypeOf(r.direction).toEqualTypeOf<TrendDirection>();
      expectTypeOf(r.direction).toEqualTypeOf<'improving' | 'declining' | 'flat'>();
      expectTypeOf(r.first).toEqualTypeOf<number>();
      expectTypeOf(r.last).toEqualTypeOf<number>();
      expectTypeOf(r.count).toEqualTypeOf<number>();
      expectTypeOf(r.ignored).toEqualTypeOf<number>();
    }
  });

  it('forecasts an ISO date string or null, and requires a target', () => {
    expectTypeOf(forecastTargetDate).returns.toEqualTypeOf<string | null>();
    expectTypeOf<ForecastOptions['target']>().toEqualTypeOf<number>();
    expectTypeOf<ForecastOptions['asOf']>().toEqualTypeOf<DateInput | undefined>();
    // @ts-expect-error target is required
    forecastTargetDate(points, { direction: 'higher_is_better' });
  });
});
