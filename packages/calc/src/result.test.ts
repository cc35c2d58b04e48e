import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNumber,
  clamp,
  fail,
  finiteOr,
  invalidNumber,
  isFiniteNumber,
  must,
  tooLarge,
  weightedMean,
} from './result.js';

describe('failure builders', () => {
  it('builds a plain failure', () => {
    expect(fail('no_goals', 'No success goals defined.')).toEqual({
      ok: false,
      reason: 'no_goals',
      message: 'No success goals defined.',
    });
  });

  it('words a broken rule as "<label> must be <rule>, not <value>." naming a non-number by type', () => {
    expect(must('negative_input', 'contraction', '0 or more', -5).message).toBe(
      'contraction must be 0 or more, not -5.',
    );
    expect(must('invalid_number', 'cac', 'a finite number', '6000').message).toBe(
      'cac must be a finite number, not string.',
    );
    expect(invalidNumber('Target', Number.NaN)).toEqual({
      ok: false,
      reason: 'invalid_number',
      message: 'Target must be a finite number, not NaN.',
    });
    expect(tooLarge('out_of_range')).toMatchObject({ ok: false, reason: 'out_of_range' });
  });

  it('checks a number field: finite, and 0 or more when asked', () => {
    expect(checkNumber(3, 'x')).toBeUndefined();
    expect(checkNumber(-3, 'x')).toBeUndefined();
    expect(checkNumber(-3, 'x', true)).toMatchObject({ reason: 'negative_input' });
    expect(checkNumber(Number.POSITIVE_INFINITY, 'x', true)).toMatchObject({
      reason: 'invalid_number',
    });
    expect(checkNumber('3', 'x')).toMatchObject({ reason: 'invalid_number' });
  });
});

describe('number helpers', () => {
  it('tells finite numbers from everything else without coercion', () => {
    expect([4.2, 0, -1e308].every(isFiniteNumber)).toBe(true);
    expect([Number.NaN, Number.POSITIVE_INFINITY, '4', null, undefined].some(isFiniteNumber)).toBe(
      false,
    );
  });

  it('falls back for non-finite options and clamps', () => {
    expect(finiteOr(undefined, 10)).toBe(10);
    expect(finiteOr(Number.NaN, 10)).toBe(10);
    expect(finiteOr(0, 10)).toBe(0);
    expect(clamp(104, 0, 100)).toBe(100);
    expect(clamp(-4, 0, 100)).toBe(0);
    expect(clamp(40, 0, 100)).toBe(40);
  });

  it('gives the weighted mean, NaN when no weight is above 0, exact at equal values', () => {
    expect(weightedMean([80, 90], [3, 1])).toBe(82.5);
    expect(weightedMean([80, 80, 80], [0.1, 0.7, 0.2])).toBe(80);
    expect(weightedMean([80, 20], [1, 0])).toBe(80);
    expect(weightedMean([80], [0])).toBeNaN();
    expect(weightedMean([50, 100], [1e308, 1e308])).toBe(75);
  });

  it('stays finite when values near the largest double overflow the plain sum', () => {
    expect(weightedMean([1.7e308, 1.7e308], [1, 1])).toBe(1.7e308);
    expect(weightedMean([-1.7e308, -1.5e308], [1, 1])).toBe(-1.6e308);
    expect(weightedMean([1.7e308, 1.5e308], [1e308, 1e308])).toBe(1.6e308);
  });

  it('keeps the weighted mean between the smallest and largest weighted value', () => {
    const pair = fc.tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 100 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: 0.001, max: 1e300 }),
    );
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 10 }), (pairs) => {
        const m = weightedMean(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(m).toBeGreaterThanOrEqual(Math.min(...pairs.map((p) => p[0])));
        expect(m).toBeLessThanOrEqual(Math.max(...pairs.map((p) => p[0])));
      }),
    );
  });
});
