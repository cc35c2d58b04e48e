import { describe, expectTypeOf, it } from 'vitest';
import {
  type PortfolioCustomer,
  type PortfolioSummary,
  portfolioSummary,
  type TopPerformer,
} from './portfolio.js';

describe('portfolio types', () => {
  it('always returns a summary: ok is the literal true, there is no failure branch', () => {
    expectTypeOf(portfolioSummary).returns.toEqualTypeOf<PortfolioSummary>();
    const r = portfolioSummary([]);
    expectTypeOf(r.ok).toEqualTypeOf<true>();
    expectTypeOf(r).not.toHaveProperty('reason');
  });

  it('types the nullable aggregates as number | null, never undefined', () => {
    const r = portfolioSummary([], { top: 3 });
    expectTypeOf(r.achievementRate).toEqualTypeOf<number | null>();
    expectTypeOf(r.averageRoi).toEqualTypeOf<number | null>();
    expectTypeOf(r.totalValue).toEqualTypeOf<number | null>();
    expectTypeOf(r.currency).toEqualTypeOf<string | null>();
    expectTypeOf(r.goals).toEqualTypeOf<number>();
    expectTypeOf(r.valueByCurrency).toEqualTypeOf<Readonly<Record<string, number>>>();
    expectTypeOf(r.topPerformers).toEqualTypeOf<readonly TopPerformer[]>();
  });

  it('takes goal statuses from goal-status and rejects others', () => {
    expectTypeOf<PortfolioCustomer['goals'][number]['status']>().toEqualTypeOf<
      'not_started' | 'on_track' | 'at_risk' | 'achieved' | 'missed'
    >();
    portfolioSummary([
      // @ts-expect-error 'in_progress' (PRD-069) is not a goal status here
      { id: 'a', investment: null, totalValue: 0, goals: [{ status: 'in_progress' }] },
    ]);
  });
});
