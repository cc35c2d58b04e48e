import { describe, expectTypeOf, it } from 'vitest';
import {
  type CacPaybackFailureReason,
  type ChurnRateFailureReason,
  type ClvFailureReason,
  cacPayback,
  churnRate,
  clv,
  grr,
  type NrrFailureReason,
  nrr,
} from './retention.js';

describe('retention result types', () => {
  it('narrows nrr and grr reasons to their literal union and exposes percent only after ok', () => {
    const r = nrr({ startingArr: 1, expansion: 0, contraction: 0, churned: 0 });
    expectTypeOf(r).not.toHaveProperty('percent');
    if (r.ok) expectTypeOf(r.percent).toEqualTypeOf<number>();
    else {
      expectTypeOf(r.reason).toEqualTypeOf<NrrFailureReason>();
      expectTypeOf(r.reason).toEqualTypeOf<
        'invalid_number' | 'negative_input' | 'no_starting_arr' | 'out_of_range'
      >();
      expectTypeOf(r.message).toEqualTypeOf<string>();
    }
    const g = grr({ startingArr: 1, contraction: 0, churned: 0 });
    if (!g.ok) expectTypeOf(g.reason).toEqualTypeOf<NrrFailureReason>();
  });

  it('does not take expansion for grr', () => {
    // @ts-expect-error GRR excludes expansion
    grr({ startingArr: 1, contraction: 0, churned: 0, expansion: 5 });
  });

  it('narrows churnRate to the count reasons', () => {
    const r = churnRate({ lost: 1, atStart: 10 });
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<ChurnRateFailureReason>();
      expectTypeOf(r.reason).toEqualTypeOf<
        'invalid_number' | 'negative_input' | 'not_integer' | 'out_of_range' | 'no_data'
      >();
    } else expectTypeOf(r.percent).toEqualTypeOf<number>();
  });

  it('exposes clv value and lifetime only after ok, with no_churn among the reasons', () => {
    const r = clv({ averageRevenue: 1, grossMarginPercent: 50, churnRatePercent: 5 });
    expectTypeOf(r).not.toHaveProperty('value');
    if (r.ok) {
      expectTypeOf(r.value).toEqualTypeOf<number>();
      expectTypeOf(r.lifetimePeriods).toEqualTypeOf<number>();
    } else {
      expectTypeOf(r.reason).toEqualTypeOf<ClvFailureReason>();
      expectTypeOf<'no_churn'>().toExtend<typeof r.reason>();
    }
  });

  it('exposes cacPayback months only after ok, with zero_denominator among the reasons', () => {
    const r = cacPayback({ cac: 1, monthlyRevenue: 1, grossMarginPercent: 50 });
    expectTypeOf(r).not.toHaveProperty('months');
    if (r.ok) expectTypeOf(r.months).toEqualTypeOf<number>();
    else {
      expectTypeOf(r.reason).toEqualTypeOf<CacPaybackFailureReason>();
      expectTypeOf<'zero_denominator'>().toExtend<typeof r.reason>();
    }
  });
});
