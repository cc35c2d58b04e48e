import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { localized } from '../localize.js';
import {
  fillText,
  goalStatusInfo,
  progressNote,
  renderEmpty,
  renderNotice,
  renderSkeleton,
  STATE_MESSAGES,
  STATE_TEXT,
  stateStyles,
  statusBadge,
} from '../states.js';
import { styleProps } from '../styles/style-props.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Explanations, SuccessGoal } from '../types.js';
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

/**
 * A column's name beside its value, shown only when the rows stack (narrow containers). Hidden
 * from assistive technology: the column headers stay in the accessibility tree and name it.
 */
const cellLabel = (text: string) =>
  html`<span class="cell-label" aria-hidden="true">${text}</span>`;

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
  readonly #explain = new ExplainController(this, (v) => this.fmt.number(v));

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

  protected override render() {
    const heading = this.heading ?? COLUMNS.heading;
    return html`<div part="base">
      ${heading ? html`<h3 id="heading">${heading}</h3>` : nothing}
      ${this.data.render((goals) => this.#renderGoals(goals), {
        skeleton: () => renderSkeleton(STATE_TEXT.loading, 5),
      })}
    </div>`;
  }

  #select(goal: SuccessGoal): void {
    if (emit(this, 'success-goal-select', { goalId: goal.id, goal }, true)) {
      this.selectedGoalId = goal.id;
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.goal')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const to =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, buttons.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    buttons[to]?.focus();
  }

  #notice(goals: readonly SuccessGoal[]) {
    const missing = goals.filter((g) => g.achievement_pct === null);
    if (missing.length > 0 && missing.length === goals.length) {
      const allBaseline = missing.every((g) => g.progress_note === STATE_MESSAGES.en.noBaseline);
      return renderNotice(allBaseline ? STATE_TEXT.noBaseline : STATE_TEXT.partial, 'info');
    }
    if (missing.length > 0 || goals.some((g) => g.progress_note === STATE_MESSAGES.en.partial)) {
      return renderNotice(STATE_TEXT.partial, 'warning');
    }
    return nothing;
  }

  #renderGoals(goals: readonly SuccessGoal[]) {
    if (goals.length === 0) {
      return renderEmpty({
        onAction: () => emit(this, 'success-define-goals', { customerId: this.customerId }),
      });
    }
    const f = this.fmt;
    const x = this.goals ? this.explanations : this.#fetched;
    return html`${this.#notice(goals)}
      <table
        part="table"
        role="table"
        aria-labelledby=${(this.heading ?? COLUMNS.heading) ? 'heading' : nothing}
        @keydown=${this.#onKeydown}
      >
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">${COLUMNS.goal}</th>
            <th scope="col" role="columnheader" class="n col-target">${COLUMNS.target}</th>
            <th scope="col" role="columnheader" class="n col-current">${COLUMNS.current}</th>
            <th scope="col" role="columnheader" class="n col-progress">${COLUMNS.progress}</th>
            <th scope="col" role="columnheader" class="col-status">${COLUMNS.status}</th>
          </tr>
        </thead>
        <tbody>
          ${goals.map((goal, i) => {
            const [tone, label] = goalStatusInfo(goal.status, goal.exceeded);
            const selected = goal.id === this.selectedGoalId;
            const pct = goal.achievement_pct;
            const more = goal.metrics.length - 1;
            const at = `/${i}/achievement_pct`;
            const ex = this.#explain.parts(
              x,
              at,
              fillText(COLUMNS.explainProgress, { goal: goal.name }),
              goal.id,
            );
            return html`<tr
              part="row"
              role="row"
              class="${goal.status.replace('_', '-')} ${selected ? 'selected' : ''}"
              @click=${() => this.#select(goal)}
            >
              <td role="cell" class="col-goal">
                <button type="button" class="goal" aria-current=${selected ? 'true' : nothing} @click=${(
                  e: Event,
                ) => {
                  // The row's own click handler selects; the button only makes it reachable.
                  e.stopPropagation();
                  this.#select(goal);
                }}>${goal.name}</button>
                ${more > 0 ? html`<span class="sub">${fillText(COLUMNS.more, { metric: goal.metric, count: more })}</span>` : nothing}
                ${goal.progress_note ? html`<span class="sub">${progressNote(goal.progress_note)}</span>` : nothing}
              </td>
              <td role="cell" class="n num col-target">${cellLabel(COLUMNS.target)}${f.metric(goal.target_value, goal.unit)}</td>
              <td role="cell" class="n num col-current">${cellLabel(COLUMNS.current)}${f.metric(goal.current_value, goal.unit)}</td>
              <td role="cell" class="n num col-progress">
                ${cellLabel(COLUMNS.progress)}
                <span class="progress">
                  ${
                    pct === null
                      ? nothing
                      : html`<div class="meter" aria-hidden="true"><div style=${styleProps({ width: `${Math.min(100, Math.max(0, pct))}%` })}></div></div>`
                  }
                  ${f.percent(pct)}${ex?.button ?? nothing}
                </span>
                ${ex?.panel ?? nothing}
              </td>
              <td role="cell" class="col-status">${statusBadge(tone, label)}</td>
            </tr>`;
          })}
        </tbody>
      </table>`;
  }
}
