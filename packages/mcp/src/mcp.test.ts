// The MCP server as hosts use it: the official SDK's Client over stdio (the cscx-success-mcp
// binary, spawned) and over Streamable HTTP (the reference server's /mcp), against the real
// reference server and its seeded database. Every figure is compared with what the API itself
// answers for the same token.
import { formatMoney, formatMultiplier } from '@cscx/success-calc';
import { createSuccessClient, SuccessApiError, type SuccessClient } from '@cscx/success-sdk';
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TOKENS, testApp } from '../../server/src/testing/harness.js';
import { type Listening, listen } from '../../server/src/testing/listen.js';
import { type Connected, connect, type Kind } from './testing/connect.js';

let t: TestApp;
let server: Listening;
const open: Connected[] = [];

beforeAll(async () => {
  t = await testApp('pglite');
  // Long keep-alive: one tool call can hold this process's event loop (PGlite runs in it) past
  // the default 5 s, and a socket the server closes meanwhile fails the next call.
  server = await listen(t.app, { timeouts: { keepAliveTimeout: 60_000 } });
}, 180_000);
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.close();
  await t?.t.cleanup();
});

const api = (token: string): SuccessClient =>
  createSuccessClient({ baseUrl: server.url, token, retries: 0 });

async function client(kind: Kind, token: string): Promise<Client> {
  const c = await connect(kind, server.url, token);
  open.push(c);
  return c.client;
}

interface ToolResult {
  isError?: boolean;
  content: { type: string; text?: string; uri?: string }[];
  structuredContent?: Record<string, unknown>;
}

async function call(c: Client, name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await c.callTool({ name, arguments: args })) as ToolResult;
}

const text = (r: ToolResult): string => r.content.map((c) => c.text ?? '').join('\n');

describe.each(['http', 'stdio'] as const)('over %s', (kind) => {
  let csm: Client;
  beforeAll(async () => {
    csm = await client(kind, TOKENS.csm);
  }, 60_000);

  it("answers Acme's metrics with the API's numbers: $285K delivered, 4.2x ROI", async () => {
    const { metrics } = await api(TOKENS.csm).getCustomerSuccessMetrics({ customerId: 'cus_acme' });
    const r = await call(csm, 'get_success_metrics', { customer: 'Acme Corp' });
    expect(r.isError).toBeFalsy();
    const s = r.structuredContent as {
      customer: { id: string };
      value_delivered: { total_value: number; roi_multiplier: number };
      goals: { achieved: number; total: number };
      display: { total_value: string; roi: string };
    };
    expect(s.customer.id).toBe('cus_acme');
    expect(s.value_delivered.total_value).toBe(metrics.value_delivered.total_value);
    expect(s.value_delivered.roi_multiplier).toBe(metrics.value_delivered.roi_multiplier);
    expect(s.goals).toMatchObject({ achieved: metrics.goals.achieved, total: metrics.goals.total });
    // What the dashboard shows (PRD-165's mock-up), from calc's formatters of the API's values.
    expect(s.display.total_value).toBe(
      formatMoney(metrics.value_delivered.total_value, 'USD', { compact: true }),
    );
    expect(s.display).toMatchObject({ total_value: '$285K', roi: '4.2x' });
    expect(text(r)).toContain('$285K value delivered');
    expect(text(r)).toContain(`${formatMultiplier(metrics.value_delivered.roi_multiplier)} ROI`);
  });

  it('keeps a viewer token to its one customer and out of writes', async () => {
    const viewer = await client(kind, TOKENS.viewer);
    const globex = await call(viewer, 'get_success_metrics', { customer: 'Globex Corp' });
    expect(globex.isError).toBe(true);
    expect(text(globex)).toContain("No customer in this token's scope");
    const record = await call(viewer, 'record_measurement', {
      goal_id: 'goal_acme_upsell',
      metric_id: 'met_acme_upsell_revenue',
      value: 1,
    });
    expect(record.isError).toBe(true);
    expect(text(record)).toContain('cannot record measurements');
  });

  it('lists the tools with input and output schemas and annotations', async () => {
    const { tools } = await csm.listTools();
    const byName = Object.fromEntries(tools.map((x) => [x.name, x]));
    for (const name of [
      'get_success_metrics',
      'list_goals_at_risk',
      'value_delivered',
      'compare_segments',
      'explain_number',
      'generate_success_report',
      'record_measurement',
      'list_alerts',
      'acknowledge_alert',
      'dismiss_alert',
      'create_share_link',
      'list_share_links',
      'revoke_share_link',
      'list_webhooks',
      'create_webhook',
      'delete_webhook',
      'list_webhook_deliveries',
      'redeliver_webhook_delivery',
    ]) {
      expect(byName[name]?.inputSchema.type, name).toBe('object');
      expect(byName[name]?.outputSchema?.type, name).toBe('object');
    }
    expect(byName.get_success_metrics?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
      destructiveHint: false,
    });
    expect(byName.record_measurement?.annotations).toMatchObject({ readOnlyHint: false });
    expect(byName.get_success_metrics?.inputSchema.required).toEqual(['customer']);
  });
});

describe('over http', () => {
  let csm: Client;
  let viewer: Client;
  beforeAll(async () => {
    csm = await client('http', TOKENS.csm);
    viewer = await client('http', TOKENS.viewer);
  });

  it('answers "Which goals are at risk?" across the portfolio as the API ranks them, with actions', async () => {
    const { summary } = await api(TOKENS.csm).getPortfolioSuccessMetrics({ limit: 1 });
    const r = await call(csm, 'list_goals_at_risk', {});
    expect(r.isError).toBeFalsy();
    const s = r.structuredContent as {
      total: number;
      goals: { goal_id: string; recommendations: unknown[] }[];
    };
    expect(s.total).toBe(summary.at_risk);
    expect(s.goals.map((g) => g.goal_id)).toEqual(summary.goals_at_risk.map((g) => g.goal_id));
    expect(s.goals.every((g) => g.recommendations.length > 0)).toBe(true);
  });

  it('answers "Which goals are at risk?" for Acme: the upsell goal, with its next action', async () => {
    const r = await call(csm, 'list_goals_at_risk', { customer: 'Acme' });
    const s = r.structuredContent as { goals: { goal_id: string }[] };
    expect(s.goals.map((g) => g.goal_id)).toEqual(['goal_acme_upsell']);
    expect(text(r)).toMatch(
      /1 goal at risk for Acme Corp:\n- Acme Corp: Revenue from upsell \(at risk\), 70% of target/,
    );
    expect(text(r)).toContain('Next: ');
  });

  it('keeps a viewer token to its customer: Globex is not found, Acme is', async () => {
    const globex = await call(viewer, 'get_success_metrics', { customer: 'cus_globex' });
    expect(globex.isError).toBe(true);
    expect(text(globex)).toContain("No customer in this token's scope");
    const acme = await call(viewer, 'get_success_metrics', { customer: 'acme' });
    expect(acme.isError).toBeFalsy();
    const segments = await call(viewer, 'compare_segments', { segment: 'enterprise' });
    const rows = (segments.structuredContent as { rows: { key: string }[] }).rows;
    expect(rows.map((x) => x.key)).toEqual(['cus_acme']);
  });

  it('refuses record_measurement for a viewer token with a clear message, and records for a CSM', async () => {
    const args = { goal_id: 'goal_acme_upsell', metric_id: 'met_acme_upsell_revenue', value: 1 };
    const refused = await call(viewer, 'record_measurement', args);
    expect(refused.isError).toBe(true);
    expect(text(refused)).toContain('read-only (a viewer token)');
    const goal = await api(TOKENS.csm).getSuccessGoal({ goalId: 'goal_acme_upsell' });
    const metric = goal.metrics[0];
    if (!metric) throw new Error('the upsell goal has no metric');
    const done = await call(csm, 'record_measurement', {
      goal_id: goal.id,
      metric_id: metric.id,
      value: metric.current_value ?? 0,
      note: 'via MCP',
    });
    expect(text(done)).toContain('Recorded');
    const after = await api(TOKENS.csm).getSuccessGoal({ goalId: goal.id });
    expect(after.version).toBe(goal.version + 1);
  });

  it('answers an ambiguous name with the candidates, not a guess', async () => {
    const manager = await client('http', TOKENS.manager);
    const r = await call(manager, 'get_success_metrics', { customer: 'Corp' });
    expect(r.isError).toBe(true);
    const names = (r.structuredContent as { candidates: { id: string }[] }).candidates.map(
      (c) => c.id,
    );
    expect(names).toEqual(expect.arrayContaining(['cus_acme', 'cus_globex']));
    expect(text(r)).toMatch(/"Corp" matches \d+ customers: .*Acme Corp \(cus_acme\)/);
  });

  it('gives bad arguments a tool error with a clear message, and keeps serving', async () => {
    const r = await call(csm, 'get_success_metrics', { customer: 'Acme', period: 'last week' });
    expect(r.isError).toBe(true);
    expect(text(r)).toContain('The period is "all", a year (2026)');
    const missing = await call(csm, 'record_measurement', { goal_id: 'goal_acme_upsell' });
    expect(missing.isError).toBe(true);
    const ok = await call(csm, 'get_success_metrics', { customer: 'cus_acme' });
    expect(ok.isError).toBeFalsy();
  });

  it("explains ROI with the API's own derivation (formula, inputs, rule)", async () => {
    const m = await api(TOKENS.csm).getCustomerSuccessMetrics({
      customerId: 'cus_acme',
      explain: true,
    });
    const pointer = '/metrics/value_delivered/roi_multiplier';
    const expected = m.explanations?.[pointer];
    if (!expected) throw new Error('the API explains no ROI');
    const r = await call(csm, 'explain_number', { customer: 'Acme Corp', figure: 'ROI' });
    expect(r.structuredContent).toMatchObject({
      pointer,
      formula: expected.formula,
      text: expected.text,
      result: expected.result,
    });
    expect(text(r)).toContain(expected.text);
    const unknown = await call(csm, 'explain_number', { customer: 'cus_acme', figure: 'vibes' });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toContain('"vibes" is not a figure');
  });

  it('answers "What value have we delivered this quarter?" with the API\'s value for the quarter', async () => {
    const { metrics } = await api(TOKENS.csm).getCustomerSuccessMetrics({
      customerId: 'cus_acme',
      period: '2026-Q2',
    });
    const acme = await call(csm, 'value_delivered', { customer: 'Acme', period: '2026-Q2' });
    expect(acme.structuredContent).toMatchObject({
      scope: 'customer',
      period: '2026-Q2',
      value_by_currency: { USD: metrics.value_delivered.total_value },
    });
    const portfolio = await call(csm, 'value_delivered', {});
    const { summary } = await api(TOKENS.csm).getPortfolioSuccessMetrics({ limit: 1 });
    expect(
      (portfolio.structuredContent as { value_by_currency: unknown }).value_by_currency,
    ).toEqual(summary.value_by_currency);
  });

  it("compares segments with the API's portfolio figures per segment", async () => {
    const { summary } = await api(TOKENS.manager).getPortfolioSuccessMetrics({
      segment: 'enterprise',
      limit: 1,
    });
    const manager = await client('http', TOKENS.manager);
    const r = await call(manager, 'compare_segments', {});
    const rows = (r.structuredContent as { rows: Record<string, unknown>[] }).rows;
    expect(rows.find((x) => x.key === 'enterprise')).toMatchObject({
      customers: summary.customers,
      achievement_rate: summary.achievement_rate,
      roi_multiplier: summary.average_roi,
    });
    expect(text(r)).toContain('enterprise: success rate');
  });

  it('generates a QBR deck and links it; the link reads back the file', async () => {
    const r = await call(csm, 'generate_success_report', { customer: 'Acme', format: 'ppt' });
    expect(r.isError).toBeFalsy();
    const s = r.structuredContent as { uri: string; size_bytes: number; media_type: string };
    expect(s.media_type).toContain('presentationml');
    const link = r.content.find((c) => c.type === 'resource_link');
    expect(link?.uri).toBe(s.uri);
    const read = await csm.readResource({ uri: s.uri });
    const content = read.contents[0] as { blob?: string };
    const bytes = Buffer.from(content.blob ?? '', 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.byteLength).toBe(s.size_bytes);
  });

  it("serves a customer's success summary resource and the two prompts", async () => {
    const { resources } = await viewer.listResources();
    // The viewer's one customer's summary, and the MCP App (the same for every token).
    expect(resources.map((x) => x.uri).sort()).toEqual([
      'cscx-success://customers/cus_acme/summary',
      'ui://cscx-success/overview.html',
    ]);
    const read = await viewer.readResource({ uri: 'cscx-success://customers/cus_acme/summary' });
    expect((read.contents[0] as { text: string }).text).toContain('$285K value delivered');
    const { prompts } = await csm.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['at_risk_review', 'qbr_preparation']);
    const qbr = await csm.getPrompt({ name: 'qbr_preparation', arguments: { customer: 'Acme' } });
    expect(JSON.stringify(qbr.messages)).toContain('generate_success_report');
  });

  it('refuses /mcp without a bearer token with a 401 problem', async () => {
    const res = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

/** The server's own `detail` for what `fn` tries with the SDK directly (a refusal). */
async function serverDetail(fn: () => Promise<unknown>): Promise<string> {
  const e = await fn().then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof SuccessApiError)) throw new Error(`expected an API error, got ${String(e)}`);
  return e.problem.detail ?? e.problem.title;
}

describe('acting on it over http: alerts, share links, webhooks', () => {
  let csm: Client;
  let viewer: Client;
  let manager: Client;
  beforeAll(async () => {
    csm = await client('http', TOKENS.csm);
    viewer = await client('http', TOKENS.viewer);
    manager = await client('http', TOKENS.manager);
  });

  it("lists Acme's active alerts as the API does, with causes and versions", async () => {
    const fromApi = await api(TOKENS.csm).listAlerts({ customer_id: 'cus_acme', limit: 100 });
    const r = await call(csm, 'list_alerts', { customer: 'Acme' });
    expect(r.isError, text(r)).toBeFalsy();
    const s = r.structuredContent as {
      can_change: boolean;
      state: string;
      alerts: { id: string; version: number }[];
    };
    expect(s).toMatchObject({ state: 'active', can_change: true });
    expect(s.alerts.map((a) => [a.id, a.version])).toEqual(
      fromApi.items.map((a) => [a.id, a.version]),
    );
    const first = fromApi.items[0]!;
    expect(text(r)).toContain(`- ${first.id} (${first.state}, version ${first.version}`);
    expect(text(r)).toContain(first.cause);
    const dismissed = await call(csm, 'list_alerts', { customer: 'cus_acme', state: 'dismissed' });
    expect((dismissed.structuredContent as { state: string }).state).toBe('dismissed');
    const bad = await call(csm, 'list_alerts', { state: 'closed' });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toContain('The state is active, open, acknowledged, dismissed or all.');
  });

  it('acknowledges an alert reading its version first, refuses a stale version with the 412 text, then dismisses it', async () => {
    const open = (await api(TOKENS.csm).listAlerts({ customer_id: 'cus_acme', state: 'open' }))
      .items[0];
    if (!open) throw new Error('expected an open Acme alert');
    const acked = await call(csm, 'acknowledge_alert', { alert_id: open.id });
    expect(acked.isError, text(acked)).toBeFalsy();
    expect(text(acked)).toBe(
      `Acknowledged alert ${open.id} (read its current version ${open.version} first): "${open.title}" is now acknowledged, version ${open.version + 1}.`,
    );
    expect(acked.structuredContent).toMatchObject({
      alert: { id: open.id, state: 'acknowledged', version: open.version + 1 },
      if_match: open.version,
      version_read_first: true,
    });
    const detail = await serverDetail(() =>
      api(TOKENS.csm).dismissAlert({ alertId: open.id, ifMatch: open.version }),
    );
    const stale = await call(csm, 'dismiss_alert', { alert_id: open.id, version: open.version });
    expect(stale.isError).toBe(true);
    expect(text(stale)).toContain(`(412): ${detail}`);
    expect(text(stale)).toContain('call list_alerts for its current state and version');
    const done = await call(csm, 'dismiss_alert', {
      alert_id: open.id,
      version: open.version + 1,
    });
    expect(done.isError, text(done)).toBeFalsy();
    expect(done.structuredContent).toMatchObject({
      alert: { state: 'dismissed', version: open.version + 2 },
      version_read_first: false,
    });
    const after = await api(TOKENS.csm).listAlerts({ customer_id: 'cus_acme', state: 'dismissed' });
    expect(after.items.map((a) => a.id)).toContain(open.id);
    const unknown = await call(csm, 'acknowledge_alert', { alert_id: 'alt_nope' });
    expect(text(unknown)).toContain('No alert alt_nope among the alerts this token can see');
  });

  it("gives a viewer token the server's 403 as a clear tool error for every write", async () => {
    const alert = (await api(TOKENS.viewer).listAlerts({ customer_id: 'cus_acme' })).items[0];
    if (!alert) throw new Error('expected an Acme alert');
    const listed = await call(viewer, 'list_alerts', {});
    expect((listed.structuredContent as { can_change: boolean }).can_change).toBe(false);
    expect(text(listed)).toContain('This token is read-only');
    const cases: [string, Record<string, unknown>, () => Promise<unknown>, string][] = [
      [
        'acknowledge_alert',
        { alert_id: alert.id, version: alert.version },
        () => api(TOKENS.viewer).acknowledgeAlert({ alertId: alert.id, ifMatch: alert.version }),
        `acknowledge alert ${alert.id}`,
      ],
      [
        'dismiss_alert',
        { alert_id: alert.id },
        () => api(TOKENS.viewer).dismissAlert({ alertId: alert.id, ifMatch: alert.version }),
        `dismiss alert ${alert.id}`,
      ],
      [
        'create_share_link',
        { customer: 'cus_acme' },
        () => api(TOKENS.viewer).createShareLink({ customerId: 'cus_acme', body: {} }),
        'create a share link',
      ],
      [
        'list_share_links',
        { customer: 'cus_acme' },
        () => api(TOKENS.viewer).listShareLinks({ customerId: 'cus_acme' }),
        'list the share links',
      ],
      ['list_webhooks', {}, () => api(TOKENS.viewer).listWebhooks({}), 'list the webhooks'],
      [
        'create_webhook',
        { url: 'https://93.184.215.14/hooks', event_types: ['goal.achieved'] },
        () =>
          api(TOKENS.viewer).createWebhook({
            body: { url: 'https://93.184.215.14/hooks', event_types: ['goal.achieved'] },
          }),
        'create the webhook',
      ],
    ];
    for (const [tool, args, direct, action] of cases) {
      const detail = await serverDetail(direct);
      const r = await call(viewer, tool, args);
      expect(r.isError, tool).toBe(true);
      expect(text(r), tool).toBe(`This token may not ${action} (403): ${detail}`);
    }
  });

  it('creates a share link for Acme (its url once), lists it, and revokes it', async () => {
    const created = await call(csm, 'create_share_link', {
      customer: 'Acme',
      label: 'QBR via MCP',
    });
    expect(created.isError, text(created)).toBeFalsy();
    const link = created.structuredContent as { id: string; url: string; token: string };
    expect(link.url).toMatch(/\/share\/cscx_share_/);
    expect(text(created)).toContain(link.url);
    expect(text(created)).toContain('shown only now');
    const shared = await api(link.token).getCustomer({ customerId: 'cus_acme' });
    expect(shared.name).toBe('Acme Corp');
    const listed = await call(csm, 'list_share_links', { customer: 'cus_acme' });
    const links = (listed.structuredContent as { links: { id: string; status: string }[] }).links;
    expect(links.find((l) => l.id === link.id)?.status).toBe('active');
    expect(JSON.stringify(listed)).not.toContain(link.token);
    const revoked = await call(csm, 'revoke_share_link', {
      customer: 'Acme',
      share_link_id: link.id,
    });
    expect(text(revoked)).toBe(
      `Revoked share link ${link.id} of Acme Corp: it no longer opens anything.`,
    );
    const again = await call(csm, 'list_share_links', { customer: 'cus_acme' });
    const status = (again.structuredContent as { links: { id: string; status: string }[] }).links;
    expect(status.find((l) => l.id === link.id)?.status).toBe('revoked');
    const gone = await serverDetail(() =>
      api(TOKENS.csm).revokeShareLink({ customerId: 'cus_acme', shareLinkId: 'shl_nope' }),
    );
    const missing = await call(csm, 'revoke_share_link', {
      customer: 'cus_acme',
      share_link_id: 'shl_nope',
    });
    expect(text(missing)).toContain(gone);
  });

  it('manages a webhook for a manager: the secret once, deliveries, a redelivery, delete; a CSM gets 403', async () => {
    const created = await call(manager, 'create_webhook', {
      url: 'https://93.184.215.14/hooks',
      event_types: ['goal.achieved', 'goal.at_risk'],
      description: 'via MCP',
    });
    expect(created.isError, text(created)).toBeFalsy();
    const hook = created.structuredContent as { id: string; secret: string };
    expect(hook.secret).toMatch(/^whsec_/);
    expect(text(created)).toContain(`Signing secret, shown only now: ${hook.secret}`);
    const listed = await call(manager, 'list_webhooks', {});
    expect(JSON.stringify(listed)).not.toContain(hook.secret);
    expect(
      (listed.structuredContent as { webhooks: { id: string }[] }).webhooks.map((w) => w.id),
    ).toContain(hook.id);
    const ping = await api(TOKENS.manager).sendWebhookTest({ webhookId: hook.id });
    const log = await call(manager, 'list_webhook_deliveries', { webhook_id: hook.id });
    expect(log.structuredContent).toMatchObject({
      webhook_id: hook.id,
      deliveries: [{ id: ping.id, event_type: 'webhook.test', status: 'pending' }],
    });
    const again = await call(manager, 'redeliver_webhook_delivery', {
      webhook_id: hook.id,
      delivery_id: ping.id,
    });
    expect(again.isError, text(again)).toBeFalsy();
    expect(again.structuredContent).toMatchObject({ message_id: ping.message_id });
    expect(text(again)).toContain(`Queued message ${ping.message_id} (webhook.test) again`);
    const csmDetail = await serverDetail(() => api(TOKENS.csm).listWebhooks({}));
    const refused = await call(csm, 'delete_webhook', { webhook_id: hook.id });
    expect(text(refused)).toBe(`This token may not delete webhook ${hook.id} (403): ${csmDetail}`);
    const bad = await call(manager, 'create_webhook', {
      url: 'http://127.0.0.1:1/hooks',
      event_types: ['goal.achieved'],
    });
    expect(bad.isError).toBe(true);
    const badDetail = await serverDetail(() =>
      api(TOKENS.manager).createWebhook({
        body: { url: 'http://127.0.0.1:1/hooks', event_types: ['goal.achieved'] },
      }),
    );
    expect(text(bad)).toContain(badDetail);
    expect(text(bad)).toContain('/url: ');
    const deleted = await call(manager, 'delete_webhook', { webhook_id: hook.id });
    expect(text(deleted)).toBe(`Deleted webhook ${hook.id}.`);
    const gone = await call(manager, 'list_webhook_deliveries', { webhook_id: hook.id });
    expect(gone.isError).toBe(true);
    expect(text(gone)).toContain('(404)');
  });
});
