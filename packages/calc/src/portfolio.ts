import type { GoalStatus } from './goal-status.js';
import { isFiniteNumber } from './result.js';

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
  const t: unknown = options?.top;
  const top = isFiniteNumber(t) ? (t > 0 ? Math.floor(t) : 0) : 5;
  const list: readonly PortfolioCustomer[] = Array.isArray(customers) ? customers : [];
  const n = list.length;
  let counted = 0;
  let goals = 0;
  let achieved = 0;
  let onTrack = 0;
  let atRisk = 0;
  let missed = 0;
  let notStarted = 0;
  // Each ROI is pre-divided by n so that the sum of many huge ROIs cannot overflow.
  const share = 1 / (n || 1);
  let roiSum = 0;
  let roiCount = 0;
  let currency: string | null = null;
  let mixed = false;
  const valueByCurrency: Record<string, number> = Object.create(null);
  const best: TopPerformer[] = [];
  for (let i = 0; i < n; i++) {
    const c: PortfolioCustomer | undefined = list[i];
    if (c == null || typeof c !== 'object') continue;
    const { id, totalValue, investment, score, goals: gs } = c;
    const cur: unknown = c.currency ?? 'USD';
    if (
      typeof id !== 'string' ||
      !isFiniteNumber(totalValue) ||
      !(investment == null || isFiniteNumber(investment)) ||
      !(score == null || isFiniteNumber(score)) ||
      typeof cur !== 'string' ||
      cur === '' ||
      !Array.isArray(gs)
    ) {
      continue;
    }
    const sum = (valueByCurrency[cur] ?? 0) + totalValue;
    if (!isFiniteNumber(sum)) continue;
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
    counted++;
    goals += gs.length;
    achieved += won;
    onTrack += track;
    atRisk += risk;
    missed += lost;
    notStarted += idle;
    valueByCurrency[cur] = sum;
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
    if (top === 0) continue;
    const rate = gs.length > 0 ? (won / gs.length) * 100 : null;
    const sc = score ?? null;
    // Walk up from the end of the best-first list to where this customer belongs.
    let k = best.length;
    while (ranksAbove(sc, rate, roi, id, best[k - 1])) k--;
    if (k >= top) continue;
    const name = c.name;
    best.splice(
      k,
      0,
      typeof name === 'string'
        ? { id, name, achievementRate: rate, roi, score: sc }
        : { id, achievementRate: rate, roi, score: sc },
    );
    if (best.length > top) best.pop();
  }
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
}
