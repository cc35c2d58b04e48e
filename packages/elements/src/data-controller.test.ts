import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { apiErrorStatus, DataController, describeError } from './data-controller.js';
import './define/success-provider.js';
import type { SuccessProvider } from './provider/success-provider.js';
import { acmeMetrics } from './testing/fixtures.js';
import { until } from './testing/helpers.js';
import { describe, it } from './testing/mocha.js';
import type { CustomerSuccessMetrics } from './types.js';

/** A minimal data element: what every real element does with the controller. */
class ProbeElement extends LitElement {
  @property({ attribute: 'customer-id' }) accessor customerId: string | undefined;
  @property({ attribute: false }) accessor data: CustomerSuccessMetrics | undefined;
  fetches: string[] = [];
  signals: AbortSignal[] = [];
  readonly metrics = new DataController(this, {
    data: () => this.data,
    key: () => this.customerId,
    fetch: (client, customerId, signal) => {
      this.fetches.push(customerId);
      this.signals.push(signal);
      return client.getCustomerSuccessMetrics({ customerId }, { signal });
    },
  });
  override render() {
    const m = this.metrics;
    return litHtml`<p>${m.status}${m.stale ? ' stale' : ''}:${m.value?.customer.name ?? ''}</p>`;
  }
}
customElements.define('probe-data-element', ProbeElement);

/** A client whose calls wait until the test releases them. */
function gatedClient(): { client: SuccessClient; release: () => void; calls: AbortSignal[] } {
  const calls: AbortSignal[] = [];
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const client = createSuccessClient({
    baseUrl: location.origin,
    token: 't',
    fetch: async (input) => {
      const request = input as Request;
      calls.push(request.signal);
      await gate;
      return fetch(request);
    },
  });
  return { client, release, calls };
}

const text = (el: ProbeElement) => el.shadowRoot!.querySelector('p')!.textContent;

describe('DataController', () => {
  it('shows property data without a provider or any request', async () => {
    const el = await fixture<ProbeElement>(
      html`<probe-data-element .data=${acmeMetrics()}></probe-data-element>`,
    );
    expect(text(el)).to.equal('complete:Acme Corp');
    expect(el.fetches).to.deep.equal([]);
  });

  it('stays idle with an id but no provider', async () => {
    const el = await fixture<ProbeElement>(
      html`<probe-data-element customer-id="cus_acme"></probe-data-element>`,
    );
    expect(text(el)).to.equal('idle:');
  });

  it('fetches by id through the provider client and completes', async () => {
    const provider = await fixture<SuccessProvider>(html`<success-provider token="t">
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.metrics.status === 'complete', 'fetch completes');
    await el.updateComplete;
    expect(text(el)).to.equal('complete:Acme Corp');
    expect(el.fetches).to.deep.equal(['cus_acme']);
  });

  it('prefers property data over fetching when both are given', async () => {
    const provider = await fixture<SuccessProvider>(html`<success-provider token="t">
      <probe-data-element customer-id="cus_acme" .data=${acmeMetrics()}></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await el.updateComplete;
    expect(el.fetches).to.deep.equal([]);
    expect(text(el)).to.equal('complete:Acme Corp');
  });

  it('aborts the running fetch when the id changes and shows only the new customer', async () => {
    const gated = gatedClient();
    const provider = await fixture<SuccessProvider>(html`<success-provider .client=${gated.client}>
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.signals.length === 1, 'first fetch starts');
    el.customerId = 'cus_other';
    await el.updateComplete;
    expect(el.signals[0]!.aborted).to.equal(true);
    expect(el.signals[1]!.aborted).to.equal(false);
    expect(text(el)).to.equal('pending:');
    gated.release();
    await el.metrics.settled;
    await el.updateComplete;
    expect(text(el)).to.equal('complete:Acme Corp');
  });

  it('aborts on disconnect and fetches again on reconnect', async () => {
    const gated = gatedClient();
    const provider = await fixture<SuccessProvider>(html`<success-provider .client=${gated.client}>
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.signals.length === 1, 'first fetch starts');
    el.remove();
    expect(el.signals[0]!.aborted).to.equal(true);
    provider.append(el);
    await until(() => el.signals.length === 2, 'refetch after reconnect');
    gated.release();
    await until(() => el.metrics.status === 'complete', 'second fetch completes');
  });

  it('keeps the value on screen, marked stale, while refresh() runs', async () => {
    const provider = await fixture<SuccessProvider>(html`<success-provider token="t">
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.metrics.status === 'complete', 'first fetch');
    const done = el.metrics.refresh();
    await el.updateComplete;
    expect(text(el)).to.equal('pending stale:Acme Corp');
    await done;
    await el.updateComplete;
    expect(text(el)).to.equal('complete:Acme Corp');
    expect(el.fetches).to.have.length(2);
  });

  it('keeps the value on screen, marked stale with the error, when refresh() fails', async () => {
    let calls = 0;
    const client = createSuccessClient({
      baseUrl: location.origin,
      token: 't',
      // The first call reaches the reference server; every later one fails as a 503 would.
      fetch: async (input) =>
        ++calls === 1
          ? fetch(input as Request)
          : new Response(
              JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503 }),
              {
                status: 503,
                headers: { 'content-type': 'application/problem+json' },
              },
            ),
    });
    const provider = await fixture<SuccessProvider>(html`<success-provider .client=${client}>
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.metrics.status === 'complete', 'first fetch');
    await el.metrics.refresh();
    await el.updateComplete;
    expect(text(el)).to.equal('error stale:Acme Corp');
    expect(describeError(el.metrics.error).title).to.equal('Unavailable');
  });

  it('aborts a running fetch when property data arrives, and fetches again when it is cleared', async () => {
    const gated = gatedClient();
    const provider = await fixture<SuccessProvider>(html`<success-provider .client=${gated.client}>
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.signals.length === 1, 'first fetch starts');
    const data = acmeMetrics();
    data.customer.name = 'Given as a property';
    el.data = data;
    await el.updateComplete;
    expect(el.signals[0]!.aborted).to.equal(true);
    expect(text(el)).to.equal('complete:Given as a property');
    el.data = undefined;
    await el.updateComplete;
    expect(el.signals).to.have.length(2);
    expect(text(el)).to.equal('pending:');
    gated.release();
    await until(() => el.metrics.status === 'complete', 'fetch after the property is cleared');
  });

  it('refetches when the provider token changes (a new client)', async () => {
    const provider = await fixture<SuccessProvider>(html`<success-provider token="a">
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.metrics.status === 'complete', 'first fetch');
    provider.token = 'b';
    await until(() => el.fetches.length === 2 && el.metrics.status === 'complete', 'refetch');
  });

  it('reports a failure as the problem title and a bubbling, composed success-error', async () => {
    const provider = await fixture<SuccessProvider>(html`<success-provider token="t">
      <probe-data-element customer-id="cus_missing"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    const seen: CustomEvent[] = [];
    document.addEventListener('success-error', (e) => seen.push(e), { once: true });
    await until(() => el.metrics.status === 'error', 'error');
    expect(describeError(el.metrics.error)).to.include({ title: 'Not found', status: 404 });
    expect(apiErrorStatus(el.metrics.error)).to.equal(404);
    expect(seen).to.have.length(1);
    expect(seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
    expect(seen[0]!.detail.title).to.equal('Not found');
  });

  it('sends no token when the provider has none, and the API says Unauthorized', async () => {
    const provider = await fixture<SuccessProvider>(html`<success-provider>
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.metrics.status === 'error', 'error');
    expect(describeError(el.metrics.error).title).to.equal('Unauthorized');
  });

  it('uses getToken for every request when given', async () => {
    let asked = 0;
    const getToken = () => {
      asked++;
      return 'short-lived';
    };
    const provider = await fixture<SuccessProvider>(html`<success-provider .getToken=${getToken}>
      <probe-data-element customer-id="cus_acme"></probe-data-element>
    </success-provider>`);
    const el = provider.querySelector<ProbeElement>('probe-data-element')!;
    await until(() => el.metrics.status === 'complete', 'fetch');
    expect(asked).to.equal(1);
  });
});

describe('apiErrorStatus', () => {
  it("reads the status of the SDK's API errors by name, without importing the SDK", () => {
    expect(apiErrorStatus({ name: 'SuccessApiError', status: 412 })).to.equal(412);
    expect(apiErrorStatus({ name: 'NetworkError', status: 412 })).to.equal(undefined);
    expect(apiErrorStatus({ name: 'SuccessApiError', status: '412' })).to.equal(undefined);
    expect(apiErrorStatus(new Error('boom'))).to.equal(undefined);
    expect(apiErrorStatus(null)).to.equal(undefined);
    expect(apiErrorStatus(undefined)).to.equal(undefined);
  });
});
