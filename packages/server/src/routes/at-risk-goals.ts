import type { Hono } from 'hono';
import { isoDay } from '../clock.js';
import type { AtRiskGoal, AtRiskGoalList } from '../contract.js';
import { allSummaries } from '../data.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, TEXT_KEY } from '../http/cursor.js';
import { sendJsonText } from '../http/respond.js';
import { Query } from '../validate.js';
import {
  compareUtf8,
  indexAfter,
  type PortfolioFilters,
  portfolioRows,
  SEGMENTS,
  scopeKey,
} from './portfolio-scope.js';

/** A goal's place in the list: customer name, customer id, goal id (none of which a write changes). */
type GoalKey = readonly [string, string, string];

function compareToKey(g: AtRiskGoal, [name, customerId, goalId]: GoalKey): number {
  return (
    compareUtf8(g.customer_name, name) ||
    compareUtf8(g.customer_id, customerId) ||
    compareUtf8(g.goal_id, goalId)
  );
}

function byGoalId(a: AtRiskGoal, b: AtRiskGoal): number {
  return compareUtf8(a.goal_id, b.goal_id);
}

/**
 * listAtRiskGoals: every at-risk goal of the portfolio, paged by a keyset cursor. The full
 * ordered list of a scope is kept in the read cache until the next write (it references the
 * summaries' own objects), so each page is a binary search and a slice.
 */
export function registerAtRiskGoals(app: Hono<Env>, ctx: AppContext): void {
  app.get('/api/portfolio/at-risk-goals', async (c) => {
    const q = new Query(c.req.url, ['csm_id', 'segment', 'cursor', 'limit']);
    const filters: PortfolioFilters = {
      csmId: q.id('csm_id'),
      segment: q.enum('segment', SEGMENTS),
    };
    const limit = q.limit();
    const cursor = q.string('cursor', { max: CURSOR_MAX });
    const signed = { op: 'at-risk-goals', csmId: filters.csmId, segment: filters.segment };
    const after = ctx.cursors.decode(cursor, signed, [TEXT_KEY, TEXT_KEY, TEXT_KEY]) as
      | GoalKey
      | undefined;
    const p = c.get('principal');
    const rev = await ctx.cache.totalRev();
    const key = `at-risk:${isoDay(ctx.clock())}:${scopeKey(p)}:${filters.csmId}:${filters.segment}`;
    let goals = ctx.cache.get<readonly AtRiskGoal[]>(key, rev);
    if (goals === undefined) {
      // Customers come in name and id order; within one customer the goals go by id.
      goals = portfolioRows(await allSummaries(ctx), p, filters).flatMap((r) =>
        r.atRisk.length > 1 ? [...r.atRisk].sort(byGoalId) : r.atRisk,
      );
      ctx.cache.set(key, rev, goals);
    }
    const start = after ? indexAfter(goals, after, compareToKey) : 0;
    const items = goals.slice(start, start + limit);
    const last = items.at(-1);
    const body: AtRiskGoalList = {
      items,
      next_cursor:
        start + limit < goals.length && last
          ? ctx.cursors.encode([last.customer_name, last.customer_id, last.goal_id], signed)
          : null,
    };
    return sendJsonText(c, JSON.stringify(body));
  });
}
