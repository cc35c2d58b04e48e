import { expect, fixture, html } from '@open-wc/testing';
import '../define/success-milestones.js';
import '../define/success-provider.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import { pendingClient } from '../testing/clients.js';
import { acmeMetrics, globexAccount, XSS_PAYLOADS } from '../testing/fixtures.js';
import { deepText, domShape, flakyCustomerId, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { SuccessMilestones } from './success-milestones.js';

const items = (el: SuccessMilestones) =>
  [...el.shadowRoot!.querySelectorAll('li')].map((li) => deepText(li));

describe('<success-milestones>', () => {
  it('lists PRD-165 milestones achieved with short dates, as the mock-up shows them', async () => {
    const el = await fixture<SuccessMilestones>(
      html`<success-milestones heading="Milestones achieved" .milestones=${acmeMetrics().metrics.milestones}></success-milestones>`,
    );
    expect(items(el)).to.deep.equal([
      'Jan 15 First automation deployed',
      'Feb 1 100th user onboarded',
      'Mar 10 Support ticket reduction milestone Resolution time below 13 hours for a full month.',
      'Apr 5 Executive dashboard launched',
    ]);
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-15');
    await expect(el).to.be.accessible();
  });

  it('shows PRD-069 upcoming milestones with their status in words', async () => {
    const el = await fixture<SuccessMilestones>(
      html`<success-milestones .milestones=${globexAccount().upcoming_milestones}></success-milestones>`,
    );
    expect(items(el)).to.deep.equal([
      'May 15 Goal 3 checkpoint At risk',
      'May 28 QBR review Planned',
      'Jun 30 Annual success review Planned',
    ]);
    await expect(el).to.be.accessible();
  });

  it('says so when there are no milestones', async () => {
    const el = await fixture<SuccessMilestones>(
      html`<success-milestones .milestones=${[]}></success-milestones>`,
    );
    expect(deepText(el)).to.include('No milestones yet.');
    await expect(el).to.be.accessible();
  });

  it('formats dates in de-DE', async () => {
    const el = await fixture<SuccessMilestones>(
      html`<success-milestones locale="de-DE" .milestones=${acmeMetrics().metrics.milestones}></success-milestones>`,
    );
    expect(items(el)[0]).to.equal('15. Jan. First automation deployed');
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<SuccessMilestones>(
      html`<success-milestones theme="dark" .milestones=${globexAccount().upcoming_milestones}></success-milestones>`,
    );
    await expect(el).to.be.accessible();
  });

  it('renders names and descriptions full of markup as text only', async () => {
    const withText = (text: string) =>
      acmeMetrics().milestones.map((m) => ({ ...m, name: text, description: text }));
    const benign = await fixture<SuccessMilestones>(
      html`<success-milestones .milestones=${withText('plain')}></success-milestones>`,
    );
    for (const payload of XSS_PAYLOADS) {
      const el = await fixture<SuccessMilestones>(
        html`<success-milestones .milestones=${withText(payload)}></success-milestones>`,
      );
      expect(deepText(el)).to.include(payload);
      expect(domShape(el)).to.deep.equal(domShape(benign));
    }
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  describe('inside a provider', () => {
    it('fetches the milestones of customer-id', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-milestones customer-id="cus_acme"></success-milestones></success-provider>`,
      );
      const el = p.querySelector('success-milestones')!;
      await until(() => items(el).length === 4, 'milestones');
      expect(items(el)[0]).to.equal('Jan 15 First automation deployed Achieved');
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while loading', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}><success-milestones customer-id="cus_acme"></success-milestones></success-provider>`,
      );
      const el = p.querySelector('success-milestones')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.skeleton')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows the problem title and recovers with Retry', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-milestones customer-id=${flakyCustomerId()}></success-milestones></success-provider>`,
      );
      const el = p.querySelector('success-milestones')!;
      await until(() => deepText(el).includes('Internal server error'), 'error');
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.error button')!.click();
      await until(() => items(el).length === 4, 'milestones after retry');
    });
  });
});
