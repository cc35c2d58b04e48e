import { type Principal, sees } from './auth.js';
import { type CustomerView, customerView } from './derive/customer.js';
import { periodWindow } from './derive/period.js';
import type { CustomerSummary } from './derive/portfolio.js';
import type { AppContext } from './http/context.js';
import { notFound } from './problem.js';
import { type CustomerRecord, getCustomer } from './repo/customers.js';
import { loadGoals } from './repo/goals.js';
import { listMilestones } from './repo/milestones.js';

/**
 * The read side: loads what the views derive from, through the read cache. Customers are not
 * written through the API, but their revision still guards the cached copy.
 */

export async function findCustomer(ctx: AppContext, id: string): Promise<CustomerRecord | null> {
  const rev = await ctx.cache.customerRev(id);
  const key = `customer:${id}`;
  const cached = ctx.cache.get<CustomerRecord | null>(key, rev);
  if (cached !== undefined) return cached;
  const c = await getCustomer(ctx.db, id);
  ctx.cache.set(key, rev, c);
  return c;
}

/** The customer if the token may see it; otherwise the same 404 as for a missing one. */
export async function customerInScope(
  ctx: AppContext,
  p: Principal,
  id: string,
): Promise<CustomerRecord> {
  const c = await findCustomer(ctx, id);
  if (!c || !sees(p, c)) throw notFound('Customer', id);
  return c;
}

/** The customer's goals (full history), milestones and derived goals for a period. */
export async function loadCustomerView(
  ctx: AppContext,
  c: CustomerRecord,
  period: string,
): Promise<CustomerView> {
  const window = periodWindow(period, c.contract_start, ctx.clock());
  const [goals, milestones] = [
    await loadGoals(ctx.db, { customerId: c.id, until: window.endMs, history: 'full' }),
    await listMilestones(ctx.db, c.id),
  ];
  return customerView(c, window, goals, milestones);
}

/**
 * Every customer's summary as of today, in portfolio order (name, then id): the portfolio and
 * the benchmarks read it. Kept current incrementally by {@link SummaryStore}: after a write only
 * the changed customers are re-derived.
 */
export function allSummaries(ctx: AppContext): Promise<Map<string, CustomerSummary>> {
  return ctx.summaries.summaries(ctx.clock());
}

/** The summaries of one segment's customers, the benchmarks' peer set (portfolio order). */
export function segmentSummaries(
  ctx: AppContext,
  segment: string,
): Promise<readonly CustomerSummary[]> {
  return ctx.summaries.segment(ctx.clock(), segment);
}
