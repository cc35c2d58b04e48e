import { describe, expect, it } from 'vitest';
import {
  explainBenchmark,
  explainDriver,
  explainGoalProgress,
  explainGoalStatus,
  explainMetricProgress,
  explainRoi,
  explainSum,
  FORMULAS,
} from './explain.js';
import { goalValue, type ValueDriver } from './value.js';

describe('explain', () => {
  it('TC-165.1: 24 -> 12 at 11.5 is 104.17 % with the numbers in the text', () => {
    const d = explainMetricProgress(
      { baseline: 24, target: 12, current: 11.5 },
      { current: '/goals/0/metrics/0/current_value' },
    );
    expect(d.formula).toBe('metric_progress.baseline_relative');
    expect(d.result).toBeCloseTo(104.1667, 3);
    expect(d.text).toBe('(11.5 − 24) / (12 − 24) × 100 = 104.17 %');
    expect(d.rule).toBe('TC-165.1');
    expect(d.inputs).toContainEqual({
      name: 'current',
      value: 11.5,
      pointer: '/goals/0/metrics/0/current_value',
    });
  });

  it('says why when progress is not computable, never NaN', () => {
    const d = explainMetricProgress({ baseline: null, target: 12, current: 11.5 });
    expect(d.result).toBeNull();
    expect(d.text).toBe('Baseline not set. Cannot calculate progress.');
    const same = explainMetricProgress({ baseline: 12, target: 12, current: 11.5 });
    expect(same.result).toBeNull();
    expect(same.text).toMatch(/Target equals baseline/);
  });

  it('TC-165.2: ROI 285K / 68K = 4.19, shown 4.2x', () => {
    const d = explainRoi(285000, 68000, 'USD', 'multiplier');
    expect(d.formula).toBe('roi.multiplier');
    expect(d.result).toBeCloseTo(4.191, 3);
    expect(d.text).toBe('$285,000 / $68,000 = 4.19 (shown 4.2x)');
    expect(explainRoi(285000, 0, 'USD', 'multiplier')).toMatchObject({
      result: null,
      text: expect.stringMatching(/No investment/),
    });
  });

  it('PRD-165 7.2: a linked driver is 12.5 h x 150 x $50 = $93,750/month', () => {
    const driver: ValueDriver = {
      type: 'time_saved',
      unitsPerMonth: 150,
      hourlyRate: 50,
      metric: { baseline: 24, target: 12, current: 11.5 },
    };
    const v = goalValue({ measured: true, drivers: [driver] });
    if (!v.ok || !v.drivers[0]) throw new Error('value');
    const d = explainDriver(driver, v.drivers[0], 'USD', 'value');
    expect(d.formula).toBe('value.time_saved');
    expect(d.rule).toBe('PRD-165 7.2');
    expect(d.result).toBe(1_125_000);
    expect(d.text).toContain('24 → 11.5 measured gives 12.5 per unit');
    expect(d.text).toContain('12.5 h × 150 per month × $50/h = $93,750/month');
    expect(d.text).toContain('$1,125,000 a year');
    const atTarget = explainDriver(driver, v.drivers[0], 'USD', 'projected_value');
    expect(atTarget.result).toBe(12 * 150 * 50 * 12);
    expect(atTarget.text).toContain('24 → 12 measured gives 12 per unit');
    expect(explainDriver(driver, v.drivers[0], 'USD', 'measured_change').text).toBe(
      '24 − 11.5 = 12.5 measured change',
    );
  });

  it('sums the total value from its parts (PRD-165 mock-up: $185K + $100K)', () => {
    const d = explainSum(
      'value.total',
      [
        { name: 'time_saved_value', value: 0 },
        { name: 'cost_reduction', value: 185000 },
        { name: 'revenue_impact', value: 100000 },
      ],
      'USD',
    );
    expect(d.result).toBe(285000);
    expect(d.text).toBe('$0 + $185,000 + $100,000 = $285,000');
  });

  it('keeps a long sum to one sentence: the first terms, then how many more', () => {
    const terms = Array.from({ length: 500 }, (_, i) => ({ name: `d${i}`, value: 1000 }));
    const d = explainSum('value.sum', terms, 'USD');
    expect(d.result).toBe(500_000);
    expect(d.text).toBe(`${Array(10).fill('$1,000').join(' + ')} + … (490 more) = $500,000`);
    expect(d.inputs).toHaveLength(500);
  });

  it('names the status rule that decided', () => {
    const d = explainGoalStatus(
      { percent: 104.17, startDate: '2026-01-01', targetDate: '2026-06-30' },
      { asOf: '2026-04-01' },
      'status',
    );
    expect(d).toMatchObject({ formula: 'goal_status', result: 'achieved' });
    expect(d.text).toBe('104.17 % ≥ 100 %: achieved');
  });

  it('weights goal progress and ranks among peers with the numbers filled in', () => {
    expect(
      explainGoalProgress([
        { value: 104.17, weight: 1 },
        { value: 50, weight: 1 },
      ]),
    ).toMatchObject({
      formula: 'goal_progress.weighted_mean',
      text: '(104.17 × 1 + 50 × 1) / 2 = 77.09 %',
    });
    expect(explainGoalProgress([{ value: null, weight: 1 }])).toMatchObject({ result: null });
    expect(explainBenchmark(80, [60, 70, 80, 90], 'percentile')).toMatchObject({
      formula: 'benchmark.percentile',
      result: 62.5,
      text: '(2 peers below + 1 tie / 2) / 4 peers × 100 = 62.5 %',
    });
    expect(explainBenchmark(80, [], 'peer_average').result).toBeNull();
  });

  it('has one entry per formula id, each with words and a rule', () => {
    for (const f of Object.values(FORMULAS)) {
      expect(f.words).toMatch(/\.$/);
      expect(f.rule).not.toBe('');
    }
  });
});

describe('health explanations', () => {
  it('writes the health score with its weights and band', async () => {
    const { explainHealthScore } = await import('./explain.js');
    const d = explainHealthScore({ usage: 80, outcomes: 90, relationship: 70, growth: 60 });
    expect(d.formula).toBe('health_score');
    expect(d.text).toBe(
      '(80 × 40 + 90 × 25 + 70 × 20 + 60 × 15) / 100 = 77.5 of 100: good (good from 70)',
    );
    expect(d.result).toBe(77.5);
  });

  it('writes derived outcomes from their parts', async () => {
    const { explainHealthOutcomes } = await import('./explain.js');
    const d = explainHealthOutcomes({
      goalAchievement: 80,
      roiMultiplier: 4.19,
      milestonesAchieved: 3,
      milestonesDue: 4,
    });
    expect(d.text).toBe(
      'Mean of goal achievement 80, ROI realised 100 (4.19x, capped at 1x) and milestones completed 75 (3 of 4 due) = 85',
    );
  });

  it('states a trigger with its dates and scores', async () => {
    const { explainHealthTrigger } = await import('./explain.js');
    const { healthTriggers } = await import('./health-triggers.js');
    const r = healthTriggers([
      { at: '2026-01-31', score: 92 },
      { at: '2026-02-28', score: 65 },
    ]);
    const texts = r.ok ? r.triggers.map((t) => explainHealthTrigger(t).text) : [];
    expect(texts).toEqual([
      'The score fell 27 points, from 92 on 2026-01-31 to 65 on 2026-02-28 (more than 20).',
      'The band became at risk: excellent at 92 on 2026-01-31, at risk at 65 on 2026-02-28.',
    ]);
  });
});
