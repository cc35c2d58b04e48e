import { describe, expectTypeOf, it } from 'vitest';
import type { HealthBand } from './health-score.js';
import {
  type HealthTrigger,
  type HealthTriggerPoint,
  type HealthTriggersFailureReason,
  type HealthTriggersResult,
  type HealthTriggerType,
  healthTriggers,
} from './health-triggers.js';

describe('health triggers types', () => {
  it('returns the exported discriminated result type', () => {
    expectTypeOf(healthTriggers).returns.toEqualTypeOf<HealthTriggersResult>();
    expectTypeOf<HealthTriggersFailureReason>().toEqualTypeOf<
      'invalid_points' | 'invalid_option'
    >();
    expectTypeOf<HealthTrigger['type']>().toEqualTypeOf<HealthTriggerType>();
    expectTypeOf<HealthTriggerType>().toEqualTypeOf<
      'score_drop' | 'entered_at_risk' | 'entered_critical' | 'consecutive_decline'
    >();
  });

  it('narrows reason to the literal union after !r.ok', () => {
    const r = healthTriggers([{ at: '2026-01-31', score: 92 }]);
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<'invalid_points' | 'invalid_option'>();
      expectTypeOf(r).not.toHaveProperty('triggers');
    }
  });

  it('exposes success fields only after r.ok, and trigger details after narrowing on type', () => {
    const r = healthTriggers([{ at: new Date(), score: 92 }], { dropPoints: 10 });
    expectTypeOf(r).not.toHaveProperty('triggers');
    if (!r.ok) return;
    expectTypeOf(r.ignored).toEqualTypeOf<number>();
    const t = r.triggers[0];
    if (t === undefined) return;
    expectTypeOf(t.at).toEqualTypeOf<string>();
    expectTypeOf(t.from).toEqualTypeOf<HealthTriggerPoint>();
    expectTypeOf(t.to.band).toEqualTypeOf<HealthBand>();
    expectTypeOf(t).not.toHaveProperty('drop');
    if (t.type === 'score_drop') {
      expectTypeOf(t.drop).toEqualTypeOf<number>();
      expectTypeOf(t.threshold).toEqualTypeOf<number>();
    } else if (t.type === 'consecutive_decline') {
      expectTypeOf(t.declines).toEqualTypeOf<number>();
    } else {
      expectTypeOf(t.type).toEqualTypeOf<'entered_at_risk' | 'entered_critical'>();
      expectTypeOf(t.band).toEqualTypeOf<'at_risk' | 'critical'>();
    }
  });
});
