// Acme's report input and the variations the tests need: another name, many goals. Test-only.
import { successBand } from '@cscx/success-calc';
import { accountRollup } from '@cscx/success-calc/rollup';
import { REPORT_SECTIONS } from '../sections.js';
import type {
  CustomerKpis,
  CustomerSuccessMetrics,
  ReportInput,
  ReportSection,
  SuccessGoal,
} from '../types.js';
import { ACME_ACCOUNT, ACME_METRICS } from './acme.js';
import { ACME_HEALTH, ACME_KPIS } from './acme-health.js';

export const GENERATED_AT = '2026-04-30T09:00:00Z';

/**
 * Every section a report of Acme may show: all of them but `rollup`, since Acme has no child
 * accounts ({@link asParent} makes it a parent).
 */
export const ACME_SECTIONS: readonly ReportSection[] = REPORT_SECTIONS.filter(
  (s) => s !== 'rollup',
);

export function acmeInput(
  sections: readonly ReportSection[] = ACME_SECTIONS,
  locale = 'en-US',
): ReportInput {
  return {
    metrics: ACME_METRICS,
    account: ACME_ACCOUNT,
    health: ACME_HEALTH,
    kpis: ACME_KPIS,
    sections,
    locale,
    generatedAt: GENERATED_AT,
  };
}

/** Acme under another name, everywhere the report prints the customer's name. */
export function renamed(input: ReportInput, name: string): ReportInput {
  return {
    ...input,
    metrics: { ...input.metrics, customer: { ...input.metrics.customer, name } },
    account: { ...input.account, customer: { ...input.account.customer, name } },
  };
}

/** `count` goals of two metrics each, named "Goal 01" ..., built from Acme's first goal. */
export function withGoals(input: ReportInput, count: number): ReportInput {
  const model = input.metrics.goals[0];
  const metric = model?.metrics[0];
  if (!model || !metric) throw new Error('Acme has goals');
  const goals: SuccessGoal[] = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      ...model,
      id: `goal_${n}`,
      name: `Goal ${n}`,
      metrics: [
        { ...metric, id: `met_${n}_a`, name: `Metric ${n}a`, current_value: 100 + i },
        { ...metric, id: `met_${n}_b`, name: `Metric ${n}b`, current_value: 200 + i },
      ],
    };
  });
  return { ...input, metrics: { ...input.metrics, goals } };
}

/** A customer with nothing recorded yet: no goals, value, milestones, trends or peers. */
export function empty(input: ReportInput): ReportInput {
  const m = input.metrics;
  const a = input.account;
  return {
    ...input,
    health: undefined,
    kpis: undefined,
    metrics: {
      ...m,
      goals: [],
      trends: [],
      metrics: {
        ...m.metrics,
        milestones: [],
        goals: { ...m.metrics.goals, total: 0, achieved: 0, achievement_rate: null },
        success_score: { score: null, band: null, note: 'No goals yet.' },
        value_delivered: {
          ...m.metrics.value_delivered,
          total_value: 0,
          roi_multiplier: null,
          roi_pct: null,
          net_return_pct: null,
          roi_note: 'No investment recorded.',
        },
      },
    },
    account: {
      ...a,
      recommendations: [],
      upcoming_milestones: [],
      benchmarks: null,
      benchmarks_note: 'Benchmarks need at least 5 peers in the segment.',
      value_summary: { ...a.value_summary, categories: [], roi_multiplier: null, roi_pct: null },
    },
  };
}

/**
 * Acme after a goal with $144,000 of value drivers and no measurement was added: nothing more is
 * delivered, $429,000 at target (issue 11).
 */
export function withProjected(input: ReportInput, projected = 429_000): ReportInput {
  const m = input.metrics;
  const a = input.account;
  return {
    ...input,
    metrics: {
      ...m,
      metrics: {
        ...m.metrics,
        value_delivered: { ...m.metrics.value_delivered, projected_value: projected },
      },
    },
    account: {
      ...a,
      value_summary: {
        ...a.value_summary,
        projected_value: projected,
        // The new goal's driver: its own category, nothing delivered until it is measured.
        categories: [
          ...a.value_summary.categories,
          {
            category: 'cost_reduction',
            label: 'Onboarding automation',
            annual_value: 0,
            annual_hours: 0,
            projected_value: projected - a.value_summary.total_value,
            projected_hours: 0,
            confidence: 'medium',
          },
        ],
      },
    },
  };
}

/**
 * Acme's health after a fall into critical: two active triggers (score drop and red zone
 * entry) whose causes carry markup, to prove the data stays text.
 */
export function critical(input: ReportInput, cause = 'Fell <b>fast</b> & "hard"'): ReportInput {
  const h = input.health;
  if (!h) throw new Error('Acme has health');
  const last = h.history.at(-1);
  if (!last) throw new Error('Acme has a health history');
  const from = { at: last.observed_on, score: last.score, band: last.band };
  const to = { at: '2026-04-29', score: 41.5, band: 'critical' as const };
  const triggers = [
    {
      type: 'score_drop' as const,
      at: to.at,
      from,
      to,
      drop: from.score - to.score,
      cause: `${cause}: 84.15 to 41.5`,
    },
    {
      type: 'entered_critical' as const,
      at: to.at,
      from,
      to,
      drop: from.score - to.score,
      cause:
        'The band became critical: good at 84.15 on 2026-04-27, critical at 41.5 on 2026-04-29.',
    },
  ];
  return {
    ...input,
    health: {
      ...h,
      as_of: to.at,
      score: to.score,
      band: to.band,
      history: [
        ...h.history,
        {
          observed_on: to.at,
          score: to.score,
          band: to.band,
          components: { usage: 30, outcomes: 50, relationship: 45, growth: 50 },
        },
      ],
      triggers: [...h.triggers, ...triggers],
      active_triggers: triggers,
    },
  };
}

/** Acme's KPIs with every value missing (a month of tickets only, say): nothing is computable. */
export function kpisUnmeasured(input: ReportInput): ReportInput {
  const k = input.kpis;
  if (!k) throw new Error('Acme has KPIs');
  const kpis = Object.fromEntries(
    Object.entries(k.kpis).map(([name, x]) => [
      name,
      {
        ...x,
        value: null,
        previous_value: null,
        rating: null,
        trend: null,
        reason: 'No input recorded for the month.',
      },
    ]),
  ) as CustomerKpis['kpis'];
  return { ...input, kpis: { ...k, kpis } };
}

type Rollup = NonNullable<CustomerSuccessMetrics['rollup']>;
type GoalStatus = SuccessGoal['status'];

/** A child account of {@link asParent}: its own figures, in its own currency. */
export interface ChildSpec {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly investment: number | null;
  readonly value: number;
  readonly score: number | null;
  readonly goals: readonly GoalStatus[];
}

/** Three children in Acme's currency, the demo's kind of group (Jasper Studios has three). */
export const USD_CHILDREN: readonly ChildSpec[] = [
  {
    id: 'cus_north',
    name: 'Acme North',
    currency: 'USD',
    investment: 40_000,
    value: 96_500,
    score: 72.4,
    goals: ['achieved', 'on_track', 'at_risk'],
  },
  {
    id: 'cus_south',
    name: 'Acme South & Partners <Retail>',
    currency: 'USD',
    investment: 25_000,
    value: 31_250,
    score: 58,
    goals: ['on_track', 'missed'],
  },
  {
    id: 'cus_labs',
    name: 'Acme Labs',
    currency: 'USD',
    investment: null,
    value: 0,
    score: null,
    goals: [],
  },
];

/** Children in two more currencies: the group has no single total. */
export const MIXED_CHILDREN: readonly ChildSpec[] = [
  { ...(USD_CHILDREN[0] as ChildSpec) },
  {
    id: 'cus_eu',
    name: 'Acme Europe GmbH',
    currency: 'EUR',
    investment: 52_000,
    value: 61_000,
    score: 81,
    goals: ['achieved', 'achieved', 'on_track'],
  },
  {
    id: 'cus_jp',
    name: 'Acme Japan',
    currency: 'JPY',
    investment: 9_000_000,
    value: 4_500_000,
    score: 44,
    goals: ['at_risk', 'not_started'],
  },
];

/**
 * Acme as a parent of `children`: its metrics carry the `rollup` the API would give, computed
 * here by calc's `accountRollup` over Acme's own figures and the children's (as the server's
 * derive/rollup.ts does), so the report's totals can be checked against calc.
 */
export function asParent(input: ReportInput, children: readonly ChildSpec[]): ReportInput {
  const m = input.metrics;
  const own = m.metrics;
  const r = accountRollup([
    {
      id: m.customer.id,
      currency: own.currency,
      investment: m.customer.investment ?? null,
      totalValue: own.value_delivered.total_value,
      score: own.success_score.score,
      goals: m.goals.map((g) => ({ status: g.status })),
    },
    ...children.map((c) => ({
      id: c.id,
      currency: c.currency,
      investment: c.investment,
      totalValue: c.value,
      score: c.score,
      goals: c.goals.map((status) => ({ status })),
    })),
  ]);
  const rollup: Rollup = {
    accounts: r.accounts,
    goals: {
      total: r.goals,
      achieved: r.achieved,
      on_track: r.onTrack,
      at_risk: r.atRisk,
      missed: r.missed,
      not_started: r.notStarted,
      achievement_rate: r.achievementRate,
    },
    by_currency: r.byCurrency.map((c) => ({
      currency: c.currency,
      accounts: c.accounts,
      total_value: c.totalValue,
      investment: c.investment,
      roi_multiplier: c.roiMultiplier,
      success_score: c.successScore,
    })),
    success_score: r.successScore,
    success_band: r.successScore === null ? null : successBand(r.successScore),
    roi_multiplier: r.roiMultiplier,
    note: r.note,
    children: children.map((c) => {
      const achieved = c.goals.filter((g) => g === 'achieved').length;
      return {
        customer_id: c.id,
        name: c.name,
        currency: c.currency,
        goals_total: c.goals.length,
        goals_achieved: achieved,
        goals_at_risk: c.goals.filter((g) => g === 'at_risk').length,
        achievement_rate: c.goals.length === 0 ? null : (achieved / c.goals.length) * 100,
        success_score: c.score,
        total_value: c.value,
        investment: c.investment,
        roi_multiplier: c.investment ? c.value / c.investment : null,
      };
    }),
  };
  return { ...input, metrics: { ...m, rollup } };
}
