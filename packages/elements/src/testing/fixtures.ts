// Fixture data for browser tests: openapi.yaml's examples, served by the test runner
// (testing/fixture-api.mjs) so they can never drift from the contract. Test-only.
import type {
  AccountSuccessMetrics,
  Benchmarks,
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
  problems: { notFound: Problem; unauthorized: Problem; internal: Problem };
  schemas: {
    SuccessGoal: SuccessGoal;
    Milestone: Milestone;
    ValueDelivered: ValueDelivered;
    SuccessScore: SuccessScoreData;
    Benchmarks: Benchmarks;
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
      action: 'Review upsell pipeline with the account team',
      reason: 'Revenue from upsell at 70 % of target',
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
