// Acme's report input and the variations the tests need: another name, many goals. Test-only.
import { REPORT_SECTIONS } from '../sections.js';
import type { CustomerKpis, ReportInput, ReportSection, SuccessGoal } from '../types.js';
import { ACME_ACCOUNT, ACME_METRICS } from './acme.js';
import { ACME_HEALTH, ACME_KPIS } from './acme-health.js';

export const GENERATED_AT = '2026-04-30T09:00:00Z';

export function acmeInput(
  sections: readonly ReportSection[] = REPORT_SECTIONS,
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
