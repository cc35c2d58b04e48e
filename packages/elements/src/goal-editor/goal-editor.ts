import type { SuccessClient } from '@cscx/success-sdk';
import { type CSSResult, html, type PropertyValues, type TemplateResult } from 'lit';
import { DataController } from '../data-controller.js';
import { renderError, renderSkeleton, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { addStyles, SuccessElement } from '../success-element.js';
import type { SuccessGoal } from '../types.js';
import type { EditorBody } from './editor-body.js';

type BodyModule = typeof import('./editor-body.js');
// Once one editor on the page has loaded the form, every other one renders it at once.
let bodyModule: BodyModule | undefined;

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
 * to their fields and in a summary linked to them, announced through a live region. The form,
 * its validation and the save logic load with a dynamic import when the editor first connects
 * (a loading state shows until then; `updateComplete` waits for it).
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
 * @csspart measurement - The form to record a measurement.
 * @csspart actions - Save and Cancel.
 * @csspart milestones - The customer's milestones and their form.
 * @csspart milestone-form - The form to create or edit a milestone.
 * @csspart readonly - The note that the editor is read-only, and why.
 * @csspart status - Status badges (icon and text).
 * @csspart notice - Draft, no-baseline and save-failure notices.
 * @csspart state - The loading and error states.
 *
 * @cssprop --success-color-<name> - Theme colours (see the tokens).
 *
 * @event success-goal-saved - A goal was created or updated; `detail.goal` is the stored goal.
 * @event success-measurement-recorded - A measurement was stored; `detail.goal` is the goal after it.
 * @event success-milestone-saved - A milestone was created or updated; `detail.milestone` is the stored one.
 * @event success-cancel - The user left the editor (Cancel, confirmed when there were changes).
 * @event success-error - Loading the goal failed; the error state with Retry is shown.
 *
 * @example
 * <success-provider base-url="/api" token="…">
 *   <goal-editor customer-id="cus_acme" goal-id="goal_123"></goal-editor>
 * </success-provider>
 */
export class GoalEditor extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles];

  static override properties = {
    customerId: { attribute: 'customer-id' },
    goalId: { attribute: 'goal-id' },
    goal: { attribute: false },
    client: { attribute: false },
    readOnly: { type: Boolean, attribute: 'readonly', reflect: true },
  };

  /** The customer a new goal is created for. */
  declare customerId: string | undefined;
  /** The goal to edit, fetched through the provider (when `.goal` is not set). */
  declare goalId: string | undefined;
  /** The goal to edit, given directly. */
  declare goal: SuccessGoal | undefined;
  /** The SDK client; unset: the provider's. */
  declare client: SuccessClient | undefined;
  /** Show the goal without any way to change it (e.g. for a viewer token). */
  declare readOnly: boolean;

  readonly data = new DataController<SuccessGoal>(this, {
    data: () => this.goal,
    key: () => this.goalId,
    fetch: (client, goalId, signal) => client.getSuccessGoal({ goalId }, { signal }),
  });

  #body: EditorBody | undefined;
  #loading: Promise<EditorBody | undefined> | undefined;
  #loadFailed = false;
  #styles: CSSResult[] | undefined;

  constructor() {
    super();
    this.readOnly = false;
  }

  /** True when the form differs from what was last loaded or saved. */
  get dirty(): boolean {
    return this.#body?.dirty ?? false;
  }

  /** Saves the goal (create or update). Resolves when the attempt is over. */
  async save(overwrite = false): Promise<void> {
    await (await this.#load())?.save(overwrite);
  }

  /** Records the measurement in the measurement form. */
  async recordMeasurement(): Promise<void> {
    await (await this.#load())?.recordMeasurement();
  }

  #useBody(m: BodyModule): EditorBody {
    if (!this.#body) {
      // The form's styles came with it: adopted before its first render, so it never shows
      // unstyled.
      this.#styles = [m.goalEditorStyles];
      addStyles(this, this.#styles);
      this.#body = new m.EditorBody(this);
    }
    return this.#body;
  }

  #load(): Promise<EditorBody | undefined> {
    if (!this.#body && bodyModule) this.#useBody(bodyModule);
    if (this.#body) return Promise.resolve(this.#body);
    this.#loading ??= import('./editor-body.js').then(
      (m) => {
        bodyModule = m;
        const body = this.#useBody(m);
        this.requestUpdate();
        return body;
      },
      () => {
        this.#loadFailed = true;
        this.#loading = undefined;
        this.requestUpdate();
        return undefined;
      },
    );
    return this.#loading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The shadow root is created on the first connect; a form loaded before that (by save())
    // brings its styles now.
    if (this.#styles) addStyles(this, this.#styles);
    window.addEventListener('beforeunload', this.#onBeforeUnload);
    // The form is only needed once an editor is on a page: it starts loading now, while the
    // goal (given an id) is fetched alongside.
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  // An accidental close with unsaved changes asks first; the draft is kept either way.
  readonly #onBeforeUnload = (e: BeforeUnloadEvent) => this.#body?.onBeforeUnload(e);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#body?.willUpdate(changed);
  }

  // Until the form has arrived, callers awaiting `updateComplete` (a test, a host that focuses a
  // field) would see the loading state; they wait for the form's first render instead.
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (!this.#body && this.#loading) {
      await this.#loading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override render(): TemplateResult {
    if (this.#body) return this.#body.render();
    const state = this.#loadFailed
      ? renderError({
          title: 'The goal editor could not be loaded.',
          detail: 'Check the connection and try again.',
          onRetry: () => {
            this.#loadFailed = false;
            void this.#load();
            this.requestUpdate();
          },
        })
      : renderSkeleton(this.goalId || this.goal ? 'Loading goal…' : 'Loading editor…', 8);
    return html`<div part="base">${state}</div>`;
  }
}
