import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roi } from './roi.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });

describe('roi', () => {
  it('returns multiplier 4.19 (shown "4.2x") for TC-165.2: value $285K, investment $68K', () => {
    const r = roi({ value: 285_000, investment: 68_000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.multiplier).toBeCloseTo(4.191_176_47, 8);
    expect(r.percent).toBeCloseTo(419.117_647, 5);
    expect(r.netReturnPercent).toBeCloseTo(319.117_647, 5);
  });

  it('returns percent 183.6 (shown "184 %") for PRD-069: $275,400 on $150,000', () => {
    const r = roi({ value: 275_400, investment: 150_000 });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.multiplier).toBeCloseTo(1.836, 12);
    expect(r.percent).toBeCloseTo(183.6, 10);
    expect(r.netReturnPercent).toBeCloseTo(83.6, 10);
  });

  it('fails with no_investment and says what to do when the investment is 0 or not recorded', () => {
    for (const investment of [0, -0, null]) {
      const r = roi({ value: 285_000, investment });
      expect(r).toEqual({
        ok: false,
        reason: 'no_investment',
        message: "No investment recorded. Set the customer's investment to calculate ROI.",
      });
    }
  });

  it('fails with negative_investment for a negative investment', () => {
    expect(roi({ value: 1, investment: -5 })).toMatchObject({
      ok: false,
      reason: 'negative_investment',
    });
  });

  it('returns a negative ROI for a negative value (value lost)', () => {
    const r = roi({ value: -50, investment: 100 });
    expect(r).toMatchObject({ ok: true, multiplier: -0.5, percent: -50, netReturnPercent: -150 });
  });

  it('returns 0x for zero value', () => {
    expect(roi({ value: 0, investment: 100 })).toMatchObject({
      ok: true,
      multiplier: 0,
      netReturnPercent: -100,
    });
  });

  it.each([
    [NaN, 1],
    [Infinity, 1],
    [1, NaN],
    [1, -Infinity],
  ])('fails with invalid_number for value %s, investment %s', (value, investment) => {
    expect(roi({ value, investment })).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  it('fails with invalid_number for garbage from untyped callers', () => {
    expect(roi(null as never)).toMatchObject({ ok: false, reason: 'invalid_number' });
    expect(roi({ value: '5', investment: 1 } as never)).toMatchObject({
      ok: false,
      reason: 'invalid_number',
    });
    expect(roi({ value: 5, investment: '1' } as never)).toMatchObject({
      ok: false,
      reason: 'invalid_number',
    });
  });

  it('fails instead of returning Infinity when a tiny investment overflows the quotient', () => {
    const r = roi({ value: 1e300, investment: 1e-300 });
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number' });
    expect(roi({ value: 1, investment: Number.MIN_VALUE })).toMatchObject({ ok: false });
  });

  it('inverts: multiplier x investment is the value (relative tolerance)', () => {
    fc.assert(
      fc.property(finite, finite, (value, investment) => {
        const r = roi({ value, investment });
        if (!r.ok) return;
        expect(Math.abs(r.multiplier * investment - value)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(value)),
        );
        expect(r.percent).toBeCloseTo(r.multiplier * 100, 6);
      }),
    );
  });

  it('succeeds exactly when the investment is positive, for finite inputs', () => {
    fc.assert(
      fc.property(finite, fc.double({ noNaN: true, min: 1e-6, max: 1e9 }), (value, investment) => {
        expect(roi({ value, investment }).ok).toBe(true);
        expect(roi({ value, investment: -investment })).toMatchObject({
          reason: 'negative_investment',
        });
      }),
    );
  });

  it('grows with value: more value on the same investment never gives a lower ROI', () => {
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.double({ noNaN: true, min: 1, max: 1e9 }),
        (a, b, investment) => {
          const lo = roi({ value: Math.min(a, b), investment });
          const hi = roi({ value: Math.max(a, b), investment });
          if (lo.ok && hi.ok) expect(hi.multiplier).toBeGreaterThanOrEqual(lo.multiplier);
        },
      ),
    );
  });

  it('never throws and returns only finite numbers, even for NaN, Infinity and extreme values', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (value, investment) => {
        const r = roi({ value, investment });
        if (r.ok) {
          expect(Number.isFinite(r.multiplier)).toBe(true);
          expect(Number.isFinite(r.percent)).toBe(true);
          expect(Number.isFinite(r.netReturnPercent)).toBe(true);
        } else {
          expect(r.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
