import { describe, expectTypeOf, it } from 'vitest';
import { type GoalStatus, type GoalStatusResult, goalStatus } from './goal-status.js';

describe('goal-status types', () => {
  it('always returns status, exceeded and expectedPercent (no failure half)', () => {
    const r = goalStatus({ percent: 104.17 }, { asOf: '2026-03-01' });
    expectTypeOf(r).toEqualTypeOf<GoalStatusResult>();
    expectTypeOf(r.status).toEqualTypeOf<GoalStatus>();
    expectTypeOf(r.exceeded).toEqualTypeOf<boolean>();
    expectTypeOf(r.expectedPercent).toEqualTypeOf<number | null>();
    expectTypeOf(r).not.toHaveProperty('ok');
    expectTypeOf<GoalStatus>().toEqualTypeOf<
      'not_started' | 'on_track' | 'at_risk' | 'achieved' | 'missed'
    >();
  });

  it('requires asOf and accepts DateInput dates', () => {
    expectTypeOf(goalStatus).toBeCallableWith(
      { percent: null, startDate: new Date(), targetDate: 0, hasMeasurement: false },
      { asOf: '2026-01-01', tolerance: 5, onTrackThreshold: 80 },
    );
    // @ts-expect-error asOf is required
    goalStatus({ percent: 50 }, {});
    // @ts-expect-error percent is required (null when not computable)
    goalStatus({}, { asOf: 0 });
  });
});
