// The MCP App's ui:// resource: one HTML page that renders <success-overview> from a tool result.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { RESOURCE_MIME_TYPE, registerAppResource } from '@modelcontextprotocol/ext-apps/server';
import type { McpServer } from '@modelcontextprotocol/server';
import { APP_URI } from './data.js';

// Kept in step with build.ts's BUILT_NAME (not imported: build.ts needs esbuild, a dev tool).
const BUILT = new URL('./success-overview-app.html', import.meta.url);

let html: Promise<string> | undefined;

/** The app's HTML: the built file in dist/, or (in a clone, from source) built on first read. */
export function appHtml(): Promise<string> {
  html ??= readFile(BUILT, 'utf8').catch(async () => {
    // A variable specifier, so the package's bundler leaves the dev-only builder out of dist.
    const builder = './build.js';
    const { buildAppHtml } = (await import(builder).catch(() => {
      throw new Error(
        `The MCP App's HTML is missing (${fileURLToPath(BUILT)}): this install of @cscx/success-mcp is incomplete.`,
      );
    })) as typeof import('./build.js');
    return buildAppHtml();
  });
  // A failed read or build is not remembered: the next read tries again.
  html.catch(() => {
    html = undefined;
  });
  return html;
}

export function registerAppView(server: McpServer): void {
  registerAppResource(
    server,
    'success-overview-app',
    APP_URI,
    {
      title: 'Customer success dashboard',
      description:
        "An MCP App: the customer's success dashboard (<success-overview>) drawn from get_success_metrics and list_goals_at_risk results.",
      mimeType: RESOURCE_MIME_TYPE,
    },
    async () => ({
      contents: [
        {
          uri: APP_URI,
          mimeType: RESOURCE_MIME_TYPE,
          text: await appHtml(),
          // Everything is inline and the data arrives by postMessage: no origin is needed.
          _meta: {
            ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true },
          },
        },
      ],
    }),
  );
}
