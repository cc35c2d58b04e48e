declare module 'virtual:cscx-examples' {
  import type {
    AccountSuccessMetrics,
    Benchmarks,
    CustomerHealth,
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
    readonly portfolio: PortfolioSuccessMetrics;
    readonly schemas: {
      readonly SuccessGoal: SuccessGoal;
      readonly Milestone: Milestone;
      readonly ValueDelivered: ValueDelivered;
      readonly SuccessScore: SuccessScoreData;
      readonly Benchmarks: Benchmarks;
      readonly CustomerHealth: CustomerHealth;
    };
  };
  export default examples;
}
