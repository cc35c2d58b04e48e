import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacPayback, churnRate, clv, grr, nrr } from './retention.js';

/** Every number anywhere in a result is finite (no NaN, no Infinity). */
function numbersFinite(r: object): boolean {
  for (const v of Object.values(r)) if (typeof v === 'number' && !Number.isFinite(v)) return false;
  return true;
}

const money = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const amount = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e9 });
const anyNumber = fc.oneof(money, fc.double());
/** Garbage a JS caller might pass where a number belongs. */
const garbage = fc.oneof(
  fc.double(),
  fc.constant(undefined),
  fc.constant(null),
  fc.string(),
  fc.constant(Object.create(null)),
);

describe('nrr', () => {
  it('returns 107 % for 1,000,000 start, 150,000 expansion, 30,000 contraction, 50,000 churned', () => {
    const r = nrr({
      startingArr: 1_000_000,
      expansion: 150_000,
      contraction: 30_000,
      churned: 50_000,
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.percent).toBeCloseTo(107, 10);
  });

  it('returns exactly 100 % when nothing changed', () => {
    expect(nrr({ startingArr: 500, expansion: 0, contraction: 0, churned: 0 })).toEqual({
      ok: true,
      percent: 100,
    });
  });

  it('reaches 120 % (seed 003 best in class) when expansion outweighs losses by 20 % of start', () => {
    const r = nrr({ startingArr: 100, expansion: 30, contraction: 4, churned: 6 });
    expect(r.ok && r.percent).toBeCloseTo(120, 10);
  });

  it('accepts losses above starting ARR when expansion covers them (customers grew, then churned)', () => {
    const r = nrr({ startingArr: 100, expansion: 50, contraction: 20, churned: 100 });
    expect(r.ok && r.percent).toBeCloseTo(30, 10);
  });

  it('fails with no_starting_arr when starting ARR is 0', () => {
    const r = nrr({ startingArr: 0, expansion: 10, contraction: 0, churned: 0 });
    expect(r).toMatchObject({ ok: false, reason: 'no_starting_arr' });
    if (!r.ok)
      expect(r.message).toBe(
        'startingArr must be above 0: the ARR at the start of the period, not 0.',
      );
  });

  it('fails with negative_input naming the field when an amount is negative', () => {
    const r = nrr({ startingArr: 100, expansion: 0, contraction: -5, churned: 0 });
    expect(r).toMatchObject({ ok: false, reason: 'negative_input' });
    if (!r.ok) expect(r.message).toBe('contraction must be 0 or more, not -5.');
  });

  it('fails with out_of_range when more was lost than the customers had', () => {
    const r = nrr({ startingArr: 100, expansion: 10, contraction: 60, churned: 60 });
    expect(r).toMatchObject({ ok: false, reason: 'out_of_range' });
  });

  it('fails with invalid_number for NaN, Infinity or a missing field', () => {
    expect(
      nrr({ startingArr: Number.NaN, expansion: 0, contraction: 0, churned: 0 }),
    ).toMatchObject({
      ok: false,
      reason: 'invalid_number',
      message: 'startingArr must be a finite number, not NaN.',
    });
    expect(
      nrr({ startingArr: 1, expansion: Number.POSITIVE_INFINITY, contraction: 0, churned: 0 }),
    ).toMatchObject({ ok: false, reason: 'invalid_number' });
    const missing = { startingArr: 1, contraction: 0, churned: 0 } as unknown as Parameters<
      typeof nrr
    >[0];
    expect(nrr(missing)).toMatchObject({
      ok: false,
      reason: 'invalid_number',
      message: 'expansion must be a finite number, not undefined.',
    });
    expect(nrr(null as unknown as Parameters<typeof nrr>[0])).toMatchObject({
      reason: 'invalid_number',
    });
  });

  it('fails with out_of_range instead of returning Infinity for a vanishing starting ARR', () => {
    const r = nrr({ startingArr: 5e-324, expansion: 1e9, contraction: 0, churned: 0 });
    expect(r).toMatchObject({ ok: false, reason: 'out_of_range' });
  });

  it('never throws and returns only finite numbers, for any inputs', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, (s, e, c, ch) => {
        const r = nrr({ startingArr: s, expansion: e, contraction: c, churned: ch });
        return numbersFinite(r) && (r.ok || r.message.length > 0);
      }),
    );
    fc.assert(
      fc.property(garbage, garbage, garbage, garbage, (s, e, c, ch) => {
        const input = { startingArr: s, expansion: e, contraction: c, churned: ch };
        return numbersFinite(nrr(input as Parameters<typeof nrr>[0]));
      }),
    );
  });

  it('never decreases when expansion grows and is never below GRR for the same losses', () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, amount, (s, e1, e2, c, ch) => {
        const lo = nrr({
          startingArr: s,
          expansion: Math.min(e1, e2),
          contraction: c,
          churned: ch,
        });
        const hi = nrr({
          startingArr: s,
          expansion: Math.max(e1, e2),
          contraction: c,
          churned: ch,
        });
        const g = grr({ startingArr: s, contraction: c, churned: ch });
        if (lo.ok && hi.ok && lo.percent > hi.percent) return false;
        return !(lo.ok && g.ok && g.percent > lo.percent);
      }),
    );
  });
});

describe('grr', () => {
  it('returns 92 % for 1,000,000 start, 30,000 contraction, 50,000 churned', () => {
    const r = grr({ startingArr: 1_000_000, contraction: 30_000, churned: 50_000 });
    expect(r.ok && r.percent).toBeCloseTo(92, 10);
  });

  it('counts contraction as lost (seed 003), unlike seed 002 which subtracts churn only', () => {
    const r = grr({ startingArr: 1_000, contraction: 100, churned: 0 });
    expect(r.ok && r.percent).toBeCloseTo(90, 10);
  });

  it('returns 0 % when every dollar churned', () => {
    expect(grr({ startingArr: 10, contraction: 4, churned: 6 })).toEqual({ ok: true, percent: 0 });
  });

  it('fails with no_starting_arr when starting ARR is 0', () => {
    expect(grr({ startingArr: 0, contraction: 0, churned: 0 })).toMatchObject({
      ok: false,
      reason: 'no_starting_arr',
    });
  });

  it('fails with out_of_range when losses exceed starting ARR', () => {
    expect(grr({ startingArr: 10, contraction: 5, churned: 6 })).toMatchObject({
      ok: false,
      reason: 'out_of_range',
    });
  });

  it('fails with negative_input for a negative starting ARR', () => {
    expect(grr({ startingArr: -10, contraction: 0, churned: 0 })).toMatchObject({
      ok: false,
      reason: 'negative_input',
    });
  });

  it('stays within 0..100 for any finite amounts', () => {
    fc.assert(
      fc.property(money, money, money, (s, c, ch) => {
        const r = grr({ startingArr: s, contraction: c, churned: ch });
        return r.ok ? r.percent >= 0 && r.percent <= 100 : numbersFinite(r);
      }),
    );
  });
});

describe('churnRate', () => {
  it('returns 2 % for 3 customers lost of 150 at start (seed 003 monthly target)', () => {
    expect(churnRate({ lost: 3, atStart: 150 })).toEqual({ ok: true, percent: 2 });
  });

  it('returns 0 % when no customer was lost', () => {
    expect(churnRate({ lost: 0, atStart: 10 })).toEqual({ ok: true, percent: 0 });
  });

  it('fails with out_of_range when more customers were lost than there were', () => {
    const r = churnRate({ lost: 12, atStart: 10 });
    expect(r).toMatchObject({ ok: false, reason: 'out_of_range' });
    if (!r.ok) expect(r.message).toBe('lost must be at most atStart (10), not 12.');
  });

  it('fails with no_data when there were no customers at start', () => {
    expect(churnRate({ lost: 0, atStart: 0 })).toMatchObject({ ok: false, reason: 'no_data' });
  });

  it('fails with not_integer, negative_input or invalid_number for bad counts', () => {
    expect(churnRate({ lost: 1.5, atStart: 10 })).toMatchObject({ reason: 'not_integer' });
    expect(churnRate({ lost: -1, atStart: 10 })).toMatchObject({ reason: 'negative_input' });
    expect(churnRate({ lost: 1, atStart: Number.NaN })).toMatchObject({ reason: 'invalid_number' });
  });

  it('stays within 0..100 and never throws for any numbers', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (lost, atStart) => {
        const r = churnRate({ lost, atStart });
        return r.ok ? r.percent >= 0 && r.percent <= 100 : numbersFinite(r);
      }),
    );
  });
});

describe('clv', () => {
  it('returns 96,000 over 10 periods for 12,000 annual revenue, 80 % margin, 10 % annual churn', () => {
    const r = clv({ averageRevenue: 12_000, grossMarginPercent: 80, churnRatePercent: 10 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBeCloseTo(96_000, 6);
      expect(r.lifetimePeriods).toBeCloseTo(10, 10);
    }
  });

  it('returns 37,500 over 50 months for 1,000 monthly revenue, 75 % margin, 2 % monthly churn', () => {
    const r = clv({ averageRevenue: 1_000, grossMarginPercent: 75, churnRatePercent: 2 });
    expect(r.ok && r.value).toBeCloseTo(37_500, 6);
    expect(r.ok && r.lifetimePeriods).toBeCloseTo(50, 10);
  });

  it('fails with no_churn and says lifetime value is unbounded when churn is 0', () => {
    const r = clv({ averageRevenue: 1_000, grossMarginPercent: 75, churnRatePercent: 0 });
    expect(r).toMatchObject({ ok: false, reason: 'no_churn' });
    if (!r.ok) expect(r.message).toMatch(/unbounded/);
  });

  it('fails with out_of_range for a margin or churn rate above 100 %', () => {
    expect(clv({ averageRevenue: 1, grossMarginPercent: 101, churnRatePercent: 5 })).toMatchObject({
      reason: 'out_of_range',
      message: 'grossMarginPercent must be 0 to 100, not 101.',
    });
    expect(clv({ averageRevenue: 1, grossMarginPercent: 50, churnRatePercent: 150 })).toMatchObject(
      {
        reason: 'out_of_range',
      },
    );
  });

  it('fails with negative_input for negative revenue', () => {
    expect(clv({ averageRevenue: -1, grossMarginPercent: 50, churnRatePercent: 5 })).toMatchObject({
      reason: 'negative_input',
    });
  });

  it('never rises as churn rises, and never throws or leaks non-finite numbers', () => {
    const pct = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 100 });
    fc.assert(
      fc.property(amount, pct, pct, pct, (rev, margin, c1, c2) => {
        const lo = clv({
          averageRevenue: rev,
          grossMarginPercent: margin,
          churnRatePercent: Math.min(c1, c2),
        });
        const hi = clv({
          averageRevenue: rev,
          grossMarginPercent: margin,
          churnRatePercent: Math.max(c1, c2),
        });
        if (!numbersFinite(lo) || !numbersFinite(hi)) return false;
        return !(lo.ok && hi.ok && hi.value > lo.value);
      }),
    );
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (a, m, c) =>
        numbersFinite(clv({ averageRevenue: a, grossMarginPercent: m, churnRatePercent: c })),
      ),
    );
  });
});

describe('cacPayback', () => {
  it('returns 15 months for 6,000 CAC, 500 monthly revenue, 80 % margin', () => {
    const r = cacPayback({ cac: 6_000, monthlyRevenue: 500, grossMarginPercent: 80 });
    expect(r.ok && r.months).toBeCloseTo(15, 10);
  });

  it('returns 0 months when acquisition cost nothing', () => {
    expect(cacPayback({ cac: 0, monthlyRevenue: 500, grossMarginPercent: 80 })).toEqual({
      ok: true,
      months: 0,
    });
  });

  it('fails with zero_denominator when monthly revenue or margin is 0', () => {
    expect(cacPayback({ cac: 6_000, monthlyRevenue: 0, grossMarginPercent: 80 })).toMatchObject({
      ok: false,
      reason: 'zero_denominator',
    });
    expect(cacPayback({ cac: 6_000, monthlyRevenue: 500, grossMarginPercent: 0 })).toMatchObject({
      reason: 'zero_denominator',
    });
  });

  it('fails with zero_denominator when the gross profit underflows to 0', () => {
    expect(
      cacPayback({ cac: 1, monthlyRevenue: 1e-200, grossMarginPercent: 1e-200 }),
    ).toMatchObject({ reason: 'zero_denominator' });
  });

  it('fails with out_of_range instead of returning Infinity for a vanishing gross profit', () => {
    expect(cacPayback({ cac: 1e9, monthlyRevenue: 1e-300, grossMarginPercent: 1 })).toMatchObject({
      reason: 'out_of_range',
    });
  });

  it('fails with invalid_number for a non-numeric CAC', () => {
    const r = cacPayback({ cac: '6000', monthlyRevenue: 500, grossMarginPercent: 80 } as never);
    expect(r).toMatchObject({
      reason: 'invalid_number',
      message: 'cac must be a finite number, not string.',
    });
  });

  it('never lengthens as monthly revenue grows, and never leaks non-finite numbers', () => {
    const pct = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 100 });
    fc.assert(
      fc.property(amount, amount, amount, pct, (cac, r1, r2, m) => {
        const slow = cacPayback({ cac, monthlyRevenue: Math.min(r1, r2), grossMarginPercent: m });
        const fast = cacPayback({ cac, monthlyRevenue: Math.max(r1, r2), grossMarginPercent: m });
        if (!numbersFinite(slow) || !numbersFinite(fast)) return false;
        return !(slow.ok && fast.ok && fast.months > slow.months);
      }),
    );
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (cac, rev, m) =>
        numbersFinite(cacPayback({ cac, monthlyRevenue: rev, grossMarginPercent: m })),
      ),
    );
  });
});
