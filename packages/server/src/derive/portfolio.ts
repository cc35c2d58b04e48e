import { healthDistribution, portfolioSummary } from '@cscx/success-calc';
import { isoTimestamp } from '../clock.js';
import type { AtRiskGoal, CustomerSuccessSummary, PortfolioSuccess } from '../contract.js';
import type { CustomerRecord } from '../repo/customers.js';
import type { GoalRecord } from '../repo/goals.js';
import { goalCounts, successScoreOf, valueDeliveredOf } from './customer.js';
import { type DerivedGoal, deriveGoal } from './goal.js';
import type { HealthNow } from './health.js';
import type { Window } from './period.js';

/** One customer's row of the portfolio, and what the summary and benchmarks need from it. */
export interface CustomerSummary {
  readonly customer: CustomerRecord;
  readonly wire: CustomerSuccessSummary;
  readonly statuses: readonly { readonly status: DerivedGoal['status'] }[];
  readonly totalValue: number;
  readonly score: number | null;
  readonly achievementRate: number | null;
  readonly roiPct: number | null;
  readonly atRisk: readonly AtRiskGoal[];
}

/**
 * Every customer's summary as of the window's end (goals loaded with their latest values), with
 * its health now (`healthNow` of its latest observation; a customer missing from `health` has
 * none).
 */
export function customerSummaries(
  customers: readonly CustomerRecord[],
  goals: readonly GoalRecord[],
  window: Window,
  health: ReadonlyMap<string, HealthNow> = new Map(),
): Map<string, CustomerSummary> {
  const byCustomer = new Map<string, GoalRecord[]>();
  for (const g of goals) {
    const list = byCustomer.get(g.customer_id);
    if (list) list.push(g);
    else byCustomer.set(g.customer_id, [g]);
  }
  const out = new Map<string, CustomerSummary>();
  for (const c of customers) {
    const records = byCustomer.get(c.id) ?? [];
    const derived = records.map((g) => deriveGoal(g, window, c.currency));
    const counts = goalCounts(c, derived);
    const value = valueDeliveredOf(c, derived);
    const score = successScoreOf(derived);
    const h = health.get(c.id);
    const lastUpdated = records.reduce<number | null>(
      (m, g) => (m === null || g.updated_at > m ? g.updated_at : m),
      null,
    );
    out.set(c.id, {
      customer: c,
      statuses: derived.map((g) => ({ status: g.status })),
      totalValue: value.total_value,
      score: score.score,
      achievementRate: counts.achievement_rate,
      roiPct: value.roi_pct,
      atRisk: derived
        .filter((g) => g.status === 'at_risk')
        .map((g) => ({
          customer_id: c.id,
          customer_name: c.name,
          goal_id: g.record.id,
          name: g.record.name,
          achievement_pct: g.percent,
          expected_pct: g.expected,
          target_date: g.record.target_date,
        })),
      wire: {
        customer_id: c.id,
        name: c.name,
        segment: c.segment,
        csm_id: c.csm_id,
        currency: c.currency,
        goals_total: counts.total,
        goals_achieved: counts.achieved,
        goals_at_risk: counts.at_risk,
        achievement_rate: counts.achievement_rate,
        success_score: score.score,
        success_band: score.band,
        health_score: h?.score ?? null,
        health_band: h?.band ?? null,
        roi_multiplier: value.roi_multiplier,
        total_value: value.total_value,
        last_updated: lastUpdated === null ? null : isoTimestamp(lastUpdated),
        parent_id: c.parent_id,
        // The portfolio counts the children the token sees (withFamilies).
        children_count: 0,
      },
    });
  }
  return out;
}

const MAX_AT_RISK = 20;

/** How far behind its expected pace an at-risk goal is: used only to order the list. */
function behind(g: AtRiskGoal): number {
  return g.expected_pct === null || g.achievement_pct === null
    ? Number.NEGATIVE_INFINITY
    : g.expected_pct - g.achievement_pct;
}

/**
 * PRD-165 `PortfolioSuccess` over `rows` by calc's `portfolioSummary`, and its top performers
 * (ranked by calc: score, then achievement rate, then ROI, then id).
 */
export function portfolioOf(rows: readonly CustomerSummary[]): {
  summary: PortfolioSuccess;
  top: CustomerSuccessSummary[];
} {
  const s = portfolioSummary(
    rows.map((r) => ({
      id: r.customer.id,
      name: r.customer.name,
      currency: r.customer.currency,
      investment: r.customer.investment,
      totalValue: r.totalValue,
      score: r.score,
      goals: r.statuses,
    })),
    { top: 5 },
  );
  const byId = new Map(rows.map((r) => [r.customer.id, r.wire]));
  const atRisk = rows
    .flatMap((r) => r.atRisk)
    .sort((a, b) => behind(b) - behind(a) || (a.goal_id < b.goal_id ? -1 : 1))
    .slice(0, MAX_AT_RISK);
  return {
    summary: {
      customers: s.customers,
      goals: s.goals,
      achieved: s.achieved,
      on_track: s.onTrack,
      at_risk: s.atRisk,
      missed: s.missed,
      not_started: s.notStarted,
      achievement_rate: s.achievementRate,
      average_roi: s.averageRoi,
      total_value: s.totalValue,
      currency: s.currency,
      value_by_currency: { ...s.valueByCurrency },
      goals_at_risk: atRisk,
      health_distribution: healthDistribution(rows.map((r) => r.wire.health_band)),
    },
    top: s.topPerformers.flatMap((t) => {
      const row = byId.get(t.id);
      return row ? [row] : [];
    }),
  };
}
