import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { goalTransitionAlert } from '../derive/alerts.js';
import { deriveGoal } from '../derive/goal.js';
import { periodWindow } from '../derive/period.js';
import { insertAlerts } from '../repo/alerts.js';
import { allCustomers } from '../repo/customers.js';
import { loadGoals, setLastStatus } from '../repo/goals.js';

/**
 * Statuses also change with time alone: expected pace grows every day, and target dates pass.
 * The sweep evaluates every goal as of now and raises the alerts of transitions no write has
 * revealed (a goal turning at risk overnight). Writes evaluate their own goal, so the two never
 * raise the same transition twice: both compare against the stored last status, under the
 * customer's row lock.
 */
export async function sweepAlerts(db: Database, clock: Clock): Promise<number> {
  const now = clock();
  const window = periodWindow('all', null, now);
  const customers = new Map((await allCustomers(db)).map((c) => [c.id, c]));
  const goals = await loadGoals(db, { until: window.endMs, history: 'latest' });
  // A first pass without locks finds the few customers with something to say.
  const changed = new Set<string>();
  for (const g of goals) {
    const c = customers.get(g.customer_id);
    if (c && deriveGoal(g, window, c.currency).status !== g.last_status) changed.add(g.customer_id);
  }
  let raised = 0;
  for (const id of changed) {
    const c = customers.get(id);
    if (!c) continue;
    raised += await db.transaction(async (tx) => {
      // FOR UPDATE, not the write path's revision bump: read caches stay valid.
      await tx.query('SELECT id FROM customers WHERE id = $1 FOR UPDATE', [id]);
      let n = 0;
      for (const g of await loadGoals(tx, {
        customerId: id,
        until: window.endMs,
        history: 'latest',
      })) {
        const d = deriveGoal(g, window, c.currency);
        if (d.status === g.last_status) continue;
        const alert =
          g.last_status === null ? null : goalTransitionAlert(g.last_status, d, now.getTime());
        if (alert) n += (await insertAlerts(tx, [alert])).length;
        await setLastStatus(tx, g.id, d.status);
      }
      return n;
    });
  }
  return raised;
}
