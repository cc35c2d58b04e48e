import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/success-kpis.js';
import '../define/success-provider.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import { pendingClient } from '../testing/clients.js';
import { explainButtons, openExplanation } from '../testing/explain.js';
import { kpisExample, XSS_PAYLOADS } from '../testing/fixtures.js';
import { deepText, domShape, flakyCustomerId, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { SuccessKpis } from './success-kpis.js';

const api = `${location.origin}/reference-api`;
const q = (el: SuccessKpis, s: string) => el.shadowRoot!.querySelector(s);
const tile = (el: SuccessKpis, name: string) => q(el, `[data-kpi="${name}"]`) as HTMLElement;
const tileText = (el: SuccessKpis, name: string) =>
  (tile(el, name).textContent ?? '').replace(/\s+/g, ' ').trim();

async function shown(
  k: ReturnType<typeof kpisExample>,
  attrs: { theme?: string; locale?: string } = {},
) {
  const el = await fixture<SuccessKpis>(
    html`<success-kpis .data=${k} theme=${attrs.theme ?? 'light'} locale=${attrs.locale ?? 'en-US'}></success-kpis>`,
  );
  await el.updateComplete;
  return el;
}

describe('<success-kpis>', () => {
  describe('given .data (no network)', () => {
    it('shows every KPI as a tile in three groups, with the month', async () => {
      const el = await shown(kpisExample());
      const groups = [...el.shadowRoot!.querySelectorAll('[part="group"] h4')].map(
        (h) => h.textContent,
      );
      expect(groups).to.deep.equal(['Retention and growth', 'Customer satisfaction', 'Service']);
      expect(el.shadowRoot!.querySelectorAll('[part="tile"]')).to.have.length(17);
      expect(deepText(el)).to.include('KPIs for November 2026');
      await expect(el).to.be.accessible();
    });

    it('formats each value in its unit through the formatters', async () => {
      const el = await shown(kpisExample());
      const value = (n: string) => (tile(el, n).querySelector('.figure')!.textContent ?? '').trim();
      expect(value('nrr')).to.equal('100%');
      expect(value('clv')).to.equal('$2,599,128');
      expect(value('cac_payback')).to.equal('7.4 months');
      expect(value('csat')).to.equal('4.28 of 5');
      expect(value('nps')).to.equal('33');
      expect(value('fcr')).to.equal('81.4%');
      expect(value('aht')).to.equal('10.1 min');
      expect(value('ttr_high')).to.match(/^15\.7 hrs?$/);
    });

    it('rates each KPI in words beside its colour, against the thresholds it shows', async () => {
      const el = await shown(kpisExample());
      expect(tileText(el, 'grr')).to.include('Best in class');
      expect(tile(el, 'grr').classList.contains('rating-best_in_class')).to.equal(true);
      expect(tileText(el, 'fcr')).to.include('On target');
      expect(tileText(el, 'nrr')).to.include('Acceptable');
      expect(tileText(el, 'nrr')).to.include('Target 110%, minimum 100%, best in class 120%');
      expect(tileText(el, 'sla_compliance')).to.include('Below minimum');
      expect(tile(el, 'sla_compliance').querySelector('.status.danger')).to.exist;
      expect(tileText(el, 'clv')).to.include('No threshold');
      // The badge's colour is not all it says: its text is the rating.
      const badge = tile(el, 'ces').querySelector('[part="status"]')!;
      expect((badge.textContent ?? '').trim()).to.equal('Below minimum');
    });

    it('shows the trend from the previous month in words', async () => {
      const el = await shown(kpisExample());
      expect(tileText(el, 'fcr')).to.include('Improving from 75.6%');
      expect(tileText(el, 'aht')).to.include('Worsening from 7.5 min');
      expect(tileText(el, 'nrr')).to.include('Unchanged from 100%');
    });

    it('reads "Not measured" with the reason for a KPI without a value, never NaN', async () => {
      const k = kpisExample();
      k.kpis.nps = {
        ...k.kpis.nps,
        value: null,
        rating: null,
        trend: null,
        previous_value: null,
        reason: 'No NPS answers recorded for 2026-11.',
      };
      k.kpis.clv = { ...k.kpis.clv, value: Number.NaN };
      const el = await shown(k);
      expect(tileText(el, 'nps')).to.include('Not measured').and.include('No NPS answers recorded');
      expect(tileText(el, 'clv')).to.include('Not measured');
      expect(deepText(el)).not.to.match(/NaN|Infinity/);
      expect(tile(el, 'nps').querySelector('button')).to.equal(null);
      expect(deepText(el)).to.include('Some KPIs have no data for this month.');
      await expect(el).to.be.accessible();
    });

    it('says nothing is partial when every KPI is measured', async () => {
      const el = await shown(kpisExample());
      expect(deepText(el)).not.to.include('Some KPIs have no data');
    });

    it("shows the API's note when there is no observation", async () => {
      const k = kpisExample();
      Object.assign(k, {
        period: null,
        previous_period: null,
        periods: [],
        observation: null,
        note: 'No KPI observation recorded for this customer yet.',
      });
      const el = await shown(k);
      expect(deepText(el)).to.include('No KPI observation recorded for this customer yet.');
      expect(q(el, '[part="tile"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('writes numbers and the month in the locale', async () => {
      const el = await shown(kpisExample(), { locale: 'de-DE' });
      expect(deepText(el)).to.include('November 2026');
      expect((tile(el, 'fcr').querySelector('.figure')!.textContent ?? '').trim()).to.equal(
        '81,4\u00a0%',
      );
    });

    it('renders texts of the data full of markup as text only', async () => {
      const withReason = (reason: string) => {
        const k = kpisExample();
        k.kpis.ces = { ...k.kpis.ces, value: null, rating: null, reason };
        return k;
      };
      const base = domShape(await shown(withReason('plain')));
      for (const payload of XSS_PAYLOADS) {
        const el = await shown(withReason(payload));
        expect(deepText(el)).to.include(payload);
        expect(domShape(el)).to.deep.equal(base);
      }
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });

    it('has no axe violation in the dark theme', async () => {
      const el = await shown(kpisExample(), { theme: 'dark' });
      expect(getComputedStyle(el).getPropertyValue('--s-surface').trim()).to.equal('#0d1117');
      await expect(el).to.be.accessible();
    });
  });

  describe('How is this computed?', () => {
    it('opens a KPI explanation by keyboard and closes it with Escape', async () => {
      const el = await shown(kpisExample());
      const { button, text } = await openExplanation(el, 'How is Net revenue retention computed?');
      expect(text).to.include('($81,223 + $0 − $0 − $0) / $81,223 × 100 = 100 %');
      expect(text).to.include('Rule: Seed 003');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(() => button.getAttribute('aria-expanded') === 'false', 'closed');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('reaches every disclosure with Tab, in reading order', async () => {
      const el = await shown(kpisExample());
      const buttons = explainButtons(el);
      expect(buttons).to.have.length(17);
      buttons[0]!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
      expect(buttons[1]!.closest('[data-kpi]')!.getAttribute('data-kpi')).to.equal('grr');
    });
  });

  describe('inside a provider', () => {
    it('fetches the KPIs of customer-id', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-kpis customer-id="cus_acme"></success-kpis></success-provider>`,
      );
      const el = p.querySelector('success-kpis')!;
      await until(() => deepText(el).includes('Net revenue retention'), 'KPIs shown');
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while loading', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}><success-kpis customer-id="cus_acme"></success-kpis></success-provider>`,
      );
      const el = p.querySelector('success-kpis')!;
      await el.updateComplete;
      expect(q(el, '[role="status"]')).to.exist;
      expect(deepText(el)).to.include('Loading customer KPIs');
      await expect(el).to.be.accessible();
    });

    it('shows the problem title with Retry, and Retry loads the KPIs', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-kpis customer-id=${flakyCustomerId()}></success-kpis></success-provider>`,
      );
      const el = p.querySelector('success-kpis')!;
      await until(() => deepText(el).includes('Internal server error'), 'error shown');
      expect(q(el, '[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
      (q(el, '[role="alert"] button') as HTMLButtonElement).click();
      await until(() => deepText(el).includes('Net revenue retention'), 'KPIs after retry');
    });

    it('keeps the KPIs on screen, marked stale, while a refresh runs', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-kpis customer-id="cus_acme"></success-kpis></success-provider>`,
      );
      const el = p.querySelector('success-kpis')!;
      await until(() => deepText(el).includes('Net revenue retention'), 'KPIs shown');
      const refreshed = el.refresh();
      await el.updateComplete;
      expect(deepText(el))
        .to.include('Showing earlier data. Refreshing…')
        .and.include('Net revenue retention');
      await refreshed;
      await until(() => !deepText(el).includes('Showing earlier data'), 'fresh');
    });
  });

  describe('against the reference server', () => {
    it("shows Acme's seeded KPIs to its read-only viewer, rated, with no write control", async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-viewer-token"><success-kpis customer-id="cus_acme"></success-kpis></success-provider>`,
      );
      const el = p.querySelector('success-kpis')!;
      await until(() => q(el, '[part="tile"]') !== null, 'KPIs shown', 20_000);
      expect(el.shadowRoot!.querySelectorAll('[part="tile"]')).to.have.length(17);
      expect(el.shadowRoot!.querySelectorAll('[part="status"]').length).to.be.greaterThan(10);
      const buttons = [...el.shadowRoot!.querySelectorAll('button')];
      expect(buttons.every((b) => b.classList.contains('explain-toggle'))).to.equal(true);
      expect(deepText(el)).not.to.match(/NaN|Infinity/);
      await expect(el).to.be.accessible();
    });

    it('fetches the month named by period', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-csm-token"><success-kpis customer-id="cus_acme" period="2026-03"></success-kpis></success-provider>`,
      );
      const el = p.querySelector('success-kpis')!;
      await until(() => deepText(el).includes('KPIs for March 2026'), 'March shown', 20_000);
    });

    it("shows the server's note for a month without an observation in the element's language", async () => {
      // The API's words (language.test.ts has its reasons too), asked for in German.
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-csm-token" locale="de-DE"><success-kpis customer-id="cus_acme" period="2019-03"></success-kpis></success-provider>`,
      );
      const el = p.querySelector('success-kpis')!;
      await until(() => deepText(el).includes('erfasst'), 'the note shown', 20_000);
      expect(deepText(el)).to.include('Keine KPI-Beobachtung für 2019-03 erfasst.');
      expect(deepText(el)).not.to.match(/recorded/);
    });
  });
});
