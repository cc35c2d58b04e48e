// The running totals of portfolioSummary, shared with portfolioFromMetrics
// (`@cscx/success-calc/portfolio-metrics`), which counts goal statuses from raw metrics without
// building the per-goal objects portfolioSummary reads: one set of rules for both. Not exported
// from the package.
import type {
  PortfolioCustomer,
  PortfolioOptions,
  PortfolioSummary,
  TopPerformer,
} from './portfolio.js';
import { isFiniteNumber } from './result.js';

/** A customer as the tally reads it: portfolioSummary's, whatever its goals hold. */
export type TalliedCustomer = Omit<PortfolioCustomer, 'goals'> & {
  readonly goals: readonly unknown[];
};

/** Whether a customer with these ranking keys ranks above `e` (false when there is no `e`). */
function ranksAbove(
  score: number | null,
  rate: number | null,
  roi: number | null,
  id: string,
  e: TopPerformer | undefined,
): boolean {
  if (e === undefined) return false;
  // Absent keys rank last.
  if (score !== e.score) return e.score === null || (score !== null && score > e.score);
  if (rate !== e.achievementRate) {
    return e.achievementRate === null || (rate !== null && rate > e.achievementRate);
  }
  if (roi !== e.roi) return e.roi === null || (roi !== null && roi > e.roi);
  return id < e.id;
}

/** What {@link portfolioTally} returns: check a customer, count its goals, then add it. */
export interface PortfolioTally {
  /**
   * The customer's currency when it can be counted; null when it is skipped: not an object,
   * `id` not text, `totalValue`/`investment`/`score` not finite, `currency` not a non-empty
   * text, `goals` not a list, or a value that would make its currency's total overflow.
   */
  check(c: TalliedCustomer | null | undefined): string | null;
  /** Counts a customer `check` accepted, with its goals by status. */
  add(
    c: TalliedCustomer,
    currency: string,
    won: number,
    track: number,
    risk: number,
    lost: number,
    idle: number,
  ): void;
  /** The summary of everyone added. */
  summary(): PortfolioSummary;
}

/**
 * Goal counts, ROI, value per currency and the top performers of `n` customers, one at a time
 * (`options.top` as portfolioSummary reads it). A closure over plain locals rather than a class:
 * its state minifies to one letter a name (the main entry's size budget).
 */
export function portfolioTally(n: number, options: PortfolioOptions | undefined): PortfolioTally {
  const t: unknown = options?.top;
  const top = isFiniteNumber(t) ? (t > 0 ? Math.floor(t) : 0) : 5;
  // Each ROI is pre-divided by n so that the sum of many huge ROIs cannot overflow.
  const share = 1 / (n || 1);
  let counted = 0;
  let goals = 0;
  let achieved = 0;
  let onTrack = 0;
  let atRisk = 0;
  let missed = 0;
  let notStarted = 0;
  let roiSum = 0;
  let roiCount = 0;
  let currency: string | null = null;
  let mixed = false;
  const valueByCurrency: Record<string, number> = Object.create(null);
  const best: TopPerformer[] = [];
  return {
    check(c) {
      if (c == null || typeof c !== 'object') return null;
      const { id, totalValue, investment, score } = c;
      const cur: unknown = c.currency ?? 'USD';
      return typeof id !== 'string' ||
        !isFiniteNumber(totalValue) ||
        !(investment == null || isFiniteNumber(investment)) ||
        !(score == null || isFiniteNumber(score)) ||
        typeof cur !== 'string' ||
        cur === '' ||
        !Array.isArray(c.goals) ||
        !isFiniteNumber((valueByCurrency[cur] ?? 0) + totalValue)
        ? null
        : cur;
    },
    add(c, cur, won, track, risk, lost, idle) {
      const { id, totalValue, investment } = c;
      const total = won + track + risk + lost + idle;
      counted++;
      goals += total;
      achieved += won;
      onTrack += track;
      atRisk += risk;
      missed += lost;
      notStarted += idle;
      valueByCurrency[cur] = (valueByCurrency[cur] ?? 0) + totalValue;
      if (currency === null) currency = cur;
      else if (cur !== currency) mixed = true;
      // roi() inlined (same formula and guards) to keep the loop free of result objects.
      let roi: number | null = null;
      if (investment != null && investment > 0) {
        const m = totalValue / investment;
        if (isFiniteNumber(m)) {
          roi = m;
          roiSum += m * share;
          roiCount++;
        }
      }
      if (top === 0) return;
      const rate = total > 0 ? (won / total) * 100 : null;
      const sc = c.score ?? null;
      // Walk up from the end of the best-first list to where this customer belongs.
      let k = best.length;
      while (ranksAbove(sc, rate, roi, id, best[k - 1])) k--;
      if (k >= top) return;
      const name = c.name;
      best.splice(
        k,
        0,
        typeof name === 'string'
          ? { id, name, achievementRate: rate, roi, score: sc }
          : { id, achievementRate: rate, roi, score: sc },
      );
      if (best.length > top) best.pop();
    },
    summary() {
      const averageRoi = roiCount > 0 ? roiSum * (n / roiCount) : null;
      return {
        ok: true,
        customers: counted,
        skipped: n - counted,
        goals,
        achieved,
        onTrack,
        atRisk,
        missed,
        notStarted,
        achievementRate: goals > 0 ? (achieved / goals) * 100 : null,
        // Finite by construction (each ROI / n summed, times n / count); the guard is for rounding.
        averageRoi: averageRoi !== null && isFiniteNumber(averageRoi) ? averageRoi : null,
        totalValue: mixed ? null : currency === null ? 0 : (valueByCurrency[currency] ?? 0),
        currency: mixed ? null : currency,
        valueByCurrency,
        topPerformers: best,
      };
    },
  };
}
