import { describe, expectTypeOf, it } from 'vitest';
import {
  KPI_THRESHOLDS,
  type KpiDirection,
  type KpiName,
  type KpiRating,
  type KpiThreshold,
  kpiRating,
} from './kpi-rating.js';

describe('kpi-rating types', () => {
  it('returns a rating literal or null', () => {
    expectTypeOf(kpiRating('nrr', 110)).toEqualTypeOf<KpiRating | null>();
    expectTypeOf<KpiRating>().toEqualTypeOf<
      'best_in_class' | 'on_target' | 'acceptable' | 'below_minimum'
    >();
  });

  it('takes only known KPI names and partial, well-typed overrides', () => {
    expectTypeOf<'nrr' | 'csat' | 'monthly_churn' | 'nps'>().toExtend<KpiName>();
    // @ts-expect-error unknown KPI
    kpiRating('happiness', 1);
    kpiRating('csat', 4.1, { minimum: 4.2 });
    // @ts-expect-error direction must be one of the two literals
    kpiRating('csat', 4.1, { direction: 'up' });
  });

  it('types the table as a read-only record of thresholds with optional levels', () => {
    expectTypeOf(KPI_THRESHOLDS.nrr).toEqualTypeOf<KpiThreshold>();
    expectTypeOf(KPI_THRESHOLDS.nrr.direction).toEqualTypeOf<KpiDirection>();
    expectTypeOf(KPI_THRESHOLDS.nrr.minimum).toEqualTypeOf<number | undefined>();
    // @ts-expect-error the table is read-only
    KPI_THRESHOLDS.nrr = KPI_THRESHOLDS.grr;
    // @ts-expect-error rows are read-only
    KPI_THRESHOLDS.nrr.target = 1;
  });
});
