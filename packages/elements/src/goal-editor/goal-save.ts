import type { SuccessClient } from '@cscx/success-sdk';
import { apiErrorStatus, describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { fillText } from '../states.js';
import type { SuccessGoal } from '../types.js';
import { editorText } from './editor-text.js';
import type { GoalDraft } from './goal-draft.js';
import {
  bodyOf,
  type Errors,
  type NamedFieldError,
  newKey,
  serverErrors,
  sortErrors,
  type TemplateOrigin,
  validate,
} from './goal-form.js';

type CreateBody = Parameters<SuccessClient['createSuccessGoal']>[0]['body'];
type UpdateBody = Parameters<SuccessClient['updateSuccessGoal']>[0]['body'];

type Host = HTMLElement & {
  /** The editor's locale, for the words of an outcome that arrives after an await. */
  readonly effectiveLocale?: string | undefined;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: ParentNode;
};

/** What saving needs from the editor around it. */
export interface GoalSaverOptions {
  readonly host: Host;
  readonly draft: GoalDraft;
  readonly client: () => SuccessClient | undefined;
  /** The customer a new goal is created for. */
  readonly customerId: () => string | undefined;
  /** True when nothing may be changed. */
  readonly readOnly: () => boolean;
  /** Says `text` through the editor's live region. */
  readonly announce: (text: string) => void;
  /** A write was refused as forbidden (403): the editor turns read-only, saying why. */
  readonly forbid: (error: unknown) => void;
  /** Moves focus to the control of the first of `paths` that has one; false when none has. */
  readonly focusFirst: (paths: readonly string[]) => Promise<boolean>;
  /** Moves focus to the element `selector` of the editor, once it has rendered. */
  readonly focus: (selector: string) => void;
  /** A goal was stored: the form shows it now. */
  readonly saved: (goal: SuccessGoal) => void;
  /**
   * A new goal was created from a form started from `template` (undefined: from none): runs
   * before the form shows the stored goal (the template's milestones are made for it). Never
   * throws.
   */
  readonly created: (goal: SuccessGoal, template: TemplateOrigin | undefined) => Promise<void>;
}

/** The problem of a refused body: what the API or the SDK's request check said of it. */
interface Refusal {
  readonly fields: readonly NamedFieldError[];
  readonly title: string;
  readonly detail: string | undefined;
}

/**
 * A 400 or 422 from the API, or the SDK's refusal to send a body that breaks the contract, with
 * the fields named. By name rather than instanceof, as describeError: the SDK loads lazily.
 */
function refusalOf(error: unknown): Refusal | undefined {
  const e = (error ?? {}) as {
    name?: unknown;
    status?: unknown;
    direction?: unknown;
    issues?: unknown;
    problem?: { title?: unknown; detail?: unknown; errors?: unknown };
  };
  const fields = (list: unknown): NamedFieldError[] =>
    Array.isArray(list)
      ? list.flatMap((f: { field?: unknown; message?: unknown }) =>
          typeof f?.field === 'string' && typeof f.message === 'string'
            ? [{ field: f.field, message: f.message }]
            : [],
        )
      : [];
  if (e.name === 'SuccessApiError' && (e.status === 400 || e.status === 422)) {
    const { title, detail } = describeError(error);
    return { fields: fields(e.problem?.errors), title, detail };
  }
  if (e.name === 'ValidationError' && e.direction === 'request') {
    return { fields: fields(e.issues), title: '', detail: undefined };
  }
  return undefined;
}

/**
 * Saving and deleting the goal: the checks before a save (the SDK's schemas), the request with
 * one Idempotency-Key per attempt or with If-Match, the field errors the API answers placed at
 * their fields, the conflict view of a 412 (reload or overwrite), and delete with its
 * confirmation step.
 */
export class GoalSaver {
  readonly #o: GoalSaverOptions;

  constructor(options: GoalSaverOptions) {
    this.#o = options;
  }

  #clientErrors: Errors = new Map();
  /** The API's field errors of the last save, until their field is changed. */
  #serverErrors: Errors = new Map();
  #submitted = false;
  #saving = false;
  #attempt: { key: string; json: string } | undefined;
  #saveError: string | undefined;
  #conflict: SuccessGoal | undefined;
  #confirmingDelete = false;
  #deleting = false;
  #deleted: SuccessGoal | undefined;

  get saving(): boolean {
    return this.#saving;
  }
  /** Why the last save or delete failed, when it is not a field's fault. */
  get saveError(): string | undefined {
    return this.#saveError;
  }
  /** The goal as the server has it after a 412: someone saved after this editor loaded it. */
  get conflict(): SuccessGoal | undefined {
    return this.#conflict;
  }
  get confirmingDelete(): boolean {
    return this.#confirmingDelete;
  }
  get deleting(): boolean {
    return this.#deleting;
  }
  /** The goal this editor deleted. */
  get deleted(): SuccessGoal | undefined {
    return this.#deleted;
  }

  /** Every message by body path, in form order: the editor's own checks win over the API's. */
  get errors(): Errors {
    if (this.#serverErrors.size === 0) return this.#clientErrors;
    const all = new Map(this.#serverErrors);
    for (const [path, message] of this.#clientErrors) all.set(path, message);
    return sortErrors(all);
  }

  #check() {
    const d = this.#o.draft;
    const customerId = d.server?.customer_id ?? this.#o.customerId();
    const body = bodyOf(d.form, customerId, d.editing);
    // Fields the form has no control for came from the server as they are: the API judges them.
    const errors = validate(bodyOf(d.form, customerId, d.editing, { extras: false }), d.editing);
    return { body, errors };
  }

  /**
   * The form changed at `path` (a body path, `metrics.0.unit`): after a first save attempt the
   * checks run again as the user types, and the API's messages for that field (and for the item
   * it belongs to) are dropped, the user having acted on them.
   */
  changed(path: string | undefined): void {
    if (path !== undefined) {
      for (const key of [...this.#serverErrors.keys()]) {
        if (key === path || path.startsWith(`${key}.`) || key.startsWith(`${path}.`))
          this.#serverErrors.delete(key);
      }
    }
    if (this.#submitted) this.#clientErrors = this.#check().errors;
  }

  /** Forgets every message and the save attempt: the form was replaced. */
  reset(): void {
    this.#clientErrors = new Map();
    this.#serverErrors = new Map();
    this.#submitted = false;
  }

  /** Saves the goal (create or update). Resolves when the attempt is over. */
  async save(overwrite = false): Promise<void> {
    const o = this.#o;
    if (this.#saving || this.#deleting || o.readOnly()) return;
    this.#submitted = true;
    this.#serverErrors = new Map();
    const { body, errors } = this.#check();
    this.#clientErrors = errors;
    this.#saveError = undefined;
    if (errors.size > 0) {
      const T = editorText(o.host);
      o.announce(
        fillText(T.problemsAnnounced, {
          problems:
            errors.size === 1 ? T.problemOne : fillText(T.problemMany, { count: errors.size }),
          messages: [...errors.values()].join(' '),
        }),
      );
      o.host.requestUpdate();
      await o.host.updateComplete;
      o.host.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
      return;
    }
    const client = o.client();
    if (!client) {
      this.#saveError = editorText(o.host).noConnection;
      o.host.requestUpdate();
      return;
    }
    const json = JSON.stringify(body);
    // One key per attempt: a retry of the same body reuses it, so the server applies it once.
    if (!this.#attempt || this.#attempt.json !== json) this.#attempt = { key: newKey(), json };
    const draft = o.draft;
    const server = draft.server;
    const template = draft.form.template;
    this.#saving = true;
    o.announce(editorText(o.host).savingGoal);
    o.host.requestUpdate();
    try {
      const goal = server
        ? await client.updateSuccessGoal({
            goalId: server.id,
            ifMatch: overwrite && this.#conflict ? this.#conflict.version : (draft.version ?? 0),
            body: body as unknown as UpdateBody,
          })
        : await client.createSuccessGoal({
            idempotencyKey: this.#attempt.key,
            body: body as unknown as CreateBody,
          });
      this.#attempt = undefined;
      this.#conflict = undefined;
      if (!server) await o.created(goal, template);
      draft.reset(goal);
      this.reset();
      o.saved(goal);
      o.announce(editorText(o.host).goalSaved);
      emit(o.host, 'success-goal-saved', { goal });
    } catch (error) {
      const refused = refusalOf(error);
      if (apiErrorStatus(error) === 412 && server) {
        await this.#showConflict(client, server.id);
      } else if (apiErrorStatus(error) === 403) {
        o.forbid(error);
      } else if (refused) {
        await this.#showRefusal(refused);
      } else {
        // Announced by the notice's role="alert"; the live region would say it twice.
        this.#saveError = fillText(editorText(o.host).notSaved, {
          reason: describeError(error).title,
        });
      }
    } finally {
      this.#saving = false;
      o.host.requestUpdate();
    }
  }

  /**
   * The API refused the body: each named field gets the API's reason next to it, the summary
   * lists them all (those without a control of this form by the name the API gave), and focus
   * goes to the first field with a control, else to the summary.
   */
  async #showRefusal(refused: Refusal): Promise<void> {
    const o = this.#o;
    this.#serverErrors = serverErrors(refused.fields);
    const count = this.#serverErrors.size;
    const T = editorText(o.host);
    const problems = count === 1 ? T.problemOne : fillText(T.problemMany, { count });
    this.#saveError =
      count === 0
        ? refused.detail
          ? fillText(T.notSavedInvalid, { detail: refused.detail })
          : fillText(T.notSavedUnnamed, { title: refused.title })
        : fillText(T.notSavedInvalid, { detail: problems });
    o.host.requestUpdate();
    await o.host.updateComplete;
    if (count === 0) return;
    if (!(await o.focusFirst([...this.#serverErrors.keys()])))
      o.host.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  async #showConflict(client: SuccessClient, goalId: string): Promise<void> {
    try {
      this.#conflict = await client.getSuccessGoal({ goalId });
      this.#o.announce(editorText(this.#o.host).conflictAnnounce);
    } catch (error) {
      this.#saveError = fillText(editorText(this.#o.host).conflictLoadFailed, {
        reason: describeError(error).title,
      });
    }
  }

  /** Drops the form's changes for the goal the server has now (from the conflict view). */
  reloadFromServer(): void {
    const goal = this.#conflict;
    if (!goal) return;
    this.#conflict = undefined;
    this.#saveError = undefined;
    this.#o.draft.reset(goal);
    this.reset();
    this.#o.announce(editorText(this.#o.host).reloaded);
    this.#o.host.requestUpdate();
  }

  /** Asks before deleting: a confirmation with Keep goal first, which has focus. */
  askDelete(): void {
    if (this.#o.readOnly() || !this.#o.draft.server) return;
    this.#confirmingDelete = true;
    this.#o.host.requestUpdate();
    this.#o.focus('.confirm-delete button.keep-goal');
  }

  keepGoal(): void {
    this.#confirmingDelete = false;
    this.#o.host.requestUpdate();
    this.#o.focus('button.delete');
  }

  /**
   * Deletes the goal being edited, if it is still the version this editor has (If-Match); a
   * newer one shows the conflict view instead. Resolves when the attempt is over.
   */
  async delete(): Promise<void> {
    const o = this.#o;
    const goal = o.draft.server;
    const client = o.client();
    if (!goal || !client || this.#deleting || this.#saving || o.readOnly()) return;
    this.#deleting = true;
    this.#saveError = undefined;
    o.announce(editorText(o.host).deleting);
    o.host.requestUpdate();
    try {
      await client.deleteSuccessGoal({ goalId: goal.id, ifMatch: o.draft.version ?? goal.version });
      o.draft.clear();
      this.#confirmingDelete = false;
      this.#deleted = goal;
      o.announce(editorText(o.host).deleted);
      emit(o.host, 'success-goal-deleted', { goalId: goal.id, goal });
      o.focus('button.cancel');
    } catch (error) {
      this.#confirmingDelete = false;
      const status = apiErrorStatus(error);
      if (status === 403) o.forbid(error);
      else if (status === 412) {
        this.#saveError = editorText(o.host).notDeletedChanged;
        await this.#showConflict(client, goal.id);
      } else {
        const { title, detail } = describeError(error);
        this.#saveError = fillText(editorText(o.host).notDeleted, {
          reason: detail ?? `${title}.`,
        });
      }
    } finally {
      this.#deleting = false;
      o.host.requestUpdate();
    }
  }
}
