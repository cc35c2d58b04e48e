// No static import of @cscx/success-sdk in this file (nor in what it imports): the first test
// checks that the SDK arrives only with the first request.
import { expect, fixture, html } from '@open-wc/testing';
import '../define/success-provider.js';
import '../define/success-score.js';
import type { SuccessScore } from '../success-score/success-score.js';
import { acmeMetrics, scoreExample } from '../testing/fixtures.js';
import { deepText, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import { lazyClient } from './lazy-client.js';
import type { SuccessProvider } from './success-provider.js';

const sdkLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((e) => e.name.includes('/packages/sdk/src/client.ts'));

describe('<success-provider>', () => {
  it('loads the SDK only with the first request, never for property data', async () => {
    const p = await fixture<SuccessProvider>(
      html`<success-provider token="t"><success-score .score=${scoreExample()}></success-score></success-provider>`,
    );
    await p.querySelector('success-score')!.updateComplete;
    expect(sdkLoaded()).to.equal(false);
    const el = document.createElement('success-score');
    el.customerId = 'cus_acme';
    p.append(el);
    await until(() => deepText(el).includes('91/100'), 'score fetched');
    expect(sdkLoaded()).to.equal(true);
  });

  it('renders only its children: no box of its own', async () => {
    const p = await fixture<SuccessProvider>(
      html`<success-provider><p>child</p></success-provider>`,
    );
    expect(getComputedStyle(p).display).to.equal('contents');
    expect(p.shadowRoot!.querySelector('slot')).to.exist;
  });

  it('uses a client set by the host instead of its own, and goes back to its own', async () => {
    const calls: string[] = [];
    const hostClient = {
      getCustomerSuccessMetrics: async ({ customerId }: { customerId: string }) => {
        calls.push(customerId);
        const m = acmeMetrics();
        m.metrics.success_score = { score: 42, band: 'weak', note: null };
        return m;
      },
    };
    const p = await fixture<SuccessProvider>(
      html`<success-provider token="t"><success-score customer-id="cus_acme"></success-score></success-provider>`,
    );
    const el = p.querySelector<SuccessScore>('success-score')!;
    await until(() => deepText(el).includes('91/100'), 'own client');
    // A partial client stands in for a host's own SuccessClient: only the method used is needed.
    p.client = hostClient as unknown as SuccessProvider['client'];
    await until(() => deepText(el).includes('42/100'), 'host client');
    expect(p.client).to.equal(hostClient);
    expect(calls).to.deep.equal(['cus_acme']);
    p.client = undefined;
    await until(() => deepText(el).includes('91/100'), 'own client again');
  });

  it('says the server cannot be reached when base-url points nowhere', async () => {
    const p = await fixture<SuccessProvider>(
      html`<success-provider base-url="http://127.0.0.1:9" token="t"><success-score customer-id="cus_acme"></success-score></success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await until(() => deepText(el).includes('Cannot reach the server.'), 'network error', 8000);
    await expect(el).to.be.accessible();
  });

  it('passes locale and currency to the elements inside it, and their own attributes win', async () => {
    const p = await fixture<SuccessProvider>(html`<success-provider locale="de-DE" currency="EUR">
      <success-score .score=${scoreExample()}></success-score>
      <success-score locale="en-GB" .score=${scoreExample()}></success-score>
    </success-provider>`);
    const [a, b] = [...p.querySelectorAll('success-score')];
    await a!.updateComplete;
    expect(a!.fmt.locale).to.equal('de-DE');
    expect(a!.fmt.money(1000)).to.equal('1.000\u00a0€');
    expect(b!.fmt.locale).to.equal('en-GB');
    expect(b!.fmt.money(1000)).to.equal('€1,000');
    p.locale = 'fr-FR';
    await p.updateComplete;
    await a!.updateComplete;
    expect(a!.fmt.locale).to.equal('fr-FR');
  });

  it('follows the system colour scheme when no theme is set', async () => {
    const p = await fixture<SuccessProvider>(
      html`<success-provider><success-score .score=${scoreExample()}></success-score></success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await el.updateComplete;
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(el.effectiveTheme).to.equal('auto');
    expect(getComputedStyle(el).getPropertyValue('--s-surface').trim()).to.equal(
      dark ? '#0d1117' : '#ffffff',
    );
  });
});

describe('lazyClient', () => {
  it('leaves no unhandled rejection when a call is aborted while the SDK loads', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => {
      unhandled.push(e.reason);
      e.preventDefault();
    };
    addEventListener('unhandledrejection', onUnhandled);
    const client = lazyClient({ baseUrl: location.origin, token: 't' });
    const abort = new AbortController();
    const call = client.getCustomerSuccessMetrics(
      { customerId: 'cus_acme' },
      { signal: abort.signal },
    );
    abort.abort();
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 200));
    removeEventListener('unhandledrejection', onUnhandled);
    expect((error as Error).name).to.equal('AbortError');
    expect(unhandled).to.deep.equal([]);
  });

  it('forwards calls and .all() pagination to the real client once loaded', async () => {
    const customer = acmeMetrics().customer;
    const pages = [
      { items: [customer], next_cursor: 'c2' },
      { items: [{ ...customer, id: 'cus_two', name: 'Two' }], next_cursor: null },
    ];
    const client = lazyClient({
      baseUrl: location.origin,
      fetch: async (input) => {
        const cursor = new URL((input as Request).url).searchParams.get('cursor');
        return new Response(JSON.stringify(pages[cursor ? 1 : 0]), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const names: string[] = [];
    for await (const c of client.listCustomers.all()) names.push(c.name);
    expect(names).to.deep.equal(['Acme Corp', 'Two']);
    expect((await client.listCustomers()).next_cursor).to.equal('c2');
  });

  it('is not mistaken for a promise', async () => {
    const client = lazyClient({ baseUrl: location.origin });
    expect(await Promise.resolve(client)).to.equal(client);
  });
});
