// React.createElement rather than JSX: see success-overview.test.tsx.

import type {
  SuccessErrorDetail,
  SuccessScore as SuccessScoreElement,
} from '@cscx/success-elements';
import { SuccessProvider as SuccessProviderElement } from '@cscx/success-elements';
import type { SuccessClient } from '@cscx/success-sdk';
import { expect } from '@open-wc/testing';
import { createElement as h } from 'react';
import { acmeMetrics, globexAccount } from '../../elements/src/testing/fixtures.js';
import { deepText, until } from '../../elements/src/testing/helpers.js';
import { afterEach, describe, it } from '../../elements/src/testing/mocha.js';
import { SuccessOverview } from './success-overview.js';
import { SuccessProvider, type SuccessProviderProps } from './success-provider.js';
import { SuccessScore } from './success-score.js';
import { mount, only, unmountAll } from './testing/render.js';

/**
 * A host's own client, as far as the overview uses it: each call is recorded, and the customer
 * is renamed to `name` so the test can tell which client answered.
 */
function fakeClient(name: string, calls: string[]): SuccessClient {
  const client = {
    getCustomerSuccessMetrics: async ({ customerId }: { customerId: string }) => {
      calls.push(`${name}:${customerId}`);
      const m = acmeMetrics();
      m.customer.name = name;
      return m;
    },
    getAccountSuccessMetrics: async () => globexAccount(),
  };
  // A partial client stands in for a SuccessClient: only the methods the overview calls.
  return client as unknown as SuccessClient;
}

const provider = (props: SuccessProviderProps) => h(SuccessProvider, props);

describe('<SuccessProvider>', () => {
  afterEach(unmountAll);

  it('renders an upgraded <success-provider> with its children inside it', async () => {
    const m = await mount(provider({ token: 't', children: h('p', null, 'child') }));
    const el = only(m, 'success-provider');
    expect(el).to.be.instanceOf(SuccessProviderElement);
    expect(el.token).to.equal('t');
    expect(el.querySelector('p')?.textContent).to.equal('child');
  });

  it('supplies its client prop, an object, to a nested SuccessOverview', async () => {
    const calls: string[] = [];
    const client = fakeClient('Hooli', calls);
    const m = await mount(
      provider({ client, children: h(SuccessOverview, { customerId: 'cus_acme' }) }),
    );
    expect(only(m, 'success-provider').client).to.equal(client);
    const overview = only(m, 'success-overview');
    await until(() => deepText(overview).includes('Success Metrics: Hooli'), 'fetched');
    expect(calls).to.deep.equal(['Hooli:cus_acme']);
  });

  it('hands a new client to the elements inside when rendered with one', async () => {
    const calls: string[] = [];
    const children = h(SuccessOverview, { customerId: 'cus_acme' });
    const m = await mount(provider({ client: fakeClient('Hooli', calls), children }));
    const overview = only(m, 'success-overview');
    await until(() => deepText(overview).includes('Success Metrics: Hooli'), 'first client');
    await m.render(provider({ client: fakeClient('Initech', calls), children }));
    await until(() => deepText(overview).includes('Success Metrics: Initech'), 'second client');
    expect(calls).to.deep.equal(['Hooli:cus_acme', 'Initech:cus_acme']);
  });

  it('builds its own client from token and fetches through the API', async () => {
    const m = await mount(
      provider({ token: 't', children: h(SuccessScore, { customerId: 'cus_acme' }) }),
    );
    const score = only(m, 'success-score');
    await until(() => deepText(score).includes('91/100'), 'score fetched');
  });

  it('hears the success-error of an element inside it through onSuccessError', async () => {
    const failure = new Error('offline');
    const client = {
      getCustomerSuccessMetrics: () => Promise.reject(failure),
    } as unknown as SuccessClient;
    const errors: CustomEvent<SuccessErrorDetail>[] = [];
    const m = await mount(
      provider({
        client,
        onSuccessError: (e) => {
          errors.push(e);
        },
        children: h(SuccessScore, { customerId: 'cus_acme' }),
      }),
    );
    const score: SuccessScoreElement = only(m, 'success-score');
    await until(() => errors.length > 0, 'success-error');
    expect(errors).to.have.length(1);
    expect(errors[0]!.target).to.equal(score);
    expect(errors[0]!.detail.error).to.equal(failure);
  });
});
