import { customerInScope } from '../../data.js';
import { ProblemError } from '../../problem.js';
import type { CustomerRecord } from '../../repo/customers.js';
import { type CheckEnv, Memo } from '../kind.js';

/** The customers of an import's rows the token may write, each read once; null when not. */
export function scopedCustomers(env: CheckEnv): Memo<CustomerRecord | null> {
  return new Memo(async (id) => {
    try {
      return await customerInScope(env.ctx, env.principal, id);
    } catch (e) {
      if (e instanceof ProblemError && e.status === 404) return null;
      throw e;
    }
  });
}

/** The row error of a customer that is missing or outside the token's scope (the same 404). */
export function customerNotFound(id: string) {
  return { field: '/customer_id', message: `Customer ${id} was not found.`, code: 'not_found' };
}
