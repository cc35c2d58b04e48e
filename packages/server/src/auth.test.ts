// The authorisation matrix: every operation x every role and scope. Acme Corp belongs to the
// demo CSM and is the demo viewer's one customer; the other CSM and the other viewer (Globex)
// must not learn it exists (404, never 403), the viewer may read but not write it (403), and
// without a valid token nothing is answered (401).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiOf, type CallOptions } from './testing/api.js';
import { OPERATION_IDS, type OperationId } from './testing/contract.js';
import { type TestApp, testApp } from './testing/harness.js';
import { describeBackends } from './testing/test-db.js';

type Who =
  | 'manager'
  | 'csm'
  | 'otherCsm'
  | 'viewer'
  | 'otherViewer'
  | 'none'
  | 'expired'
  | 'revoked'
  | 'unknown';
const WHO: readonly Who[] = [
  'manager',
  'csm',
  'otherCsm',
  'viewer',
  'otherViewer',
  'none',
  'expired',
  'revoked',
  'unknown',
];

const READ_ACME: Record<Who, number> = {
  manager: 200,
  csm: 200,
  otherCsm: 404,
  viewer: 200,
  otherViewer: 404,
  none: 401,
  expired: 401,
  revoked: 401,
  unknown: 401,
};
const LIST: Record<Who, number> = {
  manager: 200,
  csm: 200,
  otherCsm: 200,
  viewer: 200,
  otherViewer: 200,
  none: 401,
  expired: 401,
  revoked: 401,
  unknown: 401,
};
/** Embed tokens: a manager's alone; every other role is 403, whatever the customer. */
const managerOnly = (ok: number): Record<Who, number> => ({
  ...LIST,
  manager: ok,
  csm: 403,
  otherCsm: 403,
  viewer: 403,
  otherViewer: 403,
});
const write = (ok: number): Record<Who, number> => ({
  ...READ_ACME,
  manager: ok,
  csm: ok,
  viewer: 403,
});

const EXPECTED: Record<OperationId, Record<Who, number>> = {
  listCustomers: LIST,
  // A new customer has no scope yet: the body's csm_id (the demo CSM's) decides.
  createCustomer: { ...managerOnly(201), csm: 201 },
  getCustomer: READ_ACME,
  updateCustomer: write(200),
  getHealthModel: managerOnly(200),
  updateHealthModel: managerOnly(200),
  getCustomerHealth: READ_ACME,
  recordHealthObservation: write(201),
  recordKpiObservation: write(201),
  getCustomerKpis: READ_ACME,
  getPortfolioKpis: LIST,
  listMilestones: READ_ACME,
  createMilestone: write(201),
  updateMilestone: write(200),
  createSuccessGoal: write(201),
  getSuccessGoal: READ_ACME,
  updateSuccessGoal: write(200),
  deleteSuccessGoal: write(204),
  recordMeasurement: write(201),
  updateMeasurement: write(200),
  deleteMeasurement: write(200),
  getPortfolioSuccessMetrics: LIST,
  listAtRiskGoals: LIST,
  getCustomerSuccessMetrics: READ_ACME,
  // Generating a report changes nothing, so viewers may.
  generateSuccessReport: READ_ACME,
  getAccountSuccessMetrics: READ_ACME,
  createAccountGoal: write(201),
  listAlerts: LIST,
  acknowledgeAlert: write(200),
  dismissAlert: write(200),
  createEmbedToken: managerOnly(201),
  revokeEmbedTokenByValue: managerOnly(204),
  revokeEmbedToken: managerOnly(204),
  // Sharing a customer is for the CS team in its scope: a manager or the customer's CSM.
  createShareLink: write(201),
  listShareLinks: write(200),
  revokeShareLink: write(204),
  // A row of another CSM's customer is an error of that row (the same not_found as a missing
  // customer, so nothing is learnt); a viewer never writes, whatever the rows.
  createImport: { ...write(201), otherCsm: 422, otherViewer: 403 },
  // An import is its token's: the manager's import is not found for anyone else.
  getImport: {
    ...READ_ACME,
    csm: 404,
    viewer: 404,
  },
  createWebhook: managerOnly(201),
  listWebhooks: managerOnly(200),
  getWebhook: managerOnly(200),
  updateWebhook: managerOnly(200),
  deleteWebhook: managerOnly(204),
  rotateWebhookSecret: managerOnly(200),
  sendWebhookTest: managerOnly(202),
  listWebhookDeliveries: managerOnly(200),
  redeliverWebhookDelivery: managerOnly(202),
  // Templates hold no customer data: every token reads them, only a manager changes them.
  listGoalTemplates: LIST,
  getGoalTemplate: LIST,
  createGoalTemplate: managerOnly(201),
  updateGoalTemplate: managerOnly(200),
  deleteGoalTemplate: managerOnly(204),
};

const tokenOf = (who: Who): string | null =>
  who === 'none' ? null : who === 'unknown' ? 'not-a-real-token' : who;

/** A share link of Acme answers every operation as a viewer token of Acme does. */
const AS_SHARE_LINK: Record<OperationId, number> = Object.fromEntries(
  Object.entries(EXPECTED).map(([id, byWho]) => [id, byWho.viewer]),
) as Record<OperationId, number>;

describeBackends('authorisation matrix (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  /** A fresh Acme goal (as the manager), so each write starts from version 1. */
  const freshGoal = async () =>
    (
      await call(
        'createSuccessGoal',
        {},
        {
          body: {
            customer_id: 'cus_acme',
            name: 'Matrix',
            metric: 'v',
            baseline_value: 0,
            target_value: 10,
            target_date: '2026-12-31',
          },
        },
      )
    ).json;
  const freshMilestone = async () =>
    (
      await call(
        'createMilestone',
        { customerId: 'cus_acme' },
        { body: { name: 'Matrix', target_date: '2026-12-31' } },
      )
    ).json;

  /** A fresh open alert of Acme: an achieved milestone raises one (the newest). */
  const freshAlert = async () => {
    await call(
      'createMilestone',
      { customerId: 'cus_acme' },
      { body: { name: 'Matrix alert', target_date: '2026-04-20', achieved_date: '2026-04-18' } },
    );
    const list = await call('listAlerts', {}, { query: { customer_id: 'cus_acme', limit: 1 } });
    const alert = list.json.items[0];
    if (alert?.state !== 'open') throw new Error('expected a fresh open alert');
    return alert;
  };

  /** A fresh embed token of Acme (as the manager), to revoke. */
  const freshEmbedToken = async () =>
    (await call('createEmbedToken', {}, { body: { customer_id: 'cus_acme' } })).json;

  /** A fresh share link of Acme (as the manager), to revoke or to call with. */
  const freshShareLink = async () =>
    (
      await call(
        'createShareLink',
        { customerId: 'cus_acme' },
        { headers: { 'idempotency-key': randomUUID() }, body: {} },
      )
    ).json;

  /** An import by the manager, to read back. */
  const managerImport = async () =>
    (
      await call(
        'createImport',
        {},
        {
          query: { kind: 'customers' },
          headers: { 'content-type': 'text/csv', 'idempotency-key': randomUUID() },
          raw: 'name,segment,currency\nMatrix Import,smb,USD\n',
        },
      )
    ).json;

  /** Each health observation its own day, so every allowed caller's is new. */
  let healthDay = 0;
  const nextHealthDay = () =>
    new Date(Date.UTC(2025, 0, 1) + healthDay++ * 86_400_000).toISOString().slice(0, 10);
  /** Each KPI observation its own month before Acme's seeded history, so every allowed caller's is new. */
  let kpiMonth = 0;
  const nextKpiMonth = () => `${2000 + kpiMonth++}-01`;
  const ACME_FIELDS = {
    name: 'Acme Corp',
    segment: 'enterprise',
    industry: 'Software',
    csm_id: 'csm_riley',
    currency: 'USD',
    contract_start: '2025-07-01',
    investment: 68000,
  };
  const DEFAULT_MODEL = {
    weights: { usage: 40, outcomes: 25, relationship: 20, growth: 15 },
    bands: { excellent: 90, good: 70, at_risk: 50 },
    triggers: { drop_points: 20, consecutive_declines: 3 },
  };

  // A receiver that is never called here: the matrix only checks who may manage subscriptions.
  const WEBHOOK_BODY = { url: 'https://93.184.215.14/cscx', event_types: ['goal.achieved'] };
  /** A fresh subscription (as the manager), at version 1. */
  const freshWebhook = async () =>
    (
      await call(
        'createWebhook',
        {},
        { headers: { 'idempotency-key': randomUUID() }, body: WEBHOOK_BODY },
      )
    ).json;

  const TEMPLATE_BODY = {
    name: 'Matrix template',
    goal: {
      name: 'Matrix',
      category: 'adoption',
      metrics: [{ name: 'Active users', unit: 'users', baseline_value: 1, target_value: 2 }],
    },
  };
  /** A fresh custom goal template (as the manager), at version 1. */
  const freshTemplate = async () =>
    (
      await call(
        'createGoalTemplate',
        {},
        { headers: { 'idempotency-key': randomUUID() }, body: TEMPLATE_BODY },
      )
    ).json;

  /** The request of each operation on Acme Corp's data. */
  async function requestFor(id: OperationId): Promise<[Record<string, string>, CallOptions]> {
    switch (id) {
      case 'createCustomer':
        return [
          {},
          { body: { name: 'Matrix Co', segment: 'smb', currency: 'USD', csm_id: 'csm_riley' } },
        ];
      case 'updateCustomer':
        return [{ customerId: 'cus_acme' }, { headers: { 'if-match': '*' }, body: ACME_FIELDS }];
      case 'getHealthModel':
        return [{ segment: 'enterprise' }, {}];
      case 'updateHealthModel':
        return [{ segment: 'enterprise' }, { headers: { 'if-match': '*' }, body: DEFAULT_MODEL }];
      case 'getCustomerHealth':
        return [{ customerId: 'cus_acme' }, {}];
      case 'recordHealthObservation':
        return [
          { customerId: 'cus_acme' },
          {
            body: {
              observed_on: nextHealthDay(),
              usage: 80,
              outcomes: 70,
              relationship: 75,
              growth: 60,
            },
          },
        ];
      case 'getCustomerKpis':
        return [{ customerId: 'cus_acme' }, {}];
      case 'recordKpiObservation':
        return [
          { customerId: 'cus_acme' },
          { body: { period: nextKpiMonth(), surveys: { ces: [0, 0, 0, 1, 2, 3, 4] } } },
        ];
      case 'getPortfolioKpis':
      case 'listCustomers':
      case 'getPortfolioSuccessMetrics':
      case 'listAtRiskGoals':
      case 'listAlerts':
        return [{}, {}];
      case 'acknowledgeAlert':
      case 'dismissAlert':
        return [{ alertId: (await freshAlert()).id }, { headers: { 'if-match': '"1"' } }];
      case 'getCustomer':
      case 'listMilestones':
      case 'getCustomerSuccessMetrics':
      case 'getAccountSuccessMetrics':
        return [{ customerId: 'cus_acme' }, {}];
      case 'generateSuccessReport':
        return [
          { customerId: 'cus_acme' },
          { body: { format: 'html', include_sections: ['overview'] } },
        ];
      case 'createMilestone':
        return [{ customerId: 'cus_acme' }, { body: { name: 'New', target_date: '2026-09-30' } }];
      case 'updateMilestone':
        return [
          { milestoneId: (await freshMilestone()).id },
          { headers: { 'if-match': '"1"' }, body: { name: 'Renamed', target_date: '2026-09-30' } },
        ];
      case 'createSuccessGoal':
        return [
          {},
          {
            body: {
              customer_id: 'cus_acme',
              name: 'G',
              metric: 'm',
              baseline_value: 1,
              target_value: 2,
              target_date: '2026-12-31',
            },
          },
        ];
      case 'getSuccessGoal':
        return [{ goalId: 'goal_acme_ticket_time' }, {}];
      case 'updateSuccessGoal':
        return [
          { goalId: (await freshGoal()).id },
          {
            headers: { 'if-match': '1' },
            body: {
              name: 'U',
              metric: 'v',
              baseline_value: 0,
              target_value: 20,
              target_date: '2026-12-31',
            },
          },
        ];
      case 'deleteSuccessGoal':
        return [{ goalId: (await freshGoal()).id }, {}];
      case 'recordMeasurement': {
        const g = await freshGoal();
        return [{ goalId: g.id }, { body: { metric_id: g.metrics[0]!.id, value: 5 } }];
      }
      case 'updateMeasurement':
      case 'deleteMeasurement': {
        // A goal with one measurement (version 2) whose id the call names.
        const g = await freshGoal();
        const m = await call(
          'recordMeasurement',
          { goalId: g.id },
          { body: { metric_id: g.metrics[0]!.id, value: 5 } },
        );
        const params = { goalId: g.id, measurementId: m.json.measurement.id! };
        return id === 'updateMeasurement'
          ? [
              params,
              {
                headers: { 'if-match': '"2"' },
                body: { value: 6, measured_at: m.json.measurement.measured_at },
              },
            ]
          : [params, { headers: { 'if-match': '"2"' } }];
      }
      case 'createAccountGoal':
        return [
          { customerId: 'cus_acme' },
          {
            body: {
              title: 'T',
              targetDate: '2026-12-31',
              metrics: [{ name: 'm', baseline: 1, target: 2, unit: '' }],
            },
          },
        ];
      case 'createEmbedToken':
        return [{}, { body: { customer_id: 'cus_acme' } }];
      case 'revokeEmbedTokenByValue':
        return [{}, { body: { token: (await freshEmbedToken()).token } }];
      case 'revokeEmbedToken':
        return [{ tokenId: (await freshEmbedToken()).id }, {}];
      case 'createShareLink':
        return [
          { customerId: 'cus_acme' },
          { headers: { 'idempotency-key': randomUUID() }, body: {} },
        ];
      case 'listShareLinks':
        return [{ customerId: 'cus_acme' }, {}];
      case 'revokeShareLink':
        return [{ customerId: 'cus_acme', shareLinkId: (await freshShareLink()).id }, {}];
      case 'createImport':
        return [
          {},
          {
            query: { kind: 'kpi_observations' },
            headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': randomUUID() },
            raw: `${JSON.stringify({ customer_id: 'cus_acme', period: nextKpiMonth(), surveys: { ces: [0, 0, 0, 1, 2, 3, 4] } })}\n`,
          },
        ];
      case 'getImport':
        return [{ importId: (await managerImport()).id }, {}];
      case 'createWebhook':
        return [{}, { headers: { 'idempotency-key': randomUUID() }, body: WEBHOOK_BODY }];
      case 'listWebhooks':
        return [{}, {}];
      case 'getWebhook':
      case 'listWebhookDeliveries':
      case 'sendWebhookTest':
        return [{ webhookId: (await freshWebhook()).id }, {}];
      case 'updateWebhook':
        return [
          { webhookId: (await freshWebhook()).id },
          { headers: { 'if-match': '"1"' }, body: { ...WEBHOOK_BODY, enabled: false } },
        ];
      case 'deleteWebhook':
      case 'rotateWebhookSecret':
        return [{ webhookId: (await freshWebhook()).id }, {}];
      case 'redeliverWebhookDelivery': {
        const w = await freshWebhook();
        const d = await call('sendWebhookTest', { webhookId: w.id });
        return [{ webhookId: w.id, deliveryId: d.json.id }, {}];
      }
      case 'listGoalTemplates':
        return [{}, {}];
      case 'getGoalTemplate':
        return [{ templateId: 'tpl_reduce_process_time' }, {}];
      case 'createGoalTemplate':
        return [{}, { headers: { 'idempotency-key': randomUUID() }, body: TEMPLATE_BODY }];
      case 'updateGoalTemplate':
        return [
          { templateId: (await freshTemplate()).id },
          { headers: { 'if-match': '"1"' }, body: TEMPLATE_BODY },
        ];
      case 'deleteGoalTemplate':
        return [{ templateId: (await freshTemplate()).id }, {}];
    }
  }

  it('covers every operation of openapi.yaml', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...OPERATION_IDS].sort());
  });

  describe.each(OPERATION_IDS)('%s', (id) => {
    it.each(WHO)('as %s', async (who) => {
      const [params, options] = await requestFor(id);
      const r = await call(id, params, { ...options, token: tokenOf(who) });
      expect(r.status, r.text.slice(0, 300)).toBe(EXPECTED[id][who]);
      if (r.status === 401)
        expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="cscx"/);
      if (r.status === 404) expect(r.problem.type).toBe('/problems/not-found');
      if (r.status === 403) expect(r.problem.type).toBe('/problems/forbidden');
    });
    it('as a share link of Acme: what a viewer of Acme gets', async () => {
      const [params, options] = await requestFor(id);
      const r = await call(id, params, { ...options, token: (await freshShareLink()).token });
      expect(r.status, r.text.slice(0, 300)).toBe(AS_SHARE_LINK[id]);
      if (r.status === 404) expect(r.problem.type).toBe('/problems/not-found');
      if (r.status === 403) expect(r.problem.type).toBe('/problems/forbidden');
    });
  });

  it('gives a viewer nothing of another customer, read or write, and hides it as a missing one', async () => {
    const reads = [
      await call('getCustomer', { customerId: 'cus_globex' }, { token: 'viewer' }),
      await call('getSuccessGoal', { goalId: 'goal_globex_tools' }, { token: 'viewer' }),
      await call('getCustomerSuccessMetrics', { customerId: 'cus_globex' }, { token: 'viewer' }),
      await call('listMilestones', { customerId: 'cus_globex' }, { token: 'viewer' }),
      await call('listAlerts', {}, { token: 'viewer', query: { customer_id: 'cus_globex' } }),
    ];
    const writes = [
      await call(
        'recordMeasurement',
        { goalId: 'goal_globex_tools' },
        { token: 'viewer', body: { metric_id: 'met_globex_tools_retired', value: 1 } },
      ),
      await call(
        'createSuccessGoal',
        {},
        {
          token: 'viewer',
          body: {
            customer_id: 'cus_globex',
            name: 'x',
            metric: 'm',
            baseline_value: 1,
            target_value: 2,
            target_date: '2026-12-31',
          },
        },
      ),
      await call(
        'updateMilestone',
        { milestoneId: 'ms_globex_qbr' },
        {
          token: 'viewer',
          headers: { 'if-match': '1' },
          body: { name: 'x', target_date: '2026-12-31' },
        },
      ),
      await call('deleteSuccessGoal', { goalId: 'goal_globex_tools' }, { token: 'viewer' }),
      await call('deleteSuccessGoal', { goalId: 'goal_acme_nps' }, { token: 'otherViewer' }),
    ];
    const missing = await call(
      'getCustomer',
      { customerId: 'cus_does_not_exist' },
      { token: 'viewer' },
    );
    for (const r of [...reads, ...writes]) {
      expect(r.status).toBe(404);
      expect({ type: r.problem.type, title: r.problem.title }).toEqual({
        type: missing.problem.type,
        title: missing.problem.title,
      });
    }
  });

  it('a CSM cannot move work into another portfolio through a body customer_id, nor touch its goals', async () => {
    const create = await call(
      'createSuccessGoal',
      {},
      {
        token: 'csm',
        body: {
          customer_id: 'cus_globex',
          name: 'x',
          metric: 'm',
          baseline_value: 1,
          target_value: 2,
          target_date: '2026-12-31',
        },
      },
    );
    expect(create.status).toBe(404);
    const measure = await call(
      'recordMeasurement',
      { goalId: 'goal_globex_team_efficiency' },
      { token: 'csm', body: { metric_id: 'met_globex_tasks', value: 99 } },
    );
    expect(measure.status).toBe(404);
    const account = await call(
      'getAccountSuccessMetrics',
      { customerId: 'cus_globex' },
      { token: 'otherCsm' },
    );
    expect(account.status).toBe(200);
    const unchanged = account.json.goals.find((g) => g.id === 'goal_globex_team_efficiency');
    expect(unchanged?.metrics[0]?.current_value).toBe(18);
  });

  it('scopes lists and the portfolio to the token: CSM, viewer, manager', async () => {
    const csmAlerts = await call('listAlerts', {}, { token: 'csm', query: { limit: 500 } });
    const own = await call('listCustomers', {}, { token: 'csm', query: { limit: 500 } });
    const ownIds = new Set(own.json.items.map((c) => c.id));
    expect(csmAlerts.json.items.length).toBeGreaterThan(0);
    expect(csmAlerts.json.items.every((a) => ownIds.has(a.customer_id))).toBe(true);
    const viewerAlerts = await call('listAlerts', {}, { token: 'viewer', query: { limit: 500 } });
    expect(new Set(viewerAlerts.json.items.map((a) => a.customer_id))).toEqual(
      new Set(['cus_acme']),
    );
    const portfolio = await call('getPortfolioSuccessMetrics', {}, { token: 'viewer' });
    expect(portfolio.json.summary.customers).toBe(1);
    expect(portfolio.json.customers.map((c) => c.customer_id)).toEqual(['cus_acme']);
    const csmPortfolio = await call(
      'getPortfolioSuccessMetrics',
      {},
      { token: 'csm', query: { limit: 500 } },
    );
    expect(csmPortfolio.json.summary.customers).toBe(ownIds.size);
    expect(csmPortfolio.json.customers.every((c) => c.csm_id === 'csm_riley')).toBe(true);
    const outside = await call(
      'getPortfolioSuccessMetrics',
      {},
      { token: 'csm', query: { csm_id: 'csm_morgan' } },
    );
    expect(outside.json.summary.customers).toBe(0);
    expect(outside.json.customers).toEqual([]);
  });
});
