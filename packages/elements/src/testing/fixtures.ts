// Fixture data for browser tests: openapi.yaml's examples, served by the test runner
// (testing/fixture-api.mjs) so they can never drift from the contract. Test-only.
import type {
  AccountSuccessMetrics,
  AlertList,
  Benchmarks,
  CustomerHealth,
  CustomerKpis,
  CustomerSuccessMetrics,
  Milestone,
  Problem,
  SuccessGoal,
  SuccessScoreData,
  ValueDelivered,
} from '../types.js';

interface Examples {
  customerSuccessMetrics: CustomerSuccessMetrics;
  accountSuccessMetrics: AccountSuccessMetrics;
  customerKpis: CustomerKpis;
  problems: { notFound: Problem; unauthorized: Problem; internal: Problem };
  schemas: {
    SuccessGoal: SuccessGoal;
    Milestone: Milestone;
    ValueDelivered: ValueDelivered;
    SuccessScore: SuccessScoreData;
    Benchmarks: Benchmarks;
    CustomerHealth: CustomerHealth;
    AlertList: AlertList;
  };
}

const examples = (await (await fetch('/__fixtures__/examples.json')).json()) as Examples;

/** A mutable deep copy, so a test can change a fixture without touching the next test's. */
export type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

const copy = <T>(value: T): Mutable<T> => structuredClone(value) as Mutable<T>;

/** Acme Corp, PRD-165 7.1 (getCustomerSuccessMetrics example: $285K, 4.2x vs $68K). */
// Without `explanations`, as the API answers without `explain: true`; acmeExplanations has them.
export const acmeMetrics = () => {
  const { explanations: _, ...m } = copy(examples.customerSuccessMetrics);
  return m;
};
/** The example's explanations (`explain: true`), keyed by JSON Pointer into acmeMetrics(). */
export const acmeExplanations = () => copy(examples.customerSuccessMetrics.explanations ?? {});
/** The Globex account example's explanations (its benchmark rows). */
export const globexExplanations = () => copy(examples.accountSuccessMetrics.explanations ?? {});
/** Globex Corp, PRD-069 (getAccountSuccessMetrics example: benchmarks, recommendations). */
export const globexAccount = () => {
  const { explanations: _, ...a } = copy(examples.accountSuccessMetrics);
  return a;
};
export const goalExample = () => copy(examples.schemas.SuccessGoal);
export const milestoneExample = () => copy(examples.schemas.Milestone);
export const valueExample = () => copy(examples.schemas.ValueDelivered);
export const scoreExample = () => copy(examples.schemas.SuccessScore);
export const benchmarksExample = () => copy(examples.schemas.Benchmarks);
export const problems = () => copy(examples.problems);
/** getCustomerHealth's example: Acme, one observation, 77.5 (good), no trigger. */
export const healthExample = () => copy(examples.schemas.CustomerHealth);

/**
 * Three of Acme's alerts on the listAlerts example, newest first: a health trigger (open), a goal
 * at risk someone acknowledged, and the example's goal achieved (open); one page, no more.
 */
export function alertsExample(): Mutable<AlertList> {
  const list = copy(examples.schemas.AlertList);
  const achieved = list.items[0]!;
  list.next_cursor = null;
  list.items = [
    {
      ...achieved,
      id: 'alt_acme_0003',
      goal_id: null,
      type: 'health_entered_critical',
      title: 'Health critical: Acme Corp',
      cause: 'Health score 45 on 2026-04-30 entered critical (below 50), from 61 on 2026-04-15.',
      created_at: '2026-04-30T09:00:00Z',
    },
    {
      ...achieved,
      id: 'alt_acme_0002',
      goal_id: 'goal_acme_adoption',
      type: 'goal_at_risk',
      title: 'Goal at risk: Increase adoption',
      cause:
        'Progress 40% is more than 10 points behind the expected 65% (Active users 320 on 2026-04-29).',
      created_at: '2026-04-29T12:00:00Z',
      state: 'acknowledged',
      acknowledged_at: '2026-04-29T15:30:00Z',
      acknowledged_by: 'csm_riley',
      version: 2,
    },
    achieved,
  ];
  return list;
}

/**
 * getCustomerKpis for Acme, 2026-11, as the reference server computes it from its seed
 * (testing/kpis-example.json): NRR acceptable, GRR best in class, FCR on target, SLA compliance
 * below minimum, CLV and CAC payback without thresholds; trends improving, worsening, unchanged.
 */
export const kpisExample = () => copy(examples.customerKpis);

/**
 * A health that crossed the bands: from excellent (92) to good (84), then a fall of 23 points
 * into at risk (61), then critical (45) after three declines in a row; the active triggers are
 * the critical entry and the declines, each with calc's explanation. Built on the example.
 */
export function healthInDecline(): Mutable<CustomerHealth> {
  const h = healthExample();
  const days = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'];
  const scores = [92, 84, 61, 45];
  const bands = ['excellent', 'good', 'at_risk', 'critical'] as const;
  const point = (i: number) => ({ at: days[i]!, score: scores[i]!, band: bands[i]! });
  h.as_of = '2026-04-30';
  h.score = 45;
  h.band = 'critical';
  h.history = days.map((d, i) => ({
    observed_on: d,
    score: scores[i]!,
    band: bands[i]!,
    components: {
      usage: scores[i]!,
      outcomes: scores[i]!,
      relationship: scores[i]!,
      growth: scores[i]!,
    },
  }));
  for (const c of h.components) c.score = 45;
  const drop = {
    type: 'score_drop' as const,
    at: days[2]!,
    from: point(1),
    to: point(2),
    drop: 23,
    cause: 'The score fell 23 points, from 84 on 2026-02-28 to 61 on 2026-03-31 (more than 20).',
  };
  const risk = {
    ...drop,
    type: 'entered_at_risk' as const,
    cause: 'Entered at risk on 2026-03-31: 61, from good (84).',
  };
  const critical = {
    type: 'entered_critical' as const,
    at: days[3]!,
    from: point(2),
    to: point(3),
    drop: 16,
    cause: 'Entered critical on 2026-04-30: 45, from at risk (61).',
  };
  const declines = {
    type: 'consecutive_decline' as const,
    at: days[3]!,
    from: point(0),
    to: point(3),
    drop: 47,
    cause: 'Three declines in a row, from 92 on 2026-01-31 to 45 on 2026-04-30.',
  };
  h.triggers = [drop, risk, critical, declines];
  h.active_triggers = [critical, declines];
  const explanation = (formula: string, text: string, result: number | string) => ({
    formula,
    text,
    inputs: [{ name: 'score', value: 45, pointer: '/score' }],
    rule: 'Seed 002 Automated Response Triggers',
    result,
  });
  h.explanations = {
    ...h.explanations,
    '/score': explanation(
      'health_score',
      '(45 × 40 + 45 × 25 + 45 × 20 + 45 × 15) / 100 = 45 of 100: critical',
      45,
    ),
    '/triggers/2/to/band': explanation(
      'health_trigger',
      'Entered critical: 45 is below 50 (at risk from 50).',
      'critical',
    ),
    '/triggers/3/drop': explanation(
      'health_trigger',
      '92 > 84 > 61 > 45: three declines in a row, 47 points.',
      47,
    ),
  };
  return h;
}

/**
 * Acme's five goals as PRD-165's mock-up lists them (the example carries one: TC-165.1). The
 * other four are made from it: the mock-up's names, targets and statuses, including an at-risk
 * goal with recommendations, so the table and the at-risk section have PRD-165's shape.
 */
export function acmeFiveGoals(): Mutable<SuccessGoal>[] {
  const base = goalExample();
  const make = (
    id: string,
    name: string,
    unit: string,
    baseline: number | null,
    target: number,
    current: number | null,
    pct: number | null,
    status: SuccessGoal['status'],
  ): Mutable<SuccessGoal> => {
    const g = copy(base);
    g.id = id;
    g.name = name;
    g.unit = unit;
    g.metric = name;
    g.baseline_value = baseline;
    g.target_value = target;
    g.current_value = current;
    g.achievement_pct = pct;
    g.status = status;
    g.exceeded = pct !== null && pct > 100;
    g.recommendations = [];
    const m = g.metrics[0]!;
    m.name = name;
    m.unit = unit;
    m.baseline_value = baseline;
    m.target_value = target;
    m.current_value = current;
    m.progress_pct = pct;
    return g;
  };
  const upsell = make(
    'goal_acme_upsell',
    'Revenue from upsell',
    'USD',
    0,
    50000,
    35000,
    70,
    'at_risk',
  );
  upsell.recommendations = [
    {
      priority: 'immediate',
      action: 'Review the expansion pipeline with the account team',
      reason: 'Revenue from upsell at 70 % of target',
      code: 'expansion_pipeline',
      causes: [{ kind: 'lagging', metric: 'Revenue from upsell', index: 0, percent: 70 }],
    },
  ];
  return [
    base,
    make('goal_acme_nps', 'Increase NPS', '', 30, 50, 48, 90, 'on_track'),
    make('goal_acme_api', 'API response time', 'ms', 180, 100, 85, 118.75, 'achieved'),
    make('goal_acme_adoption', 'User adoption', '%', 40, 80, 78, 95, 'on_track'),
    upsell,
  ];
}

/** Strings that would run script or inject markup if any element rendered data as HTML. */
export const XSS_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  "javascript:window.__xss=1//'",
  '{{constructor.constructor("window.__xss=1")()}}',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
] as const;
