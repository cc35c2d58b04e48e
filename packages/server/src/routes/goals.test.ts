// Goals through the API: the three create bodies, reads, full replacement under If-Match,
// conditional delete, and measurements appended to history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestExample } from '../../../../testing/openapi-spec.js';
import type { SuccessGoal } from '../contract.js';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

describeBackends('goals (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  const create = async (body: unknown, token: 'manager' | 'csm' = 'csm') => {
    const r = await call('createSuccessGoal', {}, { token, body });
    expect(r.status, r.text).toBe(201);
    return r;
  };

  describe('createSuccessGoal', () => {
    it("accepts PRD-165's flat shorthand as a goal with one metric (TC-165.1's body)", async () => {
      const r = await create(requestExample('createSuccessGoal'));
      const g = r.json;
      expect(r.headers.get('location')).toBe(`/api/success-goals/${g.id}`);
      expect(r.headers.get('etag')).toBe('"1"');
      expect(g).toMatchObject({
        customer_id: 'cus_acme',
        name: 'Reduce ticket time',
        category: 'custom',
        description: '',
        owner: null,
        weight: 1,
        start_date: '2026-04-30',
        target_date: '2026-06-30',
        currency: 'USD',
        version: 1,
        metric: 'Average resolution time',
        baseline_value: 24,
        target_value: 12,
        current_value: null,
        unit: 'hours',
        achievement_pct: null,
        progress_note: 'No measurement yet. Record a current value to calculate progress.',
        status: 'not_started',
        value_drivers: [],
      });
      expect(g.metrics).toHaveLength(1);
      expect(g.metrics[0]).toMatchObject({
        direction: 'lower_is_better',
        frequency: 'monthly',
        measurements: [],
      });
    });

    it('accepts the full form with several metrics and value drivers, and records given currents as measurements', async () => {
      const r = await create({
        customer_id: 'cus_acme',
        name: 'Support efficiency',
        category: 'efficiency',
        owner: { name: 'Sarah Chen', title: 'VP Ops' },
        start_date: '2026-01-01',
        target_date: '2026-12-31',
        metrics: [
          {
            name: 'Resolution time',
            unit: 'hours',
            baseline_value: 24,
            target_value: 12,
            current_value: 18,
          },
          {
            name: 'CSAT',
            unit: '%',
            baseline_value: 80,
            target_value: 90,
            current_value: 85,
            weight: 3,
            direction: 'higher_is_better',
          },
        ],
        value_drivers: [
          { type: 'time_saved', hours_per_unit: 12.5, units_per_month: 150, hourly_rate: 50 },
          { type: 'cost_reduction', label: 'Licences', annual_amount: 12_000, confidence: 'high' },
        ],
      });
      const g = r.json;
      expect(g.owner).toEqual({ name: 'Sarah Chen', title: 'VP Ops' });
      expect(
        g.metrics.map((m) => [m.current_value, m.progress_pct, m.measurements.length]),
      ).toEqual([
        [18, 50, 1],
        [85, 50, 1],
      ]);
      expect(g.achievement_pct).toBe(50);
      // PRD-165 §7.2: 12.5 h x 150 tickets = 1,875 h/month at $50/h = $93,750/month.
      expect(g.value_drivers[0]).toMatchObject({
        label: 'time_saved',
        annual_hours: 22_500,
        annual_value: 1_125_000,
      });
      expect(g.annual_value).toBe(1_125_000 + 12_000);
    });

    it("accepts PRD-069's camelCase body at createAccountGoal, stored as the same SuccessGoal", async () => {
      const r = await call(
        'createAccountGoal',
        { customerId: 'cus_acme' },
        {
          token: 'csm',
          body: {
            title: 'Reduce reporting time',
            owner: 'Sarah Chen (VP Ops)',
            targetDate: '2026-12-31',
            metrics: [
              {
                name: 'Time to create report',
                baseline: 4,
                target: 2,
                current: 1.2,
                unit: 'hours',
                dataSource: 'Scheduler',
              },
            ],
          },
        },
      );
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({
        name: 'Reduce reporting time',
        category: 'custom',
        owner: { name: 'Sarah Chen (VP Ops)', title: null },
        target_date: '2026-12-31',
        achievement_pct: 140,
        status: 'achieved',
        exceeded: true,
      });
      expect(r.json.metrics[0]).toMatchObject({
        data_source: 'Scheduler',
        direction: 'lower_is_better',
        status: 'exceeding',
      });
      const read = await call('getSuccessGoal', { goalId: r.json.id }, { token: 'csm' });
      expect(read.json).toEqual(r.json);
    });

    it('rejects a body that mixes both shapes or has neither', async () => {
      const both = await call(
        'createSuccessGoal',
        {},
        { body: { ...requestExample<Record<string, unknown>>('createSuccessGoal'), metrics: [] } },
      );
      expect(both.status).toBe(422);
      expect(both.problem.errors).toEqual([expect.objectContaining({ field: '', code: 'one_of' })]);
      const neither = await call(
        'createSuccessGoal',
        {},
        { body: { customer_id: 'cus_acme', name: 'x', target_date: '2026-06-30' } },
      );
      expect(neither.status).toBe(422);
      expect(neither.problem.errors?.[0]?.code).toBe('one_of');
    });

    it('enforces the domain rules with their codes', async () => {
      const base = { customer_id: 'cus_acme', name: 'G', target_date: '2026-06-30' };
      const cases: [unknown, string, string][] = [
        [
          {
            ...base,
            start_date: '2026-07-01',
            metrics: [{ name: 'm', unit: '', baseline_value: 1, target_value: 2 }],
          },
          '/start_date',
          'date_order',
        ],
        [
          {
            ...base,
            target_date: '2026-04-01',
            metrics: [{ name: 'm', unit: '', baseline_value: 1, target_value: 2 }],
          },
          '/target_date',
          'date_order',
        ],
        [
          {
            ...base,
            metrics: [
              {
                name: 'm',
                unit: '',
                baseline_value: 24,
                target_value: 12,
                direction: 'higher_is_better',
              },
            ],
          },
          '/metrics/0/direction',
          'direction_conflict',
        ],
        [
          {
            ...base,
            metric: 'm',
            baseline_value: 24,
            target_value: 12,
            direction: 'higher_is_better',
          },
          '/direction',
          'direction_conflict',
        ],
        [
          {
            ...base,
            metrics: [{ name: 'm', unit: '', baseline_value: 1, target_value: 2 }],
            value_drivers: [{ type: 'cost_reduction' }],
          },
          '/value_drivers/0',
          'no_amount',
        ],
        [
          {
            ...base,
            metrics: [{ name: 'm', unit: '', baseline_value: 1, target_value: 2 }],
            value_drivers: [{ type: 'revenue_increase', hours_per_month: 10 }],
          },
          '/value_drivers/0',
          'no_amount',
        ],
        [
          {
            ...base,
            target_date: '2026-02-30',
            metrics: [{ name: 'm', unit: '', baseline_value: 1, target_value: 2 }],
          },
          '/target_date',
          'format',
        ],
      ];
      for (const [body, field, code] of cases) {
        const r = await call('createSuccessGoal', {}, { body });
        expect(r.status, JSON.stringify(body)).toBe(422);
        expect(r.problem.errors, JSON.stringify(body)).toContainEqual(
          expect.objectContaining({ field, code }),
        );
      }
    });

    it("keeps a goal whose baseline is not set yet, with PRD-069's note", async () => {
      const r = await create({
        customer_id: 'cus_acme',
        name: 'New',
        metric: 'Score',
        baseline_value: null,
        target_value: 10,
        current_value: 4,
        target_date: '2026-12-31',
      });
      expect(r.json.metrics[0]).toMatchObject({
        progress_pct: null,
        progress_note: 'Baseline not set. Cannot calculate progress.',
        status: null,
        direction: 'higher_is_better',
      });
      expect(r.json).toMatchObject({
        achievement_pct: null,
        progress_note: 'Baseline not set. Cannot calculate progress.',
        status: 'not_started',
      });
    });
  });

  describe('getSuccessGoal', () => {
    it('returns the whole history oldest first with the ETag of its version', async () => {
      const r = await call(
        'getSuccessGoal',
        { goalId: 'goal_acme_ticket_time' },
        { token: 'viewer' },
      );
      expect(r.headers.get('etag')).toBe(`"${r.json.version}"`);
      expect(
        r.json.metrics[0]?.measurements.map((m) => [m.measured_at.slice(0, 10), m.value]),
      ).toEqual([
        ['2026-01-31', 20],
        ['2026-02-28', 16.5],
        ['2026-03-31', 13],
        ['2026-04-28', 11.5],
      ]);
    });

    /** RFC 6901: the value at `pointer` in `doc`. */
    const at = (doc: unknown, pointer: string): unknown =>
      pointer
        .slice(1)
        .split('/')
        .reduce<unknown>(
          (cur, key) =>
            cur !== null && typeof cur === 'object'
              ? (cur as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')]
              : undefined,
          doc,
        );

    it('with explain=true explains every derived figure, keyed by its JSON Pointer in the goal', async () => {
      const plain = await call(
        'getSuccessGoal',
        { goalId: 'goal_acme_ticket_time' },
        { token: 'viewer' },
      );
      const r = await call(
        'getSuccessGoal',
        { goalId: 'goal_acme_ticket_time' },
        { token: 'viewer', query: { explain: true } },
      );
      expect(r.status, r.text).toBe(200);
      expect('explanations' in plain.json).toBe(false);
      const { explanations, ...rest } = r.json;
      expect(rest).toEqual(plain.json);
      expect(r.headers.get('etag')).toBe(plain.headers.get('etag'));
      const e = explanations ?? {};
      // TC-165.1 in the customer's own numbers, the same text the metrics responses carry.
      expect(e['/metrics/0/progress_pct']).toMatchObject({
        formula: 'metric_progress.baseline_relative',
        rule: 'TC-165.1',
        text: '(11.5 − 24) / (12 − 24) × 100 = 104.17 %',
        inputs: [
          { name: 'baseline', value: 24, pointer: '/metrics/0/baseline_value' },
          { name: 'target', value: 12, pointer: '/metrics/0/target_value' },
          { name: 'current', value: 11.5, pointer: '/metrics/0/current_value' },
        ],
      });
      const wanted = [
        '/achievement_pct',
        '/status',
        '/expected_pct',
        '/annual_value',
        '/projected_value',
        '/projected_hours',
        '/forecast_date',
        ...r.json.metrics.flatMap((_, j) => [`/metrics/${j}/progress_pct`, `/metrics/${j}/status`]),
        ...r.json.value_drivers.flatMap((_, k) => [
          `/value_drivers/${k}/annual_value`,
          `/value_drivers/${k}/projected_value`,
        ]),
      ];
      expect(wanted.filter((p) => !(p in e))).toEqual([]);
      // Every key and input pointer resolves in this goal, and the figure is the stated result.
      const problems: string[] = [];
      for (const [pointer, x] of Object.entries(e)) {
        const value = at(r.json, pointer);
        if (
          value === undefined ||
          (value !== x.result && Math.abs(Number(value) - Number(x.result)) > 1e-9)
        )
          problems.push(`${pointer}: goal ${value}, explanation ${x.result}`);
        for (const i of x.inputs)
          if (i.pointer !== undefined && at(r.json, i.pointer) === undefined)
            problems.push(`${pointer}: input ${i.name} points at nothing (${i.pointer})`);
      }
      expect(problems).toEqual([]);
    });

    it("explains a goal the same as the customer's metrics explain it under /goals/{i}", async () => {
      const goal = await call(
        'getSuccessGoal',
        { goalId: 'goal_acme_upsell' },
        { query: { explain: true } },
      );
      const metrics = await call(
        'getCustomerSuccessMetrics',
        { customerId: 'cus_acme' },
        { query: { explain: true } },
      );
      const i = metrics.json.goals.findIndex((g) => g.id === 'goal_acme_upsell');
      const base = `/goals/${i}`;
      const fromMetrics = Object.fromEntries(
        Object.entries(metrics.json.explanations ?? {})
          .filter(([k]) => k.startsWith(`${base}/`))
          .map(([k, x]) => [
            k.slice(base.length),
            {
              ...x,
              inputs: x.inputs.map((n) =>
                n.pointer ? { ...n, pointer: n.pointer.replace(base, '') } : n,
              ),
            },
          ]),
      );
      expect(goal.json.explanations).toEqual(fromMetrics);
    });

    it('refuses an explain that is not a boolean with 400 naming it', async () => {
      const r = await call(
        'getSuccessGoal',
        { goalId: 'goal_acme_ticket_time' },
        { query: { explain: 'yes' } },
      );
      expect(r.status, r.text).toBe(400);
      expect(r.text).toContain('explain');
    });
  });

  describe('updateSuccessGoal', () => {
    let goal: SuccessGoal;
    /** A full replacement of `goal` that keeps its metrics by id: what the If-Match tests send. */
    const replaceBody = () => ({
      name: 'x',
      target_date: '2026-12-31',
      metrics: goal.metrics.map((m) => ({
        id: m.id,
        name: m.name,
        unit: '',
        baseline_value: 0,
        target_value: 10,
      })),
    });
    beforeAll(async () => {
      goal = (
        await create({
          customer_id: 'cus_acme',
          name: 'Two metrics',
          target_date: '2026-12-31',
          metrics: [
            { name: 'A', unit: '', baseline_value: 0, target_value: 10, current_value: 2 },
            { name: 'B', unit: '', baseline_value: 0, target_value: 10, current_value: 4 },
          ],
        })
      ).json;
    });

    it('needs If-Match: 428 without it, 400 only for a broken header', async () => {
      const body = replaceBody();
      const missing = await call('updateSuccessGoal', { goalId: goal.id }, { body });
      expect(missing.status).toBe(428);
      expect(missing.problem.errors?.[0]).toMatchObject({
        field: 'header.If-Match',
        code: 'required',
      });
      for (const bad of ['0', '1, 2', 'abc', '"1', 'W/1', '"1" "2"', ',']) {
        const r = await call(
          'updateSuccessGoal',
          { goalId: goal.id },
          { body, headers: { 'if-match': bad } },
        );
        expect(r.status, bad).toBe(400);
        expect(r.problem.errors?.[0]?.field).toBe('header.If-Match');
      }
    });

    it('answers 412 for any well-formed entity tag that does not match (RFC 9110), whatever its form', async () => {
      const body = replaceBody();
      for (const tag of ['"abc"', 'W/"1"', '"01"', '"2", "3"', '""', 'W/"1", W/"2"']) {
        const r = await call(
          'updateSuccessGoal',
          { goalId: goal.id },
          { body, headers: { 'if-match': tag } },
        );
        expect(r.status, tag).toBe(412);
        expect(r.problem.errors?.[0]).toMatchObject({
          field: 'header.If-Match',
          code: 'stale_version',
        });
      }
      expect((await call('getSuccessGoal', { goalId: goal.id })).json.version).toBe(1);
    });

    it('matches * and a list that names the current version', async () => {
      const g = (
        await create({
          customer_id: 'cus_acme',
          name: 'Star',
          metric: 'v',
          baseline_value: 0,
          target_value: 10,
          target_date: '2026-12-31',
        })
      ).json;
      const body = {
        name: 'Star 2',
        metric: 'v',
        baseline_value: 0,
        target_value: 10,
        target_date: '2026-12-31',
      };
      const star = await call(
        'updateSuccessGoal',
        { goalId: g.id },
        { body, headers: { 'if-match': '*' } },
      );
      expect(star.status, star.text).toBe(200);
      expect(star.json.version).toBe(2);
      const list = await call(
        'updateSuccessGoal',
        { goalId: g.id },
        { body: { ...body, name: 'Star 3' }, headers: { 'if-match': 'W/"2", "9", "2"' } },
      );
      expect(list.status, list.text).toBe(200);
      expect(list.json).toMatchObject({ name: 'Star 3', version: 3 });
      const del = await call(
        'deleteSuccessGoal',
        { goalId: g.id },
        { headers: { 'if-match': '*' } },
      );
      expect(del.status).toBe(204);
    });

    it('replaces the goal, keeps the history of metrics listed by id, drops the others, and bumps the version', async () => {
      const [a] = goal.metrics;
      const r = await call(
        'updateSuccessGoal',
        { goalId: goal.id },
        {
          headers: { 'if-match': '1' },
          body: {
            name: 'Renamed',
            target_date: '2026-12-31',
            metrics: [
              { id: a!.id, name: 'A2', unit: 'pts', baseline_value: 0, target_value: 20 },
              { name: 'C', unit: '', baseline_value: 5, target_value: 1 },
            ],
          },
        },
      );
      expect(r.status, r.text).toBe(200);
      expect(r.headers.get('etag')).toBe('"2"');
      expect(r.json).toMatchObject({
        name: 'Renamed',
        version: 2,
        description: '',
        category: 'custom',
        start_date: '2026-04-30',
      });
      expect(
        r.json.metrics.map((m) => [m.name, m.current_value, m.measurements.length, m.direction]),
      ).toEqual([
        ['A2', 2, 1, 'higher_is_better'],
        ['C', null, 0, 'lower_is_better'],
      ]);
      expect(r.json.metrics[0]?.id).toBe(a!.id);
      goal = r.json;
    });

    it('answers 412 for a stale version and changes nothing', async () => {
      const r = await call(
        'updateSuccessGoal',
        { goalId: goal.id },
        {
          headers: { 'if-match': '"1"' },
          body: {
            name: 'Lost',
            target_date: '2026-12-31',
            metrics: [{ name: 'Z', unit: '', baseline_value: 0, target_value: 1 }],
          },
        },
      );
      expect(r.status).toBe(412);
      expect(r.problem.errors?.[0]).toMatchObject({
        field: 'header.If-Match',
        code: 'stale_version',
      });
      const read = await call('getSuccessGoal', { goalId: goal.id });
      expect(read.json.name).toBe('Renamed');
    });

    it('refuses the flat shorthand on a goal with several metrics, and a metric id of another goal', async () => {
      const flat = await call(
        'updateSuccessGoal',
        { goalId: goal.id },
        {
          headers: { 'if-match': '2' },
          body: {
            name: 'x',
            metric: 'm',
            baseline_value: 0,
            target_value: 1,
            target_date: '2026-12-31',
          },
        },
      );
      expect(flat.status).toBe(422);
      expect(flat.problem.errors?.[0]?.code).toBe('multiple_metrics');
      const foreign = await call(
        'updateSuccessGoal',
        { goalId: goal.id },
        {
          headers: { 'if-match': '2' },
          body: {
            name: 'x',
            target_date: '2026-12-31',
            metrics: [
              { id: 'met_acme_nps', name: 'm', unit: '', baseline_value: 0, target_value: 1 },
            ],
          },
        },
      );
      expect(foreign.status).toBe(422);
      expect(foreign.problem.errors?.[0]).toMatchObject({
        field: '/metrics/0/id',
        code: 'not_found',
      });
    });

    it('updates a one-metric goal in place with the flat shorthand, keeping its history', async () => {
      const before = await call('getSuccessGoal', { goalId: 'goal_acme_ticket_time' });
      const r = await call(
        'updateSuccessGoal',
        { goalId: 'goal_acme_ticket_time' },
        {
          headers: { 'if-match': before.headers.get('etag')! },
          body: requestExample('updateSuccessGoal'),
        },
      );
      expect(r.status, r.text).toBe(200);
      expect(r.json.metrics[0]).toMatchObject({
        id: 'met_acme_resolution_time',
        target_value: 10,
        current_value: 11.5,
      });
      expect(r.json.metrics[0]?.measurements).toHaveLength(4);
      expect(r.json.version).toBe(before.json.version + 1);
    });
    it('accepts the representation a GET returned, read-only fields and all, and changes nothing', async () => {
      const before = await call('getSuccessGoal', { goalId: 'goal_acme_upsell' });
      expect(before.status).toBe(200);
      const r = await call(
        'updateSuccessGoal',
        { goalId: 'goal_acme_upsell' },
        { headers: { 'if-match': before.headers.get('etag')! }, body: before.json },
      );
      expect(r.status, r.text).toBe(200);
      const { version, updated_at, ...rest } = r.json;
      const { version: v0, updated_at: _u0, ...rest0 } = before.json;
      expect(version).toBe(v0 + 1);
      expect(updated_at).toEqual(expect.any(String));
      expect(rest).toEqual(rest0);
    });

    it('refuses a changed read-only field with 422 naming it by JSON Pointer, and changes nothing', async () => {
      const before = await call('getSuccessGoal', { goalId: 'goal_acme_upsell' });
      const etag = before.headers.get('etag')!;
      const moved = await call(
        'updateSuccessGoal',
        { goalId: 'goal_acme_upsell' },
        { headers: { 'if-match': etag }, body: { ...before.json, customer_id: 'cus_globex' } },
      );
      expect(moved.status, moved.text).toBe(422);
      expect(moved.problem.errors).toEqual([
        expect.objectContaining({ field: '/customer_id', code: 'read_only' }),
      ]);
      const [m0, ...others] = before.json.metrics;
      const forged = await call(
        'updateSuccessGoal',
        { goalId: 'goal_acme_upsell' },
        {
          headers: { 'if-match': etag },
          body: {
            ...before.json,
            achievement_pct: 100,
            metrics: [{ ...m0!, current_value: 1e6 }, ...others],
          },
        },
      );
      expect(forged.status).toBe(422);
      expect(forged.problem.errors?.map((e) => e.field).sort()).toEqual([
        '/achievement_pct',
        '/metrics/0/current_value',
      ]);
      const after = await call('getSuccessGoal', { goalId: 'goal_acme_upsell' });
      expect(after.json).toEqual(before.json);
    });

    it('accepts an explained representation sent back, and refuses a changed explanation with 422 at /explanations', async () => {
      const before = await call(
        'getSuccessGoal',
        { goalId: 'goal_acme_upsell' },
        { query: { explain: true } },
      );
      const { explanations, ...plain } = before.json;
      expect(explanations?.['/achievement_pct']).toBeDefined();
      const forged = await call(
        'updateSuccessGoal',
        { goalId: 'goal_acme_upsell' },
        {
          headers: { 'if-match': before.headers.get('etag')! },
          body: {
            ...before.json,
            explanations: {
              ...explanations,
              '/achievement_pct': { ...explanations?.['/achievement_pct'], result: 100 },
            },
          },
        },
      );
      expect(forged.status, forged.text).toBe(422);
      expect(forged.problem.errors).toEqual([
        expect.objectContaining({ field: '/explanations', code: 'read_only' }),
      ]);
      const r = await call(
        'updateSuccessGoal',
        { goalId: 'goal_acme_upsell' },
        { headers: { 'if-match': before.headers.get('etag')! }, body: before.json },
      );
      expect(r.status, r.text).toBe(200);
      expect('explanations' in r.json).toBe(false);
      const { version, updated_at, ...rest } = r.json;
      const { version: v0, updated_at: _u0, ...rest0 } = plain;
      expect(version).toBe(v0 + 1);
      expect(rest).toEqual(rest0);
    });
  });

  describe('recordMeasurement', () => {
    it('appends to history; current is the latest by measured_at, so a late backfill fills history only', async () => {
      const g = (
        await create({
          customer_id: 'cus_acme',
          name: 'M',
          metric: 'v',
          baseline_value: 0,
          target_value: 100,
          target_date: '2026-12-31',
          start_date: '2026-01-01',
        })
      ).json;
      const metricId = g.metrics[0]!.id;
      const now = await call(
        'recordMeasurement',
        { goalId: g.id },
        { token: 'csm', body: { metric_id: metricId, value: 60, source: 'manual', note: 'first' } },
      );
      expect(now.status).toBe(201);
      expect(now.headers.get('location')).toBe(`/api/success-goals/${g.id}`);
      expect(now.headers.get('etag')).toBe('"2"');
      expect(now.json.measurement).toEqual({
        id: expect.stringMatching(/^msr_[0-9]+$/),
        measured_at: '2026-04-30T09:00:00.000Z',
        value: 60,
        source: 'manual',
        note: 'first',
      });
      const late = await call(
        'recordMeasurement',
        { goalId: g.id },
        { body: { metric_id: metricId, value: 10, measured_at: '2026-02-01T00:00:00+02:00' } },
      );
      expect(late.json.goal.current_value).toBe(60);
      expect(late.json.goal.version).toBe(3);
      expect(late.json.goal.metrics[0]?.measurements.map((m) => [m.measured_at, m.value])).toEqual([
        ['2026-01-31T22:00:00.000Z', 10],
        ['2026-04-30T09:00:00.000Z', 60],
      ]);
    });

    it('refuses a measurement more than 5 minutes ahead, and a metric of another goal', async () => {
      const ahead = await call(
        'recordMeasurement',
        { goalId: 'goal_acme_nps' },
        { body: { metric_id: 'met_acme_nps', value: 1, measured_at: '2026-04-30T09:06:00Z' } },
      );
      expect(ahead.status).toBe(422);
      expect(ahead.problem.errors?.[0]).toMatchObject({
        field: '/measured_at',
        code: 'future_date',
      });
      const skew = await call(
        'recordMeasurement',
        { goalId: 'goal_acme_nps' },
        { body: { metric_id: 'met_acme_nps', value: 47, measured_at: '2026-04-30T09:04:00Z' } },
      );
      expect(skew.status).toBe(201);
      const other = await call(
        'recordMeasurement',
        { goalId: 'goal_acme_nps' },
        { body: { metric_id: 'met_acme_resolution_time', value: 1 } },
      );
      expect(other.status).toBe(422);
      expect(other.problem.errors?.[0]).toMatchObject({ field: '/metric_id', code: 'not_found' });
    });
  });

  describe('updateMeasurement and deleteMeasurement', () => {
    const setup = async () => {
      const g = (
        await create({
          customer_id: 'cus_acme',
          name: 'Corrected',
          start_date: '2026-01-01',
          target_date: '2026-12-31',
          metrics: [{ name: 'v', unit: '', baseline_value: 0, target_value: 100 }],
          value_drivers: [{ type: 'cost_reduction', label: 'Saved', annual_amount: 1000 }],
        })
      ).json;
      const metricId = g.metrics[0]!.id;
      const first = await call(
        'recordMeasurement',
        { goalId: g.id },
        { body: { metric_id: metricId, value: 20, measured_at: '2026-02-01T00:00:00Z' } },
      );
      const second = await call(
        'recordMeasurement',
        { goalId: g.id },
        {
          body: {
            metric_id: metricId,
            value: 50,
            measured_at: '2026-03-01T00:00:00Z',
            note: 'typo',
          },
        },
      );
      expect(second.status, second.text).toBe(201);
      return { first: first.json, second: second.json };
    };

    it('gives every measurement a stable id, on the goal and in the result', async () => {
      const { second } = await setup();
      const history = second.goal.metrics[0]!.measurements;
      expect(history.map((m) => m.id)).toEqual([
        expect.stringMatching(/^msr_/),
        second.measurement.id,
      ]);
    });

    it('corrects a value in place: the goal progress follows, the version moves, the id stays', async () => {
      const { second } = await setup();
      const goalId = second.goal.id;
      expect(second.goal.achievement_pct).toBe(50);
      const r = await call(
        'updateMeasurement',
        { goalId, measurementId: second.measurement.id! },
        {
          headers: { 'if-match': `"${second.goal.version}"` },
          body: { value: 80, measured_at: '2026-03-01T00:00:00Z', source: 'manual', note: 'fixed' },
        },
      );
      expect(r.status, r.text).toBe(200);
      expect(r.headers.get('etag')).toBe(`"${second.goal.version + 1}"`);
      expect(r.json.measurement).toEqual({
        id: second.measurement.id,
        measured_at: '2026-03-01T00:00:00.000Z',
        value: 80,
        source: 'manual',
        note: 'fixed',
      });
      expect(r.json.goal).toMatchObject({ achievement_pct: 80, current_value: 80 });
      const read = await call('getSuccessGoal', { goalId });
      expect(read.json.metrics[0]?.measurements.map((m) => [m.id, m.value])).toEqual([
        [second.goal.metrics[0]!.measurements[0]!.id, 20],
        [second.measurement.id, 80],
      ]);
      expect(read.json.achievement_pct).toBe(80);
    });

    it('removes values: the figures return to what they were before, down to no value delivered', async () => {
      const { first, second } = await setup();
      const goalId = second.goal.id;
      const gone = await call(
        'deleteMeasurement',
        { goalId, measurementId: second.measurement.id! },
        { headers: { 'if-match': `"${second.goal.version}"` } },
      );
      expect(gone.status, gone.text).toBe(200);
      expect(gone.json.measurement.id).toBe(second.measurement.id);
      const { version: _v, updated_at: _u, ...was } = first.goal;
      const { version, updated_at: _u2, ...now } = gone.json.goal;
      expect(version).toBe(second.goal.version + 1);
      expect(now).toEqual(was);
      // The cached customer figures follow the write, like after any other.
      const metrics = async () =>
        (await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' })).json.metrics
          .value_delivered.total_value;
      const valueBefore = await metrics();
      const last = await call(
        'deleteMeasurement',
        { goalId, measurementId: first.measurement.id! },
        { headers: { 'if-match': String(version) } },
      );
      expect(last.status).toBe(200);
      expect(last.json.goal).toMatchObject({
        achievement_pct: null,
        current_value: null,
        annual_value: 0,
        status: 'not_started',
      });
      expect(last.json.goal.metrics[0]?.measurements).toEqual([]);
      expect(await metrics()).toBe(valueBefore - 1000);
      const again = await call(
        'deleteMeasurement',
        { goalId, measurementId: first.measurement.id! },
        { headers: { 'if-match': '*' } },
      );
      expect(again.status).toBe(404);
    });

    it('answers 412 for a stale If-Match, 428 without one, and changes nothing', async () => {
      const { first, second } = await setup();
      const goalId = second.goal.id;
      const params = { goalId, measurementId: first.measurement.id! };
      const body = { value: 1, measured_at: '2026-02-01T00:00:00Z' };
      const stale = await call('updateMeasurement', params, {
        headers: { 'if-match': `"${first.goal.version}"` },
        body,
      });
      expect(stale.status).toBe(412);
      expect(stale.problem.errors?.[0]?.code).toBe('stale_version');
      const staleDel = await call('deleteMeasurement', params, {
        headers: { 'if-match': 'W/"9"' },
      });
      expect(staleDel.status).toBe(412);
      expect((await call('deleteMeasurement', params)).status).toBe(428);
      const read = await call('getSuccessGoal', { goalId });
      expect(read.json).toEqual(second.goal);
    });

    it('refuses a viewer with 403, a measurement of another goal with 404, and a future date with 422', async () => {
      const { first, second } = await setup();
      const goalId = second.goal.id;
      const ifMatch = { 'if-match': `"${second.goal.version}"` };
      const params = { goalId, measurementId: first.measurement.id! };
      const body = { value: 1, measured_at: '2026-02-01T00:00:00Z' };
      const viewer = await call('updateMeasurement', params, {
        token: 'viewer',
        headers: ifMatch,
        body,
      });
      expect(viewer.status).toBe(403);
      const viewerDel = await call('deleteMeasurement', params, {
        token: 'viewer',
        headers: ifMatch,
      });
      expect(viewerDel.status).toBe(403);
      const foreign = await call(
        'deleteMeasurement',
        { goalId: 'goal_acme_nps', measurementId: first.measurement.id! },
        { headers: { 'if-match': '*' } },
      );
      expect(foreign.status).toBe(404);
      const ahead = await call('updateMeasurement', params, {
        headers: ifMatch,
        body: { value: 1, measured_at: '2027-01-01T00:00:00Z' },
      });
      expect(ahead.status).toBe(422);
      expect(ahead.problem.errors?.[0]).toMatchObject({
        field: '/measured_at',
        code: 'future_date',
      });
      expect((await call('getSuccessGoal', { goalId })).json).toEqual(second.goal);
    });
  });

  describe('deleteSuccessGoal', () => {
    it('is conditional with If-Match, keeps linked milestones unlinked and keeps alerts', async () => {
      const g = (
        await create({
          customer_id: 'cus_acme',
          name: 'Doomed',
          metric: 'v',
          baseline_value: 0,
          target_value: 10,
          current_value: 12,
          target_date: '2026-12-31',
        })
      ).json;
      expect(g.status).toBe('achieved');
      const ms = await call(
        'createMilestone',
        { customerId: 'cus_acme' },
        { body: { name: 'Linked', target_date: '2026-05-01', goal_id: g.id } },
      );
      expect(ms.json.goal_id).toBe(g.id);
      const stale = await call(
        'deleteSuccessGoal',
        { goalId: g.id },
        { headers: { 'if-match': '"7"' } },
      );
      expect(stale.status).toBe(412);
      const ok = await call(
        'deleteSuccessGoal',
        { goalId: g.id },
        { headers: { 'if-match': '"1"' } },
      );
      expect(ok.status).toBe(204);
      expect(ok.text).toBe('');
      expect((await call('getSuccessGoal', { goalId: g.id })).status).toBe(404);
      const list = await call(
        'listMilestones',
        { customerId: 'cus_acme' },
        { query: { limit: 500 } },
      );
      const linked = list.json.items.find((m) => m.id === ms.json.id);
      expect(linked).toMatchObject({ goal_id: null, version: 2 });
      const alerts = await call(
        'listAlerts',
        {},
        { query: { customer_id: 'cus_acme', limit: 500 } },
      );
      expect(alerts.json.items.some((a) => a.goal_id === g.id && a.type === 'goal_achieved')).toBe(
        true,
      );
      expect((await call('deleteSuccessGoal', { goalId: g.id })).status).toBe(404);
    });
  });
});
