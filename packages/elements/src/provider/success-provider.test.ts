// No static import of @cscx/success-sdk in this file (nor in what it imports): the first test
// checks that the SDK arrives only with the first request.
import { expect, fixture, html } from '@open-wc/testing';
import '../define/success-overview.js';
import '../define/success-provider.js';
import '../define/success-score.js';
import type { SuccessScore } from '../success-score/success-score.js';
import {
  mintEmbedToken,
  referenceApi,
  revokeEmbedToken,
  watchFetches,
} from '../testing/embed-tokens.js';
import { acmeMetrics, scoreExample } from '../testing/fixtures.js';
import { deepText, until } from '../testing/helpers.js';
import { afterEach, describe, it } from '../testing/mocha.js';
import { lazyClient } from './lazy-client.js';
import type { SuccessProvider } from './success-provider.js';
import {
  fromProvider,
  type IssuedToken,
  refreshLead,
  TokenError,
  TokenSource,
  tokenClock,
} from './token-source.js';

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

  it('names the server it cannot reach and what to check when base-url is another origin where nothing listens', async () => {
    const p = await fixture<SuccessProvider>(
      html`<success-provider base-url="http://127.0.0.1:9" token="t"><success-score customer-id="cus_acme"></success-score></success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await until(() => deepText(el).includes('Cannot reach the server at'), 'network error', 8000);
    expect(deepText(el)).to.include(
      `Cannot reach the server at http://127.0.0.1:9. If it is running, check that it allows this page's origin (${location.origin}) in CSCX_CORS_ORIGINS.`,
    );
    expect(deepText(el)).not.to.include('t"');
    await expect(el).to.be.accessible();
  });

  it('explains a real CORS refusal the same way: the reference server on another origin that does not allow this page', async () => {
    // The same server under the page's other host name: another origin, which the reference
    // server (started without CSCX_CORS_ORIGINS) does not allow, so the browser blocks it.
    const page = new URL(location.href);
    const other = new URL(location.origin);
    other.hostname = page.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const p = await fixture<SuccessProvider>(
      html`<success-provider base-url=${`${other.origin}/reference-api`} token="demo-viewer-token"><success-score customer-id="cus_acme"></success-score></success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await until(() => deepText(el).includes('Cannot reach the server at'), 'CORS error', 8000);
    expect(deepText(el)).to.include(
      `Cannot reach the server at ${other.origin}. If it is running, check that it allows this page's origin (${location.origin}) in CSCX_CORS_ORIGINS.`,
    );
    expect(deepText(el)).not.to.include('demo-viewer-token');
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

/** A tokenProvider over the reference server that counts its calls; `spoil` revokes a token before handing it out. */
function embedTokens(spoil: (call: number) => boolean = () => false) {
  const issued: string[] = [];
  const provide = async (): Promise<IssuedToken> => {
    const minted = await mintEmbedToken();
    issued.push(minted.token);
    if (spoil(issued.length)) await revokeEmbedToken(minted.token);
    return { token: minted.token, expires_at: minted.expires_at };
  };
  return { provide, issued };
}

/** Whether a loading skeleton is in the element's shadow root right now. */
const showsSkeleton = (el: Element) => el.shadowRoot?.querySelector('.skeleton') !== null;

describe('<success-provider> with short-lived tokens', () => {
  const realNow = tokenClock.now;
  afterEach(() => {
    tokenClock.now = realNow;
  });

  it('fetches token-url once for every element inside it and sends its token: the partner flow against the reference server', async () => {
    const url = `/partner-backend/embed-token?customer=cus_acme&test=${Math.random()}`;
    const watch = watchFetches(url);
    try {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${referenceApi} token-url=${url}>
          <success-overview customer-id="cus_acme"></success-overview>
          <success-score customer-id="cus_acme"></success-score>
        </success-provider>`,
      );
      const overview = p.querySelector('success-overview')!;
      const score = p.querySelector('success-score')!;
      await until(() => deepText(overview).includes('$285K'), 'overview data', 20_000);
      await until(() => /\d+\/100/.test(deepText(score)), 'score data', 20_000);
      expect(deepText(overview)).to.include('4.2x');
      expect(watch.count).to.equal(1);
      // The token is held in memory, never written into the page.
      expect(p.outerHTML).not.to.match(/cscx_/);
    } finally {
      watch.stop();
    }
  });

  it("shows Acme Corp's dashboard ($285K, 4.2x) through an embed token minted with the manager token", async () => {
    const minted = await mintEmbedToken();
    const p = await fixture<SuccessProvider>(
      html`<success-provider base-url=${referenceApi} .tokenProvider=${async () => minted}><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
    );
    const el = p.querySelector('success-overview')!;
    await until(() => deepText(el).includes('$285K'), 'dashboard', 20_000);
    expect(deepText(el)).to.include('4.2x');
    expect(deepText(el)).to.include('Success Metrics: Acme Corp');
  });

  it('renews the token shortly before it expires while the elements keep their data, then sends the new one', async () => {
    let now = Date.now();
    tokenClock.now = () => now;
    const tokens = embedTokens();
    const p = await fixture<SuccessProvider>(
      html`<success-provider base-url=${referenceApi} .tokenProvider=${tokens.provide}><success-score customer-id="cus_acme"></success-score></success-provider>`,
    );
    const first = p.querySelector('success-score')!;
    await until(() => /\d+\/100/.test(deepText(first)), 'first data', 20_000);
    const shown = deepText(first);
    let skeleton = false;
    const watch = new MutationObserver(() => {
      skeleton ||= showsSkeleton(first);
    });
    watch.observe(first.shadowRoot!, { subtree: true, childList: true });
    expect(tokens.issued).to.have.length(1);
    // Each new element makes a request of its own, with whatever token the provider then holds.
    const addScore = async (label: string) => {
      const el = document.createElement('success-score');
      el.customerId = 'cus_acme';
      p.append(el);
      await until(() => /\d+\/100/.test(deepText(el)), label, 20_000);
    };

    // 15-minute token, 90 s lead: at 13 min 50 s it is renewed, while still in use.
    now += 830_000;
    await addScore('second data');
    await until(() => tokens.issued.length === 2, 'background renewal', 20_000);

    // The old token is gone on the server: a request that still sent it would need a third.
    await revokeEmbedToken(tokens.issued[0]!);
    await addScore('third data');
    expect(tokens.issued).to.have.length(2);

    // Past the new token's expiry, the next request waits for another one.
    now += 900_000;
    await addScore('fourth data');
    expect(tokens.issued).to.have.length(3);

    watch.disconnect();
    expect(skeleton, 'a loading state on the first element').to.equal(false);
    expect(deepText(first)).to.equal(shown);
  });

  it('asks once for a new token when the API refuses one (401) and repeats the request with it', async () => {
    // The first token is revoked before the provider sees it, as if it had been revoked since.
    const tokens = embedTokens((n) => n === 1);
    const p = await fixture<SuccessProvider>(
      html`<success-provider base-url=${referenceApi} .tokenProvider=${tokens.provide}><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
    );
    const el = p.querySelector('success-overview')!;
    await until(() => deepText(el).includes('$285K'), 'dashboard', 20_000);
    expect(tokens.issued).to.have.length(2);
  });

  it('shows the refusal when the new token is refused too, after one renewal: no loop', async () => {
    const tokens = embedTokens(() => true);
    const p = await fixture<SuccessProvider>(
      html`<success-provider base-url=${referenceApi} .tokenProvider=${tokens.provide}><success-score customer-id="cus_acme"></success-score></success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await until(() => deepText(el).includes('The bearer token was revoked.'), 'error', 20_000);
    expect(deepText(el)).to.include('Unauthorized');
    expect(tokens.issued).to.have.length(2);
    for (const t of tokens.issued) expect(deepText(el)).not.to.include(t);
  });

  it('says which token endpoint failed and how, and never shows what it answered', async () => {
    const cases: [Partial<SuccessProvider>, string][] = [
      [
        { tokenUrl: '/__fixtures__/no-token-endpoint?session=s3cret' },
        `Could not get a token from ${location.origin}/__fixtures__/no-token-endpoint: it answered HTTP 404.`,
      ],
      [
        { tokenUrl: '/__fixtures__/examples.json' },
        `Could not get a token from ${location.origin}/__fixtures__/examples.json: its answer is not JSON with a token and an expires_at date.`,
      ],
      [
        {
          tokenProvider: async () => {
            throw new Error('the session has ended');
          },
        },
        "Could not get a token from the page's tokenProvider: the session has ended",
      ],
      [
        {
          tokenProvider: async () =>
            ({ token: 'cscx_leaked', expires: 'soon' }) as unknown as IssuedToken,
        },
        "Could not get a token from the page's tokenProvider: its answer is not JSON with a token and an expires_at date.",
      ],
    ];
    for (const [props, text] of cases) {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${referenceApi}><success-score customer-id="cus_acme"></success-score></success-provider>`,
      );
      Object.assign(p, props);
      const el = p.querySelector('success-score')!;
      await until(() => deepText(el).includes('Could not get a token'), text, 8000);
      expect(deepText(el)).to.include(text);
      expect(deepText(el)).not.to.include('s3cret');
      expect(deepText(el)).not.to.include('cscx_leaked');
      await expect(el).to.be.accessible();
    }
  });

  it('still takes a fixed token, and getToken, which wins over tokenProvider', async () => {
    let asked = 0;
    const p = await fixture<SuccessProvider>(
      html`<success-provider .getToken=${() => 'from-get-token'} .tokenProvider=${async () => {
        asked++;
        return { token: 'x', expires_at: new Date(Date.now() + 60_000).toISOString() };
      }}><success-score customer-id="cus_acme"></success-score></success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await until(() => deepText(el).includes('91/100'), 'score via getToken');
    expect(asked).to.equal(0);
  });
});

describe('TokenSource', () => {
  const realNow = tokenClock.now;
  afterEach(() => {
    tokenClock.now = realNow;
  });

  /** A TokenSource on a fake clock (set as the provider's clock), fed by {@link tokens}. */
  function tokenSource(lifetimeMs: number) {
    const clock = { now: 1_000_000 };
    tokenClock.now = () => clock.now;
    const t = tokens(lifetimeMs, clock);
    return { clock, t, source: new TokenSource(t.provide) };
  }

  /** A provider of tokens t1, t2, ... that live `lifetimeMs` on the fake clock; resolves when told. */
  function tokens(lifetimeMs: number, clock: { now: number }) {
    const waiting: (() => void)[] = [];
    let n = 0;
    let fail: Error | undefined;
    const provide = () =>
      new Promise<IssuedToken>((resolve, reject) => {
        const token = `t${++n}`;
        waiting.push(() =>
          fail
            ? reject(fail)
            : resolve({ token, expires_at: new Date(clock.now + lifetimeMs).toISOString() }),
        );
      });
    return {
      provide,
      get calls() {
        return n;
      },
      answer: async () => {
        for (const w of waiting.splice(0)) w();
        await new Promise((r) => setTimeout(r, 0));
      },
      failWith: (e: Error | undefined) => {
        fail = e;
      },
    };
  }

  it('renews 10 % of the lifetime ahead, at least a minute ahead, at most half the lifetime ahead', () => {
    expect(refreshLead(900_000)).to.equal(90_000);
    expect(refreshLead(86_400_000)).to.equal(8_640_000);
    expect(refreshLead(300_000)).to.equal(60_000);
    expect(refreshLead(60_000)).to.equal(30_000);
  });

  it('shares one fetch among concurrent requests, the first and every renewal', async () => {
    const { clock, t, source } = tokenSource(900_000);
    const first = [source.get(), source.get(), source.get()];
    await t.answer();
    expect(await Promise.all(first)).to.deep.equal(['t1', 't1', 't1']);
    clock.now += 900_000;
    const again = [source.get(), source.get()];
    await t.answer();
    expect(await Promise.all(again)).to.deep.equal(['t2', 't2']);
    expect(t.calls).to.equal(2);
  });

  it('hands out the held token while it renews in the background, and the new one after', async () => {
    const { clock, t, source } = tokenSource(900_000);
    const first = source.get();
    await t.answer();
    expect(await first).to.equal('t1');
    clock.now += 809_000;
    expect(await source.get()).to.equal('t1');
    expect(t.calls).to.equal(1);
    clock.now += 1_000;
    // In the window: no waiting, one renewal however many requests ask.
    expect(await source.get()).to.equal('t1');
    expect(await source.get()).to.equal('t1');
    expect(t.calls).to.equal(2);
    await t.answer();
    expect(await source.get()).to.equal('t2');
  });

  it('keeps the held token when a renewal fails, and reports the failure once the token has expired', async () => {
    const { clock, t, source } = tokenSource(900_000);
    const first = source.get();
    await t.answer();
    await first;
    clock.now += 850_000;
    t.failWith(new TokenError('/token', { kind: 'status', status: 503 }));
    expect(await source.get()).to.equal('t1');
    await t.answer();
    // Failed just now: the next requests do not hammer the endpoint.
    expect(await source.get()).to.equal('t1');
    expect(t.calls).to.equal(2);
    clock.now += 60_000;
    const late = source.get().catch((e: unknown) => e);
    await t.answer();
    expect(((await late) as TokenError).failure).to.deep.equal({ kind: 'status', status: 503 });
  });

  it('drops a token the API refused and fetches another; a late refusal of an old token changes nothing', async () => {
    const { t, source } = tokenSource(900_000);
    const first = source.get();
    await t.answer();
    await first;
    const a = source.get('t1');
    const b = source.get('t1');
    await t.answer();
    expect([await a, await b]).to.deep.equal(['t2', 't2']);
    expect(await source.get('t1')).to.equal('t2');
    expect(t.calls).to.equal(2);
  });

  it('uses a token that looks expired on arrival (a skewed clock) until the API refuses it', async () => {
    const { clock, t, source } = tokenSource(-5_000);
    const first = source.get();
    await t.answer();
    expect(await first).to.equal('t1');
    clock.now += 3_600_000;
    expect(await source.get()).to.equal('t1');
    expect(t.calls).to.equal(1);
  });

  it('reports a tokenProvider that throws or answers something else as a TokenError, without its answer', async () => {
    const threw = await fromProvider(async () => {
      throw new Error('no session');
    })().catch((e: unknown) => e);
    expect(threw).to.be.instanceOf(TokenError);
    expect((threw as TokenError).failure).to.deep.equal({ kind: 'threw', message: 'no session' });
    const odd = await fromProvider(
      async () => ({ token: 'cscx_x', expires_at: 'tomorrow' }) as IssuedToken,
    )().catch((e: unknown) => e);
    expect((odd as TokenError).failure).to.deep.equal({ kind: 'shape' });
    expect((odd as TokenError).message).not.to.include('cscx_x');
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
