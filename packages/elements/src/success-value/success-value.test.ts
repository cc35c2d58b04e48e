import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/success-provider.js';
import '../define/success-value.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import { pendingClient } from '../testing/clients.js';
import { explainButtons, openExplanation } from '../testing/explain.js';
import { acmeExplanations, valueExample } from '../testing/fixtures.js';
import { deepText, flakyCustomerId, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import { PROJECTED_TEXT, type SuccessValue, UNPRICED_HOURS_NOTE } from './success-value.js';

const rowTexts = (el: SuccessValue) =>
  [...el.shadowRoot!.querySelectorAll('[part="bars"] .row')].map((r) => deepText(r));
const widths = (el: SuccessValue) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.fill')].map((f) => f.style.width);

describe('<success-value>', () => {
  it('shows PRD-165 value: hours as hours, money as money, total $285,000 vs $68,000, ROI 4.2x', async () => {
    const el = await fixture<SuccessValue>(
      html`<success-value currency="USD" .value=${valueExample()}></success-value>`,
    );
    expect(rowTexts(el)).to.deep.equal([
      'Time saved 2,400 hrs',
      'Cost reduction $185K',
      'Revenue impact $100K',
    ]);
    expect(deepText(el.shadowRoot!.querySelector('.totals')!)).to.equal(
      'Total value: $285,000 Investment: $68,000 ROI: 4.2x',
    );
    await expect(el).to.be.accessible();
  });

  it('says that unpriced hours are not in the total, and stripes their bar', async () => {
    const el = await fixture<SuccessValue>(
      html`<success-value .value=${valueExample()}></success-value>`,
    );
    expect(deepText(el)).to.include(UNPRICED_HOURS_NOTE);
    expect(el.shadowRoot!.querySelector('.fill.unpriced')).to.exist;
    expect(widths(el)).to.deep.equal(['100%', '100%', '54.1%']);
  });

  it('shows priced hours with their money and scales the bars by money', async () => {
    const v = valueExample();
    v.time_saved_value = 370000;
    v.total_value = 655000;
    const el = await fixture<SuccessValue>(html`<success-value .value=${v}></success-value>`);
    expect(rowTexts(el)[0]).to.equal('Time saved 2,400 hrs · $370K');
    expect(widths(el)).to.deep.equal(['100%', '50%', '27%']);
    expect(deepText(el)).not.to.include(UNPRICED_HOURS_NOTE);
  });

  it('shows the value at target on its own line, outside the total and ROI', async () => {
    const v = valueExample();
    // Acme with a goal not measured yet: $144K more at target, nothing more delivered.
    v.projected_value = 429_000;
    const el = await fixture<SuccessValue>(
      html`<success-value currency="USD" .value=${v}></success-value>`,
    );
    expect(deepText(el.shadowRoot!.querySelector('.totals')!)).to.equal(
      'Total value: $285,000 Investment: $68,000 ROI: 4.2x',
    );
    expect(deepText(el.shadowRoot!.querySelector('[part="projected"]')!)).to.equal(
      'Projected at target: $429,000',
    );
    expect(deepText(el)).to.include(PROJECTED_TEXT.note);
    await expect(el).to.be.accessible();
  });

  it('leaves the projected line out when it equals the value delivered', async () => {
    const el = await fixture<SuccessValue>(
      html`<success-value .value=${valueExample()}></success-value>`,
    );
    expect(el.shadowRoot!.querySelector('[part="projected"]')).to.equal(null);
  });

  it('shows the projected value even when nothing is delivered yet', async () => {
    const v = valueExample();
    Object.assign(v, { time_saved_hours: 0, cost_reduction: 0, revenue_impact: 0, total_value: 0 });
    const el = await fixture<SuccessValue>(html`<success-value .value=${v}></success-value>`);
    expect(deepText(el)).to.include('No value delivered yet.');
    expect(deepText(el.shadowRoot!.querySelector('[part="projected"]')!)).to.equal(
      'Projected at target: $285,000',
    );
  });

  it('shows the API reason instead of an ROI without investment', async () => {
    const v = valueExample();
    v.investment = null;
    v.roi_multiplier = null;
    v.roi_note = "No investment recorded. Set the customer's investment to calculate ROI.";
    const el = await fixture<SuccessValue>(html`<success-value .value=${v}></success-value>`);
    expect(deepText(el)).to.include(
      "ROI: No investment recorded. Set the customer's investment to calculate ROI.",
    );
    expect(deepText(el)).to.include('Investment: —');
    await expect(el).to.be.accessible();
  });

  it('says so when no value has been recorded', async () => {
    const v = valueExample();
    Object.assign(v, { time_saved_hours: 0, cost_reduction: 0, revenue_impact: 0, total_value: 0 });
    const el = await fixture<SuccessValue>(html`<success-value .value=${v}></success-value>`);
    expect(deepText(el)).to.include('No value delivered yet.');
    await expect(el).to.be.accessible();
  });

  it('formats in de-DE with EUR', async () => {
    const el = await fixture<SuccessValue>(
      html`<success-value locale="de-DE" currency="EUR" .value=${valueExample()}></success-value>`,
    );
    expect(rowTexts(el)[0]).to.equal('Time saved 2.400 Std.');
    expect(deepText(el.shadowRoot!.querySelector('.totals')!)).to.equal(
      'Total value: 285.000 € Investment: 68.000 € ROI: 4,2x',
    );
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<SuccessValue>(
      html`<success-value theme="dark" .value=${valueExample()}></success-value>`,
    );
    await expect(el).to.be.accessible();
  });

  it('renders an ROI note full of markup as text only', async () => {
    const v = valueExample();
    v.roi_multiplier = null;
    v.roi_note = '<img src=x onerror="window.__xss=1">';
    const el = await fixture<SuccessValue>(html`<success-value .value=${v}></success-value>`);
    expect(deepText(el)).to.include(v.roi_note);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  describe('inside a provider', () => {
    it('fetches the value of customer-id, in the customer currency', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-value customer-id="cus_acme"></success-value></success-provider>`,
      );
      const el = p.querySelector('success-value')!;
      await until(() => deepText(el).includes('$285,000'), 'value shown');
      await expect(el).to.be.accessible();
    });

    it('shows amounts in the provider currency override and locale', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t" locale="de-DE" currency="EUR"><success-value customer-id="cus_acme"></success-value></success-provider>`,
      );
      const el = p.querySelector('success-value')!;
      await until(() => deepText(el).includes('285.000 €'), 'value shown in EUR');
    });

    it('shows a skeleton while loading', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}><success-value customer-id="cus_acme"></success-value></success-provider>`,
      );
      const el = p.querySelector('success-value')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.skeleton')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows the problem title and recovers with Retry', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-value customer-id=${flakyCustomerId()}></success-value></success-provider>`,
      );
      const el = p.querySelector('success-value')!;
      await until(() => deepText(el).includes('Internal server error'), 'error');
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.error button')!.click();
      await until(() => deepText(el).includes('$285,000'), 'value after retry');
    });
  });

  describe('How is this computed?', () => {
    it('opens the ROI explanation by keyboard: $285,000 / $68,000 = 4.19, its inputs and TC-165.2', async () => {
      const el = await fixture<SuccessValue>(
        html`<success-provider token="t"><success-value customer-id="cus_acme"></success-value></success-provider>`,
      ).then((p) => p.querySelector('success-value') as SuccessValue);
      const { button, text } = await openExplanation(el, 'How is ROI computed?');
      expect(text).to.include('$285,000 / $68,000 = 4.19');
      expect(text).to.include('total_value: 285,000');
      expect(text).to.include('Rule: TC-165.2');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await expect(el).to.be.accessible();
      // Space closes it again, as any disclosure button.
      await sendKeys({ press: 'Space' });
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('writes the server text as text, never as HTML', async () => {
      const x = acmeExplanations();
      const roi = x['/metrics/value_delivered/roi_multiplier']!;
      roi.text = '<img src=x onerror="window.__xss=1">';
      const el = await fixture<SuccessValue>(
        html`<success-value currency="USD" .value=${valueExample()} .explanations=${{ '/roi_multiplier': roi }}></success-value>`,
      );
      const { panel, text } = await openExplanation(el, 'How is ROI computed?', 'Space');
      expect(text).to.include('<img src=x');
      expect(panel.querySelector('img')).to.equal(null);
    });

    it('stays axe-clean open in the dark theme', async () => {
      const x = acmeExplanations();
      const el = await fixture<SuccessValue>(
        html`<success-value theme="dark" currency="USD" .value=${valueExample()} .explanations=${{ '/total_value': x['/metrics/value_delivered/total_value']!, '/roi_multiplier': x['/metrics/value_delivered/roi_multiplier']! }}></success-value>`,
      );
      const { text } = await openExplanation(el, 'How is total value computed?');
      expect(text).to.include('$0 + $185,000 + $100,000 = $285,000');
      await openExplanation(el, 'How is ROI computed?');
      await expect(el).to.be.accessible();
    });

    it('shows no disclosure for data without explanations', async () => {
      const el = await fixture<SuccessValue>(
        html`<success-value currency="USD" .value=${valueExample()}></success-value>`,
      );
      expect(explainButtons(el)).to.have.length(0);
    });
  });
});
