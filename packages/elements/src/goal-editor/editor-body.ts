import type { SuccessClient } from '@cscx/success-sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { LazyPart } from '../lazy-part.js';
import { fillText, icon, renderNotice, renderSkeleton, STATE_TEXT } from '../states.js';
import type { SuccessGoal } from '../types.js';
import { type FieldContext, idOf, input, select, textarea } from './editor-fields.js';
import { EDITOR_TEXT } from './editor-text.js';
import {
  controlOf,
  renderConflict,
  renderDeleteConfirm,
  renderDeleted,
  renderDiscardConfirm,
  renderDriver,
  renderMetric,
  renderPreview,
  renderReadOnly,
  renderSummary,
} from './editor-view.js';
import { GoalDraft, today } from './goal-draft.js';
import type { GoalEditor } from './goal-editor.js';
import { categories, FIELD_LABELS, labelOf, targetEqualsBaseline } from './goal-form.js';
import { GoalSaver } from './goal-save.js';
import { formOfTemplate } from './goal-template.js';
import { MeasurementForm } from './measurement-form.js';
import type { MilestoneSection } from './milestone-section.js';
import { TemplatePicker } from './template-picker.js';

export { goalEditorStyles } from './goal-editor.styles.js';

// Declared once: LazyPart shares one import per loader across every editor on the page.
const loadMilestones = () => import('./milestone-section.js');

/** The body path of a form key: the owner's two fields are one object in the body. */
const bodyPathOf = (key: string) =>
  key === 'owner_name' ? 'owner.name' : key === 'owner_title' ? 'owner.title' : key;

/**
 * Everything `<goal-editor>` does once it is shown, put together from one part per concern: the
 * goal being edited and its session draft (GoalDraft), saving, deleting and conflicts
 * (GoalSaver), the measurement form (MeasurementForm), the milestones (MilestoneSection), and
 * the templates of the form's sections (editor-view, editor-fields). It arrives with a dynamic
 * import when an editor first connects, so none of it is in the elements' initial JS.
 */
const L = FIELD_LABELS;

export class EditorBody {
  readonly host: GoalEditor;
  readonly #draft: GoalDraft;
  readonly #saver: GoalSaver;
  readonly #measurement: MeasurementForm;
  readonly #templates: TemplatePicker;
  // The milestones arrive with their own import, the first time a saved goal is shown.
  readonly #milestones: LazyPart<typeof import('./milestone-section.js'), MilestoneSection>;

  // UI state lives in plain fields with explicit requestUpdate(): adopting a fetched goal happens
  // during render, where setting reactive properties would schedule a second update.
  /** The goal from the controller that was last adopted, to notice a new one. */
  #adopted: SuccessGoal | undefined;
  #started = false;
  #confirming = false;
  #announcement = '';
  /** The API's reason when it refused a write as forbidden: the editor is read-only since. */
  #forbidden: string | undefined;

  constructor(host: GoalEditor) {
    this.host = host;
    this.#draft = new GoalDraft(
      () =>
        `cscx-goal-editor:${host.customerId ?? ''}:${this.#draft.server?.id ?? host.goalId ?? 'new'}`,
    );
    const announce = (text: string) => this.#announce(text);
    const forbid = (error: unknown) => this.#forbid(error);
    this.#saver = new GoalSaver({
      host,
      draft: this.#draft,
      client: () => this.#client,
      customerId: () => host.customerId,
      readOnly: () => this.#ro,
      announce,
      forbid,
      focusFirst: (paths) => this.#focusFirst(paths),
      focus: (selector) => this.#focusLater(selector),
      saved: (goal) => this.#measurement.offer(goal.metrics[0]?.id ?? ''),
      created: (goal, template) => this.#templates.created(goal, template),
    });
    this.#templates = new TemplatePicker({
      host,
      client: () => this.#client,
      dirty: () => this.dirty,
      restored: () => this.#draft.restored,
      apply: (template) => {
        this.#draft.fill(formOfTemplate(template, this.#draft.form.start_date || today()));
        this.#saver.reset();
        this.host.requestUpdate();
      },
      announce,
      milestonesChanged: () => this.#milestones.value?.reload(),
    });
    this.#measurement = new MeasurementForm({
      host,
      client: () => this.#client,
      goal: () => this.#draft.server,
      readOnly: () => this.#ro,
      fmt: () => host.fmt,
      announce,
      forbid,
      recorded: (goal) => this.#draft.follow(goal),
    });
    this.#milestones = new LazyPart(host, {
      load: loadMilestones,
      create: ({ MilestoneSection }) =>
        new MilestoneSection(this.host, {
          client: () => this.#client,
          customerId: () => this.#draft.server?.customer_id ?? this.host.customerId,
          goal: () => {
            const s = this.#draft.server;
            return s ? { id: s.id, name: s.name } : undefined;
          },
          readOnly: () => this.#ro,
          fmt: () => this.host.fmt,
          announce: (text) => {
            this.#announce(text);
            this.host.requestUpdate();
          },
          forbidden: forbid,
        }),
      styles: () => [],
    });
  }

  get #client(): SuccessClient | undefined {
    return this.host.client ?? this.host.data.client;
  }

  /** True when nothing may be changed: the `readonly` attribute, or a write refused as forbidden. */
  get #ro(): boolean {
    return this.host.readOnly || this.#forbidden !== undefined;
  }

  #forbid(error: unknown): void {
    // The detail says why ("Viewer tokens are read-only."); the title alone says "Forbidden".
    const { title, detail } = describeError(error);
    this.#forbidden = detail ?? `${title}.`;
    this.#confirming = false;
    this.host.requestUpdate();
  }

  /** True when the form differs from what was last loaded or saved. */
  get dirty(): boolean {
    return this.#draft.dirty;
  }

  // An accidental close with unsaved changes asks first; the draft is kept either way.
  readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this.dirty && !this.#saver.saving) e.preventDefault();
  };

  willUpdate(changed: PropertyValues): void {
    if (changed.has('goalId') || changed.has('customerId')) {
      if (changed.get('goalId') !== undefined || changed.get('customerId') !== undefined) {
        this.#started = false;
        this.#draft.server = undefined;
        this.#adopted = undefined;
      }
    }
  }

  /** Saves the goal (create or update). Resolves when the attempt is over. */
  save(overwrite = false): Promise<void> {
    // Called from an event: the checks and first announcements made before its first await
    // speak the editor's language (the saver takes it from the host after that).
    return this.host.localize(() => this.#saver.save(overwrite));
  }

  /** Records the measurement in the measurement form. */
  recordMeasurement(): Promise<void> {
    return this.#measurement.record();
  }

  #start(goal: SuccessGoal | undefined): void {
    this.#started = true;
    this.#adopted = goal;
    this.#draft.start(goal);
    this.#measurement.reset(goal?.metrics[0]?.id ?? '');
    this.#saver.reset();
  }

  #announce(text: string): void {
    // Re-setting the same words would not be announced again; a trailing no-break space differs.
    this.#announcement = this.#announcement === text ? `${text}\u00a0` : text;
  }

  #focusLater(selector: string): void {
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
    );
  }

  async #focusFirst(paths: readonly string[]): Promise<boolean> {
    await this.host.updateComplete;
    for (const path of paths) {
      const control = controlOf(this.host.renderRoot, path);
      if (control) {
        control.focus();
        return true;
      }
    }
    return false;
  }

  /** The user typed or chose `value` at the form key `key`. */
  #set(key: string, value: string): void {
    this.#draft.set(key, value);
    this.#saver.changed(bodyPathOf(key));
    this.host.requestUpdate();
  }

  #discardDraft(): void {
    this.#draft.reset(this.#draft.server);
    this.#saver.reset();
    this.#announce(this.host.localize(() => EDITOR_TEXT.draftDiscarded));
    this.host.requestUpdate();
  }

  #cancel(): void {
    const goalId = this.#draft.server?.id;
    if (this.#ro) {
      // Nothing can be saved from here: closing needs no confirm, and what was typed stays in
      // the session draft rather than being discarded.
      emit(this.host, 'success-cancel', { goalId });
      return;
    }
    if (this.dirty && !this.#confirming) {
      this.#confirming = true;
      this.host.requestUpdate();
      this.#focusLater('.confirm button');
      return;
    }
    this.#confirming = false;
    this.#discardDraft();
    emit(this.host, 'success-cancel', { goalId });
  }

  #keepEditing(): void {
    this.#confirming = false;
    this.host.requestUpdate();
    this.#focusLater('button.cancel');
  }

  #addMetric(): void {
    const i = this.#draft.addMetric();
    this.#saver.changed(undefined);
    this.host.requestUpdate();
    this.#focusLater(`#${idOf(`metrics.${i}.name`)}`);
  }

  #addDriver(): void {
    const i = this.#draft.addDriver();
    this.#saver.changed(undefined);
    this.host.requestUpdate();
    this.#focusLater(`#${idOf(`value_drivers.${i}.type`)}`);
  }

  #remove(list: 'metrics' | 'value_drivers', i: number): void {
    this.#draft.remove(list, i);
    this.#announce(
      this.host.localize(() =>
        fillText(EDITOR_TEXT.itemRemoved, { item: labelOf(`${list}.${i}`) }),
      ),
    );
    // Indices move: the API's messages for the list no longer point at the right items.
    this.#saver.changed(list);
    this.host.requestUpdate();
    this.#focusLater(list === 'metrics' ? 'button.add-metric' : 'button.add-driver');
  }

  render(): TemplateResult {
    const loaded = this.host.data.value;
    if (this.host.goalId || this.host.goal) {
      if (loaded && !this.#started) this.#start(loaded);
      else if (loaded && loaded !== this.#adopted) {
        // A newer goal from the host or a refresh: with unsaved edits the form keeps them and
        // its version, so saving shows the conflict view instead of silently dropping either.
        if (this.dirty) this.#adopted = loaded;
        else this.#start(loaded);
      }
    } else if (!this.#started) this.#start(undefined);
    const body =
      this.host.goalId || this.host.goal
        ? this.host.data.render(() => this.#renderEditor(), {
            skeleton: () => renderSkeleton(EDITOR_TEXT.loadingGoal, 8),
          })
        : this.#renderEditor();
    return html`<div part="base">
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
      ${body}
    </div>`;
  }

  /** Warnings said with their fields: a metric whose target equals its baseline. */
  #warnings(): Map<string, string> {
    const warnings = new Map<string, string>();
    this.#draft.form.metrics.forEach((m, i) => {
      const reason = targetEqualsBaseline(m);
      if (reason) {
        warnings.set(
          `metrics.${i}.target_value`,
          fillText(EDITOR_TEXT.targetEqualsBaseline, { metric: labelOf(`metrics.${i}`), reason }),
        );
      }
    });
    return warnings;
  }

  #renderEditor(): TemplateResult {
    const draft = this.#draft;
    const saver = this.#saver;
    const f = draft.form;
    const editing = draft.editing;
    const ro = this.#ro;
    const deleted = saver.deleted;
    if (deleted) {
      return renderDeleted(deleted, () =>
        emit(this.host, 'success-cancel', { goalId: deleted.id }),
      );
    }
    // Read-only and nothing to show: no empty form to look at, only why and a way out.
    if (ro && !editing && this.#forbidden === undefined) {
      return html`<section class="form" aria-labelledby="editor-title">
        <h2 id="editor-title">${EDITOR_TEXT.newGoal}</h2>
        ${renderReadOnly(this.#forbidden, this.host.readOnly, editing)}
        <div class="actions" part="actions">
          <button type="button" class="cancel" @click=${() => this.#cancel()}>${EDITOR_TEXT.close}</button>
        </div>
      </section>`;
    }
    const ctx: FieldContext = {
      errors: saver.errors,
      warnings: this.#warnings(),
      readOnly: ro,
      set: (key, value) => this.#set(key, value),
    };
    return html`<form
      part="form"
      novalidate
      aria-labelledby="editor-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.save();
      }}
    >
      <h2 id="editor-title">${editing ? fillText(ro ? EDITOR_TEXT.viewTitle : EDITOR_TEXT.editTitle, { name: draft.server?.name ?? '' }) : EDITOR_TEXT.newGoal}</h2>
      ${renderReadOnly(this.#forbidden, this.host.readOnly, editing)}
      ${
        draft.restored && !ro
          ? html`<div class="notice info" part="notice" role="note">
              ${icon('info')}<span>${EDITOR_TEXT.restored}</span>
              <button type="button" @click=${() => this.#discardDraft()}>${EDITOR_TEXT.discardDraft}</button>
            </div>`
          : nothing
      }
      ${renderSummary(ctx.errors, this.host.renderRoot)}
      ${renderConflict(this.host.fmt, saver.conflict, draft.server, {
        saving: saver.saving,
        reload: () => saver.reloadFromServer(),
        overwrite: () => void this.save(true),
      })}
      ${saver.saveError && !ro ? html`<div class="notice danger" part="notice" role="alert">${icon('danger')}<span>${saver.saveError}</span></div>` : nothing}
      ${editing ? this.#templates.renderMilestoneFailure(draft.server?.customer_id) : nothing}
      ${editing || ro ? nothing : this.#templates.render(f.template)}
      <fieldset>
        <legend>${EDITOR_TEXT.legendGoal}</legend>
        <div class="grid">
          ${input(ctx, 'name', L.name!, f.name, { required: true, wide: true })}
          ${textarea(ctx, 'description', L.description!, f.description)}
          ${select(ctx, 'category', L.category!, f.category, categories())}
          ${input(ctx, 'weight', L.weight!, f.weight, { numeric: true })}
          ${input(ctx, 'owner.name', L['owner.name']!, f.owner_name, { key: 'owner_name' })}
          ${input(ctx, 'owner.title', L['owner.title']!, f.owner_title, { key: 'owner_title' })}
          ${input(ctx, 'start_date', L.start_date!, f.start_date, { type: 'date' })}
          ${input(ctx, 'target_date', L.target_date!, f.target_date, { type: 'date', required: true })}
        </div>
      </fieldset>
      ${f.metrics.map((m, i) =>
        renderMetric(ctx, m, i, {
          remove: f.metrics.length > 1 && !ro ? () => this.#remove('metrics', i) : null,
        }),
      )}
      ${
        f.metrics.some((m) => m.baseline_value.trim() === '')
          ? renderNotice(STATE_TEXT.noBaseline, 'warning')
          : nothing
      }
      ${
        ro
          ? nothing
          : html`<div class="actions">
              <button type="button" class="add-metric" @click=${() => this.#addMetric()}>${EDITOR_TEXT.addMetric}</button>
            </div>`
      }
      ${f.value_drivers.map((d, i) =>
        renderDriver(ctx, d, i, { remove: ro ? null : () => this.#remove('value_drivers', i) }),
      )}
      ${
        ro
          ? nothing
          : html`<div class="actions">
              <button type="button" class="add-driver" @click=${() => this.#addDriver()}>${EDITOR_TEXT.addDriver}</button>
            </div>`
      }
      ${renderPreview(this.host.fmt, f, draft.server)}
      ${
        this.#confirming
          ? renderDiscardConfirm(
              () => this.#keepEditing(),
              () => this.#cancel(),
            )
          : nothing
      }
      ${
        saver.confirmingDelete && draft.server && !ro
          ? renderDeleteConfirm(draft.server.name, {
              deleting: saver.deleting,
              keep: () => saver.keepGoal(),
              confirm: () => void saver.delete(),
            })
          : nothing
      }
      <div class="actions" part="actions">
        ${
          ro
            ? nothing
            : html`<button type="submit" class="primary save" ?disabled=${saver.saving || saver.deleting}>
                ${saver.saving ? EDITOR_TEXT.saving : editing ? EDITOR_TEXT.saveChanges : EDITOR_TEXT.createGoal}
              </button>`
        }
        <button type="button" class="cancel" @click=${() => this.#cancel()}>${ro ? EDITOR_TEXT.close : EDITOR_TEXT.cancel}</button>
        ${
          editing && !ro
            ? html`<button type="button" class="delete danger" ?disabled=${saver.saving || saver.deleting} @click=${() => saver.askDelete()}>${EDITOR_TEXT.deleteGoal}</button>`
            : nothing
        }
      </div>
    </form>
    ${editing && !ro ? this.#measurement.render() : nothing}
    ${editing ? this.#renderMilestones() : nothing}`;
  }

  #renderMilestones(): TemplateResult | typeof nothing {
    // Milestones live behind the API: with a goal given as data and no client there are none.
    if (!this.#client) return nothing;
    return this.#milestones.render((section) => section.render(), {
      loading: () => html`<p class="muted" role="status">${EDITOR_TEXT.loadingMilestones}</p>`,
      failed: (retry) => renderNotice(EDITOR_TEXT.milestonesFailed, 'danger', retry),
    });
  }
}
