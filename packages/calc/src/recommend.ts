import type { GoalStatus } from './goal-status.js';
import { type MetricStatus, metricStatus } from './metric-status.js';
import { isFiniteNumber } from './result.js';

/**
 * A goal's category (PRD-165 section 6.1: GoalCategory).
 *
 * @example
 * const c: GoalCategory = 'efficiency';
 */
export type GoalCategory =
  | 'efficiency'
  | 'revenue'
  | 'cost'
  | 'quality'
  | 'adoption'
  | 'satisfaction'
  | 'custom';

/**
 * When an action should happen (PRD-069 "Recommended Actions": Immediate, This Week, This Month).
 *
 * @example
 * const p: RecommendationPriority = 'this_week';
 */
export type RecommendationPriority = 'immediate' | 'this_week' | 'this_month';

/**
 * One recommended action for a goal that needs attention, and the facts behind it.
 *
 * @example
 * const r: Recommendation = {
 *   priority: 'immediate',
 *   action: 'Schedule team training session',
 *   reason: 'System adoption at 69 % of target',
 * };
 */
export interface Recommendation {
  readonly priority: RecommendationPriority;
  readonly action: string;
  /** The lagging metrics that call for it ("System adoption at 69 % of target"), `; `-joined. */
  readonly reason: string;
}

/**
 * A goal's metric as {@link recommendActions} reads it.
 *
 * @example
 * const m: RecommendationMetric = { name: 'System adoption', percent: 68.9 };
 */
export interface RecommendationMetric {
  readonly name: string;
  readonly percent: number | null;
  /** Derived from `percent` with the default thresholds when absent. */
  readonly status?: MetricStatus | null | undefined;
}

/**
 * The goal {@link recommendActions} advises on.
 *
 * @example
 * const g: RecommendationGoal = { name: 'Goal 3', category: 'efficiency', status: 'at_risk' };
 */
export interface RecommendationGoal {
  readonly name?: string | undefined;
  readonly category: GoalCategory;
  readonly status: GoalStatus;
  readonly metrics?: readonly RecommendationMetric[] | undefined;
}

const PRIORITIES: readonly RecommendationPriority[] = ['immediate', 'this_week', 'this_month'];

/** The actions, each led by its priority's index in {@link PRIORITIES}. */
const ACTIONS = [
  '0Schedule team training session',
  '1Identify automation opportunities',
  '2Implement 3 quick-win automations',
  '1Schedule data validation training',
  '1Review detractor feedback with the customer',
  '1Review the expansion pipeline with the account team',
  '1Review cost drivers with the customer',
  '1Map process bottlenecks with the customer',
  '1Review lagging metrics with the goal owner',
  '0Review target and timeline with the customer',
  '1Record current values for metrics without data',
];
const OWNER = 8;
const MISSED = 9;
const NO_DATA = 10;

/** Keyword rules on a lagging metric's name, with the {@link ACTIONS} (indexes) each adds. */
const RULES: readonly (readonly [RegExp, readonly number[]])[] = [
  [/adopt|\btrain|usage|active user|onboard|login/i, [0]],
  [/automat|workflow/i, [1, 2]],
  [/error|accura|defect|correction|audit/i, [3]],
  [/\bnps\b|csat|satisf|sentiment|feedback/i, [4]],
  [/revenue|upsell|expansion|pipeline|\bdeals?\b|sales/i, [5]],
  [/cost|spend|saving/i, [6]],
  [/time|speed|resolution|latency|cycle/i, [7]],
];

/** The category's own action, for lagging metrics no keyword rule explains. */
const CATEGORY: Readonly<Record<GoalCategory, number>> = {
  efficiency: 1,
  revenue: 5,
  cost: 6,
  quality: 3,
  adoption: 0,
  satisfaction: 4,
  custom: OWNER,
};

type Draft = { priority: RecommendationPriority; action: string; reason: string };

/** Adds an action, or appends the reason to the same action already there (no duplicates). */
function add(out: Draft[], index: number, reason: string): void {
  const text = ACTIONS[index] ?? '';
  const action = text.slice(1);
  const same = out.find((r) => r.action === action);
  if (same) same.reason += `; ${reason}`;
  else out.push({ priority: PRIORITIES[Number(text[0])] ?? 'this_week', action, reason });
}

/**
 * Rule-based actions for a goal that is `at_risk` or `missed` (PRD-069: "Recommendations
 * generated for at-risk goals"); `[]` for any other status.
 *
 * Rules: a missed goal first gets an immediate "Review target and timeline with the customer".
 * Each lagging metric (status `at_risk` or `not_met`, given or derived from its percent by
 * {@link metricStatus}) is matched by name against keyword rules (adopt/train -> training now;
 * automat/workflow -> automation opportunities this week and quick wins this month;
 * error/accuracy -> data validation training; nps/csat -> detractor feedback; revenue/upsell ->
 * pipeline; cost -> cost drivers; time/speed -> process bottlenecks). Lagging metrics no rule
 * matches, or a goal with no lagging metric at all, get the category's action. Metrics without a
 * percent or status get "Record current values ...". Each action appears once, its `reason`
 * naming every metric behind it with its percent rounded; sorted immediate, this week, this
 * month.
 *
 * @example
 * recommendActions({
 *   category: 'efficiency',
 *   status: 'at_risk',
 *   metrics: [
 *     { name: 'Tasks/person/day', percent: 60 },
 *     { name: 'System adoption', percent: 68.9 },
 *     { name: 'Process automation', percent: 40 },
 *   ],
 * });
 * // [ { priority: 'immediate', action: 'Schedule team training session',
 * //     reason: 'System adoption at 69 % of target' },
 * //   { priority: 'this_week', action: 'Identify automation opportunities',
 * //     reason: 'Process automation at 40 % of target; Tasks/person/day at 60 % of target' },
 * //   { priority: 'this_month', action: 'Implement 3 quick-win automations',
 * //     reason: 'Process automation at 40 % of target' } ]
 */
export function recommendActions(goal: RecommendationGoal): Recommendation[] {
  const status = goal?.status;
  if (status !== 'at_risk' && status !== 'missed') return [];
  const label = (typeof goal.name === 'string' && goal.name.trim()) || 'The goal';
  const summary =
    status === 'missed' ? `${label} passed its target date unachieved` : `${label} is at risk`;
  const out: Draft[] = [];
  if (status === 'missed') add(out, MISSED, summary);
  const unexplained: string[] = [];
  let explained = false;
  const metrics: readonly (RecommendationMetric | null | undefined)[] = Array.isArray(goal.metrics)
    ? goal.metrics
    : [];
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i];
    const name = (typeof m?.name === 'string' && m.name) || `Metric ${i + 1}`;
    const percent = m?.percent;
    const s = m?.status ?? metricStatus(percent);
    if (s === null) add(out, NO_DATA, `${name} has no current value`);
    else if (s === 'at_risk' || s === 'not_met') {
      const fact = isFiniteNumber(percent)
        ? `${name} at ${Math.round(percent)} % of target`
        : `${name} is lagging`;
      let matched = false;
      for (const [pattern, actions] of RULES) {
        if (!pattern.test(name)) continue;
        matched = true;
        for (const a of actions) add(out, a, fact);
      }
      if (matched) explained = true;
      else unexplained.push(fact);
    }
  }
  if (unexplained.length > 0 || !explained) {
    const category = Object.hasOwn(CATEGORY, goal.category) ? CATEGORY[goal.category] : OWNER;
    add(out, category, unexplained.join('; ') || summary);
  }
  // Stable: within a priority, actions keep the order they were found in.
  return out.sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority));
}
