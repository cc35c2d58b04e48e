import { type CalcFailure, fail, invalidNumber, isFiniteNumber, must, tooLarge } from './result.js';

/** Inputs of {@link roi}: money in the same currency, annual. */
export interface RoiInput {
  /** Total value delivered (e.g. `valueDelivered(...).totalValue`). May be negative. */
  readonly value: number;
  /** What the customer pays (annual contract value). `null` or 0: not recorded. */
  readonly investment: number | null;
}

/** Return on investment as a multiplier and as percents. */
export interface RoiSuccess {
  readonly ok: true;
  /** value / investment (TC-165.2: 4.19, shown "4.2x"). */
  readonly multiplier: number;
  /** multiplier x 100 (PRD-069: 183.6, shown "184 %"). */
  readonly percent: number;
  /** (value - investment) / investment x 100: the gain beyond the money paid back. */
  readonly netReturnPercent: number;
}

/** Why {@link roi} cannot compute. */
export type RoiFailureReason = 'no_investment' | 'negative_investment' | 'invalid_number';

/** Result of {@link roi}. */
export type RoiResult = RoiSuccess | CalcFailure<RoiFailureReason>;

/**
 * Return on investment.
 *
 * multiplier = value / investment; percent = multiplier x 100; netReturnPercent = (value -
 * investment) / investment x 100 (DESIGN.md "Formulas: ROI", PRD-165 TC-165.2, PRD-069 "ROI
 * Calculation"). No investment recorded (0, `null`): `'no_investment'`.
 *
 * @example
 * roi({ value: 285_000, investment: 68_000 }); // { ok: true, multiplier: 4.191..., percent: 419.1..., netReturnPercent: 319.1... }
 * roi({ value: 275_400, investment: 150_000 }).ok; // true, percent 183.6
 * roi({ value: 285_000, investment: 0 }).ok; // false, reason 'no_investment'
 */
export function roi(input: RoiInput): RoiResult {
  const value: unknown = input?.value;
  const investment: unknown = input?.investment;
  if (!isFiniteNumber(value)) return invalidNumber('Value', value);
  if (investment == null || investment === 0) {
    return fail(
      'no_investment',
      "No investment recorded. Set the customer's investment to calculate ROI.",
    );
  }
  if (!isFiniteNumber(investment)) return invalidNumber('Investment', investment);
  if (investment < 0)
    return must('negative_investment', 'Investment', 'the amount paid, above 0', investment);
  const multiplier = value / investment;
  const percent = multiplier * 100;
  // Not multiplier - 1: the formula as written, so a report's note can quote it exactly.
  const netReturnPercent = ((value - investment) / investment) * 100;
  // A tiny investment can overflow the quotient: a finite check, not only a zero check.
  return isFiniteNumber(percent) && isFiniteNumber(netReturnPercent)
    ? { ok: true, multiplier, percent, netReturnPercent }
    : tooLarge('invalid_number');
}
