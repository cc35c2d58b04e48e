import { defineMessages } from '@cscx/success-calc/i18n';
import type { SuccessClient } from '@cscx/success-sdk';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { DataController } from '../data-controller.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderError, renderSkeleton, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { SuccessGoal } from '../types.js';

/** What the editor says before its form arrives (the form's words come with it). */
export const EDITOR_SHELL_MESSAGES = defineMessages('elements.editor-shell', {
  loadingGoal: 'Loading goal…',
  loadingEditor: 'Loading editor…',
  loadFailed: 'The goal editor could not be loaded.',
  loadFailedDetail: 'Check the connection and try again.',
});
const T = localized(EDITOR_SHELL_MESSAGES);

const loadBody = () => import('./editor-body.js');

/**
 * @summary Creates or edits one success goal (PRD-165 FR-165.1..10, PRD-069 goal creation):
 * its details, metrics and value drivers, with what calc will compute shown live, and records
 * measurements of an existing goal.
 *
 * @description Without `goal-id` it creates a goal for `customer-id`; with `goal-id` (or `.goal`)
 * it edits that goal. Inside a `<success-provider>` (or given `.client`) it saves through the
 * SDK: `createSuccessGoal` with one `Idempotency-Key` per save attempt (reused on retry, so a
 * double click or a retried request never creates two goals), `updateSuccessGoal` with
 * `If-Match` (a 412 shows what changed on the server and offers Reload or Overwrite), and
 * `recordMeasurement`. Unsaved changes are kept as a draft in sessionStorage and restored;
 * leaving with changes asks first. Input is validated with the SDK's schemas; messages sit next
 * to their fields and in a summary linked to them, announced through a live region. Field errors
 * the API answers (422 `errors[]`, by JSON Pointer) show the same way with the API's reason,
 * focus moves to the first of them, and those of fields the form has no control for are listed
 * by name in the summary. Every goal the API stores opens and saves back unchanged: each driver
 * input (hours per unit x units, hours per month, hourly rate, monthly or annual amount), metric
 * weights and fields without a control (a driver's `metric_id`) are kept as they came. A
 * metric whose target equals its baseline is flagged before saving (no progress can be
 * computed from it). An existing goal can be deleted (`deleteSuccessGoal` with `If-Match`)
 * after a confirmation step. The form,
 * its validation and the save logic load with a dynamic import when the editor first connects
 * (a loading state shows until then; `updateComplete` waits for it).
 *
 * A new goal can start from a goal template (`listGoalTemplates`: PRD-165 Appendix A's library
 * and managers' own, grouped by industry), chosen in the form or named by `template-id`: it fills
 * in the goal, its metrics with suggested baselines and targets, and its value drivers (asking
 * first when the form has changes); when the goal is created, the template's milestones are
 * created for it (`createMilestone`, each with its own `Idempotency-Key`), and any that could not
 * be are offered again.
 *
 * For an existing goal it also lists the customer's milestones and creates, edits and records
 * the achieved date of milestones (`listMilestones`, `createMilestone` with an
 * `Idempotency-Key`, `updateMilestone` with `If-Match`); that part loads with a dynamic import
 * when first shown.
 *
 * With `readonly` nothing can be changed: fields are read-only, there is no Save, Add, Remove or
 * Record, and a note says why. A save the API refuses as forbidden (403, e.g. a viewer token)
 * switches the editor to read-only too, with the API's reason, keeping what was typed on screen.
 *
 * @csspart base - The wrapper of every state.
 * @csspart form - The goal form.
 * @csspart error-summary - The list of validation errors, linked to the fields.
 * @csspart preview - What calc computes from the input: value per year, progress, status.
 * @csspart conflict - The 412 view: the goal changed on the server.
 * @csspart delete-confirm - The confirmation asked before a goal is deleted.
 * @csspart measurement - The form to record a measurement.
 * @csspart measurement-confirmation - The visible confirmation (role=status) of a recorded, corrected or removed measurement.
 * @csspart measurement-history - The selected metric's measurements (date, value, source, note), each to correct or remove.
 * @csspart actions - Save and Cancel.
 * @csspart milestones - The customer's milestones and their form.
 * @csspart milestone-form - The form to create or edit a milestone.
 * @csspart readonly - The note that the editor is read-only, and why.
 * @csspart status - Status badges (icon and text).
 * @csspart notice - Draft, no-baseline and save-failure notices.
 * @csspart state - The loading and error states.
 *
 * @event {CustomEvent<SuccessGoalSavedDetail>} success-goal-saved - A goal was created or updated;
 *   `detail.goal` is the stored goal.
 * @event {CustomEvent<SuccessGoalDeletedDetail>} success-goal-deleted - The user confirmed
 *   deleting the goal and the API deleted it; `detail.goalId` and `detail.goal` (as it was).
 * @event {CustomEvent<SuccessMeasurementRecordedDetail>} success-measurement-recorded - A
 *   measurement was stored; `detail.goal` is the goal after it.
 * @event {CustomEvent<SuccessMilestoneSavedDetail>} success-milestone-saved - A milestone was
 *   created or updated; `detail.milestone` is the stored one.
 * @event {CustomEvent<SuccessCancelDetail>} success-cancel - The user left the editor (Cancel,
 *   confirmed when there were changes).
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading the goal failed; the error state
 *   with Retry is shown.
 *
 * @example
 * <success-provider base-url="/api" token="…">
 *   <goal-editor customer-id="cus_acme" goal-id="goal_123"></goal-editor>
 * </success-provider>
 *
 * @example
 * <!-- A new goal for Acme, started from a shipped template -->
 * <goal-editor customer-id="cus_acme" template-id="tpl_reduce_resolution_time"></goal-editor>
 */
export class GoalEditor extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles];

  static override properties = {
    customerId: { attribute: 'customer-id' },
    goalId: { attribute: 'goal-id' },
    templateId: { attribute: 'template-id' },
    goal: { attribute: false },
    client: { attribute: false },
    readOnly: { type: Boolean, attribute: 'readonly', reflect: true },
  };

  /** The customer a new goal is created for. */
  declare customerId: string | undefined;
  /** The goal to edit, fetched through the provider (when `.goal` is not set). */
  declare goalId: string | undefined;
  /**
   * A new goal (no `goal-id`) starts from this goal template (`listGoalTemplates`): its goal,
   * metrics, value drivers and, once created, its milestones. A session draft of the new goal
   * is kept rather than replaced.
   */
  declare templateId: string | undefined;
  /** The goal to edit, given directly. */
  declare goal: SuccessGoal | undefined;
  /** The SDK client; unset: the provider's. */
  declare client: SuccessClient | undefined;
  /** Show the goal without any way to change it (e.g. for a viewer token). */
  declare readOnly: boolean;

  /** The goal fetched by `goal-id` through the provider: its value, error and loading state, and `refresh()`. */
  readonly data = new DataController<SuccessGoal>(this, {
    data: () => this.goal,
    key: () => this.goalId,
    fetch: (client, goalId, signal) => client.getSuccessGoal({ goalId }, { signal }),
  });

  readonly #body = new LazyPart(this, {
    load: loadBody,
    create: (m) => new m.EditorBody(this),
    styles: (m) => [m.goalEditorStyles],
  });

  constructor() {
    super();
    this.readOnly = false;
  }

  /** True when the form differs from what was last loaded or saved. */
  get dirty(): boolean {
    return this.#body.value?.dirty ?? false;
  }

  /** Saves the goal (create or update). Resolves when the attempt is over. */
  async save(overwrite = false): Promise<void> {
    await (await this.#body.load())?.save(overwrite);
  }

  /** Records the measurement in the measurement form. */
  async recordMeasurement(): Promise<void> {
    await (await this.#body.load())?.recordMeasurement();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#onBeforeUnload);
    // The form is only needed once an editor is on a page: it starts loading now, while the
    // goal (given an id) is fetched alongside.
    void this.#body.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  // An accidental close with unsaved changes asks first; the draft is kept either way.
  readonly #onBeforeUnload = (e: BeforeUnloadEvent) => this.#body.value?.onBeforeUnload(e);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#body.value?.willUpdate(changed);
  }

  // Until the form has arrived, callers awaiting `updateComplete` (a test, a host that focuses a
  // field) would see the loading state; they wait for the form's first render instead.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#body.updateComplete(() => super.getUpdateComplete());
  }

  protected override render(): TemplateResult {
    return this.#body.render((body) => body.render(), {
      loading: () =>
        this.#state(renderSkeleton(this.goalId || this.goal ? T.loadingGoal : T.loadingEditor, 8)),
      failed: (retry) =>
        this.#state(
          renderError({
            title: T.loadFailed,
            detail: T.loadFailedDetail,
            onRetry: retry,
          }),
        ),
    });
  }

  #state(state: TemplateResult): TemplateResult {
    return html`<div part="base">${state}</div>`;
  }
}
