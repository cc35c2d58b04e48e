// The MCP App's view (runs in the host's sandboxed iframe): it connects to the host with the
// official ext-apps App (the ui/initialize handshake over postMessage), and renders each tool
// result it is sent as <success-overview> in property mode, so it makes no request of its own.
// First: it configures zod before the MCP SDK's modules build their schemas.
import { ZOD_CONFIG } from './jitless.js';
import '@cscx/success-elements/define/success-overview.js';
import { App } from '@modelcontextprotocol/ext-apps';
import { APP_DATA_KEY, type AppData } from './data.js';

interface ToolResultLike {
  readonly isError?: boolean | undefined;
  readonly content?: readonly { readonly type: string; readonly text?: string | undefined }[];
  readonly _meta?: Record<string, unknown> | undefined;
}

if (!ZOD_CONFIG.jitless) throw new Error('zod must be jitless under the CSP');

const root = document.getElementById('app') as HTMLElement;

function showText(text: string, role: 'status' | 'alert' = 'status'): void {
  const p = document.createElement('p');
  p.className = 'message';
  p.setAttribute('role', role);
  p.textContent = text;
  root.replaceChildren(p);
}

function show(result: ToolResultLike): void {
  const text = (result.content ?? [])
    .map((c) => (c.type === 'text' ? (c.text ?? '') : ''))
    .join('\n');
  const data = result._meta?.[APP_DATA_KEY] as AppData | undefined;
  if (result.isError) showText(text || 'The tool call failed.', 'alert');
  // The portfolio's goals at risk (no one customer) stay text.
  else if (!data?.metrics) showText(text || 'Nothing to show.');
  else showOverview(data.metrics);
}

function showOverview(metrics: AppData['metrics']): void {
  const overview = document.createElement('success-overview');
  overview.data = metrics;
  root.replaceChildren(overview);
}

const app = new App({ name: 'cscx-success-overview', version: '0.1.0' });
app.ontoolresult = (result) => show(result);

// The view has no API access (no provider, no network): Generate report asks the conversation,
// whose model answers with generate_success_report and its link.
root.addEventListener('success-generate-report', (e) => {
  e.preventDefault();
  const { customerId, format } = e.detail;
  const text = `Generate a ${format.toUpperCase()} success report for customer ${customerId} (generate_success_report).`;
  app.sendMessage({ role: 'user', content: [{ type: 'text', text }] }).catch(() => {
    showText(
      'This host cannot take a message from the dashboard: ask for the report in the chat.',
      'alert',
    );
  });
});
showText('Waiting for the tool result…');
app.connect().catch((error: unknown) => {
  showText(
    `Could not connect to the host: ${error instanceof Error ? error.message : String(error)}`,
    'alert',
  );
});
