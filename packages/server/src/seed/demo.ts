import type { HistoryPoint, SeedBuilder, SeedCustomer } from './builder.js';
import { driver } from './builder.js';

/**
 * The two named demo accounts. Acme Corp is PRD-165 section 7: the five goals of the "Active
 * goals" table with its targets and currents (TC-165.1 is "Reduce ticket time"), value drivers
 * giving $185K cost reduction + $100K revenue and 2,400 hours saved without an hourly rate,
 * a $68K investment, and the four milestones. Globex Corp carries PRD-069's account: its goals,
 * metrics (baseline, target, current), value summary and $150K investment. Nothing here is a
 * derived number: progress, status, value, ROI and score are what calc computes from it.
 */

export const ACME = 'cus_acme';
export const GLOBEX = 'cus_globex';
/** The CSM who owns Acme Corp: the scope of `demo-csm-token`. */
export const DEMO_CSM = 'csm_riley';

/** Evenly spread history from `first` to `last` on the given day offsets. */
function ramp(days: readonly number[], first: number, last: number, decimals = 0): HistoryPoint[] {
  const scale = 10 ** decimals;
  return days.map((d, i) => {
    const value = first + ((last - first) * i) / Math.max(1, days.length - 1);
    return [d, Math.round(value * scale) / scale] as const;
  });
}

/** Day offsets of month-ends going back from `last`, `count` of them. */
function monthly(last: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * 30);
}

export function acme(b: SeedBuilder): SeedCustomer {
  const c = ACME;
  const start = -119;
  const target = 61;
  return {
    customer: {
      id: c,
      name: 'Acme Corp',
      segment: 'enterprise',
      industry: 'Software',
      csm_id: DEMO_CSM,
      currency: 'USD',
      contract_start: b.day(-303),
      investment: 68_000,
      parent_id: null,
    },
    goals: [
      b.goal({
        id: 'goal_acme_ticket_time',
        customerId: c,
        name: 'Reduce ticket time',
        description: 'Reduce support ticket resolution time by half.',
        category: 'efficiency',
        start,
        target,
        created: -115,
        drivers: [driver('time_saved', 'Support time saved', 'high', { hours_per_month: 200 })],
        metrics: [
          {
            id: 'met_acme_resolution_time',
            name: 'Average resolution time',
            unit: 'hours',
            baseline: 24,
            target: 12,
            dataSource: 'Helpdesk export',
            source: 'helpdesk',
            history: [
              [-89, 20],
              [-61, 16.5],
              [-30, 13],
              [-2, 11.5, '52 % reduction'],
            ],
          },
        ],
      }),
      b.goal({
        id: 'goal_acme_nps',
        customerId: c,
        name: 'Increase NPS',
        description: 'Lift the Net Promoter Score to 50.',
        category: 'satisfaction',
        start,
        target,
        created: -115,
        metrics: [
          {
            id: 'met_acme_nps',
            name: 'Net Promoter Score',
            unit: '',
            baseline: 30,
            target: 50,
            dataSource: 'Quarterly NPS survey',
            source: 'survey',
            history: [
              [-89, 34],
              [-61, 39],
              [-30, 44],
              [-2, 48],
            ],
          },
        ],
      }),
      b.goal({
        id: 'goal_acme_api_latency',
        customerId: c,
        name: 'API response time',
        description: 'Bring the p95 API response time under 100 ms.',
        category: 'quality',
        start,
        target,
        created: -115,
        drivers: [
          driver('cost_reduction', 'Infrastructure savings', 'high', { annual_amount: 85_000 }),
        ],
        metrics: [
          {
            id: 'met_acme_api_p95',
            name: 'API response time (p95)',
            unit: 'ms',
            baseline: 180,
            target: 100,
            dataSource: 'APM',
            frequency: 'weekly',
            source: 'apm',
            history: [
              [-89, 160],
              [-61, 130],
              [-30, 105],
              [-2, 85],
            ],
          },
        ],
      }),
      b.goal({
        id: 'goal_acme_adoption',
        customerId: c,
        name: 'User adoption',
        description: 'Get 80 % of licensed users active every week.',
        category: 'adoption',
        start,
        target,
        created: -115,
        drivers: [
          driver('cost_reduction', 'Legacy tool retirement', 'high', { annual_amount: 100_000 }),
        ],
        metrics: [
          {
            id: 'met_acme_active_users',
            name: 'Weekly active users',
            unit: '%',
            baseline: 40,
            target: 80,
            dataSource: 'Product usage',
            frequency: 'weekly',
            source: 'integration',
            history: [
              [-89, 52],
              [-61, 63],
              [-30, 71],
              [-2, 78],
            ],
          },
        ],
      }),
      b.goal({
        id: 'goal_acme_upsell',
        customerId: c,
        name: 'Revenue from upsell',
        description: 'Close $50K of upsell revenue this contract year.',
        category: 'revenue',
        start: -303,
        target,
        created: -300,
        drivers: [
          driver('revenue_increase', 'Revenue impact', 'medium', { annual_amount: 100_000 }),
        ],
        metrics: [
          {
            id: 'met_acme_upsell_revenue',
            name: 'Upsell revenue closed',
            unit: 'USD',
            baseline: 0,
            target: 50_000,
            dataSource: 'CRM',
            source: 'crm',
            history: [
              [-273, 5_000],
              [-243, 8_000],
              [-213, 12_000],
              [-183, 15_000],
              [-153, 18_000],
              [-123, 21_000],
              [-93, 25_000],
              [-63, 28_000],
              [-33, 31_000],
              [-12, 33_000],
              [-2, 35_000],
            ],
          },
        ],
      }),
    ],
    milestones: [
      b.milestone({
        id: 'ms_acme_first_automation',
        customerId: c,
        name: 'First automation deployed',
        target: -105,
        achieved: -105,
        created: -115,
      }),
      b.milestone({
        id: 'ms_acme_100th_user',
        customerId: c,
        name: '100th user onboarded',
        target: -88,
        achieved: -88,
        created: -115,
      }),
      b.milestone({
        id: 'ms_acme_ticket_reduction',
        customerId: c,
        goalId: 'goal_acme_ticket_time',
        name: 'Support ticket reduction milestone',
        description: 'Resolution time below 13 hours for a full month.',
        target: -30,
        achieved: -51,
        created: -115,
      }),
      b.milestone({
        id: 'ms_acme_exec_dashboard',
        customerId: c,
        name: 'Executive dashboard launched',
        target: -25,
        achieved: -25,
        created: -115,
      }),
      b.milestone({
        id: 'ms_acme_upsell_review',
        customerId: c,
        goalId: 'goal_acme_upsell',
        name: 'Upsell pipeline review',
        description: 'Review the open expansion deals with the account team.',
        target: 21,
        flag: 'at_risk',
        created: -40,
      }),
    ],
  };
}

export function globex(b: SeedBuilder): SeedCustomer {
  const c = GLOBEX;
  const start = -303;
  const target = 61;
  const months = monthly(-3, 10);
  const weeks = Array.from({ length: 40 }, (_, i) => -3 - (39 - i) * 7);
  // Goal 3's metrics rose, dipped while the champion was on leave, and are recovering (PRD-069).
  const dip = (first: number, peak: number, low: number, last: number): HistoryPoint[] =>
    weeks.map((d, i) => {
      const v =
        i < 20
          ? first + ((peak - first) * i) / 19
          : i < 28
            ? peak + ((low - peak) * (i - 19)) / 8
            : low + ((last - low) * (i - 27)) / 12;
      return [d, Math.round(v * 10) / 10] as const;
    });
  return {
    customer: {
      id: c,
      name: 'Globex Corp',
      segment: 'enterprise',
      industry: 'Financial services',
      csm_id: 'csm_morgan',
      currency: 'USD',
      contract_start: b.day(-470),
      investment: 150_000,
      parent_id: null,
    },
    goals: [
      b.goal({
        id: 'goal_globex_reporting_time',
        customerId: c,
        name: 'Reduce reporting time',
        description: 'Cut the time the operations team spends producing reports.',
        category: 'efficiency',
        owner: ['Sarah Chen', 'VP Ops'],
        start,
        target,
        drivers: [
          driver('time_saved', 'Time Savings', 'high', { hours_per_month: 140, hourly_rate: 60 }),
        ],
        metrics: [
          {
            id: 'met_globex_report_time',
            name: 'Time to create report',
            unit: 'hours',
            baseline: 4,
            target: 2,
            dataSource: 'Report scheduler',
            source: 'integration',
            history: ramp(months, 3.6, 1.2, 1),
          },
          {
            id: 'met_globex_reports_per_week',
            name: 'Reports created per week',
            unit: 'reports',
            baseline: 10,
            target: 25,
            dataSource: 'Report scheduler',
            frequency: 'weekly',
            source: 'integration',
            history: ramp(months, 12, 35),
          },
          {
            id: 'met_globex_manual_steps',
            name: 'Manual steps eliminated',
            unit: 'steps',
            baseline: 0,
            target: 15,
            dataSource: 'Process map',
            source: 'manual',
            history: ramp(months, 2, 18),
          },
        ],
      }),
      b.goal({
        id: 'goal_globex_data_accuracy',
        customerId: c,
        name: 'Improve data accuracy',
        description: 'Fewer data errors and corrections, cleaner audits.',
        category: 'quality',
        owner: ['Mike Lee', 'Director Analytics'],
        start,
        target,
        drivers: [
          driver('time_saved', 'Time Savings', 'high', { hours_per_month: 90, hourly_rate: 60 }),
          driver('cost_reduction', 'Error Reduction', 'medium', { annual_amount: 64_800 }),
        ],
        metrics: [
          {
            id: 'met_globex_error_rate',
            name: 'Data error rate',
            unit: '%',
            baseline: 12,
            target: 2,
            dataSource: 'Data quality monitor',
            source: 'integration',
            history: ramp(months, 11, 3.8, 1),
          },
          {
            id: 'met_globex_corrections',
            name: 'Manual corrections per week',
            unit: 'corrections',
            baseline: 45,
            target: 5,
            dataSource: 'Ticketing',
            frequency: 'weekly',
            source: 'integration',
            history: ramp(months, 41, 8),
          },
          {
            id: 'met_globex_audit_findings',
            name: 'Audit findings per quarter',
            unit: 'findings',
            baseline: 15,
            target: 3,
            dataSource: 'Internal audit',
            frequency: 'quarterly',
            source: 'manual',
            history: [
              [-273, 14],
              [-183, 10],
              [-93, 6],
              [-3, 4],
            ],
          },
        ],
      }),
      b.goal({
        id: 'goal_globex_team_efficiency',
        customerId: c,
        name: 'Increase team efficiency',
        description: 'Raise team throughput through system adoption and automation.',
        category: 'efficiency',
        owner: ['Bob Smith', 'Manager'],
        start,
        target,
        metrics: [
          {
            id: 'met_globex_tasks',
            name: 'Tasks per person per day',
            unit: 'tasks',
            baseline: 15,
            target: 25,
            dataSource: 'Work management system',
            frequency: 'weekly',
            source: 'integration',
            history: dip(15, 19, 16.5, 18),
          },
          {
            id: 'met_globex_adoption',
            name: 'System adoption',
            unit: '%',
            baseline: 40,
            target: 90,
            dataSource: 'Product usage',
            frequency: 'weekly',
            source: 'integration',
            history: dip(42, 68, 58, 65),
          },
          {
            id: 'met_globex_automation',
            name: 'Process automation',
            unit: 'workflows',
            baseline: 0,
            target: 10,
            dataSource: 'Workflow registry',
            frequency: 'weekly',
            source: 'integration',
            history: dip(0, 4, 3, 4).map(([d, v]) => [d, Math.round(v)] as const),
          },
        ],
      }),
      b.goal({
        id: 'goal_globex_self_service',
        customerId: c,
        name: 'Enable self-service',
        description: 'Let business users answer their own questions.',
        category: 'adoption',
        start,
        target,
        metrics: [
          {
            id: 'met_globex_self_serve',
            name: 'Self-serve rate',
            unit: '%',
            baseline: 40,
            target: 90,
            dataSource: 'Product usage',
            source: 'integration',
            history: ramp(months, 45, 88),
          },
        ],
      }),
      b.goal({
        id: 'goal_globex_tools',
        customerId: c,
        name: 'Consolidate tools',
        description: 'Retire the three legacy reporting tools.',
        category: 'cost',
        start,
        target,
        drivers: [
          driver('cost_reduction', 'Tool Consolidation', 'high', { annual_amount: 45_000 }),
        ],
        metrics: [
          {
            id: 'met_globex_tools_retired',
            name: 'Tools retired',
            unit: 'tools',
            baseline: 0,
            target: 3,
            dataSource: 'IT asset register',
            source: 'manual',
            history: [
              [-213, 1],
              [-123, 2],
              [-75, 3],
            ],
          },
        ],
      }),
    ],
    milestones: [
      b.milestone({
        id: 'ms_globex_kickoff',
        customerId: c,
        name: 'Success plan kickoff',
        target: -300,
        achieved: -300,
        created: -305,
      }),
      b.milestone({
        id: 'ms_globex_tools_retired',
        customerId: c,
        goalId: 'goal_globex_tools',
        name: 'Three legacy tools retired',
        target: -60,
        achieved: -75,
        created: -300,
      }),
      b.milestone({
        id: 'ms_globex_goal3_checkpoint',
        customerId: c,
        goalId: 'goal_globex_team_efficiency',
        name: 'Goal 3 checkpoint',
        target: 15,
        flag: 'at_risk',
        created: -115,
      }),
      b.milestone({
        id: 'ms_globex_qbr',
        customerId: c,
        name: 'QBR review',
        target: 28,
        created: -115,
      }),
      b.milestone({
        id: 'ms_globex_annual_review',
        customerId: c,
        name: 'Annual success review',
        target: 61,
        created: -115,
      }),
    ],
  };
}
