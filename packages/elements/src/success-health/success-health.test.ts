import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/success-health.js';
import '../define/success-provider.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import { pendingClient } from '../testing/clients.js';
import { explainButtons, openExplanation } from '../testing/explain.js';
import { healthExample, healthInDecline, XSS_PAYLOADS } from '../testing/fixtures.js';
import { deepText, domShape, flakyCustomerId, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { SuccessHealth } from './success-health.js';

const api = `${location.origin}/reference-api`;
const q = (el: SuccessHealth, s: string) => el.shadowRoot!.querySelector(s);
const meter = (el: SuccessHealth) => q(el, '[role="meter"]')!;

async function shown(h: ReturnType<typeof healthExample>, theme?: 'light' | 'dark') {
  const el = await fixture<SuccessHealth>(
    html`<success-health .data=${h} theme=${theme ?? 'light'}></success-health>`,
  );
  await el.updateComplete;
  return el;
}

describe('<success-health>', () => {
  describe('given .data (no network)', () => {
    it('shows the score as a meter with the band in words and the as-of day', async () => {
      const el = await shown(healthExample());
      expect(meter(el).getAttribute('aria-valuenow')).to.equal('78');
      expect(meter(el).getAttribute('aria-valuetext')).to.equal('78 of 100, Good');
      expect(meter(el).getAttribute('aria-label')).to.equal('Health score');
      const text = deepText(el);
      expect(text).to.include('78/100').and.include('Good').and.include('As of Apr 30, 2026');
      expect(q(el, '.gauge')!.classList.contains('band-good')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it("draws each band in seed 002's colour: green, yellow, orange, red", async () => {
      const colours: Record<string, string> = {};
      for (const [band, score] of [
        ['excellent', 95],
        ['good', 80],
        ['at_risk', 60],
        ['critical', 30],
      ] as const) {
        const h = healthExample();
        h.score = score;
        h.band = band;
        const el = await shown(h);
        colours[band] = getComputedStyle(q(el, '.bar')!).stroke;
        expect(deepText(el)).to.include(
          { excellent: 'Excellent', good: 'Good', at_risk: 'At risk', critical: 'Critical' }[band],
        );
      }
      expect(colours).to.deep.equal({
        excellent: 'rgb(26, 127, 55)',
        good: 'rgb(191, 135, 0)',
        at_risk: 'rgb(188, 76, 0)',
        critical: 'rgb(196, 35, 46)',
      });
    });

    it('lists the four components with their weights and sources', async () => {
      const el = await shown(healthExample());
      const rows = [...el.shadowRoot!.querySelectorAll('[part="components"] tbody tr')].map((r) =>
        [...r.children].map((c) => (c.textContent ?? '').trim()),
      );
      expect(rows).to.deep.equal([
        ['Product usage', '80', '40%', 'product analytics'],
        ['Business outcomes', '90', '25%', 'derived from goals, ROI and milestones'],
        ['Relationship quality', '70', '20%', 'QBR survey'],
        ['Account growth', '60', '15%', 'CRM'],
      ]);
    });

    it('shows the history as a labelled chart and a table, newest first', async () => {
      const el = await shown(healthInDecline());
      const chart = q(el, 'svg.history')!;
      expect(chart.getAttribute('role')).to.equal('img');
      expect(chart.getAttribute('aria-label')).to.equal(
        '4 observations from Jan 31, 2026 to Apr 30, 2026: 92 to 45',
      );
      expect(chart.querySelectorAll('rect.col')).to.have.length(4);
      expect(chart.querySelector('rect.band-critical')).to.exist;
      const rows = [...el.shadowRoot!.querySelectorAll('[part="history"] tbody tr')].map((r) =>
        (r.textContent ?? '').replace(/\s+/g, ' ').trim(),
      );
      expect(rows[0]).to.equal('Apr 30, 2026 45 Critical');
      expect(rows[3]).to.equal('Jan 31, 2026 92 Excellent');
    });

    it('lists the active triggers with their dates, scores and causes', async () => {
      const el = await shown(healthInDecline());
      const items = [...el.shadowRoot!.querySelectorAll('[part="triggers"] li')].map((li) =>
        (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      );
      expect(items).to.have.length(2);
      expect(items[0]).to.include('Entered critical').and.include('Apr 30, 2026');
      expect(items[0]).to.include('From 61 on Mar 31, 2026 to 45 on Apr 30, 2026');
      expect(items[1]).to.include('3 declines in a row');
      expect(items[1]).to.include('Three declines in a row, from 92 on 2026-01-31');
      await expect(el).to.be.accessible();
    });

    it('says so when no trigger is active', async () => {
      const el = await shown(healthExample());
      expect(deepText(el)).to.include('No active triggers.');
    });

    it("shows the API's note when there is no observation yet", async () => {
      const h = healthExample();
      Object.assign(h, {
        score: null,
        band: null,
        as_of: null,
        components: [],
        history: [],
        note: 'No health observation recorded yet. Record one to get a health score.',
      });
      const el = await shown(h);
      expect(deepText(el)).to.include('No health observation recorded yet. Record one');
      expect(q(el, '[role="meter"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('renders texts of the data full of markup as text only', async () => {
      const benign = healthInDecline();
      benign.components[0]!.source = 'plain';
      benign.active_triggers[0]!.cause = 'plain';
      const base = domShape(await shown(benign));
      for (const payload of XSS_PAYLOADS) {
        const h = healthInDecline();
        h.components[0]!.source = payload;
        h.active_triggers[0]!.cause = payload;
        const el = await shown(h);
        expect(deepText(el)).to.include(payload);
        expect(domShape(el)).to.deep.equal(base);
      }
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });

    it('has no axe violation in the dark theme, with every section shown', async () => {
      const el = await shown(healthInDecline(), 'dark');
      expect(getComputedStyle(el).getPropertyValue('--s-surface').trim()).to.equal('#0d1117');
      expect(getComputedStyle(q(el, '.bar')!).stroke).to.equal('rgb(255, 107, 97)');
      q(el, 'details')!.setAttribute('open', '');
      await expect(el).to.be.accessible();
    });

    it('has no axe violation in the light theme with the history table open', async () => {
      const el = await shown(healthInDecline(), 'light');
      q(el, 'details')!.setAttribute('open', '');
      await expect(el).to.be.accessible();
    });
  });

  describe('How is this computed?', () => {
    it('opens the score explanation by keyboard and closes it with Escape', async () => {
      const el = await shown(healthInDecline());
      const { button, text } = await openExplanation(el, 'How is Health score computed?');
      expect(text).to.include('= 45 of 100: critical');
      expect(meter(el).contains(button), 'the button is outside the meter').to.equal(false);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(() => button.getAttribute('aria-expanded') === 'false', 'closed');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it("explains an active trigger with the API's explanation of it", async () => {
      const el = await shown(healthInDecline());
      const { text } = await openExplanation(el, 'How is 3 declines in a row computed?', 'Space');
      expect(text).to.include('92 > 84 > 61 > 45');
    });

    it('shows no disclosure without explanations', async () => {
      const h = healthInDecline();
      h.explanations = {};
      const el = await shown(h);
      expect(explainButtons(el)).to.have.length(0);
    });
  });

  describe('inside a provider', () => {
    it('fetches the health of customer-id', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-health customer-id="cus_acme"></success-health></success-provider>`,
      );
      const el = p.querySelector('success-health')!;
      await until(() => deepText(el).includes('78/100'), 'health shown');
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while loading', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}><success-health customer-id="cus_acme"></success-health></success-provider>`,
      );
      const el = p.querySelector('success-health')!;
      await el.updateComplete;
      expect(q(el, '[role="status"]')).to.exist;
      expect(deepText(el)).to.include('Loading customer health');
      await expect(el).to.be.accessible();
    });

    it('shows the problem title with Retry, and Retry loads the health', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-health customer-id=${flakyCustomerId()}></success-health></success-provider>`,
      );
      const el = p.querySelector('success-health')!;
      await until(() => deepText(el).includes('Internal server error'), 'error shown');
      expect(q(el, '[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
      (q(el, '[role="alert"] button') as HTMLButtonElement).click();
      await until(() => deepText(el).includes('78/100'), 'health after retry');
    });

    it('keeps the health on screen, marked stale, while a refresh runs', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-health customer-id="cus_acme"></success-health></success-provider>`,
      );
      const el = p.querySelector('success-health')!;
      await until(() => deepText(el).includes('78/100'), 'health shown');
      const refreshed = el.refresh();
      await el.updateComplete;
      expect(deepText(el)).to.include('Showing earlier data. Refreshing…').and.include('78/100');
      await refreshed;
      await until(() => !deepText(el).includes('Showing earlier data'), 'fresh');
    });
  });

  describe('against the reference server', () => {
    it("shows Acme Corp's seeded year: good now, ten monthly observations, every component", async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-csm-token"><success-health customer-id="cus_acme"></success-health></success-provider>`,
      );
      const el = p.querySelector('success-health')!;
      await until(() => q(el, '[role="meter"]') !== null, 'health shown', 20_000);
      expect(meter(el).getAttribute('aria-valuetext')).to.match(/^\d+ of 100, Good$/);
      expect(el.shadowRoot!.querySelectorAll('svg.history rect.col')).to.have.length(10);
      expect(el.shadowRoot!.querySelectorAll('[part="components"] tbody tr')).to.have.length(4);
      expect(deepText(el)).to.include('Product analytics');
      await expect(el).to.be.accessible();
    });

    it("shows Globex's active triggers, critical after a fall", async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider base-url=${api} token="demo-manager-token"><success-health customer-id="cus_globex"></success-health></success-provider>`,
      );
      const el = p.querySelector('success-health')!;
      await until(() => q(el, '[role="meter"]') !== null, 'health shown', 20_000);
      expect(meter(el).getAttribute('aria-valuetext')).to.match(/, Critical$/);
      const text = deepText(el);
      expect(text).to.include('Entered critical').and.include('3 declines in a row');
      await openExplanation(el, 'How is Health score computed?');
      await expect(el).to.be.accessible();
    });
  });
});
