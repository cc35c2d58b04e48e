/**
 * `@cscx/success-calc/rollup`: a parent account's success rolled up over itself and its
 * children (issue 16). Apart from the main entry: the server computes rollups, pages only show them.
 *
 * @example
 * import { accountRollup } from '@cscx/success-calc/rollup';
 *
 * @packageDocumentation
 */
import type { GoalStatus } from './goal-status.js';
import { portfolioSummary } from './portfolio.js';
import { isFiniteNumber } from './result.js';

/** One account of a rollup: the parent itself or one of its children. */
export interface RollupAccount {
  readonly id: string;
  /** ISO 4217 code; absent or `null` means `'USD'` (as `portfolioSummary`). */
  readonly currency?: string | null | undefined;
  /** Annual contract value in `currency`; `null`, 0 or negative: no weight in score or ROI. */
  readonly investment: number | null;
  /** Annual value delivered (measured only: never the projected value), in `currency`. */
  readonly totalValue: number;
  /** The account's success score, 0-100; `null`: unscored (no weight in the score). */
  readonly score: number | null;
  readonly goals: readonly { readonly status: GoalStatus }[];
}

/** One currency's share of a rollup: money is never summed across currencies. */
export interface RollupCurrency {
  readonly currency: string;
  /** Accounts in this currency. */
  readonly accounts: number;
  /** Sum of their delivered value. */
  readonly totalValue: number;
  /** Sum of their investments above 0. */
  readonly investment: number;
  /**
   * Investment-weighted mean of their ROI multipliers, which is sum of value / sum of
   * investment over the accounts with an investment above 0; `null` when none has one.
   */
  readonly roiMultiplier: number | null;
  /**
   * Investment-weighted mean of their success scores, over the accounts with both a score and
   * an investment above 0; `null` when none has both.
   */
  readonly successScore: number | null;
}

/** Why a rollup's overall score or ROI is `null`. */
export type RollupNoteReason = 'mixed_currencies' | 'no_investment' | null;

/** A parent account's success over itself and its children. Always computable. */
export interface AccountRollup {
  readonly ok: true;
  /** Accounts counted. */
  readonly accounts: number;
  /**
   * Accounts left out, as `portfolioSummary` leaves them out: `id` not text, a number not
   * finite, `currency` not a non-empty text, `goals` not a list, a goal with an unknown status,
   * or a sum that would overflow.
   */
  readonly skipped: number;
  readonly goals: number;
  readonly achieved: number;
  readonly onTrack: number;
  readonly atRisk: number;
  readonly missed: number;
  readonly notStarted: number;
  /** achieved / goals x 100; `null` without goals. */
  readonly achievementRate: number | null;
  /** One entry per currency, ordered by code. */
  readonly byCurrency: readonly RollupCurrency[];
  /** The one currency's weighted score; `null` when currencies are mixed or nothing weighs. */
  readonly successScore: number | null;
  /** The one currency's weighted ROI; `null` when currencies are mixed or nothing weighs. */
  readonly roiMultiplier: number | null;
  /** Why `successScore` or `roiMultiplier` is null; `null` when both are numbers. */
  readonly note: RollupNoteReason;
}

interface Sums {
  accounts: number;
  value: number;
  investment: number;
  roiValue: number;
  scoreSum: number;
  scoreWeight: number;
}

/**
 * Rolls a parent account's success up over itself and its children (issue 16): goals counted
 * across all of them (the statuses and achievement rate of `portfolioSummary`),
 * delivered value summed per currency, and score and ROI weighted by investment, per currency:
 *
 * - ROI = sum(value) / sum(investment) over accounts with an investment above 0, which is the
 *   investment-weighted mean of their multipliers (DESIGN.md "Formulas: ROI"). An account with
 *   no investment adds its value to its currency's total but nothing to ROI.
 * - score = sum(score x investment) / sum(investment) over accounts with a score and an
 *   investment above 0.
 *
 * Investments in different currencies cannot weigh against each other, so the overall
 * `successScore` and `roiMultiplier` are those of the single currency, and `null` with note
 * `'mixed_currencies'` when there are several (each `byCurrency` entry keeps its own), and
 * `'no_investment'` when the one currency has no account that weighs. Never NaN or Infinity: a
 * sum that would overflow leaves its account out (`skipped`).
 *
 * @example
 * const r = accountRollup([
 *   { id: 'parent', currency: 'USD', investment: 100_000, totalValue: 300_000, score: 90, goals: [{ status: 'achieved' }] },
 *   { id: 'child', currency: 'USD', investment: 50_000, totalValue: 0, score: 60, goals: [{ status: 'at_risk' }] },
 *   { id: 'new', currency: 'USD', investment: null, totalValue: 10_000, score: null, goals: [] },
 * ]);
 * // goals 2, achieved 1, achievementRate 50; byCurrency [{ currency: 'USD', totalValue: 310_000,
 * // investment: 150_000, roiMultiplier: 2, successScore: 80 }]; roiMultiplier 2, successScore 80
 */
export function accountRollup(accounts: readonly RollupAccount[]): AccountRollup {
  const list: readonly RollupAccount[] = Array.isArray(accounts) ? accounts : [];
  const sums = new Map<string, Sums>();
  const counted: RollupAccount[] = [];
  for (const a of list) {
    // Left out exactly as portfolioSummary leaves an account out (its checks, one place).
    if (portfolioSummary([a], { top: 0 }).customers !== 1) continue;
    const cur = a.currency ?? 'USD';
    const s = sums.get(cur) ?? {
      accounts: 0,
      value: 0,
      investment: 0,
      roiValue: 0,
      scoreSum: 0,
      scoreWeight: 0,
    };
    const inv = a.investment != null && a.investment > 0 ? a.investment : 0;
    const weighs = inv > 0 && a.score != null;
    const next: Sums = {
      accounts: s.accounts + 1,
      value: s.value + a.totalValue,
      investment: s.investment + inv,
      roiValue: s.roiValue + (inv > 0 ? a.totalValue : 0),
      scoreSum: s.scoreSum + (weighs ? (a.score as number) * inv : 0),
      scoreWeight: s.scoreWeight + (weighs ? inv : 0),
    };
    // A sum that would overflow leaves the account out rather than making a total Infinity.
    if (!Object.values(next).every(isFiniteNumber)) continue;
    sums.set(cur, next);
    counted.push(a);
  }
  // Goals by status and the achievement rate: portfolioSummary's, over the accounts counted.
  const p = portfolioSummary(counted, { top: 0 });
  const byCurrency: RollupCurrency[] = [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, s]) => {
      const roi = s.investment > 0 ? s.roiValue / s.investment : null;
      const score = s.scoreWeight > 0 ? s.scoreSum / s.scoreWeight : null;
      return {
        currency,
        accounts: s.accounts,
        totalValue: s.value,
        investment: s.investment,
        roiMultiplier: roi !== null && isFiniteNumber(roi) ? roi : null,
        // A weighted mean of 0-100 scores is within 0-100 but for rounding.
        successScore:
          score !== null && isFiniteNumber(score) ? Math.min(100, Math.max(0, score)) : null,
      };
    });
  const only = byCurrency.length === 1 ? byCurrency[0] : undefined;
  const successScore = only?.successScore ?? null;
  const roiMultiplier = only?.roiMultiplier ?? null;
  return {
    ok: true,
    accounts: counted.length,
    skipped: list.length - counted.length,
    goals: p.goals,
    achieved: p.achieved,
    onTrack: p.onTrack,
    atRisk: p.atRisk,
    missed: p.missed,
    notStarted: p.notStarted,
    achievementRate: p.achievementRate,
    byCurrency,
    successScore,
    roiMultiplier,
    note:
      byCurrency.length > 1
        ? 'mixed_currencies'
        : only && (successScore === null || roiMultiplier === null)
          ? 'no_investment'
          : null,
  };
}
