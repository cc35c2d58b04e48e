import { type Principal, sees } from './auth.js';
import { isoDay } from './clock.js';
import { type CustomerView, customerView } from './derive/customer.js';
import { periodWindow } from './derive/period.js';
import { type CustomerSummary, customerSummaries } from './derive/portfolio.js';
import type { AppContext } from './http/context.js';
import { notFound } from './problem.js';
import { allCustomers, type CustomerRecord, getCustomer } from './repo/customers.js';
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

/** Every customer's summary as of today: the portfolio and the benchmarks read it. */
export async function allSummaries(ctx: AppContext): Promise<Map<string, CustomerSummary>> {
  const now = ctx.clock();
  const rev = await ctx.cache.totalRev();
  const key = `summaries:${isoDay(now)}`;
  const cached = ctx.cache.get<Map<string, CustomerSummary>>(key, rev);
  if (cached) return cached;
  const window = periodWindow('all', null, now);
  const [customers, goals] = [
    await allCustomers(ctx.db),
    await loadGoals(ctx.db, { until: window.endMs, history: 'latest' }),
  ];
  const summaries = customerSummaries(customers, goals, window);
  ctx.cache.set(key, rev, summaries);
  return summaries;
}
