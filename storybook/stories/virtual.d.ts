declare module 'virtual:cscx-examples' {
  import type {
    AccountSuccessMetrics,
    AlertList,
    Benchmarks,
    CustomerHealth,
    CustomerKpis,
    CustomerSuccessMetrics,
    Milestone,
    SuccessGoal,
    SuccessScoreData,
    ValueDelivered,
  } from '@cscx/success-elements';
  import type { PortfolioSuccessMetrics } from '@cscx/success-sdk';

  /** openapi.yaml's examples (storybook/examples.mjs). */
  const examples: {
    readonly customerSuccessMetrics: CustomerSuccessMetrics;
    readonly accountSuccessMetrics: AccountSuccessMetrics;
    /** Acme's KPIs as the reference server computes them (testing/kpis-example.json). */
    readonly customerKpis: CustomerKpis;
    readonly portfolio: PortfolioSuccessMetrics;
    readonly schemas: {
      readonly SuccessGoal: SuccessGoal;
      readonly Milestone: Milestone;
      readonly ValueDelivered: ValueDelivered;
      readonly SuccessScore: SuccessScoreData;
      readonly Benchmarks: Benchmarks;
      readonly CustomerHealth: CustomerHealth;
      readonly AlertList: AlertList;
    };
  };
  export default examples;
}
