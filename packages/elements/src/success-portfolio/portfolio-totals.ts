import {
  type HealthDistribution,
  healthDistribution,
  type PortfolioCustomer,
  type PortfolioSummary,
  portfolioSummary,
} from '@cscx/success-calc';
import type { CustomerSuccessSummary, PortfolioSuccess } from './portfolio-model.js';

// The summary cards' numbers, apart from portfolio-model.ts: only the portfolio's lazily loaded
// view computes them, so calc's portfolio summary stays out of the initial bundle.

const ACHIEVED = { status: 'achieved' } as const;
const AT_RISK = { status: 'at_risk' } as const;
const OTHER = { status: 'on_track' } as const;

/**
 * A summary row in the shape calc's `portfolioSummary` reads. The row has no investment, so it
 * is recovered from value / ROI (an ROI of 0 keeps ROI 0 with any positive investment); goals
 * other than achieved and at risk count as on track, which no card shows.
 */
export function toPortfolioCustomer(c: CustomerSuccessSummary): PortfolioCustomer {
  const roi = c.roi_multiplier;
  const investment = roi === null ? null : roi === 0 ? 1 : c.total_value / roi;
  const rest = Math.max(0, c.goals_total - c.goals_achieved - c.goals_at_risk);
  const goals = [
    ...Array<typeof ACHIEVED>(c.goals_achieved).fill(ACHIEVED),
    ...Array<typeof AT_RISK>(c.goals_at_risk).fill(AT_RISK),
    ...Array<typeof OTHER>(rest).fill(OTHER),
  ];
  return {
    id: c.customer_id,
    name: c.name,
    currency: c.currency,
    investment,
    totalValue: c.total_value,
    score: c.success_score,
    goals,
  };
}

/** The numbers of the summary cards. */
export interface Totals {
  readonly customers: number;
  readonly goals: number;
  readonly achievementRate: number | null;
  readonly averageRoi: number | null;
  readonly totalValue: number | null;
  readonly currency: string | null;
  readonly valueByCurrency: Readonly<Record<string, number>>;
  readonly goalsAtRisk: number;
  /** Customers per health band (seed 002's executive dashboard), by calc. */
  readonly health: HealthDistribution;
}

export function totalsFromApi(s: PortfolioSuccess): Totals {
  return {
    customers: s.customers,
    goals: s.goals,
    achievementRate: s.achievement_rate,
    averageRoi: s.average_roi,
    totalValue: s.total_value,
    currency: s.currency,
    valueByCurrency: s.value_by_currency,
    goalsAtRisk: s.at_risk,
    health: s.health_distribution,
  };
}

/** The cards' numbers for rows filtered on the client, computed by calc. */
export function totalsFromRows(rows: readonly CustomerSuccessSummary[]): Totals {
  const s: PortfolioSummary = portfolioSummary(rows.map(toPortfolioCustomer), { top: 0 });
  return {
    customers: s.customers,
    goals: s.goals,
    achievementRate: s.achievementRate,
    averageRoi: s.averageRoi,
    totalValue: s.totalValue,
    currency: s.currency,
    valueByCurrency: s.valueByCurrency,
    goalsAtRisk: s.atRisk,
    health: healthDistribution(rows.map((c) => c.health_band)),
  };
}
