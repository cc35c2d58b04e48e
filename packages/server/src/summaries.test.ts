// The summaries store: after a write only the written customer is reloaded, the result always
// equals a recomputation from scratch, and (PostgreSQL) writes by another connection are seen.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from './auth.js';
import { ReadCache } from './cache.js';
import type { Database } from './db/database.js';
import { dropSchema, openPostgres } from './db/postgres.js';
import { type HealthNow, healthNow } from './derive/health.js';
import { periodWindow } from './derive/period.js';
import { type CustomerSummary, customerSummaries } from './derive/portfolio.js';
import {
  allCustomers,
  type CustomerRecord,
  insertCustomers,
  lockCustomer,
} from './repo/customers.js';
import { insertMeasurements, loadGoals, touchGoal, updateGoal } from './repo/goals.js';
import { listHealthModels, listHealthObservations } from './repo/health.js';
import { familiesOf, withFamily } from './routes/portfolio-scope.js';
import { databaseSummarySource, type SummarySource, SummaryStore } from './summaries.js';

/** The demo's parent account (seed.ts withDemoHierarchy). */
const DEMO_PARENT = 'cus_0053';

import { buildSeeded, seededDatabase, TEST_NOW } from './testing/harness.js';
import { describeBackends, TEST_DATABASE_URL, type TestDatabase } from './testing/test-db.js';

/** The database source, counting what it is asked to load. */
function countingSource(db: Database) {
  const inner = databaseSummarySource(db);
  const loads = { all: 0, customerIds: [] as string[][], goalIds: [] as (string[] | null)[] };
  const source: SummarySource = {
    allCustomers: () => {
      loads.all++;
      return inner.allCustomers();
    },
    customers: (ids) => {
      loads.customerIds.push([...ids].sort());
      return inner.customers(ids);
    },
    goals: (ids, until) => {
      loads.goalIds.push(ids === null ? null : [...ids].sort());
      return inner.goals(ids, until);
    },
    revisions: () => inner.revisions(),
    latestHealth: (ids) => inner.latestHealth(ids),
    healthModels: () => inner.healthModels(),
    saved: (key) => inner.saved(key),
    save: (key, rows) => inner.save(key, rows),
  };
  return { source, loads };
}

/** What `allSummaries` answered before the store: every customer recomputed now. */
async function fromScratch(db: Database, now: Date): Promise<Map<string, CustomerSummary>> {
  const window = periodWindow('all', null, now);
  const customers = await allCustomers(db);
  const models = new Map((await listHealthModels(db)).map((m) => [m.segment, m]));
  const health = new Map<string, HealthNow>();
  for (const c of customers) {
    const obs = await listHealthObservations(db, c.id);
    const h = healthNow(models.get(c.segment), obs.at(-1));
    if (h) health.set(c.id, h);
  }
  return customerSummaries(
    customers,
    await loadGoals(db, { until: window.endMs, history: 'latest' }),
    window,
    health,
  );
}

interface Target {
  readonly customer: string;
  readonly goal: string;
  readonly metric: string;
}

async function targets(db: Database): Promise<Target[]> {
  return db.query<Target & Record<string, unknown>>(
    `SELECT g.customer_id AS customer, g.id AS goal, m.id AS metric
     FROM goals g JOIN metrics m ON m.goal_id = g.id ORDER BY g.id, m.id`,
  );
}

/** A committed write as `writeForCustomer` does it: lock (bumps rev), change, then bump. */
async function recordMeasurement(
  db: Database,
  cache: ReadCache | null,
  t: Target,
  value: number,
  at: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    expect(await lockCustomer(tx, t.customer)).not.toBeNull();
    await insertMeasurements(tx, [
      { metric_id: t.metric, at, value, source: 'test', note: null, recorded_at: at },
    ]);
    await touchGoal(tx, t.goal, at);
  });
  cache?.bump(t.customer);
}

/** A write that moves a goal's target date, which changes its expected pace and status. */
async function moveTargetDate(
  db: Database,
  cache: ReadCache,
  t: Target,
  targetDate: string,
  at: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    expect(await lockCustomer(tx, t.customer)).not.toBeNull();
    const [g] = await loadGoals(tx, { goalId: t.goal, until: at, history: 'latest' });
    if (!g) throw new Error(`goal ${t.goal} missing`);
    await updateGoal(tx, {
      ...g,
      start_date: g.start_date < targetDate ? g.start_date : '2025-01-01',
      target_date: targetDate,
      updated_at: at,
    });
  });
  cache.bump(t.customer);
}

describeBackends('summaries store (%s)', (backend) => {
  let t: TestDatabase;
  let all: Target[];
  beforeAll(async () => {
    t = await seededDatabase(backend);
    all = await targets(t.db);
  }, 180_000);
  afterAll(() => t?.cleanup());

  it('after a write to one customer reloads that customer only, and no one else', async () => {
    const cache = new ReadCache(t.db);
    const { source, loads } = countingSource(t.db);
    const store = new SummaryStore(t.db, cache, { source });
    await store.summaries(TEST_NOW);
    expect(loads.all).toBe(1);
    // The first refresh loads every customer's goals (in chunks), each customer once.
    const everyone = loads.goalIds.flatMap((ids) => ids ?? []);
    expect(everyone).toHaveLength(202);
    expect(new Set(everyone).size).toBe(202);
    const full = loads.goalIds.length;
    const target = all.find((x) => x.customer === 'cus_globex')!;
    await recordMeasurement(t.db, cache, target, 42, TEST_NOW.getTime() - 60_000);
    const after = await store.summaries(TEST_NOW);
    expect(loads.all).toBe(1);
    expect(loads.customerIds).toEqual([['cus_globex']]);
    expect(loads.goalIds.slice(full)).toEqual([['cus_globex']]);
    expect(after).toEqual(await fromScratch(t.db, TEST_NOW));
    // Nothing changed since: nothing is loaded again.
    await store.summaries(TEST_NOW);
    expect(loads.customerIds).toHaveLength(1);
    expect(store.stats()).toMatchObject({ fullRefreshes: 1, partialRefreshes: 1 });
  });

  it('after a restart starts from the saved summaries and derives only customers changed since', async () => {
    const first = new SummaryStore(t.db, new ReadCache(t.db), { save: true });
    await first.summaries(TEST_NOW);
    await first.idle();
    const target = all.find((x) => x.customer === 'cus_globex')!;
    // Written while "no server runs": only the revision in the database tells.
    await recordMeasurement(t.db, null, target, 55, TEST_NOW.getTime() - 30_000);

    const { source, loads } = countingSource(t.db);
    const restarted = new SummaryStore(t.db, new ReadCache(t.db), { save: true, source });
    const got = await restarted.summaries(TEST_NOW);
    expect(loads.all).toBe(0);
    expect(loads.customerIds).toEqual([['cus_globex']]);
    expect(restarted.stats()).toMatchObject({ customersRestored: 201, fullRefreshes: 0 });
    const want = await fromScratch(t.db, TEST_NOW);
    expect([...got.keys()]).toEqual([...want.keys()]);
    expect(got).toEqual(want);
    await restarted.idle();

    // The re-derived customer was saved too: the next restart derives no one.
    const again = countingSource(t.db);
    const third = new SummaryStore(t.db, new ReadCache(t.db), { save: true, source: again.source });
    expect(await third.summaries(TEST_NOW)).toEqual(want);
    expect(again.loads.customerIds).toEqual([]);
    expect(third.stats().customersRestored).toBe(202);
  });

  it("keeps a parent's rollup current after a write to a child, live and after a restart from the saved summaries", async () => {
    const manager: Principal = { tokenId: 't', role: 'manager', csmId: null, customerId: null };
    const rollup = (m: ReadonlyMap<string, CustomerSummary>) =>
      withFamily(m.get(DEMO_PARENT)!, familiesOf(m, manager)).rollup;
    const cache = new ReadCache(t.db);
    const store = new SummaryStore(t.db, cache, { save: true });
    const before = rollup(await store.summaries(TEST_NOW));
    expect(before?.children.length).toBeGreaterThanOrEqual(3);
    await store.idle();
    const child = all.find((x) => x.customer === before!.children[0]!.customer_id)!;
    const [m] = await t.db.query<{ baseline: number | null; target: number }>(
      'SELECT baseline_value AS baseline, target_value AS target FROM metrics WHERE id = $1',
      [child.metric],
    );
    // At target and then at baseline: at least one of the two moves the child's figures.
    await recordMeasurement(t.db, cache, child, m!.target, TEST_NOW.getTime() - 20_000);
    const live = rollup(await store.summaries(TEST_NOW));
    expect(live).toEqual(rollup(await fromScratch(t.db, TEST_NOW)));
    await store.idle();
    // Written while "no server runs": the restarted store re-derives the child, and the parent's
    // rollup (over the children's summaries) follows.
    await recordMeasurement(t.db, null, child, m!.baseline ?? 0, TEST_NOW.getTime() - 10_000);
    const restarted = new SummaryStore(t.db, new ReadCache(t.db), { save: true });
    const after = rollup(await restarted.summaries(TEST_NOW));
    expect(after).toEqual(rollup(await fromScratch(t.db, TEST_NOW)));
    expect([live, after]).not.toEqual([before, before]);
    expect(restarted.stats().customersRestored).toBeGreaterThan(0);
    await restarted.idle();
  });

  it('derives everyone when the saved summaries are of another day or other derivation code', async () => {
    const first = new SummaryStore(t.db, new ReadCache(t.db), { save: true });
    await first.summaries(TEST_NOW);
    await first.idle();
    const tomorrow = new Date(TEST_NOW.getTime() + 86_400_000);
    const nextDay = countingSource(t.db);
    const store = new SummaryStore(t.db, new ReadCache(t.db), {
      save: true,
      source: nextDay.source,
    });
    expect(await store.summaries(tomorrow)).toEqual(await fromScratch(t.db, tomorrow));
    expect(nextDay.loads.all).toBe(1);
    await store.idle();

    // Most customers written since (an import): derived again in chunks, not in one partial load.
    await t.db.query('UPDATE customers SET rev = rev + 1');
    const imported = countingSource(t.db);
    const bulk = new SummaryStore(t.db, new ReadCache(t.db), {
      save: true,
      source: imported.source,
    });
    expect(await bulk.summaries(tomorrow)).toEqual(await fromScratch(t.db, tomorrow));
    expect(imported.loads.all).toBe(1);
    expect(imported.loads.customerIds).toEqual([]);
    await bulk.idle();

    await t.db.query(`UPDATE customer_summaries SET fingerprint = 'older code'`);
    const upgraded = countingSource(t.db);
    const after = new SummaryStore(t.db, new ReadCache(t.db), {
      save: true,
      source: upgraded.source,
    });
    expect(await after.summaries(tomorrow)).toEqual(await fromScratch(t.db, tomorrow));
    expect(upgraded.loads.all).toBe(1);
    expect(after.stats().customersRestored).toBe(0);
  });

  it('loads every goal in pages, in the same order as one query over every customer', async () => {
    const until = TEST_NOW.getTime();
    const ids = (await allCustomers(t.db)).map((c) => c.id);
    const oneQuery = await loadGoals(t.db, { customerIds: ids, until, history: 'latest' });
    const paged = await loadGoals(t.db, { until, history: 'latest', pageSize: 7 });
    expect(oneQuery.length).toBeGreaterThan(7 * 10);
    expect(paged.map((g) => g.id)).toEqual(oneQuery.map((g) => g.id));
    expect(paged).toEqual(oneQuery);
  });

  it('recomputes every customer on the first request of a new day', async () => {
    const cache = new ReadCache(t.db);
    const { source, loads } = countingSource(t.db);
    const store = new SummaryStore(t.db, cache, { source });
    await store.summaries(TEST_NOW);
    const tomorrow = new Date(TEST_NOW.getTime() + 86_400_000);
    const next = await store.summaries(tomorrow);
    expect(loads.all).toBe(2);
    expect(next).toEqual(await fromScratch(t.db, tomorrow));
  });

  it('equals a recomputation from scratch, in portfolio order, after any sequence of writes', async () => {
    const cache = new ReadCache(t.db);
    const { source, loads } = countingSource(t.db);
    const store = new SummaryStore(t.db, cache, { source });
    await store.summaries(TEST_NOW);
    let clock = TEST_NOW.getTime() - 3_600_000;
    const write = fc.record({
      target: fc.nat(all.length - 1),
      kind: fc.constantFrom('measure', 'move'),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      day: fc.integer({ min: 0, max: 400 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 4 }), async (writes) => {
        const touched = new Set<string>();
        for (const w of writes) {
          const target = all[w.target]!;
          clock += 1000;
          if (w.kind === 'measure') await recordMeasurement(t.db, cache, target, w.value, clock);
          else {
            const date = new Date(Date.UTC(2026, 0, 1) + w.day * 86_400_000);
            await moveTargetDate(t.db, cache, target, date.toISOString().slice(0, 10), clock);
          }
          touched.add(target.customer);
        }
        const before = loads.customerIds.length;
        const got = await store.summaries(TEST_NOW);
        expect(loads.customerIds.slice(before)).toEqual([[...touched].sort()]);
        const want = await fromScratch(t.db, TEST_NOW);
        expect([...got.keys()]).toEqual([...want.keys()]);
        expect(got).toEqual(want);
      }),
      { numRuns: 15, seed: 12 },
    );
    expect(loads.all).toBe(1);
  });
});

// A second Database handle on the same schema stands for another server process: its writes
// never reach this process's ReadCache, so the store must find them in the database.
describe.skipIf(!TEST_DATABASE_URL)(
  'summaries store with another process writing (postgres)',
  () => {
    const schema = `cscx_test_${randomBytes(6).toString('hex')}`;
    let mine: Database;
    let other: Database;
    beforeAll(async () => {
      mine = await openPostgres(TEST_DATABASE_URL!, { schema, max: 4 });
      await buildSeeded(mine);
      other = await openPostgres(TEST_DATABASE_URL!, { schema, max: 2 });
    }, 180_000);
    afterAll(async () => {
      await other?.close();
      await mine?.close();
      await dropSchema(TEST_DATABASE_URL!, schema);
    });

    it('sees a write, a new customer and a deleted one from another connection', async () => {
      const cache = new ReadCache(mine);
      const { source, loads } = countingSource(mine);
      const store = new SummaryStore(mine, cache, { source });
      const first = await store.summaries(TEST_NOW);
      const target = (await targets(other)).find((x) => x.customer === 'cus_acme')!;
      const before = first.get('cus_acme')!.wire.last_updated;

      await recordMeasurement(other, null, target, 7, TEST_NOW.getTime() - 1000);
      const afterWrite = await store.summaries(TEST_NOW);
      expect(afterWrite.get('cus_acme')!.wire.last_updated).not.toBe(before);
      expect(loads.customerIds.at(-1)).toEqual(['cus_acme']);
      expect(afterWrite).toEqual(await fromScratch(mine, TEST_NOW));

      const added: CustomerRecord = {
        id: 'cus_other_process',
        name: 'Aaa Other Process Ltd',
        segment: 'smb',
        industry: null,
        csm_id: null,
        currency: 'USD',
        contract_start: '2026-01-01',
        investment: 1000,
        parent_id: null,
        version: 1,
      };
      await insertCustomers(other, [added]);
      const withNew = await store.summaries(TEST_NOW);
      expect(withNew.get(added.id)?.customer).toEqual(added);
      expect([...withNew.keys()]).toEqual([...(await fromScratch(mine, TEST_NOW)).keys()]);
      expect((await store.segment(TEST_NOW, 'smb')).map((s) => s.customer.id)).toContain(added.id);

      await other.query('DELETE FROM customers WHERE id = $1', ['cus_globex']);
      const withoutGlobex = await store.summaries(TEST_NOW);
      expect(withoutGlobex.has('cus_globex')).toBe(false);
      expect(withoutGlobex).toEqual(await fromScratch(mine, TEST_NOW));
      expect(loads.all).toBe(1);
    });
  },
);
