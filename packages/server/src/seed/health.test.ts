// The demo's health history: deterministic, monthly, every band and every trigger somewhere in
// the portfolio, Acme's a believable year, and the alerts the live API would have raised.
import { DEFAULT_HEALTH_BAND_MINIMUMS, healthScore, healthTriggers } from '@cscx/success-calc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiOf } from '../testing/api.js';
import { TEST_NOW, type TestApp, testApp } from '../testing/harness.js';
import { demoHealthObservations } from './health.js';
import { demoPortfolio } from './seed.js';

const NOW = new Date('2026-11-23T10:00:00Z');

function scoresOf(obs: ReturnType<typeof demoHealthObservations>, customerId: string) {
  return obs
    .filter((o) => o.customer_id === customerId)
    .map((o) => {
      const r = healthScore(o);
      if (!r.ok) throw new Error(r.message);
      return { at: o.observed_on, score: r.score, band: r.band };
    });
}

describe('demo health observations', () => {
  const customers = demoPortfolio(NOW);
  const obs = demoHealthObservations(customers, NOW);

  it('are the same rows every time for the same day, and none after three days ago', () => {
    expect(JSON.stringify(demoHealthObservations(demoPortfolio(NOW), NOW))).toBe(
      JSON.stringify(obs),
    );
    expect(obs.every((o) => o.observed_on <= '2026-11-20')).toBe(true);
    expect(obs.every((o) => o.recorded_at <= NOW.getTime())).toBe(true);
    expect(new Set(obs.map((o) => o.id)).size).toBe(obs.length);
  });

  it('give every customer a monthly history within its contract, up to a year', () => {
    for (const c of customers) {
      const mine = obs.filter((o) => o.customer_id === c.customer.id);
      expect(mine.length, c.customer.id).toBeGreaterThan(0);
      expect(mine.length).toBeLessThanOrEqual(12);
      const start = c.customer.contract_start;
      if (start !== null) expect(mine.every((o) => o.observed_on >= start)).toBe(true);
    }
  });

  it('reach every band at the latest observation and fire every trigger across the portfolio', () => {
    const latest = new Set<string>();
    const fired = new Set<string>();
    for (const c of customers) {
      const points = scoresOf(obs, c.customer.id);
      latest.add(points.at(-1)?.band ?? 'none');
      const t = healthTriggers(points, { bands: DEFAULT_HEALTH_BAND_MINIMUMS });
      if (t.ok) for (const x of t.triggers) fired.add(x.type);
    }
    expect([...latest].sort()).toEqual(['at_risk', 'critical', 'excellent', 'good']);
    expect([...fired].sort()).toEqual([
      'consecutive_decline',
      'entered_at_risk',
      'entered_critical',
      'score_drop',
    ]);
  });

  it('gives Acme a year since its contract: a dip into at risk while onboarding, good now', () => {
    const acme = scoresOf(obs, 'cus_acme');
    expect(acme).toHaveLength(10);
    expect(acme.at(-1)?.band).toBe('good');
    const t = healthTriggers(acme);
    expect(t.ok && t.triggers.map((x) => [x.type, x.at])).toEqual([
      ['entered_at_risk', acme[2]?.at],
    ]);
  });
});

describe('seeded health (pglite)', () => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp('pglite');
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it("raises each seeded trigger's alert once, when its observation was recorded, as the API would", async () => {
    const h = await call('getCustomerHealth', { customerId: 'cus_globex' });
    expect(h.json.band).toBe('critical');
    expect(h.json.active_triggers.map((x) => x.type)).toEqual([
      'entered_critical',
      'consecutive_decline',
    ]);
    const rows = await t.db.query<{ trigger_key: string; type: string; created_at: string }>(
      "SELECT trigger_key, type, created_at::text FROM alerts WHERE customer_id = 'cus_globex' AND trigger_key IS NOT NULL ORDER BY created_at, id",
    );
    expect(rows.map((r) => r.trigger_key)).toEqual(
      h.json.triggers.map((x) => `health:${x.type}:${x.from.at}:${x.to.at}`),
    );
    expect(rows.every((r) => Date.parse(r.created_at) <= TEST_NOW.getTime())).toBe(true);
    const listed = await call('listAlerts', {}, { query: { customer_id: 'cus_globex' } });
    expect(listed.json.items.filter((a) => a.type.startsWith('health_')).length).toBe(
      h.json.triggers.length,
    );
  });

  it("serves every seeded customer's health within the contract, every band and trigger among them", async () => {
    const ids = await t.db.query<{ id: string }>('SELECT id FROM customers ORDER BY id');
    const bands = new Set<string>();
    const fired = new Set<string>();
    for (const { id } of ids) {
      const h = await call('getCustomerHealth', { customerId: id });
      expect(h.status).toBe(200);
      expect(h.json.history.length, id).toBeGreaterThan(0);
      bands.add(h.json.band ?? 'none');
      for (const x of h.json.triggers) fired.add(x.type);
    }
    expect([...bands].sort()).toEqual(['at_risk', 'critical', 'excellent', 'good']);
    expect(fired.size).toBe(4);
    const alerts = await t.db.query<{ type: string; n: number }>(
      "SELECT type, count(*)::int AS n FROM alerts WHERE type LIKE 'health_%' GROUP BY type ORDER BY type",
    );
    expect(alerts.map((a) => a.type)).toEqual([
      'health_consecutive_decline',
      'health_entered_at_risk',
      'health_entered_critical',
      'health_score_drop',
    ]);
  });

  it('keeps the live path consistent: a new observation raises only the triggers it fires', async () => {
    const before = await call('getCustomerHealth', { customerId: 'cus_acme' });
    expect(before.json.band).toBe('good');
    expect(before.json.history).toHaveLength(10);
    const r = await call(
      'recordHealthObservation',
      { customerId: 'cus_acme' },
      {
        body: {
          observed_on: '2026-04-30',
          usage: 55,
          outcomes: 60,
          relationship: 55,
          growth: 50,
        },
      },
    );
    expect(r.status).toBe(201);
    expect(r.json.alerts.map((a) => a.type)).toEqual([
      'health_score_drop',
      'health_entered_at_risk',
    ]);
  });
});
