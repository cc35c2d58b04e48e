import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';
import { McpServer } from '@modelcontextprotocol/server';
import { registerAppView } from './app/resource.js';
import { registerPrompts } from './prompts.js';
import { registerSummaryResource } from './summary.js';
import { registerAlerts } from './tools/alerts.js';
import { registerCompareSegments } from './tools/compare-segments.js';
import { registerExplainNumber } from './tools/explain-number.js';
import { registerGoalsAtRisk } from './tools/goals-at-risk.js';
import { registerRecordMeasurement } from './tools/record-measurement.js';
import { registerReport } from './tools/report.js';
import { registerShareLinks } from './tools/share-links.js';
import { registerSuccessMetrics } from './tools/success-metrics.js';
import { registerValueDelivered } from './tools/value-delivered.js';
import { registerWebhooks } from './tools/webhooks.js';

/** This package's name and version, as the MCP server introduces itself. */
export const SERVER_INFO = { name: 'cscx-success-mcp', version: '0.1.0' } as const;

/** Where the MCP server gets its data: an SDK client, or what it takes to make one. */
export type SuccessMcpOptions =
  | { readonly client: SuccessClient }
  | {
      /** The API's base URL, such as `http://127.0.0.1:8787`. */
      readonly baseUrl: string;
      /** The caller's bearer token: every answer is scoped by it, exactly as the API is. */
      readonly token: string;
      /** The `fetch` the SDK uses (the reference server passes its own app). */
      readonly fetch?: typeof fetch;
    };

const INSTRUCTIONS = `Answers questions about customer success with the CSCX Success Kit's numbers (the same ones its dashboard shows):
get_success_metrics (one customer's metrics, ROI, goals), list_goals_at_risk (one customer or the whole portfolio, with recommended actions),
value_delivered, compare_segments, explain_number (how a figure is computed), generate_success_report (PDF, PowerPoint or HTML)
and record_measurement (write; not for viewer tokens). Acting on alerts: list_alerts, acknowledge_alert and dismiss_alert (pass the
version list_alerts gave, or leave it out to use the current one). Share with customer: create_share_link (its url is shown once),
list_share_links, revoke_share_link. Webhooks (manager tokens): list_webhooks, create_webhook (its signing secret is shown once),
delete_webhook, list_webhook_deliveries, redeliver_webhook_delivery. A customer is named by id (cus_acme) or name; when a name matches several
customers the tool lists them: ask the user which one. Quote figures as the tools format them.`;

/**
 * A new MCP server whose tools, prompts and resources answer from the CSCX Success API through
 * `@cscx/success-sdk`. It never reads a database: a viewer token sees its one customer, a CSM
 * their portfolio, just as the API scopes them.
 *
 * @example
 * import { createSuccessMcpServer } from '@cscx/success-mcp';
 * import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
 *
 * const server = createSuccessMcpServer({ baseUrl: 'http://127.0.0.1:8787', token: 'demo-csm-token' });
 * await server.connect(new StdioServerTransport());
 */
export function createSuccessMcpServer(options: SuccessMcpOptions): McpServer {
  const client =
    'client' in options
      ? options.client
      : createSuccessClient({
          baseUrl: options.baseUrl,
          token: options.token,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        });
  const server = new McpServer(SERVER_INFO, {
    capabilities: { tools: {}, prompts: {}, resources: {} },
    instructions: INSTRUCTIONS,
  });
  registerSuccessMetrics(server, client);
  registerGoalsAtRisk(server, client);
  registerValueDelivered(server, client);
  registerCompareSegments(server, client);
  registerExplainNumber(server, client);
  registerReport(server, client);
  registerRecordMeasurement(server, client);
  registerAlerts(server, client);
  registerShareLinks(server, client);
  registerWebhooks(server, client);
  registerPrompts(server);
  registerSummaryResource(server, client);
  registerAppView(server);
  return server;
}
