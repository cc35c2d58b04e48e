// Several instances on one PostgreSQL database: two real server processes, requests spread
// across them. A read on one instance sees a write made on the other (no cache serves stale
// data); one Idempotency-Key gives one resource whichever instances its requests reach; the
// alert sweep runs once per period across instances and raises each alert once; the rate limit
// holds per token across instances. Runs only in the PostgreSQL leg (CSCX_TEST_DATABASE_URL),
// in a database of its own, created and dropped here.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database.js';
import { openPostgres } from './db/postgres.js';
import { SharedRateLimiter } from './http/shared-rate-limit.js';
import { type ServerProcess, serverUrl, startServer } from './testing/process.js';
import { POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from './testing/test-db.js';
import { sweepAlerts, sweepOncePerPeriod } from './write/alert-sweep.js';

const MANAGER = { authorization: 'Bearer demo-manager-token', 'content-type': 'application/json' };
const CSM = { authorization: 'Bearer demo-csm-token', 'content-type': 'application/json' };
// The rate-limit test spends this token's bucket; no other test here uses it.
const VIEWER = { authorization: 'Bearer demo-viewer-token' };
// Low enough that the shared bucket's refill during the burst below stays far under what a
// bucket per instance would grant, high enough that the other tests (at most 15 requests per
// token) never meet the limit.
const PER_SECOND = 10;
const RATE_REQUESTS = 200;
const BURST = PER_SECOND * 2;
const HOUR = 60 * 60 * 1000;

const database = `cscx_multi_${randomBytes(6).toString('hex')}`;
let dbUrl = '';
const servers: ServerProcess[] = [];
let a = '';
let b = '';
const pools: Database[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function start(): ServerProcess {
  const p = startServer({
    DATABASE_URL: dbUrl,
    CSCX_DEMO_CUSTOMERS: '12',
    CSCX_RATE_LIMIT: String(PER_SECOND),
    // The same key on every instance, so a cursor from one is valid on the other.
    CSCX_CURSOR_SECRET: 'multi-instance-test-cursor-secret-0123456789',
    // Likewise one secrets key (not a key file in the repository's .data/).
    CSCX_SECRETS_KEY: 'bXVsdGktaW5zdGFuY2UtdGVzdC1zZWNyZXRzLWtleSE=',
    CSCX_REPORT_THREADS: '0',
  });
  servers.push(p);
  return p;
}

// The few response fields these tests read (openapi.yaml has the full shapes).
interface Goal {
  id: string;
  name: string;
  status: string;
  metrics: { id: string; current_value: number | null }[];
}
interface Account {
  metrics: { goals: { total: number; achieved: number } };
  goals: Goal[];
}
interface Portfolio {
  summary: { goals: number; achieved: number };
}
interface Page {
  items: { id: string }[];
  next_cursor: string | null;
}

async function json<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const r = await fetch(url, init);
  return { status: r.status, body: (await r.json()) as T };
}

const get = <T>(base: string, path: string, headers: Record<string, string> = MANAGER) =>
  json<T>(`${base}${path}`, { headers });
const post = <T>(base: string, path: string, body: unknown, headers = MANAGER) =>
  json<T>(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

function goalBody(name: string) {
  return {
    customer_id: 'cus_acme',
    name,
    metric: 'widgets shipped',
    baseline_value: 0,
    target_value: 100,
    target_date: '2027-06-30',
  };
}

const run = TEST_DATABASE_URL ? describe : describe.skip;

beforeAll(async () => {
  if (!TEST_DATABASE_URL) return;
  await admin((c) => c.query(`CREATE DATABASE ${database}`));
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${database}`;
  dbUrl = u.toString();
  // Both start at once on the empty database, as replicas of one deployment do: one migrates
  // and seeds it, the other waits for that and finds it ready.
  [a, b] = await Promise.all([serverUrl(start()), serverUrl(start())]);
  pools.push(await openPostgres(dbUrl, { max: 4 }), await openPostgres(dbUrl, { max: 4 }));
}, 180_000);

afterAll(async () => {
  for (const p of servers) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await Promise.all(servers.map((p) => p.exited));
  for (const p of pools) await p.close();
  if (TEST_DATABASE_URL) {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
}, 60_000);

if (!TEST_DATABASE_URL) {
  describe.skip('two server instances on one PostgreSQL', () => {
    it(POSTGRES_SKIP_REASON, () => {});
  });
}

run('two server instances on one PostgreSQL', () => {
  it('shows a write made on one instance to reads on the other: goal, measurement, account metrics, portfolio', async () => {
    // Warm B's caches first, so a stale cache entry would be served if it were trusted.
    const portfolio0 = await get<Portfolio>(b, '/api/reports/success-metrics');
    const account0 = await get<Account>(b, '/api/reports/success-metrics/cus_acme');
    expect(portfolio0.status).toBe(200);
    expect(account0.status).toBe(200);

    const created = await post<Goal>(a, '/api/success-goals', goalBody('Seen everywhere'));
    expect(created.status).toBe(201);
    const goalId = created.body.id;
    const goalOnB = await get<Goal>(b, `/api/success-goals/${goalId}`);
    expect(goalOnB.status).toBe(200);
    expect(goalOnB.body).toEqual(created.body);

    const account1 = await get<Account>(b, '/api/reports/success-metrics/cus_acme');
    expect(account1.body.metrics.goals.total).toBe(account0.body.metrics.goals.total + 1);
    expect(account1.body.goals.map((g) => g.id)).toContain(goalId);
    const portfolio1 = await get<Portfolio>(b, '/api/reports/success-metrics');
    expect(portfolio1.body.summary.goals).toBe(portfolio0.body.summary.goals + 1);

    // A measurement reaching the target on B: A's reads see the goal achieved.
    const onA0 = await get<Account>(a, '/api/reports/success-metrics/cus_acme');
    const portfolioA0 = await get<Portfolio>(a, '/api/reports/success-metrics');
    const measured = await post<{ id: string }>(b, `/api/success-goals/${goalId}/measurements`, {
      metric_id: created.body.metrics[0]?.id,
      value: 100,
      measured_at: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(measured.status).toBe(201);
    const goalOnA = await get<Goal>(a, `/api/success-goals/${goalId}`);
    expect(goalOnA.body.status).toBe('achieved');
    expect(goalOnA.body.metrics[0]?.current_value).toBe(100);
    const onA1 = await get<Account>(a, '/api/reports/success-metrics/cus_acme');
    expect(onA1.body.metrics.goals.achieved).toBe(onA0.body.metrics.goals.achieved + 1);
    const portfolioA1 = await get<Portfolio>(a, '/api/reports/success-metrics');
    expect(portfolioA1.body.summary.achieved).toBe(portfolioA0.body.summary.achieved + 1);
  });

  it('accepts a list cursor from one instance on the other (one CSCX_CURSOR_SECRET)', async () => {
    const first = await get<Page>(a, '/api/customers?limit=5');
    expect(first.status).toBe(200);
    const cursor = first.body.next_cursor ?? '';
    expect(cursor).not.toBe('');
    const second = await get<Page>(
      b,
      `/api/customers?limit=5&cursor=${encodeURIComponent(cursor)}`,
    );
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map((c) => c.id);
    expect(new Set(ids).size).toBe(10);
  });

  it('gives one resource and the same response for one Idempotency-Key sent to both instances at once', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `multi-${round}-${randomBytes(4).toString('hex')}`;
      const body = goalBody(`Once ${key}`);
      const headers = { ...CSM, 'idempotency-key': key };
      const [ra, rb] = await Promise.all(
        [a, b].map((base) =>
          fetch(`${base}/api/success-goals`, {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
          }),
        ),
      );
      const [ta, tb] = [await ra!.text(), await rb!.text()];
      expect([ra!.status, rb!.status]).toEqual([201, 201]);
      expect(ta).toBe(tb);
      expect(ra!.headers.get('location')).toBe(rb!.headers.get('location'));
      const replayed = [ra!, rb!].map((r) => r.headers.get('idempotent-replayed'));
      expect(replayed.filter((h) => h === 'true')).toHaveLength(1);
      const account = await get<Account>(a, '/api/reports/success-metrics/cus_acme', CSM);
      const named = account.body.goals.filter((g) => g.name === body.name);
      expect(named).toHaveLength(1);
    }
  });

  it('holds the rate limit per token across instances: both draw on one bucket', async () => {
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: RATE_REQUESTS }, (_, i) =>
        fetch(`${i % 2 === 0 ? a : b}/api/customers/cus_acme`, { headers: VIEWER }).then(
          async (r) => {
            await r.arrayBuffer();
            if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
            return r.status;
          },
        ),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    const granted = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // One shared bucket grants its burst plus what refills while the requests run; a bucket per
    // instance would grant twice that (each instance its own burst).
    expect(granted).toBeGreaterThanOrEqual(BURST);
    expect(granted).toBeLessThanOrEqual(BURST + Math.ceil(seconds * PER_SECOND) + 1);
    // Not vacuous: the requests outran the refill, so the bucket ran dry.
    expect(granted).toBeLessThan(RATE_REQUESTS);
  });

  it('keeps the shared buckets bounded: a bucket that has refilled is forgotten', async () => {
    const limiter = new SharedRateLimiter(pools[0]!, { perSecond: 1, burst: 1 });
    const clients = Array.from({ length: 5 }, (_, i) => `test:${database}:${i}`);
    for (const c of clients) await limiter.take(c);
    await expect(limiter.take(clients[0]!)).rejects.toMatchObject({ status: 429 });
    expect(await limiter.tracked()).toBeGreaterThanOrEqual(clients.length);
    // Refilled after a second; poll with a deadline instead of sleeping a fixed time.
    const deadline = Date.now() + 10_000;
    const left = async () =>
      (
        await pools[0]!.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM rate_limit_buckets WHERE client LIKE $1',
          [`test:${database}:%`],
        )
      )[0]!.n;
    while ((await limiter.forgetIdle()) >= 0 && (await left()) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await left()).toBe(0);
  });

  it('grants from leases: one statement per tenth of a second of the rate, never more than the shared bucket holds', async () => {
    const limit = { perSecond: 1000, burst: 2000 };
    let statements = 0;
    const counted = (db: Database): Database => ({
      ...db,
      kind: db.kind,
      exclusive: db.exclusive,
      query: (sql, params) => {
        if (sql.includes('INSERT INTO rate_limit_buckets')) statements++;
        return db.query(sql, params);
      },
    });
    const limiters = pools.map((p) => new SharedRateLimiter(counted(p), limit));
    expect(limiters[0]!.leaseSize).toBe(100);
    const client = `lease:${database}`;
    const t0 = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: 6000 }, (_, i) =>
        limiters[i % 2]!.take(client).then(
          () => 'granted',
          (e: { status?: number }) => (e.status === 429 ? 'refused' : 'failed'),
        ),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    const granted = outcomes.filter((o) => o === 'granted').length;
    expect(outcomes.filter((o) => o === 'failed')).toEqual([]);
    // Both instances drew on one bucket: its burst plus what refilled meanwhile, at most.
    expect(granted).toBeGreaterThanOrEqual(limit.burst);
    expect(granted).toBeLessThanOrEqual(limit.burst + Math.ceil(seconds * limit.perSecond) + 1);
    expect(granted).toBeLessThan(outcomes.length);
    // About one statement per lease of 100 (and a few refusals), not one per request.
    expect(statements).toBeLessThan(granted / 20);
  });

  it('runs the alert sweep once per period across instances, and raises each alert once', async () => {
    const [p1, p2] = pools as [Database, Database];
    // Ninety days on, statuses have moved with time alone: there is something to raise.
    const later = () => new Date(Date.now() + 90 * 86_400_000);
    const before = await p1.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts');
    await p1.query('DELETE FROM sweeps');
    const [s1, s2] = await Promise.all([
      sweepOncePerPeriod(p1, later, HOUR),
      sweepOncePerPeriod(p2, later, HOUR),
    ]);
    expect([s1.ran, s2.ran].filter(Boolean)).toHaveLength(1);
    const raised = s1.raised + s2.raised;
    expect(raised).toBeGreaterThan(0);
    const after = await p1.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts');
    expect(after[0]!.n - before[0]!.n).toBe(raised);
    // The period is taken: neither instance sweeps again within it.
    const again = await Promise.all([
      sweepOncePerPeriod(p1, later, HOUR),
      sweepOncePerPeriod(p2, later, HOUR),
    ]);
    expect(again.map((s) => s.ran)).toEqual([false, false]);

    // Even unscheduled sweeps racing on both instances raise each transition once.
    const muchLater = () => new Date(Date.now() + 400 * 86_400_000);
    const raced = await Promise.all([sweepAlerts(p1, muchLater), sweepAlerts(p2, muchLater)]);
    expect(raced[0] + raced[1]).toBeGreaterThan(0);
    const dupes = await p1.query(
      `SELECT goal_id, type, count(*) FROM alerts WHERE created_at > now() + interval '300 days'
       GROUP BY goal_id, type HAVING count(*) > 1`,
    );
    expect(dupes).toEqual([]);
  });
});
