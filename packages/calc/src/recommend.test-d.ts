import { describe, expectTypeOf, it } from 'vitest';
import {
  type GoalCategory,
  type Recommendation,
  type RecommendationPriority,
  recommendActions,
} from './recommend.js';

describe('recommend types', () => {
  it('returns Recommendation[] with literal priorities', () => {
    const recs = recommendActions({ category: 'efficiency', status: 'at_risk' });
    expectTypeOf(recs).toEqualTypeOf<Recommendation[]>();
    expectTypeOf(recs[0]?.priority).toEqualTypeOf<RecommendationPriority | undefined>();
    expectTypeOf<RecommendationPriority>().toEqualTypeOf<
      'immediate' | 'this_week' | 'this_month'
    >();
  });

  it('exports GoalCategory as the PRD-165 union', () => {
    expectTypeOf<GoalCategory>().toEqualTypeOf<
      'efficiency' | 'revenue' | 'cost' | 'quality' | 'adoption' | 'satisfaction' | 'custom'
    >();
  });

  it('accepts metrics with null percent and optional status', () => {
    expectTypeOf(recommendActions).toBeCallableWith({
      name: 'Goal 3',
      category: 'custom',
      status: 'missed',
      metrics: [{ name: 'x', percent: null, status: 'at_risk' }],
    });
    // @ts-expect-error category is a literal union
    recommendActions({ category: 'growth', status: 'at_risk' });
  });
});
