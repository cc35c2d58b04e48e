import {
  benchmark,
  type GoalValueInput,
  goalsOnTrackOrExceeded,
  roi,
  valueOfGoals,
} from '@cscx/success-calc';
import { isoTimestamp } from '../clock.js';
import type {
  AccountSuccessMetrics,
  BenchmarkRow,
  Benchmarks,
  GoalRecommendations,
  ValueCategory,
  ValueSummary,
} from '../contract.js';
import type { CustomerRecord } from '../repo/customers.js';
import type { StoredDriver } from '../repo/goals.js';
import { type CustomerView, goalCounts, successScoreOf, toCustomer } from './customer.js';
import type { BenchmarkInputs } from './explain.js';
import type { DerivedGoal } from './goal.js';
import { deriveMilestone } from './milestone.js';
import type { CustomerSummary } from './portfolio.js';

/** Fewer peers than this and a comparison could reveal one peer's numbers (openapi.yaml). */
export const MIN_PEERS = 5;
export const NOT_ENOUGH_PEERS = `Not enough peers in this segment to benchmark (at least ${MIN_PEERS} are needed).`;

interface Group {
  readonly drivers: StoredDriver[];
  /** Each driver as a one-driver goal: it keeps its own goal's measured state and metric. */
  readonly inputs: GoalValueInput[];
}

/**
 * PRD-069's value table: drivers grouped by type and label, each group summed by calc's
 * `valueOfGoals` (delivered only when its goal is measured; the value at target apart).
 */
export function valueSummary(c: CustomerRecord, goals: readonly DerivedGoal[]): ValueSummary {
  const groups = new Map<string, Group>();
  for (const g of goals) {
    g.record.value_drivers.forEach((d, i) => {
      const key = `${d.type}\u0000${d.label}`;
      const input = g.value.drivers[i];
      if (!input) return;
      const one = { measured: g.value.measured, drivers: [input] };
      const group = groups.get(key);
      if (group) {
        group.drivers.push(d);
        group.inputs.push(one);
      } else groups.set(key, { drivers: [d], inputs: [one] });
    });
  }
  const categories: ValueCategory[] = [];
  for (const { drivers, inputs } of groups.values()) {
    const first = drivers[0]!;
    const v = valueOfGoals(inputs);
    const confidences = new Set(drivers.map((d) => d.confidence));
    categories.push({
      category: first.type,
      label: first.label,
      annual_value: v.ok ? v.totalValue : 0,
      annual_hours: v.ok ? v.timeSavedHours : 0,
      projected_value: v.ok ? v.projected.totalValue : 0,
      projected_hours: v.ok ? v.projected.timeSavedHours : 0,
      confidence: confidences.size === 1 ? first.confidence : null,
    });
  }
  categories.sort(
    (a, b) =>
      b.annual_value - a.annual_value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  const all = valueOfGoals(goals.map((g) => g.value));
  const total = all.ok ? all.totalValue : 0;
  const r = roi({ value: total, investment: c.investment });
  return {
    categories: categories.slice(0, 100),
    time_saved_hours: all.ok ? all.timeSavedHours : 0,
    total_value: total,
    investment: c.investment,
    roi_pct: r.ok ? r.percent : null,
    roi_multiplier: r.ok ? r.multiplier : null,
    net_return_pct: r.ok ? r.netReturnPercent : null,
    roi_note: r.ok ? null : r.message,
    projected_value: all.ok ? all.projected.totalValue : 0,
    projected_hours: all.ok ? all.projected.timeSavedHours : 0,
    currency: c.currency,
  };
}

type RowMetric = BenchmarkRow['metric'];
const ROWS: readonly [RowMetric, string, (s: CustomerSummary) => number | null][] = [
  ['success_score', 'Success Score', (s) => s.score],
  ['achievement_rate', 'Goals Achieved', (s) => s.achievementRate],
  ['roi_pct', 'ROI', (s) => s.roiPct],
];

/** Each benchmark row's own value and its peers' values (what `?explain=true` explains). */
export function benchmarkInputs(
  self: CustomerSummary,
  peers: readonly CustomerSummary[],
): BenchmarkInputs {
  return {
    rows: ROWS.map(([, label, pick]) => ({
      label,
      value: pick(self),
      peers: peers.map(pick).filter((v): v is number => v !== null),
    })),
  };
}

/** The other customers of `self`'s segment. */
export function segmentPeers(
  self: CustomerSummary,
  all: Iterable<CustomerSummary>,
): CustomerSummary[] {
  const peers: CustomerSummary[] = [];
  for (const s of all) {
    if (s.customer.segment === self.customer.segment && s.customer.id !== self.customer.id)
      peers.push(s);
  }
  return peers;
}

/**
 * PRD-069's benchmark comparison: the customer against every other customer of its segment
 * (all of them, not only the token's scope: only averages and ranks leave, and only with at
 * least {@link MIN_PEERS} peers). Averages and percentile ranks by calc's `benchmark`.
 */
export function benchmarks(
  self: CustomerSummary,
  all: Iterable<CustomerSummary>,
): { benchmarks: Benchmarks | null; note: string | null } {
  const peers = segmentPeers(self, all);
  if (peers.length < MIN_PEERS) return { benchmarks: null, note: NOT_ENOUGH_PEERS };
  const inputs = benchmarkInputs(self, peers);
  const rows: BenchmarkRow[] = ROWS.map(([metric, label], i) => {
    const values = inputs.rows[i]?.peers ?? [];
    const value = inputs.rows[i]?.value ?? null;
    // The peer average does not depend on the value compared; calc needs one, so 0 when absent.
    const b = values.length > 0 ? benchmark(value ?? 0, values) : null;
    return {
      metric,
      label,
      value,
      peer_average: b?.ok ? b.peerAverage : null,
      percentile: b?.ok && value !== null ? b.percentile : null,
      peer_count: values.length,
    };
  });
  return {
    benchmarks: { segment: self.customer.segment, peer_count: peers.length, rows },
    note: null,
  };
}

const RISK_FIRST: Readonly<Record<string, number>> = { at_risk: 0, missed: 1 };

/**
 * The account view's goal order, as indexes into `goals`: at-risk goals first (PRD-069:
 * "At-risk goals prominently highlighted"), then missed, then the rest by target date.
 */
export function accountGoalOrder(goals: readonly DerivedGoal[]): number[] {
  return goals
    .map((g, i) => ({ g, i }))
    .sort((a, b) => (RISK_FIRST[a.g.status] ?? 2) - (RISK_FIRST[b.g.status] ?? 2) || a.i - b.i)
    .map((x) => x.i);
}

/** `getAccountSuccessMetrics` (PRD-069's account view). */
export function accountSuccessMetrics(
  view: CustomerView,
  now: Date,
  bench: { benchmarks: Benchmarks | null; note: string | null } | null,
): AccountSuccessMetrics {
  const { customer: c, window: w, goals } = view;
  const counts = goalCounts(c, goals);
  const values = valueSummary(c, goals);
  const ordered = accountGoalOrder(goals).map((i) => goals[i]!);
  // Derived goals always carry their recommendations; only a customer-facing projection
  // (derive/audience.ts) withholds them.
  const recommendations: GoalRecommendations[] = ordered.flatMap((g) => {
    const items = g.wire.recommendations ?? [];
    return (g.status === 'at_risk' || g.status === 'missed') && items.length > 0
      ? [{ goal_id: g.record.id, goal_name: g.record.name, status: g.status, items }]
      : [];
  });
  return {
    customer: toCustomer(c),
    period: w.period,
    period_start: w.start,
    period_end: w.end,
    as_of: isoTimestamp(now.getTime()),
    success_score: successScoreOf(goals),
    executive_summary: {
      goals_total: counts.total,
      // calc's rule, the one the dashboard's and the reports' summary lines state.
      goals_on_track_or_exceeded: goalsOnTrackOrExceeded({
        total: counts.total,
        achieved: counts.achieved,
        onTrack: counts.on_track,
      }),
      goals_at_risk: counts.at_risk,
      annual_value: values.total_value,
      currency: c.currency,
    },
    goals: ordered.slice(0, 200).map((g) => g.wire),
    value_summary: values,
    trends: goals.flatMap((g) => g.trends).slice(0, 200),
    benchmarks: bench?.benchmarks ?? null,
    benchmarks_note: bench?.note ?? null,
    upcoming_milestones: view.milestones
      .filter((m) => m.achieved_date === null || m.achieved_date > w.end)
      .slice(0, 50)
      .map((m) => deriveMilestone(m, w.end)),
    recommendations: recommendations.slice(0, 200),
  };
}
