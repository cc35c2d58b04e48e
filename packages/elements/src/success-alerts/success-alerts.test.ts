import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/success-alerts.js';
import '../define/success-provider.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import { pendingClient } from '../testing/clients.js';
import { alertsExample, problems, XSS_PAYLOADS } from '../testing/fixtures.js';
import { deepText, domShape, nextEvent, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { Alert, AlertList } from '../types.js';
import type { SuccessAlerts } from './success-alerts.js';

const api = `${location.origin}/reference-api`;
const q = (el: SuccessAlerts, s: string) => el.shadowRoot!.querySelector(s);
const rows = (el: SuccessAlerts) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="alert"]'),
];
const rowIds = (el: SuccessAlerts) => rows(el).map((r) => r.dataset.alert);
const row = (el: SuccessAlerts, id: string) => q(el, `[data-alert="${id}"]`) as HTMLElement | null;
const button = (el: SuccessAlerts, id: string, action: 'acknowledge' | 'dismiss') =>
  q(el, `[data-alert="${id}"] [data-action="${action}"]`) as HTMLButtonElement | null;
const live = (el: SuccessAlerts) => (q(el, '[role="status"][aria-live]')?.textContent ?? '').trim();

async function shown(list: AlertList, attrs: { theme?: string; locale?: string } = {}) {
  const el = await fixture<SuccessAlerts>(
    html`<success-alerts .data=${list} theme=${attrs.theme ?? 'light'} locale=${attrs.locale ?? 'en-US'}></success-alerts>`,
  );
  await el.updateComplete;
  return el;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      'x-request-id': 'req_test',
    },
  });

/**
 * A client answering listAlerts from a script: `data` (the example), `fail` (a 500 problem),
 * and the state changes from `writes` (a status, or the alert as changed), in order.
 */
function scriptedClient(
  lists: ('data' | 'fail')[],
  writes: (number | 'ok')[] = [],
): SuccessClient & { calls: string[] } {
  const calls: string[] = [];
  const client = createSuccessClient({
    baseUrl: location.origin,
    token: 'test',
    retries: 0,
    fetch: async (input) => {
      const req = input as Request;
      const url = new URL(req.url);
      calls.push(`${req.method} ${url.pathname} ${req.headers.get('if-match') ?? ''}`.trim());
      if (req.method === 'GET') {
        const next = lists.shift() ?? 'data';
        return next === 'fail' ? json(500, problems().internal) : json(200, alertsExample());
      }
      const w = writes.shift() ?? 'ok';
      const id = url.pathname.split('/')[3]!;
      if (typeof w === 'number') {
        const p =
          w === 412
            ? {
                ...problems().internal,
                status: 412,
                title: 'Version mismatch',
                type: '/problems/version-mismatch',
              }
            : {
                ...problems().internal,
                status: w,
                title: w === 403 ? 'Forbidden' : 'Not found',
                type: w === 403 ? '/problems/forbidden' : '/problems/not-found',
              };
        return json(w, p);
      }
      const a = alertsExample().items.find((x) => x.id === id)!;
      const dismiss = url.pathname.endsWith('/dismiss');
      const changed: Alert = dismiss
        ? {
            ...a,
            state: 'dismissed',
            dismissed_at: '2026-04-30T10:00:00Z',
            dismissed_by: 'csm_riley',
            version: a.version + 1,
          }
        : {
            ...a,
            state: 'acknowledged',
            acknowledged_at: '2026-04-30T10:00:00Z',
            acknowledged_by: 'csm_riley',
            version: a.version + 1,
          };
      return json(200, changed);
    },
  });
  return Object.assign(client, { calls });
}

async function inProvider(client: SuccessClient, attrs = '') {
  const p = await fixture<SuccessProvider>(
    html`<success-provider .client=${client}><success-alerts customer-id="cus_acme" ?readonly=${attrs === 'readonly'}></success-alerts></success-provider>`,
  );
  const el = p.querySelector('success-alerts')!;
  await until(() => rows(el).length > 0 || deepText(el).includes('Internal server error'), 'shown');
  await el.updateComplete;
  return el;
}

describe('<success-alerts>', () => {
  describe('given .data (no network)', () => {
    it('lists the alerts newest first: kind in words, title, cause and when, with no buttons', async () => {
      const el = await shown(alertsExample());
      expect(rowIds(el)).to.deep.equal(['alt_acme_0003', 'alt_acme_0002', 'alt_acme_0001']);
      const first = rows(el)[0]!.textContent!.replace(/\s+/g, ' ');
      expect(first).to.include('Health critical');
      expect(first).to.include('Health critical: Acme Corp');
      expect(first).to.include('entered critical (below 50)');
      expect(first).to.include('Raised Apr 30, 2026');
      expect(rows(el)[0]!.querySelector('.status.danger')).to.exist;
      expect(rows(el)[2]!.querySelector('.status.success')).to.exist;
      expect(q(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says who acknowledged an alert and when', async () => {
      const el = await shown(alertsExample());
      expect(row(el, 'alt_acme_0002')!.textContent).to.include(
        'Acknowledged by csm_riley, Apr 29, 2026',
      );
      expect(row(el, 'alt_acme_0001')!.textContent).not.to.include('Acknowledged');
    });

    it('leaves dismissed alerts out', async () => {
      const list = alertsExample();
      list.items[1] = { ...list.items[1]!, state: 'dismissed' };
      const el = await shown(list);
      expect(rowIds(el)).to.deep.equal(['alt_acme_0003', 'alt_acme_0001']);
    });

    it('says so when there is nothing to act on', async () => {
      const el = await shown({ ...alertsExample(), items: [] });
      expect(deepText(el)).to.include('No alerts to act on.');
      expect(q(el, '[part="list"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says when older alerts are not listed (partial)', async () => {
      const el = await shown({ ...alertsExample(), next_cursor: 'next' });
      expect(deepText(el)).to.include('Showing the 3 newest alerts; older ones are not listed.');
      await expect(el).to.be.accessible();
    });

    it("renders titles, causes and customers' names full of markup as text only", async () => {
      const withText = (text: string) => {
        const list = alertsExample();
        list.items[0] = { ...list.items[0]!, title: text, cause: text, customer_name: text };
        return list;
      };
      const base = domShape(await shown(withText('plain')));
      for (const payload of XSS_PAYLOADS) {
        const el = await shown(withText(payload));
        expect(deepText(el)).to.include(payload);
        expect(domShape(el)).to.deep.equal(base);
      }
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });

    it('speaks the locale: words and dates', async () => {
      const el = await shown(alertsExample(), { locale: 'de-DE' });
      await until(() => deepText(el).includes('Warnungen'), 'German');
      expect(deepText(el)).to.include('Ziel gefährdet').and.include('30.04.2026');
    });

    it('has no axe violation in the dark theme', async () => {
      const el = await shown(alertsExample(), { theme: 'dark' });
      await expect(el).to.be.accessible();
    });
  });

  describe('inside a provider', () => {
    it('shows a skeleton while loading', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}><success-alerts customer-id="cus_acme"></success-alerts></success-provider>`,
      );
      const el = p.querySelector('success-alerts')!;
      await el.updateComplete;
      expect(q(el, '[role="status"]')).to.exist;
      expect(deepText(el)).to.include('Loading alerts');
      await expect(el).to.be.accessible();
    });

    it('shows the problem title with Retry, and Retry loads the alerts', async () => {
      const el = await inProvider(scriptedClient(['fail', 'data']));
      expect(q(el, '[role="alert"]')).to.exist;
      expect(deepText(el)).to.include('Internal server error');
      await expect(el).to.be.accessible();
      (q(el, '[role="alert"] button') as HTMLButtonElement).click();
      await until(() => rows(el).length === 3, 'alerts after retry');
    });

    it('keeps the alerts on screen, marked stale with Retry, when a refresh fails', async () => {
      const el = await inProvider(scriptedClient(['data', 'fail']));
      await el.refresh();
      await el.updateComplete;
      expect(deepText(el)).to.include('Showing earlier data. The latest refresh failed.');
      expect(rows(el)).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('refreshes quietly (no banner) after a goal editor on the page saves', async () => {
      const client = scriptedClient(['data', 'data']);
      const el = await inProvider(client);
      document.body.dispatchEvent(
        new CustomEvent('success-measurement-recorded', { bubbles: true, composed: true }),
      );
      await el.updateComplete;
      expect(deepText(el)).not.to.include('Showing earlier data');
      await until(() => client.calls.filter((c) => c.startsWith('GET')).length === 2, 'refetched');
    });

    it('offers Acknowledge and Dismiss, sends If-Match with the version, and announces the change', async () => {
      const client = scriptedClient(['data']);
      const el = await inProvider(client);
      expect(button(el, 'alt_acme_0002', 'acknowledge')).to.equal(null);
      expect(button(el, 'alt_acme_0002', 'dismiss')).to.exist;
      const ack = button(el, 'alt_acme_0001', 'acknowledge')!;
      expect(ack.getAttribute('aria-label')).to.equal(
        'Acknowledge: Goal achieved: Reduce ticket time',
      );
      await expect(el).to.be.accessible();
      const event = nextEvent(el, 'success-alert-acknowledged');
      ack.focus();
      await sendKeys({ press: 'Enter' });
      expect((await event).detail.alert.state).to.equal('acknowledged');
      await until(() => live(el).includes('Alert acknowledged'), 'announced');
      expect(client.calls).to.include('POST /api/alerts/alt_acme_0001/acknowledge "1"');
      expect(row(el, 'alt_acme_0001')!.textContent).to.include('Acknowledged by csm_riley');
      expect(button(el, 'alt_acme_0001', 'acknowledge')).to.equal(null);
      // The focus stays in the row: on its one button left.
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'alt_acme_0001', 'dismiss'));
    });

    it('removes a dismissed alert and moves the focus to the next one, then to the list when none is left', async () => {
      const el = await inProvider(scriptedClient(['data']));
      button(el, 'alt_acme_0003', 'dismiss')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => row(el, 'alt_acme_0003') === null, 'row gone');
      expect(live(el)).to.equal('Alert dismissed: Health critical: Acme Corp');
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'alt_acme_0002', 'dismiss'));
      for (const id of ['alt_acme_0002', 'alt_acme_0001']) {
        await sendKeys({ press: 'Enter' });
        await until(() => row(el, id) === null, `${id} gone`);
        // The last row's Dismiss, or the next row's first button.
        if (id === 'alt_acme_0002') button(el, 'alt_acme_0001', 'dismiss')!.focus();
      }
      expect(deepText(el)).to.include('No alerts to act on.');
      expect(el.shadowRoot!.activeElement?.classList.contains('empty-focus')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('on 412 changes nothing, says so and reloads the list', async () => {
      const client = scriptedClient(['data', 'data'], [412]);
      const el = await inProvider(client);
      button(el, 'alt_acme_0001', 'dismiss')!.click();
      await until(() => deepText(el).includes('This alert changed since it was loaded'), 'note');
      await until(() => client.calls.filter((c) => c.startsWith('GET')).length === 2, 'reloaded');
      expect(row(el, 'alt_acme_0001')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('on 403 hides the buttons: the token is read-only', async () => {
      const el = await inProvider(scriptedClient(['data'], [403]));
      button(el, 'alt_acme_0001', 'acknowledge')!.click();
      await until(() => deepText(el).includes('This token is read-only'), 'note');
      expect(q(el, '[part="actions"]')).to.equal(null);
    });

    it('shows no buttons with the readonly attribute', async () => {
      const el = await inProvider(scriptedClient(['data']), 'readonly');
      expect(rows(el)).to.have.length(3);
      expect(q(el, 'button')).to.equal(null);
    });
  });

  describe('against the reference server', () => {
    const sdk = (token: string) => createSuccessClient({ baseUrl: api, token });

    it('acknowledges then dismisses an alert of Acme: the server keeps it, the list drops it', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-csm-token"><success-alerts customer-id="cus_acme"></success-alerts></success-provider>`,
      );
      const el = p.querySelector('success-alerts')!;
      await until(() => q(el, '[data-action="acknowledge"]') !== null, 'alerts shown', 20_000);
      await expect(el).to.be.accessible();
      const first = q(el, '[data-action="acknowledge"]')!.closest<HTMLElement>('[part="alert"]')!;
      const id = first.dataset.alert!;
      button(el, id, 'acknowledge')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => button(el, id, 'acknowledge') === null, 'acknowledged', 10_000);
      expect(row(el, id)!.textContent).to.include('Acknowledged by csm_riley');
      const after = await sdk('demo-csm-token').listAlerts({
        customer_id: 'cus_acme',
        state: 'acknowledged',
        limit: 500,
      });
      expect(after.items.find((a) => a.id === id)).to.include({
        state: 'acknowledged',
        version: 2,
      });

      expect(el.shadowRoot!.activeElement).to.equal(button(el, id, 'dismiss'));
      await sendKeys({ press: 'Enter' });
      await until(() => row(el, id) === null, 'dismissed', 10_000);
      expect(live(el)).to.match(/^Alert dismissed: /);
      const dismissed = await sdk('demo-csm-token').listAlerts({
        customer_id: 'cus_acme',
        state: 'dismissed',
        limit: 500,
      });
      expect(dismissed.items.map((a) => a.id)).to.include(id);
      // A reload agrees: it is off the list.
      await el.refresh();
      expect(row(el, id)).to.equal(null);
    });

    it('shows the viewer no buttons: its token may not change alerts', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-viewer-token"><success-alerts customer-id="cus_acme"></success-alerts></success-provider>`,
      );
      const el = p.querySelector('success-alerts')!;
      await until(() => rows(el).length > 0, 'alerts shown', 20_000);
      expect(q(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lists the portfolio without customer-id, naming each customer by its name', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-manager-token"><success-alerts></success-alerts></success-provider>`,
      );
      const el = p.querySelector('success-alerts')!;
      await until(() => rows(el).length > 0, 'alerts shown', 20_000);
      const client = sdk('demo-manager-token');
      const names = new Map<string, string>();
      for (const r of rows(el).slice(0, 5)) {
        const alert = await client.listAlerts({ limit: 500 });
        const a = alert.items.find((x) => x.id === r.dataset.alert)!;
        if (!names.has(a.customer_id))
          names.set(a.customer_id, (await client.getCustomer({ customerId: a.customer_id })).name);
        const line = r.querySelector('.customer')!.textContent!.trim();
        expect(line).to.equal(`Customer: ${names.get(a.customer_id)}`);
        expect(line).not.to.include(a.customer_id);
      }
      await expect(el).to.be.accessible();
    });

    it('answers 412 for an alert changed elsewhere: nothing changes and the list shows it as it is', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-csm-token"><success-alerts customer-id="cus_acme"></success-alerts></success-provider>`,
      );
      const el = p.querySelector('success-alerts')!;
      await until(() => q(el, '[data-action="acknowledge"]') !== null, 'alerts shown', 20_000);
      const id = q(el, '[data-action="acknowledge"]')!.closest<HTMLElement>('[part="alert"]')!
        .dataset.alert!;
      // Someone else acknowledges it meanwhile.
      await sdk('demo-manager-token').acknowledgeAlert({ alertId: id, ifMatch: 1 });
      button(el, id, 'dismiss')!.click();
      await until(
        () => deepText(el).includes('This alert changed since it was loaded'),
        'note',
        10_000,
      );
      await until(() => button(el, id, 'acknowledge') === null, 'reloaded as acknowledged', 10_000);
      expect(row(el, id)).to.exist;
    });
  });
});
