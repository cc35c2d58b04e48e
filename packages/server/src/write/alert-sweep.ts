import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { goalTransitionAlert } from '../derive/alerts.js';
import { deriveGoal } from '../derive/goal.js';
import { periodWindow } from '../derive/period.js';
import { insertAlerts } from '../repo/alerts.js';
import { allCustomers } from '../repo/customers.js';
import { loadGoals, setLastStatus } from '../repo/goals.js';
import { goalEvents } from '../webhooks/events.js';
import { enqueueEvents } from '../webhooks/outbox.js';

/** Customers whose goals the sweep's first pass loads at a time (a parameter for tests). */
const SWEEP_CHUNK = 500;

/**
 * Statuses also change with time alone: expected pace grows every day, and target dates pass.
 * The sweep evaluates every goal as of now and raises the alerts of transitions no write has
 * revealed (a goal turning at risk overnight). Writes evaluate their own goal, so the two never
 * raise the same transition twice: both compare against the stored last status, under the
 * customer's row lock.
 */
export async function sweepAlerts(
  db: Database,
  clock: Clock,
  chunk: number = SWEEP_CHUNK,
): Promise<number> {
  const now = clock();
  const window = periodWindow('all', null, now);
  const customers = new Map((await allCustomers(db)).map((c) => [c.id, c]));
  // A first pass without locks finds the few customers with something to say, a chunk of
  // customers at a time: holding every goal at once made the sweep the server's largest
  // allocation (133,000 goals at 50,000 customers).
  const changed = new Set<string>();
  const ids = [...customers.keys()];
  for (let i = 0; i < ids.length; i += chunk) {
    const customerIds = ids.slice(i, i + chunk);
    for (const g of await loadGoals(db, { customerIds, until: window.endMs, history: 'latest' })) {
      const c = customers.get(g.customer_id);
      if (c && deriveGoal(g, window, c.currency).status !== g.last_status) {
        changed.add(g.customer_id);
      }
    }
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
        const raised = alert ? await insertAlerts(tx, [alert]) : [];
        n += raised.length;
        await setLastStatus(tx, g.id, d.status);
        // Under the same row lock and transaction as the status it reports.
        await enqueueEvents(tx, goalEvents(g.last_status, d, raised, now.getTime()));
      }
      return n;
    });
  }
  return raised;
}

/** What {@link sweepOncePerPeriod} did. */
export interface PeriodicSweep {
  /** False when another instance is sweeping now or already swept this period. */
  readonly ran: boolean;
  readonly raised: number;
}

// Any constant, distinct from the migrations' lock: the instance sweeping holds it.
const SWEEP_LOCK_KEY = 5_165_070;

/**
 * The alert sweep as the server schedules it: once per `periodMs` across every instance on the
 * database. With PostgreSQL the instance that takes the advisory lock and finds the period not
 * yet swept (table `sweeps`) does the work and records it; the others skip, so N instances do
 * not sweep N times (each sweep reads every goal). The record is written in the same transaction
 * that holds the lock, so it is committed only once the sweep succeeded: a failed sweep leaves
 * the period open for the next attempt. PGlite has one process, so it simply sweeps.
 *
 * Correctness never rests on this: a sweep and a write, or two sweeps, still raise a transition
 * once, because both compare against the stored last status under the customer's row lock.
 *
 * @example
 * const { ran, raised } = await sweepOncePerPeriod(db, () => new Date(), 60 * 60 * 1000);
 */
export async function sweepOncePerPeriod(
  db: Database,
  clock: Clock,
  periodMs: number,
  work: (db: Database, clock: Clock) => Promise<number> = sweepAlerts,
): Promise<PeriodicSweep> {
  if (db.exclusive) return { ran: true, raised: await work(db, clock) };
  return db.transaction(async (tx) => {
    const [lock] = await tx.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [SWEEP_LOCK_KEY],
    );
    if (!lock?.locked) return { ran: false, raised: 0 };
    // The database's clock, not this machine's: instances whose clocks disagree still agree on
    // when the period started.
    const claimed = await tx.query(
      `INSERT INTO sweeps AS s (name, ran_at) VALUES ('alerts', now())
       ON CONFLICT (name) DO UPDATE SET ran_at = EXCLUDED.ran_at
       WHERE s.ran_at <= EXCLUDED.ran_at - make_interval(secs => $1::float8 / 1000)
       RETURNING name`,
      [periodMs],
    );
    if (claimed.length === 0) return { ran: false, raised: 0 };
    // The work runs on other pool connections; this transaction only holds the lock and claim.
    return { ran: true, raised: await work(db, clock) };
  });
}
