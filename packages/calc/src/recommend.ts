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
  /** The action in English; {@link code} names it in any language. */
  readonly action: string;
  /** The lagging metrics that call for it ("System adoption at 69 % of target"), `; `-joined. */
  readonly reason: string;
  /** Which action: stable across versions and languages (the words come from `code`). */
  readonly code: RecommendationCode;
  /** The facts behind it, one per part of `reason`, to say them in another language. */
  readonly causes: readonly RecommendationCause[];
}

/**
 * The actions {@link recommendActions} can recommend.
 *
 * @example
 * const c: RecommendationCode = 'team_training'; // 'Schedule team training session'
 */
export type RecommendationCode =
  | 'team_training'
  | 'automation_opportunities'
  | 'quick_win_automations'
  | 'data_validation_training'
  | 'detractor_feedback'
  | 'expansion_pipeline'
  | 'cost_drivers'
  | 'process_bottlenecks'
  | 'owner_review'
  | 'target_timeline'
  | 'record_values';

/**
 * One fact behind a recommendation: a metric behind its target (`lagging`, with its percent
 * when known), a metric without a current value (`no_value`), or the goal itself `at_risk` or
 * `missed`. A metric's `index` is its position in the goal (0-based); a name that was empty is
 * `null` (it reads "Metric 2", "The goal").
 *
 * @example
 * const c: RecommendationCause = { kind: 'lagging', metric: 'System adoption', index: 0, percent: 69 };
 */
export type RecommendationCause =
  | {
      readonly kind: 'lagging';
      readonly metric: string | null;
      readonly index: number;
      /** Rounded to a whole percent; null when the status was given without a percent. */
      readonly percent: number | null;
    }
  | { readonly kind: 'no_value'; readonly metric: string | null; readonly index: number }
  | { readonly kind: 'at_risk' | 'missed'; readonly goal: string | null };

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
const ACTIONS: readonly (readonly [number, RecommendationCode, string])[] = [
  [0, 'team_training', 'Schedule team training session'],
  [1, 'automation_opportunities', 'Identify automation opportunities'],
  [2, 'quick_win_automations', 'Implement 3 quick-win automations'],
  [1, 'data_validation_training', 'Schedule data validation training'],
  [1, 'detractor_feedback', 'Review detractor feedback with the customer'],
  [1, 'expansion_pipeline', 'Review the expansion pipeline with the account team'],
  [1, 'cost_drivers', 'Review cost drivers with the customer'],
  [1, 'process_bottlenecks', 'Map process bottlenecks with the customer'],
  [1, 'owner_review', 'Review lagging metrics with the goal owner'],
  [0, 'target_timeline', 'Review target and timeline with the customer'],
  [1, 'record_values', 'Record current values for metrics without data'],
];

/**
 * The English words of every action, by code: the source text of any translation.
 *
 * @example
 * RECOMMENDATION_ACTIONS.team_training; // 'Schedule team training session'
 */
export const RECOMMENDATION_ACTIONS: Readonly<Record<RecommendationCode, string>> =
  /* @__PURE__ */ Object.fromEntries(ACTIONS.map(([, code, text]) => [code, text])) as Record<
    RecommendationCode,
    string
  >;

/**
 * A cause in English, as `reason` joins them (`; `). `name` gives a metric's or the goal's
 * words when they are null.
 *
 * @example
 * causeText({ kind: 'lagging', metric: 'NPS', index: 1, percent: 40 }); // 'NPS at 40 % of target'
 */
export function causeText(cause: RecommendationCause): string {
  switch (cause.kind) {
    case 'missed':
      return `${cause.goal ?? 'The goal'} passed its target date unachieved`;
    case 'at_risk':
      return `${cause.goal ?? 'The goal'} is at risk`;
    case 'no_value':
      return `${cause.metric ?? `Metric ${cause.index + 1}`} has no current value`;
    default: {
      const name = cause.metric ?? `Metric ${cause.index + 1}`;
      return cause.percent === null
        ? `${name} is lagging`
        : `${name} at ${cause.percent} % of target`;
    }
  }
}
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

type Draft = {
  priority: RecommendationPriority;
  action: string;
  reason: string;
  code: RecommendationCode;
  causes: RecommendationCause[];
};

/** Adds an action, or appends the causes to the same action already there (no duplicates). */
function add(out: Draft[], index: number, causes: readonly RecommendationCause[]): void {
  const [priority, code, action] = ACTIONS[index] ?? ACTIONS[OWNER]!;
  const reason = causes.map(causeText).join('; ');
  const same = out.find((r) => r.code === code);
  if (same) {
    same.reason += `; ${reason}`;
    same.causes.push(...causes);
  } else {
    out.push({
      priority: PRIORITIES[priority] ?? 'this_week',
      action,
      reason,
      code,
      causes: [...causes],
    });
  }
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
  const goalName = (typeof goal.name === 'string' && goal.name.trim()) || null;
  const summary: RecommendationCause =
    status === 'missed' ? { kind: 'missed', goal: goalName } : { kind: 'at_risk', goal: goalName };
  const out: Draft[] = [];
  if (status === 'missed') add(out, MISSED, [summary]);
  const unexplained: RecommendationCause[] = [];
  let explained = false;
  const metrics: readonly (RecommendationMetric | null | undefined)[] = Array.isArray(goal.metrics)
    ? goal.metrics
    : [];
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i];
    const metric = (typeof m?.name === 'string' && m.name) || null;
    const percent = m?.percent;
    const s = m?.status ?? metricStatus(percent);
    if (s === null) add(out, NO_DATA, [{ kind: 'no_value', metric, index: i }]);
    else if (s === 'at_risk' || s === 'not_met') {
      const fact: RecommendationCause = {
        kind: 'lagging',
        metric,
        index: i,
        percent: isFiniteNumber(percent) ? Math.round(percent) : null,
      };
      const name = metric ?? `Metric ${i + 1}`;
      let matched = false;
      for (const [pattern, actions] of RULES) {
        if (!pattern.test(name)) continue;
        matched = true;
        for (const a of actions) add(out, a, [fact]);
      }
      if (matched) explained = true;
      else unexplained.push(fact);
    }
  }
  if (unexplained.length > 0 || !explained) {
    const category = Object.hasOwn(CATEGORY, goal.category) ? CATEGORY[goal.category] : OWNER;
    add(out, category, unexplained.length > 0 ? unexplained : [summary]);
  }
  // Stable: within a priority, actions keep the order they were found in.
  return out.sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority));
}
