import { expect, fixture, html } from '@open-wc/testing';
import '../define/success-overview.js';
import '../define/success-provider.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import type { SuccessGoalsTable } from '../success-goals-table/success-goals-table.js';
import { pendingClient } from '../testing/clients.js';
import { explainButtons, openExplanation } from '../testing/explain.js';
import { acmeFiveGoals, acmeMetrics, globexAccount, XSS_PAYLOADS } from '../testing/fixtures.js';
import {
  deepQuery,
  deepQueryAll,
  deepText,
  domShape,
  flakyCustomerId,
  nextEvent,
  until,
} from '../testing/helpers.js';
import { afterEach, describe, it } from '../testing/mocha.js';
import type { SuccessOverview } from './success-overview.js';

/** Acme with PRD-165's five goals in place of the example's one. */
function acmeDashboard() {
  const m = acmeMetrics();
  m.goals = acmeFiveGoals();
  return m;
}

const part = (el: SuccessOverview, name: string) =>
  el.shadowRoot!.querySelector(`[part~="${name}"]`)!;
const cardTexts = (el: SuccessOverview) =>
  [...el.shadowRoot!.querySelectorAll('.card')]
    .filter((c) => !c.classList.contains('risk'))
    .map((c) => deepText(c));

describe('<success-overview>', () => {
  it('shows the PRD-165 7.1 dashboard for Acme Corp: 4.2x vs $68K, $285K', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${acmeDashboard()}></success-overview>`,
    );
    expect(deepText(part(el, 'header')))
      .to.include('Success Metrics: Acme Corp')
      .and.include('Generate report');
    expect(cardTexts(el)).to.deep.equal([
      'Goals achieved 2 / 5 40%',
      'Value delivered $285K Cost + Revenue',
      'ROI 4.2x vs $68K invest',
      'Success score 91/100 Strong',
    ]);
    // PRD-069's executive summary, in the words of the reports (calc's onTrackSummaryLine).
    expect(deepText(part(el, 'summary'))).to.equal('4 of 5 goals on track or exceeded');
    // One vocabulary: Acme's 118.75 % and 104.17 % goals read "Exceeded" in the table.
    expect(deepText(part(el, 'goals')))
      .to.include('Exceeded')
      .and.not.include('Exceeding');
    const text = deepText(el);
    expect(text).to.include('Reduce ticket time').and.include('Revenue from upsell');
    expect(text).to.include('2,400 hrs').and.include('$185K').and.include('$100K');
    expect(text).to.include('Total value: $285,000 Investment: $68,000 ROI: 4.2x');
    expect(text).to.include('Milestones achieved').and.include('Jan 15 First automation deployed');
    await expect(el).to.be.accessible();
  });

  it('highlights at-risk goals with their recommendations', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${acmeDashboard()}></success-overview>`,
    );
    const risk = part(el, 'at-risk');
    expect(deepText(risk)).to.equal(
      'Goals at risk Revenue from upsell At risk 70% progress, 66% expected by now Immediate: Review the expansion pipeline with the account team Revenue from upsell at 70 % of target',
    );
  });

  it('takes recommendations from the account view when the goal carries none', async () => {
    const data = acmeDashboard();
    data.goals[4]!.recommendations = [];
    const account = globexAccount();
    account.recommendations![0]!.goal_id = 'goal_acme_upsell';
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${data} .account=${account}></success-overview>`,
    );
    expect(deepText(part(el, 'at-risk'))).to.include('Immediate: Schedule team training session');
  });

  it('shows an at-risk goal without actions for a customer-facing token (recommendations null)', async () => {
    const data = acmeDashboard();
    for (const g of data.goals) g.recommendations = null;
    const account = globexAccount();
    account.recommendations = null;
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${data} .account=${account}></success-overview>`,
    );
    const atRisk = deepText(part(el, 'at-risk'));
    expect(atRisk).to.include('Revenue from upsell');
    expect(atRisk).not.to.include('Immediate:');
    expect(atRisk).not.to.include('This week:');
  });

  it('selects an at-risk goal with a cancelable success-goal-select and marks it in the table', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${acmeDashboard()}></success-overview>`,
    );
    const fired = nextEvent(document, 'success-goal-select');
    part(el, 'at-risk').querySelector<HTMLButtonElement>('button.goal')!.click();
    const event = await fired;
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail.goalId).to.equal('goal_acme_upsell');
    expect(event.target).to.equal(el);
    expect(deepQuery<SuccessGoalsTable>(el, 'success-goals-table').selectedGoalId).to.equal(
      'goal_acme_upsell',
    );
  });

  it('passes goal selection from its table out to the host', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${acmeDashboard()}></success-overview>`,
    );
    const fired = nextEvent(el, 'success-goal-select');
    const table = deepQuery<SuccessGoalsTable>(el, 'success-goals-table');
    table.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.goal')[1]!.click();
    expect((await fired).detail.goalId).to.equal('goal_acme_nps');
  });

  it('shows the benchmark comparison from the account view', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${acmeDashboard()} .account=${globexAccount()}></success-overview>`,
    );
    const b = deepText(part(el, 'benchmarks'));
    expect(b)
      .to.include('Benchmark comparison')
      .and.include('Acme Corp')
      .and.include('Peer average');
    // ROI as a multiplier, as on the ROI card: PRD-069's 184 % is 1.8x.
    expect(b).to.include('ROI 1.8x 1.2x 85th Above').and.not.include('184%');
    await expect(el).to.be.accessible();
  });

  it('places the trend chart in the progress-over-time spot, replaceable through the trends slot', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${acmeDashboard()}></success-overview>`,
    );
    const chart = part(el, 'trends').querySelector('success-trend-chart')!;
    expect(chart).to.exist;
    expect(chart.trends).to.have.length(1);
    const custom = await fixture<SuccessOverview>(
      html`<success-overview .data=${acmeDashboard()}><p slot="trends">Host chart</p></success-overview>`,
    );
    const slot = part(custom, 'trends').querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Host chart']);
  });

  it('shows PRD-069 empty state with Define goals when the customer has no goals', async () => {
    const data = acmeMetrics();
    data.goals = [];
    Object.assign(data.metrics.goals, {
      total: 0,
      achieved: 0,
      on_track: 0,
      at_risk: 0,
      achievement_rate: null,
    });
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${data}></success-overview>`,
    );
    expect(deepText(el))
      .to.include('Success Metrics: Acme Corp')
      .and.include('No success goals defined.');
    const fired = nextEvent(document, 'success-define-goals');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.empty button')!.click();
    const event = await fired;
    expect(event.detail.customerId).to.equal('cus_acme');
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the partial notice when a goal lacks some metric data', async () => {
    const data = acmeDashboard();
    data.goals[1]!.progress_note = 'Some metrics missing data. Showing available data.';
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${data}></success-overview>`,
    );
    expect(deepText(el.shadowRoot!.querySelector('.notice')!)).to.equal(
      'Some metrics missing data. Showing available data.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows the no-baseline reason in the goals and the score', async () => {
    const data = acmeMetrics();
    const g = data.goals[0]!;
    Object.assign(g, {
      achievement_pct: null,
      baseline_value: null,
      status: 'not_started',
      progress_note: 'Baseline not set. Cannot calculate progress.',
    });
    data.metrics.success_score = {
      score: null,
      band: null,
      note: 'Baseline not set. Cannot calculate progress.',
    };
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${data}></success-overview>`,
    );
    const text = deepText(el);
    expect(text.split('Baseline not set. Cannot calculate progress.').length - 1).to.be.at.least(2);
    await expect(el).to.be.accessible();
  });

  it('shows the ROI reason when there is no investment', async () => {
    const data = acmeMetrics();
    Object.assign(data.metrics.value_delivered, {
      investment: null,
      roi_multiplier: null,
      roi_note: 'No investment recorded.',
    });
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${data}></success-overview>`,
    );
    expect(cardTexts(el)[2]).to.equal('ROI — No investment recorded.');
  });

  it('formats in de-DE with EUR, down to the parts', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview locale="de-DE" currency="EUR" .data=${acmeDashboard()}></success-overview>`,
    );
    const cards = cardTexts(el);
    expect(cards[0]).to.equal('Goals achieved 2 / 5 40 %');
    expect(cards[1]).to.match(/^Value delivered 285\.000\s€ Cost \+ Revenue$/);
    expect(cards[2]).to.match(/^ROI 4,2x vs 68\.000\s€ invest$/);
    expect(deepText(part(el, 'value')))
      .to.include('2.400 Std.')
      .and.include('Total value: 285.000 €');
    expect(deepText(part(el, 'goals'))).to.include('11,5 Std.');
    expect(deepText(part(el, 'header'))).to.include('01.07.2025 – 30.04.2026');
  });

  it('switches theme for itself and every part it renders', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview theme="dark" .data=${acmeDashboard()} .account=${globexAccount()}></success-overview>`,
    );
    await el.updateComplete;
    const table = deepQuery<SuccessGoalsTable>(el, 'success-goals-table');
    await table.updateComplete;
    expect(getComputedStyle(table).getPropertyValue('--s-surface').trim()).to.equal('#0d1117');
    await expect(el).to.be.accessible();
    el.theme = 'light';
    await el.updateComplete;
    await table.updateComplete;
    expect(getComputedStyle(table).getPropertyValue('--s-surface').trim()).to.equal('#ffffff');
  });

  it('renders every text field from data as text only', async () => {
    const withText = (text: string) => {
      const data = acmeDashboard();
      data.customer.name = text;
      data.trends = [];
      for (const g of data.goals) {
        g.name = text;
        g.metric = text;
        // The action is the kit's own words (from its code); a metric's name is data.
        for (const r of g.recommendations ?? []) {
          Object.assign(r, {
            action: text,
            reason: text,
            causes: r.causes.map((c) => ({ ...c, metric: text })),
          });
        }
      }
      for (const m of data.metrics.milestones) Object.assign(m, { name: text, description: text });
      const account = globexAccount();
      for (const r of account.benchmarks!.rows) r.label = text;
      return { data, account };
    };
    const plain = withText('plain');
    const benign = await fixture<SuccessOverview>(
      html`<success-overview .data=${plain.data} .account=${plain.account}></success-overview>`,
    );
    for (const payload of XSS_PAYLOADS) {
      const d = withText(payload);
      const el = await fixture<SuccessOverview>(
        html`<success-overview .data=${d.data} .account=${d.account}></success-overview>`,
      );
      expect(deepText(el)).to.include(`Success Metrics: ${payload}`);
      expect(deepText(part(el, 'at-risk'))).to.include(`${payload} at 70 % of target`);
      expect(domShape(el)).to.deep.equal(domShape(benign));
    }
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('is usable by keyboard: Generate report and every goal are reachable buttons', async () => {
    const el = await fixture<SuccessOverview>(
      html`<success-overview .data=${acmeDashboard()}></success-overview>`,
    );
    const generate = part(el, 'generate-report') as HTMLButtonElement;
    generate.focus();
    expect(el.shadowRoot!.activeElement).to.equal(generate);
    expect(deepQueryAll(el, 'button.goal')).to.have.length(6);
  });

  describe('Generate report', () => {
    const realClick = HTMLAnchorElement.prototype.click;
    afterEach(() => {
      HTMLAnchorElement.prototype.click = realClick;
    });

    it('fires a bubbling, composed, cancelable success-generate-report', async () => {
      const el = await fixture<SuccessOverview>(
        html`<success-overview locale="de-DE" .data=${acmeDashboard()}></success-overview>`,
      );
      const fired = nextEvent(document, 'success-generate-report');
      (part(el, 'generate-report') as HTMLButtonElement).click();
      const event = await fired;
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(event.detail).to.deep.equal({
        customerId: 'cus_acme',
        format: 'pdf',
        locale: 'de-DE',
      });
    });

    it('downloads the report from the API unless the host cancels', async () => {
      const downloads: string[] = [];
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push(this.download);
      };
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-overview customer-id="cus_acme" report-format="html"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await until(() => !!el.shadowRoot!.querySelector('[part~="generate-report"]'), 'dashboard');
      const button = part(el, 'generate-report') as HTMLButtonElement;

      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('success-generate-report', cancel, { once: true });
      button.click();
      await el.updateComplete;
      expect(button.disabled).to.equal(false);
      expect(downloads).to.deep.equal([]);

      button.click();
      await until(() => downloads.length === 1, 'download');
      expect(downloads).to.deep.equal(['success-report.html']);
      await el.updateComplete;
      expect(button.textContent!.trim()).to.equal('Generate report');
    });
  });

  describe('inside a provider', () => {
    it('fetches the customer metrics and the account view (benchmarks) for customer-id', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await until(() => deepText(el).includes('Peer average'), 'dashboard with benchmarks');
      // Fetched with `explain: true`: the figure carries its disclosure, named for it.
      expect(cardTexts(el)[2]).to.equal('ROI 4.2x How is ROI computed? vs $68K invest');
      await expect(el).to.be.accessible();
    });

    it("opens the cards' explanations by keyboard: ROI $285,000 / $68,000 = 4.19, value and rate", async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      const roi = await openExplanation(el, 'How is ROI computed?');
      expect(roi.text).to.include('$285,000 / $68,000 = 4.19');
      expect(roi.text).to.include('investment: 68,000');
      expect(roi.text).to.include('Rule: TC-165.2');
      expect(el.shadowRoot!.activeElement).to.equal(roi.button);
      const value = await openExplanation(el, 'How is value delivered computed?', 'Space');
      expect(value.text).to.include('$0 + $185,000 + $100,000 = $285,000');
      const rate = await openExplanation(el, 'How is the goal achievement rate computed?');
      expect(rate.text).to.include('2 / 5 × 100 = 40 %');
      await expect(el).to.be.accessible();
    });

    it('passes the explanations to its parts: score, value, goals and benchmarks', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await until(() => deepText(el).includes('Peer average'), 'dashboard with benchmarks');
      const score = await openExplanation(el, 'How is Success score computed?');
      expect(score.text).to.include('= 91 of 100: strong');
      const total = await openExplanation(el, 'How is total value computed?');
      expect(total.text).to.include('= $285,000');
      const goal = await openExplanation(el, 'How is the progress of Reduce ticket time computed?');
      expect(goal.text).to.include('(104.17 × 1) / 1 = 104.17 %');
      const names = explainButtons(el).map((b) => b.textContent!.trim());
      expect(names.some((n) => n.startsWith('How is the value of'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows no disclosure for data given without explanations', async () => {
      const el = await fixture<SuccessOverview>(
        html`<success-overview .data=${acmeDashboard()} .account=${globexAccount()}></success-overview>`,
      );
      expect(explainButtons(el)).to.have.length(0);
    });

    it('shows a skeleton while loading', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="status"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows the problem title and Retry, and Retry loads the dashboard and the benchmarks', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-overview customer-id=${flakyCustomerId()}></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await until(() => deepText(el).includes('Internal server error'), 'error');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.error button')!.click();
      await until(
        () => deepText(el).includes('Success Metrics: Acme Corp'),
        'dashboard after retry',
      );
      // The account view failed once too: its section offers its own Retry.
      const benchmarks = part(el, 'benchmarks');
      await until(() => deepText(benchmarks).includes('Internal server error'), 'benchmarks error');
      benchmarks.querySelector<HTMLButtonElement>('.error button')!.click();
      await until(
        () => deepText(part(el, 'benchmarks')).includes('Peer average'),
        'benchmarks after retry',
      );
    });

    it('keeps the dashboard on screen, marked stale, while refresh() runs', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await until(() => deepText(el).includes('Success Metrics: Acme Corp'), 'dashboard');
      const done = el.refresh();
      await el.updateComplete;
      expect(deepText(el))
        .to.include('Showing earlier data. Refreshing…')
        .and.include('Success Metrics: Acme Corp');
      await expect(el).to.be.accessible();
      await done;
      await el.updateComplete;
      expect(deepText(el)).not.to.include('Showing earlier data');
    });

    it('fetches again for a new period', async () => {
      const periods: (string | undefined)[] = [];
      const client = {
        getCustomerSuccessMetrics: async ({ period }: { period?: string }) => {
          periods.push(period);
          return acmeDashboard();
        },
        getAccountSuccessMetrics: async () => globexAccount(),
      };
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${client as unknown as SuccessProvider['client']}><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await until(() => deepText(el).includes('Success Metrics: Acme Corp'), 'dashboard');
      el.period = '2026-Q2';
      await until(() => periods.length === 2, 'second fetch');
      expect(periods).to.deep.equal([undefined, '2026-Q2']);
    });

    it('renders a problem title full of markup as text only', async () => {
      const payload = XSS_PAYLOADS[0];
      const failure = {
        name: 'SuccessApiError',
        status: 500,
        problem: { title: payload, status: 500 },
      };
      const client = {
        getCustomerSuccessMetrics: () => Promise.reject(failure),
        getAccountSuccessMetrics: () => Promise.reject(failure),
      };
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${client as unknown as SuccessProvider['client']}><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await until(() => deepText(el).includes(payload), 'error title shown');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });

    it('fetches again for a new customer-id', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-overview customer-id="cus_missing"></success-overview></success-provider>`,
      );
      const el = p.querySelector('success-overview')!;
      await until(() => deepText(el).includes('Not found'), 'not found');
      el.customerId = 'cus_acme';
      await until(() => deepText(el).includes('Success Metrics: Acme Corp'), 'dashboard');
    });
  });
});
