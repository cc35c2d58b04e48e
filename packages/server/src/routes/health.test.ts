// Customer health: models per segment, observations, derived outcomes, triggers and alerts.
import {
  DEFAULT_HEALTH_WEIGHTS,
  healthOutcomes,
  healthScore,
  healthTriggers,
} from '@cscx/success-calc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PortfolioSuccessMetrics } from '../contract.js';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

const obs = (observed_on: string, usage: number, extra: Record<string, unknown> = {}) => ({
  observed_on,
  usage,
  outcomes: usage,
  relationship: usage,
  growth: usage,
  ...extra,
});

describeBackends('health (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  let customerId: string;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
    // A fresh customer: no seeded history, so every trigger here is this test's.
    const c = await call(
      'createCustomer',
      {},
      {
        body: {
          id: 'cus_health',
          name: 'Health Co',
          segment: 'mid_market',
          currency: 'USD',
          csm_id: 'csm_riley',
        },
      },
    );
    customerId = c.json.id;
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it('has no score before the first observation, and says why', async () => {
    const r = await call('getCustomerHealth', { customerId });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ score: null, band: null, as_of: null, components: [] });
    expect(r.json.note).toMatch(/No health observation/);
    expect(r.json.model.weights).toEqual(DEFAULT_HEALTH_WEIGHTS);
  });

  it('refuses a day the calendar does not have with a 422 naming observed_on', async () => {
    const r = await call(
      'recordHealthObservation',
      { customerId },
      { body: obs('2026-02-30', 50) },
    );
    expect(r.status).toBe(422);
    expect(r.problem.errors?.map((e) => [e.field, e.code])).toEqual([['/observed_on', 'format']]);
  });

  it('refuses an array where the sources object belongs (valibot alone took [] as {})', async () => {
    const r = await call(
      'recordHealthObservation',
      { customerId },
      { body: obs('2026-01-15', 50, { sources: [] }) },
    );
    expect(r.status).toBe(422);
    expect(r.problem.errors).toEqual([
      expect.objectContaining({ field: '/sources', message: 'Must be an object, not an array.' }),
    ]);
  });

  it('scores an observation with calc and explains it with the weights', async () => {
    const r = await call(
      'recordHealthObservation',
      { customerId },
      {
        body: {
          observed_on: '2026-01-31',
          usage: 80,
          outcomes: 90,
          relationship: 70,
          growth: 60,
          sources: { usage: 'product analytics' },
        },
      },
    );
    expect(r.status).toBe(201);
    const expected = healthScore({ usage: 80, outcomes: 90, relationship: 70, growth: 60 });
    expect(expected.ok && r.json.observation.score).toBe(expected.ok && expected.score);
    expect(r.json.observation.band).toBe('good');
    expect(r.json.alerts).toEqual([]);
    const h = await call('getCustomerHealth', { customerId });
    expect(h.json.score).toBe(expected.ok ? expected.score : null);
    expect(h.json.components.map((c) => [c.name, c.score, c.weight, c.source])).toEqual([
      ['usage', 80, 40, 'product analytics'],
      ['outcomes', 90, 25, null],
      ['relationship', 70, 20, null],
      ['growth', 60, 15, null],
    ]);
    expect(h.json.explanations['/score']).toMatchObject({
      formula: 'health_score',
      result: h.json.score,
    });
    expect(h.json.explanations['/band']?.result).toBe('good');
  });

  it('raises a drop and an at-risk entry as alerts with their dates and scores, listed with goal alerts', async () => {
    const r = await call(
      'recordHealthObservation',
      { customerId },
      { body: obs('2026-02-28', 55) },
    );
    expect(r.status).toBe(201);
    const points = [
      { at: '2026-01-31', score: 77.5 },
      { at: '2026-02-28', score: 55 },
    ];
    const calc = healthTriggers(points);
    expect(r.json.alerts.map((a) => a.type)).toEqual(
      calc.ok ? calc.triggers.map((x) => `health_${x.type}`) : [],
    );
    expect(r.json.alerts[0]?.cause).toBe(
      'The score fell 22.5 points, from 77.5 on 2026-01-31 to 55 on 2026-02-28 (more than 20).',
    );
    const listed = await call('listAlerts', {}, { query: { customer_id: customerId } });
    expect(listed.json.items.map((a) => a.type).sort()).toEqual(
      ['health_entered_at_risk', 'health_score_drop'].sort(),
    );
    const h = await call('getCustomerHealth', { customerId });
    expect(h.json.band).toBe('at_risk');
    expect(h.json.active_triggers.map((x) => x.type)).toEqual(['score_drop', 'entered_at_risk']);
  });

  it('raises critical entry and consecutive decline once each, never again for the same trigger', async () => {
    await call('recordHealthObservation', { customerId }, { body: obs('2026-03-15', 52) });
    const r = await call(
      'recordHealthObservation',
      { customerId },
      { body: obs('2026-03-31', 45) },
    );
    expect(r.json.alerts.map((a) => a.type)).toEqual([
      'health_entered_critical',
      'health_consecutive_decline',
    ]);
    const again = await call(
      'recordHealthObservation',
      { customerId },
      { body: obs('2026-03-31', 40) },
    );
    expect(again.status).toBe(422);
    expect(again.problem.errors?.[0]).toMatchObject({
      field: '/observed_on',
      code: 'already_exists',
    });
    const listed = await call('listAlerts', {}, { query: { customer_id: customerId } });
    expect(listed.json.items).toHaveLength(4);
  });

  it('derives business outcomes from goals, ROI and milestones when not given', async () => {
    const r = await call(
      'recordHealthObservation',
      { customerId: 'cus_acme' },
      {
        body: { observed_on: '2026-04-29', usage: 80, relationship: 70, growth: 60 },
      },
    );
    expect(r.status).toBe(201);
    expect(r.json.observation.outcomes_derived).toBe(true);
    expect(r.json.observation.sources.outcomes).toBe('derived');
    const h = await call('getCustomerHealth', { customerId: 'cus_acme' });
    const e = h.json.explanations['/components/1/score'];
    expect(e?.formula).toBe('health_outcomes');
    const inputs = Object.fromEntries((e?.inputs ?? []).map((i) => [i.name, i.value]));
    const again = healthOutcomes({
      goalAchievement: inputs['goal achievement'] as number | null,
      roiMultiplier: inputs['ROI multiplier'] as number | null,
      milestonesAchieved: inputs['milestones achieved'] as number | null,
      milestonesDue: inputs['milestones due'] as number | null,
    });
    expect(again.ok && again.score).toBe(r.json.observation.components.outcomes);
    expect(inputs['ROI multiplier']).toBeGreaterThan(1);
  });

  it('refuses scores out of range and future days, naming the field', async () => {
    const r = await call(
      'recordHealthObservation',
      { customerId },
      {
        body: { observed_on: '2026-04-01', usage: 101, relationship: -1, growth: 'x' },
      },
    );
    expect(r.status).toBe(422);
    expect(r.problem.errors?.map((e) => e.field).sort()).toEqual([
      '/growth',
      '/relationship',
      '/usage',
    ]);
    const future = await call(
      'recordHealthObservation',
      { customerId },
      { body: obs('2099-01-01', 50) },
    );
    expect(future.status).toBe(422);
    expect(future.problem.errors?.[0]?.code).toBe('future_date');
  });

  it('lets a manager change a segment model under If-Match, and scores follow it', async () => {
    const m = await call('getHealthModel', { segment: 'mid_market' });
    expect(m.status).toBe(200);
    const csm = await call('getHealthModel', { segment: 'mid_market' }, { token: 'csm' });
    expect(csm.status).toBe(403);
    // The portfolio read before the change: its rows are computed (and kept) under the old model.
    const rowOf = async () => {
      const p = await call(
        'getPortfolioSuccessMetrics',
        {},
        { query: { segment: 'mid_market', limit: 500 } },
      );
      const row = (p.json as PortfolioSuccessMetrics).customers.find(
        (c) => c.customer_id === customerId,
      );
      return [row?.health_score, row?.health_band];
    };
    const before = await call('getCustomerHealth', { customerId });
    expect(await rowOf()).toEqual([before.json.score, before.json.band]);
    const body = {
      ...m.json,
      weights: { usage: 1, outcomes: 1, relationship: 1, growth: 1 },
      bands: { excellent: 80, good: 60, at_risk: 40 },
    };
    const r = await call(
      'updateHealthModel',
      { segment: 'mid_market' },
      {
        body,
        headers: { 'if-match': m.headers.get('etag')! },
      },
    );
    expect(r.status).toBe(200);
    expect(r.json.version).toBe(m.json.version + 1);
    const h = await call('getCustomerHealth', { customerId });
    expect(h.json.score).toBe(45);
    expect(h.json.band).toBe('at_risk');
    // The portfolio's row follows the new model at once, with the same numbers.
    expect(await rowOf()).toEqual([45, 'at_risk']);
    const stale = await call(
      'updateHealthModel',
      { segment: 'mid_market' },
      {
        body,
        headers: { 'if-match': m.headers.get('etag')! },
      },
    );
    expect(stale.status).toBe(412);
    const bad = await call(
      'updateHealthModel',
      { segment: 'mid_market' },
      {
        body: {
          weights: body.weights,
          triggers: body.triggers,
          bands: { excellent: 50, good: 60, at_risk: 40 },
        },
        headers: { 'if-match': '*' },
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.problem.errors?.[0]?.field).toBe('/bands/good');
    const unknown = await call('getHealthModel', { segment: 'galactic' });
    expect(unknown.status).toBe(404);
  });
});
