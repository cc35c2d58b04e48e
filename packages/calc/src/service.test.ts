import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageHandleTime,
  ces,
  countShare,
  csat,
  fcr,
  nps,
  slaCompliance,
  timeToResolution,
} from './service.js';

/** Every number anywhere in a result is finite (no NaN, no Infinity). */
function numbersFinite(r: object): boolean {
  for (const v of Object.values(r)) if (typeof v === 'number' && !Number.isFinite(v)) return false;
  return true;
}

const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.double(),
  fc.integer({ min: -2, max: 12 }),
);
const answers = (min: number, max: number) =>
  fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 50 });

describe('countShare', () => {
  it('returns 75 % for 45 of 60', () => {
    expect(countShare(45, 60)).toEqual({ ok: true, percent: 75 });
  });

  it('names both counts in failure messages', () => {
    expect(countShare(7, 5, 'Renewed', 'Up for renewal')).toMatchObject({
      reason: 'out_of_range',
      message: 'Renewed must be at most Up for renewal (5), not 7.',
    });
    expect(countShare(0, 0, 'Renewed', 'Up for renewal')).toMatchObject({
      reason: 'no_data',
      message: 'Up for renewal must be above 0 to calculate a rate, not 0.',
    });
  });

  it('never decreases as the part grows, stays in 0..100, and never leaks non-finite numbers', () => {
    fc.assert(
      fc.property(fc.nat(1e6), fc.nat(1e6), fc.nat(1e6), (a, b, extra) => {
        const total = Math.max(a, b) + extra;
        const lo = countShare(Math.min(a, b), total);
        const hi = countShare(Math.max(a, b), total);
        if (!lo.ok || !hi.ok) return total === 0;
        return lo.percent <= hi.percent && lo.percent >= 0 && hi.percent <= 100;
      }),
    );
    fc.assert(fc.property(anyNumber, anyNumber, (p, t) => numbersFinite(countShare(p, t))));
  });
});

describe('csat', () => {
  it('returns 75 % satisfied and 4.25 average for answers 5, 4, 3, 5 on the 1-5 scale', () => {
    const r = csat([5, 4, 3, 5]);
    expect(r).toEqual({ ok: true, percent: 75, average: 4.25, count: 4 });
  });

  it('counts 4 and 5 as satisfied by default: 9 of 10 at 4+ meets the 90 % target (seed 003)', () => {
    const r = csat([5, 5, 5, 5, 5, 4, 4, 4, 4, 2]);
    expect(r.ok && r.percent).toBeCloseTo(90, 10);
    expect(r.ok && r.average).toBeCloseTo(4.3, 10);
  });

  it('honours a custom scale and satisfied threshold', () => {
    const r = csat([10, 8, 7, 3], { scale: 10, satisfiedAtLeast: 8 });
    expect(r).toEqual({ ok: true, percent: 50, average: 7, count: 4 });
  });

  it('fails with invalid_response naming the first bad index for an answer outside 1..scale', () => {
    const r = csat([5, 4, 6, 0]);
    expect(r).toMatchObject({
      ok: false,
      reason: 'invalid_response',
      message: 'CSAT response at index 2 must be a whole number from 1 to 5, not 6.',
    });
  });

  it('fails with invalid_response for a non-integer answer', () => {
    expect(csat([4.5])).toMatchObject({ reason: 'invalid_response' });
  });

  it('fails with invalid_number naming the index for NaN or a non-number answer', () => {
    expect(csat([5, Number.NaN])).toMatchObject({
      reason: 'invalid_number',
      message: 'CSAT response at index 1 must be a finite number, not NaN.',
    });
    expect(csat(['5'] as unknown as number[])).toMatchObject({ reason: 'invalid_number' });
    // A hole in a sparse array is a missing answer.
    const holes: number[] = [5];
    holes[2] = 4;
    expect(csat(holes)).toMatchObject({
      reason: 'invalid_number',
      message: 'CSAT response at index 1 must be a finite number, not undefined.',
    });
  });

  it('fails with no_data for no responses or a non-array', () => {
    expect(csat([])).toMatchObject({ ok: false, reason: 'no_data' });
    expect(csat(null as unknown as number[])).toMatchObject({ reason: 'no_data' });
  });

  it('fails with out_of_range for a bad scale or satisfied threshold', () => {
    expect(csat([1], { scale: 1 })).toMatchObject({ reason: 'out_of_range' });
    expect(csat([1], { scale: 5.5 })).toMatchObject({ reason: 'out_of_range' });
    expect(csat([1], { satisfiedAtLeast: 6 })).toMatchObject({ reason: 'out_of_range' });
    expect(csat([1], { scale: Number.NaN })).toMatchObject({ reason: 'invalid_number' });
  });

  it('never rates more answers satisfied when the threshold rises, with percent in 0..100', () => {
    fc.assert(
      fc.property(
        answers(1, 5),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (xs, a, b) => {
          const loose = csat(xs, { satisfiedAtLeast: Math.min(a, b) });
          const strict = csat(xs, { satisfiedAtLeast: Math.max(a, b) });
          if (!loose.ok || !strict.ok) return false;
          return (
            strict.percent <= loose.percent &&
            loose.percent <= 100 &&
            strict.percent >= 0 &&
            loose.average >= 1 &&
            loose.average <= 5
          );
        },
      ),
    );
  });

  it('never throws and never leaks non-finite numbers for any answers', () => {
    fc.assert(fc.property(fc.array(anyNumber), (xs) => numbersFinite(csat(xs))));
  });
});

describe('nps', () => {
  it('returns 25 for answers 10, 9, 8, 6 (2 promoters, 1 passive, 1 detractor)', () => {
    expect(nps([10, 9, 8, 6])).toEqual({
      ok: true,
      score: 25,
      promoters: 2,
      passives: 1,
      detractors: 1,
      count: 4,
    });
  });

  it('returns 100 when everyone promotes and -100 when everyone detracts', () => {
    expect(nps([9, 10])).toMatchObject({ ok: true, score: 100 });
    expect(nps([0, 6])).toMatchObject({ ok: true, score: -100 });
  });

  it('returns 0 for passives only', () => {
    expect(nps([7, 8])).toMatchObject({ ok: true, score: 0, passives: 2 });
  });

  it('fails with invalid_response for answers outside 0..10 or fractional', () => {
    expect(nps([10, 11])).toMatchObject({
      reason: 'invalid_response',
      message: 'NPS response at index 1 must be a whole number from 0 to 10, not 11.',
    });
    expect(nps([-1])).toMatchObject({ reason: 'invalid_response' });
    expect(nps([8.5])).toMatchObject({ reason: 'invalid_response' });
  });

  it('fails with no_data for no answers', () => {
    expect(nps([])).toMatchObject({ ok: false, reason: 'no_data' });
  });

  it('splits every answer into one group, scores in -100..100, and mirrors when groups swap', () => {
    fc.assert(
      fc.property(answers(0, 10), (xs) => {
        const r = nps(xs);
        if (!r.ok) return false;
        // Mirror: promoters become detractors and vice versa; passives stay passive.
        const mirrored = nps(xs.map((x) => (x >= 9 ? 0 : x <= 6 ? 10 : x)));
        return (
          r.promoters + r.passives + r.detractors === r.count &&
          r.score >= -100 &&
          r.score <= 100 &&
          mirrored.ok &&
          mirrored.score === -r.score + 0
        );
      }),
    );
  });

  it('never throws and never leaks non-finite numbers for any answers', () => {
    fc.assert(fc.property(fc.array(anyNumber), (xs) => numbersFinite(nps(xs))));
  });
});

describe('ces', () => {
  it('returns an average of 6 for answers 7, 6, 5 on the default 1-7 scale', () => {
    expect(ces([7, 6, 5])).toEqual({ ok: true, average: 6, count: 3 });
  });

  it('rejects 8 on the default 1-7 scale but accepts it on a 1-10 scale', () => {
    expect(ces([8])).toMatchObject({ reason: 'invalid_response' });
    expect(ces([8], { scale: 10 })).toEqual({ ok: true, average: 8, count: 1 });
  });

  it('fails with no_data for no answers', () => {
    expect(ces([])).toMatchObject({
      reason: 'no_data',
      message: 'No CES responses yet: record at least one.',
    });
  });

  it('keeps the average within 1..7 for valid answers, and never leaks non-finite numbers', () => {
    fc.assert(
      fc.property(answers(1, 7), (xs) => {
        const r = ces(xs);
        return r.ok && r.average >= 1 && r.average <= 7;
      }),
    );
    fc.assert(
      fc.property(fc.array(anyNumber), anyNumber, (xs, scale) => numbersFinite(ces(xs, { scale }))),
    );
  });
});

describe('fcr', () => {
  it('returns 75 % (the seed 003 target) for 45 of 60 tickets resolved on first contact', () => {
    expect(fcr({ firstContactResolved: 45, total: 60 })).toEqual({ ok: true, percent: 75 });
  });

  it('fails with out_of_range when more tickets were resolved than there were', () => {
    expect(fcr({ firstContactResolved: 61, total: 60 })).toMatchObject({
      reason: 'out_of_range',
      message: 'firstContactResolved must be at most total (60), not 61.',
    });
  });

  it('fails with no_data when there were no tickets', () => {
    expect(fcr({ firstContactResolved: 0, total: 0 })).toMatchObject({ reason: 'no_data' });
  });

  it('fails with not_integer, negative_input and invalid_number for bad counts', () => {
    expect(fcr({ firstContactResolved: 4.5, total: 10 })).toMatchObject({ reason: 'not_integer' });
    expect(fcr({ firstContactResolved: 4, total: -10 })).toMatchObject({
      reason: 'negative_input',
    });
    expect(fcr({ firstContactResolved: 4, total: Number.POSITIVE_INFINITY })).toMatchObject({
      reason: 'invalid_number',
    });
    expect(fcr(undefined as never)).toMatchObject({ reason: 'invalid_number' });
  });
});

describe('slaCompliance', () => {
  it('returns 98 % (the seed 003 target) for 98 of 100 tickets within SLA', () => {
    expect(slaCompliance({ met: 98, total: 100 })).toEqual({ ok: true, percent: 98 });
  });

  it('returns 100 % when every ticket met its SLA', () => {
    expect(slaCompliance({ met: 7, total: 7 })).toEqual({ ok: true, percent: 100 });
  });

  it('fails with out_of_range when met exceeds total', () => {
    expect(slaCompliance({ met: 8, total: 7 })).toMatchObject({
      ok: false,
      reason: 'out_of_range',
    });
  });

  it('never leaks non-finite numbers for any counts', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (met, total) =>
        numbersFinite(slaCompliance({ met, total })),
      ),
    );
  });
});

describe('averageHandleTime', () => {
  it('returns 8 minutes (the seed 003 target) for 6, 8 and 10 minutes', () => {
    expect(averageHandleTime([6, 8, 10])).toEqual({ ok: true, minutes: 8, count: 3 });
  });

  it('accepts fractional minutes', () => {
    const r = averageHandleTime([7.5, 8.25]);
    expect(r.ok && r.minutes).toBeCloseTo(7.875, 10);
  });

  it('fails with no_data for no tickets', () => {
    expect(averageHandleTime([])).toMatchObject({ ok: false, reason: 'no_data' });
  });

  it('fails naming the index for a negative or non-finite time', () => {
    expect(averageHandleTime([5, -1])).toMatchObject({
      reason: 'negative_input',
      message: 'Handle time at index 1 must be 0 or more, not -1.',
    });
    expect(averageHandleTime([Number.NaN])).toMatchObject({ reason: 'invalid_number' });
  });

  it('fails with out_of_range rather than returning Infinity when the total overflows', () => {
    expect(averageHandleTime([Number.MAX_VALUE, Number.MAX_VALUE])).toMatchObject({
      reason: 'out_of_range',
    });
  });

  it('stays between the shortest and longest time, and never leaks non-finite numbers', () => {
    const minutes = fc.array(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e9 }),
      {
        minLength: 1,
      },
    );
    fc.assert(
      fc.property(minutes, (xs) => {
        const r = averageHandleTime(xs);
        const eps = 1e-6 * Math.max(1, ...xs);
        return r.ok && r.minutes >= Math.min(...xs) - eps && r.minutes <= Math.max(...xs) + eps;
      }),
    );
    fc.assert(fc.property(fc.array(anyNumber), (xs) => numbersFinite(averageHandleTime(xs))));
  });
});

describe('averageHandleTime and timeToResolution from totals', () => {
  it('divides the total by the tickets, as helpdesks export them', () => {
    expect(averageHandleTime({ totalMinutes: 960, tickets: 120 })).toEqual({
      ok: true,
      minutes: 8,
      count: 120,
    });
    expect(timeToResolution({ totalHours: 30, tickets: 10 })).toEqual({
      ok: true,
      hours: 3,
      count: 10,
    });
  });

  it('refuses no tickets, fractional tickets and negative totals with a reason', () => {
    expect(timeToResolution({ totalHours: 0, tickets: 0 })).toMatchObject({ reason: 'no_data' });
    expect(averageHandleTime({ totalMinutes: 10, tickets: 1.5 })).toMatchObject({
      reason: 'not_integer',
    });
    expect(timeToResolution({ totalHours: -1, tickets: 2 })).toMatchObject({
      reason: 'negative_input',
    });
  });
});
