// `npm run seed -- --customers N`: the argument handling, and the same N giving the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadCache } from '../cache.js';
import type { Queryable } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { SummaryStore } from '../summaries.js';
import { snapshot } from '../testing/db-snapshot.js';
import { openPgliteCopy, pgliteTemplate, type TestDatabase } from '../testing/test-db.js';
import { parseSeedArgs, seedCommand } from './command.js';
import { DEMO_CUSTOMERS, MAX_CUSTOMERS } from './size.js';

const NOW = new Date('2026-04-30T09:00:00Z');

/**
 * Every table's rows and every sequence, except `customers.created_at`: the wall-clock time of
 * the insert (the column's default), which no response shows.
 */
async function rows(db: Queryable): Promise<Record<string, unknown>> {
  const { 'table customers': _, ...rest } = await snapshot(db);
  const customers = await db.query(
    `SELECT id, name, segment, industry, csm_id, currency, contract_start::text, investment, rev
     FROM customers ORDER BY id`,
  );
  return { ...rest, customers };
}

describe('npm run seed arguments', () => {
  it('default to the demo as it ships (202 customers), without --reset', () => {
    expect(parseSeedArgs([])).toEqual({ reset: false, customers: DEMO_CUSTOMERS });
    expect(DEMO_CUSTOMERS).toBe(202);
  });

  it('take --customers N or --customers=N, with --reset in any order', () => {
    expect(parseSeedArgs(['--customers', '10002'])).toEqual({ reset: false, customers: 10_002 });
    expect(parseSeedArgs(['--reset', '--customers=5'])).toEqual({ reset: true, customers: 5 });
    expect(parseSeedArgs(['--customers', '2', '--reset'])).toEqual({ reset: true, customers: 2 });
    expect(parseSeedArgs(['--customers', String(MAX_CUSTOMERS)])).toEqual({
      reset: false,
      customers: MAX_CUSTOMERS,
    });
  });

  it.each([
    [['--customers'], 'needs a number'],
    [['--customers', 'ten'], 'whole number'],
    [['--customers', '2.5'], 'whole number'],
    [['--customers', '-5'], 'whole number'],
    [['--customers', '1e4'], 'whole number'],
    [['--customers', ''], 'whole number'],
    [['--customers', '1'], 'from 2 (Acme Corp and Globex Corp) to 100,000, not 1'],
    [['--customers', '0'], 'not 0'],
    [['--customers', '100001'], 'to 100,000, not 100001'],
    [['--customers', '5', '--customers', '6'], 'given twice'],
    [['--rest'], 'Unknown argument "--rest"'],
  ])('refuse %j with a message (%s)', (args, message) => {
    const r = parseSeedArgs(args);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toContain(message);
  });
});

describe('npm run seed -- --customers N', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openPgliteCopy(await pgliteTemplate('blank', 'initdb-only-v1', async () => {}));
    await migrate(t.db);
  }, 120_000);
  afterAll(() => t?.cleanup());

  it('seeds N customers, the same rows for the same N, and other rows for another N', async () => {
    const first = await seedCommand(t.db, 'the test db', { reset: false, customers: 5 }, NOW);
    expect(first.code).toBe(0);
    expect(first.message).toMatch(
      /^Seeded the test db: 5 customers, \d+ goals, \d+ measurements, \d+ milestones, \d+ alerts, 3 demo tokens in \d+\.\d s; share Acme Corp with its customer at \/share\/cscx_share_demo-acme \(90 days\)\.$/,
    );
    const five = await rows(t.db);
    expect(five.customers).toHaveLength(5);

    const refused = await seedCommand(t.db, 'the test db', { reset: false, customers: 5 }, NOW);
    expect(refused).toEqual({
      code: 1,
      message:
        'the test db already holds data; run npm run seed -- --reset to replace it with the demo data.',
    });
    expect(await rows(t.db)).toEqual(five);

    await seedCommand(t.db, 'the test db', { reset: true, customers: 5 }, NOW);
    expect(await rows(t.db)).toEqual(five);

    await seedCommand(t.db, 'the test db', { reset: true, customers: 6 }, NOW);
    const six = await rows(t.db);
    expect(six.customers).toHaveLength(6);
    expect(six['table goals']).not.toBe(five['table goals']);

    // Acme and Globex alone: the smallest demo, still with its tokens.
    const two = await seedCommand(t.db, 'the test db', { reset: true, customers: 2 }, NOW);
    expect(two.message).toMatch(/: 2 customers, .* 3 demo tokens/);
    const ids = await t.db.query<{ id: string }>('SELECT id FROM customers ORDER BY id');
    expect(ids.map((r) => r.id)).toEqual(['cus_acme', 'cus_globex']);
  }, 120_000);

  it("ends with every summary saved, so the server's first portfolio restores them instead of deriving everyone", async () => {
    await seedCommand(t.db, 'the test db', { reset: true, customers: 7 }, NOW);
    const saved = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM customer_summaries',
    );
    expect(saved[0]!.n).toBe(7);
    const store = new SummaryStore(t.db, new ReadCache(t.db), { save: true });
    const all = await store.summaries(NOW);
    expect(all.size).toBe(7);
    expect(store.stats()).toMatchObject({ customersRestored: 7, fullRefreshes: 0 });
  }, 120_000);
});
