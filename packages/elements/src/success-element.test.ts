import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './define/success-provider.js';
import './define/success-score.js';
import { SuccessProvider } from './provider/success-provider.js';
import { pendingClient } from './testing/clients.js';
import { scoreExample } from './testing/fixtures.js';
import { afterEach, describe, it } from './testing/mocha.js';

const surface = (el: Element) => getComputedStyle(el).getPropertyValue('--s-surface').trim();

describe('SuccessElement theme and motion', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('goes dark with the system preference unless theme="light"', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await fixture(html`<success-score .score=${scoreExample()}></success-score>`);
    const light = await fixture(
      html`<success-score theme="light" .score=${scoreExample()}></success-score>`,
    );
    expect(surface(auto)).to.equal('#0d1117');
    expect(surface(light)).to.equal('#ffffff');
    await expect(auto).to.be.accessible();
  });

  it('keeps a provider-chosen light theme under a dark system preference', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const p = await fixture<SuccessProvider>(
      html`<success-provider theme="light"><success-score .score=${scoreExample()}></success-score></success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await el.updateComplete;
    expect(surface(el)).to.equal('#ffffff');
  });

  it('follows a provider defined after it (a page that registered the elements before the provider)', async () => {
    const p = await fixture(
      html`<late-success-provider theme="dark"><success-score .score=${scoreExample()}></success-score></late-success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await el.updateComplete;
    expect(surface(el), 'no provider yet: the system preference').to.equal('#ffffff');
    customElements.define('late-success-provider', class extends SuccessProvider {});
    await (p as SuccessProvider).updateComplete;
    await el.updateComplete;
    expect(surface(el)).to.equal('#0d1117');
  });

  it('lets a host override a token from anywhere above the element', async () => {
    // A plain element as the fixture root would wait for an animation frame, which hidden
    // (concurrently run) pages never get: mount the element into a styled parent instead.
    const parentNode = document.createElement('div');
    parentNode.style.setProperty('--success-color-surface', '#fafafa');
    document.body.append(parentNode); // removed by fixture cleanup
    const el = await fixture(
      html`<success-score theme="dark" .score=${scoreExample()}></success-score>`,
      { parentNode },
    );
    expect(surface(el)).to.equal('#fafafa');
  });

  it('stops the skeleton shimmer when reduced motion is asked for', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const p = await fixture<SuccessProvider>(
      html`<success-provider .client=${pendingClient()}><success-score customer-id="cus_acme"></success-score></success-provider>`,
    );
    const el = p.querySelector('success-score')!;
    await el.updateComplete;
    expect(getComputedStyle(el.shadowRoot!.querySelector('.bone')!).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(el.shadowRoot!.querySelector('.bone')!).animationName).to.equal(
      'shimmer',
    );
  });
});
