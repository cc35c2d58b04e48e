import { expect, fixture, html } from '@open-wc/testing';
import '../define/success-provider.js';
import '../define/success-score.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import { pendingClient } from '../testing/clients.js';
import { explainButtons, openExplanation } from '../testing/explain.js';
import { acmeMetrics, globexAccount, scoreExample, XSS_PAYLOADS } from '../testing/fixtures.js';
import { deepText, domShape, flakyCustomerId, nextEvent, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { SuccessScore } from './success-score.js';

const meter = (el: SuccessScore) => el.shadowRoot!.querySelector('[role="meter"]')!;

describe('<success-score>', () => {
  it('renders the score out of 100 with its band in words, as an accessible meter', async () => {
    const el = await fixture<SuccessScore>(
      html`<success-score .score=${scoreExample()}></success-score>`,
    );
    expect(deepText(el)).to.include('91/100').and.include('Strong');
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('91');
    expect(meter(el).getAttribute('aria-valuetext')).to.equal('91 of 100, Strong');
    expect(meter(el).getAttribute('aria-label')).to.equal('Success score');
    await expect(el).to.be.accessible();
  });

  it('rounds PRD-069 score 84.94 to 85 and clamps the ring to 0..100', async () => {
    const el = await fixture<SuccessScore>(
      html`<success-score .score=${globexAccount().success_score}></success-score>`,
    );
    expect(deepText(el)).to.include('85/100');
    const bar = el.shadowRoot!.querySelector('.bar')!;
    expect(bar.getAttribute('stroke-dasharray')).to.equal('84.94444444444444 100');
  });

  it('shows a weak band with its own words and tone, never colour alone', async () => {
    const el = await fixture<SuccessScore>(
      html`<success-score .score=${{ score: 35, band: 'weak', note: null }}></success-score>`,
    );
    expect(deepText(el)).to.include('Weak');
    expect(el.shadowRoot!.querySelector('.gauge')!.classList.contains('danger')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.status svg')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the empty state with Define goals when there is no score for lack of goals', async () => {
    const el = await fixture<SuccessScore>(
      html`<success-score customer-id="cus_x" .score=${{ score: null, band: null, note: 'No success goals defined.' }}></success-score>`,
    );
    expect(deepText(el)).to.include('No success goals defined.');
    const fired = nextEvent(document, 'success-define-goals');
    el.shadowRoot!.querySelector('button')!.click();
    const event = await fired;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.customerId).to.equal('cus_x');
    await expect(el).to.be.accessible();
  });

  it('shows another reason for no score as a note', async () => {
    const el = await fixture<SuccessScore>(
      html`<success-score .score=${{ score: null, band: null, note: 'Baseline not set. Cannot calculate progress.' }}></success-score>`,
    );
    expect(deepText(el)).to.include('Baseline not set. Cannot calculate progress.');
    expect(el.shadowRoot!.querySelector('[role="meter"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('drops the heading when compact', async () => {
    const el = await fixture<SuccessScore>(
      html`<success-score compact .score=${scoreExample()}></success-score>`,
    );
    expect(el.shadowRoot!.querySelector('h3')).to.equal(null);
  });

  it('renders a note full of markup as text only', async () => {
    const benign = await fixture<SuccessScore>(
      html`<success-score .score=${{ score: null, band: null, note: 'plain' }}></success-score>`,
    );
    for (const payload of XSS_PAYLOADS) {
      const el = await fixture<SuccessScore>(
        html`<success-score .score=${{ score: null, band: null, note: payload }}></success-score>`,
      );
      expect(deepText(el)).to.include(payload);
      expect(domShape(el)).to.deep.equal(domShape(benign));
    }
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('follows the theme attribute: dark tokens resolve on the element', async () => {
    const el = await fixture<SuccessScore>(
      html`<success-score theme="dark" .score=${scoreExample()}></success-score>`,
    );
    expect(getComputedStyle(el).getPropertyValue('--s-surface').trim()).to.equal('#0d1117');
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(el).getPropertyValue('--s-surface').trim()).to.equal('#ffffff');
    await expect(el).to.be.accessible();
  });

  describe('inside a provider', () => {
    it('fetches the score of customer-id', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-score customer-id="cus_acme"></success-score></success-provider>`,
      );
      const el = p.querySelector('success-score')!;
      await until(() => deepText(el).includes('91/100'), 'score shown');
      expect(acmeMetrics().metrics.success_score.score).to.equal(91);
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while loading', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}><success-score customer-id="cus_acme"></success-score></success-provider>`,
      );
      const el = p.querySelector('success-score')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="status"]')).to.exist;
      expect(deepText(el)).to.include('Loading');
      await expect(el).to.be.accessible();
    });

    it('follows the provider theme unless it has its own', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider theme="dark"><success-score .score=${scoreExample()}></success-score></success-provider>`,
      );
      const el = p.querySelector('success-score')!;
      await el.updateComplete;
      expect(el.effectiveTheme).to.equal('dark');
      expect(getComputedStyle(el).getPropertyValue('--s-surface').trim()).to.equal('#0d1117');
      p.theme = 'light';
      await p.updateComplete;
      await el.updateComplete;
      expect(getComputedStyle(el).getPropertyValue('--s-surface').trim()).to.equal('#ffffff');
    });

    it('shows the problem title with Retry, and Retry loads the score', async () => {
      const id = flakyCustomerId();
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-score customer-id=${id}></success-score></success-provider>`,
      );
      const el = p.querySelector('success-score')!;
      await until(() => deepText(el).includes('Internal server error'), 'error shown');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector('button')!.click();
      await until(() => deepText(el).includes('91/100'), 'score after retry');
    });
  });

  describe('How is this computed?', () => {
    it("opens the score's explanation by keyboard: Acme's weighted goal progress, 91 of 100", async () => {
      const provider = await fixture<HTMLElement>(
        html`<success-provider token="t"><success-score customer-id="cus_acme"></success-score></success-provider>`,
      );
      const el = provider.querySelector('success-score') as SuccessScore;
      const { button, text } = await openExplanation(el, 'How is Success score computed?');
      expect(text).to.include('/ 5 = 91 of 100: strong');
      expect(text).to.include('progress[0]: 100');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(meter(el).contains(button), 'the button is outside the meter').to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('shows no disclosure for a score given without explanations', async () => {
      const el = await fixture<SuccessScore>(
        html`<success-score .score=${scoreExample()}></success-score>`,
      );
      expect(explainButtons(el)).to.have.length(0);
    });
  });
});
