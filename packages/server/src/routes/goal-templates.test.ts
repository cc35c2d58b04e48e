// Goal templates through the API: the shipped library for every role, managers' own templates
// with the write rules of every resource (manager only, Idempotency-Key, If-Match), their goal
// checked as createSuccessGoal checks a goal, and a goal created from every template.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { GoalTemplate } from '../contract.js';
import { LIBRARY } from '../templates/library.js';
import { goalBodyOf } from '../templates/validate.js';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

const key = () => ({ 'idempotency-key': randomUUID() });

/** A valid custom template; `over` replaces top-level fields. */
function templateBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Faster onboarding (Software)',
    industry: 'Software',
    duration_days: 90,
    goal: {
      name: 'Reduce onboarding time',
      category: 'efficiency',
      metrics: [
        { name: 'Days to first value', unit: 'days', baseline_value: 30, target_value: 14 },
      ],
      value_drivers: [{ type: 'time_saved', hours_per_month: 20, hourly_rate: 60 }],
    },
    milestones: [
      { name: 'Kick-off', offset_days: 0 },
      { name: 'First workflow live', offset_days: 30 },
    ],
    ...over,
  };
}

describeBackends('goal templates (%s)', (backend) => {
  let t: TestApp;
  let call: Api;

  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());
  afterEach(async () => {
    await t.db.query('DELETE FROM goal_templates');
  });

  async function create(body: Record<string, unknown> = templateBody()): Promise<GoalTemplate> {
    const r = await call('createGoalTemplate', {}, { headers: key(), body });
    expect(r.status, r.text).toBe(201);
    return r.json;
  }

  async function allIds(query: Record<string, string>, token = 'manager'): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Awaited<ReturnType<typeof call<'listGoalTemplates'>>> = await call(
        'listGoalTemplates',
        {},
        { token, query: { ...query, ...(cursor ? { cursor } : {}) } },
      );
      expect(r.status, r.text).toBe(200);
      ids.push(...r.json.items.map((i) => i.id));
      cursor = r.json.next_cursor;
    } while (cursor !== null);
    return ids;
  }

  it('lists the shipped library to viewer and csm tokens, read-only and by id', async () => {
    for (const token of ['viewer', 'csm', 'otherViewer'] as const) {
      const r = await call('listGoalTemplates', {}, { token });
      expect(r.status).toBe(200);
      expect(r.json.items.map((i) => i.id)).toEqual(LIBRARY.map((l) => l.id).sort());
      expect(r.json.items.every((i) => i.shipped && i.version === 1)).toBe(true);
    }
    const one = await call(
      'getGoalTemplate',
      { templateId: 'tpl_reduce_resolution_time' },
      { token: 'viewer' },
    );
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"1"');
    expect(one.json).toMatchObject({
      industry: 'Software',
      goal: { category: 'efficiency', metrics: [{ baseline_value: 24, target_value: 12 }] },
    });
    const missing = await call('getGoalTemplate', { templateId: 'tpl_nope' }, { token: 'viewer' });
    expect(missing.status).toBe(404);
  });

  it('filters by category and by industry (that industry, case-insensitive, and any industry)', async () => {
    const mine = await create();
    const efficiency = await allIds({ category: 'efficiency' });
    expect(efficiency).toEqual([
      ...LIBRARY.filter((l) => l.goal.category === 'efficiency')
        .map((l) => l.id)
        .sort(),
      mine.id,
    ]);
    const software = await allIds({ industry: 'software' });
    expect(software).toContain('tpl_reduce_resolution_time');
    expect(software).toContain('tpl_reduce_process_time');
    expect(software).toContain(mine.id);
    expect(software).not.toContain('tpl_reduce_loan_processing_time');
    const finance = await allIds({ industry: 'Financial services', category: 'efficiency' });
    expect(finance).toEqual(['tpl_reduce_loan_processing_time', 'tpl_reduce_process_time']);
    expect(await allIds({ category: 'custom' })).toEqual([]);
    const bad = await call('listGoalTemplates', {}, { query: { category: 'speed' } });
    expect(bad.status).toBe(400);
    expect(bad.problem.errors?.[0]).toMatchObject({ field: 'query.category', code: 'enum' });
  });

  it('pages through the shipped library and then the custom templates, a cursor bound to its filters', async () => {
    const a = await create();
    const b = await create(templateBody({ name: 'Second' }));
    const paged = await allIds({ limit: '2' });
    expect(paged).toEqual([...LIBRARY.map((l) => l.id).sort(), ...[a.id, b.id].sort()]);
    const first = await call('listGoalTemplates', {}, { query: { limit: '2' } });
    const other = await call(
      'listGoalTemplates',
      {},
      { query: { limit: '2', category: 'cost', cursor: first.json.next_cursor ?? '' } },
    );
    expect(other.status).toBe(400);
    expect(other.problem.errors?.[0]?.field).toBe('query.cursor');
  });

  it('lets only a manager create, replace or delete a template (403 for csm and viewer)', async () => {
    const mine = await create();
    for (const token of ['csm', 'viewer'] as const) {
      const c = await call(
        'createGoalTemplate',
        {},
        { token, headers: key(), body: templateBody() },
      );
      expect(c.status).toBe(403);
      const u = await call(
        'updateGoalTemplate',
        { templateId: mine.id },
        { token, headers: { 'if-match': '"1"' }, body: templateBody() },
      );
      expect(u.status).toBe(403);
      const d = await call('deleteGoalTemplate', { templateId: mine.id }, { token });
      expect(d.status).toBe(403);
    }
    expect((await call('getGoalTemplate', { templateId: mine.id })).json.version).toBe(1);
  });

  it('creates a template with its defaults filled, under a required Idempotency-Key that replays it', async () => {
    const none = await call('createGoalTemplate', {}, { body: templateBody() });
    expect(none.status).toBe(428);
    expect(none.problem.errors?.[0]?.field).toBe('header.Idempotency-Key');
    const headers = key();
    const first = await call('createGoalTemplate', {}, { headers, body: templateBody() });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/api/goal-templates/${first.json.id}`);
    expect(first.json).toMatchObject({
      shipped: false,
      version: 1,
      description: '',
      goal: {
        description: '',
        weight: 1,
        // Inferred from 30 -> 14, as createSuccessGoal would.
        metrics: [
          { direction: 'lower_is_better', frequency: 'monthly', data_source: null, weight: 1 },
        ],
      },
      milestones: [{ name: 'Kick-off', description: '', offset_days: 0 }, { offset_days: 30 }],
    });
    const again = await call('createGoalTemplate', {}, { headers, body: templateBody() });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    const reused = await call(
      'createGoalTemplate',
      {},
      { headers, body: templateBody({ name: 'Other' }) },
    );
    expect(reused.status).toBe(409);
    expect(await allIds({ category: 'efficiency', industry: 'Software' })).toContain(first.json.id);
    const rows = await t.db.query('SELECT id FROM goal_templates');
    expect(rows).toHaveLength(1);
  });

  it.each([
    [
      'a direction that contradicts baseline and target',
      {
        goal: {
          name: 'G',
          category: 'efficiency',
          metrics: [
            {
              name: 'M',
              unit: 'h',
              direction: 'higher_is_better',
              baseline_value: 24,
              target_value: 12,
            },
          ],
        },
      },
      '/goal/metrics/0/direction',
      'direction_conflict',
    ],
    [
      'a value driver without an amount',
      {
        goal: {
          name: 'G',
          category: 'cost',
          metrics: [{ name: 'M', unit: '', baseline_value: 1, target_value: 2 }],
          value_drivers: [{ type: 'cost_reduction' }],
        },
      },
      '/goal/value_drivers/0',
      'no_amount',
    ],
    [
      'a driver linked to a metric the new goal cannot have yet',
      {
        goal: {
          name: 'G',
          category: 'efficiency',
          metrics: [{ name: 'M', unit: '', baseline_value: 1, target_value: 2 }],
          value_drivers: [{ type: 'time_saved', metric_id: 'met_x', units_per_month: 3 }],
        },
      },
      '/goal/value_drivers/0/metric_id',
      'not_found',
    ],
    [
      'a milestone after the target date',
      { duration_days: 20 },
      '/milestones/1/offset_days',
      'maximum',
    ],
    [
      'a metric with a current value',
      {
        goal: {
          name: 'G',
          category: 'adoption',
          metrics: [{ name: 'M', unit: '', baseline_value: 1, target_value: 2, current_value: 1 }],
        },
      },
      '/goal/metrics/0/current_value',
      'unknown_property',
    ],
    [
      'a category outside the enum',
      {
        goal: {
          name: 'G',
          category: 'speed',
          metrics: [{ name: 'M', unit: '', baseline_value: 1, target_value: 2 }],
        },
      },
      '/goal/category',
      'enum',
    ],
    ['an empty industry', { industry: '' }, '/industry', 'min_length'],
    [
      'no metric',
      { goal: { name: 'G', category: 'cost', metrics: [] } },
      '/goal/metrics',
      'min_items',
    ],
  ])('refuses %s with a 422 naming the field', async (_what, over, field, code) => {
    const body = templateBody(over);
    const c = await call('createGoalTemplate', {}, { headers: key(), body });
    expect(c.status, c.text).toBe(422);
    expect(c.problem.errors).toContainEqual(expect.objectContaining({ field, code }));
    const mine = await create();
    const u = await call(
      'updateGoalTemplate',
      { templateId: mine.id },
      { headers: { 'if-match': '"1"' }, body },
    );
    expect(u.status).toBe(422);
    expect(u.problem.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('replaces a template under If-Match: 428 without it, 412 when stale, then the new version', async () => {
    const mine = await create();
    const id = { templateId: mine.id };
    const body = templateBody({ name: 'Renamed', industry: null });
    expect((await call('updateGoalTemplate', id, { body })).status).toBe(428);
    const stale = await call('updateGoalTemplate', id, { headers: { 'if-match': '"2"' }, body });
    expect(stale.status).toBe(412);
    const ok = await call('updateGoalTemplate', id, { headers: { 'if-match': '"1"' }, body });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.json).toMatchObject({
      name: 'Renamed',
      industry: null,
      version: 2,
      duration_days: 90,
    });
    const again = await call('updateGoalTemplate', id, { headers: { 'if-match': '"1"' }, body });
    expect(again.status).toBe(412);
    // Now for any industry: found under another industry's filter too.
    expect(await allIds({ industry: 'Healthcare', category: 'efficiency' })).toContain(mine.id);
    const gone = await call(
      'updateGoalTemplate',
      { templateId: 'tpl_missing' },
      {
        headers: { 'if-match': '"1"' },
        body,
      },
    );
    expect(gone.status).toBe(404);
  });

  it('never changes or deletes a shipped template (403 read_only), and deletes a custom one', async () => {
    const templateId = 'tpl_reduce_process_time';
    const before = await call('getGoalTemplate', { templateId });
    const put = await call(
      'updateGoalTemplate',
      { templateId },
      { headers: { 'if-match': '"1"' }, body: templateBody() },
    );
    expect(put.status).toBe(403);
    expect(put.problem.detail).toContain('shipped library');
    expect(put.problem.errors).toEqual([
      expect.objectContaining({ field: 'path.templateId', code: 'read_only' }),
    ]);
    const del = await call('deleteGoalTemplate', { templateId });
    expect(del.status).toBe(403);
    expect(del.problem.errors?.[0]?.code).toBe('read_only');
    expect((await call('getGoalTemplate', { templateId })).json).toEqual(before.json);

    const mine = await create();
    expect((await call('deleteGoalTemplate', { templateId: mine.id })).status).toBe(204);
    expect((await call('getGoalTemplate', { templateId: mine.id })).status).toBe(404);
    expect((await call('deleteGoalTemplate', { templateId: mine.id })).status).toBe(404);
  });

  it('creates a goal (201) and its milestones from every shipped template and a custom one', async () => {
    const custom = await create();
    const templates = [
      ...(await call('listGoalTemplates', {}, { query: { limit: 500 } })).json.items,
    ];
    expect(templates.map((x) => x.id)).toContain(custom.id);
    for (const tpl of templates) {
      const start = '2026-05-01';
      const body = goalBodyOf(tpl, 'cus_acme', start);
      const goal = await call('createSuccessGoal', {}, { token: 'csm', headers: key(), body });
      expect(goal.status, `${tpl.id}: ${goal.text}`).toBe(201);
      expect(goal.json).toMatchObject({
        name: tpl.goal.name,
        category: tpl.goal.category,
        start_date: start,
        value_drivers: (tpl.goal.value_drivers ?? []).map(() => expect.anything()),
      });
      expect(
        goal.json.metrics.map((m) => [m.name, m.direction, m.baseline_value, m.target_value]),
      ).toEqual(
        tpl.goal.metrics.map((m) => [m.name, m.direction, m.baseline_value, m.target_value]),
      );
      for (const m of tpl.milestones) {
        const at = new Date(Date.parse(`${start}T00:00:00Z`) + m.offset_days * 86_400_000);
        const ms = await call(
          'createMilestone',
          { customerId: 'cus_acme' },
          {
            token: 'csm',
            headers: key(),
            body: {
              name: m.name,
              goal_id: goal.json.id,
              target_date: at.toISOString().slice(0, 10),
            },
          },
        );
        expect(ms.status, `${tpl.id} ${m.name}: ${ms.text}`).toBe(201);
        expect(ms.json.target_date <= goal.json.target_date).toBe(true);
      }
    }
  });
});
