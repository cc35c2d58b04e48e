// Acme's report input and the variations the tests need: another name, many goals. Test-only.
import { REPORT_SECTIONS } from '../sections.js';
import type { ReportInput, ReportSection, SuccessGoal } from '../types.js';
import { ACME_ACCOUNT, ACME_METRICS } from './acme.js';

export const GENERATED_AT = '2026-04-30T09:00:00Z';

export function acmeInput(
  sections: readonly ReportSection[] = REPORT_SECTIONS,
  locale = 'en-US',
): ReportInput {
  return {
    metrics: ACME_METRICS,
    account: ACME_ACCOUNT,
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
