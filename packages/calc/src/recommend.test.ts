import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GoalStatus } from './goal-status.js';
import {
  causeText,
  type GoalCategory,
  RECOMMENDATION_ACTIONS,
  type Recommendation,
  type RecommendationGoal,
  recommendActions,
} from './recommend.js';

// PRD-069 Goal 3 "Increase Team Efficiency", at risk.
const goal3: RecommendationGoal = {
  name: 'Increase team efficiency',
  category: 'efficiency',
  status: 'at_risk',
  metrics: [
    { name: 'Tasks/person/day', percent: 60 },
    { name: 'System adoption', percent: 68.9 },
    { name: 'Process automation', percent: 40 },
  ],
};

const actions = (recs: Recommendation[]) => recs.map((r) => `${r.priority}: ${r.action}`);

describe('recommendActions', () => {
  it('gives PRD-069 Goal 3 its three actions: training now, automation this week and this month', () => {
    expect(actions(recommendActions(goal3))).toEqual([
      'immediate: Schedule team training session',
      'this_week: Identify automation opportunities',
      'this_month: Implement 3 quick-win automations',
    ]);
  });

  it('names the lagging metrics with rounded percents in each reason', () => {
    const [train, automate, quickWins] = recommendActions(goal3);
    expect(train?.reason).toBe('System adoption at 69 % of target');
    expect(automate?.reason).toBe(
      'Process automation at 40 % of target; Tasks/person/day at 60 % of target',
    );
    expect(quickWins?.reason).toBe('Process automation at 40 % of target');
  });

  it('returns [] for goals that are neither at risk nor missed', () => {
    for (const status of ['not_started', 'on_track', 'achieved'] as const) {
      expect(recommendActions({ ...goal3, status })).toEqual([]);
    }
  });

  it('puts an immediate target-and-timeline review first for a missed goal', () => {
    const recs = recommendActions({ ...goal3, status: 'missed' });
    expect(recs[0]).toEqual({
      priority: 'immediate',
      action: 'Review target and timeline with the customer',
      reason: 'Increase team efficiency passed its target date unachieved',
      code: 'target_timeline',
      causes: [{ kind: 'missed', goal: 'Increase team efficiency' }],
    });
    expect(actions(recs)).toContain('immediate: Schedule team training session');
  });

  it('uses only metrics below on track: on-track and exceeding metrics add nothing', () => {
    const recs = recommendActions({
      category: 'efficiency',
      status: 'at_risk',
      metrics: [
        { name: 'System adoption', percent: 80 },
        { name: 'Process automation', percent: 140 },
        { name: 'Data error rate', percent: 20 },
      ],
    });
    expect(actions(recs)).toEqual(['this_week: Schedule data validation training']);
    expect(recs[0]?.reason).toBe('Data error rate at 20 % of target');
  });

  it('honours a given metric status over the percent', () => {
    const recs = recommendActions({
      category: 'adoption',
      status: 'at_risk',
      metrics: [
        { name: 'Active users', percent: 90, status: 'at_risk' },
        { name: 'Feature adoption', percent: 10, status: 'on_track' },
      ],
    });
    expect(recs).toEqual([
      {
        priority: 'immediate',
        action: 'Schedule team training session',
        reason: 'Active users at 90 % of target',
        code: 'team_training',
        causes: [{ kind: 'lagging', metric: 'Active users', index: 0, percent: 90 }],
      },
    ]);
  });

  it.each([
    ['revenue', 'Revenue from upsell', 'Review the expansion pipeline with the account team'],
    ['cost', 'Licence cost', 'Review cost drivers with the customer'],
    ['satisfaction', 'NPS', 'Review detractor feedback with the customer'],
    ['satisfaction', 'CSAT score', 'Review detractor feedback with the customer'],
    ['quality', 'Defect rate', 'Schedule data validation training'],
    ['efficiency', 'Average resolution time', 'Map process bottlenecks with the customer'],
  ] as const)('maps a lagging %s metric "%s" to "%s"', (category, name, action) => {
    const recs = recommendActions({
      category,
      status: 'at_risk',
      metrics: [{ name, percent: 30 }],
    });
    expect(recs.map((r) => r.action)).toEqual([action]);
  });

  it.each([
    ['efficiency', 'Identify automation opportunities'],
    ['revenue', 'Review the expansion pipeline with the account team'],
    ['cost', 'Review cost drivers with the customer'],
    ['quality', 'Schedule data validation training'],
    ['adoption', 'Schedule team training session'],
    ['satisfaction', 'Review detractor feedback with the customer'],
    ['custom', 'Review lagging metrics with the goal owner'],
  ] as const)(
    'falls back to the %s category action for unmatched lagging metrics',
    (category, action) => {
      const recs = recommendActions({
        category,
        status: 'at_risk',
        metrics: [{ name: 'Widgets shipped', percent: 10 }],
      });
      expect(recs).toEqual([
        expect.objectContaining({ action, reason: 'Widgets shipped at 10 % of target' }),
      ]);
    },
  );

  it('gives the category action with a goal-level reason when no metric is lagging', () => {
    expect(
      recommendActions({
        name: 'Grow usage',
        category: 'adoption',
        status: 'at_risk',
        metrics: [],
      }),
    ).toEqual([
      {
        priority: 'immediate',
        action: 'Schedule team training session',
        reason: 'Grow usage is at risk',
        code: 'team_training',
        causes: [{ kind: 'at_risk', goal: 'Grow usage' }],
      },
    ]);
    expect(recommendActions({ category: 'custom', status: 'at_risk' })[0]?.reason).toBe(
      'The goal is at risk',
    );
  });

  it('asks for current values for metrics that have no data', () => {
    const recs = recommendActions({
      category: 'adoption',
      status: 'at_risk',
      metrics: [
        { name: 'System adoption', percent: 50 },
        { name: 'Weekly logins', percent: null },
      ],
    });
    expect(recs).toEqual([
      {
        priority: 'immediate',
        action: 'Schedule team training session',
        reason: 'System adoption at 50 % of target',
        code: 'team_training',
        causes: [{ kind: 'lagging', metric: 'System adoption', index: 0, percent: 50 }],
      },
      {
        priority: 'this_week',
        action: 'Record current values for metrics without data',
        reason: 'Weekly logins has no current value',
        code: 'record_values',
        causes: [{ kind: 'no_value', metric: 'Weekly logins', index: 1 }],
      },
    ]);
  });

  it('lists a metric that matches several rules under each, without duplicate actions', () => {
    const recs = recommendActions({
      category: 'adoption',
      status: 'at_risk',
      metrics: [
        { name: 'Automation adoption', percent: 30 },
        { name: 'Workflow training completion', percent: 50 },
      ],
    });
    expect(actions(recs)).toEqual([
      'immediate: Schedule team training session',
      'this_week: Identify automation opportunities',
      'this_month: Implement 3 quick-win automations',
    ]);
    expect(recs[0]?.reason).toBe(
      'Automation adoption at 30 % of target; Workflow training completion at 50 % of target',
    );
  });

  it('does not throw on garbage from untyped callers', () => {
    const call = recommendActions as (goal: unknown) => Recommendation[];
    expect(call(undefined)).toEqual([]);
    expect(call({ status: 'at_risk', category: 'toString', metrics: 'x' })).toEqual([
      {
        priority: 'this_week',
        action: 'Review lagging metrics with the goal owner',
        reason: 'The goal is at risk',
        code: 'owner_review',
        causes: [{ kind: 'at_risk', goal: null }],
      },
    ]);
    expect(call({ status: 'missed', category: 'cost', metrics: [null, { percent: 5 }] })).toEqual([
      expect.objectContaining({ action: 'Review target and timeline with the customer' }),
      expect.objectContaining({ reason: 'Metric 1 has no current value' }),
      expect.objectContaining({
        action: 'Review cost drivers with the customer',
        reason: 'Metric 2 at 5 % of target',
      }),
    ]);
  });
});

describe('recommendActions properties', () => {
  const categories: GoalCategory[] = [
    'efficiency',
    'revenue',
    'cost',
    'quality',
    'adoption',
    'satisfaction',
    'custom',
  ];
  const statuses: GoalStatus[] = ['not_started', 'on_track', 'at_risk', 'achieved', 'missed'];
  const metric = fc.record({
    name: fc.oneof(
      fc.constantFrom('System adoption', 'Process automation', 'NPS', 'Cost per ticket', 'Tasks'),
      fc.string().filter((s) => !/NaN|Infinity|undefined/.test(s)),
    ),
    percent: fc.oneof(fc.double(), fc.constant(null)),
  });
  const goal = fc.record({
    category: fc.constantFrom(...categories),
    status: fc.constantFrom(...statuses),
    metrics: fc.array(metric, { maxLength: 6 }),
  });
  const order = { immediate: 0, this_week: 1, this_month: 2 };

  it('never throws, never repeats an action, sorts by priority, and is empty unless at risk or missed', () => {
    fc.assert(
      fc.property(goal, (g) => {
        const recs = recommendActions(g);
        if (g.status !== 'at_risk' && g.status !== 'missed') expect(recs).toEqual([]);
        else expect(recs.length).toBeGreaterThan(0);
        expect(new Set(recs.map((r) => r.action)).size).toBe(recs.length);
        for (let i = 1; i < recs.length; i++) {
          const prev = recs[i - 1];
          const cur = recs[i];
          if (prev && cur) expect(order[cur.priority]).toBeGreaterThanOrEqual(order[prev.priority]);
        }
        for (const r of recs) {
          expect(r.reason).not.toMatch(/NaN|Infinity|undefined/);
          // The English reason is its causes said in English: a translation says the same.
          expect(r.reason).toBe(r.causes.map(causeText).join('; '));
          expect(r.action).toBe(RECOMMENDATION_ACTIONS[r.code]);
        }
      }),
    );
  });
});
