import {
  type CalcFailure,
  fail,
  invalidNumber,
  isFiniteNumber,
  must,
  weightedMean,
} from './result.js';

/** The four health score components, each scored 0..100 (seed 002 "Composite Health Score"). */
export interface HealthComponents {
  readonly usage: number;
  readonly outcomes: number;
  readonly relationship: number;
  readonly growth: number;
}

/** Relative weight of each component, >= 0; they need not sum to 100. */
export type HealthWeights = HealthComponents;

/** Seed 002 weights: usage 40 %, outcomes 25 %, relationship 20 %, growth 15 %. */
export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = {
  usage: 40,
  outcomes: 25,
  relationship: 20,
  growth: 15,
};

/** Health bands of seed 002 "Health Score Categories". */
export type HealthBand = 'excellent' | 'good' | 'at_risk' | 'critical';

/**
 * Lowest score of each band, best first (seed 002: 90-100 excellent, 70-89 good, 50-69 at risk,
 * 0-49 critical). Scores are compared unrounded, so 89.5 is good.
 */
export const HEALTH_BANDS: readonly { readonly band: HealthBand; readonly min: number }[] = [
  { band: 'excellent', min: 90 },
  { band: 'good', min: 70 },
  { band: 'at_risk', min: 50 },
  { band: 'critical', min: 0 },
];

/** The health score, 0..100 unrounded, with its band. */
export interface HealthScoreSuccess {
  readonly ok: true;
  readonly score: number;
  readonly band: HealthBand;
}

/** Why {@link healthScore} cannot compute. */
export type HealthScoreFailureReason = 'invalid_number' | 'out_of_range' | 'invalid_weights';

/** Result of {@link healthScore}. */
export type HealthScoreResult = HealthScoreSuccess | CalcFailure<HealthScoreFailureReason>;

const COMPONENTS = ['usage', 'outcomes', 'relationship', 'growth'] as const;

/**
 * The band of a health score (see {@link HEALTH_BANDS}); on the unrounded score, so 89.5 is
 * `good`, 90 is `excellent`. A score below 0 or not a number is `critical`.
 *
 * @example
 * healthBand(92); // 'excellent'
 * healthBand(89.5); // 'good'
 * healthBand(55); // 'at_risk'
 * healthBand(49.9); // 'critical'
 */
export function healthBand(score: number): HealthBand {
  for (const b of HEALTH_BANDS) if (score >= b.min) return b.band;
  return 'critical';
}

/**
 * Composite customer health score: the weighted mean of the four components.
 *
 * score = (usage x 40 + outcomes x 25 + relationship x 20 + growth x 15) / 100 with the default
 * weights; custom weights are normalised by their sum (seed 002 "Composite Health Score
 * Model", DESIGN.md "Formulas: Health score").
 *
 * @example
 * healthScore({ usage: 80, outcomes: 90, relationship: 70, growth: 60 });
 * // { ok: true, score: 77.5, band: 'good' }
 * healthScore({ usage: 80, outcomes: 90, relationship: 70, growth: 60 }, { usage: 1, outcomes: 1, relationship: 1, growth: 1 });
 * // { ok: true, score: 75, band: 'good' }
 */
export function healthScore(
  components: HealthComponents,
  weights: HealthWeights = DEFAULT_HEALTH_WEIGHTS,
): HealthScoreResult {
  const c: Partial<Record<keyof HealthComponents, unknown>> = components ?? {};
  const w: Partial<Record<keyof HealthWeights, unknown>> = weights ?? DEFAULT_HEALTH_WEIGHTS;
  const values: number[] = [];
  const shares: number[] = [];
  for (const k of COMPONENTS) {
    const v = c[k];
    const wk = w[k];
    if (!isFiniteNumber(v)) return invalidNumber(k, v);
    if (v < 0 || v > 100) return must('out_of_range', k, '0 to 100', v);
    if (!isFiniteNumber(wk) || wk < 0)
      return must('invalid_weights', `${k} weight`, '0 or more', wk);
    values.push(v);
    shares.push(wk);
  }
  const score = weightedMean(values, shares);
  return isFiniteNumber(score)
    ? { ok: true, score, band: healthBand(score) }
    : fail('invalid_weights', 'All weights are 0. Give one a weight above 0.');
}
