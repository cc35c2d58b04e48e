// The MCP App as a host runs it: the ui:// resource read through the official MCP client from
// the reference server's /mcp, loaded into a sandboxed iframe of a small host page in Chromium
// under the CSP the resource declares, and sent the get_success_metrics result for Acme over
// postMessage after the ui/initialize handshake. It must show Acme's dashboard with the API's
// figures, make no request and break no CSP rule.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatMoney, formatMultiplier } from '@cscx/success-calc';
import { createSuccessClient } from '@cscx/success-sdk';
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../scripts/chromium.mjs';
import { type TestApp, TOKENS, testApp } from '../../../server/src/testing/harness.js';
import { type Listening, listen } from '../../../server/src/testing/listen.js';
import { type Connected, connect } from '../testing/connect.js';
import { APP_DATA_KEY, APP_URI } from './data.js';

const MIME = 'text/html;profile=mcp-app';

interface Csp {
  readonly connectDomains?: readonly string[];
  readonly resourceDomains?: readonly string[];
  readonly frameDomains?: readonly string[];
}

/** The CSP a host puts on the app's frame from its declared `_meta.ui.csp` (SEP-1865's rule). */
function hostCsp(csp: Csp): string {
  const res = (csp.resourceDomains ?? []).join(' ');
  const connect = csp.connectDomains?.length ? csp.connectDomains.join(' ') : "'none'";
  const frames = csp.frameDomains?.length ? csp.frameDomains.join(' ') : "'none'";
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline' ${res}`,
    `style-src 'self' 'unsafe-inline' ${res}`,
    `img-src 'self' data: ${res}`,
    `font-src 'self' ${res}`,
    `media-src 'self' data: ${res}`,
    `connect-src ${connect}`,
    `frame-src ${frames}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

// The host page: iframes the app (sandboxed: an opaque origin, as hosts do), answers its
// ui/initialize request, and on ui/notifications/initialized sends the tool input and result.
const hostPage = (
  result: unknown,
  args: unknown,
) => `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
<iframe id="app" sandbox="allow-scripts" src="/app.html" style="width:1000px;height:1400px;border:0"></iframe>
<script>
const result = ${JSON.stringify(result).replace(/</g, '\\u003c')};
const args = ${JSON.stringify(args)};
window.seen = []; window.violations = []; window.messages = [];
const frame = document.getElementById('app');
const post = (m) => frame.contentWindow.postMessage({ jsonrpc: '2.0', ...m }, '*');
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow) return;
  const m = e.data;
  if (m && m.cspViolation) { window.violations.push(m.cspViolation); return; }
  if (!m || m.jsonrpc !== '2.0') return;
  window.seen.push(m.method ?? 'response');
  if (m.method === 'ui/initialize') {
    post({ id: m.id, result: {
      protocolVersion: m.params.protocolVersion,
      hostInfo: { name: 'cscx-test-host', version: '0.0.0' },
      hostCapabilities: {},
      hostContext: { theme: 'light', displayMode: 'inline', locale: 'en-US' },
    } });
  } else if (m.method === 'ui/notifications/initialized') {
    post({ method: 'ui/notifications/tool-input', params: { arguments: args } });
    post({ method: 'ui/notifications/tool-result', params: result });
  } else if (m.method === 'ui/message') {
    window.messages.push(m.params.content.map((c) => c.text).join(''));
    post({ id: m.id, result: {} });
  } else if (m.id !== undefined && m.method) {
    post({ id: m.id, result: {} });
  }
});
</script></body></html>`;

// Test instrumentation only: the app's frame reports CSP violations to the host page.
const REPORTER = `<script>addEventListener('securitypolicyviolation', (e) => parent.postMessage({ cspViolation: e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.lineNumber + ':' + e.columnNumber }, '*'));</script>`;

let t: TestApp;
let api: Listening;
let mcp: Connected;
let client: Client;

beforeAll(async () => {
  t = await testApp('pglite');
  api = await listen(t.app, { timeouts: { keepAliveTimeout: 60_000 } });
  mcp = await connect('http', api.url, TOKENS.csm);
  client = mcp.client;
}, 180_000);
afterAll(async () => {
  await mcp?.close();
  await api?.close();
  await t?.t.cleanup();
});

describe('the MCP App', () => {
  it('is linked from get_success_metrics and list_goals_at_risk', async () => {
    const { tools } = await client.listTools();
    const linked = tools
      .filter((x) => (x._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri === APP_URI)
      .map((x) => x.name)
      .sort();
    expect(linked).toEqual(['get_success_metrics', 'list_goals_at_risk']);
    const { resources } = await client.listResources();
    expect(resources.find((r) => r.uri === APP_URI)?.mimeType).toBe(MIME);
  });

  it("gives the app one customer's API body, and keeps the text answer for other hosts", async () => {
    const one = await client.callTool({
      name: 'list_goals_at_risk',
      arguments: { customer: 'cus_acme' },
    });
    const data = one._meta?.[APP_DATA_KEY] as
      | { metrics: { customer: { id: string }; goals: unknown[] } }
      | undefined;
    expect(data?.metrics.customer.id).toBe('cus_acme');
    expect(data?.metrics.goals.length).toBeGreaterThan(0);
    expect(JSON.stringify(one.content)).toMatch(/at risk for Acme Corp/);
    // The portfolio has no one customer's dashboard: text and structured content only.
    const all = await client.callTool({ name: 'list_goals_at_risk', arguments: {} });
    expect(all._meta?.[APP_DATA_KEY]).toBeUndefined();
    expect(JSON.stringify(all.content)).toMatch(/across your customers/);
  });

  it("renders Acme's dashboard in Chromium from a posted tool result, with no CSP violation", async () => {
    const read = await client.readResource({ uri: APP_URI });
    const content = read.contents[0] as {
      uri: string;
      mimeType?: string;
      text?: string;
      _meta?: { ui?: { csp?: Csp } };
    };
    expect(content.mimeType).toBe(MIME);
    const csp = content._meta?.ui?.csp;
    expect(csp).toBeDefined();
    const html = content.text ?? '';
    expect(html).toMatch(/^<!doctype html>/i);

    const args = { customer: 'Acme Corp' };
    const result = await client.callTool({ name: 'get_success_metrics', arguments: args });
    expect(result.isError).toBeFalsy();
    // A host without MCP Apps still has its answer in text.
    expect(JSON.stringify(result.content)).toContain('$285K value delivered');
    expect(result._meta?.[APP_DATA_KEY]).toBeDefined();

    const { metrics } = await createSuccessClient({
      baseUrl: api.url,
      token: TOKENS.csm,
      retries: 0,
    }).getCustomerSuccessMetrics({ customerId: 'cus_acme' });
    const total = formatMoney(metrics.value_delivered.total_value, 'USD', { compact: true });
    const roi = formatMultiplier(metrics.value_delivered.roi_multiplier);
    expect([total, roi]).toEqual(['$285K', '4.2x']);

    const requests: string[] = [];
    const host: Server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(result, args));
      } else if (req.url === '/app.html') {
        res
          .writeHead(200, {
            'content-type': 'text/html',
            'content-security-policy': hostCsp(csp ?? {}),
          })
          .end(html.replace('<head>', `<head>${REPORTER}`));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
    try {
      chromium = await launchChromium('cscx-mcp-app');
      const page = await chromium.browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      await page.goto(url, { waitUntil: 'load' });
      const frame = await (await page.waitForSelector('iframe#app'))?.contentFrame();
      if (!frame) throw new Error('no app frame');
      // The text a reader sees in the app, shadow roots included.
      const shown = await frame
        .waitForFunction(
          (want: string[]) => {
            const text = (n: Node): string => {
              if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
              const el = n as Element;
              const own = [...n.childNodes].map(text).join(' ');
              return el.shadowRoot ? `${text(el.shadowRoot)} ${own}` : own;
            };
            const all = text(document.body).replace(/\s+/g, ' ');
            return want.every((w) => all.includes(w)) ? all : '';
          },
          { timeout: 20_000 },
          [total, roi, 'Acme Corp'],
        )
        .then((h) => h.jsonValue());
      expect(shown).toContain(total);
      expect(shown).toContain(roi);
      expect(await frame.evaluate(() => document.querySelector('success-overview') !== null)).toBe(
        true,
      );
      // Generate report (no API access in the view) becomes a message to the conversation.
      await frame.evaluate(() => {
        const button = document
          .querySelector('success-overview')
          ?.shadowRoot?.querySelector<HTMLElement>('[part~="generate-report"]');
        button?.click();
      });
      await page.waitForFunction(
        () =>
          (window as unknown as { messages: string[] }).messages.some((m) =>
            m.includes('cus_acme'),
          ),
        { timeout: 10_000 },
      );
      const messages = await page.evaluate(
        () => (window as unknown as { messages: string[] }).messages,
      );
      expect(messages).toEqual([
        'Generate a PDF success report for customer cus_acme (generate_success_report).',
      ]);
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen.slice(0, 2)).toEqual(['ui/initialize', 'ui/notifications/initialized']);
      const violations = await page.evaluate(
        () => (window as unknown as { violations: string[] }).violations,
      );
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
      // The app loaded nothing itself: the host page and the app's one HTML file.
      expect(requests).toEqual(['/', '/app.html']);
    } finally {
      await chromium?.close();
      await new Promise<void>((ok) => host.close(() => ok()));
    }
  }, 120_000);
});
