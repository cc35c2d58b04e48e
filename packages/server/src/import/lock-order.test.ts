// Two imports that write the same parent and child customer, listed in opposite orders, run at
// once on PostgreSQL: both succeed without a deadlock and neither loses a row. Each import's
// transaction is held just after its first customer lock until the other has taken one too (or
// a moment has passed), which is the interleaving that deadlocks when locks follow file order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database, Queryable } from '../db/database.js';
import { type Api, apiOf } from '../testing/api.js';
import { seededDatabase, testClock } from '../testing/harness.js';
import { POSTGRES_SKIP_REASON, TEST_DATABASE_URL, type TestDatabase } from '../testing/test-db.js';

/** A customer row lock as the write paths take it (lockCustomer, lockCustomersInOrder). */
const CUSTOMER_LOCK =
  /^\s*(UPDATE customers SET rev = rev \+ 1|SELECT id FROM customers WHERE id = ANY)/;
const HOLD_MS = 1500;

interface Watch {
  deadlocks: number;
  /** Transactions that have taken a customer lock, resolved as each does. */
  locked: number;
  waiters: (() => void)[];
}

/** `db` with every transaction watched: deadlocks counted, held after its first customer lock. */
function watched(db: Database, watch: Watch): Database {
  const hold = async () => {
    watch.locked++;
    for (const w of watch.waiters.splice(0)) w();
    if (watch.locked >= 2) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, HOLD_MS);
      watch.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
  return {
    ...db,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction(async (tx) => {
        let first = true;
        const inner: Queryable = {
          async query(sql, params) {
            const rows = await tx.query(sql, params);
            if (first && CUSTOMER_LOCK.test(sql)) {
              first = false;
              await hold();
            }
            return rows as never;
          },
          exec: (sql) => tx.exec(sql),
        };
        try {
          return await fn(inner);
        } catch (e) {
          if ((e as { code?: unknown }).code === '40P01') watch.deadlocks++;
          throw e;
        }
      }),
  };
}

describe.skipIf(!TEST_DATABASE_URL)('imports locking a parent and its child (postgres)', () => {
  let t: TestDatabase;
  let call: Api;
  const watch: Watch = { deadlocks: 0, locked: 0, waiters: [] };

  beforeAll(async () => {
    t = await seededDatabase('postgres');
    call = apiOf(createApp({ db: watched(t.db, watch), clock: testClock(), static: false }));
  }, 180_000);
  afterAll(() => t?.cleanup());

  it('runs two imports in opposite customer orders at once: both succeed, no deadlock, no row lost', async () => {
    const [pair] = await t.db.query<{ child: string; parent: string }>(
      `SELECT c.id AS child, c.parent_id AS parent FROM customers c
       WHERE c.parent_id IS NOT NULL AND EXISTS (SELECT 1 FROM goals g WHERE g.customer_id = c.id)
         AND EXISTS (SELECT 1 FROM goals g WHERE g.customer_id = c.parent_id)
       ORDER BY c.id LIMIT 1`,
    );
    expect(pair, 'the seed has a parent and a child with goals').toBeDefined();
    const metricOf = async (customerId: string) =>
      (
        await t.db.query<{ goal_id: string; metric_id: string }>(
          `SELECT g.id AS goal_id, m.id AS metric_id FROM goals g JOIN metrics m ON m.goal_id = g.id
           WHERE g.customer_id = $1 ORDER BY g.id, m.position LIMIT 1`,
          [customerId],
        )
      )[0]!;
    const parent = await metricOf(pair!.parent);
    const child = await metricOf(pair!.child);
    const count = async () =>
      Number(
        (
          await t.db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM measurements WHERE metric_id = ANY($1::text[])',
            [[parent.metric_id, child.metric_id]],
          )
        )[0]?.n,
      );
    const before = await count();
    const rows = (first: typeof parent, second: typeof parent, base: number) =>
      [first, first, second, second]
        .map((m, i) =>
          JSON.stringify({
            goal_id: m.goal_id,
            metric_id: m.metric_id,
            value: base + i,
            measured_at: `2026-04-2${i}T10:00:00Z`,
          }),
        )
        .join('\n');
    const send = (body: string, key: string) =>
      call(
        'createImport',
        {},
        {
          query: { kind: 'measurements' },
          raw: `${body}\n`,
          headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': key },
        },
      );
    const [a, b] = await Promise.all([
      send(rows(parent, child, 100), 'lock-order-a'),
      send(rows(child, parent, 200), 'lock-order-b'),
    ]);
    expect(a.status, a.text).toBe(201);
    expect(b.status, b.text).toBe(201);
    expect(watch.deadlocks).toBe(0);
    expect(await count()).toBe(before + 8);
  }, 60_000);

  it('runs an update giving a customer a new parent while an import writes both: both succeed, no deadlock', async () => {
    watch.locked = 0;
    const deadlocksBefore = watch.deadlocks;
    const fields = (id: string, name: string, parent: string | null) => ({
      id,
      name,
      segment: 'smb',
      industry: 'Retail',
      csm_id: 'csm_riley',
      currency: 'USD',
      contract_start: '2026-01-01',
      investment: 10000,
      parent_id: parent,
    });
    // Byte order puts the parent (…_a) first; the update locks the child (…_b) first.
    for (const id of ['cus_lock_a', 'cus_lock_b']) {
      const r = await call('createCustomer', {}, { body: fields(id, id, null) as never });
      expect(r.status, r.text).toBe(201);
    }
    const child = (await call('getCustomer', { customerId: 'cus_lock_b' })).json;
    const update = call(
      'updateCustomer',
      { customerId: 'cus_lock_b' },
      {
        headers: { 'if-match': `"${child.version}"` },
        body: { ...child, parent_id: 'cus_lock_a' } as never,
      },
    );
    await new Promise((r) => setTimeout(r, 200));
    const file = [
      fields('cus_lock_b', 'Lock B (imported)', 'cus_lock_a'),
      fields('cus_lock_a', 'Lock A (imported)', null),
    ]
      .map((f) => JSON.stringify(f))
      .join('\n');
    const imported = call(
      'createImport',
      {},
      {
        query: { kind: 'customers' },
        raw: `${file}\n`,
        headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': 'lock-order-c' },
      },
    );
    const [u, i] = await Promise.all([update, imported]);
    expect(u.status, u.text).toBe(200);
    expect(i.status, i.text).toBe(201);
    expect(watch.deadlocks - deadlocksBefore).toBe(0);
    const rows = await t.db.query<{ id: string; name: string; parent_id: string | null }>(
      "SELECT id, name, parent_id FROM customers WHERE id IN ('cus_lock_a', 'cus_lock_b') ORDER BY id",
    );
    expect(rows).toEqual([
      { id: 'cus_lock_a', name: 'Lock A (imported)', parent_id: null },
      { id: 'cus_lock_b', name: 'Lock B (imported)', parent_id: 'cus_lock_a' },
    ]);
  }, 60_000);
});

if (!TEST_DATABASE_URL) {
  describe.skip('imports locking a parent and its child (postgres)', () => {
    it(POSTGRES_SKIP_REASON, () => {});
  });
}
