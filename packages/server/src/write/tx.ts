import type { Queryable } from '../db/database.js';
import type { AppContext } from '../http/context.js';
import { notFound } from '../problem.js';
import { lockCustomer } from '../repo/customers.js';

/**
 * One write: a transaction that first locks the customer's row (so writes to one customer are
 * serialised: a version check and its update cannot interleave with another's), and, once
 * committed, tells the read cache that the customer changed.
 */
export async function writeForCustomer<T>(
  ctx: AppContext,
  customerId: string,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  const result = await ctx.db.transaction(async (tx) => {
    if (!(await lockCustomer(tx, customerId))) throw notFound('Customer', customerId);
    return fn(tx);
  });
  ctx.cache.bump(customerId);
  return result;
}
