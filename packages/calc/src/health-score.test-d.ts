import { describe, expectTypeOf, it } from 'vitest';
import {
  DEFAULT_HEALTH_WEIGHTS,
  HEALTH_BANDS,
  type HealthBand,
  type HealthScoreFailureReason,
  type HealthScoreResult,
  type HealthWeights,
  healthBand,
  healthScore,
} from './health-score.js';

describe('health score types', () => {
  it('returns the exported discriminated result type', () => {
    expectTypeOf(healthScore).returns.toEqualTypeOf<HealthScoreResult>();
    expectTypeOf(healthBand).returns.toEqualTypeOf<HealthBand>();
    expectTypeOf<HealthBand>().toEqualTypeOf<'excellent' | 'good' | 'at_risk' | 'critical'>();
    expectTypeOf<HealthScoreFailureReason>().toEqualTypeOf<
      'invalid_number' | 'out_of_range' | 'invalid_weights' | 'invalid_bands'
    >();
    expectTypeOf(DEFAULT_HEALTH_WEIGHTS).toEqualTypeOf<HealthWeights>();
    expectTypeOf(HEALTH_BANDS[0]).toEqualTypeOf<
      { readonly band: HealthBand; readonly min: number } | undefined
    >();
  });

  it('narrows reason to the literal union after !r.ok', () => {
    const r = healthScore({ usage: 80, outcomes: 90, relationship: 70, growth: 60 });
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<
        'invalid_number' | 'out_of_range' | 'invalid_weights' | 'invalid_bands'
      >();
      expectTypeOf(r).not.toHaveProperty('band');
    }
  });

  it('exposes success fields only after r.ok', () => {
    const r = healthScore({ usage: 80, outcomes: 90, relationship: 70, growth: 60 });
    expectTypeOf(r).not.toHaveProperty('score');
    if (r.ok) {
      expectTypeOf(r.score).toEqualTypeOf<number>();
      expectTypeOf(r.band).toEqualTypeOf<HealthBand>();
    }
  });

  it('requires all four components', () => {
    // @ts-expect-error growth is missing
    healthScore({ usage: 80, outcomes: 90, relationship: 70 });
  });
});
