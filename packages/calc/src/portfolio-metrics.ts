/**
 * `@cscx/success-calc/portfolio-metrics`: the portfolio summary straight from every goal's
 * metrics and dates, for a caller holding raw data for thousands of customers (a script, a
 * warehouse export, a page summarising a large book). The same figures as mapping each goal
 * through `goalProgress` and `goalStatus` and the result through `portfolioSummary`, without
 * building their per-goal result objects: at 10,000 customers x 5 goals x 3 metrics that path
 * spends most of its time allocating (bench/calc.bench.ts measures both against a plain loop).
 * Apart from the main entry, which keeps its size budget.
 *
 * @example
 * import { portfolioFromMetrics } from '@cscx/success-calc/portfolio-metrics';
 *
 * @packageDocumentation
 */
import { epochMsOrNaN, MS_PER_DAY } from './dates.js';
import { goalDays, plainGoalPercent, statusOnDays } from './goal-kernels.js';
import { type GoalMetricInput, goalProgress } from './goal-progress.js';
import type { GoalStatusInput, GoalStatusOptions } from './goal-status.js';
import type { PortfolioCustomer, PortfolioOptions, PortfolioSummary } from './portfolio.js';
import { portfolioTally } from './portfolio-tally.js';
import type { ProgressOptions } from './progress.js';

/** One goal as {@link portfolioFromMetrics} reads it: its metrics and its timeline. */
export interface MetricsGoal extends Omit<GoalStatusInput, 'percent'> {
  readonly metrics: readonly GoalMetricInput[];
}

/** A customer of {@link portfolioFromMetrics}: as `portfolioSummary`'s, with raw goals. */
export interface MetricsPortfolioCustomer extends Omit<PortfolioCustomer, 'goals'> {
  readonly goals: readonly MetricsGoal[];
}

/** Options of {@link portfolioFromMetrics}: those of goalProgress, goalStatus and portfolioSummary. */
export interface PortfolioFromMetricsOptions
  extends GoalStatusOptions,
    PortfolioOptions,
    ProgressOptions {}

/** Scratch for each goal's days: the loop runs to completion, so one is enough. */
const DAYS = /* @__PURE__ */ new Float64Array(2);

/**
 * `portfolioSummary` of the customers whose goals' statuses are, goal by goal,
 * `goalStatus({ ...goal, percent }, options).status` with `percent` from
 * `goalProgress(goal, options)` (null when it fails): the same result, equal field by field
 * (a property test holds the two paths together). A goal whose metrics are all plain is
 * computed without allocating; any other goal (a missing value, an explicit direction, the
 * ratio method) takes goalProgress's checked path. Customers are skipped exactly as
 * portfolioSummary skips them.
 *
 * @example
 * const r = portfolioFromMetrics(
 *   [
 *     {
 *       id: 'acme',
 *       investment: 68_000,
 *       totalValue: 285_000,
 *       goals: [
 *         {
 *           metrics: [{ baseline: 48, target: 24, current: 23 }],
 *           startDate: '2026-01-01',
 *           targetDate: '2026-06-30',
 *         },
 *       ],
 *     },
 *   ],
 *   { asOf: '2026-03-01' },
 * );
 * // r.goals 1, r.achieved 1 (104.17 % of the way from 48 to 24), r.averageRoi 4.19...
 */
export function portfolioFromMetrics(
  customers: readonly MetricsPortfolioCustomer[],
  options: PortfolioFromMetricsOptions,
): PortfolioSummary {
  const list: readonly MetricsPortfolioCustomer[] = Array.isArray(customers) ? customers : [];
  const tally = portfolioTally(list.length, options);
  const asOf = epochMsOrNaN(options?.asOf) / MS_PER_DAY;
  const plain = options?.method !== 'ratio';
  for (let i = 0; i < list.length; i++) {
    const c: MetricsPortfolioCustomer | undefined = list[i];
    const currency = tally.check(c);
    if (currency === null) continue;
    const gs = c!.goals;
    let won = 0;
    let track = 0;
    let risk = 0;
    let lost = 0;
    let idle = 0;
    for (let j = 0; j < gs.length; j++) {
      const g: MetricsGoal | undefined = gs[j];
      const inputs = g?.metrics;
      let percent =
        plain && Array.isArray(inputs) && inputs.length > 0 ? plainGoalPercent(inputs) : Number.NaN;
      if (Number.isNaN(percent)) {
        const p = goalProgress(g as MetricsGoal, options);
        percent = p.ok ? p.percent : Number.NaN;
      }
      goalDays(g?.startDate, g?.targetDate, DAYS);
      const s = statusOnDays(
        percent,
        g?.hasMeasurement !== false,
        asOf,
        DAYS[0]!,
        DAYS[1]!,
        options,
      );
      if (s === 'achieved') won++;
      else if (s === 'on_track') track++;
      else if (s === 'at_risk') risk++;
      else if (s === 'missed') lost++;
      else idle++;
    }
    tally.add(c!, currency, won, track, risk, lost, idle);
  }
  return tally.summary();
}
