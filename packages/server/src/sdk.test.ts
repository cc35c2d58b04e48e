// The SDK's behaviour against this server: createSuccessClient over real sockets calls every
// operation of openapi.yaml; the SDK validates each response with its valibot schemas and this
// test validates it again with ajv (a middleware); errors arrive as typed SuccessApiErrors.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { operations } from '../../../testing/openapi-spec.js';
import {
  AuthenticationError,
  createSuccessClient,
  InvalidRequestError,
  type Middleware,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  SuccessApiError,
  type SuccessClient,
  ValidationError,
} from '../../sdk/src/index.js';
import type { OperationId } from './testing/contract.js';
import { OPERATION_IDS, responseProblems } from './testing/contract.js';
import { TEST_NOW, type TestApp, TOKENS, testApp } from './testing/harness.js';
import { type Listening, listen } from './testing/listen.js';
import { describeBackends } from './testing/test-db.js';

/** Which operation a request is, from openapi.yaml's method and path templates. */
const ROUTES = operations().map((o) => ({
  id: o.operationId as OperationId,
  method: o.method,
  pattern: new RegExp(`^${o.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

describeBackends('SDK against the listening server (%s)', (backend) => {
  let t: TestApp;
  let server: Listening;
  const seen = new Set<OperationId>();
  const problems: string[] = [];
  const contract: Middleware = async (request, next) => {
    const response = await next(request);
    const path = new URL(request.url).pathname;
    const route = ROUTES.find((r) => r.method === request.method && r.pattern.test(path));
    if (!route) problems.push(`no operation for ${request.method} ${path}`);
    else {
      seen.add(route.id);
      const text = await response.clone().text();
      for (const p of responseProblems(route.id, response.status, response.headers, text))
        problems.push(`${route.id}: ${p}`);
    }
    return response;
  };
  const client = (token: string, extra: Middleware[] = []): SuccessClient =>
    createSuccessClient({
      baseUrl: server.url,
      token,
      retries: 0,
      middleware: [contract, ...extra],
    });

  beforeAll(async () => {
    t = await testApp(backend);
    server = await listen(t.app);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.t.cleanup();
  });

  it('calls every operation and gets data the contract allows', async () => {
    const csm = client(TOKENS.csm);
    const customers = [];
    for await (const c of csm.listCustomers.all({ limit: 7 })) customers.push(c);
    expect(customers.every((c) => c.csm_id === 'csm_riley')).toBe(true);
    expect((await csm.getCustomer({ customerId: 'cus_acme' })).investment).toBe(68_000);

    const { metrics } = await csm.getCustomerSuccessMetrics({ customerId: 'cus_acme' });
    expect(metrics.value_delivered.roi_multiplier).toBeCloseTo(4.19, 2);
    const account = await csm.getAccountSuccessMetrics({
      customerId: 'cus_acme',
      includeBenchmarks: true,
    });
    expect(account.benchmarks?.segment).toBe('enterprise');
    const portfolio = [];
    for await (const row of csm.getPortfolioSuccessMetrics.all({ limit: 10 })) portfolio.push(row);
    expect(portfolio.length).toBe(customers.length);
    const atRisk = [];
    for await (const g of csm.listAtRiskGoals.all({ limit: 20 })) atRisk.push(g);
    const own = new Set(customers.map((c) => c.id));
    expect(atRisk.every((g) => own.has(g.customer_id))).toBe(true);

    const goal = await csm.createSuccessGoal({
      body: {
        customer_id: 'cus_acme',
        name: 'SDK goal',
        metrics: [{ name: 'm', unit: '', baseline_value: 0, target_value: 10 }],
        target_date: '2026-12-31',
      },
    });
    const flat = await csm.createSuccessGoal({
      body: {
        customer_id: 'cus_acme',
        name: 'Flat',
        metric: 'm',
        baseline_value: 0,
        target_value: 5,
        target_date: '2026-12-31',
      },
    });
    expect(flat.metric).toBe('m');
    const read = await csm.getSuccessGoal({ goalId: goal.id });
    const measured = await csm.recordMeasurement({
      goalId: goal.id,
      body: { metric_id: read.metrics[0]!.id, value: 4 },
    });
    expect(measured.goal.achievement_pct).toBe(40);
    const updated = await csm.updateSuccessGoal({
      goalId: goal.id,
      ifMatch: measured.goal.version,
      body: {
        name: 'SDK goal v2',
        target_date: '2026-12-31',
        metrics: [
          { id: read.metrics[0]!.id, name: 'm', unit: '', baseline_value: 0, target_value: 8 },
        ],
      },
    });
    expect(updated).toMatchObject({ name: 'SDK goal v2', achievement_pct: 50, version: 3 });
    const corrected = await csm.updateMeasurement({
      goalId: goal.id,
      measurementId: measured.measurement.id!,
      ifMatch: updated.version,
      body: { value: 6, measured_at: measured.measurement.measured_at },
    });
    expect(corrected.goal).toMatchObject({ achievement_pct: 75, version: 4 });
    const removed = await csm.deleteMeasurement({
      goalId: goal.id,
      measurementId: measured.measurement.id!,
      ifMatch: corrected.goal.version,
    });
    expect(removed.goal).toMatchObject({ achievement_pct: null, version: 5 });
    await csm.deleteSuccessGoal({ goalId: flat.id, ifMatch: 1 });

    const accountGoal = await csm.createAccountGoal({
      customerId: 'cus_acme',
      body: {
        title: 'PRD-069 goal',
        targetDate: '2026-12-31',
        metrics: [{ name: 'x', baseline: 1, target: 2, unit: '' }],
      },
    });
    expect(accountGoal.category).toBe('custom');
    const milestone = await csm.createMilestone({
      customerId: 'cus_acme',
      body: { name: 'SDK milestone', target_date: '2026-06-01' },
    });
    const renamed = await csm.updateMilestone({
      milestoneId: milestone.id,
      ifMatch: milestone.version,
      body: { name: 'Renamed', target_date: '2026-06-01' },
    });
    expect(renamed.version).toBe(2);
    const milestones = [];
    for await (const m of csm.listMilestones.all({ customerId: 'cus_acme', limit: 3 }))
      milestones.push(m);
    expect(milestones.map((m) => m.id)).toContain(milestone.id);
    const alerts = await csm.listAlerts({ customer_id: 'cus_acme', limit: 5 });
    expect(alerts.items.length).toBe(5);
    const toAck = alerts.items.find((a) => a.state === 'open');
    if (!toAck) throw new Error('expected an open alert');
    const acked = await csm.acknowledgeAlert({ alertId: toAck.id, ifMatch: toAck.version });
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledged_by: 'csm_riley' });
    const stale = await csm
      .dismissAlert({ alertId: toAck.id, ifMatch: toAck.version })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(PreconditionFailedError);
    const dismissed = await csm.dismissAlert({ alertId: toAck.id, ifMatch: acked.version });
    expect(dismissed).toMatchObject({ state: 'dismissed', version: acked.version + 1 });
    const active = await csm.listAlerts({ customer_id: 'cus_acme', limit: 500 });
    expect(active.items.map((a) => a.id)).not.toContain(toAck.id);
    const kept = await csm.listAlerts({ customer_id: 'cus_acme', state: 'dismissed' });
    expect(kept.items.map((a) => a.id)).toContain(toAck.id);

    const report = await client(TOKENS.viewer).generateSuccessReport({
      customerId: 'cus_acme',
      body: { format: 'html' },
    });
    expect(report.name).toBe('acme-corp-success-report-all.html');
    expect(report.type).toBe('text/html; charset=utf-8');
    expect(await report.text()).toContain('Acme Corp');

    const manager = client(TOKENS.manager);
    const created = await csm.createCustomer({
      body: { id: 'cus_sdk', name: 'SDK Co', segment: 'smb', currency: 'USD' },
    });
    expect(created).toMatchObject({ csm_id: 'csm_riley', version: 1 });
    const renamedCustomer = await csm.updateCustomer({
      customerId: created.id,
      ifMatch: created.version,
      body: { ...created, name: 'SDK Co Ltd' },
    });
    expect(renamedCustomer).toMatchObject({ name: 'SDK Co Ltd', version: 2 });
    const observed = await csm.recordHealthObservation({
      customerId: created.id,
      body: { observed_on: '2026-01-31', usage: 80, outcomes: 80, relationship: 80, growth: 80 },
    });
    expect(observed.observation.score).toBe(80);
    expect((await csm.getCustomerHealth({ customerId: created.id })).score).toBe(80);
    const model = await manager.getHealthModel({ segment: 'smb' });
    const reweighted = await manager.updateHealthModel({
      segment: 'smb',
      ifMatch: model.version,
      body: { weights: model.weights, bands: model.bands, triggers: model.triggers },
    });
    expect(reweighted.version).toBe(model.version + 1);
    const kpiObservation = await csm.recordKpiObservation({
      customerId: created.id,
      body: {
        period: '2026-03',
        arr: { starting_arr: 1000, expansion: 100, contraction: 0, churned: 0 },
      },
    });
    expect(kpiObservation.arr?.starting_arr).toBe(1000);
    const kpis = await csm.getCustomerKpis({ customerId: created.id, period: '2026-03' });
    expect(kpis.kpis.nrr.value).toBeCloseTo(110, 9);
    const portfolioKpis = await manager.getPortfolioKpis({ period: '2026-03', segment: 'smb' });
    expect(portfolioKpis.customers_observed).toBeGreaterThan(0);

    const minted = await manager.createEmbedToken({ body: { customer_id: 'cus_acme' } });
    expect(Date.parse(minted.expires_at) - TEST_NOW.getTime()).toBe(900_000);
    const embedded = client(minted.token);
    expect((await embedded.getCustomer({ customerId: 'cus_acme' })).name).toBe('Acme Corp');
    await manager.revokeEmbedTokenByValue({ body: { token: minted.token } });
    const again = await manager.createEmbedToken({
      body: { customer_id: 'cus_acme', ttl_seconds: 60 },
    });
    await manager.revokeEmbedToken({ tokenId: again.id });
    const revoked = await client(again.token)
      .getCustomer({ customerId: 'cus_acme' })
      .catch((e: unknown) => e);
    expect((revoked as SuccessApiError).status).toBe(401);

    // Share with customer: the CSM's link reads Acme customer-facing, until it is revoked.
    const link = await csm.createShareLink({
      customerId: 'cus_acme',
      body: { label: 'SDK', expires_at: new Date(TEST_NOW.getTime() + 86_400_000).toISOString() },
    });
    expect(link.url).toMatch(/\/share\/cscx_share_/);
    const shared = await client(link.token).getAccountSuccessMetrics({ customerId: 'cus_acme' });
    expect(shared.recommendations).toBeNull();
    const links = await csm.listShareLinks({ customerId: 'cus_acme' });
    expect(links.items.map((l) => [l.id, l.status])).toContainEqual([link.id, 'active']);
    await csm.revokeShareLink({ customerId: 'cus_acme', shareLinkId: link.id });
    const unshared = await client(link.token)
      .getCustomer({ customerId: 'cus_acme' })
      .catch((e: unknown) => e);
    expect((unshared as SuccessApiError).status).toBe(401);

    const imported = await manager.createImport({
      kind: 'customers',
      contentType: 'text/csv',
      body: 'id,name,segment,currency\ncus_sdk_import,SDK Import,smb,USD\n',
    });
    expect(imported).toMatchObject({ kind: 'customers', rows: 1, created: 1, updated: 0 });
    expect(await manager.getImport({ importId: imported.id })).toEqual(imported);

    // Webhooks: the receiver is never called here (no worker runs in this test).
    const hook = await manager.createWebhook({
      body: { url: 'https://93.184.215.14/sdk', event_types: ['goal.achieved'] },
    });
    expect(hook.secret).toMatch(/^whsec_/);
    const { secret: _secret, ...shown } = hook;
    expect(await manager.getWebhook({ webhookId: hook.id })).toEqual(shown);
    expect((await manager.listWebhooks({ limit: 10 })).items.map((w) => w.id)).toContain(hook.id);
    const paused = await manager.updateWebhook({
      webhookId: hook.id,
      ifMatch: hook.version,
      body: { url: hook.url, event_types: ['goal.achieved', 'goal.missed'], enabled: false },
    });
    expect(paused).toMatchObject({ enabled: false, version: 2 });
    const rotated = await manager.rotateWebhookSecret({ webhookId: hook.id });
    expect(rotated).toMatchObject({ version: 3, secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.secret).not.toBe(hook.secret);
    const ping = await manager.sendWebhookTest({ webhookId: hook.id });
    expect(ping).toMatchObject({ event_type: 'webhook.test', status: 'pending' });
    const repeat = await manager.redeliverWebhookDelivery({
      webhookId: hook.id,
      deliveryId: ping.id,
    });
    expect(repeat.message_id).toBe(ping.message_id);
    const log = await manager.listWebhookDeliveries({ webhookId: hook.id });
    expect(log.items.map((d) => d.id)).toEqual([repeat.id, ping.id]);
    await manager.deleteWebhook({ webhookId: hook.id });
    const gone = await manager.getWebhook({ webhookId: hook.id }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NotFoundError);

    // Goal templates: the shipped library for any role, a manager's own template, and a goal
    // started from it.
    const library = await client(TOKENS.viewer).listGoalTemplates({ category: 'efficiency' });
    expect(library.items.map((x) => x.id)).toContain('tpl_reduce_resolution_time');
    const shippedOne = await csm.getGoalTemplate({ templateId: 'tpl_reduce_resolution_time' });
    expect(shippedOne.shipped).toBe(true);
    const template = await manager.createGoalTemplate({
      body: {
        name: 'SDK template',
        industry: 'Software',
        goal: {
          name: 'SDK goal',
          category: 'adoption',
          metrics: [{ name: 'Active users', unit: 'users', baseline_value: 10, target_value: 20 }],
        },
        milestones: [{ name: 'Kick-off', offset_days: 0 }],
      },
    });
    expect(template).toMatchObject({ shipped: false, version: 1, duration_days: 180 });
    const changedTemplate = await manager.updateGoalTemplate({
      templateId: template.id,
      ifMatch: template.version,
      body: { name: 'SDK template 2', goal: template.goal },
    });
    expect(changedTemplate).toMatchObject({ name: 'SDK template 2', version: 2, industry: null });
    const fromTemplate = await csm.createSuccessGoal({
      body: {
        customer_id: 'cus_acme',
        ...changedTemplate.goal,
        start_date: '2026-05-01',
        target_date: '2026-10-28',
      },
    });
    expect(fromTemplate.name).toBe('SDK goal');
    const refused = await manager
      .deleteGoalTemplate({ templateId: 'tpl_reduce_resolution_time' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermissionDeniedError);
    await manager.deleteGoalTemplate({ templateId: template.id });

    expect([...seen].sort()).toEqual([...OPERATION_IDS].sort());
    expect(problems).toEqual([]);
  });

  it('streams an import from a file and reports its bad rows as field errors with row numbers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cscx-sdk-import-'));
    try {
      const file = join(dir, 'measurements.ndjson');
      const row = (value: number) =>
        JSON.stringify({
          goal_id: 'goal_acme_ticket_time',
          metric_id: 'met_acme_resolution_time',
          value,
        });
      await writeFile(file, `${row(11.4)}\n${row(11.3)}\n`);
      const csm = client(TOKENS.csm);
      const ok = await csm.createImport({
        kind: 'measurements',
        contentType: 'application/x-ndjson',
        body: createReadStream(file),
      });
      expect(ok).toMatchObject({ rows: 2, created: 2 });
      await writeFile(
        file,
        `${row(11.2)}\n{"goal_id":"goal_acme_ticket_time","metric_id":"met_acme_resolution_time","value":"high"}\n`,
      );
      const failed = await csm
        .createImport({
          kind: 'measurements',
          contentType: 'application/x-ndjson',
          body: createReadStream(file),
        })
        .catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(SuccessApiError);
      const e = failed as SuccessApiError;
      expect(e.status).toBe(422);
      expect(e.fieldErrors).toEqual([
        { row: 2, field: '/value', message: 'Must be a number.', code: 'type' },
      ]);
      expect(e.problem.error_count).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("iterates every page of the manager's portfolio and at-risk goals with .all(), one request a page", async () => {
    const pages = new Map<string, number>();
    const counter: Middleware = (request, next) => {
      const path = new URL(request.url).pathname;
      pages.set(path, (pages.get(path) ?? 0) + 1);
      return next(request);
    };
    const manager = client(TOKENS.manager, [counter]);
    const first = await manager.getPortfolioSuccessMetrics({ limit: 500 });
    pages.clear();
    const customers = [];
    for await (const c of manager.getPortfolioSuccessMetrics.all({ limit: 30 })) customers.push(c);
    expect(customers.map((c) => c.customer_id)).toEqual(first.customers.map((c) => c.customer_id));
    expect(pages.get('/api/reports/success-metrics')).toBe(Math.ceil(first.summary.customers / 30));

    const goals = [];
    for await (const g of manager.listAtRiskGoals.all({ limit: 25 })) goals.push(g);
    expect(first.summary.at_risk).toBeGreaterThan(100);
    expect(goals).toHaveLength(first.summary.at_risk);
    expect(new Set(goals.map((g) => g.goal_id)).size).toBe(goals.length);
    expect(pages.get('/api/portfolio/at-risk-goals')).toBe(Math.ceil(first.summary.at_risk / 25));
    for (const c of first.customers)
      expect(goals.filter((g) => g.customer_id === c.customer_id)).toHaveLength(c.goals_at_risk);

    // A loop can stop early: no page is fetched that it does not ask for.
    pages.clear();
    let taken = 0;
    for await (const _ of manager.listAtRiskGoals.all({ limit: 25 })) if (++taken === 30) break;
    expect(pages.get('/api/portfolio/at-risk-goals')).toBe(2);

    const forged = await manager
      .listAtRiskGoals({ cursor: `${'A'.repeat(20)}.${'A'.repeat(43)}` })
      .catch((e: unknown) => e);
    expect(forged).toBeInstanceOf(InvalidRequestError);
    expect((forged as InvalidRequestError).fieldErrors[0]?.field).toBe('query.cursor');
    expect(problems).toEqual([]);
  });

  it('turns problem documents into typed errors with status, fields and request id', async () => {
    const viewer = client(TOKENS.viewer);
    const e404 = await viewer.getCustomer({ customerId: 'cus_globex' }).catch((e: unknown) => e);
    expect(e404).toBeInstanceOf(SuccessApiError);
    expect(e404).toBeInstanceOf(NotFoundError);
    expect((e404 as SuccessApiError).status).toBe(404);
    expect((e404 as SuccessApiError).requestId).toMatch(/^req_/);
    const e403 = await viewer
      .createMilestone({ customerId: 'cus_acme', body: { name: 'x', target_date: '2026-06-01' } })
      .catch((e: unknown) => e);
    expect((e403 as SuccessApiError).status).toBe(403);
    expect(e403).toBeInstanceOf(PermissionDeniedError);
    const csm = client(TOKENS.csm);
    const e412 = await csm
      .updateSuccessGoal({
        goalId: 'goal_acme_nps',
        ifMatch: 1,
        body: {
          name: 'x',
          metric: 'Net Promoter Score',
          baseline_value: 30,
          target_value: 50,
          target_date: '2026-06-30',
        },
      })
      .catch((e: unknown) => e);
    expect((e412 as SuccessApiError).status).toBe(412);
    expect(e412).toBeInstanceOf(PreconditionFailedError);
    expect((e412 as SuccessApiError).fieldErrors[0]?.code).toBe('stale_version');
    const e401 = await client('wrong-token')
      .listCustomers()
      .catch((e: unknown) => e);
    expect((e401 as SuccessApiError).status).toBe(401);
    expect(e401).toBeInstanceOf(AuthenticationError);
    expect((e401 as SuccessApiError).requestId).toMatch(/^req_/);
    expect(problems).toEqual([]);
  });

  it('names an invalid field with the same JSON Pointer in the SDK’s check and the server’s 422', async () => {
    const body = { metric_id: 'met_x', value: 'eleven' } as never;
    const local = await client(TOKENS.csm)
      .recordMeasurement({ goalId: 'goal_acme_nps', body })
      .catch((e: unknown) => e);
    expect(local).toBeInstanceOf(ValidationError);
    const unchecked = createSuccessClient({
      baseUrl: server.url,
      token: TOKENS.csm,
      retries: 0,
      validate: false,
      middleware: [contract],
    });
    const remote = await unchecked
      .recordMeasurement({ goalId: 'goal_acme_nps', body })
      .catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(InvalidRequestError);
    const fields = (remote as InvalidRequestError).fieldErrors.map((f) => f.field);
    expect(fields).toContain('/value');
    expect((local as ValidationError).issues.map((i) => i.field)).toEqual(['/value']);
    expect(problems).toEqual([]);
  });

  it('never applies a POST twice when the SDK resends it with its Idempotency-Key (a response lost in transit)', async () => {
    // The first attempt reaches the server, its answer is lost, the request is sent again.
    const lossy: Middleware = async (request, next) => {
      if (request.method === 'POST') await next(request.clone());
      return next(request);
    };
    const csm = client(TOKENS.csm, [lossy]);
    const goal = await csm.getSuccessGoal({ goalId: 'goal_acme_adoption' });
    const r = await csm.recordMeasurement({
      goalId: goal.id,
      body: { metric_id: goal.metrics[0]!.id, value: 79 },
    });
    expect(r.goal.version).toBe(goal.version + 1);
    const after = await csm.getSuccessGoal({ goalId: goal.id });
    expect(after.metrics[0]!.measurements.length).toBe(goal.metrics[0]!.measurements.length + 1);
    expect(problems).toEqual([]);
  });
});
