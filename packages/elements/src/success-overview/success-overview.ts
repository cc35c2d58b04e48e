import { goalsOnTrackOrExceeded } from '@cscx/success-calc';
import { defineMessages, vocabulary } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController, describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
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
  stateStyles,
  statusBadge,
} from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { SuccessGoalsTable } from '../success-goals-table/success-goals-table.js';
import type {
  AccountSuccessMetrics,
  CustomerSuccessMetrics,
  Explanations,
  ReportFormat,
  SuccessGoal,
  ValueDelivered,
} from '../types.js';
import { styles } from './success-overview.styles.js';

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

/**
 * @summary PRD-165's customer success dashboard with PRD-069's account view: goals, value, ROI,
 * score, milestones, benchmarks and the goals at risk with what to do about them.
 *
 * @description A header with the customer's name and a Generate report action; PRD-069's
 * executive summary line ("4 of 5 goals on track or exceeded", as the reports say it); overview
 * cards (goals achieved x / n and %, value delivered, ROI multiplier against the investment,
 * success score with band); the goals table; the goals at risk with their recommendations; value
 * delivered; progress over time; milestones achieved; and the benchmark comparison. Given
 * `.data` (`getCustomerSuccessMetrics`) and optionally `.account`
 * (`getAccountSuccessMetrics`, for benchmarks) it renders them; given `customer-id` inside a
 * `<success-provider>` it fetches both, with their explanations (`explain: true`). Every number
 * goes through calc's formatting in the locale in effect and the customer's currency (or the
 * override). Every figure with an explanation (fetched, or `explanations` in `.data` and
 * `.account`) has a "How is this computed?" disclosure, here and in the parts it renders; the
 * explanation texts are the server's, in English.
 *
 * @slot trends - Replaces the built-in `<success-trend-chart>` in the "Progress over time" spot.
 *
 * @csspart base - The wrapper.
 * @csspart header - Customer name, period and actions.
 * @csspart generate-report - The Generate report button.
 * @csspart cards - The overview cards.
 * @csspart summary - PRD-069's executive summary line above the cards ("4 of 5 goals on track or
 *   exceeded").
 * @csspart goals - The goals section.
 * @csspart at-risk - The at-risk goals and recommendations.
 * @csspart value - The value-delivered section.
 * @csspart trends - The progress-over-time section.
 * @csspart milestones - The milestones section.
 * @csspart benchmarks - The benchmark section.
 * @csspart state - Loading, empty and error states.
 * @csspart notice - Stale and partial notices.
 * @csspart explain-button - A card figure's "How is this computed?" button (only with
 *   explanations).
 * @csspart explain-panel - The explanation it reveals: the formula with the customer's numbers,
 *   its inputs and the seed rule.
 *
 * @cssprop [--success-chart-1=#0a58b8] - Colour of the first series in the progress-over-time
 *   chart (dark theme: #4c9bf8).
 * @cssprop [--success-chart-2=#c2410c] - Colour of the second series (dark theme: #fb923c).
 * @cssprop [--success-chart-3=#7c3aed] - Colour of the third series (dark theme: #a78bfa).
 * @cssprop [--success-chart-4=#0f766e] - Colour of the fourth series (dark theme: #2dd4bf).
 * @cssprop [--success-chart-5=#be185d] - Colour of the fifth series (dark theme: #f472b6).
 * @cssprop [--success-chart-6=#4d7c0f] - Colour of the sixth series (dark theme: #a3e635).
 * @cssprop [--success-chart-height=240px] - Height of the progress-over-time chart.
 * @cssprop [--success-score-size=7rem] - Width of the success score gauge in the cards.
 *
 * @event {CustomEvent<SuccessGenerateReportDetail>} success-generate-report - Generate report was
 *   chosen. Cancelable: cancel it to make the report yourself; otherwise, inside a provider, the
 *   element requests the file from the API and downloads it.
 * @event {CustomEvent<SuccessGoalSelectDetail>} success-goal-select - A goal was chosen (goals
 *   table or at-risk list). Cancelable.
 * @event {CustomEvent<SuccessDefineGoalsDetail>} success-define-goals - The empty state's "Define
 *   goals" was chosen.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessOverview extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, explainStyles, styles];
  static override properties = {
    customerId: { attribute: 'customer-id' },
    period: {},
    data: { attribute: false },
    account: { attribute: false },
    reportFormat: { attribute: 'report-format' },
    reportBusy: { state: true },
    reportError: { state: true },
  };

  /** The customer to fetch (inside a provider). */
  declare customerId: string | undefined;

  /** The reporting window (`all`, `2026`, `2026-Q2`, `2026-04`); default `all`. */
  declare period: string | undefined;

  /** The customer's success metrics as data (`getCustomerSuccessMetrics`). */
  declare data: CustomerSuccessMetrics | undefined;

  /** PRD-069's account view as data (`getAccountSuccessMetrics`), for the benchmarks. */
  declare account: AccountSuccessMetrics | undefined;

  /** The format Generate report asks for. */
  declare reportFormat: ReportFormat;

  declare private reportBusy: boolean;
  declare private reportError: string | undefined;

  constructor() {
    super();
    this.reportFormat = 'pdf';
    this.reportBusy = false;
  }

  // The key covers the period too, so a new period fetches anew (a key change, not a refresh).
  #key(): string | undefined {
    return this.customerId ? `${this.customerId}\n${this.period ?? ''}` : undefined;
  }

  /** The success metrics shown: given as `.data`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly metrics = new DataController<CustomerSuccessMetrics>(this, {
    data: () => this.data,
    key: () => this.#key(),
    fetch: (client, _key, signal) => {
      const customerId = this.customerId ?? '';
      return client.getCustomerSuccessMetrics(
        this.period
          ? { customerId, period: this.period, explain: true }
          : { customerId, explain: true },
        { signal },
      );
    },
  });

  // Benchmarks come from the account view. Only fetched in provider mode: a host that passes
  // `.data` passes `.account` too if it wants benchmarks, and no request is made behind its back.
  /** The account view (with benchmarks) fetched by `customer-id` in provider mode: value, error, loading. */
  readonly accountData = new DataController<AccountSuccessMetrics>(this, {
    data: () => this.account,
    key: () => (this.data ? undefined : this.#key()),
    fetch: (client, _key, signal) => {
      const customerId = this.customerId ?? '';
      return client.getAccountSuccessMetrics(
        this.period
          ? { customerId, period: this.period, includeBenchmarks: true, explain: true }
          : { customerId, includeBenchmarks: true, explain: true },
        { signal },
      );
    },
  });

  readonly #explain = new ExplainController(this, (v) => this.fmt.number(v));

  /** Fetches both views again (provider mode); the dashboard stays on screen meanwhile. */
  async refresh(): Promise<void> {
    await Promise.all([this.metrics.refresh(), this.accountData.refresh()]);
  }

  protected override render() {
    return html`<div part="base">
      ${this.metrics.render((m) => this.#renderDashboard(m), { skeleton: () => this.#skeleton() })}
    </div>`;
  }

  #skeleton() {
    return html`<div class="state skeleton" part="state skeleton" role="status">
      <span class="visually-hidden">${STATE_TEXT.loading}</span>
      <div class="bone" aria-hidden="true"></div>
      <div class="bones" aria-hidden="true">${[1, 2, 3, 4].map(() => html`<div class="bone"></div>`)}</div>
      <div class="bone" aria-hidden="true"></div>
      <div class="bone" aria-hidden="true"></div>
    </div>`;
  }

  #customerIdOf(m: CustomerSuccessMetrics): string {
    return this.customerId || m.customer.id;
  }

  async #generateReport(m: CustomerSuccessMetrics): Promise<void> {
    const customerId = this.#customerIdOf(m);
    const locale = this.fmt.locale;
    const format = this.reportFormat;
    if (!emit(this, 'success-generate-report', { customerId, format, locale }, true)) return;
    const client = this.metrics.client;
    if (!client) return;
    this.reportBusy = true;
    this.reportError = undefined;
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
      this.reportError = this.localize(() =>
        fillText(T.reportFailed, { reason: describeError(error).title }),
      );
    } finally {
      this.reportBusy = false;
    }
  }

  #selectGoal(goal: SuccessGoal): void {
    if (!emit(this, 'success-goal-select', { goalId: goal.id, goal }, true)) return;
    const table = this.renderRoot.querySelector<SuccessGoalsTable>('success-goals-table');
    if (table) table.selectedGoalId = goal.id;
  }

  #renderHeader(m: CustomerSuccessMetrics) {
    const f = this.fmt;
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
        ${this.reportError ? html`<span class="report-error" role="alert">${this.reportError}</span>` : nothing}
        <button
          type="button"
          class="primary"
          part="generate-report"
          ?disabled=${this.reportBusy}
          aria-busy=${this.reportBusy ? 'true' : 'false'}
          @click=${() => this.#generateReport(m)}
        >
          ${this.reportBusy ? T.generating : T.generate}
        </button>
      </div>
    </header>`;
  }

  #renderCards(m: CustomerSuccessMetrics) {
    const f = this.fmt;
    const { goals, value_delivered: v, success_score: score, currency } = m.metrics;
    const x: Explanations | undefined = m.explanations;
    // The button beside the figure, the panel under the card's text. Each figure keeps its own
    // text element, so a reader of leaf texts (the demo page's screenshot check) still finds it.
    const ex = (pointer: string, figure: string) => {
      const p = this.#explain.parts(x, pointer, figure);
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
    const line = vocabulary(this.fmt.locale).onTrackLine(
      goalsOnTrackOrExceeded({ total: g.total, achieved: g.achieved, onTrack: g.on_track }),
      g.total,
    );
    // The same count the account view explains (PRD-069's executive summary), once it is here.
    const how = this.#explain.parts(
      this.accountData.value?.explanations,
      '/executive_summary/goals_on_track_or_exceeded',
      line.words,
    );
    return html`<p class="summary" part="summary"><strong>${line.figure}</strong> ${line.words}${how?.button ?? nothing}</p>${how?.panel ?? nothing}`;
  }

  #renderAtRisk(m: CustomerSuccessMetrics) {
    const risky = m.goals.filter((g) => g.status === 'at_risk' || g.status === 'missed');
    if (risky.length === 0) return nothing;
    const f = this.fmt;
    const fromAccount = new Map(
      this.accountData.value?.recommendations?.map((r) => [r.goal_id, r.items]),
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
    const a = this.accountData;
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

  #renderDashboard(m: CustomerSuccessMetrics) {
    if (m.metrics.goals.total === 0) {
      return html`<div class="layout">
        ${this.#renderHeader(m)}
        ${renderEmpty({
          onAction: () => emit(this, 'success-define-goals', { customerId: this.#customerIdOf(m) }),
        })}
      </div>`;
    }
    const currency = this.effectiveCurrency ?? m.metrics.currency;
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
