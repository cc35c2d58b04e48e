// The MCP server as hosts use it: the official SDK's Client over stdio (the cscx-success-mcp
// binary, spawned) and over Streamable HTTP (the reference server's /mcp), against the real
// reference server and its seeded database. Every figure is compared with what the API itself
// answers for the same token.
import { formatMoney, formatMultiplier } from '@cscx/success-calc';
import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';
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
