import {
  type CalcFailure,
  clamp,
  fail,
  finiteOr,
  isFiniteNumber,
  must,
  weightedMean,
} from './result.js';

/** A goal's share in the success score. */
export interface SuccessScoreGoal {
  /**
   * Goal progress in percent; `null` (no measurement yet: a not-started goal) counts as 0, as the
   * achievement rate counts such a goal as not achieved.
   */
  readonly percent: number | null;
  /** Relative weight, >= 0; absent or `null` means 1. */
  readonly weight?: number | null | undefined;
}

/** Success score band labels (PRD-069: "85/100 (Strong)"). */
export type SuccessBand = 'strong' | 'moderate' | 'weak';

/** Lowest score of each band above `weak`. */
export interface SuccessBands {
  readonly strong: number;
  readonly moderate: number;
}

/** Default bands: strong >= 80, moderate >= 60, else weak. */
export const DEFAULT_SUCCESS_BANDS: SuccessBands = { strong: 80, moderate: 60 };

/** Options of {@link successScore}. */
export interface SuccessScoreOptions {
  /** Band thresholds; a missing or non-finite one falls back to {@link DEFAULT_SUCCESS_BANDS}. */
  readonly bands?: Partial<SuccessBands> | undefined;
}

/** The success score, 0..100 unrounded, with its band. */
export interface SuccessScoreSuccess {
  readonly ok: true;
  readonly score: number;
  readonly band: SuccessBand;
  /** Goals that have progress. */
  readonly counted: number;
  /**
   * Goals without progress (`null` or not a number: not started), each counted as 0 progress at
   * its weight. `counted + skipped` is every goal.
   */
  readonly skipped: number;
}

/** Why {@link successScore} cannot compute. */
export type SuccessScoreFailureReason = 'no_goals' | 'no_progress' | 'invalid_weight';

/** Result of {@link successScore}. */
export type SuccessScoreResult = SuccessScoreSuccess | CalcFailure<SuccessScoreFailureReason>;

/**
 * The band of a success score: `strong` at or above `bands.strong`, `moderate` at or above
 * `bands.moderate`, else `weak`. Compared unrounded (79.99 is moderate).
 *
 * @example
 * successBand(85); // 'strong'
 * successBand(65); // 'moderate'
 * successBand(65, { moderate: 70 }); // 'weak'
 */
export function successBand(score: number, bands?: Partial<SuccessBands>): SuccessBand {
  return score >= finiteOr(bands?.strong, DEFAULT_SUCCESS_BANDS.strong)
    ? 'strong'
    : score >= finiteOr(bands?.moderate, DEFAULT_SUCCESS_BANDS.moderate)
      ? 'moderate'
      : 'weak';
}

/**
 * Success score: the weighted mean of goal progress, each capped to 0..100, with weights
 * normalised over every goal (PRD-069 "Success Score Calculation" sums over all goals; DESIGN.md
 * "Formulas: Success score").
 *
 * score = sum(clamp(percent, 0, 100) x weight) / sum(weight), over all goals, where a goal
 * without progress (not started: no measurement) counts as 0.
 *
 * Why 0 and not left out: the achievement rate (PRD-165: goals achieved / total goals, calc's
 * `portfolioSummary`) counts a not-started goal as a goal not achieved, and the score must treat
 * it the same way. Leaving it out would let one measured goal at 100 % score "Strong" while four
 * unmeasured ones leave the achievement rate at 20 %. Only when no goal has progress at all is
 * there no score (`no_progress`): nothing has been measured, so there is nothing to score yet.
 *
 * @example
 * successScore([{ percent: 140 }, { percent: 92 }, { percent: 65 }, { percent: 88 }, { percent: 100 }]);
 * // { ok: true, score: 89, band: 'strong', counted: 5, skipped: 0 }
 * successScore([{ percent: 100 }, { percent: null }]); // score 50: the not-started goal counts as 0
 * successScore([]); // { ok: false, reason: 'no_goals', message: 'No success goals defined.' }
 */
export function successScore(
  goals: readonly SuccessScoreGoal[],
  options?: SuccessScoreOptions,
): SuccessScoreResult {
  if (!Array.isArray(goals) || goals.length === 0) {
    return fail('no_goals', 'No success goals defined.');
  }
  const percents: number[] = [];
  const weights: number[] = [];
  let counted = 0;
  for (let i = 0; i < goals.length; i++) {
    const g: SuccessScoreGoal | undefined = goals[i];
    const w: unknown = g?.weight ?? 1;
    if (!isFiniteNumber(w) || w < 0)
      return must('invalid_weight', `Goal ${i + 1} weight`, '0 or more', w);
    const p = g?.percent;
    const measured = isFiniteNumber(p);
    if (measured) counted++;
    percents.push(measured ? clamp(p, 0, 100) : 0);
    weights.push(w);
  }
  if (counted === 0) {
    return fail('no_progress', 'No goal has progress yet. Record baselines and current values.');
  }
  const score = weightedMean(percents, weights);
  return isFiniteNumber(score)
    ? {
        ok: true,
        score,
        band: successBand(score, options?.bands),
        counted,
        skipped: goals.length - counted,
      }
    : fail('invalid_weight', 'All weights are 0. Give one a weight above 0.');
}
