import { goalsOnTrackOrExceeded } from '@cscx/success-calc';
import { defineMessages, vocabulary } from '@cscx/success-calc/i18n';
import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { scopeExplanations } from '../explain/explain.js';
import { localized } from '../localize.js';
import {
  fillText,
  goalStatusInfo,
  recommendationText,
  renderEmpty,
  renderError,
  renderNotice,
  renderSkeleton,
  STATE_MESSAGES,
  STATE_TEXT,
  statusBadge,
} from '../states.js';
import type { SuccessGoalsTable } from '../success-goals-table/success-goals-table.js';
import type {
  CustomerSuccessMetrics,
  Explanations,
  SuccessGoal,
  ValueDelivered,
} from '../types.js';
import type { SuccessOverview } from './success-overview.js';

export { overviewViewStyles } from './overview-view.styles.js';

// The dashboard of <success-overview>: loaded with a dynamic import the first time an overview
// has metrics to show, so the element, its fetching and its loading and error states are in the
// initial bundle and the markup of every section is not.

/** The overview's own words (the parts it holds carry theirs); priorities by wire name. */
export const OVERVIEW_MESSAGES = defineMessages('elements.overview', {
  immediate: 'Immediate',
  this_week: 'This week',
  this_month: 'This month',
  sourceTime: 'Time',
  sourceCost: 'Cost',
  sourceRevenue: 'Revenue',
  noValue: 'No value recorded yet',
  heading: 'Success Metrics: {customer}',
  updated: 'Updated {date}',
  generating: 'Generating report…',
  generate: 'Generate report',
  reportFailed: 'Report not generated: {reason}',
  explainRate: 'the goal achievement rate',
  explainValue: 'value delivered',
  explainRoi: 'ROI',
  cardsHeading: 'Success overview',
  goalsAchieved: 'Goals achieved',
  valueDelivered: 'Value delivered',
  roi: 'ROI',
  versusInvestment: 'vs {investment} invest',
  successScore: 'Success score',
  atRiskHeading: 'Goals at risk',
  progress: '{progress} progress',
  progressExpected: '{progress} progress, {expected} expected by now',
  recommendedFor: 'Recommended actions for {goal}',
  priority: '{priority}:',
  benchmarks: 'Benchmark comparison',
  activeGoals: 'Active goals',
  milestonesAchieved: 'Milestones achieved',
  progressOverTime: 'Progress over time',
});
const T = localized(OVERVIEW_MESSAGES);

/** The words under "Value delivered": which kinds of money make up the total. */
function valueSources(v: ValueDelivered): string {
  const parts = [
    v.time_saved_value !== 0 ? T.sourceTime : '',
    v.cost_reduction !== 0 ? T.sourceCost : '',
    v.revenue_impact !== 0 ? T.sourceRevenue : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' + ') : T.noValue;
}

/** The dashboard of one `<success-overview>`. */
export class OverviewView {
  constructor(readonly host: SuccessOverview) {}

  #customerIdOf(m: CustomerSuccessMetrics): string {
    return this.host.customerId || m.customer.id;
  }

  async #generateReport(m: CustomerSuccessMetrics): Promise<void> {
    const customerId = this.#customerIdOf(m);
    const locale = this.host.fmt.locale;
    const format = this.host.reportFormat;
    if (!emit(this.host, 'success-generate-report', { customerId, format, locale }, true)) return;
    const client = this.host.metrics.client;
    if (!client) return;
    this.host.reportBusy = true;
    this.host.reportError = undefined;
    try {
      const file = await client.generateSuccessReport({ customerId, body: { format, locale } });
      const url = URL.createObjectURL(file);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
      // Revoked on the next task: the click has handed the URL to the download by then.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      // Made after the await, outside the render: in the element's locale explicitly.
      this.host.reportError = this.host.localize(() =>
        fillText(T.reportFailed, { reason: describeError(error).title }),
      );
    } finally {
      this.host.reportBusy = false;
    }
  }

  #selectGoal(goal: SuccessGoal): void {
    if (!emit(this.host, 'success-goal-select', { goalId: goal.id, goal }, true)) return;
    const table = this.host.renderRoot.querySelector<SuccessGoalsTable>('success-goals-table');
    if (table) table.selectedGoalId = goal.id;
  }

  #renderHeader(m: CustomerSuccessMetrics) {
    const f = this.host.fmt;
    const p = m.metrics;
    return html`<header part="header">
      <div>
        <h2>${fillText(T.heading, { customer: m.customer.name })}</h2>
        <p class="muted">
          ${p.period_start ? html`${f.date(p.period_start)} – ` : nothing}${f.date(p.period_end)}
          · ${fillText(T.updated, { date: f.date(m.as_of) })}
        </p>
      </div>
      <div class="actions">
        ${this.host.reportError ? html`<span class="report-error" role="alert">${this.host.reportError}</span>` : nothing}
        <button
          type="button"
          class="primary"
          part="generate-report"
          ?disabled=${this.host.reportBusy}
          aria-busy=${this.host.reportBusy ? 'true' : 'false'}
          @click=${() => this.#generateReport(m)}
        >
          ${this.host.reportBusy ? T.generating : T.generate}
        </button>
      </div>
    </header>`;
  }

  #renderCards(m: CustomerSuccessMetrics) {
    const f = this.host.fmt;
    const { goals, value_delivered: v, success_score: score, currency } = m.metrics;
    const x: Explanations | undefined = m.explanations;
    // The button beside the figure, the panel under the card's text. Each figure keeps its own
    // text element, so a reader of leaf texts (the demo page's screenshot check) still finds it.
    const ex = (pointer: string, figure: string) => {
      const p = this.host.explain.parts(x, pointer, figure);
      return p
        ? { button: p.button, panel: html`<dd class="explain-dd">${p.panel}</dd>` }
        : undefined;
    };
    const rate = ex('/metrics/goals/achievement_rate', T.explainRate);
    const total = ex('/metrics/value_delivered/total_value', T.explainValue);
    const roi = ex('/metrics/value_delivered/roi_multiplier', T.explainRoi);
    return html`<section part="cards" aria-labelledby="cards-heading">
      <h3 id="cards-heading">${T.cardsHeading}</h3>
      ${this.#renderSummary(m)}
      <dl class="cards">
        <div class="card">
          <dt>${T.goalsAchieved}</dt>
          <dd class="figure num">${f.number(goals.achieved, 0)} / ${f.number(goals.total, 0)}</dd>
          <dd class="sub"><span>${f.percent(goals.achievement_rate)}</span>${rate?.button ?? nothing}</dd>
          ${rate?.panel ?? nothing}
        </div>
        <div class="card">
          <dt>${T.valueDelivered}</dt>
          <dd class="figure num"><span>${f.money(v.total_value, currency, true)}</span>${total?.button ?? nothing}</dd>
          <dd class="sub">${valueSources(v)}</dd>
          ${total?.panel ?? nothing}
        </div>
        <div class="card">
          <dt>${T.roi}</dt>
          <dd class="figure num"><span>${f.multiplier(v.roi_multiplier)}</span>${roi?.button ?? nothing}</dd>
          <dd class="sub">
            ${v.roi_multiplier === null ? (v.roi_note ?? '') : fillText(T.versusInvestment, { investment: f.money(v.investment, currency, true) })}
          </dd>
          ${roi?.panel ?? nothing}
        </div>
        <div class="card">
          <dt>${T.successScore}</dt>
          <dd><success-score compact heading=${T.successScore} .score=${score} .explanations=${scopeExplanations(x, '/metrics/success_score')}></success-score></dd>
        </div>
      </dl>
    </section>`;
  }

  /** PRD-069's executive summary line, by the calc functions the reports' summary uses. */
  #renderSummary(m: CustomerSuccessMetrics) {
    const g = m.metrics.goals;
    const line = vocabulary(this.host.fmt.locale).onTrackLine(
      goalsOnTrackOrExceeded({ total: g.total, achieved: g.achieved, onTrack: g.on_track }),
      g.total,
    );
    // The same count the account view explains (PRD-069's executive summary), once it is here.
    const how = this.host.explain.parts(
      this.host.accountData.value?.explanations,
      '/executive_summary/goals_on_track_or_exceeded',
      line.words,
    );
    return html`<p class="summary" part="summary"><strong>${line.figure}</strong> ${line.words}${how?.button ?? nothing}</p>${how?.panel ?? nothing}`;
  }

  #renderAtRisk(m: CustomerSuccessMetrics) {
    const risky = m.goals.filter((g) => g.status === 'at_risk' || g.status === 'missed');
    if (risky.length === 0) return nothing;
    const f = this.host.fmt;
    const fromAccount = new Map(
      this.host.accountData.value?.recommendations?.map((r) => [r.goal_id, r.items]),
    );
    return html`<section part="at-risk" aria-labelledby="risk-heading">
      <h3 id="risk-heading">${T.atRiskHeading}</h3>
      <ul class="at-risk">
        ${risky.map((g) => {
          // Null for a customer-facing token: recommendations are internal to the CS team.
          const items =
            g.recommendations && g.recommendations.length > 0
              ? g.recommendations
              : (fromAccount.get(g.id) ?? []);
          const [tone, label] = goalStatusInfo(g.status, g.exceeded);
          return html`<li class="card risk ${g.status === 'missed' ? 'missed' : ''}">
            <div class="risk-head">
              <button type="button" class="goal" @click=${() => this.#selectGoal(g)}>${g.name}</button>
              ${statusBadge(tone, label)}
              <span class="pace num">
                ${
                  g.expected_pct === null
                    ? fillText(T.progress, { progress: f.percent(g.achievement_pct) })
                    : fillText(T.progressExpected, {
                        progress: f.percent(g.achievement_pct),
                        expected: f.percent(g.expected_pct),
                      })
                }
              </span>
            </div>
            ${
              items.length > 0
                ? html`<ol aria-label=${fillText(T.recommendedFor, { goal: g.name })}>
                    ${items.map((r) => {
                      const { action, reason } = recommendationText(r);
                      return html`<li>
                          <span class="priority">${fillText(T.priority, { priority: T[r.priority] })}</span> ${action}
                          <span class="reason">${reason}</span>
                        </li>`;
                    })}
                  </ol>`
                : nothing
            }
          </li>`;
        })}
      </ul>
    </section>`;
  }

  #renderBenchmarks(m: CustomerSuccessMetrics) {
    const a = this.host.accountData;
    let body: unknown;
    if (a.value) {
      body = html`<success-benchmarks
        .benchmarks=${a.value.benchmarks}
        .explanations=${scopeExplanations(a.value.explanations, '/benchmarks')}
        .note=${a.value.benchmarks_note}
        customer-name=${m.customer.name}
      ></success-benchmarks>`;
    } else if (a.status === 'error') {
      body = html`<h3>${T.benchmarks}</h3>
        ${renderError({ title: describeError(a.error).title, onRetry: () => void a.refresh() })}`;
    } else if (a.status === 'pending') {
      body = html`<h3>${T.benchmarks}</h3>${renderSkeleton(STATE_TEXT.loading, 3)}`;
    } else {
      return nothing;
    }
    return html`<section part="benchmarks">${body}</section>`;
  }

  /** The dashboard of one answer: header, cards, goals, risks, value, trends, benchmarks. */
  render(m: CustomerSuccessMetrics): TemplateResult {
    if (m.metrics.goals.total === 0) {
      return html`<div class="layout">
        ${this.#renderHeader(m)}
        ${renderEmpty({
          onAction: () =>
            emit(this.host, 'success-define-goals', { customerId: this.#customerIdOf(m) }),
        })}
      </div>`;
    }
    const currency = this.host.effectiveCurrency ?? m.metrics.currency;
    return html`<div class="layout">
      ${this.#renderHeader(m)}
      ${m.goals.some((g) => g.progress_note === STATE_MESSAGES.en.partial) ? renderNotice(STATE_TEXT.partial) : nothing}
      ${this.#renderCards(m)}
      <section part="goals">
        <success-goals-table heading=${T.activeGoals} .goals=${m.goals} .explanations=${scopeExplanations(m.explanations, '/goals')}></success-goals-table>
      </section>
      ${this.#renderAtRisk(m)}
      <div class="two">
        <section part="value">
          <success-value currency=${currency} .value=${m.metrics.value_delivered} .explanations=${scopeExplanations(m.explanations, '/metrics/value_delivered')}></success-value>
        </section>
        <section part="milestones">
          <success-milestones heading=${T.milestonesAchieved} .milestones=${m.metrics.milestones}></success-milestones>
        </section>
      </div>
      <section part="trends">
        <slot name="trends">
          <success-trend-chart label=${T.progressOverTime} .trends=${m.trends} .explanations=${scopeExplanations(m.explanations, '/trends')}></success-trend-chart>
        </slot>
      </section>
      ${this.#renderBenchmarks(m)}
    </div>`;
  }
}
