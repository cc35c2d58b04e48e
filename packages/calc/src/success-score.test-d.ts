import { describe, expectTypeOf, it } from 'vitest';
import {
  type SuccessBand,
  type SuccessScoreFailureReason,
  type SuccessScoreResult,
  successBand,
  successScore,
} from './success-score.js';

describe('success score types', () => {
  it('returns the exported discriminated result type', () => {
    expectTypeOf(successScore).returns.toEqualTypeOf<SuccessScoreResult>();
    expectTypeOf(successBand).returns.toEqualTypeOf<SuccessBand>();
    expectTypeOf<SuccessBand>().toEqualTypeOf<'strong' | 'moderate' | 'weak'>();
    expectTypeOf<SuccessScoreFailureReason>().toEqualTypeOf<
      'no_goals' | 'no_progress' | 'invalid_weight'
    >();
  });

  it('narrows reason to the literal union after !r.ok', () => {
    const r = successScore([{ percent: 90 }]);
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<'no_goals' | 'no_progress' | 'invalid_weight'>();
      expectTypeOf(r).not.toHaveProperty('score');
    }
  });

  it('exposes success fields only after r.ok', () => {
    const r = successScore([{ percent: null, weight: 2 }], { bands: { strong: 90 } });
    expectTypeOf(r).not.toHaveProperty('score');
    if (r.ok) {
      expectTypeOf(r.score).toEqualTypeOf<number>();
      expectTypeOf(r.band).toEqualTypeOf<'strong' | 'moderate' | 'weak'>();
      expectTypeOf(r.counted).toEqualTypeOf<number>();
      expectTypeOf(r.skipped).toEqualTypeOf<number>();
    }
  });

  it('requires percent on each goal (null when not computable)', () => {
    // @ts-expect-error percent is required; pass null when progress is unknown
    successScore([{ weight: 1 }]);
  });
});
