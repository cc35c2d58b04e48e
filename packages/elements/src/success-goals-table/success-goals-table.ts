import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderEmpty, renderError, renderSkeleton, STATE_TEXT, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Explanations, SuccessGoal } from '../types.js';
import type { GoalsTableView } from './goals-table-view.js';
import { styles } from './success-goals-table.styles.js';

/**
 * The column headings (also the labels each value carries when the table stacks on a phone)
 * and the table's other words.
 */
export const GOALS_TABLE_MESSAGES = defineMessages('elements.goals-table', {
  goal: 'Goal',
  target: 'Target',
  current: 'Current',
  progress: 'Progress',
  status: 'Status',
  heading: 'Active goals',
  more: '{metric} + {count} more',
  explainProgress: 'the progress of {goal}',
});
const COLUMNS = localized(GOALS_TABLE_MESSAGES);
/** The table's words in the element's language, handed to its view. @internal */
export type GoalsTableWords = typeof COLUMNS;

const loadView = () => import('./goals-table-view.js');
type ViewModule = typeof import('./goals-table-view.js');

/**
 * @summary PRD-165's "Active goals" table: goal, target, current, progress and status.
 *
 * @description One row per goal with its target and current value in the metric's unit, the
 * progress toward the target, and the status as an icon and words (never colour alone).
 * At-risk and missed rows are marked at the edge. A row is chosen by click, or by keyboard
 * (Tab to a goal, Enter or Space; Arrow Up/Down, Home and End move between goals), which fires
 * `success-goal-select`. Given `.goals` it renders them; given `customer-id` inside a
 * `<success-provider>` it fetches the customer's goals with their explanations. A progress with an
 * explanation (`.explanations`, or fetched) has a "How is this computed?" disclosure; opening it
 * does not choose the row.
 *
 * @csspart base - The wrapper.
 * @csspart table - The table.
 * @csspart row - Each goal row.
 * @csspart status - The status badges.
 * @csspart state - Loading, empty and error states.
 * @csspart notice - The partial-data and no-baseline notices.
 * @csspart explain-button - A progress's "How is this computed?" button (only with explanations).
 * @csspart explain-panel - The explanation it reveals: the formula with the customer's numbers,
 *   its inputs and the seed rule.
 *
 * @event {CustomEvent<SuccessGoalSelectDetail>} success-goal-select - A goal row was chosen.
 *   Cancelable: cancel it to keep the selection unchanged (the default marks the row selected).
 * @event {CustomEvent<SuccessDefineGoalsDetail>} success-define-goals - The empty state's "Define
 *   goals" was chosen.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessGoalsTable extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, explainStyles, styles];
  static override properties = {
    customerId: { attribute: 'customer-id' },
    goals: { attribute: false },
    explanations: { attribute: false },
    selectedGoalId: { attribute: 'selected-goal-id', reflect: true },
    heading: {},
  };

  /** The customer whose goals to fetch (inside a provider). */
  declare customerId: string | undefined;

  /** The goals as data (`CustomerSuccessMetrics.goals`). */
  declare goals: readonly SuccessGoal[] | undefined;

  /**
   * How the goals' figures were computed (the API's `explanations` with `explain: true`), keyed
   * by JSON Pointer relative to `goals`: `/0/achievement_pct`. Without them no disclosure is shown.
   */
  declare explanations: Explanations | undefined;

  #fetched: Explanations | undefined;
  /** The disclosures of the table (explain/explain.ts). @internal */
  readonly explain = new ExplainController(this, (v) => this.fmt.number(v));
  // Typed, not inferred: the view's type reads this class, and inferring both ways is circular.
  readonly #view: LazyPart<ViewModule, GoalsTableView> = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.GoalsTableView(this, COLUMNS),
    styles: (m) => [m.goalsTableViewStyles],
  });

  /** The id of the selected goal; its row is marked current. */
  declare selectedGoalId: string | undefined;

  /** The heading text; empty for none; unset: "Active goals" in the element's language. */
  declare heading: string | undefined;

  /** The goals shown: given as `.goals`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly data = new DataController<readonly SuccessGoal[]>(this, {
    data: () => this.goals,
    key: () => this.customerId,
    fetch: async (client, customerId, signal) => {
      const m = await client.getCustomerSuccessMetrics({ customerId, explain: true }, { signal });
      this.#fetched = scopeExplanations(m.explanations, '/goals');
      return m.goals;
    },
  });

  /** Fetches again (provider mode). */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  // A caller awaiting `updateComplete` sees the table, not the moment before its code arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
  }

  protected override render() {
    const heading = this.heading ?? COLUMNS.heading;
    return html`<div part="base">
      ${heading ? html`<h3 id="heading">${heading}</h3>` : nothing}
      ${this.data.render((goals) => this.#renderGoals(goals), {
        skeleton: () => renderSkeleton(STATE_TEXT.loading, 5),
      })}
    </div>`;
  }

  #renderGoals(goals: readonly SuccessGoal[]) {
    if (goals.length === 0) {
      return renderEmpty({
        onAction: () => emit(this, 'success-define-goals', { customerId: this.customerId }),
      });
    }
    return this.#view.render(
      (view) => view.render(goals, this.goals ? this.explanations : this.#fetched),
      {
        loading: () => renderSkeleton(STATE_TEXT.loading, 5),
        failed: (retry) => renderError({ title: STATE_TEXT.failed, onRetry: retry }),
      },
    );
  }
}
