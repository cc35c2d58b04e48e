// Resources: a customer's success summary (markdown), one per customer in the token's scope.
import type { SuccessClient } from '@cscx/success-sdk';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/server';
import { percent, status } from './format.js';
import { metricsAnswer, metricsText } from './tools/success-metrics.js';

/** How many customers `resources/list` names. */
const MAX_LISTED = 200;

export const summaryUri = (customerId: string): string =>
  `cscx-success://customers/${encodeURIComponent(customerId)}/summary`;

export function registerSummaryResource(server: McpServer, client: SuccessClient): void {
  server.registerResource(
    'customer-success-summary',
    new ResourceTemplate('cscx-success://customers/{customer_id}/summary', {
      list: async () => {
        const resources = [];
        for await (const c of client.listCustomers.all({ limit: 200 })) {
          resources.push({
            uri: summaryUri(c.id),
            name: `${c.name} success summary`,
            mimeType: 'text/markdown',
          });
          if (resources.length >= MAX_LISTED) break;
        }
        return { resources };
      },
    }),
    {
      title: "A customer's success summary",
      description:
        "The customer's headline figures (value delivered, ROI, goals, success score) and each goal's status, as markdown.",
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const customerId = decodeURIComponent(String(variables.customer_id ?? ''));
      const a = metricsAnswer(await client.getCustomerSuccessMetrics({ customerId }));
      const goals = a.goal_list.map(
        (g) =>
          `| ${g.name} | ${status(g.status)} | ${percent(g.achievement_pct)} | ${g.target_date} |`,
      );
      const text = [
        `# ${a.customer.name}: success summary`,
        '',
        metricsText(a),
        '',
        '| Goal | Status | Progress | Target date |',
        '| --- | --- | --- | --- |',
        ...goals,
        '',
      ].join('\n');
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );
}
