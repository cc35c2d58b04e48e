// KPI observations and the KPIs derived from them (seeds 002, 003; issue 13).
import {
  averageHandleTime,
  cacPayback,
  ces,
  churnRate,
  clv,
  csat,
  fcr,
  grr,
  kpiRating,
  nps,
  nrr,
  responsesFromCounts,
  slaCompliance,
  timeToResolution,
} from '@cscx/success-calc/kpi';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { KpiArrMovements, KpiTickets } from '../contract.js';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

interface Row {
  customer_id: string;
  period: string;
  arr: KpiArrMovements | null;
  financials: { gross_margin_pct: number; cac: number | null } | null;
  csat: number[] | null;
  nps: number[] | null;
  ces: number[] | null;
  tickets: KpiTickets | null;
}

const value = <T extends { ok: boolean }>(r: T, pick: (x: T & { ok: true }) => number) =>
  r.ok ? pick(r as T & { ok: true }) : null;

const body = {
  period: '2026-03',
  arr: { starting_arr: 100_000, expansion: 15_000, contraction: 3_000, churned: 2_000 },
  tickets: { total: 100, first_contact_resolved: 76, sla_met: 98, handle_minutes: 800 },
};

describeBackends('KPIs (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  let customerId: string;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
    const c = await call(
      'createCustomer',
      {},
      {
        body: {
          id: 'cus_kpi',
          name: 'KPI Co',
          segment: 'smb',
          currency: 'EUR',
          csm_id: 'csm_riley',
        },
      },
    );
    customerId = c.json.id;
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it("gives the seeded customers' KPIs exactly as calc computes them from the stored inputs", async () => {
    const rows = await t.db.query<Row & Record<string, unknown>>(
      `SELECT customer_id, period, arr, financials, csat, nps, ces, tickets FROM kpi_observations
       WHERE customer_id IN ('cus_acme', 'cus_globex') ORDER BY customer_id, period`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(24);
    for (const id of ['cus_acme', 'cus_globex']) {
      const mine = rows.filter((r) => r.customer_id === id);
      const last = mine.at(-1)!;
      const prev = mine.at(-2)!;
      const r = await call('getCustomerKpis', { customerId: id });
      expect(r.status).toBe(200);
      expect(r.json.period).toBe(last.period);
      expect(r.json.periods).toEqual(mine.map((m) => m.period));
      const k = r.json.kpis;
      const a = last.arr!;
      const arrIn = {
        startingArr: a.starting_arr,
        expansion: a.expansion,
        contraction: a.contraction,
        churned: a.churned,
      };
      expect(k.nrr.value).toBe(value(nrr(arrIn), (x) => x.percent));
      expect(k.grr.value).toBe(value(grr(arrIn), (x) => x.percent));
      expect(k.nrr.rating).toBe(kpiRating('nrr', k.nrr.value!));
      const answers = (c: number[], lo: number) => responsesFromCounts(c, lo) as number[];
      expect(k.csat.value).toBe(value(csat(answers(last.csat!, 1)), (x) => x.average));
      expect(k.csat_percent.value).toBe(value(csat(answers(last.csat!, 1)), (x) => x.percent));
      expect(k.nps.value).toBe(value(nps(answers(last.nps!, 0)), (x) => x.score));
      expect(k.ces.value).toBe(value(ces(answers(last.ces!, 1)), (x) => x.average));
      const tk = last.tickets!;
      expect(k.fcr.value).toBe(
        value(
          fcr({ firstContactResolved: tk.first_contact_resolved, total: tk.total }),
          (x) => x.percent,
        ),
      );
      expect(k.sla_compliance.value).toBe(
        value(slaCompliance({ met: tk.sla_met, total: tk.total }), (x) => x.percent),
      );
      expect(k.aht.value).toBe(
        value(
          averageHandleTime({ totalMinutes: tk.handle_minutes, tickets: tk.total }),
          (x) => x.minutes,
        ),
      );
      const crit = tk.resolution!.critical!;
      expect(k.ttr_critical.value).toBe(
        value(timeToResolution({ totalHours: crit.hours, tickets: crit.resolved }), (x) => x.hours),
      );
      expect(k.ttr_critical.rating).toBe(kpiRating('ttr_critical', k.ttr_critical.value!));
      expect(k.monthly_churn.value).toBe(0);
      const f = last.financials!;
      expect(k.cac_payback.value).toBe(
        value(
          cacPayback({
            cac: f.cac!,
            monthlyRevenue: a.starting_arr / 12,
            grossMarginPercent: f.gross_margin_pct,
          }),
          (x) => x.months,
        ),
      );
      // CLV divides by the segment's annual churn: counted here straight from the table.
      const seg = await t.db.query<{ customer_id: string; period: string; arr: KpiArrMovements }>(
        `SELECT k.customer_id, k.period, k.arr FROM kpi_observations k JOIN customers c ON c.id = k.customer_id
         WHERE c.segment = (SELECT segment FROM customers WHERE id = $1) AND k.period > $2 AND k.period <= $3
         ORDER BY k.customer_id, k.period`,
        [id, `${Number(last.period.slice(0, 4)) - 1}${last.period.slice(4)}`, last.period],
      );
      const byCustomer = new Map<string, KpiArrMovements[]>();
      for (const s of seg)
        byCustomer.set(s.customer_id, [...(byCustomer.get(s.customer_id) ?? []), s.arr]);
      let atStart = 0;
      let lost = 0;
      for (const arrs of byCustomer.values()) {
        if (arrs[0]!.starting_arr > 0) {
          atStart++;
          if (
            arrs.some(
              (x) =>
                x.starting_arr > 0 && x.churned + x.contraction >= x.starting_arr + x.expansion,
            )
          )
            lost++;
        }
      }
      const churn = churnRate({ lost, atStart });
      expect(lost).toBeGreaterThan(0);
      expect(k.clv.value).toBe(
        value(
          clv({
            averageRevenue: a.starting_arr,
            grossMarginPercent: f.gross_margin_pct,
            churnRatePercent: churn.ok ? churn.percent : 0,
          }),
          (x) => x.value,
        ),
      );
      // The trend compares with the previous month's figures, computed the same way.
      const p = prev.arr!;
      const prevNrr = value(
        nrr({
          startingArr: p.starting_arr,
          expansion: p.expansion,
          contraction: p.contraction,
          churned: p.churned,
        }),
        (x) => x.percent,
      );
      expect(k.nrr.previous_value).toBe(prevNrr);
      expect(k.nrr.trend).toBe(
        k.nrr.value === prevNrr ? 'unchanged' : k.nrr.value! > prevNrr! ? 'improving' : 'worsening',
      );
      expect(k.nrr.explanation).toMatchObject({ formula: 'kpi.nrr', result: k.nrr.value });
      // Each input points at the stored figure it is, in the same response.
      const obs = r.json.observation as unknown as Record<string, unknown>;
      for (const kpi of [k.nrr, k.fcr, k.ttr_low, k.csat, k.clv]) {
        for (const i of kpi.explanation.inputs) {
          // CLV's churn rate is the segment's, not in this response.
          if (i.name === 'churn_rate_pct') continue;
          const at = i
            .pointer!.split('/')
            .slice(2)
            .reduce<unknown>((x, key) => (x as Record<string, unknown>)[key], obs);
          expect(at, i.pointer).toBe(i.value);
        }
      }
    }
  });

  it('records a month, then replaces only the sections a second POST carries', async () => {
    const r = await call('recordKpiObservation', { customerId }, { body });
    expect(r.status).toBe(201);
    expect(r.json.arr).toEqual(body.arr);
    expect(r.json.surveys).toEqual({ csat: null, nps: null, ces: null });
    const k = await call('getCustomerKpis', { customerId }, { query: { period: '2026-03' } });
    expect(k.json.kpis.nrr.value).toBeCloseTo(110, 9);
    expect(k.json.kpis.nrr.rating).toBe('on_target');
    expect(k.json.kpis.fcr).toMatchObject({ value: 76, rating: 'on_target' });
    expect(k.json.kpis.csat).toMatchObject({ value: null, rating: null, trend: null });
    expect(k.json.kpis.csat.reason).toBe('No CSAT answers recorded for 2026-03.');
    expect(k.json.kpis.clv.reason).toBe('No gross margin recorded for 2026-03.');
    expect(k.json.kpis.nrr.explanation.text).toMatch(
      /^\(€100,000 \+ €15,000 − €3,000 − €2,000\) \/ €100,000 × 100 = 110 %/,
    );
    const again = await call(
      'recordKpiObservation',
      { customerId },
      { body: { period: '2026-03', surveys: { csat: [0, 0, 1, 4, 5] } } },
    );
    expect(again.status).toBe(200);
    expect(again.json.arr).toEqual(body.arr);
    expect(again.json.surveys.csat).toEqual([0, 0, 1, 4, 5]);
    const k2 = await call('getCustomerKpis', { customerId });
    expect(k2.json.kpis.csat.value).toBe(4.4);
    expect(k2.json.kpis.csat_percent).toMatchObject({ value: 90, rating: 'on_target' });
  });

  it('compares with the previous month for the trend, in the KPI direction', async () => {
    await call(
      'recordKpiObservation',
      { customerId },
      { body: { ...body, period: '2026-02', tickets: { ...body.tickets, handle_minutes: 1000 } } },
    );
    const k = await call('getCustomerKpis', { customerId }, { query: { period: '2026-03' } });
    expect(k.json.previous_period).toBe('2026-02');
    expect(k.json.kpis.aht).toMatchObject({ value: 8, previous_value: 10, trend: 'improving' });
    expect(k.json.kpis.nrr.trend).toBe('unchanged');
  });

  it('refuses bad input with a 422 naming each field, and changes nothing', async () => {
    const before = await call('getCustomerKpis', { customerId }, { query: { period: '2026-03' } });
    const r = await call(
      'recordKpiObservation',
      { customerId },
      {
        body: {
          period: '2026-13',
          arr: { starting_arr: -1, expansion: 0, contraction: 0 },
          surveys: { nps: [1, 2, 3] },
          tickets: { total: 1.5, first_contact_resolved: 0, sla_met: 0, handle_minutes: 'x' },
        },
      },
    );
    expect(r.status).toBe(422);
    expect(r.problem.errors?.map((e) => e.field).sort()).toEqual([
      '/arr/churned',
      '/arr/starting_arr',
      '/period',
      '/surveys/nps',
      '/tickets/handle_minutes',
      '/tickets/total',
    ]);
    const sums = await call(
      'recordKpiObservation',
      { customerId },
      {
        body: {
          period: '2026-03',
          arr: { starting_arr: 10, expansion: 0, contraction: 6, churned: 5 },
          tickets: { total: 10, first_contact_resolved: 11, sla_met: 12, handle_minutes: 5 },
        },
      },
    );
    expect(sums.status).toBe(422);
    expect(sums.problem.errors?.map((e) => [e.field, e.code])).toEqual([
      ['/arr/churned', 'out_of_range'],
      ['/tickets/first_contact_resolved', 'out_of_range'],
      ['/tickets/sla_met', 'out_of_range'],
    ]);
    const future = await call(
      'recordKpiObservation',
      { customerId },
      { body: { ...body, period: '2026-05' } },
    );
    expect(future.problem.errors?.[0]).toMatchObject({ field: '/period', code: 'future_date' });
    const empty = await call(
      'recordKpiObservation',
      { customerId },
      { body: { period: '2026-03' } },
    );
    expect(empty.problem.errors?.[0]).toMatchObject({ field: '', code: 'empty' });
    // valibot takes an array for an object (`[]` has none of the keys): refused by name.
    const arrays = await call(
      'recordKpiObservation',
      { customerId },
      { body: { period: '2026-03', surveys: [], financials: [] } },
    );
    expect(arrays.status).toBe(422);
    expect(arrays.problem.errors?.map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['/financials', 'type'],
        ['/surveys', 'type'],
      ]),
    );
    const healthSources = await call(
      'recordHealthObservation',
      { customerId },
      { body: { observed_on: '2026-03-01', usage: 1, relationship: 1, growth: 1, sources: [] } },
    );
    expect(healthSources.problem.errors?.[0]).toMatchObject({ field: '/sources', code: 'type' });
    const badQuery = await call(
      'getCustomerKpis',
      { customerId },
      { query: { period: '2026-Q1' } },
    );
    expect(badQuery.status).toBe(400);
    const after = await call('getCustomerKpis', { customerId }, { query: { period: '2026-03' } });
    expect(after.json).toEqual(before.json);
  });

  it('lets no viewer write, and a CSM only within their portfolio', async () => {
    const viewer = await call(
      'recordKpiObservation',
      { customerId: 'cus_acme' },
      { body, token: 'viewer' },
    );
    expect(viewer.status).toBe(403);
    const viewerRead = await call(
      'getCustomerKpis',
      { customerId: 'cus_acme' },
      { token: 'viewer' },
    );
    expect(viewerRead.status).toBe(200);
    const other = await call(
      'recordKpiObservation',
      { customerId: 'cus_acme' },
      { body, token: 'otherCsm' },
    );
    expect(other.status).toBe(404);
    const otherRead = await call(
      'getCustomerKpis',
      { customerId: 'cus_acme' },
      { token: 'otherCsm' },
    );
    expect(otherRead.status).toBe(404);
    const own = await call('recordKpiObservation', { customerId }, { body, token: 'csm' });
    expect([200, 201]).toContain(own.status);
  });

  it('repeats the first reply for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'kpi-once-0001' };
    const first = await call(
      'recordKpiObservation',
      { customerId },
      { body: { ...body, period: '2026-01' }, headers },
    );
    const second = await call(
      'recordKpiObservation',
      { customerId },
      { body: { ...body, period: '2026-01' }, headers },
    );
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
  });

  it('says why a customer without observations has no KPIs', async () => {
    await call(
      'createCustomer',
      {},
      {
        body: {
          id: 'cus_kpi_none',
          name: 'None Co',
          segment: 'smb',
          currency: 'USD',
          csm_id: 'csm_riley',
        },
      },
    );
    const r = await call('getCustomerKpis', { customerId: 'cus_kpi_none' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ period: null, periods: [], observation: null });
    expect(r.json.note).toMatch(/No KPI observations/);
    expect(Object.values(r.json.kpis).every((k) => k.value === null && k.reason !== null)).toBe(
      true,
    );
  });
});

describeBackends('portfolio KPIs (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it("adds the customers' inputs up, then computes each KPI with calc, within the token's scope", async () => {
    const rows = await t.db.query<
      Row & { currency: string; csm_id: string } & Record<string, unknown>
    >(
      `SELECT k.customer_id, k.period, k.arr, k.csat, k.nps, k.ces, k.tickets, c.currency, c.csm_id
       FROM kpi_observations k JOIN customers c ON c.id = k.customer_id
       WHERE k.period = '2026-03' AND c.csm_id = 'csm_riley' ORDER BY k.customer_id`,
    );
    expect(rows.length).toBeGreaterThan(1);
    const r = await call('getPortfolioKpis', {}, { token: 'csm', query: { period: '2026-03' } });
    expect(r.status).toBe(200);
    expect(r.json.customers_observed).toBe(rows.length);
    const sum = (f: (x: Row) => number) => rows.reduce((a, x) => a + f(x), 0);
    const tickets = sum((x) => x.tickets!.total);
    expect(r.json.kpis.fcr.value).toBe(
      value(
        fcr({
          firstContactResolved: sum((x) => x.tickets!.first_contact_resolved),
          total: tickets,
        }),
        (x) => x.percent,
      ),
    );
    const csatCounts = [0, 1, 2, 3, 4].map((i) => sum((x) => x.csat![i]!));
    expect(r.json.kpis.csat.value).toBe(
      value(csat(responsesFromCounts(csatCounts, 1) as number[]), (x) => x.average),
    );
    for (const c of r.json.by_currency) {
      const mine = rows.filter((x) => x.currency === c.currency);
      const s = (f: (x: Row) => number) => mine.reduce((a, x) => a + f(x), 0);
      expect(c.nrr.value).toBe(
        value(
          nrr({
            startingArr: s((x) => x.arr!.starting_arr),
            expansion: s((x) => x.arr!.expansion),
            contraction: s((x) => x.arr!.contraction),
            churned: s((x) => x.arr!.churned),
          }),
          (x) => x.percent,
        ),
      );
    }
    expect(r.json.kpis.clv.value).toBeNull();
    const manager = await call('getPortfolioKpis', {}, { query: { period: '2026-03' } });
    expect(manager.json.customers).toBeGreaterThan(r.json.customers);
    expect(manager.json.currencies.length).toBeGreaterThan(1);
    expect(manager.json.kpis.nrr.value).toBeNull();
    expect(manager.json.kpis.nrr.reason).toMatch(/currencies/);
    const viewer = await call(
      'getPortfolioKpis',
      {},
      { token: 'viewer', query: { period: '2026-03' } },
    );
    expect(viewer.json.customers).toBe(1);
    const smb = await call('getPortfolioKpis', {}, { query: { segment: 'smb' } });
    expect(smb.json.period).toBe('2026-03');
    expect(smb.json.segment).toBe('smb');
  });
});
