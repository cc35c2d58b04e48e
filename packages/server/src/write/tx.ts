import type { Queryable } from '../db/database.js';
import type { AppContext } from '../http/context.js';
import { notFound } from '../problem.js';
import { lockCustomer } from '../repo/customers.js';

/**
 * One write: a transaction that first locks the customer's row (so writes to one customer are
 * serialised: a version check and its update cannot interleave with another's), and, once
 * committed, tells the read cache that the customer (and its parent's rollup) changed.
 */
export async function writeForCustomer<T>(
  ctx: AppContext,
  customerId: string,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  let parent: string | null = null;
  const result = await ctx.db.transaction(async (tx) => {
    const locked = await lockCustomer(tx, customerId);
    if (!locked) throw notFound('Customer', customerId);
    parent = locked.parent_id;
    return fn(tx);
  });
  ctx.cache.bump(customerId);
  // The parent's rollup reads this customer's figures.
  if (parent !== null) ctx.cache.bump(parent);
  return result;
}
