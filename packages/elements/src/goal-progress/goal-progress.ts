import { defineMessages } from '@cscx/success-calc/i18n';
import type { SuccessClient } from '@cscx/success-sdk';
import { css, html, type TemplateResult } from 'lit';
import { DataController } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderEmpty, renderError, renderSkeleton, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Explanations, SuccessGoal } from '../types.js';

const loadView = () => import('./goal-view.js');

/** What `<goal-progress>` says before its view arrives. */
export const GOAL_PROGRESS_MESSAGES = defineMessages('elements.goal-progress', {
  loading: 'Loading goal…',
  failed: 'The goal could not be shown.',
});
const T = localized(GOAL_PROGRESS_MESSAGES);

/**
 * @summary One goal in detail (PRD-165 7.2): its metric, baseline, target, current value and
 * change, status, progress over time against the target and the expected pace, the forecast
 * date, the value calculation and, for goals with several metrics (PRD-069), a table of them.
 *
 * @description Given `.goal` (a SuccessGoal of openapi.yaml) it renders that; given `goal-id`
 * inside a `<success-provider>` it fetches it with `getSuccessGoal`, then (without holding the
 * goal back) its customer's metrics with `explain: true` for the goal's explanations. Each figure
 * with an explanation (progress, status, expected pace, forecast, each metric's progress, each
 * value driver and the total value) has a "How is this computed?" disclosure. Numbers, money and dates
 * are formatted by calc in the provider's (or own) `locale` and the goal's currency. The chart
 * is a `<success-trend-chart>`; its vega code loads when it scrolls into view. Navigating back
 * (e.g. on `success-goal-select` from a goals table) is the host page's. The goal view (and its
 * styles) loads with a dynamic import the first time a goal is shown; `updateComplete` waits
 * for it and for the chart's figure.
 *
 * @csspart base - The wrapper of every state.
 * @csspart header - Goal name, status, description, owner and dates.
 * @csspart details - The goal details list.
 * @csspart chart - The progress-over-time section.
 * @csspart metrics - The per-metric table (goals with several metrics).
 * @csspart value - The value calculation.
 * @csspart projected - The goal's value at target, shown apart from its total.
 * @csspart recommendations - Recommended actions of an at-risk or missed goal.
 * @csspart status - Status badges (icon and text).
 * @csspart state - Loading, empty and error states.
 * @csspart notice - Partial-data, no-baseline and stale notices.
 * @csspart explain-button - A figure's "How is this computed?" button (only with explanations).
 * @csspart explain-panel - The explanation it reveals: the formula with the customer's numbers,
 *   its inputs and the seed rule.
 *
 * @cssprop [--success-chart-1=#0a58b8] - Colour of the first metric's line (dark theme: #4c9bf8).
 * @cssprop [--success-chart-2=#c2410c] - Colour of the second metric's line (dark theme: #fb923c).
 * @cssprop [--success-chart-3=#7c3aed] - Colour of the third metric's line (dark theme: #a78bfa).
 * @cssprop [--success-chart-4=#0f766e] - Colour of the fourth metric's line (dark theme: #2dd4bf).
 * @cssprop [--success-chart-5=#be185d] - Colour of the fifth metric's line (dark theme: #f472b6).
 * @cssprop [--success-chart-6=#4d7c0f] - Colour of the sixth metric's line (dark theme: #a3e635).
 * @cssprop [--success-chart-height=240px] - Height of the progress-over-time chart.
 *
 * @event {CustomEvent<SuccessDefineGoalsDetail>} success-define-goals - The empty state's "Define
 *   goals" was chosen.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading the goal failed; the error state
 *   with Retry is shown.
 */
export class GoalProgress extends SuccessElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    stateStyles,
    explainStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  static override properties = {
    goal: { attribute: false },
    goalId: { attribute: 'goal-id' },
    explanations: { attribute: false },
    fetchedExplanations: { state: true },
  };

  /** The goal to show. When set, nothing is fetched. */
  declare goal: SuccessGoal | undefined;

  /** Fetch this goal through the provider (when `.goal` is not set). */
  declare goalId: string | undefined;

  /**
   * How the goal's figures were computed (the API's `explanations` with `explain: true`), keyed
   * by JSON Pointer relative to the goal: `/achievement_pct`, `/metrics/0/progress_pct`,
   * `/value_drivers/0/annual_value`. Without them no disclosure is shown.
   */
  declare explanations: Explanations | undefined;

  declare private fetchedExplanations: Explanations | undefined;

  /** The disclosures of the goal view (explain/explain.ts). @internal */
  readonly explain = new ExplainController(this, (v) => this.fmt.number(v));

  /** The explanations of the goal on screen, given or fetched. @internal */
  get goalExplanations(): Explanations | undefined {
    return this.goal ? this.explanations : this.fetchedExplanations;
  }

  /** The goal fetched by `goal-id` through the provider: its value, error and loading state, and `refresh()`. */
  readonly data = new DataController<SuccessGoal>(this, {
    data: () => this.goal,
    key: () => this.goalId,
    fetch: async (client, goalId, signal) => {
      const goal = await client.getSuccessGoal({ goalId }, { signal });
      this.#explainGoal(client, goal, signal);
      return goal;
    },
  });

  // getSuccessGoal has no `explain`: the customer's metrics carry the goal's explanations. Not
  // awaited: the goal shows at once, its disclosures when they arrive, none if this fails.
  #explainGoal(client: SuccessClient, goal: SuccessGoal, signal: AbortSignal): void {
    this.fetchedExplanations = undefined;
    client
      .getCustomerSuccessMetrics({ customerId: goal.customer_id, explain: true }, { signal })
      .then(
        (m) => {
          const i = m.goals.findIndex((g) => g.id === goal.id);
          if (i >= 0 && !signal.aborted)
            this.fetchedExplanations = scopeExplanations(m.explanations, `/goals/${i}`);
        },
        () => undefined,
      );
  }

  readonly #view = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.GoalView(this),
    styles: (m) => [m.goalViewStyles],
  });

  /** Fetches the goal again (provider mode); the current one stays on screen meanwhile. */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  protected override render(): TemplateResult {
    return html`<div part="base">
      ${this.data.render((goal) => this.#renderGoal(goal), {
        skeleton: () => renderSkeleton(T.loading, 6),
        idle: () =>
          renderEmpty({
            onAction: () => emit(this, 'success-define-goals', { customerId: undefined }),
          }),
      })}
    </div>`;
  }

  // A caller awaiting `updateComplete` sees the goal and its chart's figure, not the moment
  // before their code arrived.
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await this.#view.updateComplete(() => super.getUpdateComplete());
    const chart = this.renderRoot?.querySelector('success-trend-chart');
    if (chart) await chart.updateComplete;
    return done;
  }

  #renderGoal(goal: SuccessGoal): TemplateResult {
    return this.#view.render((view) => view.render(goal), {
      loading: () => renderSkeleton(T.loading, 6),
      failed: (retry) => renderError({ title: T.failed, onRetry: retry }),
    });
  }
}
