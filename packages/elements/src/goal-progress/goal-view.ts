import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../styles/style-props.js';
import '../define/success-trend-chart.js';
import { type Format, MISSING_VALUE as MISSING } from '../format.js';
import { localized } from '../localize.js';
import {
  fillText,
  goalStatusInfo,
  metricStatusInfo,
  progressNote,
  recommendationText,
  renderNoBaseline,
  renderNotice,
  renderPartial,
  STATE_MESSAGES,
  STATE_TEXT,
  statusBadge,
} from '../states.js';
import type { ExpectedPace } from '../success-trend-chart/success-trend-chart.js';
import type { ProgressTrend, SuccessGoal, SuccessMetric } from '../types.js';
import type { GoalProgress } from './goal-progress.js';
import { goalTrends } from './goal-trends.js';
import { valueCalculation } from './value-rows.js';

export { goalViewStyles } from './goal-progress.styles.js';

// What <goal-progress> shows once it has a goal, with its styles: loaded with a dynamic import
// the first time a goal is shown, so a page that only registers the element, or shows its
// loading, empty or error state, never downloads it.

/** The goal view's words; priorities and confidences by wire name. */
export const GOAL_VIEW_MESSAGES = defineMessages('elements.goal-view', {
  immediate: 'Immediate',
  this_week: 'This week',
  this_month: 'This month',
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
  noChange: 'no change',
  reduction: '{percent} reduction',
  increase: '{percent} increase',
  owner: 'Owner: {name}',
  ownerWithTitle: 'Owner: {name} ({title})',
  title: 'Goal: {goal}',
  details: 'Goal details',
  progressOverTime: 'Progress over time',
  allMetrics: 'All metrics',
  figureOf: '{figure} of {goal}',
  metric: 'Metric',
  metrics: 'Metrics',
  baseline: 'Baseline',
  notSet: 'Not set',
  target: 'Target',
  current: 'Current',
  noMeasurement: 'No measurement yet',
  progress: 'Progress',
  status: 'Status',
  expectedPace: 'Expected pace',
  wayByToday: '{percent} of the way by today',
  targetDate: 'Target date',
  forecast: 'Forecast to reach target',
  notAtTrend: 'Not at the current trend',
  explainProgress: 'the progress',
  explainStatus: 'the status',
  explainPace: 'the expected pace',
  explainForecast: 'the forecast',
  metricsOf: 'Metrics of {goal}',
  progressOf: 'the progress of {metric}',
  totalValueOf: 'the total value of {goal}',
  valueCalculation: 'Value calculation',
  valueOf: 'the value of {driver}',
  recommended: 'Recommended actions',
  priority: '{priority}:',
});
const T = localized(GOAL_VIEW_MESSAGES);

/**
 * A value against its baseline, as PRD-165 7.2 words it: "50% reduction", "25% increase".
 * Undefined without a baseline (or a zero one, where a percent change means nothing).
 */
function change(baseline: number | null, value: number | null, fmt: Format): string | undefined {
  if (baseline === null || value === null || baseline === 0) return undefined;
  const pct = ((value - baseline) / Math.abs(baseline)) * 100;
  if (!Number.isFinite(pct)) return undefined;
  if (Math.abs(pct) < 0.5) return T.noChange;
  return fillText(pct < 0 ? T.reduction : T.increase, { percent: fmt.percent(Math.abs(pct)) });
}

/** The shown goal of one `<goal-progress>`. */
export class GoalView {
  constructor(readonly host: GoalProgress) {}

  #trendsOf: SuccessGoal | undefined;
  #trends: ProgressTrend[] = [];

  #trendsFor(goal: SuccessGoal): ProgressTrend[] {
    if (goal !== this.#trendsOf) {
      this.#trendsOf = goal;
      const trends = goalTrends(goal);
      // One metric: the goal's own forecast is that metric's, and the API's word on its derived
      // fields is final, so the chart and the details never name two different dates.
      const only = trends.length === 1 ? trends[0] : undefined;
      this.#trends = only ? [{ ...only, forecast_date: goal.forecast_date }] : trends;
    }
    return this.#trends;
  }

  /** The goal in full: header, notes, details, chart, metrics, value and recommendations. */
  render(goal: SuccessGoal): TemplateResult {
    const fmt = this.host.fmt;
    const [tone, word] = goalStatusInfo(goal.status, goal.exceeded);
    const multi = goal.metrics.length > 1;
    const owner = goal.owner
      ? fillText(goal.owner.title ? T.ownerWithTitle : T.owner, {
          name: goal.owner.name,
          title: goal.owner.title ?? '',
        })
      : undefined;
    const dates = `${fmt.date(goal.start_date)} – ${fmt.date(goal.target_date)}`;
    return html`<article class="goal" aria-labelledby="goal-title">
      <header class="head" part="header">
        <div class="title-row">
          <h2 id="goal-title" class="title">${fillText(T.title, { goal: goal.name })}</h2>
          ${statusBadge(tone, word)}
        </div>
        ${goal.description ? html`<p>${goal.description}</p>` : nothing}
        <p class="muted">${owner ? html`${owner} · ` : nothing}${dates}</p>
      </header>
      ${this.#renderNotes(goal)}
      <section class="card" part="details" aria-labelledby="details-heading">
        <h3 id="details-heading">${T.details}</h3>
        ${this.#renderDetails(goal, fmt, multi)}
      </section>
      <section class="card" part="chart" aria-labelledby="chart-heading">
        <h3 id="chart-heading">${T.progressOverTime}</h3>
        <success-trend-chart
          label=${multi ? T.allMetrics : (goal.metrics[0]?.name ?? goal.name)}
          .trends=${this.#trendsFor(goal)}
          .pace=${{ start: goal.start_date, end: goal.target_date } satisfies ExpectedPace}
        ></success-trend-chart>
      </section>
      ${multi ? this.#renderMetrics(goal, fmt) : nothing}
      ${goal.value_drivers.length > 0 ? this.#renderValue(goal, fmt) : nothing}
      ${(goal.recommendations?.length ?? 0) > 0 ? this.#renderRecommendations(goal) : nothing}
    </article>`;
  }

  #renderNotes(goal: SuccessGoal): TemplateResult | typeof nothing {
    const note = goal.progress_note;
    if (goal.achievement_pct === null) {
      if (!note || note === STATE_MESSAGES.en.noBaseline) return renderNoBaseline();
      return renderNotice(progressNote(note), 'info');
    }
    if (note) {
      return note === STATE_MESSAGES.en.partial
        ? renderPartial()
        : renderNotice(progressNote(note), 'warning');
    }
    return nothing;
  }

  #renderDetails(goal: SuccessGoal, fmt: Format, multi: boolean): TemplateResult {
    const m = goal.metrics[0];
    const pct = goal.achievement_pct;
    const [tone, word] = goalStatusInfo(goal.status, goal.exceeded);
    const barTone = tone === 'info' || tone === 'neutral' ? '' : tone;
    const value = (v: number | null) => (m && v !== null ? fmt.metric(v, m.unit) : '');
    const withChange = (v: number | null, empty: string) => {
      if (!m || v === null) return html`<span class="muted">${empty}</span>`;
      const c = change(m.baseline_value, v, fmt);
      // The space is for screen readers and copy-paste; the layout gap alone would drop it.
      return html`<span class="num">${value(v)}</span>${c ? html` <span class="change">(${c})</span>` : nothing}`;
    };
    const x = this.host.goalExplanations;
    const ex = (pointer: string, figure: string) =>
      this.host.explain.render(x, pointer, fillText(T.figureOf, { figure, goal: goal.name }));
    return html`<dl class="facts">
      ${
        !multi && m
          ? html`<dt>${T.metric}</dt>
              <dd>${m.name}</dd>
              <dt>${T.baseline}</dt>
              <dd>${m.baseline_value === null ? html`<span class="muted">${T.notSet}</span>` : html`<span class="num">${value(m.baseline_value)}</span>`}</dd>
              <dt>${T.target}</dt>
              <dd>${withChange(m.target_value, '')}</dd>
              <dt>${T.current}</dt>
              <dd>${withChange(m.current_value, T.noMeasurement)}</dd>`
          : html`<dt>${T.metrics}</dt>
              <dd>${goal.metrics.length}</dd>`
      }
      <dt>${T.progress}</dt>
      <dd>
        ${
          pct === null
            ? html`<span class="muted">${goal.progress_note ? progressNote(goal.progress_note) : STATE_TEXT.noBaseline}</span>`
            : html`<span class="num">${fmt.percent(pct)}</span>
                <span class=${`bar ${barTone}`} aria-hidden="true"
                  ><span style=${styleProps({ width: `${Math.max(0, Math.min(100, pct))}%` })}></span
                ></span>`
        }${
          // One metric: its own progress formula (TC-165.1) says more than a mean of one.
          ex(
            !multi && x?.['/metrics/0/progress_pct']
              ? '/metrics/0/progress_pct'
              : '/achievement_pct',
            T.explainProgress,
          )
        }
      </dd>
      <dt>${T.status}</dt>
      <dd>${statusBadge(tone, word)}${ex('/status', T.explainStatus)}</dd>
      <dt>${T.expectedPace}</dt>
      <dd>
        ${
          goal.expected_pct === null
            ? html`<span class="muted">${MISSING}</span>`
            : fillText(T.wayByToday, { percent: fmt.percent(goal.expected_pct) })
        }${ex('/expected_pct', T.explainPace)}
      </dd>
      <dt>${T.targetDate}</dt>
      <dd>${fmt.date(goal.target_date)}</dd>
      <dt>${T.forecast}</dt>
      <dd>
        ${
          goal.forecast_date
            ? fmt.date(goal.forecast_date)
            : html`<span class="muted">${T.notAtTrend}</span>`
        }${ex('/forecast_date', T.explainForecast)}
      </dd>
    </dl>`;
  }

  #renderMetrics(goal: SuccessGoal, fmt: Format): TemplateResult {
    const cell = (m: SuccessMetric, v: number | null) =>
      v === null ? MISSING : fmt.metric(v, m.unit);
    return html`<section class="card" part="metrics" aria-labelledby="metrics-heading">
      <h3 id="metrics-heading">${T.metrics}</h3>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">${fillText(T.metricsOf, { goal: goal.name })}</caption>
          <thead>
            <tr>
              <th scope="col">${T.metric}</th>
              <th scope="col">${T.baseline}</th>
              <th scope="col">${T.target}</th>
              <th scope="col">${T.current}</th>
              <th scope="col">${T.progress}</th>
              <th scope="col">${T.status}</th>
            </tr>
          </thead>
          <tbody>
            ${goal.metrics.map((m, j) => {
              const [tone, word] = metricStatusInfo(m.status, m.progress_pct);
              return html`<tr>
                <th scope="row">${m.name}</th>
                <td class="num">${cell(m, m.baseline_value)}</td>
                <td class="num">${cell(m, m.target_value)}</td>
                <td class="num">${cell(m, m.current_value)}</td>
                ${
                  m.progress_pct === null
                    ? html`<td class="note">${m.progress_note ? progressNote(m.progress_note) : MISSING}</td>`
                    : html`<td class="num">${fmt.percent(m.progress_pct)}${this.host.explain.render(this.host.goalExplanations, `/metrics/${j}/progress_pct`, fillText(T.progressOf, { metric: m.name }))}</td>`
                }
                <td>${statusBadge(tone, word)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  #renderValue(goal: SuccessGoal, fmt: Format): TemplateResult {
    const calc = valueCalculation(goal, fmt);
    const x = this.host.goalExplanations;
    const total = this.host.explain.parts(
      x,
      '/annual_value',
      fillText(T.totalValueOf, { goal: goal.name }),
    );
    return html`<section class="card" part="value" aria-labelledby="value-heading">
      <h3 id="value-heading">${T.valueCalculation}</h3>
      <div class="drivers">
        ${calc.drivers.map(
          (d, k) => html`<div class="driver">
            <h4>
              ${d.label}${d.confidence ? html` <span class="muted">· ${T[d.confidence]}</span>` : nothing}
            </h4>
            <dl class="facts">
              ${d.rows.map((r) => html`<dt>${r.label}</dt><dd>${r.value}</dd>`)}
            </dl>
            ${d.note ? html`<p class="muted">${d.note}</p>` : nothing}
            ${this.host.explain.render(x, `/value_drivers/${k}/annual_value`, fillText(T.valueOf, { driver: d.label }))}
          </div>`,
        )}
      </div>
      ${
        calc.total
          ? html`<p class="total"><span>${calc.total.label}</span> <span class="num">${calc.total.value}</span>${total?.button ?? nothing}</p>${total?.panel ?? nothing}`
          : renderNotice(calc.failure ?? STATE_TEXT.partial, 'warning')
      }
      ${
        // Value at target: its own line, never part of the total above.
        calc.projected
          ? html`<p class="projected muted" part="projected"><span>${calc.projected.label}</span> <span class="num">${calc.projected.value}</span></p>`
          : nothing
      }
    </section>`;
  }

  #renderRecommendations(goal: SuccessGoal): TemplateResult {
    return html`<section class="card" part="recommendations" aria-labelledby="rec-heading">
      <h3 id="rec-heading">${T.recommended}</h3>
      <ol class="recommendations">
        ${(goal.recommendations ?? []).map((r) => {
          const { action, reason } = recommendationText(r);
          return html`<li>
              <span class="priority">${fillText(T.priority, { priority: T[r.priority] })}</span> ${action}
              <div class="muted">${reason}</div>
            </li>`;
        })}
      </ol>
    </section>`;
  }
}
