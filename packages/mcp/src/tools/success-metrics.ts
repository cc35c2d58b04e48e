// get_success_metrics: "Show me success metrics for Acme Corp", "Is Acme achieving their goals?",
// "ROI for Acme": the customer's numbers as the API computes them for the dashboard.
import type { components, SuccessClient } from '@cscx/success-sdk';
import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { APP_URI, appMeta } from '../app/data.js';
import { resolveCustomer } from '../customers.js';
import { answering } from '../errors.js';
import { money, multiplier, percent, score, status } from '../format.js';
import { answer, READ_ONLY } from '../result.js';
import { customerRef, customerSummary, mcpSchema, nullableNumber, period } from '../schema.js';

type Metrics = components['schemas']['CustomerSuccessMetrics'];

export const goalRow = v.object({
  id: v.string(),
  name: v.string(),
  status: v.string(),
  achievement_pct: nullableNumber,
  expected_pct: nullableNumber,
  target_date: v.string(),
});

export const successMetricsOutput = v.object({
  customer: customerSummary,
  period: v.string(),
  period_start: v.nullable(v.string()),
  period_end: v.string(),
  as_of: v.string(),
  goals: v.object({
    total: v.number(),
    achieved: v.number(),
    on_track: v.number(),
    at_risk: v.number(),
    missed: v.number(),
    not_started: v.number(),
    achievement_rate: nullableNumber,
  }),
  value_delivered: v.object({
    total_value: v.number(),
    cost_reduction: v.number(),
    revenue_impact: v.number(),
    time_saved_hours: v.number(),
    time_saved_value: v.number(),
    investment: nullableNumber,
    roi_multiplier: nullableNumber,
    roi_note: v.nullable(v.string()),
  }),
  success_score: v.object({ score: nullableNumber, band: v.nullable(v.string()) }),
  goal_list: v.array(goalRow),
  display: v.object({
    total_value: v.string(),
    roi: v.string(),
    achievement_rate: v.string(),
    success_score: v.string(),
  }),
});

export type SuccessMetricsOutput = v.InferOutput<typeof successMetricsOutput>;

/** The structured answer for one customer's metrics (also the summary resource's source). */
export function metricsAnswer(m: Metrics): SuccessMetricsOutput {
  const { customer, metrics } = m;
  const vd = metrics.value_delivered;
  return {
    customer: {
      id: customer.id,
      name: customer.name,
      segment: customer.segment,
      currency: customer.currency,
    },
    period: metrics.period,
    period_start: metrics.period_start,
    period_end: metrics.period_end,
    as_of: m.as_of,
    goals: { ...metrics.goals },
    value_delivered: {
      total_value: vd.total_value,
      cost_reduction: vd.cost_reduction,
      revenue_impact: vd.revenue_impact,
      time_saved_hours: vd.time_saved_hours,
      time_saved_value: vd.time_saved_value,
      investment: vd.investment,
      roi_multiplier: vd.roi_multiplier,
      roi_note: vd.roi_note,
    },
    success_score: { score: metrics.success_score.score, band: metrics.success_score.band },
    goal_list: m.goals.map((g) => ({
      id: g.id,
      name: g.name,
      status: g.status,
      achievement_pct: g.achievement_pct,
      expected_pct: g.expected_pct,
      target_date: g.target_date,
    })),
    display: {
      total_value: money(vd.total_value, metrics.currency),
      roi: multiplier(vd.roi_multiplier),
      achievement_rate: percent(metrics.goals.achievement_rate),
      success_score: score(metrics.success_score.score),
    },
  };
}

/** The short text an agent can read out: the dashboard's headline figures. */
export function metricsText(a: SuccessMetricsOutput): string {
  const g = a.goals;
  const vd = a.value_delivered;
  const roi =
    vd.roi_multiplier === null
      ? `no ROI (${vd.roi_note ?? 'no investment recorded'})`
      : `${a.display.roi} ROI on ${money(vd.investment, a.customer.currency)} invested`;
  const risky = a.goal_list.filter((x) => x.status === 'at_risk' || x.status === 'missed');
  const lines = [
    `${a.customer.name} (${a.customer.id}), period ${a.period} (${a.period_start ?? 'the start'} to ${a.period_end}):`,
    `${a.display.total_value} value delivered, ${roi}.`,
    `Goals: ${g.achieved} of ${g.total} achieved (${a.display.achievement_rate}), ${g.on_track} on track, ${g.at_risk} at risk, ${g.missed} missed, ${g.not_started} not started.`,
    `Success score ${a.display.success_score}${a.success_score.band ? ` (${status(a.success_score.band)})` : ''}.`,
  ];
  if (risky.length > 0) {
    lines.push(
      `Needs attention: ${risky
        .map((x) => `${x.name} (${status(x.status)}, ${percent(x.achievement_pct)} of target)`)
        .join('; ')}.`,
    );
  }
  return lines.join('\n');
}

export function registerSuccessMetrics(server: McpServer, client: SuccessClient): void {
  registerAppTool(
    server,
    'get_success_metrics',
    {
      title: 'Success metrics of a customer',
      description:
        'A customer\'s success metrics as the dashboard shows them: goals achieved, on track and at risk, achievement rate, value delivered, ROI and success score. Answers "Show me success metrics for Acme Corp", "Is Acme achieving their goals?" and "ROI for Acme".',
      inputSchema: mcpSchema(v.object({ customer: customerRef, period: v.optional(period) })),
      outputSchema: mcpSchema(successMetricsOutput),
      annotations: { title: 'Success metrics of a customer', ...READ_ONLY },
      // MCP Apps: a host that has them shows the dashboard; any other host reads the text.
      _meta: { ui: { resourceUri: APP_URI } },
    },
    async ({ customer, period: p }) =>
      answering('read the success metrics', async () => {
        const c = await resolveCustomer(client, customer);
        const m = await client.getCustomerSuccessMetrics({
          customerId: c.id,
          ...(p ? { period: p } : {}),
        });
        const a = metricsAnswer(m);
        return { ...answer(metricsText(a), a), _meta: appMeta(m) };
      }),
  );
}
