import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/success-goals-table.js';
import '../define/success-provider.js';
import type { SuccessProvider } from '../provider/success-provider.js';
import { pendingClient } from '../testing/clients.js';
import { explainButtons, openExplanation } from '../testing/explain.js';
import { acmeFiveGoals, globexAccount, XSS_PAYLOADS } from '../testing/fixtures.js';
import { deepText, domShape, flakyCustomerId, nextEvent, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { SuccessGoalsTable } from './success-goals-table.js';

const rows = (el: SuccessGoalsTable) => [...el.shadowRoot!.querySelectorAll('tbody tr')];
const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => deepText(td));
const buttons = (el: SuccessGoalsTable) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.goal'),
];

describe('<success-goals-table>', () => {
  it('lists PRD-165 goals with target, current, progress and status in words', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${acmeFiveGoals()}></success-goals-table>`,
    );
    const r = rows(el);
    expect(r).to.have.length(5);
    expect(cells(r[0]!)).to.deep.equal([
      'Reduce ticket time',
      '12 hrs',
      '11.5 hrs',
      '104%',
      'Exceeded',
    ]);
    expect(cells(r[1]!)).to.deep.equal(['Increase NPS', '50', '48', '90%', 'On track']);
    expect(cells(r[2]!)).to.deep.equal([
      'API response time',
      '100 ms',
      '85 ms',
      '119%',
      'Exceeded',
    ]);
    expect(cells(r[3]!)).to.deep.equal(['User adoption', '80%', '78%', '95%', 'On track']);
    expect(cells(r[4]!)).to.deep.equal([
      'Revenue from upsell',
      '$50,000',
      '$35,000',
      '70%',
      'At risk',
    ]);
    await expect(el).to.be.accessible();
  });

  it('marks status with an icon and text, and at-risk rows at the edge', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${acmeFiveGoals()}></success-goals-table>`,
    );
    const atRisk = rows(el)[4]!;
    expect(atRisk.classList.contains('at-risk')).to.equal(true);
    const badge = atRisk.querySelector('.status')!;
    expect(badge.querySelector('svg[aria-hidden="true"]')).to.exist;
    expect(badge.textContent!.trim()).to.equal('At risk');
  });

  it('fires a bubbling, composed, cancelable success-goal-select on click and marks the row', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${acmeFiveGoals()}></success-goals-table>`,
    );
    const fired = nextEvent(document, 'success-goal-select');
    rows(el)[1]!.querySelectorAll('td')[2]!.click();
    const event = await fired;
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail.goalId).to.equal('goal_acme_nps');
    expect(event.detail.goal?.name).to.equal('Increase NPS');
    await el.updateComplete;
    expect(el.selectedGoalId).to.equal('goal_acme_nps');
    expect(buttons(el)[1]!.getAttribute('aria-current')).to.equal('true');
  });

  it('keeps the selection when the host cancels success-goal-select', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${acmeFiveGoals()} @success-goal-select=${(e: Event) => e.preventDefault()}></success-goals-table>`,
    );
    buttons(el)[2]!.click();
    await el.updateComplete;
    expect(el.selectedGoalId).to.equal(undefined);
  });

  it('is usable by keyboard: Tab reaches the goals, arrows move, Enter selects', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${acmeFiveGoals()}></success-goals-table>`,
    );
    const b = buttons(el);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(b[0]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(b[2]);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(b[4]);
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(b[4]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement).to.equal(b[0]);
    await sendKeys({ press: 'ArrowDown' });
    const fired = nextEvent(el, 'success-goal-select');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail.goalId).to.equal('goal_acme_nps');
    const space = nextEvent(el, 'success-goal-select');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    expect((await space).detail.goalId).to.equal('goal_acme_api');
    expect(getComputedStyle(b[2]!).outlineStyle).to.equal('solid');
    before.remove();
  });

  it('shows PRD-069 empty state with a Define goals action', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table customer-id="cus_acme" .goals=${[]}></success-goals-table>`,
    );
    expect(deepText(el)).to.include('No success goals defined.');
    const fired = nextEvent(document, 'success-define-goals');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.empty button')!.click();
    const event = await fired;
    expect(event.detail.customerId).to.equal('cus_acme');
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the partial notice when some goals have no progress', async () => {
    const goals = acmeFiveGoals();
    goals[1]!.achievement_pct = null;
    goals[1]!.current_value = null;
    goals[1]!.progress_note = 'No measurement yet. Record a current value to calculate progress.';
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${goals}></success-goals-table>`,
    );
    expect(deepText(el)).to.include('Some metrics missing data. Showing available data.');
    expect(cells(rows(el)[1]!)[2]).to.equal('—');
    await expect(el).to.be.accessible();
  });

  it('shows no-baseline in the row and as the notice when no goal has a baseline', async () => {
    const goals = acmeFiveGoals().slice(0, 2);
    for (const g of goals) {
      g.achievement_pct = null;
      g.baseline_value = null;
      g.status = 'not_started';
      g.progress_note = 'Baseline not set. Cannot calculate progress.';
    }
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${goals}></success-goals-table>`,
    );
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).to.include(
      'Baseline not set. Cannot calculate progress.',
    );
    expect(cells(rows(el)[0]!)[0]).to.include('Baseline not set. Cannot calculate progress.');
    expect(cells(rows(el)[0]!)[3]).to.equal('—');
    expect(cells(rows(el)[0]!)[4]).to.equal('Not started');
    await expect(el).to.be.accessible();
  });

  it('names the extra metrics of a multi-metric goal (PRD-069)', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${globexAccount().goals}></success-goals-table>`,
    );
    expect(cells(rows(el)[0]!)[0]).to.equal(
      'Increase team efficiency Tasks per person per day + 2 more',
    );
    expect(cells(rows(el)[0]!)[4]).to.equal('At risk');
  });

  it('formats in de-DE with EUR', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table locale="de-DE" currency="EUR" .goals=${acmeFiveGoals()}></success-goals-table>`,
    );
    expect(cells(rows(el)[0]!).slice(1, 4)).to.deep.equal(['12 Std.', '11,5 Std.', '104 %']);
    expect(cells(rows(el)[4]!)[1]).to.equal('50.000 €');
  });

  it('renders every text field of a goal as text only', async () => {
    const goalsWith = (text: string) =>
      acmeFiveGoals().map((g) => {
        g.name = text;
        g.metric = text;
        g.unit = text;
        g.progress_note = text;
        return g;
      });
    const benign = await fixture<SuccessGoalsTable>(
      html`<success-goals-table .goals=${goalsWith('plain')}></success-goals-table>`,
    );
    for (const payload of XSS_PAYLOADS) {
      const el = await fixture<SuccessGoalsTable>(
        html`<success-goals-table .goals=${goalsWith(payload)}></success-goals-table>`,
      );
      expect(deepText(el)).to.include(payload);
      expect(domShape(el)).to.deep.equal(domShape(benign));
    }
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<SuccessGoalsTable>(
      html`<success-goals-table theme="dark" .goals=${acmeFiveGoals()}></success-goals-table>`,
    );
    expect(getComputedStyle(el).getPropertyValue('--s-text').trim()).to.equal('#e6edf3');
    await expect(el).to.be.accessible();
  });

  describe('inside a provider', () => {
    it('fetches the goals of customer-id', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-goals-table customer-id="cus_acme"></success-goals-table></success-provider>`,
      );
      const el = p.querySelector('success-goals-table')!;
      await until(() => rows(el).length === 1, 'rows');
      expect(cells(rows(el)[0]!)[0]).to.equal('Reduce ticket time');
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while loading', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider .client=${pendingClient()}><success-goals-table customer-id="cus_acme"></success-goals-table></success-provider>`,
      );
      const el = p.querySelector('success-goals-table')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('.bone')).to.have.length(5);
      await expect(el).to.be.accessible();
    });

    it('shows the problem title and recovers with Retry', async () => {
      const p = await fixture<SuccessProvider>(
        html`<success-provider token="t"><success-goals-table customer-id=${flakyCustomerId()}></success-goals-table></success-provider>`,
      );
      const el = p.querySelector('success-goals-table')!;
      await until(() => deepText(el).includes('Internal server error'), 'error');
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.error button')!.click();
      await until(() => rows(el).length === 1, 'rows after retry');
    });
  });

  describe('How is this computed?', () => {
    it("opens a goal's progress explanation by keyboard without choosing the row", async () => {
      const provider = await fixture<HTMLElement>(
        html`<success-provider token="t"><success-goals-table customer-id="cus_acme"></success-goals-table></success-provider>`,
      );
      const el = provider.querySelector('success-goals-table') as SuccessGoalsTable;
      let selected = 0;
      el.addEventListener('success-goal-select', () => selected++);
      const { button, text } = await openExplanation(
        el,
        'How is the progress of Reduce ticket time computed?',
      );
      expect(text).to.include('(104.17 × 1) / 1 = 104.17 %');
      expect(text).to.include('progress[0]: 104.17');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(selected, 'no goal chosen').to.equal(0);
      expect(el.selectedGoalId).to.equal(undefined);
      await expect(el).to.be.accessible();
      // Escape closes it and leaves focus on its button.
      await sendKeys({ press: 'Escape' });
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('shows no disclosure for goals given without explanations', async () => {
      const el = await fixture<SuccessGoalsTable>(
        html`<success-goals-table .goals=${acmeFiveGoals()}></success-goals-table>`,
      );
      expect(explainButtons(el)).to.have.length(0);
    });
  });

  it('keeps target, current and progress on a phone: each goal stacks, labelled, under its name', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 360px"><success-goals-table .goals=${acmeFiveGoals()}></success-goals-table></div>`,
    );
    const el = wrap.querySelector('success-goals-table')!;
    await el.updateComplete;
    const row = rows(el)[4]!;
    // The labelled figures (the status sits beside the name on screen, last in reading order).
    expect(deepText(row)).to.equal(
      'Revenue from upsell Target $50,000 Current $35,000 Progress 70% At risk',
    );
    const box = row.getBoundingClientRect();
    for (const cls of ['col-target', 'col-current', 'col-progress']) {
      const r = row.querySelector(`.${cls}`)!.getBoundingClientRect();
      expect(r.width, cls).to.be.above(0);
      expect(r.left, cls).to.be.at.least(box.left - 1);
      expect(r.right, cls).to.be.at.most(box.right + 1);
    }
    // Stacked: the figures sit below the goal's name, not beside it.
    const name = row.querySelector('.col-goal')!.getBoundingClientRect();
    expect(row.querySelector('.col-target')!.getBoundingClientRect().top).to.be.at.least(
      name.bottom - 1,
    );
    // The header row is visually hidden but still names the cells for assistive technology.
    expect(el.shadowRoot!.querySelectorAll('thead [role="columnheader"]')).to.have.length(5);
    expect(el.shadowRoot!.querySelector('thead')!.getBoundingClientRect().height).to.be.at.most(1);
    await expect(el).to.be.accessible();
    // And wide: one row per goal, the header visible, no label repeated in the cells.
    wrap.style.width = '900px';
    expect(deepText(row)).to.equal('Revenue from upsell $50,000 $35,000 70% At risk');
    expect(el.shadowRoot!.querySelector('thead')!.getBoundingClientRect().height).to.be.above(10);
  });
});
