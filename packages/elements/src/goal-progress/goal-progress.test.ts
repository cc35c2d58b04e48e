import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';
import { expect, fixture, html } from '@open-wc/testing';
import '../define/goal-progress.js';
import '../define/success-provider.js';
import { scopeExplanations } from '../explain/explain.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import type { SuccessTrendChart } from '../success-trend-chart/success-trend-chart.js';
import { pendingClient } from '../testing/clients.js';
import { explainButtons, openExplanation } from '../testing/explain.js';
import {
  acmeExplanations,
  acmeMetrics,
  globexAccount,
  goalExample,
  type Mutable,
  problems,
  XSS_PAYLOADS,
} from '../testing/fixtures.js';
import { deepText, domShape, nextEvent, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { SuccessGoal } from '../types.js';
import type { GoalProgress } from './goal-progress.js';

type Driver = SuccessGoal['value_drivers'][number];

const driver = (d: Partial<Driver> & Pick<Driver, 'type' | 'label'>): Driver => ({
  confidence: null,
  metric_id: null,
  measured_change: null,
  projected_hours: d.annual_hours ?? 0,
  projected_value: d.annual_value ?? 0,
  value_note: null,
  hours_per_unit: null,
  units_per_month: null,
  hours_per_month: null,
  hourly_rate: null,
  monthly_amount: null,
  annual_amount: null,
  annual_hours: 0,
  annual_value: 0,
  ...d,
});

/** PRD-165 7.2's value calculation: 12.5 h per ticket x 150 tickets/month at $50/h. */
const ticketTimeSaved = () =>
  driver({
    type: 'time_saved',
    label: 'Ticket handling time saved',
    confidence: 'high',
    hours_per_unit: 12.5,
    units_per_month: 150,
    hourly_rate: 50,
    annual_hours: 22_500,
    annual_value: 1_125_000,
  });

/** TC-165.1's goal (openapi.yaml's SuccessGoal example) with PRD-165 7.2's value inputs. */
function tc1651(): Mutable<SuccessGoal> {
  const goal = goalExample();
  goal.value_drivers = [ticketTimeSaved(), ...goal.value_drivers];
  goal.annual_value = 1_125_000;
  goal.projected_value = 1_125_000;
  return goal;
}

/** TC-165.1's goal with PRD-165 7.2's driver linked to its metric (24 h -> 11.5 h measured). */
function linked(): Mutable<SuccessGoal> {
  const goal = goalExample();
  goal.value_drivers = [
    driver({
      type: 'time_saved',
      label: 'Ticket handling time saved',
      metric_id: goal.metrics[0]!.id,
      units_per_month: 150,
      hourly_rate: 50,
      measured_change: 12.5,
      annual_hours: 22_500,
      annual_value: 1_125_000,
      projected_hours: 21_600,
      projected_value: 1_080_000,
    }),
  ];
  return goal;
}

/** PRD-069's "Increase team efficiency": three metrics in three units, at risk. */
const globexGoal = () => globexAccount().goals[0]!;

const root = (el: GoalProgress) => el.shadowRoot!;
const text = (el: GoalProgress) => deepText(el).replace(/\s+/g, ' ');
const factsOf = (el: GoalProgress, part: string) =>
  Array.from(root(el).querySelectorAll(`[part="${part}"] .facts dt`)).map((dt) => [
    dt.textContent!.replace(/\s+/g, ' ').trim(),
    dt.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim(),
  ]);
const chartOf = (el: GoalProgress) =>
  root(el).querySelector<SuccessTrendChart>('success-trend-chart')!;

/**
 * A client answering getSuccessGoal from `goals` (404 problem for others), counting calls; it
 * fails the first call with `failFirst`, and every call after the first with `failLater`.
 */
function goalClient(
  goals: readonly SuccessGoal[],
  failFirst = false,
  failLater = false,
  metrics?: unknown,
) {
  const calls: string[] = [];
  const client: SuccessClient = createSuccessClient({
    baseUrl: location.origin,
    token: 't',
    retries: 0,
    fetch: async (input) => {
      const url = new URL((input as Request).url);
      // The customer's metrics (explanations of the goal) are not counted: `calls` are the goal's.
      if (url.pathname.includes('/success-metrics/')) {
        return metrics && url.searchParams.get('explain') === 'true'
          ? new Response(JSON.stringify(metrics), {
              status: 200,
              headers: { 'content-type': 'application/json' },
            })
          : new Response(JSON.stringify(problems().notFound), {
              status: 404,
              headers: { 'content-type': 'application/problem+json' },
            });
      }
      calls.push(url.pathname);
      const id = decodeURIComponent(url.pathname.split('/').pop() ?? '');
      const goal = goals.find((g) => g.id === id);
      if (!goal || (failFirst && calls.length === 1) || (failLater && calls.length > 1)) {
        return new Response(JSON.stringify({ ...problems().notFound, title: 'Goal not found' }), {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        });
      }
      return new Response(JSON.stringify(goal), {
        status: 200,
        headers: { 'content-type': 'application/json', etag: `"${goal.version}"` },
      });
    },
  });
  return { client, calls };
}

async function show(goal: SuccessGoal, attrs: { locale?: string; currency?: string } = {}) {
  const el = await fixture<GoalProgress>(
    html`<goal-progress
      .goal=${goal}
      locale=${attrs.locale ?? 'en-US'}
      currency=${attrs.currency ?? ''}
    ></goal-progress>`,
  );
  await el.updateComplete;
  return el;
}

describe('<goal-progress>', () => {
  it('shows TC-165.1: 24 h to 12 h, now 11.5 h, 104 %, achieved and read as Exceeded', async () => {
    const el = await show(tc1651());
    expect(root(el).querySelector('h2')!.textContent).to.equal('Goal: Reduce ticket time');
    expect(factsOf(el, 'details')).to.deep.include.members([
      ['Metric', 'Average resolution time'],
      ['Baseline', '24 hrs'],
      ['Target', '12 hrs (50% reduction)'],
      ['Current', '11.5 hrs (52% reduction)'],
      ['Progress', '104%'],
      ['Expected pace', '66% of the way by today'],
      ['Target date', 'Jun 30, 2026'],
      ['Forecast to reach target', 'Apr 17, 2026'],
    ]);
    // TC-165.1's achieved goal at 104 % reads "Exceeded", as in the goals table and the reports.
    const status = factsOf(el, 'details').find(([k]) => k === 'Status')![1];
    expect(status).to.equal('Exceeded');
    // Status in words with an icon, never colour alone.
    expect(root(el).querySelector('[part="header"] .status svg')).to.not.equal(null);
    expect(root(el).querySelector('[part="header"] .status')!.textContent!.trim()).to.equal(
      'Exceeded',
    );
    await expect(el).to.be.accessible();
  });

  it('draws progress over time with the target line and the expected pace', async () => {
    const el = await show(tc1651());
    const chart = chartOf(el);
    chart.scrollIntoView();
    await until(() => chart.chartRendered, 'chart drawn', 8000);
    const cr = chart.shadowRoot!;
    // The metric's line and the pace line (baseline at start to target at the target date).
    expect(cr.querySelectorAll('.canvas .mark-line path')).to.have.length(2);
    expect(cr.querySelector('.canvas .mark-rule line[stroke-dasharray="6,4"]')).to.not.equal(null);
    const legend = cr.querySelector('[part="legend"]')!.textContent!;
    expect(legend).to.contain('Target');
    expect(legend).to.contain('Expected pace');
    // One metric: the chart names the goal's own forecast date, as the details do.
    expect(cr.querySelector('[part="summary"]')!.textContent).to.contain(
      'Forecast to reach target: Apr 17, 2026.',
    );
    await expect(el).to.be.accessible();
  });

  it('calculates value as per-unit saving x volume x rate: $93,750 a month', async () => {
    const el = await show(tc1651());
    const facts = factsOf(el, 'value');
    expect(facts.slice(0, 5)).to.deep.equal([
      ['Time saved per unit', '12.5 hrs'],
      ['Units per month', '150'],
      ['Hours saved monthly', '1,875 hrs'],
      ['Value at $50/hr', '$93,750/month'],
      ['Hours saved per year', '22,500 hrs'],
    ]);
    expect(facts).to.deep.include(['Annual value', '$1,125,000']);
    // The example's 200 h/month without a rate: hours shown, no money (never counted twice).
    expect(text(el)).to.contain(
      'No hourly rate set: the hours are reported, not counted as money.',
    );
    expect(facts).to.deep.include(['Hours saved monthly', '200 hrs']);
    // Hours without a rate show as hours, never as "$0 per year".
    expect(facts).to.deep.include(['Annual value', '2,400 hrs, not monetised']);
    expect(facts).not.to.deep.include(['Annual value', '$0']);
    expect(root(el).querySelector('.total')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Total annual value $1,125,000',
    );
    await expect(el).to.be.accessible();
  });

  it("takes a linked driver's per-unit time from its metric: 24 h - 11.5 h = 12.5 h, $93,750 a month", async () => {
    const el = await show(linked());
    expect(factsOf(el, 'value')).to.deep.equal([
      ['Measured on', 'Average resolution time: 24 hrs → 11.5 hrs'],
      ['Time saved per unit', '12.5 hrs'],
      ['Units per month', '150'],
      ['Hours saved monthly', '1,875 hrs'],
      ['Value at $50/hr', '$93,750/month'],
      ['Hours saved per year', '22,500 hrs'],
      ['Annual value', '$1,125,000'],
      ['Projected at target', '$1,080,000'],
    ]);
    expect(root(el).querySelector('.total')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Total annual value $1,125,000',
    );
    // At target (12 h saved per ticket) on its own line, not in the total.
    expect(
      root(el).querySelector('[part="projected"]')!.textContent!.replace(/\s+/g, ' '),
    ).to.contain('Projected at target (not in the total) $1,080,000');
    await expect(el).to.be.accessible();
  });

  it('delivers nothing for a goal with no measurement, and shows its value as projected', async () => {
    const goal = goalExample();
    for (const m of goal.metrics) {
      m.measurements = [];
      m.current_value = null;
    }
    goal.value_drivers = [
      driver({ type: 'cost_reduction', label: 'Licences retired', annual_amount: 144_000 }),
      driver({ type: 'time_saved', label: 'Reporting time', hours_per_month: 200 }),
    ];
    const el = await show(goal);
    const facts = factsOf(el, 'value');
    expect(facts).to.deep.include(['Annual value', '$0']);
    expect(facts).to.deep.include(['Projected at target', '$144,000']);
    expect(facts).to.deep.include(['Annual value', '0 hrs, not monetised']);
    expect(facts).to.deep.include(['Projected at target', '2,400 hrs, not monetised']);
    expect(text(el)).to.contain('No measurement yet. Value counts as delivered once a metric');
    expect(root(el).querySelector('.total')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Total annual value $0',
    );
    expect(
      root(el).querySelector('[part="projected"]')!.textContent!.replace(/\s+/g, ' '),
    ).to.contain('Projected at target (not in the total) $144,000');
    await expect(el).to.be.accessible();
  });

  it('passes axe in the dark theme', async () => {
    const el = await show(globexGoal());
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('formats in the locale and the currency override', async () => {
    const el = await show(tc1651(), { locale: 'de-DE', currency: 'EUR' });
    const facts = factsOf(el, 'value');
    expect(facts).to.deep.include(['Hours saved monthly', '1.875 Std.']);
    expect(facts).to.deep.include(['Value at 50 €/hr', '93.750 €/month']);
    expect(factsOf(el, 'details')).to.deep.include(['Current', '11,5 Std. (52 % reduction)']);
    expect(factsOf(el, 'details')).to.deep.include(['Target date', '30.06.2026']);
  });

  it('shows no recommendations card for a customer-facing token (recommendations null)', async () => {
    const el = await show({ ...globexGoal(), recommendations: null });
    expect(root(el).querySelector('[part="recommendations"]')).to.equal(null);
    expect(root(el).querySelector('[part="header"]')).not.to.equal(null);
  });

  it('lists every metric of a multi-metric goal (PRD-069) with its own status', async () => {
    const el = await show(globexGoal());
    const rows = Array.from(root(el).querySelectorAll('[part="metrics"] tbody tr')).map((r) =>
      Array.from(r.children).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).to.deep.equal([
      ['Tasks per person per day', '15 tasks', '25 tasks', '18 tasks', '30%', 'Not met'],
      ['System adoption', '40%', '90%', '65%', '50%', 'At risk'],
      ['Process automation', '0 workflows', '10 workflows', '4 workflows', '40%', 'At risk'],
    ]);
    expect(factsOf(el, 'details')).to.deep.include.members([
      ['Metrics', '3'],
      ['Progress', '40%'],
      ['Expected pace', '83% of the way by today'],
      ['Forecast to reach target', 'Not at the current trend'],
    ]);
    expect(root(el).querySelector('[part="header"] .status')!.textContent!.trim()).to.equal(
      'At risk',
    );
    const recs = root(el).querySelector('[part="recommendations"]')!.textContent!;
    expect(recs.replace(/\s+/g, ' ')).to.contain('Immediate: Schedule team training session');
    const chart = chartOf(el);
    chart.scrollIntoView();
    await until(() => chart.chartRendered, 'chart drawn', 8000);
    // Three units on one axis: progress toward each target.
    expect(chart.shadowRoot!.querySelector('.caption')!.textContent).to.contain('% of target');
    await expect(el).to.be.accessible();
  });

  it('renders every text field from data as text', async () => {
    const goalWith = (s: string) => {
      const g = tc1651();
      g.name = s;
      g.description = s;
      g.owner = { name: s, title: s };
      g.metrics[0]!.name = s;
      g.value_drivers[0]!.label = s;
      g.recommendations = [
        {
          priority: 'immediate',
          action: s,
          reason: s,
          code: 'owner_review',
          causes: [{ kind: 'lagging', metric: s, index: 0, percent: 10 }],
        },
      ];
      return g;
    };
    const safe = await show(goalWith('Plain words'));
    for (const payload of XSS_PAYLOADS) {
      const el = await show(goalWith(payload));
      expect(text(el)).to.contain(payload);
      expect(domShape(el)).to.deep.equal(domShape(safe));
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    }
  });

  describe('states', () => {
    it('is empty with a Define goals action without a goal or id', async () => {
      const el = await fixture<GoalProgress>(html`<goal-progress></goal-progress>`);
      expect(text(el)).to.contain('No success goals defined.');
      const event = nextEvent(el, 'success-define-goals');
      root(el).querySelector<HTMLButtonElement>('.empty button')!.click();
      expect((await event).composed).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while the goal loads', async () => {
      const provider = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}>
          <goal-progress goal-id="goal_acme_ticket_time"></goal-progress>
        </success-provider>`,
      );
      const el = provider.querySelector('goal-progress')!;
      await el.updateComplete;
      expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Loading goal');
      await expect(el).to.be.accessible();
    });

    it('fetches the goal by id through the provider and follows an id change', async () => {
      const globex = globexGoal();
      const { client, calls } = goalClient([tc1651(), globex]);
      const provider = await fixture<SuccessProvider>(
        html`<success-provider .client=${client}>
          <goal-progress goal-id="goal_acme_ticket_time"></goal-progress>
        </success-provider>`,
      );
      const el = provider.querySelector('goal-progress')!;
      await until(() => text(el).includes('Goal: Reduce ticket time'), 'goal shown');
      expect(calls).to.deep.equal(['/api/success-goals/goal_acme_ticket_time']);
      el.goalId = globex.id;
      await until(() => text(el).includes('Goal: Increase team efficiency'), 'next goal');
      expect(calls.at(-1)).to.equal(`/api/success-goals/${globex.id}`);
      await expect(el).to.be.accessible();
    });

    it('shows the problem title and retries on Retry', async () => {
      const { client, calls } = goalClient([tc1651()], true);
      const provider = await fixture<SuccessProvider>(
        html`<success-provider .client=${client}>
          <goal-progress goal-id="goal_acme_ticket_time"></goal-progress>
        </success-provider>`,
      );
      const el = provider.querySelector('goal-progress')!;
      const failed = nextEvent(el, 'success-error');
      await until(() => root(el).querySelector('[role="alert"]') !== null, 'error state');
      expect((await failed).detail.title).to.equal('Goal not found');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Goal not found');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await until(() => text(el).includes('Goal: Reduce ticket time'), 'goal after retry');
      expect(calls).to.have.length(2);
    });

    it('keeps the goal on screen, marked stale, when a refresh fails', async () => {
      const { client } = goalClient([tc1651()], false, true);
      const provider = await fixture<SuccessProvider>(
        html`<success-provider .client=${client}>
          <goal-progress goal-id="goal_acme_ticket_time"></goal-progress>
        </success-provider>`,
      );
      const el = provider.querySelector('goal-progress')!;
      await until(() => text(el).includes('Goal: Reduce ticket time'), 'goal shown');
      await el.refresh();
      await el.updateComplete;
      expect(text(el)).to.contain('Showing earlier data. The latest refresh failed.');
      expect(text(el)).to.contain('Goal: Reduce ticket time');
      await expect(el).to.be.accessible();
    });

    it('notes partial data when some metrics cannot count', async () => {
      const goal = globexGoal();
      const m = goal.metrics[2]!;
      m.measurements = [];
      m.current_value = null;
      m.progress_pct = null;
      m.status = null;
      m.progress_note = 'No measurement yet. Record a current value to calculate progress.';
      goal.progress_note = 'Some metrics missing data. Showing available data.';
      const el = await show(goal);
      expect(text(el)).to.contain('Some metrics missing data. Showing available data.');
      const last = root(el).querySelector('[part="metrics"] tbody tr:last-child')!.textContent!;
      expect(last).to.contain('No measurement yet.');
      expect(last).to.contain('No data');
      await expect(el).to.be.accessible();
    });

    it('says the baseline is not set instead of a progress number', async () => {
      const goal = tc1651();
      goal.metrics[0]!.baseline_value = null;
      goal.metrics[0]!.progress_pct = null;
      goal.metrics[0]!.status = null;
      goal.baseline_value = null;
      goal.achievement_pct = null;
      goal.exceeded = false;
      goal.status = 'not_started';
      goal.progress_note = 'Baseline not set. Cannot calculate progress.';
      const el = await show(goal);
      expect(root(el).querySelector('[part="notice"]')!.textContent).to.contain(
        'Baseline not set. Cannot calculate progress.',
      );
      expect(factsOf(el, 'details')).to.deep.include.members([
        ['Baseline', 'Not set'],
        ['Current', '11.5 hrs'],
        ['Progress', 'Baseline not set. Cannot calculate progress.'],
      ]);
      expect(root(el).querySelector('[part="header"] .status')!.textContent!.trim()).to.equal(
        'Not started',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('How is this computed?', () => {
    it("opens the goal's progress explanation by keyboard: TC-165.1's (11.5 − 24) / (12 − 24)", async () => {
      const el = await fixture<GoalProgress>(
        html`<goal-progress .goal=${acmeMetrics().goals[0]} .explanations=${scopeExplanations(acmeExplanations(), '/goals/0')}></goal-progress>`,
      );
      await el.updateComplete;
      const { button, text } = await openExplanation(
        el,
        'How is the progress of Reduce ticket time computed?',
      );
      expect(text).to.include('(11.5 − 24) / (12 − 24) × 100 = 104.17 %');
      expect(text).to.include('baseline: 24');
      expect(text).to.include('Rule: TC-165.1');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await expect(el).to.be.accessible();
    });

    it("fetches the goal's explanations with its customer's metrics inside a provider", async () => {
      const metrics = { ...acmeMetrics(), explanations: acmeExplanations() };
      const { client } = goalClient([acmeMetrics().goals[0]!], false, false, metrics);
      const provider = await fixture<SuccessProvider>(
        html`<success-provider .client=${client}><goal-progress goal-id="goal_acme_ticket_time"></goal-progress></success-provider>`,
      );
      const el = provider.querySelector('goal-progress') as GoalProgress;
      const { text } = await openExplanation(
        el,
        'How is the progress of Reduce ticket time computed?',
        'Space',
      );
      expect(text).to.include('(11.5 − 24) / (12 − 24) × 100 = 104.17 %');
    });

    it('shows no disclosure for a goal given without explanations', async () => {
      const el = await fixture<GoalProgress>(
        html`<goal-progress .goal=${tc1651()}></goal-progress>`,
      );
      await el.updateComplete;
      expect(explainButtons(el)).to.have.length(0);
    });
  });
});
