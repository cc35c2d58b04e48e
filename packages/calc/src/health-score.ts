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

/**
 * The lowest score of the three upper bands; critical is everything below `at_risk`. A health
 * model per segment may move them (seed 002's 90 / 70 / 50 are {@link DEFAULT_HEALTH_BAND_MINIMUMS}).
 */
export interface HealthBandMinimums {
  readonly excellent: number;
  readonly good: number;
  readonly at_risk: number;
}

/** Seed 002 "Health Score Categories": excellent from 90, good from 70, at risk from 50. */
export const DEFAULT_HEALTH_BAND_MINIMUMS: HealthBandMinimums = {
  excellent: 90,
  good: 70,
  at_risk: 50,
};

/** The health score, 0..100 unrounded, with its band. */
export interface HealthScoreSuccess {
  readonly ok: true;
  readonly score: number;
  readonly band: HealthBand;
}

/** Why {@link healthScore} cannot compute. */
export type HealthScoreFailureReason =
  | 'invalid_number'
  | 'out_of_range'
  | 'invalid_weights'
  | 'invalid_bands';

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
 * healthBand(85, { excellent: 85, good: 65, at_risk: 45 }); // 'excellent'
 */
export function healthBand(score: number, bands?: HealthBandMinimums): HealthBand {
  if (bands === undefined) {
    for (const b of HEALTH_BANDS) if (score >= b.min) return b.band;
    return 'critical';
  }
  if (score >= bands.excellent) return 'excellent';
  if (score >= bands.good) return 'good';
  if (score >= bands.at_risk) return 'at_risk';
  return 'critical';
}

/**
 * Whether band minimums are usable: finite, excellent > good > at risk > 0, all at most 100.
 *
 * @example
 * validHealthBands({ excellent: 85, good: 65, at_risk: 45 }); // true
 * validHealthBands({ excellent: 60, good: 70, at_risk: 50 }); // false
 */
export function validHealthBands(bands: HealthBandMinimums): boolean {
  const { excellent, good, at_risk } = bands ?? {};
  return (
    isFiniteNumber(excellent) &&
    isFiniteNumber(good) &&
    isFiniteNumber(at_risk) &&
    excellent <= 100 &&
    excellent > good &&
    good > at_risk &&
    at_risk > 0
  );
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
  bands?: HealthBandMinimums,
): HealthScoreResult {
  if (bands !== undefined && !validHealthBands(bands)) {
    return fail(
      'invalid_bands',
      'Band minimums must be numbers with 100 >= excellent > good > at risk > 0.',
    );
  }
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
    ? { ok: true, score, band: healthBand(score, bands) }
    : fail('invalid_weights', 'All weights are 0. Give one a weight above 0.');
}

/** Customers per health band, and those without a health score (`no_data`). */
export interface HealthDistribution {
  readonly excellent: number;
  readonly good: number;
  readonly at_risk: number;
  readonly critical: number;
  readonly no_data: number;
}

/**
 * Seed 002's executive-dashboard distribution: how many customers fall in each band. A customer
 * without a health score (null, or anything that is not a band) counts as `no_data`, so the
 * counts always add up to the number of customers.
 *
 * @example
 * healthDistribution(['good', 'critical', null, 'good']);
 * // { excellent: 0, good: 2, at_risk: 0, critical: 1, no_data: 1 }
 */
export function healthDistribution(
  bands: Iterable<HealthBand | null | undefined>,
): HealthDistribution {
  const d = { excellent: 0, good: 0, at_risk: 0, critical: 0, no_data: 0 };
  for (const b of bands) {
    if (b === 'excellent' || b === 'good' || b === 'at_risk' || b === 'critical') d[b]++;
    else d.no_data++;
  }
  return d;
}
