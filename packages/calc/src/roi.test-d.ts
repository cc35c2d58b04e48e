import { describe, expectTypeOf, it } from 'vitest';
import { type RoiFailureReason, type RoiInput, type RoiResult, roi } from './roi.js';

describe('roi types', () => {
  it('returns the exported discriminated result type', () => {
    expectTypeOf(roi).parameter(0).toEqualTypeOf<RoiInput>();
    expectTypeOf(roi).returns.toEqualTypeOf<RoiResult>();
    expectTypeOf<RoiFailureReason>().toEqualTypeOf<
      'no_investment' | 'negative_investment' | 'invalid_number'
    >();
  });

  it('narrows reason to the literal union after !r.ok', () => {
    const r = roi({ value: 285_000, investment: 68_000 });
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<
        'no_investment' | 'negative_investment' | 'invalid_number'
      >();
      expectTypeOf(r.message).toEqualTypeOf<string>();
      expectTypeOf(r).not.toHaveProperty('multiplier');
    }
  });

  it('exposes success fields only after r.ok', () => {
    const r = roi({ value: 285_000, investment: null });
    expectTypeOf(r).not.toHaveProperty('multiplier');
    if (r.ok) {
      expectTypeOf(r.multiplier).toEqualTypeOf<number>();
      expectTypeOf(r.percent).toEqualTypeOf<number>();
      expectTypeOf(r.netReturnPercent).toEqualTypeOf<number>();
      expectTypeOf(r).not.toHaveProperty('reason');
    }
  });
});
