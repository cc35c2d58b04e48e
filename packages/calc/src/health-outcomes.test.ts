import { describe, expect, it } from 'vitest';
import { healthOutcomes } from './health-outcomes.js';

describe('healthOutcomes', () => {
  it('is the mean of goal achievement, ROI realised (capped at 1x) and milestones completed', () => {
    const r = healthOutcomes({
      goalAchievement: 80,
      roiMultiplier: 4.19,
      milestonesAchieved: 3,
      milestonesDue: 4,
    });
    expect(r).toEqual({
      ok: true,
      score: 85,
      parts: { goal_achievement: 80, roi_realised: 100, milestones_completed: 75 },
    });
  });

  it('leaves unknown parts out of the mean (ROI 0.5x alone is 50)', () => {
    const r = healthOutcomes({
      goalAchievement: null,
      roiMultiplier: 0.5,
      milestonesAchieved: 0,
      milestonesDue: 0,
    });
    expect(r.ok && r.score).toBe(50);
    expect(r.ok && r.parts.milestones_completed).toBeNull();
  });

  it('fails with no_inputs when nothing is known, never NaN', () => {
    const r = healthOutcomes({
      goalAchievement: Number.NaN,
      roiMultiplier: null,
      milestonesAchieved: null,
      milestonesDue: null,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('no_inputs');
  });
});

describe('health bands of a model', () => {
  it('moves the band minimums: 85 is excellent with 85 / 65 / 45, good with the defaults', async () => {
    const { healthBand, healthScore } = await import('./health-score.js');
    const bands = { excellent: 85, good: 65, at_risk: 45 };
    expect(healthBand(85, bands)).toBe('excellent');
    expect(healthBand(85)).toBe('good');
    expect(healthBand(44.9, bands)).toBe('critical');
    const r = healthScore(
      { usage: 85, outcomes: 85, relationship: 85, growth: 85 },
      undefined,
      bands,
    );
    expect(r.ok && r.band).toBe('excellent');
    const bad = healthScore({ usage: 1, outcomes: 1, relationship: 1, growth: 1 }, undefined, {
      excellent: 50,
      good: 60,
      at_risk: 10,
    });
    expect(!bad.ok && bad.reason).toBe('invalid_bands');
  });

  it('fires triggers on the model bands', async () => {
    const { healthTriggers } = await import('./health-triggers.js');
    const points = [
      { at: '2026-01-31', score: 72 },
      { at: '2026-02-28', score: 68 },
    ];
    const dflt = healthTriggers(points);
    const moved = healthTriggers(points, { bands: { excellent: 90, good: 65, at_risk: 40 } });
    expect(dflt.ok && dflt.triggers.map((t) => t.type)).toEqual(['entered_at_risk']);
    expect(moved.ok && moved.triggers).toEqual([]);
  });
});
