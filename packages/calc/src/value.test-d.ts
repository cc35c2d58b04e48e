import { describe, expectTypeOf, it } from 'vitest';
import {
  type Confidence,
  type DriverValue,
  type DriverValueReason,
  type GoalValueInput,
  goalValue,
  type MeasuredChangeFailureReason,
  type MeasuredChangeResult,
  measuredChange,
  type ProjectedValue,
  type TimeSavedFailureReason,
  type TimeSavedResult,
  timeSaved,
  type ValueByConfidence,
  type ValueDeliveredFailureReason,
  type ValueDeliveredResult,
  type ValueDriver,
  type ValueDriverType,
  valueDelivered,
  valueOfGoals,
} from './value.js';

describe('value types', () => {
  it('returns the exported discriminated result types', () => {
    expectTypeOf(timeSaved).returns.toEqualTypeOf<TimeSavedResult>();
    expectTypeOf(valueDelivered).returns.toEqualTypeOf<ValueDeliveredResult>();
    expectTypeOf<TimeSavedFailureReason>().toEqualTypeOf<'invalid_number' | 'negative_input'>();
    expectTypeOf<ValueDeliveredFailureReason>().toEqualTypeOf<
      'invalid_number' | 'invalid_driver' | 'negative_input'
    >();
    expectTypeOf<ValueDriverType>().toEqualTypeOf<
      'time_saved' | 'cost_reduction' | 'revenue_increase'
    >();
    expectTypeOf<Confidence>().toEqualTypeOf<'high' | 'medium' | 'low'>();
  });

  it('narrows reason to the literal union after !r.ok', () => {
    const t = timeSaved({ hoursPerUnit: 12.5, unitsPerMonth: 150, hourlyRate: 50 });
    if (!t.ok) {
      expectTypeOf(t.reason).toEqualTypeOf<'invalid_number' | 'negative_input'>();
      expectTypeOf(t.message).toEqualTypeOf<string>();
      expectTypeOf(t).not.toHaveProperty('annualValue');
    }
    const v = valueDelivered([]);
    if (!v.ok) {
      expectTypeOf(v.reason).toEqualTypeOf<
        'invalid_number' | 'invalid_driver' | 'negative_input'
      >();
      expectTypeOf(v.index).toEqualTypeOf<number | undefined>();
      expectTypeOf(v.field).toEqualTypeOf<string | undefined>();
      expectTypeOf(v).not.toHaveProperty('totalValue');
    }
  });

  it('exposes success fields only after r.ok', () => {
    const t = timeSaved({ hoursPerUnit: 12.5, unitsPerMonth: 150, hourlyRate: 50 });
    expectTypeOf(t).not.toHaveProperty('hoursPerMonth');
    if (t.ok) {
      expectTypeOf(t.hoursPerMonth).toEqualTypeOf<number>();
      expectTypeOf(t.valuePerMonth).toEqualTypeOf<number>();
      expectTypeOf(t.annualHours).toEqualTypeOf<number>();
      expectTypeOf(t.annualValue).toEqualTypeOf<number>();
    }
    const v = valueDelivered([{ type: 'cost_reduction', annualAmount: 1 }]);
    expectTypeOf(v).not.toHaveProperty('totalValue');
    if (v.ok) {
      expectTypeOf(v.totalValue).toEqualTypeOf<number>();
      expectTypeOf(v.timeSavedHours).toEqualTypeOf<number>();
      expectTypeOf(v.byConfidence).toEqualTypeOf<ValueByConfidence>();
      expectTypeOf(v.drivers).toEqualTypeOf<readonly DriverValue[]>();
      expectTypeOf(v.drivers[0]).toEqualTypeOf<DriverValue | undefined>();
    }
  });

  it('accepts drivers with any subset of inputs, and rejects unknown types', () => {
    expectTypeOf<{ type: 'time_saved'; hoursPerMonth: 200 }>().toMatchTypeOf<ValueDriver>();
    expectTypeOf<{ type: 'cost_reduction'; annualAmount: null }>().toMatchTypeOf<ValueDriver>();
    // @ts-expect-error an unknown driver type is not a ValueDriver
    valueDelivered([{ type: 'happiness', annualAmount: 1 }]);
    // @ts-expect-error hourlyRate is required by timeSaved
    timeSaved({ hoursPerUnit: 1, unitsPerMonth: 1 });
  });

  it('types value delivered only when measured, and the projected value apart', () => {
    expectTypeOf(goalValue).parameter(0).toEqualTypeOf<GoalValueInput>();
    expectTypeOf(goalValue).returns.toEqualTypeOf<ValueDeliveredResult>();
    expectTypeOf(valueOfGoals).returns.toEqualTypeOf<ValueDeliveredResult>();
    expectTypeOf(measuredChange).returns.toEqualTypeOf<MeasuredChangeResult>();
    expectTypeOf<MeasuredChangeFailureReason>().toEqualTypeOf<
      'invalid_number' | 'no_baseline' | 'no_measurement'
    >();
    expectTypeOf<DriverValueReason>().toEqualTypeOf<
      'goal_not_measured' | 'no_baseline' | 'no_measurement' | 'no_improvement'
    >();
    const v = goalValue({ measured: false, drivers: [] });
    if (v.ok) {
      expectTypeOf(v.projected).toEqualTypeOf<ProjectedValue>();
      expectTypeOf(v.drivers[0]?.reason).toEqualTypeOf<DriverValueReason | undefined>();
    }
    const c = measuredChange({ baseline: 24, target: 12, current: 11.5 });
    if (c.ok) expectTypeOf(c.change).toEqualTypeOf<number>();
    // @ts-expect-error measured is required: an unmeasured goal must be said so
    goalValue({ drivers: [] });
  });
});
