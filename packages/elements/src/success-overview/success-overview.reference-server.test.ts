// The dashboard against the real reference server (packages/server with its demo data), through
// the real SDK, as the demo host page shows it: the numbers are what calc computed on the server.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../define/goal-progress.js';
import '../define/success-overview.js';
import '../define/success-provider.js';
import type { GoalProgress } from '../goal-progress/goal-progress.js';
import { openExplanation } from '../testing/explain.js';
import { deepQuery, deepText, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import type { SuccessOverview } from './success-overview.js';

const api = `${location.origin}/reference-api`;

describe('<success-overview> against the reference server', () => {
  it("shows Acme Corp's PRD-165 dashboard to the CSM who owns it", async () => {
    const provider = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-csm-token"><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
    );
    const el = provider.querySelector('success-overview') as SuccessOverview;
    await until(() => deepText(el).includes('Success Metrics: Acme Corp'), 'dashboard', 20_000);
    await until(() => deepText(el).includes('Peer average'), 'benchmarks', 20_000);
    // Each part draws when its own view has loaded (lazy parts): wait for the value card too.
    await until(() => deepText(el).includes('2,400 hrs'), 'value', 20_000);
    const text = deepText(el);
    expect(text).to.include('4.2x');
    expect(text).to.include('vs $68K invest');
    expect(text).to.include('$285K');
    expect(text).to.include('2,400 hrs');
    expect(text).to.include('Reduce ticket time');
    await expect(el).to.be.accessible();
  });

  it('opens a goal from the overview in <goal-progress>: TC-165.1 achieved at 104 %, so Exceeded', async () => {
    const provider = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-csm-token"><success-overview customer-id="cus_acme"></success-overview><goal-progress></goal-progress></success-provider>`,
    );
    const overview = provider.querySelector('success-overview') as SuccessOverview;
    const goal = provider.querySelector('goal-progress') as GoalProgress;
    overview.addEventListener('success-goal-select', (e) =>
      goal.setAttribute('goal-id', e.detail.goalId),
    );
    await until(() => deepText(overview).includes('Reduce ticket time'), 'goals table', 20_000);
    const table = deepQuery(overview, 'success-goals-table');
    const button = [
      ...(table?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.goal') ?? []),
    ].find((b) => (b.textContent ?? '').includes('Reduce ticket time'));
    expect(button, 'the goal button').to.exist;
    button!.click();
    await until(() => deepText(goal).includes('11.5'), 'goal detail', 20_000);
    const text = deepText(goal);
    expect(text).to.include('104');
    // Above 100 % an achieved goal reads "Exceeded" (PRD-069), as in every view and report.
    expect(text).to.include('Exceeded');
  });

  it("explains the executive summary line by keyboard in the account view's own words", async () => {
    const answer = await fetch(
      `${api}/api/intelligence/success-metrics/cus_acme?includeBenchmarks=true&explain=true`,
      { headers: { authorization: 'Bearer demo-csm-token' } },
    );
    const body = (await answer.json()) as { explanations: Record<string, { text: string }> };
    const server = body.explanations['/executive_summary/goals_on_track_or_exceeded'];
    expect(server?.text).to.equal('4 of 5 goals are on track or achieved');
    const provider = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-csm-token"><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
    );
    const el = provider.querySelector('success-overview') as SuccessOverview;
    await until(() => deepText(el).includes('Peer average'), 'dashboard', 20_000);
    const summary = await openExplanation(el, 'How is goals on track or exceeded computed?');
    expect(summary.text).to.include(server!.text);
    expect(summary.text).to.include('Rule: PRD-165 6.1');
    // The figure stays the line's own text: "4 of 5" in <strong>, the disclosure beside it.
    const line = el.shadowRoot!.querySelector('[part~="summary"]')!;
    expect(line.querySelector('strong')!.textContent).to.equal('4 of 5');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => summary.button.getAttribute('aria-expanded') === 'false', 'closed');
    expect(summary.panel.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(summary.button);
  });

  it("shows the server's own explanation of each figure in the dashboard's disclosures", async () => {
    // The same request the SDK makes with `explain: true`, read apart: what the server says.
    const answer = await fetch(`${api}/api/reports/success-metrics/cus_acme?explain=true`, {
      headers: { authorization: 'Bearer demo-csm-token' },
    });
    const body = (await answer.json()) as {
      goals: { name: string }[];
      trends: { name: string }[];
      explanations: Record<string, { text: string; rule: string | null }>;
    };
    const server = (pointer: string) => {
      const e = body.explanations[pointer];
      expect(e, pointer).to.exist;
      return e!;
    };
    const provider = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-csm-token"><success-overview customer-id="cus_acme"></success-overview></success-provider>`,
    );
    const el = provider.querySelector('success-overview') as SuccessOverview;
    await until(() => deepText(el).includes('Peer average'), 'dashboard', 20_000);
    const roi = await openExplanation(el, 'How is ROI computed?');
    expect(server('/metrics/value_delivered/roi_multiplier').text).to.include(
      '$285,000 / $68,000 = 4.19',
    );
    expect(roi.text).to.include(server('/metrics/value_delivered/roi_multiplier').text);
    expect(roi.text).to.include('Rule: TC-165.2');
    const score = await openExplanation(el, 'How is Success score computed?', 'Space');
    expect(score.text).to.include(server('/metrics/success_score/score').text);
    const i = body.goals.findIndex((g) => g.name === 'Reduce ticket time');
    const goal = await openExplanation(el, 'How is the progress of Reduce ticket time computed?');
    expect(goal.text).to.include(server(`/goals/${i}/achievement_pct`).text);
    const trend = body.trends.findIndex((_, t) => body.explanations[`/trends/${t}/forecast_date`]);
    if (trend >= 0) {
      const forecast = await openExplanation(
        el,
        `How is the forecast for ${body.trends[trend]!.name} computed?`,
      );
      expect(forecast.text).to.include(server(`/trends/${trend}/forecast_date`).text);
    }
    await expect(el).to.be.accessible();
  });

  it('keeps a viewer token to its one customer: another customer is not found', async () => {
    const provider = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-viewer-token"><success-overview customer-id="cus_globex"></success-overview></success-provider>`,
    );
    const el = provider.querySelector('success-overview') as SuccessOverview;
    await until(() => /not found/i.test(deepText(el)), 'error state', 20_000);
    expect(deepText(el)).not.to.include('Globex');
    await expect(el).to.be.accessible();
  });

  it('demo host page: the CSM gets Add and Edit goal, the viewer token neither and a read-only editor', async () => {
    interface Offered {
      list: string;
      customerView: boolean;
      addGoal: boolean;
      editGoal: boolean;
      editorReadonly: boolean;
    }
    const roles = await executeServerCommand<
      { csm: Offered; viewer: Offered & { editorOpened: boolean } },
      undefined
    >('demo-roles');
    expect(roles.csm.customerView).to.equal(true);
    expect(roles.csm.addGoal).to.equal(true);
    expect(roles.csm.editGoal).to.equal(true);
    expect(roles.csm.editorReadonly).to.equal(false);
    expect(roles.viewer.list).to.equal('1 of 1 customers');
    expect(roles.viewer.customerView).to.equal(true);
    expect(roles.viewer.addGoal).to.equal(false);
    expect(roles.viewer.editGoal).to.equal(false);
    expect(roles.viewer.editorReadonly).to.equal(true);
    expect(roles.viewer.editorOpened).to.equal(false);
  });

  interface DemoReport {
    shown: string;
    status: number;
    type: string;
    disposition: string;
    head: string;
    bytes: number;
  }

  it('demo host page: Generate report gives the format "Report as" shows when the page opens', async () => {
    const file = await executeServerCommand<DemoReport, { format?: string }>('demo-report', {});
    expect(file.shown).to.equal('HTML page');
    expect(file.status).to.equal(200);
    expect(file.type).to.match(/^text\/html/);
    expect(file.disposition).to.include('acme-corp-success-report-all.html');
  });

  it('demo host page: "Report as PDF" then Generate report downloads Acme’s PDF from the server', async () => {
    const file = await executeServerCommand<DemoReport, { format?: string }>('demo-report', {
      format: 'pdf',
    });
    expect(file.shown).to.equal('PDF');
    expect(file.status).to.equal(200);
    expect(file.type).to.equal('application/pdf');
    expect(file.disposition).to.include('acme-corp-success-report-all.pdf');
    expect(file.head).to.equal('%PDF-');
    expect(file.bytes).to.be.greaterThan(10_000);
  });

  it('renders the demo host page with Acme’s dashboard, saved as test-artefacts/demo-page.png', async () => {
    const shot = await executeServerCommand<
      { path: string; bytes: number; title: string; violations: string[] },
      undefined
    >('demo-screenshot');
    expect(shot.path).to.equal('test-artefacts/demo-page.png');
    // The server's CSP for the page has no 'unsafe-inline': nothing on it may need one.
    expect(shot.violations).to.deep.equal([]);
    expect(shot.title).to.include('CSCX');
    // A blank or error page compresses to a few KB; a rendered dashboard is far larger.
    expect(shot.bytes).to.be.greaterThan(50_000);
  });
});
