import { type Principal, sees } from './auth.js';
import type { AccountRollup } from './contract.js';
import { type CustomerView, customerView } from './derive/customer.js';
import { periodWindow } from './derive/period.js';
import { type CustomerSummary, customerSummaries } from './derive/portfolio.js';
import { rollupOf } from './derive/rollup.js';
import type { AppContext } from './http/context.js';
import { notFound } from './problem.js';
import { type CustomerRecord, childrenOf, getCustomer } from './repo/customers.js';
import { loadGoals } from './repo/goals.js';
import { listMilestones } from './repo/milestones.js';

/**
 * The read side: loads what the views derive from, through the read cache. Customers are not
 * written through the API, but their revision still guards the cached copy.
 */

/** A customer (null: none) and the revision it was read at, which keys its cached views. */
export interface CustomerAt<C extends CustomerRecord | null = CustomerRecord | null> {
  readonly customer: C;
  readonly rev: string;
}

/**
 * The customer and its revision, from one revision read: a route caching by the revision takes
 * it from here instead of reading it again (with PostgreSQL each read is a query).
 */
export async function findCustomerAt(ctx: AppContext, id: string): Promise<CustomerAt> {
  const rev = await ctx.cache.customerRev(id);
  const key = `customer:${id}`;
  const cached = ctx.cache.get<CustomerRecord | null>(key, rev);
  if (cached !== undefined) return { customer: cached, rev };
  const customer = await getCustomer(ctx.db, id);
  ctx.cache.set(key, rev, customer);
  return { customer, rev };
}

export async function findCustomer(ctx: AppContext, id: string): Promise<CustomerRecord | null> {
  return (await findCustomerAt(ctx, id)).customer;
}

/** {@link customerInScope} with the revision the customer was read at. */
export async function customerInScopeAt(
  ctx: AppContext,
  p: Principal,
  id: string,
): Promise<CustomerAt<CustomerRecord>> {
  const { customer, rev } = await findCustomerAt(ctx, id);
  if (!customer || !sees(p, customer)) throw notFound('Customer', id);
  return { customer, rev };
}

/** The customer if the token may see it; otherwise the same 404 as for a missing one. */
export async function customerInScope(
  ctx: AppContext,
  p: Principal,
  id: string,
): Promise<CustomerRecord> {
  return (await customerInScopeAt(ctx, p, id)).customer;
}

/**
 * A customer's children (portfolio order), cached under the parent's revision: a write to a
 * child, and a child gained or lost, bump the parent's. Without a query when the revision
 * already says there are none.
 */
async function childrenAt(ctx: AppContext, parentId: string, rev: string | undefined) {
  if (rev === undefined) return childrenOf(ctx.db, parentId);
  if (ctx.cache.childless(rev)) return [];
  const key = `children:${parentId}`;
  const cached = ctx.cache.get<CustomerRecord[]>(key, rev);
  if (cached !== undefined) return cached;
  const children = await childrenOf(ctx.db, parentId);
  ctx.cache.set(key, rev, children);
  return children;
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
 * A parent's rollup over `period` (openapi.yaml `AccountRollup`): itself, as its metrics show it,
 * and each child the token sees, derived over the same period with the child's own contract
 * start (as the child's metrics would show it). Null for a customer without such children. One
 * query for the children and one for all their goals; `rev`, the parent's revision as
 * {@link customerInScopeAt} read it, spares the first when they are known.
 */
export async function loadRollup(
  ctx: AppContext,
  p: Principal,
  view: CustomerView,
  own: { readonly totalValue: number; readonly score: number | null },
  rev?: string,
): Promise<AccountRollup | null> {
  const parent = view.customer;
  if (parent.parent_id !== null) return null;
  const children = (await childrenAt(ctx, parent.id, rev)).filter((c) => sees(p, c));
  if (children.length === 0) return null;
  const windows = children.map((c) =>
    periodWindow(view.window.period, c.contract_start, ctx.clock()),
  );
  const until = Math.max(...windows.map((w) => w.endMs));
  const goals = await loadGoals(ctx.db, {
    customerIds: children.map((c) => c.id),
    until,
    history: 'latest',
  });
  const members = children.flatMap((c, i) => {
    const own = goals.filter((g) => g.customer_id === c.id);
    const s = customerSummaries([c], own, windows[i]!).get(c.id);
    return s ? [s] : [];
  });
  return rollupOf(
    {
      customer: parent,
      statuses: view.goals.map((g) => ({ status: g.status })),
      totalValue: own.totalValue,
      score: own.score,
    },
    members,
  );
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
