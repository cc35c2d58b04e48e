import { type CalcFailure, invalidNumber, isFiniteNumber, must, tooLarge } from './result.js';
import { type CountShareFailureReason, countShare, type PercentSuccess } from './service.js';

/**
 * Net revenue retention inputs, money in major units of one currency, all for the same period.
 * Contraction and churned ARR are positive amounts (what was lost), not negative deltas.
 */
export interface NrrInput {
  readonly startingArr: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churned: number;
}

/** Gross revenue retention inputs: {@link NrrInput} without expansion. */
export type GrrInput = Omit<NrrInput, 'expansion'>;

/** Why {@link nrr} or {@link grr} could not compute a percent. */
export type RetentionFailureReason =
  | 'invalid_number'
  | 'negative_input'
  | 'no_starting_arr'
  | 'out_of_range';

/** Failure reasons of {@link nrr}. */
export type NrrFailureReason = RetentionFailureReason;
/** Failure reasons of {@link grr}. */
export type GrrFailureReason = RetentionFailureReason;
/** Result of {@link nrr}. */
export type NrrResult = PercentSuccess | CalcFailure<NrrFailureReason>;
/** Result of {@link grr}. */
export type GrrResult = PercentSuccess | CalcFailure<GrrFailureReason>;

/** Customers lost in a period and customers at its start (whole numbers). */
export interface ChurnRateInput {
  readonly lost: number;
  readonly atStart: number;
}
/** Failure reasons of {@link churnRate}: those of {@link countShare}. */
export type ChurnRateFailureReason = CountShareFailureReason;
/** Result of {@link churnRate}. */
export type ChurnRateResult = PercentSuccess | CalcFailure<ChurnRateFailureReason>;

/**
 * Customer lifetime value inputs. `averageRevenue` and `churnRatePercent` must be for the same
 * period (annual revenue per customer with annual churn, or monthly with monthly).
 */
export interface ClvInput {
  readonly averageRevenue: number;
  readonly grossMarginPercent: number;
  readonly churnRatePercent: number;
}
/** Failure reasons of {@link clv}. */
export type ClvFailureReason = 'invalid_number' | 'negative_input' | 'out_of_range' | 'no_churn';
/** Success of {@link clv}: `value` in the revenue's currency, `lifetimePeriods` = 100 / churn. */
export interface ClvSuccess {
  readonly ok: true;
  readonly value: number;
  readonly lifetimePeriods: number;
}
/** Result of {@link clv}. */
export type ClvResult = ClvSuccess | CalcFailure<ClvFailureReason>;

/** CAC payback inputs: acquisition cost and monthly recurring revenue in one currency. */
export interface CacPaybackInput {
  readonly cac: number;
  readonly monthlyRevenue: number;
  readonly grossMarginPercent: number;
}
/** Failure reasons of {@link cacPayback}. */
export type CacPaybackFailureReason =
  | 'invalid_number'
  | 'negative_input'
  | 'out_of_range'
  | 'zero_denominator';
/** Success of {@link cacPayback}: months of gross profit needed to recover the CAC. */
export interface CacPaybackSuccess {
  readonly ok: true;
  readonly months: number;
}
/** Result of {@link cacPayback}. */
export type CacPaybackResult = CacPaybackSuccess | CalcFailure<CacPaybackFailureReason>;

const NRR_FIELDS = ['startingArr', 'expansion', 'contraction', 'churned'] as const;
const GRR_FIELDS = ['startingArr', 'contraction', 'churned'] as const;
const CLV_FIELDS = ['averageRevenue', 'grossMarginPercent', 'churnRatePercent'] as const;
const CAC_FIELDS = ['cac', 'monthlyRevenue', 'grossMarginPercent'] as const;

/** First invalid field of `input`, named by its key: not finite, negative, or a percent above 100. */
function check(
  input: unknown,
  fields: readonly string[],
): CalcFailure<'invalid_number' | 'negative_input' | 'out_of_range'> | undefined {
  for (const k of fields) {
    const x: unknown = (input as Record<string, unknown> | null | undefined)?.[k];
    if (!isFiniteNumber(x)) return invalidNumber(k, x);
    if (x < 0) return must('negative_input', k, '0 or more', x);
    if (x > 100 && k.endsWith('Percent')) return must('out_of_range', k, '0 to 100', x);
  }
  return undefined;
}

/** Shared body of NRR and GRR: `(start + expansion - contraction - churned) / start x 100`. */
function retention(input: GrrInput, fields: readonly string[], expansion: number): NrrResult {
  const bad = check(input, fields);
  if (bad) return bad;
  const { startingArr: s, contraction, churned } = input;
  if (s === 0) {
    return must('no_starting_arr', 'startingArr', 'above 0: the ARR at the start of the period', 0);
  }
  const lost = contraction + churned;
  if (lost > s + expansion) {
    return must(
      'out_of_range',
      'Lost ARR (contraction + churned)',
      `at most ${s + expansion}`,
      lost,
    );
  }
  const percent = ((s + expansion - lost) / s) * 100;
  return isFiniteNumber(percent) ? { ok: true, percent } : tooLarge('out_of_range');
}

/**
 * Net revenue retention in percent.
 *
 * Formula (seed 003 §3 NRR; seed 002 calls contraction "downgrades"):
 * `(startingArr + expansion - contraction - churned) / startingArr x 100`.
 * Fails with `no_starting_arr` when starting ARR is 0, and with `out_of_range` when more was
 * lost than these customers had.
 *
 * @example
 * nrr({ startingArr: 1_000_000, expansion: 150_000, contraction: 30_000, churned: 50_000 });
 * // { ok: true, percent: 107 }
 */
export function nrr(input: NrrInput): NrrResult {
  return retention(input, NRR_FIELDS, input?.expansion);
}

/**
 * Gross revenue retention in percent: retention without expansion, at most 100.
 *
 * Formula (seed 003 §3 GRR): `(startingArr - churned - contraction) / startingArr x 100`.
 * Seed 002 leaves contraction out; the project follows 003, which counts downgrades as lost.
 *
 * @example
 * grr({ startingArr: 1_000_000, contraction: 30_000, churned: 50_000 });
 * // { ok: true, percent: 92 }
 */
export function grr(input: GrrInput): GrrResult {
  return retention(input, GRR_FIELDS, 0);
}

/**
 * Customer churn rate in percent for one period.
 *
 * Formula (seed 003 §4): `customers lost during period / customers at start of period x 100`.
 * Counts must be whole numbers, `lost <= atStart` (else `out_of_range`), `atStart > 0` (else
 * `no_data`).
 *
 * @example
 * churnRate({ lost: 3, atStart: 150 }); // { ok: true, percent: 2 }
 */
export function churnRate(input: ChurnRateInput): ChurnRateResult {
  return countShare(input?.lost, input?.atStart, 'lost', 'atStart');
}

/**
 * Customer lifetime value in the revenue's currency.
 *
 * Formula (seed 002): `averageRevenue x grossMargin / churnRate`, margin and churn as fractions.
 * Revenue and churn rate must be for the same period (annual revenue with annual churn); the
 * expected lifetime is `100 / churnRatePercent` of those periods. A churn rate of 0 means an
 * unbounded lifetime and fails with `no_churn`.
 *
 * @example
 * clv({ averageRevenue: 12_000, grossMarginPercent: 80, churnRatePercent: 10 });
 * // { ok: true, value: 96_000, lifetimePeriods: 10 }
 */
export function clv(input: ClvInput): ClvResult {
  const bad = check(input, CLV_FIELDS);
  if (bad) return bad;
  const { averageRevenue, grossMarginPercent, churnRatePercent: churn } = input;
  if (churn === 0) {
    return must('no_churn', 'churnRatePercent', 'above 0 (at 0 lifetime value is unbounded)', 0);
  }
  // The /100 of margin and churn cancel out.
  const value = (averageRevenue * grossMarginPercent) / churn;
  const lifetimePeriods = 100 / churn;
  return isFiniteNumber(value) && isFiniteNumber(lifetimePeriods)
    ? { ok: true, value, lifetimePeriods }
    : tooLarge('out_of_range');
}

/**
 * Months to recover the customer acquisition cost from gross profit.
 *
 * Formula (seed 002): `cac / (monthlyRevenue x grossMargin%)`. Fails with `zero_denominator`
 * when monthly revenue or margin is 0 (the cost is never paid back).
 *
 * @example
 * cacPayback({ cac: 6_000, monthlyRevenue: 500, grossMarginPercent: 80 }); // { ok: true, months: 15 }
 */
export function cacPayback(input: CacPaybackInput): CacPaybackResult {
  const bad = check(input, CAC_FIELDS);
  if (bad) return bad;
  const profit = (input.monthlyRevenue * input.grossMarginPercent) / 100;
  if (profit === 0) {
    return must(
      'zero_denominator',
      'Monthly gross profit',
      'above 0, or CAC is never paid back',
      0,
    );
  }
  const months = input.cac / profit;
  return isFiniteNumber(months) ? { ok: true, months } : tooLarge('out_of_range');
}
