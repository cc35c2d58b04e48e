import { describe, expectTypeOf, it } from 'vitest';
import {
  DEFAULT_METRIC_STATUS_THRESHOLDS,
  type MetricStatus,
  type MetricStatusThresholds,
  metricStatus,
} from './metric-status.js';

describe('metric-status types', () => {
  it('returns the literal union or null', () => {
    expectTypeOf(metricStatus(80)).toEqualTypeOf<MetricStatus | null>();
    expectTypeOf<MetricStatus>().toEqualTypeOf<'exceeding' | 'on_track' | 'at_risk' | 'not_met'>();
  });

  it('accepts null and partial thresholds', () => {
    expectTypeOf(metricStatus).toBeCallableWith(null);
    expectTypeOf(metricStatus).toBeCallableWith(50, { onTrack: 80 });
    // @ts-expect-error thresholds are numbers
    metricStatus(50, { onTrack: '80' });
  });

  it('exposes readonly defaults', () => {
    expectTypeOf(DEFAULT_METRIC_STATUS_THRESHOLDS).toEqualTypeOf<
      Readonly<MetricStatusThresholds>
    >();
  });
});
