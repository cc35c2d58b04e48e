import { describe, expectTypeOf, it } from 'vitest';
import {
  type AverageHandleTimeFailureReason,
  averageHandleTime,
  type CountShareFailureReason,
  ces,
  csat,
  fcr,
  type NpsFailureReason,
  nps,
  type SurveyFailureReason,
  slaCompliance,
} from './service.js';

describe('service result types', () => {
  it('narrows csat and ces reasons to the survey union and exposes fields only after ok', () => {
    const r = csat([5]);
    expectTypeOf(r).not.toHaveProperty('percent');
    expectTypeOf(r).not.toHaveProperty('average');
    if (r.ok) {
      expectTypeOf(r.percent).toEqualTypeOf<number>();
      expectTypeOf(r.average).toEqualTypeOf<number>();
      expectTypeOf(r.count).toEqualTypeOf<number>();
    } else {
      expectTypeOf(r.reason).toEqualTypeOf<
        'invalid_number' | 'no_data' | 'invalid_response' | 'out_of_range'
      >();
    }
    const c = ces([7], { scale: 7 });
    if (!c.ok) expectTypeOf(c.reason).toEqualTypeOf<SurveyFailureReason>();
    else expectTypeOf(c).not.toHaveProperty('percent');
  });

  it('takes only known csat options', () => {
    // @ts-expect-error unknown option
    csat([5], { scale: 5, treshold: 4 });
  });

  it('narrows nps to its reasons (no options, so no out_of_range) and exposes the groups after ok', () => {
    const r = nps([10]);
    expectTypeOf(r).not.toHaveProperty('score');
    if (r.ok) {
      expectTypeOf(r.score).toEqualTypeOf<number>();
      expectTypeOf(r.promoters).toEqualTypeOf<number>();
      expectTypeOf(r.passives).toEqualTypeOf<number>();
      expectTypeOf(r.detractors).toEqualTypeOf<number>();
    } else {
      expectTypeOf(r.reason).toEqualTypeOf<NpsFailureReason>();
      expectTypeOf(r.reason).toEqualTypeOf<'invalid_number' | 'no_data' | 'invalid_response'>();
    }
  });

  it('narrows fcr and slaCompliance to the count reasons', () => {
    const f = fcr({ firstContactResolved: 1, total: 2 });
    const s = slaCompliance({ met: 1, total: 2 });
    if (!f.ok) expectTypeOf(f.reason).toEqualTypeOf<CountShareFailureReason>();
    else expectTypeOf(f.percent).toEqualTypeOf<number>();
    if (!s.ok) expectTypeOf(s.reason).toEqualTypeOf<CountShareFailureReason>();
  });

  it('exposes averageHandleTime minutes only after ok', () => {
    const r = averageHandleTime([8]);
    expectTypeOf(r).not.toHaveProperty('minutes');
    if (r.ok) expectTypeOf(r.minutes).toEqualTypeOf<number>();
    else {
      expectTypeOf(r.reason).toEqualTypeOf<AverageHandleTimeFailureReason>();
      expectTypeOf(r.reason).toEqualTypeOf<
        'invalid_number' | 'negative_input' | 'not_integer' | 'no_data' | 'out_of_range'
      >();
    }
  });
});
