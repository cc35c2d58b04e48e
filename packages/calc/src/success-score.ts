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
  /** Goal progress in percent; `null` (not computable yet) skips the goal. */
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
  /** Goals that have progress and count toward the score. */
  readonly counted: number;
  /** Goals skipped because their progress is not computable (`null` or not a number). */
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
 * normalised over the goals that count (PRD-069 "Success Score Calculation", DESIGN.md
 * "Formulas: Success score"). A goal without progress is skipped, not counted as 0.
 *
 * score = sum(clamp(percent, 0, 100) x weight) / sum(weight), over goals with progress.
 *
 * @example
 * successScore([{ percent: 140 }, { percent: 92 }, { percent: 65 }, { percent: 88 }, { percent: 100 }]);
 * // { ok: true, score: 89, band: 'strong', counted: 5, skipped: 0 }
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
  for (let i = 0; i < goals.length; i++) {
    const g: SuccessScoreGoal | undefined = goals[i];
    const w: unknown = g?.weight ?? 1;
    if (!isFiniteNumber(w) || w < 0)
      return must('invalid_weight', `Goal ${i + 1} weight`, '0 or more', w);
    const p = g?.percent;
    if (isFiniteNumber(p)) {
      percents.push(clamp(p, 0, 100));
      weights.push(w);
    }
  }
  const counted = percents.length;
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
