import { type CalcFailure, fail, isFiniteNumber } from './result.js';

/**
 * What the kit already knows about a customer's business outcomes (seed 002 "Business Outcomes
 * Scoring": goal achievement, ROI realisation, success milestone completion). Each may be null
 * when unknown.
 */
export interface HealthOutcomesInput {
  /** The success score of the customer's goals, 0..100 (see `successScore`). */
  readonly goalAchievement: number | null;
  /** The ROI multiplier realised so far: delivered value / investment (see `roi`). */
  readonly roiMultiplier: number | null;
  /** Milestones achieved, and milestones due (achieved, or past their target date). */
  readonly milestonesAchieved: number | null;
  readonly milestonesDue: number | null;
}

/** The parts of the derived business outcomes score, each 0..100, null when unknown. */
export interface HealthOutcomesParts {
  readonly goal_achievement: number | null;
  /** min(ROI multiplier, 1) x 100: value that covers the investment scores full marks. */
  readonly roi_realised: number | null;
  /** achieved / due x 100. */
  readonly milestones_completed: number | null;
}

/** The derived business outcomes score with the parts it is the mean of. */
export interface HealthOutcomesSuccess {
  readonly ok: true;
  readonly score: number;
  readonly parts: HealthOutcomesParts;
}

/** Result of {@link healthOutcomes}. */
export type HealthOutcomesResult = HealthOutcomesSuccess | CalcFailure<'no_inputs'>;

const clamp = (v: number) => Math.min(100, Math.max(0, v));

/**
 * The business outcomes component of the health score, derived from what the kit knows when it
 * is not given: the mean of the known parts among goal achievement (the success score), ROI
 * realised (min(ROI multiplier, 1) x 100) and milestones completed (achieved / due x 100).
 * Unknown parts are left out; with none known there is no score.
 *
 * @example
 * healthOutcomes({ goalAchievement: 80, roiMultiplier: 4.19, milestonesAchieved: 3, milestonesDue: 4 });
 * // { ok: true, score: 85, parts: { goal_achievement: 80, roi_realised: 100, milestones_completed: 75 } }
 */
export function healthOutcomes(input: HealthOutcomesInput): HealthOutcomesResult {
  const goal = isFiniteNumber(input?.goalAchievement) ? clamp(input.goalAchievement) : null;
  const roiM = input?.roiMultiplier;
  const roi = isFiniteNumber(roiM) ? clamp(Math.min(roiM, 1) * 100) : null;
  const achieved = input?.milestonesAchieved;
  const due = input?.milestonesDue;
  const milestones =
    isFiniteNumber(achieved) && isFiniteNumber(due) && due > 0 && achieved >= 0
      ? clamp((achieved / due) * 100)
      : null;
  const parts: HealthOutcomesParts = {
    goal_achievement: goal,
    roi_realised: roi,
    milestones_completed: milestones,
  };
  const known = [goal, roi, milestones].filter((v): v is number => v !== null);
  if (known.length === 0) {
    return fail(
      'no_inputs',
      'No business outcomes known: no goal with progress, no ROI and no milestone due. Give outcomes.',
    );
  }
  return { ok: true, score: known.reduce((a, b) => a + b, 0) / known.length, parts };
}
