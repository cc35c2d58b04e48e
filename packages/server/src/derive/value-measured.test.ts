// Value is delivered only when measured (issue 11): a goal created with value drivers and no
// measurement ("Not started") raised Acme's value delivered from $285K to $429K, ROI from 4.2x
// to 6.3x and its benchmark percentile to the 100th. Now it adds only to `projected_value`; a
// driver linked to a metric takes its per-unit amount from the measured change (PRD-165 7.2).
import { formatMultiplier } from '@cscx/success-calc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccountSuccessMetrics,
  CustomerSuccessMetrics,
  PortfolioSuccessMetrics,
  SuccessGoal,
} from '../contract.js';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

const ACME_ROI = 285_000 / 68_000;

/** $84,000 of licences + 100 h a month at $50/h = $144,000 a year: the issue's $429K - $285K. */
const UNMEASURED_GOAL = {
  customer_id: 'cus_acme',
  name: 'Retire legacy reporting',
  category: 'cost',
  start_date: '2026-04-01',
  target_date: '2026-12-31',
  metrics: [{ name: 'Legacy reports run', unit: 'reports', baseline_value: 400, target_value: 0 }],
  value_drivers: [
    {
      type: 'cost_reduction',
      label: 'Licences retired',
      annual_amount: 84_000,
      confidence: 'high',
    },
    { type: 'time_saved', label: 'Reporting time', hours_per_month: 100, hourly_rate: 50 },
  ],
};

describeBackends('value delivered only when measured (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  let before: {
    metrics: CustomerSuccessMetrics;
    account: AccountSuccessMetrics;
    portfolio: PortfolioSuccessMetrics;
  };

  const acme = async () => ({
    metrics: (await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' })).json,
    account: (
      await call(
        'getAccountSuccessMetrics',
        { customerId: 'cus_acme' },
        { query: { includeBenchmarks: true } },
      )
    ).json,
    portfolio: (await call('getPortfolioSuccessMetrics', {})).json,
  });

  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
    before = await acme();
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  describe('a goal with value drivers and no measurement', () => {
    let goal: SuccessGoal;
    let after: typeof before;
    beforeAll(async () => {
      const r = await call('createSuccessGoal', {}, { token: 'csm', body: UNMEASURED_GOAL });
      expect(r.status, r.text).toBe(201);
      goal = r.json;
      after = await acme();
    });

    it('is not started, delivers nothing, and shows its $144,000 as projected value', () => {
      expect(goal).toMatchObject({
        status: 'not_started',
        annual_value: 0,
        projected_value: 144_000,
        projected_hours: 1200,
      });
      expect(
        goal.value_drivers.map((d) => [d.annual_value, d.annual_hours, d.projected_value]),
      ).toEqual([
        [0, 0, 84_000],
        [0, 0, 60_000],
      ]);
      for (const d of goal.value_drivers) {
        expect(d.value_note).toMatch(/^No measurement yet\. Value counts as delivered once/);
        expect(d.metric_id).toBeNull();
      }
    });

    it("keeps Acme's value delivered at $285,000 and ROI at 4.19 (4.2x), TC-165.2", () => {
      const v = after.metrics.metrics.value_delivered;
      expect(v).toMatchObject({
        total_value: 285_000,
        time_saved_hours: 2400,
        time_saved_value: 0,
        cost_reduction: 185_000,
        revenue_impact: 100_000,
        roi_multiplier: ACME_ROI,
      });
      expect(v.roi_multiplier).toBeCloseTo(4.19, 2);
      expect(formatMultiplier(v.roi_multiplier)).toBe('4.2x');
      expect(v).toEqual({
        ...before.metrics.metrics.value_delivered,
        projected_value: before.metrics.metrics.value_delivered.projected_value + 144_000,
        projected_hours: before.metrics.metrics.value_delivered.projected_hours + 1200,
      });
    });

    it("reports the new goal's value in projected_value, apart from the total", () => {
      expect(before.metrics.metrics.value_delivered.projected_value).toBe(285_000);
      expect(after.metrics.metrics.value_delivered.projected_value).toBe(429_000);
      const s = after.account.value_summary;
      expect(s).toMatchObject({ total_value: 285_000, projected_value: 429_000 });
      expect(s.roi_pct).toBe(before.account.value_summary.roi_pct);
      expect(after.account.executive_summary.annual_value).toBe(285_000);
      expect(s.categories.find((c) => c.label === 'Licences retired')).toMatchObject({
        annual_value: 0,
        projected_value: 84_000,
      });
    });

    it("leaves Acme's benchmark rows, percentiles included, unchanged", () => {
      expect(before.account.benchmarks).not.toBeNull();
      const roi = after.account.benchmarks?.rows.find((r) => r.metric === 'roi_pct');
      expect(roi?.value).toBe(ACME_ROI * 100);
      expect(roi?.percentile).toBeLessThan(100);
      expect(after.account.benchmarks?.rows.find((r) => r.metric === 'roi_pct')).toEqual(
        before.account.benchmarks?.rows.find((r) => r.metric === 'roi_pct'),
      );
    });

    it("leaves the portfolio value and Acme's row as they were (the same derivation)", () => {
      const row = (p: PortfolioSuccessMetrics) =>
        p.customers.find((c) => c.customer_id === 'cus_acme');
      expect(row(after.portfolio)).toMatchObject({
        total_value: 285_000,
        roi_multiplier: ACME_ROI,
      });
      expect(after.portfolio.summary.total_value).toBe(before.portfolio.summary.total_value);
      expect(after.portfolio.summary.average_roi).toBe(before.portfolio.summary.average_roi);
    });

    it('the report shows $285,000 delivered and labels the $429,000 at target apart', async () => {
      const r = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { body: { format: 'html', include_sections: ['overview', 'value'] } },
      );
      expect(r.status).toBe(200);
      expect(r.text).toMatch(/<th scope="row">Total<\/th><td class="num">\$285,000<\/td>/);
      expect(r.text).toContain('4.2x');
      expect(r.text).toContain(
        '<dt>Projected at target (not in total or ROI)</dt><dd>$429,000</dd>',
      );
    });

    it('counts as delivered once measured', async () => {
      const m = await call(
        'recordMeasurement',
        { goalId: goal.id },
        { body: { metric_id: goal.metrics[0]!.id, value: 300 } },
      );
      expect(m.status, m.text).toBe(201);
      expect(m.json.goal).toMatchObject({ annual_value: 144_000, projected_value: 144_000 });
      const v = (await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' })).json.metrics
        .value_delivered;
      expect(v).toMatchObject({ total_value: 429_000, projected_value: 429_000 });
      await call('deleteSuccessGoal', { goalId: goal.id });
      const back = (await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' })).json;
      expect(back.metrics.value_delivered).toEqual(before.metrics.metrics.value_delivered);
    });
  });

  describe('a value driver linked to a metric (PRD-165 7.2)', () => {
    let goal: SuccessGoal;
    beforeAll(async () => {
      const r = await call(
        'createSuccessGoal',
        {},
        {
          body: {
            customer_id: 'cus_globex',
            name: 'Faster ticket resolution',
            category: 'efficiency',
            start_date: '2026-01-01',
            target_date: '2026-12-31',
            metrics: [
              {
                name: 'Average resolution time',
                unit: 'hours',
                baseline_value: 24,
                target_value: 12,
              },
            ],
          },
        },
      );
      expect(r.status, r.text).toBe(201);
      goal = r.json;
    });

    const link = (driver: Record<string, unknown>, version: number) =>
      call(
        'updateSuccessGoal',
        { goalId: goal.id },
        {
          headers: { 'if-match': `"${version}"` },
          body: {
            name: goal.name,
            category: goal.category,
            start_date: goal.start_date,
            target_date: goal.target_date,
            metrics: goal.metrics.map((m) => ({
              id: m.id,
              name: m.name,
              unit: m.unit,
              baseline_value: m.baseline_value,
              target_value: m.target_value,
            })),
            value_drivers: [driver],
          },
        },
      );

    it('refuses a metric_id that is not a metric of the goal, naming the field', async () => {
      const other = await call('getSuccessGoal', { goalId: 'goal_acme_ticket_time' });
      const r = await link(
        { type: 'time_saved', metric_id: other.json.metrics[0]!.id, units_per_month: 150 },
        goal.version,
      );
      expect(r.status).toBe(422);
      expect(r.problem.errors).toEqual([
        {
          field: '/value_drivers/0/metric_id',
          code: 'not_found',
          message: expect.stringContaining('Name the id of a metric listed in metrics[]'),
        },
      ]);
      const created = await call(
        'createSuccessGoal',
        {},
        {
          body: {
            ...UNMEASURED_GOAL,
            value_drivers: [{ type: 'time_saved', metric_id: 'met_x', units_per_month: 1 }],
          },
        },
      );
      expect(created.status).toBe(422);
      expect(created.problem.errors?.[0]).toMatchObject({
        field: '/value_drivers/0/metric_id',
        code: 'not_found',
      });
    });

    it('refuses a linked driver that also states the amount its metric gives', async () => {
      const r = await link(
        {
          type: 'time_saved',
          metric_id: goal.metrics[0]!.id,
          hours_per_unit: 12.5,
          units_per_month: 150,
        },
        goal.version,
      );
      expect(r.status).toBe(422);
      expect(r.problem.errors).toEqual([
        expect.objectContaining({
          field: '/value_drivers/0/hours_per_unit',
          code: 'linked_amount',
        }),
      ]);
    });

    it('delivers nothing before a measurement, then 12.5 h x 150 x $50 = $1,125,000 a year', async () => {
      const globexBefore = (await call('getCustomerSuccessMetrics', { customerId: 'cus_globex' }))
        .json.metrics.value_delivered;
      const linked = await link(
        {
          type: 'time_saved',
          label: 'Ticket handling time saved',
          metric_id: goal.metrics[0]!.id,
          units_per_month: 150,
          hourly_rate: 50,
        },
        goal.version,
      );
      expect(linked.status, linked.text).toBe(200);
      expect(linked.json).toMatchObject({ annual_value: 0, projected_value: 1_080_000 });
      expect(linked.json.value_drivers[0]).toMatchObject({
        metric_id: goal.metrics[0]!.id,
        measured_change: null,
        annual_value: 0,
        projected_value: 1_080_000,
      });
      const m = await call(
        'recordMeasurement',
        { goalId: goal.id },
        { body: { metric_id: goal.metrics[0]!.id, value: 11.5 } },
      );
      expect(m.status, m.text).toBe(201);
      expect(m.json.goal.value_drivers[0]).toMatchObject({
        measured_change: 12.5,
        annual_hours: 22_500,
        annual_value: 1_125_000,
        projected_hours: 21_600,
        projected_value: 1_080_000,
        value_note: null,
      });
      expect(m.json.goal.annual_value / 12).toBe(93_750);
      const globexAfter = (await call('getCustomerSuccessMetrics', { customerId: 'cus_globex' }))
        .json.metrics.value_delivered;
      expect(globexAfter.total_value).toBe(globexBefore.total_value + 1_125_000);
      expect(globexAfter.projected_value).toBe(globexBefore.projected_value + 1_080_000);
    });

    it('delivers 0, not negative value, when the metric moves the wrong way', async () => {
      const m = await call(
        'recordMeasurement',
        { goalId: goal.id },
        { body: { metric_id: goal.metrics[0]!.id, value: 30 } },
      );
      expect(m.status, m.text).toBe(201);
      expect(m.json.goal.annual_value).toBe(0);
      expect(m.json.goal.value_drivers[0]).toMatchObject({
        measured_change: 0,
        annual_value: 0,
        value_note: expect.stringContaining('counts as 0, not as negative value'),
      });
    });
  });
});
