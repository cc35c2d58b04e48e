// Issue 16: text internal to the CS team (measurement notes, KPI and health notes,
// recommendations) never reaches a customer-facing token (viewer, embed token, share link) or a
// customer-facing report, on any endpoint or report format; managers and CSMs still see it.
// Each internal field gets a unique marker, and every response body and report text is searched
// for it (derive/audience.ts is the one place that decides).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../../testing/openapi-spec.js';
import { readPdf, readPptx } from '../../report/src/testing/read.js';
import type { SuccessGoal } from './contract.js';
import { type Api, apiOf } from './testing/api.js';
import type { OperationId } from './testing/contract.js';
import { type TestApp, testApp } from './testing/harness.js';
import { describeBackends } from './testing/test-db.js';

/** One marker per internal free-text field: found anywhere, it leaked. */
const MARKERS = {
  measurementNote: 'INTERNAL-MEASUREMENT-NOTE-q7Zx',
  kpiNote: 'INTERNAL-KPI-NOTE-w3Yv',
  healthNote: 'INTERNAL-HEALTH-NOTE-k9Tu',
} as const;
const KPI_MONTH = '2026-04';

type Who = 'viewer' | 'embed' | 'share' | 'manager' | 'csm';
const CUSTOMER_FACING: readonly Who[] = ['viewer', 'embed', 'share'];

/** A body with all whitespace taken out: report text wraps lines anywhere. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describeBackends('customer-facing responses (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  const tokens = {} as Record<Who, string>;
  let goals: SuccessGoal[] = [];
  /** The recommendations' texts the CS team sees for Acme: the rule-based ones are the markers. */
  let recommendationTexts: string[] = [];

  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
    tokens.viewer = 'demo-viewer-token';
    tokens.manager = 'demo-manager-token';
    tokens.csm = 'demo-csm-token';
    tokens.embed = (
      await call('createEmbedToken', {}, { body: { customer_id: 'cus_acme' } })
    ).json.token;
    tokens.share = (
      await call(
        'createShareLink',
        { customerId: 'cus_acme' },
        { headers: { 'idempotency-key': randomUUID() }, body: {} },
      )
    ).json.token;

    const metrics = await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' });
    goals = metrics.json.goals;
    // A note on a measurement of every goal (the value unchanged, so nothing else moves).
    for (const g of goals) {
      const m = g.metrics[0];
      if (!m) continue;
      const r = await call(
        'recordMeasurement',
        { goalId: g.id },
        {
          body: {
            metric_id: m.id,
            value: m.current_value ?? m.baseline_value ?? m.target_value,
            note: `${MARKERS.measurementNote} on ${g.id}`,
          },
        },
      );
      expect(r.status, r.text).toBe(201);
    }
    const kpi = await call(
      'recordKpiObservation',
      { customerId: 'cus_acme' },
      {
        body: {
          period: KPI_MONTH,
          surveys: { csat: [0, 1, 2, 12, 25] },
          note: MARKERS.kpiNote,
        },
      },
    );
    expect(kpi.status, kpi.text).toBe(201);
    const health = await call(
      'recordHealthObservation',
      { customerId: 'cus_acme' },
      {
        body: {
          observed_on: '2026-04-30',
          usage: 80,
          outcomes: 70,
          relationship: 75,
          growth: 60,
          note: MARKERS.healthNote,
        },
      },
    );
    expect(health.status, health.text).toBe(201);

    // An alert of Acme acknowledged and another dismissed, by the CSM: who acted is internal.
    const alerts = await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 2 } });
    const [first, second] = alerts.json.items;
    expect(second, 'Acme has two alerts').toBeDefined();
    for (const [a, op] of [
      [first, 'acknowledgeAlert'],
      [second, 'dismissAlert'],
    ] as const) {
      const r = await call(
        op,
        { alertId: a?.id ?? '' },
        {
          token: 'csm',
          headers: { 'if-match': `"${a?.version}"`, 'idempotency-key': randomUUID() },
        },
      );
      expect(r.status, r.text).toBe(200);
    }

    const account = await call('getAccountSuccessMetrics', { customerId: 'cus_acme' });
    recommendationTexts = [
      ...new Set((account.json.recommendations ?? []).flatMap((r) => r.items.map((i) => i.action))),
    ];
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it('has something to hide: Acme has recommendations for the CS team', () => {
    expect(recommendationTexts.length).toBeGreaterThan(0);
  });

  /** Every GET of openapi.yaml, with Acme's ids, each way its query can ask for more. */
  function getRequests(): {
    id: OperationId;
    params: Record<string, string>;
    query: Record<string, string | boolean>;
  }[] {
    const out: ReturnType<typeof getRequests> = [];
    for (const op of operations().filter((o) => o.method === 'GET')) {
      const id = op.operationId as OperationId;
      const names = new Set(op.parameters.map((p) => String(p.name)));
      const richer: Record<string, string | boolean> = {};
      if (names.has('explain')) richer.explain = true;
      if (names.has('includeBenchmarks')) richer.includeBenchmarks = true;
      if (id === 'getCustomerKpis') richer.period = KPI_MONTH;
      const queries = Object.keys(richer).length > 0 ? [{}, richer] : [{}];
      const goalIds = names.has('goalId') ? goals.map((g) => g.id) : [''];
      for (const goalId of goalIds) {
        const params: Record<string, string> = {
          customerId: 'cus_acme',
          goalId,
          segment: 'enterprise',
          templateId: 'tpl_reduce_process_time',
        };
        for (const query of queries) out.push({ id, params, query });
      }
    }
    return out;
  }

  it('walks every GET operation of the contract', () => {
    const ids = new Set(getRequests().map((r) => r.id));
    expect([...ids].sort()).toEqual(
      operations()
        .filter((o) => o.method === 'GET')
        .map((o) => o.operationId)
        .sort(),
    );
  });

  describe.each(CUSTOMER_FACING)('a %s token', (who) => {
    it('never gets a marker or a recommendation from any GET, and gets the fields as null', async () => {
      const leaks: string[] = [];
      let read = 0;
      for (const { id, params, query } of getRequests()) {
        const r = await call(id, params, { token: tokens[who], query, unchecked: true });
        if (r.status === 200) read++;
        for (const [field, marker] of Object.entries(MARKERS))
          if (r.text.includes(marker)) leaks.push(`${id} ${JSON.stringify(query)}: ${field}`);
        for (const text of recommendationTexts)
          if (r.text.includes(text)) leaks.push(`${id} ${JSON.stringify(query)}: "${text}"`);
      }
      expect(leaks).toEqual([]);
      // It did read Acme: the dashboard's operations answered.
      expect(read).toBeGreaterThan(10);
      const goal = await call(
        'getSuccessGoal',
        { goalId: goals[0]?.id ?? '' },
        { token: tokens[who] },
      );
      expect(goal.json.recommendations).toBeNull();
      expect(goal.json.metrics.flatMap((m) => m.measurements.map((x) => x.note))).toEqual(
        goal.json.metrics.flatMap((m) => m.measurements.map(() => null)),
      );
      const account = await call(
        'getAccountSuccessMetrics',
        { customerId: 'cus_acme' },
        { token: tokens[who] },
      );
      expect(account.json.recommendations).toBeNull();
      const kpis = await call(
        'getCustomerKpis',
        { customerId: 'cus_acme' },
        { token: tokens[who], query: { period: KPI_MONTH } },
      );
      expect(kpis.json.observation?.note).toBeNull();
      const alerts = await call(
        'listAlerts',
        {},
        { token: tokens[who], query: { customer_id: 'cus_acme', state: 'all', limit: 500 } },
      );
      const acted = alerts.json.items.filter((a) => a.state !== 'open');
      expect(acted.length).toBeGreaterThanOrEqual(2);
      expect(acted.map((a) => [a.acknowledged_by, a.dismissed_by])).toEqual(
        acted.map(() => [null, null]),
      );
      expect(alerts.json.can_change).toBe(false);
    });

    it('gets customer-facing reports in every format, and is refused internal ones', async () => {
      for (const format of ['html', 'pdf', 'ppt'] as const) {
        const text = await reportText(tokens[who], { format });
        expectNothingInternal(text, `${who} ${format}`);
      }
      const internal = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { token: tokens[who], body: { format: 'html', audience: 'internal' } },
      );
      expect(internal.status).toBe(403);
      const asked = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        {
          token: tokens[who],
          body: { format: 'html', include_sections: ['goals', 'recommendations'] },
        },
      );
      expect(asked.status).toBe(422);
      expect(asked.problem.errors?.[0]).toMatchObject({
        field: '/include_sections/1',
        code: 'internal_section',
      });
    });
  });

  /** The report's text as a reader sees it (PDF pages, deck slides and speaker notes). */
  async function reportText(token: string, body: Record<string, unknown>): Promise<string> {
    const r = await t.app.request(
      'http://server.test/api/reports/success-metrics/cus_acme/generate',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    expect(r.status, JSON.stringify(body)).toBe(200);
    const bytes = new Uint8Array(await r.arrayBuffer());
    if (body.format === 'pdf') return (await readPdf(bytes)).pages.join('\n');
    if (body.format === 'ppt') {
      const deck = await readPptx(bytes);
      return [...deck.slides, ...deck.notes.values()].join('\n');
    }
    return new TextDecoder().decode(bytes);
  }

  function expectNothingInternal(text: string, what: string): void {
    const flat = squeeze(text);
    for (const marker of Object.values(MARKERS)) expect(flat, what).not.toContain(marker);
    for (const action of recommendationTexts) expect(flat, what).not.toContain(squeeze(action));
    expect(flat, what).not.toContain('Recommendedactions');
  }

  describe.each(['manager', 'csm'] as const)('a %s token', (who) => {
    it('still sees every internal field where it lives', async () => {
      const goal = goals[0];
      const one = await call('getSuccessGoal', { goalId: goal?.id ?? '' }, { token: tokens[who] });
      expect(one.text).toContain(MARKERS.measurementNote);
      const metrics = await call(
        'getCustomerSuccessMetrics',
        { customerId: 'cus_acme' },
        { token: tokens[who] },
      );
      expect(metrics.text).toContain(MARKERS.measurementNote);
      const account = await call(
        'getAccountSuccessMetrics',
        { customerId: 'cus_acme' },
        { token: tokens[who] },
      );
      expect(account.text).toContain(MARKERS.measurementNote);
      for (const action of recommendationTexts) expect(account.text).toContain(action);
      expect(metrics.json.goals.some((g) => (g.recommendations ?? []).length > 0)).toBe(true);
      const kpis = await call(
        'getCustomerKpis',
        { customerId: 'cus_acme' },
        { token: tokens[who], query: { period: KPI_MONTH } },
      );
      expect(kpis.json.observation?.note).toBe(MARKERS.kpiNote);
      const alerts = await call(
        'listAlerts',
        {},
        { token: tokens[who], query: { customer_id: 'cus_acme', state: 'all', limit: 500 } },
      );
      expect(alerts.json.items.map((a) => a.acknowledged_by ?? a.dismissed_by)).toContain(
        'csm_riley',
      );
    });

    it('gets a customer-facing report by default, and the recommendations with audience internal', async () => {
      for (const format of ['html', 'pdf', 'ppt'] as const) {
        expectNothingInternal(await reportText(tokens[who], { format }), `${who} ${format}`);
        const internal = squeeze(await reportText(tokens[who], { format, audience: 'internal' }));
        for (const action of recommendationTexts)
          expect(internal, format).toContain(squeeze(action));
      }
    });
  });
});
