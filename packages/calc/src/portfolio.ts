import type { GoalStatus } from './goal-status.js';
import { portfolioTally } from './portfolio-tally.js';

/** One customer as the portfolio summary reads it. */
export interface PortfolioCustomer {
  readonly id: string;
  readonly name?: string | undefined;
  /** ISO 4217 code; absent or `null` means `'USD'`. */
  readonly currency?: string | null | undefined;
  /** Annual contract value; `null`, 0 or negative: no ROI for this customer. */
  readonly investment: number | null;
  /** Annual value delivered (`valueDelivered(...).totalValue`), in `currency`. */
  readonly totalValue: number;
  /** Success or health score used to rank top performers; `null` or absent: unscored. */
  readonly score?: number | null | undefined;
  readonly goals: readonly { readonly status: GoalStatus }[];
}

/** Options of {@link portfolioSummary}. */
export interface PortfolioOptions {
  /** How many top performers to return; default 5, a whole number >= 0. */
  readonly top?: number | undefined;
}

/** A top-ranked customer. */
export interface TopPerformer {
  readonly id: string;
  readonly name?: string;
  /** achieved / goals x 100; `null` without goals. */
  readonly achievementRate: number | null;
  /** ROI multiplier (value / investment); `null` when not computable. */
  readonly roi: number | null;
  readonly score: number | null;
}

/**
 * Portfolio success overview (PRD-165 section 6.2 `PortfolioSuccess`, section 11). Always
 * computable: customers whose data is unusable are left out and counted in `skipped`.
 */
export interface PortfolioSummary {
  readonly ok: true;
  /** Customers counted (all given minus `skipped`). */
  readonly customers: number;
  /**
   * Customers left out: not an object, `id` not text, `totalValue`/`investment`/`score` not a
   * finite number, `currency` not a non-empty text, `goals` not a list, a goal with an unknown
   * status, or a value that would make its currency's total overflow.
   */
  readonly skipped: number;
  readonly goals: number;
  readonly achieved: number;
  readonly onTrack: number;
  readonly atRisk: number;
  readonly missed: number;
  readonly notStarted: number;
  /**
   * achieved / goals x 100 over all goals; `null` when there are no goals (PRD-165 target > 75).
   * A not-started goal is in the denominator, not achieved, just as `successScore` counts it as 0
   * progress: both read an unmeasured goal as a goal with nothing delivered yet.
   */
  readonly achievementRate: number | null;
  /** Mean ROI multiplier over customers whose ROI is computable; `null` when none (target > 3). */
  readonly averageRoi: number | null;
  /** Sum of totalValue when all customers share one currency; `null` when mixed, 0 when empty. */
  readonly totalValue: number | null;
  /** The shared currency; `null` when mixed or when there are no customers. */
  readonly currency: string | null;
  /** Sum of totalValue per currency: money is never summed across currencies. */
  readonly valueByCurrency: Readonly<Record<string, number>>;
  /** Best first: by score, then achievement rate, then ROI (absent ranks last), then id. */
  readonly topPerformers: readonly TopPerformer[];
}

/**
 * Success across a portfolio of customers in one pass: goal counts by status, achievement rate,
 * average ROI, value per currency and the top performers (PRD-165 sections 4, 6.2 and 11).
 *
 * achievementRate = achieved / goals x 100; averageRoi = mean of value / investment over
 * customers with an investment above 0 (DESIGN.md "Formulas: ROI"). Top performers are kept with
 * a bounded insertion into a best-first list of at most `top` (O(n x top) at worst, about O(n)
when few customers enter the list), not a full sort. A `top` that is not a number means 5; a
 * fractional one is rounded down, a negative one is 0.
 *
 * @example
 * const r = portfolioSummary([
 *   { id: 'acme', investment: 68_000, totalValue: 285_000, goals: [{ status: 'achieved' }, { status: 'on_track' }] },
 *   { id: 'globex', investment: 150_000, totalValue: 275_400, goals: [{ status: 'achieved' }] },
 * ]);
 * // goals 3, achieved 2, achievementRate 66.66..., averageRoi (4.191... + 1.836) / 2,
 * // totalValue 560_400, currency 'USD', topPerformers[0].id 'globex' (rate 100 beats 50)
 */
export function portfolioSummary(
  customers: readonly PortfolioCustomer[],
  options?: PortfolioOptions,
): PortfolioSummary {
  const list: readonly PortfolioCustomer[] = Array.isArray(customers) ? customers : [];
  const tally = portfolioTally(list.length, options);
  for (let i = 0; i < list.length; i++) {
    const c: PortfolioCustomer | undefined = list[i];
    const currency = tally.check(c);
    if (currency === null) continue;
    const gs = c!.goals;
    // Count this customer's goals first: an unknown status skips the whole customer.
    let won = 0;
    let track = 0;
    let risk = 0;
    let lost = 0;
    let idle = 0;
    let j = 0;
    for (; j < gs.length; j++) {
      const g = gs[j];
      const s: unknown = g == null ? undefined : g.status;
      if (s === 'achieved') won++;
      else if (s === 'on_track') track++;
      else if (s === 'at_risk') risk++;
      else if (s === 'missed') lost++;
      else if (s === 'not_started') idle++;
      else break;
    }
    if (j < gs.length) continue;
    tally.add(c!, currency, won, track, risk, lost, idle);
  }
  return tally.summary();
}
