// Alerts are raised on transitions (PRD-165 FR-165.10): a goal becoming achieved or turning at
// risk, by a write or by time passing (the sweep), and a milestone being achieved. listAlerts
// pages them newest first within the token's scope.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, apiOf } from './testing/api.js';
import { TEST_NOW, type TestApp, testApp } from './testing/harness.js';
import { describeBackends } from './testing/test-db.js';
import { sweepAlerts } from './write/alert-sweep.js';

describeBackends('alerts (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  const goal = async (current: number) =>
    (
      await call(
        'createSuccessGoal',
        {},
        {
          body: {
            customer_id: 'cus_acme',
            name: 'Alerting goal',
            metric: 'Score',
            baseline_value: 0,
            target_value: 100,
            current_value: current,
            start_date: '2026-01-01',
            target_date: '2026-06-30',
          },
        },
      )
    ).json;

  it('raises goal_at_risk when a measurement drops the goal behind its expected pace, once', async () => {
    const g = await goal(70);
    expect(g.status).toBe('on_track');
    const down = await call(
      'recordMeasurement',
      { goalId: g.id },
      { body: { metric_id: g.metrics[0]!.id, value: 40 } },
    );
    expect(down.json.goal.status).toBe('at_risk');
    expect(down.json.alerts).toHaveLength(1);
    expect(down.json.alerts[0]).toMatchObject({
      type: 'goal_at_risk',
      goal_id: g.id,
      customer_id: 'cus_acme',
      milestone_id: null,
      title: 'Goal at risk: Alerting goal',
    });
    expect(down.json.alerts[0]?.cause).toMatch(
      /^Progress 40% is more than 10 points behind the expected 65\.\d+%/,
    );
    const still = await call(
      'recordMeasurement',
      { goalId: g.id },
      { body: { metric_id: g.metrics[0]!.id, value: 41 } },
    );
    expect(still.json.alerts).toEqual([]);
  });

  it('raises goal_achieved when a measurement reaches the target, stating the numbers', async () => {
    const g = await goal(70);
    const up = await call(
      'recordMeasurement',
      { goalId: g.id },
      { body: { metric_id: g.metrics[0]!.id, value: 104.5 } },
    );
    expect(up.json.goal).toMatchObject({ status: 'achieved', exceeded: true });
    expect(up.json.alerts.map((a) => [a.type, a.cause])).toEqual([
      ['goal_achieved', 'Progress 104.5% reached target 100 (Score 104.5 on 2026-04-30).'],
    ]);
    const listed = await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 1 } });
    expect(listed.json.items[0]).toEqual(up.json.alerts[0]);
  });

  it('raises milestone_achieved when a milestone gets its achieved date, on create or update, once', async () => {
    const created = await call(
      'createMilestone',
      { customerId: 'cus_acme' },
      { body: { name: 'Done already', target_date: '2026-04-20', achieved_date: '2026-04-18' } },
    );
    expect(created.json.status).toBe('achieved');
    const open = await call(
      'createMilestone',
      { customerId: 'cus_acme' },
      { body: { name: 'Later', target_date: '2026-05-20' } },
    );
    const achieve = await call(
      'updateMilestone',
      { milestoneId: open.json.id },
      {
        headers: { 'if-match': '1' },
        body: { name: 'Later', target_date: '2026-05-20', achieved_date: '2026-04-30' },
      },
    );
    expect(achieve.json).toMatchObject({ status: 'achieved', version: 2 });
    await call(
      'updateMilestone',
      { milestoneId: open.json.id },
      {
        headers: { 'if-match': '2' },
        body: { name: 'Later, renamed', target_date: '2026-05-20', achieved_date: '2026-04-30' },
      },
    );
    const list = await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 500 } });
    const ms = list.json.items.filter(
      (a) =>
        a.type === 'milestone_achieved' &&
        [created.json.id, open.json.id].includes(a.milestone_id ?? ''),
    );
    expect(ms.map((a) => [a.milestone_id, a.title])).toEqual([
      [open.json.id, 'Milestone achieved: Later'],
      [created.json.id, 'Milestone achieved: Done already'],
    ]);
    const future = await call(
      'createMilestone',
      { customerId: 'cus_acme' },
      { body: { name: 'x', target_date: '2026-05-20', achieved_date: '2026-05-01' } },
    );
    expect(future.status).toBe(422);
    expect(future.problem.errors?.[0]).toMatchObject({
      field: '/achieved_date',
      code: 'future_date',
    });
  });

  it('raises the transitions time alone causes when the sweep runs, and only once', async () => {
    const g = await goal(60);
    expect(g.status).toBe('on_track');
    // Six weeks on, the expected pace has moved past 70 %, and 60 % is behind it.
    t.clock.set(new Date(TEST_NOW.getTime() + 42 * 86_400_000));
    try {
      // In chunks of 7 customers: the full sweep after it must find nothing left to raise.
      const raised = await sweepAlerts(t.db, t.clock, 7);
      expect(raised).toBeGreaterThan(0);
      const list = await call(
        'listAlerts',
        {},
        { query: { customer_id: 'cus_acme', since: TEST_NOW.toISOString(), limit: 500 } },
      );
      expect(list.json.items.filter((a) => a.goal_id === g.id).map((a) => a.type)).toEqual([
        'goal_at_risk',
      ]);
      expect(await sweepAlerts(t.db, t.clock)).toBe(0);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('pages newest first, filters by since (strictly after), and scopes to the token', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    let previous = '9999';
    do {
      const page: Awaited<ReturnType<Api>> = await call(
        'listAlerts',
        {},
        { token: 'csm', query: { limit: 25, ...(cursor ? { cursor } : {}) } },
      );
      const body = page.json as {
        items: { id: string; created_at: string }[];
        next_cursor: string | null;
      };
      for (const a of body.items) {
        expect(a.created_at <= previous).toBe(true);
        previous = a.created_at;
        all.push(a.id);
      }
      cursor = body.next_cursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    const one = await call('listAlerts', {}, { token: 'csm', query: { limit: 500 } });
    expect(one.json.items.map((a) => a.id)).toEqual(all);
    const since = one.json.items[3]!.created_at;
    const newer = await call('listAlerts', {}, { token: 'csm', query: { since, limit: 500 } });
    expect(newer.json.items.every((a) => a.created_at > since)).toBe(true);
    expect(newer.json.items.length).toBeLessThan(one.json.items.length);
  });
});
