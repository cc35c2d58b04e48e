import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HealthPoint, healthTriggers } from './health-triggers.js';

const months = (...scores: number[]): HealthPoint[] =>
  scores.map((score, i) => ({ at: Date.UTC(2026, i, 1), score }));

function types(points: readonly HealthPoint[], options?: Parameters<typeof healthTriggers>[1]) {
  const r = healthTriggers(points, options);
  if (!r.ok) throw new Error(r.message);
  return r.triggers.map((t) => `${t.at} ${t.type}`);
}

describe('healthTriggers', () => {
  it('fires score_drop and entered_at_risk for a fall from 92 to 65 (seed 002 triggers)', () => {
    const r = healthTriggers([
      { at: '2026-01-31', score: 92 },
      { at: '2026-02-28', score: 65 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ignored).toBe(0);
    expect(r.triggers).toEqual([
      {
        type: 'score_drop',
        at: '2026-02-28',
        from: { at: '2026-01-31', score: 92, band: 'excellent' },
        to: { at: '2026-02-28', score: 65, band: 'at_risk' },
        drop: 27,
        threshold: 20,
      },
      {
        type: 'entered_at_risk',
        at: '2026-02-28',
        from: { at: '2026-01-31', score: 92, band: 'excellent' },
        to: { at: '2026-02-28', score: 65, band: 'at_risk' },
        band: 'at_risk',
      },
    ]);
  });

  it('fires score_drop only for a drop of more than 20 points, not exactly 20', () => {
    expect(types(months(100, 80))).toEqual([]);
    expect(types(months(100, 79.9))).toEqual(['2026-02-01 score_drop']);
  });

  it('fires entered_at_risk from good, but not from critical (that is a recovery)', () => {
    expect(types(months(75, 65))).toEqual(['2026-02-01 entered_at_risk']);
    expect(types(months(40, 55))).toEqual([]);
  });

  it('fires entered_critical from any other band, including straight from excellent', () => {
    expect(types(months(55, 45))).toEqual(['2026-02-01 entered_critical']);
    expect(types(months(95, 40))).toEqual(['2026-02-01 score_drop', '2026-02-01 entered_critical']);
  });

  it('does not fire a band trigger while staying in the band', () => {
    expect(types(months(65, 60, 55))).toEqual([]);
  });

  it('fires consecutive_decline once, at the third decline in a row', () => {
    const r = healthTriggers(months(90, 88, 86, 84, 82));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const declines = r.triggers.filter((t) => t.type === 'consecutive_decline');
    expect(declines).toEqual([
      {
        type: 'consecutive_decline',
        at: '2026-04-01',
        from: { at: '2026-01-01', score: 90, band: 'excellent' },
        to: { at: '2026-04-01', score: 84, band: 'good' },
        declines: 3,
        drop: 6,
      },
    ]);
  });

  it('starts a new run after a rise or a flat period', () => {
    expect(types(months(90, 89, 88, 88, 87, 86, 85))).toEqual(['2026-07-01 consecutive_decline']);
    expect(types(months(90, 89, 90, 89, 88))).toEqual([]);
  });

  it('honours the dropPoints and consecutiveDeclines options', () => {
    expect(types(months(80, 70), { dropPoints: 5 })).toEqual(['2026-02-01 score_drop']);
    expect(types(months(80, 79, 78), { consecutiveDeclines: 2 })).toEqual([
      '2026-03-01 consecutive_decline',
    ]);
    expect(types(months(80, 79), { consecutiveDeclines: 1 })).toEqual([
      '2026-02-01 consecutive_decline',
    ]);
  });

  it('sorts points by date first: input order does not matter', () => {
    const points = months(92, 80, 65, 60);
    const shuffled = [points[2], points[0], points[3], points[1]] as HealthPoint[];
    expect(healthTriggers(shuffled)).toEqual(healthTriggers(points));
  });

  it('reads Date objects, ISO timestamps and epoch ms, reporting the UTC day', () => {
    const r = healthTriggers([
      { at: new Date('2026-01-15T00:00:00Z'), score: 95 },
      { at: '2026-02-15T23:30:00Z', score: 45 },
    ]);
    expect(r).toMatchObject({
      ok: true,
      triggers: [{ at: '2026-02-15', from: { at: '2026-01-15' } }, {}],
    });
  });

  it('ignores and counts invalid points: bad dates, non-finite or out-of-range scores', () => {
    const r = healthTriggers([
      { at: '2026-01-01', score: 90 },
      { at: 'not a date', score: 10 },
      { at: '2026-02-01', score: NaN },
      { at: '2026-03-01', score: 150 },
      { at: '2026-04-01', score: -1 },
      null as never,
      { at: '2026-05-01', score: 85 },
    ]);
    expect(r).toEqual({ ok: true, triggers: [], ignored: 5 });
  });

  it('returns no triggers for an empty list or a single point', () => {
    expect(healthTriggers([])).toEqual({ ok: true, triggers: [], ignored: 0 });
    expect(healthTriggers(months(10))).toEqual({ ok: true, triggers: [], ignored: 0 });
  });

  it('fails with invalid_points for a non-list', () => {
    expect(healthTriggers(null as never)).toMatchObject({ ok: false, reason: 'invalid_points' });
  });

  it('fails with invalid_option for a bad dropPoints or consecutiveDeclines', () => {
    for (const options of [
      { dropPoints: -1 },
      { dropPoints: NaN },
      { consecutiveDeclines: 0 },
      { consecutiveDeclines: 2.5 },
    ]) {
      expect(healthTriggers(months(1, 2), options)).toMatchObject({
        ok: false,
        reason: 'invalid_option',
      });
    }
  });

  const pointArb = fc.record({
    at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    score: fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 110 }),
  });

  it('never throws, counts every point as used or ignored, and reports finite numbers', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { maxLength: 30 }), (points) => {
        const r = healthTriggers(points);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.ignored).toBe(points.filter((p) => p.score < 0 || p.score > 100).length);
        for (const t of r.triggers) {
          expect(Number.isFinite(t.from.score) && Number.isFinite(t.to.score)).toBe(true);
          if (t.type !== 'entered_at_risk' && t.type !== 'entered_critical') {
            expect(Number.isFinite(t.drop)).toBe(true);
          }
        }
      }),
    );
    const raw = fc.record({ at: fc.oneof(fc.double(), fc.string()), score: fc.double() });
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 20 }), (points) => {
        const r = healthTriggers(points);
        expect(r.ok).toBe(true);
      }),
    );
  });

  it('does not depend on input order (same triggers for any permutation)', () => {
    const distinct = fc.uniqueArray(pointArb, { maxLength: 15, selector: (p) => p.at });
    fc.assert(
      fc.property(distinct, (points) => {
        expect(healthTriggers([...points].reverse())).toEqual(healthTriggers(points));
      }),
    );
  });

  it('fires score_drop exactly for each drop of more than dropPoints between neighbours', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 20 }), (scores) => {
        const r = healthTriggers(months(...scores).slice(0, 12));
        if (!r.ok) return;
        let expected = 0;
        for (let i = 1; i < Math.min(scores.length, 12); i++) {
          if ((scores[i - 1] ?? 0) - (scores[i] ?? 0) > 20) expected++;
        }
        expect(r.triggers.filter((t) => t.type === 'score_drop').length).toBe(expected);
      }),
    );
  });
});
