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

  /** A fresh open alert of Acme: an achieved milestone raises one, the newest. */
  const freshAlert = async (name = 'Alert state') => {
    const m = await call(
      'createMilestone',
      { customerId: 'cus_acme' },
      { body: { name, target_date: '2026-04-20', achieved_date: '2026-04-18' } },
    );
    const list = await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 5 } });
    const alert = list.json.items.find((a) => a.milestone_id === m.json.id);
    if (!alert) throw new Error('no alert raised');
    return alert;
  };

  it("names each alert's customer by its current name, in the list, a raise and a change of state", async () => {
    const g = await goal(10);
    const raised = await call(
      'recordMeasurement',
      { goalId: g.id },
      { body: { metric_id: g.metrics[0]!.id, value: 100 } },
    );
    expect(raised.json.alerts[0]).toMatchObject({
      customer_id: 'cus_acme',
      customer_name: 'Acme Corp',
    });
    const page = await call('listAlerts', {}, { query: { limit: 500 } });
    const names = new Map<string, string>();
    for (const a of page.json.items) {
      if (!names.has(a.customer_id))
        names.set(
          a.customer_id,
          (await call('getCustomer', { customerId: a.customer_id })).json.name,
        );
      expect(a.customer_name, a.id).toBe(names.get(a.customer_id));
    }
    expect(names.size).toBeGreaterThan(1);
    // A renamed customer's alerts read its new name.
    const acme = await call('getCustomer', { customerId: 'cus_acme' });
    const renamed = await call(
      'updateCustomer',
      { customerId: 'cus_acme' },
      {
        body: { ...acme.json, name: 'Acme <Renamed> & Co' },
        headers: { 'if-match': acme.headers.get('etag')! },
      },
    );
    expect(renamed.status).toBe(200);
    const a = raised.json.alerts[0]!;
    const acked = await call(
      'acknowledgeAlert',
      { alertId: a.id },
      { headers: { 'if-match': `"${a.version}"` } },
    );
    expect(acked.json.customer_name).toBe('Acme <Renamed> & Co');
    const own = await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 5 } });
    expect(own.json.items.every((x) => x.customer_name === 'Acme <Renamed> & Co')).toBe(true);
    const back = await call('getCustomer', { customerId: 'cus_acme' });
    await call(
      'updateCustomer',
      { customerId: 'cus_acme' },
      {
        body: { ...back.json, name: 'Acme Corp' },
        headers: { 'if-match': back.headers.get('etag')! },
      },
    );
  });

  it('raises alerts open at version 1, with no one having acted on them', async () => {
    const a = await freshAlert();
    expect(a).toMatchObject({
      state: 'open',
      version: 1,
      acknowledged_at: null,
      acknowledged_by: null,
      dismissed_at: null,
      dismissed_by: null,
    });
  });

  it('acknowledges under If-Match: state, who and when, a new version and its ETag; the list shows it', async () => {
    const a = await freshAlert();
    const ack = await call(
      'acknowledgeAlert',
      { alertId: a.id },
      { token: 'csm', headers: { 'if-match': '"1"' } },
    );
    expect(ack.status).toBe(200);
    expect(ack.headers.get('etag')).toBe('"2"');
    expect(ack.json).toMatchObject({
      id: a.id,
      state: 'acknowledged',
      version: 2,
      acknowledged_by: 'csm_riley',
      acknowledged_at: TEST_NOW.toISOString(),
      dismissed_at: null,
    });
    const listed = await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 5 } });
    expect(listed.json.items.find((x) => x.id === a.id)).toEqual(ack.json);
  });

  it('dismisses: the alert leaves the default list and stays under state=dismissed and state=all', async () => {
    const a = await freshAlert();
    const dis = await call('dismissAlert', { alertId: a.id }, { headers: { 'if-match': '1' } });
    expect(dis.status).toBe(200);
    expect(dis.json).toMatchObject({ state: 'dismissed', version: 2, acknowledged_at: null });
    expect(dis.json.dismissed_by).toMatch(/^tok_|^[a-z]/);
    const ids = async (query: Record<string, string | number>) =>
      (
        await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 500, ...query } })
      ).json.items.map((x) => x.id);
    expect(await ids({})).not.toContain(a.id);
    expect(await ids({ state: 'active' })).not.toContain(a.id);
    expect(await ids({ state: 'open' })).not.toContain(a.id);
    expect(await ids({ state: 'dismissed' })).toContain(a.id);
    expect(await ids({ state: 'all' })).toContain(a.id);
    const open = await call('listAlerts', {}, { query: { state: 'open', limit: 500 } });
    expect(open.json.items.every((x) => x.state === 'open')).toBe(true);
  });

  it('needs If-Match (428), refuses a stale version (412) and changes nothing then', async () => {
    const a = await freshAlert();
    const none = await call('acknowledgeAlert', { alertId: a.id });
    expect(none.status).toBe(428);
    expect(none.problem.errors?.[0]).toMatchObject({ field: 'header.If-Match', code: 'required' });
    const stale = await call('dismissAlert', { alertId: a.id }, { headers: { 'if-match': '"7"' } });
    expect(stale.status).toBe(412);
    expect(stale.problem.detail).toMatch(/alert is at version 1/);
    const ack = await call(
      'acknowledgeAlert',
      { alertId: a.id },
      { headers: { 'if-match': '"1"' } },
    );
    expect(ack.json.version).toBe(2);
    // Dismissing with the version read before the acknowledgement: someone moved it on.
    const late = await call('dismissAlert', { alertId: a.id }, { headers: { 'if-match': '"1"' } });
    expect(late.status).toBe(412);
    const list = await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 5 } });
    expect(list.json.items.find((x) => x.id === a.id)).toMatchObject({
      state: 'acknowledged',
      version: 2,
    });
  });

  it('moves states only forward: a repeat, or acknowledging a dismissed alert, answers 200 unchanged', async () => {
    const a = await freshAlert();
    const first = await call(
      'acknowledgeAlert',
      { alertId: a.id },
      { headers: { 'if-match': '1' } },
    );
    // A retry whose first attempt went through: the version it names is now stale, yet the
    // change is in effect, so it is no 412.
    const again = await call(
      'acknowledgeAlert',
      { alertId: a.id },
      { headers: { 'if-match': '1' } },
    );
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const dis = await call('dismissAlert', { alertId: a.id }, { headers: { 'if-match': '2' } });
    expect(dis.json).toMatchObject({ state: 'dismissed', version: 3 });
    expect(dis.json.acknowledged_by).toBe(first.json.acknowledged_by);
    const back = await call(
      'acknowledgeAlert',
      { alertId: a.id },
      { headers: { 'if-match': '*' } },
    );
    expect(back.status).toBe(200);
    expect(back.json).toEqual(dis.json);
  });

  it('applies one of two changes racing on the same version, never both', async () => {
    const a = await freshAlert();
    const [ack, dis] = await Promise.all([
      call('acknowledgeAlert', { alertId: a.id }, { headers: { 'if-match': '1' } }),
      call('dismissAlert', { alertId: a.id }, { token: 'csm', headers: { 'if-match': '1' } }),
    ]);
    const list = await call(
      'listAlerts',
      {},
      { query: { customer_id: 'cus_acme', state: 'all', limit: 10 } },
    );
    const now = list.json.items.find((x) => x.id === a.id)!;
    // The loser saw the winner's change: a 412 (acknowledge won) or the dismissed alert as is.
    expect(now.version).toBe(2);
    if (now.state === 'acknowledged') expect(dis.status).toBe(412);
    else {
      expect(now).toMatchObject({ state: 'dismissed', acknowledged_at: null });
      expect(ack.status).toBe(200);
      expect(ack.json).toEqual(now);
    }
  });

  it('hides alerts outside the scope as missing (404) and keeps viewers read-only (403)', async () => {
    const a = await freshAlert();
    const other = await call(
      'acknowledgeAlert',
      { alertId: a.id },
      { token: 'otherCsm', headers: { 'if-match': '1' } },
    );
    expect(other.status).toBe(404);
    expect(other.problem.detail).toBe(`Alert ${a.id} was not found.`);
    const missing = await call(
      'dismissAlert',
      { alertId: 'alt_nope' },
      { headers: { 'if-match': '1' } },
    );
    expect(missing.status).toBe(404);
    const viewer = await call(
      'dismissAlert',
      { alertId: a.id },
      { token: 'viewer', headers: { 'if-match': '1' } },
    );
    expect(viewer.status).toBe(403);
    // The list says so up front, so a page offers the viewer no button that would get a 403.
    const seen = await call('listAlerts', {}, { token: 'viewer', query: { limit: 1 } });
    expect(seen.json.can_change).toBe(false);
    expect(
      (await call('listAlerts', {}, { token: 'csm', query: { limit: 1 } })).json.can_change,
    ).toBe(true);
    const bad = await call('listAlerts', {}, { query: { state: 'closed' } });
    expect(bad.status).toBe(400);
    expect(bad.problem.errors?.[0]).toMatchObject({ field: 'query.state', code: 'enum' });
  });
});
