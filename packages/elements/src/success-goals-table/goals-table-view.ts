import { html, nothing, type TemplateResult } from 'lit';
import { emit } from '../events.js';
import {
  fillText,
  goalStatusInfo,
  progressNote,
  renderNotice,
  STATE_MESSAGES,
  STATE_TEXT,
  statusBadge,
} from '../states.js';
import { styleProps } from '../styles/style-props.js';
import type { Explanations, SuccessGoal } from '../types.js';
import type { GoalsTableWords, SuccessGoalsTable } from './success-goals-table.js';

export { goalsTableViewStyles } from './goals-table-view.styles.js';

// The table of <success-goals-table>: loaded with a dynamic import the first time there are goals
// to show, so the element, its fetching and its loading, empty and error states are in the
// initial bundle and the table's markup and styles are not.

/**
 * A column's name beside its value, shown only when the rows stack (narrow containers). Hidden
 * from assistive technology: the column headers stay in the accessibility tree and name it.
 */
const cellLabel = (text: string) =>
  html`<span class="cell-label" aria-hidden="true">${text}</span>`;

/** The table of one `<success-goals-table>`. */
export class GoalsTableView {
  // The words come from the element, not an import of its module: importing it here would split
  // the element out of the initial chunk into one of its own.
  constructor(
    readonly host: SuccessGoalsTable,
    readonly words: GoalsTableWords,
  ) {}

  #select(goal: SuccessGoal): void {
    if (emit(this.host, 'success-goal-select', { goalId: goal.id, goal }, true)) {
      this.host.selectedGoalId = goal.id;
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    const buttons = [...this.host.renderRoot.querySelectorAll<HTMLButtonElement>('button.goal')];
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

  /** The table of these goals (at least one), with `x` their explanations. */
  render(goals: readonly SuccessGoal[], x: Explanations | undefined): TemplateResult {
    const f = this.host.fmt;
    return html`${this.#notice(goals)}
      <table
        part="table"
        role="table"
        aria-labelledby=${(this.host.heading ?? this.words.heading) ? 'heading' : nothing}
        @keydown=${(e: KeyboardEvent) => this.#onKeydown(e)}
      >
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">${this.words.goal}</th>
            <th scope="col" role="columnheader" class="n col-target">${this.words.target}</th>
            <th scope="col" role="columnheader" class="n col-current">${this.words.current}</th>
            <th scope="col" role="columnheader" class="n col-progress">${this.words.progress}</th>
            <th scope="col" role="columnheader" class="col-status">${this.words.status}</th>
          </tr>
        </thead>
        <tbody>
          ${goals.map((goal, i) => {
            const [tone, label] = goalStatusInfo(goal.status, goal.exceeded);
            const selected = goal.id === this.host.selectedGoalId;
            const pct = goal.achievement_pct;
            const more = goal.metrics.length - 1;
            const at = `/${i}/achievement_pct`;
            const ex = this.host.explain.parts(
              x,
              at,
              fillText(this.words.explainProgress, { goal: goal.name }),
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
                ${more > 0 ? html`<span class="sub">${fillText(this.words.more, { metric: goal.metric, count: more })}</span>` : nothing}
                ${goal.progress_note ? html`<span class="sub">${progressNote(goal.progress_note)}</span>` : nothing}
              </td>
              <td role="cell" class="n num col-target">${cellLabel(this.words.target)}${f.metric(goal.target_value, goal.unit)}</td>
              <td role="cell" class="n num col-current">${cellLabel(this.words.current)}${f.metric(goal.current_value, goal.unit)}</td>
              <td role="cell" class="n num col-progress">
                ${cellLabel(this.words.progress)}
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
