import { portfolioSummary, roi, successScore, valueOfGoals } from '@cscx/success-calc';
import { isoTimestamp } from '../clock.js';
import type {
  Customer,
  CustomerSuccessMetrics,
  GoalCounts,
  SuccessScore,
  ValueDelivered,
} from '../contract.js';
import type { CustomerRecord } from '../repo/customers.js';
import type { GoalRecord } from '../repo/goals.js';
import type { MilestoneRecord } from '../repo/milestones.js';
import { type DerivedGoal, deriveGoal } from './goal.js';
import { deriveMilestone } from './milestone.js';
import type { Window } from './period.js';

export function toCustomer(c: CustomerRecord): Customer {
  return {
    id: c.id,
    name: c.name,
    segment: c.segment,
    industry: c.industry,
    csm_id: c.csm_id,
    currency: c.currency,
    contract_start: c.contract_start,
    investment: c.investment,
    parent_id: c.parent_id,
    version: c.version,
  };
}

/** Goals counted by status and the achievement rate, by calc's `portfolioSummary`. */
export function goalCounts(c: CustomerRecord, goals: readonly DerivedGoal[]): GoalCounts {
  const s = portfolioSummary([
    {
      id: c.id,
      investment: c.investment,
      totalValue: 0,
      goals: goals.map((g) => ({ status: g.status })),
    },
  ]);
  return {
    total: s.goals,
    achieved: s.achieved,
    on_track: s.onTrack,
    at_risk: s.atRisk,
    missed: s.missed,
    not_started: s.notStarted,
    achievement_rate: s.achievementRate,
  };
}

const NO_VALUE = {
  timeSavedHours: 0,
  timeSavedValue: 0,
  costReduction: 0,
  revenueImpact: 0,
  totalValue: 0,
  projected: { timeSavedHours: 0, totalValue: 0 },
} as const;

/**
 * Value delivered by every goal's drivers and the ROI against the investment, by calc's
 * `valueOfGoals`: a goal with no measurement delivers nothing, and the value at target is
 * reported apart (`projected_value`), never in the total or ROI. The portfolio and the
 * benchmarks take their value and ROI from here too, so every view shows one delivered figure.
 */
export function valueDeliveredOf(c: CustomerRecord, goals: readonly DerivedGoal[]): ValueDelivered {
  const value = valueOfGoals(goals.map((g) => g.value));
  const v = value.ok ? value : NO_VALUE;
  const r = roi({ value: v.totalValue, investment: c.investment });
  return {
    time_saved_hours: v.timeSavedHours,
    time_saved_value: v.timeSavedValue,
    cost_reduction: v.costReduction,
    revenue_impact: v.revenueImpact,
    total_value: v.totalValue,
    investment: c.investment,
    roi_multiplier: r.ok ? r.multiplier : null,
    roi_pct: r.ok ? r.percent : null,
    net_return_pct: r.ok ? r.netReturnPercent : null,
    roi_note: r.ok ? null : r.message,
    projected_value: v.projected.totalValue,
    projected_hours: v.projected.timeSavedHours,
  };
}

/** PRD-069's success score by calc, from each goal's metric-capped progress and weight. */
export function successScoreOf(goals: readonly DerivedGoal[]): SuccessScore {
  const s = successScore(goals.map((g) => ({ percent: g.scorePercent, weight: g.record.weight })));
  return s.ok
    ? { score: s.score, band: s.band, note: null }
    : { score: null, band: null, note: s.message };
}

/** Everything the customer views derive from: the goals as of the window's end. */
export interface CustomerView {
  readonly customer: CustomerRecord;
  readonly window: Window;
  readonly goals: readonly DerivedGoal[];
  readonly milestones: readonly MilestoneRecord[];
}

export function customerView(
  customer: CustomerRecord,
  window: Window,
  goals: readonly GoalRecord[],
  milestones: readonly MilestoneRecord[],
): CustomerView {
  return {
    customer,
    window,
    goals: goals.map((g) => deriveGoal(g, window, customer.currency)),
    milestones,
  };
}

function inWindow(day: string | null, w: Window): boolean {
  return day !== null && (w.start === null || day >= w.start) && day <= w.end;
}

/** A milestone belongs to a window when it is planned or achieved inside it. */
export function milestonesInWindow(ms: readonly MilestoneRecord[], w: Window): MilestoneRecord[] {
  return ms.filter((m) => inWindow(m.target_date, w) || inWindow(m.achieved_date, w));
}

/** `getCustomerSuccessMetrics` (PRD-165 §6.2). */
export function customerSuccessMetrics(view: CustomerView, now: Date): CustomerSuccessMetrics {
  const { customer: c, window: w, goals } = view;
  const achieved = view.milestones
    .filter((m) => inWindow(m.achieved_date, w))
    .sort((a, b) =>
      a.achieved_date! < b.achieved_date! ? -1 : a.achieved_date! > b.achieved_date! ? 1 : 0,
    )
    .map((m) => ({ name: m.name, achieved_date: m.achieved_date!, description: m.description }));
  return {
    customer: toCustomer(c),
    metrics: {
      customer_id: c.id,
      period: w.period,
      period_start: w.start,
      period_end: w.end,
      currency: c.currency,
      goals: goalCounts(c, goals),
      value_delivered: valueDeliveredOf(c, goals),
      success_score: successScoreOf(goals),
      milestones: achieved.slice(0, 500),
    },
    goals: goals.slice(0, 200).map((g) => g.wire),
    milestones: milestonesInWindow(view.milestones, w)
      .slice(0, 500)
      .map((m) => deriveMilestone(m, w.end)),
    trends: goals.flatMap((g) => g.trends).slice(0, 200),
    as_of: isoTimestamp(now.getTime()),
  };
}
