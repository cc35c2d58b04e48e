// Every number the API shows is calc's: the seeds' worked examples come out exactly (TC-165.1,
// TC-165.2, PRD-165's $285K, PRD-069's $275,400 and 184 %), and for every goal of the demo
// portfolio the progress, status and value equal what calc computes from the goal's own inputs.
import {
  formatMultiplier,
  formatPercent,
  goalProgress,
  goalStatus,
  goalValue,
  metricProgress,
  metricStatus,
} from '@cscx/success-calc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { responseExample } from '../../../../testing/openapi-spec.js';
import type { AccountSuccessMetrics, CustomerSuccessMetrics, SuccessGoal } from '../contract.js';
import { type Api, apiOf } from '../testing/api.js';
import { TEST_NOW, type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

/** calc, called directly on the inputs the API shows for a goal. */
function expectCalcAgrees(g: SuccessGoal, asOf: string): void {
  for (const m of g.metrics) {
    const p = metricProgress({
      baseline: m.baseline_value,
      target: m.target_value,
      current: m.current_value,
      direction: m.direction,
    });
    expect(m.progress_pct, `${g.id}/${m.id}`).toBe(p.ok ? p.percent : null);
    expect(m.progress_note).toBe(p.ok ? null : p.message);
    expect(m.status).toBe(metricStatus(p.ok ? p.percent : null));
  }
  const gp = goalProgress({
    metrics: g.metrics.map((m) => ({
      baseline: m.baseline_value,
      target: m.target_value,
      current: m.current_value,
      direction: m.direction,
      weight: m.weight,
    })),
  });
  expect(g.achievement_pct, g.id).toBe(gp.ok ? gp.percent : null);
  const st = goalStatus(
    {
      percent: gp.ok ? gp.percent : null,
      startDate: g.start_date,
      targetDate: g.target_date,
      hasMeasurement: g.metrics.some((m) => m.measurements.length > 0),
    },
    { asOf },
  );
  expect(g.status, g.id).toBe(st.status);
  expect(g.expected_pct).toBe(st.expectedPercent);
  expect(g.exceeded).toBe(st.exceeded);
  // Value is delivered only when measured: a goal without a measurement delivers nothing.
  const v = goalValue({
    measured: g.metrics.some((m) => m.current_value !== null),
    drivers: g.value_drivers.map((d) => {
      const m = g.metrics.find((x) => x.id === d.metric_id);
      return {
        type: d.type,
        annualAmount: d.annual_amount,
        monthlyAmount: d.monthly_amount,
        hoursPerUnit: d.hours_per_unit,
        unitsPerMonth: d.units_per_month,
        hoursPerMonth: d.hours_per_month,
        hourlyRate: d.hourly_rate,
        metric: m
          ? {
              baseline: m.baseline_value,
              target: m.target_value,
              current: m.current_value,
              direction: m.direction,
            }
          : null,
      };
    }),
  });
  expect(v.ok).toBe(true);
  if (v.ok) {
    expect(g.annual_value).toBe(v.totalValue);
    expect(g.projected_value).toBe(v.projected.totalValue);
    expect(g.value_drivers.map((d) => [d.annual_hours, d.annual_value])).toEqual(
      v.drivers.map((d) => [d.annualHours, d.annualValue]),
    );
    expect(g.value_drivers.map((d) => [d.projected_hours, d.projected_value])).toEqual(
      v.drivers.map((d) => [d.projectedHours, d.projectedValue]),
    );
  }
}

describeBackends('derived numbers (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  let acme: CustomerSuccessMetrics;
  let globex: AccountSuccessMetrics;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
    acme = (await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' }, { token: 'csm' }))
      .json;
    globex = (
      await call(
        'getAccountSuccessMetrics',
        { customerId: 'cus_globex' },
        { query: { includeBenchmarks: true } },
      )
    ).json;
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it('TC-165.1: 24 h -> 12 h, now 11.5 h, is 104.17 % and achieved', () => {
    const g = acme.goals.find((x) => x.id === 'goal_acme_ticket_time')!;
    expect(g.achievement_pct).toBe(104.16666666666667);
    expect(formatPercent(g.achievement_pct, { maximumFractionDigits: 2 })).toBe('104.17%');
    expect(g).toMatchObject({
      status: 'achieved',
      exceeded: true,
      current_value: 11.5,
      baseline_value: 24,
      target_value: 12,
    });
    expect(g.metrics[0]).toMatchObject({ progress_pct: 104.16666666666667, status: 'exceeding' });
    // The contract's example trend for these four measurements.
    expect(g.metrics[0]?.trend).toEqual({
      direction: 'improving',
      slope_per_day: -0.09941383352872216,
      change_pct: -42.5,
    });
  });

  it("TC-165.2 and PRD-165's mock-up: $185K + $100K = $285K against $68K is ROI 4.19, shown 4.2x", () => {
    const example = responseExample<CustomerSuccessMetrics>('getCustomerSuccessMetrics');
    expect(acme.metrics.value_delivered).toEqual(example.metrics.value_delivered);
    expect(acme.metrics.value_delivered).toMatchObject({
      total_value: 285_000,
      time_saved_hours: 2400,
      time_saved_value: 0,
      roi_multiplier: 285_000 / 68_000,
    });
    expect(formatMultiplier(acme.metrics.value_delivered.roi_multiplier)).toBe('4.2x');
  });

  it("Acme's counts, score and milestones are PRD-165 section 7's, as calc computes them", () => {
    const example = responseExample<CustomerSuccessMetrics>('getCustomerSuccessMetrics');
    expect(acme.metrics.goals).toEqual(example.metrics.goals);
    expect(acme.metrics.success_score).toEqual({ score: 91, band: 'strong', note: null });
    expect(acme.metrics.milestones).toEqual(example.metrics.milestones);
    expect(acme.customer).toEqual(example.customer);
    expect(acme.metrics).toMatchObject({
      period: 'all',
      period_start: '2025-07-01',
      period_end: '2026-04-30',
    });
    expect(acme.goals.map((g) => [g.name, g.status])).toEqual([
      ['API response time', 'achieved'],
      ['Increase NPS', 'on_track'],
      ['Reduce ticket time', 'achieved'],
      ['Revenue from upsell', 'at_risk'],
      ['User adoption', 'on_track'],
    ]);
    expect(acme.trends).toHaveLength(5);
  });

  it("PRD-069: Globex's $275,400 value table against $150K is ROI 184 %, score 84.9, 4 of 5 on track", () => {
    const example = responseExample<AccountSuccessMetrics>('getAccountSuccessMetrics');
    expect(globex.value_summary).toEqual(example.value_summary);
    expect(formatPercent(globex.value_summary.roi_pct)).toBe('184%');
    expect(globex.success_score).toEqual(example.success_score);
    expect(globex.executive_summary).toEqual(example.executive_summary);
    expect(globex.goals[0]?.id).toBe('goal_globex_team_efficiency');
    const goal3 = globex.goals[0]!;
    expect(goal3.metrics.map((m) => m.progress_pct)).toEqual([30, 50, 40]);
    expect(goal3).toMatchObject({ achievement_pct: 40, status: 'at_risk' });
    expect(goal3.recommendations?.map((r) => [r.priority, r.action])).toEqual([
      ['immediate', 'Schedule team training session'],
      ['this_week', 'Identify automation opportunities'],
      ['this_month', 'Implement 3 quick-win automations'],
    ]);
    expect(globex.recommendations?.map((r) => r.goal_id)).toEqual(['goal_globex_team_efficiency']);
    expect(globex.upcoming_milestones.map((m) => [m.name, m.status])).toEqual([
      ['Goal 3 checkpoint', 'at_risk'],
      ['QBR review', 'planned'],
      ['Annual success review', 'planned'],
    ]);
  });

  it('benchmarks Globex against the other enterprise customers with calc', () => {
    const b = globex.benchmarks!;
    expect(b.segment).toBe('enterprise');
    expect(b.peer_count).toBeGreaterThanOrEqual(5);
    expect(b.rows.map((r) => r.metric)).toEqual(['success_score', 'achievement_rate', 'roi_pct']);
    expect(b.rows[0]?.value).toBe(globex.success_score.score);
    expect(b.rows[2]?.value).toBe(globex.value_summary.roi_pct);
    for (const r of b.rows) expect(r.percentile).toBeGreaterThanOrEqual(0);
  });

  it('for every goal of every customer, progress, status and value equal calc on the inputs shown', async () => {
    const asOf = TEST_NOW.toISOString().slice(0, 10);
    const customers = await call('listCustomers', {}, { query: { limit: 500 } });
    let goals = 0;
    for (const c of customers.json.items) {
      const m = await call('getCustomerSuccessMetrics', { customerId: c.id });
      for (const g of m.json.goals) expectCalcAgrees(g, asOf);
      goals += m.json.goals.length;
    }
    expect(goals).toBeGreaterThan(400);
  }, 120_000);

  it('computes a past period as of its end: 2026-02 sees only the history up to then', async () => {
    const r = await call(
      'getCustomerSuccessMetrics',
      { customerId: 'cus_acme' },
      { query: { period: '2026-02' } },
    );
    expect(r.json.metrics).toMatchObject({
      period: '2026-02',
      period_start: '2026-02-01',
      period_end: '2026-02-28',
    });
    const ticket = r.json.goals.find((g) => g.id === 'goal_acme_ticket_time')!;
    expect(ticket.current_value).toBe(16.5);
    expect(ticket.metrics[0]?.measurements.map((m) => m.value)).toEqual([16.5]);
    expect(r.json.metrics.milestones.map((m) => m.name)).toEqual(['100th user onboarded']);
    expectCalcAgrees(ticket, '2026-02-28');
  });
});
