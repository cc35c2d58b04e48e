import type { GoalTemplateInput } from '../contract.js';

/** A template of the shipped library: a `createGoalTemplate` body with a fixed id. */
export interface LibraryTemplate extends GoalTemplateInput {
  readonly id: string;
}

/**
 * The shipped goal templates, read-only: one per goal of PRD-165 Appendix A ("Common Success
 * Goals by Category", with its typical metrics as the template's metrics), for any industry,
 * then industry variants of the efficiency goal. Baselines and targets are suggestions a CSM
 * adjusts per customer; where a baseline must be measured it is still given, as the typical
 * starting point, so progress can be shown from the first measurement. Each entry passes the
 * same validation as a manager's template (templates/library.test.ts).
 */
export const LIBRARY: readonly LibraryTemplate[] = [
  {
    id: 'tpl_reduce_process_time',
    name: 'Reduce process time',
    description:
      'PRD-165 Appendix A, efficiency: hours saved by automating a manual process, and the full-time equivalents they free.',
    industry: null,
    duration_days: 180,
    goal: {
      name: 'Reduce process time',
      description: 'Save hours every month on a manual process by automating it.',
      category: 'efficiency',
      metrics: [
        {
          name: 'Hours saved',
          unit: 'hours/month',
          direction: 'higher_is_better',
          baseline_value: 0,
          target_value: 200,
          data_source: 'Time tracking',
          frequency: 'monthly',
        },
        {
          name: 'FTE equivalent',
          unit: 'FTE',
          direction: 'higher_is_better',
          baseline_value: 0,
          target_value: 1.25,
          data_source: 'Hours saved / 160 h per FTE-month',
          frequency: 'monthly',
        },
      ],
      value_drivers: [
        {
          type: 'time_saved',
          label: 'Process time saved',
          confidence: 'medium',
          hours_per_month: 200,
          hourly_rate: 50,
        },
      ],
    },
    milestones: [
      { name: 'Baseline measured', offset_days: 0 },
      { name: 'Process automated', offset_days: 60 },
      { name: 'First quarterly value review', offset_days: 90 },
      { name: 'Target review', offset_days: 180 },
    ],
  },
  {
    id: 'tpl_increase_sales',
    name: 'Increase sales',
    description:
      'PRD-165 Appendix A, revenue: revenue generated and deals closed with the product.',
    industry: null,
    duration_days: 365,
    goal: {
      name: 'Increase sales',
      description: 'Grow the revenue and the number of deals attributed to the product.',
      category: 'revenue',
      metrics: [
        {
          name: 'Revenue generated',
          unit: 'currency/quarter',
          direction: 'higher_is_better',
          baseline_value: 0,
          target_value: 25000,
          data_source: 'CRM',
          frequency: 'quarterly',
        },
        {
          name: 'Deals closed',
          unit: 'deals/quarter',
          direction: 'higher_is_better',
          baseline_value: 20,
          target_value: 30,
          data_source: 'CRM',
          frequency: 'quarterly',
        },
      ],
      value_drivers: [
        {
          type: 'revenue_increase',
          label: 'Revenue impact',
          confidence: 'medium',
          annual_amount: 100000,
        },
      ],
    },
    milestones: [
      { name: 'Baseline measured', offset_days: 0 },
      { name: 'Sales team trained', offset_days: 30 },
      { name: 'First quarter review', offset_days: 90 },
      { name: 'Annual review', offset_days: 365 },
    ],
  },
  {
    id: 'tpl_reduce_expenses',
    name: 'Reduce expenses',
    description: 'PRD-165 Appendix A, cost: the cost reduction and the savings it brings.',
    industry: null,
    duration_days: 365,
    goal: {
      name: 'Reduce expenses',
      description: 'Cut the operating cost the product replaces or streamlines.',
      category: 'cost',
      metrics: [
        {
          name: 'Cost reduction',
          unit: '%',
          direction: 'higher_is_better',
          baseline_value: 0,
          target_value: 15,
          data_source: 'Finance',
          frequency: 'quarterly',
        },
        {
          name: 'Savings',
          unit: 'currency/year',
          direction: 'higher_is_better',
          baseline_value: 0,
          target_value: 185000,
          data_source: 'Finance',
          frequency: 'quarterly',
        },
      ],
      value_drivers: [
        {
          type: 'cost_reduction',
          label: 'Cost reduction',
          confidence: 'high',
          annual_amount: 185000,
        },
      ],
    },
    milestones: [
      { name: 'Cost baseline agreed with finance', offset_days: 0 },
      { name: 'Legacy tooling retired', offset_days: 120 },
      { name: 'Savings confirmed', offset_days: 365 },
    ],
  },
  {
    id: 'tpl_improve_accuracy',
    name: 'Improve accuracy',
    description: 'PRD-165 Appendix A, quality: a lower error rate and fewer defects.',
    industry: null,
    duration_days: 180,
    goal: {
      name: 'Improve accuracy',
      description: 'Lower the error rate of the process and the defects that reach customers.',
      category: 'quality',
      metrics: [
        {
          name: 'Error rate',
          unit: '%',
          direction: 'lower_is_better',
          baseline_value: 5,
          target_value: 1,
          data_source: 'Quality audits',
          frequency: 'monthly',
        },
        {
          name: 'Defect reduction',
          unit: '%',
          direction: 'higher_is_better',
          baseline_value: 0,
          target_value: 50,
          data_source: 'Defect tracker',
          frequency: 'monthly',
        },
      ],
      value_drivers: [
        {
          type: 'time_saved',
          label: 'Rework avoided',
          confidence: 'low',
          hours_per_month: 40,
          hourly_rate: 50,
        },
      ],
    },
    milestones: [
      { name: 'Error baseline audited', offset_days: 0 },
      { name: 'Validation rules live', offset_days: 45 },
      { name: 'Target review', offset_days: 180 },
    ],
  },
  {
    id: 'tpl_increase_usage',
    name: 'Increase usage',
    description: 'PRD-165 Appendix A, adoption: more active users and wider feature adoption.',
    industry: null,
    duration_days: 180,
    goal: {
      name: 'Increase usage',
      description: 'Bring more of the licensed users onto the product and its key features.',
      category: 'adoption',
      metrics: [
        {
          name: 'Active users',
          unit: 'users',
          direction: 'higher_is_better',
          baseline_value: 100,
          target_value: 250,
          data_source: 'Product analytics',
          frequency: 'monthly',
        },
        {
          name: 'Feature adoption',
          unit: '%',
          direction: 'higher_is_better',
          baseline_value: 30,
          target_value: 70,
          data_source: 'Product analytics',
          frequency: 'monthly',
        },
      ],
      value_drivers: [],
    },
    milestones: [
      { name: 'Usage baseline measured', offset_days: 0 },
      { name: 'Champions trained', offset_days: 30 },
      { name: 'All teams onboarded', offset_days: 120 },
      { name: 'Target review', offset_days: 180 },
    ],
  },
  {
    id: 'tpl_improve_nps',
    name: 'Improve NPS',
    description: 'PRD-165 Appendix A, satisfaction: a higher NPS score and CSAT.',
    industry: null,
    duration_days: 365,
    goal: {
      name: 'Improve NPS',
      description: "Raise the customer's own users' satisfaction with the service.",
      category: 'satisfaction',
      metrics: [
        {
          name: 'NPS score',
          unit: '',
          direction: 'higher_is_better',
          baseline_value: 20,
          target_value: 40,
          data_source: 'NPS survey',
          frequency: 'quarterly',
        },
        {
          name: 'CSAT',
          unit: '%',
          direction: 'higher_is_better',
          baseline_value: 80,
          target_value: 90,
          data_source: 'CSAT survey',
          frequency: 'monthly',
        },
      ],
      value_drivers: [],
    },
    milestones: [
      { name: 'First survey sent', offset_days: 0 },
      { name: 'Detractor follow-ups closed', offset_days: 90 },
      { name: 'Second survey', offset_days: 180 },
      { name: 'Annual review', offset_days: 365 },
    ],
  },
  {
    id: 'tpl_reduce_resolution_time',
    name: 'Reduce ticket resolution time (Software support)',
    description:
      "PRD-165's worked example (24 h to 12 h for 150 tickets a month): the efficiency goal of a software support team.",
    industry: 'Software',
    duration_days: 180,
    goal: {
      name: 'Reduce ticket resolution time',
      description: 'Halve the average time to resolve a support ticket.',
      category: 'efficiency',
      metrics: [
        {
          name: 'Average resolution time',
          unit: 'hours',
          direction: 'lower_is_better',
          baseline_value: 24,
          target_value: 12,
          data_source: 'Helpdesk export',
          frequency: 'monthly',
        },
      ],
      value_drivers: [
        {
          type: 'time_saved',
          label: 'Support time saved',
          confidence: 'high',
          hours_per_unit: 12,
          units_per_month: 150,
          hourly_rate: 50,
        },
      ],
    },
    milestones: [
      { name: 'Baseline measured', offset_days: 0 },
      { name: 'Routing automation live', offset_days: 45 },
      { name: 'Halfway review', offset_days: 90 },
      { name: 'Target review', offset_days: 180 },
    ],
  },
  {
    id: 'tpl_reduce_loan_processing_time',
    name: 'Reduce loan processing time (Financial services)',
    description:
      'The efficiency goal of a lending operation: fewer days from application to decision.',
    industry: 'Financial services',
    duration_days: 180,
    goal: {
      name: 'Reduce loan processing time',
      description: 'Shorten the time from a loan application to its decision.',
      category: 'efficiency',
      metrics: [
        {
          name: 'Application to decision',
          unit: 'days',
          direction: 'lower_is_better',
          baseline_value: 10,
          target_value: 5,
          data_source: 'Loan origination system',
          frequency: 'monthly',
        },
        {
          name: 'Hours saved',
          unit: 'hours/month',
          direction: 'higher_is_better',
          baseline_value: 0,
          target_value: 320,
          data_source: 'Time tracking',
          frequency: 'monthly',
        },
      ],
      value_drivers: [
        {
          type: 'time_saved',
          label: 'Underwriting time saved',
          confidence: 'medium',
          hours_per_month: 320,
          hourly_rate: 65,
        },
      ],
    },
    milestones: [
      { name: 'Baseline measured', offset_days: 0 },
      { name: 'Document intake automated', offset_days: 60 },
      { name: 'Target review', offset_days: 180 },
    ],
  },
  {
    id: 'tpl_reduce_claim_errors',
    name: 'Reduce claim errors (Healthcare)',
    description: 'The quality goal of a claims team: fewer claims denied for errors.',
    industry: 'Healthcare',
    duration_days: 180,
    goal: {
      name: 'Reduce claim errors',
      description: 'Lower the share of claims denied because of coding or data errors.',
      category: 'quality',
      metrics: [
        {
          name: 'Claim denial rate',
          unit: '%',
          direction: 'lower_is_better',
          baseline_value: 12,
          target_value: 5,
          data_source: 'Claims system',
          frequency: 'monthly',
        },
      ],
      value_drivers: [
        {
          type: 'cost_reduction',
          label: 'Rework and write-offs avoided',
          confidence: 'medium',
          monthly_amount: 8000,
        },
      ],
    },
    milestones: [
      { name: 'Denial baseline measured', offset_days: 0 },
      { name: 'Pre-submission checks live', offset_days: 60 },
      { name: 'Target review', offset_days: 180 },
    ],
  },
];
