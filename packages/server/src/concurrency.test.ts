// Concurrency: PUTs racing with one version (exactly one wins, the rest get 412, nothing is
// lost), writes without a version (none is lost), and the same Idempotency-Key in parallel
// (applied once, every caller gets the first response).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, apiOf } from './testing/api.js';
import { type TestApp, testApp } from './testing/harness.js';
import { describeBackends } from './testing/test-db.js';

const N = 12;

describeBackends('concurrency (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  const newGoal = async (name: string) =>
    (
      await call(
        'createSuccessGoal',
        {},
        {
          body: {
            customer_id: 'cus_acme',
            name,
            metric: 'v',
            baseline_value: 0,
            target_value: 100,
            target_date: '2026-12-31',
          },
        },
      )
    ).json;

  it('lets exactly one of parallel PUTs with the same version win; the others get 412 and change nothing', async () => {
    const g = await newGoal('Race');
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call(
          'updateSuccessGoal',
          { goalId: g.id },
          {
            headers: { 'if-match': '"1"' },
            body: {
              name: `Writer ${i}`,
              metric: 'v',
              baseline_value: 0,
              target_value: 100 + i,
              target_date: '2026-12-31',
            },
          },
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(N - 1).fill(412)]);
    const winner = results.find((r) => r.status === 200)!;
    const read = await call('getSuccessGoal', { goalId: g.id });
    expect(read.json.version).toBe(2);
    expect(read.json.name).toBe(winner.json.name);
    expect(read.json.target_value).toBe(winner.json.target_value);
  });

  it('does the same for milestones', async () => {
    const m = (
      await call(
        'createMilestone',
        { customerId: 'cus_acme' },
        { body: { name: 'Race', target_date: '2026-09-30' } },
      )
    ).json;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call(
          'updateMilestone',
          { milestoneId: m.id },
          {
            headers: { 'if-match': '1' },
            body: { name: `Writer ${i}`, target_date: '2026-09-30' },
          },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(N - 1);
  });

  it('loses no update: parallel measurements all land, each a new version', async () => {
    const g = await newGoal('Many writers');
    const metricId = g.metrics[0]!.id;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call(
          'recordMeasurement',
          { goalId: g.id },
          {
            body: {
              metric_id: metricId,
              value: i,
              measured_at: `2026-04-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
            },
          },
        ),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.json.goal.version))).toEqual(
      new Set(Array.from({ length: N }, (_, i) => i + 2)),
    );
    const read = await call('getSuccessGoal', { goalId: g.id });
    expect(read.json.version).toBe(N + 1);
    expect(read.json.metrics[0]?.measurements.map((m) => m.value)).toEqual(
      Array.from({ length: N }, (_, i) => i),
    );
  });

  it('applies a POST repeated in parallel with one Idempotency-Key once, and answers every repeat with the first response', async () => {
    const body = {
      customer_id: 'cus_acme',
      name: 'Idempotent goal',
      metric: 'v',
      baseline_value: 0,
      target_value: 10,
      target_date: '2026-12-31',
    };
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        call('createSuccessGoal', {}, { headers: { 'idempotency-key': 'key-parallel-1' }, body }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(new Set(results.map((r) => r.headers.get('location'))).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(
      N - 1,
    );
    const rows = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM goals WHERE name = 'Idempotent goal'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('records a repeated measurement once', async () => {
    const g = await newGoal('Idempotent measurement');
    const body = { metric_id: g.metrics[0]!.id, value: 42 };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(
          'recordMeasurement',
          { goalId: g.id },
          { headers: { 'idempotency-key': 'measure-once' }, body },
        ),
      ),
    );
    expect(results.every((r) => r.status === 201 && r.json.goal.version === 2)).toBe(true);
    const read = await call('getSuccessGoal', { goalId: g.id });
    expect(read.json.metrics[0]?.measurements).toHaveLength(1);
  });

  it('answers 409 for a key reused with another body, and keeps keys per token', async () => {
    const body = {
      customer_id: 'cus_acme',
      name: 'Keyed',
      metric: 'v',
      baseline_value: 0,
      target_value: 10,
      target_date: '2026-12-31',
    };
    const first = await call(
      'createSuccessGoal',
      {},
      { headers: { 'idempotency-key': 'key-409' }, body },
    );
    expect(first.status).toBe(201);
    const other = await call(
      'createSuccessGoal',
      {},
      { headers: { 'idempotency-key': 'key-409' }, body: { ...body, name: 'Different' } },
    );
    expect(other.status).toBe(409);
    expect(other.problem.errors?.[0]).toMatchObject({
      field: 'header.Idempotency-Key',
      code: 'idempotency_key_reused',
    });
    // Another token's key of the same name is another key.
    const csm = await call(
      'createSuccessGoal',
      {},
      {
        token: 'csm',
        headers: { 'idempotency-key': 'key-409' },
        body: { ...body, name: 'Different' },
      },
    );
    expect(csm.status).toBe(201);
    expect(csm.json.id).not.toBe(first.json.id);
  });

  it('does not store an error: a request fixed and repeated with the same key is applied', async () => {
    const bad = await call(
      'createSuccessGoal',
      {},
      {
        headers: { 'idempotency-key': 'fix-me' },
        body: {
          customer_id: 'cus_acme',
          name: 'x',
          metric: 'v',
          baseline_value: 0,
          target_value: 10,
          target_date: 'soon',
        },
      },
    );
    expect(bad.status).toBe(422);
    const fixed = await call(
      'createSuccessGoal',
      {},
      {
        headers: { 'idempotency-key': 'fix-me' },
        body: {
          customer_id: 'cus_acme',
          name: 'x',
          metric: 'v',
          baseline_value: 0,
          target_value: 10,
          target_date: '2026-12-31',
        },
      },
    );
    expect(fixed.status).toBe(201);
  });
});
