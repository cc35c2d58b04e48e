// React.createElement rather than JSX: the root type check (tsconfig.json) has no `jsx` option,
// and .tsx only keeps these browser tests out of vitest's Node run (packages/*/src/**/*.test.ts).
import type {
  SuccessGenerateReportDetail,
  SuccessGoalSelectDetail,
  SuccessGoalsTable,
} from '@cscx/success-elements';
import { SuccessOverview as SuccessOverviewElement, whenLocaleReady } from '@cscx/success-elements';
import { expect } from '@open-wc/testing';
import { createRef, createElement as h } from 'react';
import { acmeFiveGoals, acmeMetrics } from '../../elements/src/testing/fixtures.js';
import { deepQuery, deepText } from '../../elements/src/testing/helpers.js';
import { afterEach, describe, it } from '../../elements/src/testing/mocha.js';
import { SuccessOverview, type SuccessOverviewProps } from './success-overview.js';
import { mount, only, unmountAll } from './testing/render.js';

/** Acme with PRD-165's five goals (one at risk), as the overview's own tests use it. */
function acmeDashboard() {
  const m = acmeMetrics();
  m.goals = acmeFiveGoals();
  return m;
}

/** Records the events a handler prop was called with. */
function recorder<D>() {
  const calls: CustomEvent<D>[] = [];
  const handler = (e: CustomEvent<D>) => {
    calls.push(e);
  };
  return { calls, handler };
}

const overview = (props: SuccessOverviewProps) => h(SuccessOverview, props);

async function mountOverview(props: SuccessOverviewProps) {
  const m = await mount(overview(props));
  const el = only(m, 'success-overview');
  await el.updateComplete;
  return { m, el };
}

/** The goals table's goal buttons, inside the overview's shadow root and the table's. */
const tableGoals = (el: HTMLElement) =>
  deepQuery<SuccessGoalsTable>(
    el,
    'success-goals-table',
  ).shadowRoot!.querySelectorAll<HTMLButtonElement>('button.goal');

const atRiskGoal = (el: SuccessOverviewElement) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="at-risk"] button.goal')!;

describe('<SuccessOverview>', () => {
  afterEach(unmountAll);

  it('renders an upgraded <success-overview> and hands a ref to it', async () => {
    const ref = createRef<SuccessOverviewElement>();
    const { el } = await mountOverview({ data: acmeDashboard(), ref });
    expect(el).to.be.instanceOf(SuccessOverviewElement);
    expect(customElements.get('success-overview')).to.equal(SuccessOverviewElement);
    expect(ref.current).to.equal(el);
  });

  it('sets data as the element property, an object, not a stringified attribute', async () => {
    const data = acmeDashboard();
    const { el } = await mountOverview({ data, customerId: 'cus_acme', reportFormat: 'ppt' });
    expect(el.data).to.equal(data);
    expect(el.customerId).to.equal('cus_acme');
    expect(el.reportFormat).to.equal('ppt');
    expect(el.getAttributeNames()).to.deep.equal([]);
    expect(deepText(el)).to.include('Success Metrics: Acme Corp').and.include('4.2x');
  });

  it('passes className, id and other HTML attributes to the element as attributes', async () => {
    const { el } = await mountOverview({ data: acmeDashboard(), className: 'wide', id: 'acme' });
    expect(el.getAttribute('class')).to.equal('wide');
    expect(el.id).to.equal('acme');
  });

  it('calls onSuccessGoalSelect with the CustomEvent when a goal of its table is clicked', async () => {
    const selected = recorder<SuccessGoalSelectDetail>();
    const { el } = await mountOverview({
      data: acmeDashboard(),
      onSuccessGoalSelect: selected.handler,
    });
    tableGoals(el)[1]!.click();
    expect(selected.calls).to.have.length(1);
    const event = selected.calls[0]!;
    expect(event).to.be.instanceOf(CustomEvent);
    expect(event.type).to.equal('success-goal-select');
    expect(event.detail.goalId).to.equal('goal_acme_nps');
    expect(event.detail.goal?.name).to.equal(acmeFiveGoals()[1]!.name);
  });

  it('lets the handler cancel a goal selection: called during dispatch, preventDefault works', async () => {
    const { m, el } = await mountOverview({
      data: acmeDashboard(),
      onSuccessGoalSelect: (e) => e.preventDefault(),
    });
    const table = deepQuery<SuccessGoalsTable>(el, 'success-goals-table');
    atRiskGoal(el).click();
    expect(table.selectedGoalId).to.equal(undefined);
    await m.render(overview({ data: el.data, onSuccessGoalSelect: () => {} }));
    atRiskGoal(el).click();
    expect(table.selectedGoalId).to.equal('goal_acme_upsell');
  });

  it('stops calling a handler whose prop was removed, and calls the one that replaced it', async () => {
    const data = acmeDashboard();
    const first = recorder<SuccessGoalSelectDetail>();
    const second = recorder<SuccessGoalSelectDetail>();
    const { m, el } = await mountOverview({ data, onSuccessGoalSelect: first.handler });
    tableGoals(el)[0]!.click();
    expect(first.calls).to.have.length(1);

    await m.render(overview({ data }));
    tableGoals(el)[0]!.click();
    expect(first.calls).to.have.length(1);

    await m.render(overview({ data, onSuccessGoalSelect: second.handler }));
    tableGoals(el)[0]!.click();
    expect([first.calls.length, second.calls.length]).to.deep.equal([1, 1]);
  });

  it('calls onSuccessGenerateReport, and a cancelled request downloads nothing', async () => {
    const requested = recorder<SuccessGenerateReportDetail>();
    const { el } = await mountOverview({
      data: acmeDashboard(),
      locale: 'de-DE',
      onSuccessGenerateReport: (e) => {
        e.preventDefault();
        requested.handler(e);
      },
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="generate-report"]')!.click();
    expect(requested.calls.map((e) => e.detail)).to.deep.equal([
      { customerId: 'cus_acme', format: 'pdf', locale: 'de-DE' },
    ]);
    // de-DE labels once the language has arrived (English before): the button is back at rest.
    await whenLocaleReady('de-DE');
    await el.updateComplete;
    expect(deepText(el)).to.include('Bericht erstellen').and.not.include('Bericht wird erstellt');
  });

  it('updates the element when rendered again with new props', async () => {
    const { m, el } = await mountOverview({ data: acmeDashboard() });
    const renamed = acmeDashboard();
    renamed.customer.name = 'Initech';
    await m.render(overview({ data: renamed, locale: 'de-DE' }));
    await whenLocaleReady('de-DE');
    await el.updateComplete;
    expect(only(m, 'success-overview')).to.equal(el);
    expect(el.data).to.equal(renamed);
    expect(el.locale).to.equal('de-DE');
    // The locale switches the words too, not only the numbers.
    expect(deepText(el)).to.include('Erfolgskennzahlen: Initech').and.include('285.000');
  });

  it('removes the element on unmount', async () => {
    const { m, el } = await mountOverview({ data: acmeDashboard() });
    await m.unmount();
    expect(el.isConnected).to.equal(false);
    expect(document.querySelector('success-overview')).to.equal(null);
  });

  it('has no axe violations', async () => {
    const { el } = await mountOverview({ data: acmeDashboard() });
    await expect(el).to.be.accessible();
  });
});
