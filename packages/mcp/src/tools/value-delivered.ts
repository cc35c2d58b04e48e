// value_delivered: "What value have we delivered this quarter?" for one customer or the whole
// portfolio the token sees. Money is summed per currency by the API (never across currencies).
import { type PortfolioCustomer, portfolioSummary } from '@cscx/success-calc';
import type { SuccessClient } from '@cscx/success-sdk';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { resolveCustomer } from '../customers.js';
import { answering, ToolError } from '../errors.js';
import { money, multiplier, number } from '../format.js';
import { answer, READ_ONLY } from '../result.js';
import { customerRef, mcpSchema, nullableNumber, period } from '../schema.js';

/** Customers read one by one when a period is asked of the whole portfolio. */
const MAX_PERIOD_CUSTOMERS = 100;

const customerValue = v.object({
  customer_id: v.string(),
  name: v.string(),
  currency: v.string(),
  total_value: v.number(),
  roi_multiplier: nullableNumber,
  display: v.string(),
});

export const valueDeliveredOutput = v.object({
  scope: v.picklist(['customer', 'portfolio']),
  period: v.string(),
  value_by_currency: v.record(v.string(), v.number()),
  customers: v.array(customerValue),
  breakdown: v.optional(
    v.object({
      cost_reduction: v.number(),
      revenue_impact: v.number(),
      time_saved_hours: v.number(),
      time_saved_value: v.number(),
    }),
  ),
  average_roi: v.optional(nullableNumber),
  display: v.string(),
});

const byCurrency = (values: Readonly<Record<string, number>>): string =>
  Object.entries(values)
    .map(([currency, value]) => money(value, currency))
    .join(' + ') || money(0, 'USD');

export function registerValueDelivered(server: McpServer, client: SuccessClient): void {
  server.registerTool(
    'value_delivered',
    {
      title: 'Value delivered',
      description:
        'The value delivered (cost reduction, revenue impact, time saved) and ROI, for one customer or for every customer this token can see. Answers "What value have we delivered this quarter?" (period "2026-Q2").',
      inputSchema: mcpSchema(
        v.object({ customer: v.optional(customerRef), period: v.optional(period) }),
      ),
      outputSchema: mcpSchema(valueDeliveredOutput),
      annotations: { title: 'Value delivered', ...READ_ONLY },
    },
    async ({ customer, period: p }) =>
      answering('read the value delivered', async () => {
        const window = p ?? 'all';
        if (customer !== undefined) {
          const c = await resolveCustomer(client, customer);
          const { metrics } = await client.getCustomerSuccessMetrics({
            customerId: c.id,
            period: window,
          });
          const vd = metrics.value_delivered;
          const shown = money(vd.total_value, metrics.currency);
          const hours =
            vd.time_saved_hours > 0 ? `, ${number(vd.time_saved_hours)} hours saved` : '';
          const text = `${c.name} (${window}): ${shown} delivered: ${money(vd.cost_reduction, metrics.currency)} cost reduction, ${money(vd.revenue_impact, metrics.currency)} revenue impact${hours}; ${multiplier(vd.roi_multiplier)} ROI.`;
          return answer(text, {
            scope: 'customer' as const,
            period: window,
            value_by_currency: { [metrics.currency]: vd.total_value },
            customers: [
              {
                customer_id: c.id,
                name: c.name,
                currency: metrics.currency,
                total_value: vd.total_value,
                roi_multiplier: vd.roi_multiplier,
                display: shown,
              },
            ],
            breakdown: {
              cost_reduction: vd.cost_reduction,
              revenue_impact: vd.revenue_impact,
              time_saved_hours: vd.time_saved_hours,
              time_saved_value: vd.time_saved_value,
            },
            display: shown,
          });
        }
        if (window === 'all') {
          const rows = [];
          for await (const row of client.getPortfolioSuccessMetrics.all({ limit: 200 })) {
            rows.push(row);
          }
          const { summary } = await client.getPortfolioSuccessMetrics({ limit: 1 });
          const shown = byCurrency(summary.value_by_currency);
          const text = `${shown} delivered across ${summary.customers} customer${summary.customers === 1 ? '' : 's'} (contract to date), average ROI ${multiplier(summary.average_roi)}.`;
          return answer(text, {
            scope: 'portfolio' as const,
            period: window,
            value_by_currency: { ...summary.value_by_currency },
            customers: rows.map((r) => ({
              customer_id: r.customer_id,
              name: r.name,
              currency: r.currency,
              total_value: r.total_value,
              roi_multiplier: r.roi_multiplier,
              display: money(r.total_value, r.currency),
            })),
            average_roi: summary.average_roi,
            display: shown,
          });
        }
        // The portfolio endpoint is contract-to-date: a window is read customer by customer.
        const rows = [];
        const forCalc: PortfolioCustomer[] = [];
        for await (const c of client.listCustomers.all({ limit: 200 })) {
          if (rows.length >= MAX_PERIOD_CUSTOMERS) {
            throw new ToolError(
              `More than ${MAX_PERIOD_CUSTOMERS} customers are in this token's scope: ask for one customer's value for ${window}, or leave the period out for the portfolio's contract-to-date value.`,
            );
          }
          const { metrics } = await client.getCustomerSuccessMetrics({
            customerId: c.id,
            period: window,
          });
          rows.push({
            customer_id: c.id,
            name: c.name,
            currency: metrics.currency,
            total_value: metrics.value_delivered.total_value,
            roi_multiplier: metrics.value_delivered.roi_multiplier,
            display: money(metrics.value_delivered.total_value, metrics.currency),
          });
          forCalc.push({
            id: c.id,
            currency: metrics.currency,
            investment: c.investment,
            totalValue: metrics.value_delivered.total_value,
            goals: [],
          });
        }
        // calc sums per currency (money is never added across currencies) and averages ROI.
        const summary = portfolioSummary(forCalc);
        const totals = { ...summary.valueByCurrency };
        const shown = byCurrency(totals);
        const text = `${shown} delivered across ${rows.length} customer${rows.length === 1 ? '' : 's'} in ${window}, average ROI ${multiplier(summary.averageRoi)}: ${rows.map((r) => `${r.name} ${r.display}`).join(', ')}.`;
        return answer(text, {
          scope: 'portfolio' as const,
          period: window,
          value_by_currency: totals,
          customers: rows,
          average_roi: summary.averageRoi,
          display: shown,
        });
      }),
  );
}
