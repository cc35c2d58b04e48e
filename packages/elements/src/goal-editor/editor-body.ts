import type { SuccessClient } from '@cscx/success-sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { apiErrorStatus, describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { LazyPart } from '../lazy-part.js';
import {
  goalStatusInfo,
  icon,
  renderNotice,
  renderSkeleton,
  STATE_TEXT,
  statusBadge,
} from '../states.js';
import type { SuccessGoal } from '../types.js';
import type { GoalEditor } from './goal-editor.js';
import {
  bodyOf,
  CATEGORIES,
  CONFIDENCES,
  DIRECTIONS,
  DRIVER_TYPES,
  type DriverField,
  type Errors,
  emptyDriver,
  emptyForm,
  emptyMetric,
  FREQUENCIES,
  formOf,
  type GoalForm,
  type MetricField,
  newKey,
  num,
  previewProgress,
  previewValue,
  validate,
  validateMeasurement,
} from './goal-form.js';
import type { MilestoneSection } from './milestone-section.js';

export { goalEditorStyles } from './goal-editor.styles.js';

// Declared once: LazyPart shares one import per loader across every editor on the page.
const loadMilestones = () => import('./milestone-section.js');

type CreateBody = Parameters<SuccessClient['createSuccessGoal']>[0]['body'];
type UpdateBody = Parameters<SuccessClient['updateSuccessGoal']>[0]['body'];
type MeasureBody = Parameters<SuccessClient['recordMeasurement']>[0]['body'];

interface Draft {
  readonly form: GoalForm;
  /** The version the draft was edited from; a newer server version is a conflict on save. */
  readonly version: number | null;
}

const today = () => new Date().toISOString().slice(0, 10);
const idOf = (path: string) => `f-${path.replace(/\./g, '-')}`;

/**
 * Everything `<goal-editor>` does once it is shown: the form, its validation with the SDK's
 * schemas, the live preview, saving, conflicts, drafts and measurements. It arrives with a
 * dynamic import when an editor first connects, so none of it is in the elements' initial JS.
 */
export class EditorBody {
  constructor(readonly host: GoalEditor) {
    this.#milestones = new LazyPart(host, {
      load: loadMilestones,
      create: ({ MilestoneSection }) =>
        new MilestoneSection(this.host, {
          client: () => this.#client,
          customerId: () => this.#server?.customer_id ?? this.host.customerId,
          goal: () => (this.#server ? { id: this.#server.id, name: this.#server.name } : undefined),
          readOnly: () => this.#ro,
          fmt: () => this.host.fmt,
          announce: (text) => {
            this.#announce(text);
            this.host.requestUpdate();
          },
          forbidden: (error) => this.#forbid(error),
        }),
      styles: () => [],
    });
  }

  // UI state lives in plain fields with explicit requestUpdate(): adopting a fetched goal happens
  // during render, where setting reactive properties would schedule a second update.
  #form: GoalForm = emptyForm(today());
  #pristine = '';
  /** The last goal the server gave (loaded, saved, or after a measurement). */
  #server: SuccessGoal | undefined;
  /** The goal from the controller that was last adopted, to notice a new one. */
  #adopted: SuccessGoal | undefined;
  #started = false;
  #version: number | null = null;
  #errors: Errors = new Map();
  #submitted = false;
  #saving = false;
  #attempt: { key: string; json: string } | undefined;
  #saveError: string | undefined;
  #conflict: SuccessGoal | undefined;
  #restored = false;
  #confirming = false;
  #announcement = '';
  #measure = { metric: '', value: '', date: today(), note: '' };
  #measureErrors: Errors = new Map();
  #measuring = false;
  #measureKey: { key: string; json: string } | undefined;
  /** The API's reason when it refused a save as forbidden: the editor is read-only since. */
  #forbidden: string | undefined;
  // The milestones arrive with their own import, the first time a saved goal is shown.
  readonly #milestones: LazyPart<typeof import('./milestone-section.js'), MilestoneSection>;

  get #client(): SuccessClient | undefined {
    return this.host.client ?? this.host.data.client;
  }

  get #editing(): boolean {
    return this.#server !== undefined;
  }

  /** True when nothing may be changed: the `readonly` attribute, or a save refused as forbidden. */
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

  get #draftKey(): string {
    return `cscx-goal-editor:${this.host.customerId ?? ''}:${this.#server?.id ?? this.host.goalId ?? 'new'}`;
  }

  /** True when the form differs from what was last loaded or saved. */
  get dirty(): boolean {
    return JSON.stringify(this.#form) !== this.#pristine;
  }

  // An accidental close with unsaved changes asks first; the draft is kept either way.
  readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this.dirty && !this.#saving) e.preventDefault();
  };

  willUpdate(changed: PropertyValues): void {
    if (changed.has('goalId') || changed.has('customerId')) {
      if (changed.get('goalId') !== undefined || changed.get('customerId') !== undefined) {
        this.#started = false;
        this.#server = undefined;
        this.#adopted = undefined;
      }
    }
  }

  #start(goal: SuccessGoal | undefined): void {
    this.#started = true;
    this.#adopted = goal;
    this.#server = goal;
    this.#version = goal?.version ?? null;
    this.#form = goal ? formOf(goal) : emptyForm(today());
    this.#pristine = JSON.stringify(this.#form);
    this.#measure = { metric: goal?.metrics[0]?.id ?? '', value: '', date: today(), note: '' };
    this.#errors = new Map();
    this.#submitted = false;
    this.#restored = false;
    const draft = this.#readDraft();
    if (draft) {
      this.#form = draft.form;
      if (draft.version !== null) this.#version = draft.version;
      this.#restored = true;
    }
  }

  #readDraft(): Draft | undefined {
    try {
      const raw = sessionStorage.getItem(this.#draftKey);
      if (!raw) return undefined;
      const draft = JSON.parse(raw) as Draft;
      return Array.isArray(draft.form?.metrics) ? draft : undefined;
    } catch {
      return undefined;
    }
  }

  #writeDraft(): void {
    try {
      if (this.dirty) {
        const draft: Draft = { form: this.#form, version: this.#version };
        sessionStorage.setItem(this.#draftKey, JSON.stringify(draft));
      } else sessionStorage.removeItem(this.#draftKey);
    } catch {
      // Storage full or blocked: editing still works, only the draft is not kept.
    }
  }

  #clearDraft(): void {
    try {
      sessionStorage.removeItem(this.#draftKey);
    } catch {
      // Nothing to clear when storage is blocked.
    }
  }

  #announce(text: string): void {
    // Re-setting the same words would not be announced again; a trailing no-break space differs.
    this.#announcement = this.#announcement === text ? `${text}\u00a0` : text;
  }

  #set(path: string, value: string): void {
    const [head, index, field] = path.split('.');
    if (head === 'metrics' && index !== undefined && field) {
      const m = this.#form.metrics[Number(index)];
      if (m) m[field as MetricField] = value;
    } else if (head === 'value_drivers' && index !== undefined && field) {
      const d = this.#form.value_drivers[Number(index)];
      if (d) d[field as DriverField] = value;
    } else if (head && head in this.#form) {
      (this.#form as unknown as Record<string, string>)[head] = value;
    }
    this.#changed();
  }

  #changed(): void {
    if (this.#submitted) this.#errors = this.#validate().errors;
    this.#writeDraft();
    this.host.requestUpdate();
  }

  #validate() {
    const editing = this.#editing;
    const body = bodyOf(this.#form, this.#server?.customer_id ?? this.host.customerId, editing);
    return { body, errors: validate(body, editing) };
  }

  /** Saves the goal (create or update). Resolves when the attempt is over. */
  async save(overwrite = false): Promise<void> {
    if (this.#saving || this.#ro) return;
    this.#submitted = true;
    const { body, errors } = this.#validate();
    this.#errors = errors;
    this.#saveError = undefined;
    if (errors.size > 0) {
      this.#announce(
        `${errors.size === 1 ? 'There is 1 problem' : `There are ${errors.size} problems`} with the goal. ${[...errors.values()].join(' ')}`,
      );
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
      return;
    }
    const client = this.#client;
    if (!client) {
      this.#saveError = 'Cannot save: no connection to the Success API.';
      this.host.requestUpdate();
      return;
    }
    const json = JSON.stringify(body);
    // One key per attempt: a retry of the same body reuses it, so the server applies it once.
    if (!this.#attempt || this.#attempt.json !== json) this.#attempt = { key: newKey(), json };
    const server = this.#server;
    this.#saving = true;
    this.#announce('Saving goal…');
    this.host.requestUpdate();
    try {
      const goal = server
        ? await client.updateSuccessGoal({
            goalId: server.id,
            ifMatch: overwrite && this.#conflict ? this.#conflict.version : (this.#version ?? 0),
            body: body as unknown as UpdateBody,
          })
        : await client.createSuccessGoal({
            idempotencyKey: this.#attempt.key,
            body: body as unknown as CreateBody,
          });
      this.#clearDraft();
      this.#attempt = undefined;
      this.#conflict = undefined;
      this.#restored = false;
      this.#server = goal;
      this.#version = goal.version;
      this.#form = formOf(goal);
      this.#pristine = JSON.stringify(this.#form);
      this.#submitted = false;
      if (!this.#measure.metric) this.#measure.metric = goal.metrics[0]?.id ?? '';
      this.#announce('Goal saved.');
      emit(this.host, 'success-goal-saved', { goal });
    } catch (error) {
      if (apiErrorStatus(error) === 412 && server) {
        await this.#showConflict(client, server.id);
      } else if (apiErrorStatus(error) === 403) {
        this.#forbid(error);
      } else {
        // Announced by the notice's role="alert"; the live region would say it twice.
        this.#saveError = `The goal was not saved: ${describeError(error).title}. Your changes are kept.`;
      }
    } finally {
      this.#saving = false;
      this.host.requestUpdate();
    }
  }

  async #showConflict(client: SuccessClient, goalId: string): Promise<void> {
    try {
      this.#conflict = await client.getSuccessGoal({ goalId });
      this.#announce(
        'This goal was changed on the server after you opened it. Your changes are kept. Reload or overwrite.',
      );
    } catch (error) {
      this.#saveError = `The goal changed on the server and could not be loaded: ${describeError(error).title}.`;
    }
  }

  #reloadFromServer(): void {
    const goal = this.#conflict;
    if (!goal) return;
    this.#clearDraft();
    this.#conflict = undefined;
    this.#server = goal;
    this.#version = goal.version;
    this.#form = formOf(goal);
    this.#pristine = JSON.stringify(this.#form);
    this.#errors = new Map();
    this.#submitted = false;
    this.#restored = false;
    this.#announce('Reloaded the goal from the server.');
    this.host.requestUpdate();
  }

  #discardDraft(): void {
    this.#clearDraft();
    this.#form = this.#server ? formOf(this.#server) : emptyForm(today());
    this.#pristine = JSON.stringify(this.#form);
    this.#version = this.#server?.version ?? null;
    this.#restored = false;
    this.#errors = new Map();
    this.#submitted = false;
    this.#announce('Draft discarded.');
    this.host.requestUpdate();
  }

  #cancel(): void {
    if (this.#ro) {
      // Nothing can be saved from here: closing needs no confirm, and what was typed stays in
      // the session draft rather than being discarded.
      emit(this.host, 'success-cancel', { goalId: this.#server?.id });
      return;
    }
    if (this.dirty && !this.#confirming) {
      this.#confirming = true;
      this.host.requestUpdate();
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus(),
      );
      return;
    }
    this.#confirming = false;
    this.#discardDraft();
    emit(this.host, 'success-cancel', { goalId: this.#server?.id });
  }

  #keepEditing(): void {
    this.#confirming = false;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('button.cancel')?.focus(),
    );
  }

  /** Records the measurement in the measurement form. */
  async recordMeasurement(): Promise<void> {
    const goal = this.#server;
    const client = this.#client;
    if (!goal || !client || this.#measuring || this.#ro) return;
    const m = this.#measure;
    const body: Record<string, unknown> = {
      metric_id: m.metric,
      value: num(m.value) ?? Number.NaN,
    };
    if (m.date) body.measured_at = `${m.date}T00:00:00Z`;
    if (m.note.trim()) body.note = m.note.trim();
    this.#measureErrors = validateMeasurement(body);
    if (m.value.trim() === '') this.#measureErrors.set('value', 'Value is required.');
    if (this.#measureErrors.size > 0) {
      this.#announce([...this.#measureErrors.values()].join(' '));
      this.host.requestUpdate();
      return;
    }
    const json = JSON.stringify(body);
    if (!this.#measureKey || this.#measureKey.json !== json)
      this.#measureKey = { key: newKey(), json };
    this.#measuring = true;
    this.host.requestUpdate();
    try {
      const result = await client.recordMeasurement({
        goalId: goal.id,
        idempotencyKey: this.#measureKey.key,
        body: body as unknown as MeasureBody,
      });
      this.#measureKey = undefined;
      // The measurement bumps the version; unsaved edits to the goal were made on the goal as it
      // was just before, so they follow to the new version rather than becoming a conflict.
      this.#server = result.goal;
      this.#version = result.goal.version;
      this.#measure = { ...m, value: '', note: '' };
      const [, word] = goalStatusInfo(result.goal.status);
      const pct = result.goal.achievement_pct;
      this.#announce(
        `Measurement recorded. Progress ${pct === null ? 'not available' : this.host.fmt.percent(pct)}, status ${word}.`,
      );
      emit(this.host, 'success-measurement-recorded', {
        goal: result.goal,
        metricId: result.metric_id,
        measurement: result.measurement,
      });
    } catch (error) {
      if (apiErrorStatus(error) === 403) this.#forbid(error);
      else
        this.#measureErrors = new Map([
          ['form', `The measurement was not recorded: ${describeError(error).title}.`],
        ]);
    } finally {
      this.#measuring = false;
      this.host.requestUpdate();
    }
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
            skeleton: () => renderSkeleton('Loading goal…', 8),
          })
        : this.#renderEditor();
    return html`<div part="base">
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
      ${body}
    </div>`;
  }

  #renderReadOnly(): TemplateResult | typeof nothing {
    if (this.#forbidden !== undefined) {
      return html`<div class="notice danger readonly" part="notice readonly" role="alert">
        ${icon('danger')}<span>Not saved: ${this.#forbidden} This editor is read-only now; what you typed is still shown.</span>
      </div>`;
    }
    if (!this.host.readOnly) return nothing;
    return html`<div class="notice info readonly" part="notice readonly" role="note">
      ${icon('info')}<span>${
        this.#editing
          ? 'Read-only: you can view this goal but not change it.'
          : 'Read-only: goals cannot be created with this access.'
      }</span>
    </div>`;
  }

  #renderEditor(): TemplateResult {
    const f = this.#form;
    const editing = this.#editing;
    const ro = this.#ro;
    // Read-only and nothing to show: no empty form to look at, only why and a way out.
    if (ro && !editing && this.#forbidden === undefined) {
      return html`<section class="form" aria-labelledby="editor-title">
        <h2 id="editor-title">New goal</h2>
        ${this.#renderReadOnly()}
        <div class="actions" part="actions">
          <button type="button" class="cancel" @click=${() => this.#cancel()}>Close</button>
        </div>
      </section>`;
    }
    return html`<form
      part="form"
      novalidate
      aria-labelledby="editor-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.save();
      }}
    >
      <h2 id="editor-title">${editing ? html`${ro ? 'Goal' : 'Edit goal'}: ${this.#server?.name}` : 'New goal'}</h2>
      ${this.#renderReadOnly()}
      ${
        this.#restored && !ro
          ? html`<div class="notice info" part="notice" role="note">
              ${icon('info')}<span>Restored your unsaved changes.</span>
              <button type="button" @click=${() => this.#discardDraft()}>Discard draft</button>
            </div>`
          : nothing
      }
      ${this.#renderSummary()} ${this.#renderConflict()}
      ${this.#saveError && !ro ? html`<div class="notice danger" part="notice" role="alert">${icon('danger')}<span>${this.#saveError}</span></div>` : nothing}
      <fieldset>
        <legend>Goal</legend>
        <div class="grid">
          ${this.#input('name', 'Goal name', f.name, { required: true, wide: true })}
          ${this.#textarea('description', 'Description', f.description)}
          ${this.#select('category', 'Category', f.category, CATEGORIES)}
          ${this.#input('weight', 'Weight', f.weight, { numeric: true })}
          ${this.#input('owner.name', 'Owner name', f.owner_name, { key: 'owner_name' })}
          ${this.#input('owner.title', 'Owner title', f.owner_title, { key: 'owner_title' })}
          ${this.#input('start_date', 'Start date', f.start_date, { type: 'date' })}
          ${this.#input('target_date', 'Target date', f.target_date, { type: 'date', required: true })}
        </div>
      </fieldset>
      ${f.metrics.map((m, i) => this.#renderMetric(m, i))}
      ${
        f.metrics.some((m) => m.baseline_value.trim() === '')
          ? renderNotice(STATE_TEXT.noBaseline, 'warning')
          : nothing
      }
      ${
        ro
          ? nothing
          : html`<div class="actions">
              <button type="button" class="add-metric" @click=${() => this.#addMetric()}>Add metric</button>
            </div>`
      }
      ${f.value_drivers.map((d, i) => this.#renderDriver(d, i))}
      ${
        ro
          ? nothing
          : html`<div class="actions">
              <button type="button" class="add-driver" @click=${() => this.#addDriver()}>Add value driver</button>
            </div>`
      }
      ${this.#renderPreview()}
      ${this.#confirming ? this.#renderConfirm() : nothing}
      <div class="actions" part="actions">
        ${
          ro
            ? nothing
            : html`<button type="submit" class="primary save" ?disabled=${this.#saving}>
                ${this.#saving ? 'Saving…' : editing ? 'Save changes' : 'Create goal'}
              </button>`
        }
        <button type="button" class="cancel" @click=${() => this.#cancel()}>${ro ? 'Close' : 'Cancel'}</button>
      </div>
    </form>
    ${editing && !ro ? this.#renderMeasurement() : nothing}
    ${editing ? this.#renderMilestones() : nothing}`;
  }

  #renderMilestones(): TemplateResult | typeof nothing {
    // Milestones live behind the API: with a goal given as data and no client there are none.
    if (!this.#client) return nothing;
    return this.#milestones.render((section) => section.render(), {
      loading: () => html`<p class="muted" role="status">Loading milestones…</p>`,
      failed: (retry) => renderNotice('Milestones could not be loaded.', 'danger', retry),
    });
  }

  #addMetric(): void {
    this.#form.metrics.push(emptyMetric());
    this.#changed();
    const i = this.#form.metrics.length - 1;
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>(`#${idOf(`metrics.${i}.name`)}`)?.focus(),
    );
  }

  #addDriver(): void {
    this.#form.value_drivers.push(emptyDriver());
    this.#changed();
    const i = this.#form.value_drivers.length - 1;
    void this.host.updateComplete.then(() =>
      this.host.renderRoot
        .querySelector<HTMLElement>(`#${idOf(`value_drivers.${i}.type`)}`)
        ?.focus(),
    );
  }

  #remove(list: 'metrics' | 'value_drivers', i: number): void {
    this.#form[list].splice(i, 1);
    this.#announce(`${list === 'metrics' ? 'Metric' : 'Value driver'} ${i + 1} removed.`);
    this.#changed();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot
        .querySelector<HTMLElement>(list === 'metrics' ? 'button.add-metric' : 'button.add-driver')
        ?.focus(),
    );
  }

  #renderMetric(m: GoalForm['metrics'][number], i: number): TemplateResult {
    const p = (field: string) => `metrics.${i}.${field}`;
    return html`<fieldset>
      <legend>Metric ${i + 1}</legend>
      ${
        this.#form.metrics.length > 1 && !this.#ro
          ? html`<div class="row-head"><span></span><button type="button" @click=${() => this.#remove('metrics', i)}>Remove metric ${i + 1}</button></div>`
          : nothing
      }
      <div class="grid">
        ${this.#input(p('name'), 'Metric name', m.name, { required: true })}
        ${this.#input(p('unit'), 'Unit', m.unit)}
        ${this.#select(p('direction'), 'Direction', m.direction, DIRECTIONS)}
        ${this.#input(p('baseline_value'), 'Baseline', m.baseline_value, { numeric: true })}
        ${this.#input(p('target_value'), 'Target', m.target_value, { numeric: true, required: true })}
        ${this.#input(p('data_source'), 'Data source', m.data_source)}
        ${this.#select(p('frequency'), 'Frequency', m.frequency, FREQUENCIES)}
      </div>
    </fieldset>`;
  }

  #renderDriver(d: GoalForm['value_drivers'][number], i: number): TemplateResult {
    const p = (field: string) => `value_drivers.${i}.${field}`;
    const time = d.type === 'time_saved';
    return html`<fieldset>
      <legend>Value driver ${i + 1}</legend>
      ${this.#ro ? nothing : html`<div class="row-head"><span></span><button type="button" @click=${() => this.#remove('value_drivers', i)}>Remove value driver ${i + 1}</button></div>`}
      <div class="grid">
        ${this.#select(p('type'), 'Driver type', d.type, DRIVER_TYPES)}
        ${this.#input(p('label'), 'Label', d.label)}
        ${
          time
            ? html`${this.#input(p('hours_per_unit'), 'Hours per unit', d.hours_per_unit, { numeric: true })}
              ${this.#input(p('units_per_month'), 'Units per month', d.units_per_month, { numeric: true })}
              ${this.#input(p('hourly_rate'), 'Hourly rate', d.hourly_rate, { numeric: true })}`
            : html`${this.#input(p('monthly_amount'), 'Monthly amount', d.monthly_amount, { numeric: true })}
              ${this.#input(p('annual_amount'), 'Annual amount', d.annual_amount, { numeric: true })}`
        }
        ${this.#select(p('confidence'), 'Confidence', d.confidence, CONFIDENCES)}
      </div>
    </fieldset>`;
  }

  #renderPreview(): TemplateResult {
    const fmt = this.host.fmt;
    const currency = this.#server?.currency;
    const value = previewValue(this.#form);
    const server = this.#server;
    const progress = server ? previewProgress(this.#form, server, new Date()) : undefined;
    const [tone, word] = progress ? goalStatusInfo(progress.status) : ['neutral' as const, ''];
    return html`<section class="preview" part="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">As calculated</h3>
      <p>
        <span>Expected value per year:</span>
        <output class="num expected-value"
          >${this.#form.value_drivers.length === 0 ? 'No value drivers' : value.ok ? fmt.money(value.totalValue, currency) : 'Cannot calculate: check the value drivers'}</output
        >
      </p>
      ${
        value.ok && value.timeSavedHours > 0
          ? html`<p><span>Time saved per year:</span> <span class="num">${fmt.hours(value.timeSavedHours)}</span></p>`
          : nothing
      }
      ${
        progress
          ? html`<p>
              <span>Progress:</span>
              <output class="num progress"
                >${progress.percent === null ? STATE_TEXT.noBaseline : fmt.percent(progress.percent)}</output
              >
            </p>
            <p><span>Status:</span> <span class="goal-status">${statusBadge(tone, word)}</span></p>`
          : nothing
      }
    </section>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (this.#errors.size === 0) return nothing;
    return html`<div class="summary" part="error-summary" tabindex="-1" role="region" aria-labelledby="summary-heading">
      <h3 id="summary-heading">${icon('danger')}There is a problem with the goal</h3>
      <ul>
        ${[...this.#errors].map(([path, message]) => {
          const target = this.host.renderRoot.querySelector(`#${idOf(path)}`)
            ? idOf(path)
            : undefined;
          return html`<li>
            ${
              target
                ? html`<a
                    href=${`#${target}`}
                    @click=${(e: Event) => {
                      e.preventDefault();
                      this.host.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
                    }}
                    >${message}</a
                  >`
                : message
            }
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderConflict(): TemplateResult | typeof nothing {
    const server = this.#conflict;
    // What this editor last had from the server: the changes since are someone else's.
    const mine = this.#server;
    if (!server) return nothing;
    const theirs = formOf(server);
    const base = mine ? formOf(mine) : undefined;
    const keys: Array<[keyof GoalForm, string]> = [
      ['name', 'Goal name'],
      ['description', 'Description'],
      ['category', 'Category'],
      ['owner_name', 'Owner'],
      ['weight', 'Weight'],
      ['start_date', 'Start date'],
      ['target_date', 'Target date'],
      ['metrics', 'Metrics'],
      ['value_drivers', 'Value drivers'],
    ];
    const changed = base
      ? keys
          .filter(([k]) => JSON.stringify(theirs[k]) !== JSON.stringify(base[k]))
          .map(([, l]) => l)
      : [];
    return html`<div class="panel conflict" part="conflict" role="region" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading">This goal changed on the server</h3>
      <p>
        Someone saved version ${server.version} on ${this.host.fmt.date(server.updated_at)} after you
        opened it. Your changes are still here.
      </p>
      ${changed.length > 0 ? html`<p>Changed on the server: ${changed.join(', ')}.</p>` : nothing}
      <p>Server's goal name: <strong>${server.name}</strong></p>
      <div class="actions">
        <button type="button" class="reload" @click=${() => this.#reloadFromServer()}>Reload (discard my changes)</button>
        <button type="button" class="overwrite" ?disabled=${this.#saving} @click=${() => void this.save(true)}>Overwrite with my changes</button>
      </div>
    </div>`;
  }

  #renderConfirm(): TemplateResult {
    return html`<div class="panel confirm" role="alertdialog" aria-labelledby="confirm-q" aria-describedby="confirm-d">
      <p id="confirm-q"><strong>Discard your unsaved changes?</strong></p>
      <p id="confirm-d">Leaving now drops the changes you made to this goal.</p>
      <div class="actions">
        <button type="button" class="keep" @click=${() => this.#keepEditing()}>Keep editing</button>
        <button type="button" class="discard" @click=${() => this.#cancel()}>Discard changes</button>
      </div>
    </div>`;
  }

  #renderMeasurement(): TemplateResult {
    const goal = this.#server;
    if (!goal) return html``;
    const m = this.#measure;
    const errs = this.#measureErrors;
    const err = (k: string) => errs.get(k);
    const described = (k: string) => (err(k) ? `m-${k}-error` : nothing);
    const message = (k: string) =>
      err(k)
        ? html`<p class="error" id=${`m-${k}-error`}>${icon('danger')}<span>${err(k)}</span></p>`
        : nothing;
    const setM = (k: keyof typeof m) => (e: Event) => {
      this.#measure = { ...this.#measure, [k]: (e.target as HTMLInputElement).value };
      this.host.requestUpdate();
    };
    return html`<form
      part="measurement"
      class="measurement"
      novalidate
      aria-labelledby="measure-heading"
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.recordMeasurement();
      }}
    >
      <h3 id="measure-heading">Record a measurement</h3>
      ${err('form') ? html`<div class="notice danger" part="notice" role="alert">${icon('danger')}<span>${err('form')}</span></div>` : nothing}
      <div class="grid">
        <div class="field">
          <label for="m-metric">Metric</label>
          <select id="m-metric" .value=${m.metric} @change=${setM('metric')} aria-invalid=${err('metric') ? 'true' : 'false'} aria-describedby=${described('metric')}>
            ${goal.metrics.map((x) => html`<option value=${x.id} ?selected=${x.id === m.metric}>${x.name}</option>`)}
          </select>
          ${message('metric')}
        </div>
        <div class="field">
          <label for="m-value">Value</label>
          <input id="m-value" inputmode="decimal" autocomplete="off" .value=${m.value} @input=${setM('value')} aria-invalid=${err('value') ? 'true' : 'false'} aria-describedby=${described('value')} />
          ${message('value')}
        </div>
        <div class="field">
          <label for="m-date">Date</label>
          <input id="m-date" type="date" .value=${m.date} @input=${setM('date')} aria-invalid=${err('date') ? 'true' : 'false'} aria-describedby=${described('date')} />
          ${message('date')}
        </div>
        <div class="field wide">
          <label for="m-note">Note</label>
          <textarea id="m-note" .value=${m.note} @input=${setM('note')}></textarea>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="record" ?disabled=${this.#measuring}>${this.#measuring ? 'Recording…' : 'Record measurement'}</button>
      </div>
    </form>`;
  }

  #fieldParts(path: string) {
    const id = idOf(path);
    const error = this.#errors.get(path);
    return {
      id,
      invalid: error ? 'true' : 'false',
      describedby: error ? `${id}-error` : nothing,
      message: error
        ? html`<p class="error" id=${`${id}-error`}>${icon('danger')}<span>${error}</span></p>`
        : nothing,
    };
  }

  #input(
    path: string,
    label: string,
    value: string,
    opts: {
      type?: 'text' | 'date';
      numeric?: boolean;
      required?: boolean;
      wide?: boolean;
      key?: string;
    } = {},
  ): TemplateResult {
    const f = this.#fieldParts(path);
    const key = opts.key ?? path;
    return html`<div class=${opts.wide ? 'field wide' : 'field'}>
      <label for=${f.id}>${label}${opts.required ? ' (required)' : ''}</label>
      <input
        id=${f.id}
        type=${opts.type ?? 'text'}
        inputmode=${opts.numeric ? 'decimal' : nothing}
        autocomplete="off"
        .value=${value}
        ?readonly=${this.#ro}
        aria-required=${opts.required ? 'true' : 'false'}
        aria-invalid=${f.invalid}
        aria-describedby=${f.describedby}
        @input=${(e: Event) => this.#set(key, (e.target as HTMLInputElement).value)}
      />
      ${f.message}
    </div>`;
  }

  #textarea(path: string, label: string, value: string): TemplateResult {
    const f = this.#fieldParts(path);
    return html`<div class="field wide">
      <label for=${f.id}>${label}</label>
      <textarea
        id=${f.id}
        .value=${value}
        ?readonly=${this.#ro}
        aria-invalid=${f.invalid}
        aria-describedby=${f.describedby}
        @input=${(e: Event) => this.#set(path, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${f.message}
    </div>`;
  }

  #select(
    path: string,
    label: string,
    value: string,
    options: ReadonlyArray<readonly [string, string]>,
  ): TemplateResult {
    const f = this.#fieldParts(path);
    return html`<div class="field">
      <label for=${f.id}>${label}</label>
      <select
        id=${f.id}
        ?disabled=${this.#ro}
        aria-invalid=${f.invalid}
        aria-describedby=${f.describedby}
        @change=${(e: Event) => this.#set(path, (e.target as HTMLSelectElement).value)}
      >
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
      ${f.message}
    </div>`;
  }
}
