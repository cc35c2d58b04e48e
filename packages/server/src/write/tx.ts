import type { Queryable } from '../db/database.js';
import type { AppContext } from '../http/context.js';
import { notFound } from '../problem.js';
import { lockCustomer, lockCustomersInOrder } from '../repo/customers.js';

/**
 * One write: a transaction that first locks the customer's row (so writes to one customer are
 * serialised: a version check and its update cannot interleave with another's), and, once
 * committed, tells the read cache that the customer (and its parent's rollup) changed.
 * `alsoLock`: other customers the write locks (a new parent), locked with this one in byte order
 * of their ids, the order imports lock in too, so no two writes wait for each other's rows.
 */
export async function writeForCustomer<T>(
  ctx: AppContext,
  customerId: string,
  fn: (tx: Queryable) => Promise<T>,
  alsoLock: readonly string[] = [],
): Promise<T> {
  let parent: string | null = null;
  const result = await ctx.db.transaction(async (tx) => {
    if (alsoLock.length === 0) {
      const locked = await lockCustomer(tx, customerId);
      if (!locked) throw notFound('Customer', customerId);
      parent = locked.parent_id;
    } else {
      const locked = await lockCustomersInOrder(tx, [customerId, ...alsoLock]);
      const own = locked.get(customerId);
      if (own === undefined) throw notFound('Customer', customerId);
      parent = own;
    }
    return fn(tx);
  });
  ctx.cache.bump(customerId);
  // The parent's rollup reads this customer's figures.
  if (parent !== null) ctx.cache.bump(parent);
  return result;
}
