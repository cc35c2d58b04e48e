import { html, nothing, type TemplateResult } from 'lit';
import type { Format } from '../format.js';
import { fillText, goalStatusInfo, icon, STATE_TEXT, statusBadge } from '../states.js';
import type { SuccessGoal } from '../types.js';
import { type FieldContext, groupMessageId, idOf, input, select } from './editor-fields.js';
import { EDITOR_TEXT } from './editor-text.js';
import {
  confidences,
  DRIVER_AMOUNTS,
  type DriverAmount,
  type DriverForm,
  directions,
  driverTypes,
  type Errors,
  FIELD_LABELS,
  formOf,
  frequencies,
  type GoalForm,
  type MetricForm,
  previewProgress,
  previewValue,
} from './goal-form.js';

const L = FIELD_LABELS;

// The goal form's sections as templates of the state they are given: no state of their own, and
// every action a callback, so the editor body decides what each one does.

/**
 * The control of a body path in the rendered editor: its field, or for an item's own error
 * (`value_drivers.0`) the item's first marked field. Null when the form has none.
 */
export function controlOf(root: ParentNode, path: string): HTMLElement | null {
  const el = root.querySelector<HTMLElement>(`#${CSS.escape(idOf(path))}`);
  if (el instanceof HTMLFieldSetElement) {
    return (
      el.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      el.querySelector<HTMLElement>('input, select, textarea')
    );
  }
  return el;
}

/** The amounts a driver of `type` asks for; the others show only when they hold a value. */
const TYPE_AMOUNTS: Record<string, readonly DriverAmount[]> = {
  time_saved: ['hours_per_unit', 'units_per_month', 'hours_per_month', 'hourly_rate'],
  cost_reduction: ['monthly_amount', 'annual_amount'],
  revenue_increase: ['monthly_amount', 'annual_amount'],
};

/**
 * The amounts a driver shows: those of its type, and any other it holds or was loaded with (an
 * annual amount on a time-saved driver is still seen, changed and sent, never dropped unseen).
 */
export function shownAmounts(d: DriverForm): DriverAmount[] {
  const own = TYPE_AMOUNTS[d.type] ?? DRIVER_AMOUNTS;
  return DRIVER_AMOUNTS.filter(
    (f) => own.includes(f) || d[f].trim() !== '' || (d.loaded?.shown[f] ?? '') !== '',
  );
}

function groupMessage(errors: Errors, group: string): TemplateResult | typeof nothing {
  const error = errors.get(group);
  return error
    ? html`<p class="error" id=${groupMessageId(group)}>${icon('danger')}<span>${error}</span></p>`
    : nothing;
}

export interface ItemActions {
  /** Null when the item cannot be removed (read-only, or the goal's only metric). */
  readonly remove: (() => void) | null;
}

export function renderMetric(
  ctx: FieldContext,
  m: MetricForm,
  i: number,
  actions: ItemActions,
): TemplateResult {
  const group = `metrics.${i}`;
  const p = (field: string) => `${group}.${field}`;
  const error = ctx.errors.get(group);
  return html`<fieldset id=${idOf(group)} aria-describedby=${error ? groupMessageId(group) : nothing}>
    <legend>${fillText(EDITOR_TEXT.metricN, { n: i + 1 })}</legend>
    ${
      actions.remove
        ? html`<div class="row-head"><span></span><button type="button" @click=${actions.remove}>${fillText(EDITOR_TEXT.removeMetric, { n: i + 1 })}</button></div>`
        : nothing
    }
    ${groupMessage(ctx.errors, group)}
    <div class="grid">
      ${input(ctx, p('name'), L['metric.name']!, m.name, { required: true })}
      ${input(ctx, p('unit'), L['metric.unit']!, m.unit)}
      ${select(ctx, p('direction'), L['metric.direction']!, m.direction, directions())}
      ${input(ctx, p('baseline_value'), L['metric.baseline_value']!, m.baseline_value, { numeric: true })}
      ${input(ctx, p('target_value'), L['metric.target_value']!, m.target_value, { numeric: true, required: true })}
      ${input(ctx, p('data_source'), L['metric.data_source']!, m.data_source)}
      ${select(ctx, p('frequency'), L['metric.frequency']!, m.frequency, frequencies())}
      ${input(ctx, p('weight'), L['metric.weight']!, m.weight, { numeric: true })}
    </div>
  </fieldset>`;
}

export function renderDriver(
  ctx: FieldContext,
  d: DriverForm,
  i: number,
  actions: ItemActions,
): TemplateResult {
  const group = `value_drivers.${i}`;
  const p = (field: string) => `${group}.${field}`;
  const error = ctx.errors.get(group);
  return html`<fieldset id=${idOf(group)} aria-describedby=${error ? groupMessageId(group) : nothing}>
    <legend>${fillText(EDITOR_TEXT.driverN, { n: i + 1 })}</legend>
    ${
      actions.remove
        ? html`<div class="row-head"><span></span><button type="button" @click=${actions.remove}>${fillText(EDITOR_TEXT.removeDriver, { n: i + 1 })}</button></div>`
        : nothing
    }
    ${groupMessage(ctx.errors, group)}
    <div class="grid">
      ${select(ctx, p('type'), L['driver.type']!, d.type, driverTypes())}
      ${input(ctx, p('label'), L['driver.label']!, d.label)}
      ${shownAmounts(d).map((f) =>
        input(ctx, p(f), FIELD_LABELS[`driver.${f}`] ?? f, d[f], { numeric: true, group }),
      )}
      ${select(ctx, p('confidence'), L['driver.confidence']!, d.confidence, confidences())}
    </div>
  </fieldset>`;
}

/** What calc computes from the form as typed: value per year and, for a stored goal, progress. */
export function renderPreview(
  fmt: Format,
  form: GoalForm,
  server: SuccessGoal | undefined,
): TemplateResult {
  const currency = server?.currency;
  // As the server counts it: nothing is delivered before the goal's first measurement.
  const measured = server?.metrics.some((m) => m.measurements.length > 0) ?? false;
  const value = previewValue(form, measured);
  const progress = server ? previewProgress(form, server, new Date()) : undefined;
  const [tone, word] = progress ? goalStatusInfo(progress.status) : ['neutral' as const, ''];
  return html`<section class="preview" part="preview" aria-labelledby="preview-heading">
    <h3 id="preview-heading">${EDITOR_TEXT.asCalculated}</h3>
    <p>
      <span>${EDITOR_TEXT.valueDelivered}</span>
      <output class="num expected-value"
        >${form.value_drivers.length === 0 ? EDITOR_TEXT.noDrivers : !value.ok ? EDITOR_TEXT.cannotCalculate : measured ? fmt.money(value.totalValue, currency) : EDITOR_TEXT.notMeasuredYet}</output
      >
    </p>
    ${
      value.ok && form.value_drivers.length > 0
        ? html`<p>
            <span>${EDITOR_TEXT.valueProjected}</span>
            <output class="num projected-value">${fmt.money(value.projected.totalValue, currency)}</output>
          </p>`
        : nothing
    }
    ${
      value.ok && (measured ? value.timeSavedHours : value.projected.timeSavedHours) > 0
        ? html`<p><span>${measured ? EDITOR_TEXT.timeSaved : EDITOR_TEXT.timeSavedProjected}</span> <span class="num">${fmt.hours(measured ? value.timeSavedHours : value.projected.timeSavedHours)}</span></p>`
        : nothing
    }
    ${
      progress
        ? html`<p>
            <span>${EDITOR_TEXT.progressLabel}</span>
            <output class="num progress"
              >${progress.percent === null ? STATE_TEXT.noBaseline : fmt.percent(progress.percent)}</output
            >
          </p>
          <p><span>${EDITOR_TEXT.statusLabel}</span> <span class="goal-status">${statusBadge(tone, word)}</span></p>`
        : nothing
    }
  </section>`;
}

/**
 * Every message, each linked to its field; one whose field has no control here (a parameter,
 * a field of the API this form does not show) is listed by the name the API gave it.
 */
export function renderSummary(errors: Errors, root: ParentNode): TemplateResult | typeof nothing {
  if (errors.size === 0) return nothing;
  return html`<div class="summary" part="error-summary" tabindex="-1" role="region" aria-labelledby="summary-heading">
    <h3 id="summary-heading">${icon('danger')}${EDITOR_TEXT.problemHeading}</h3>
    <ul>
      ${[...errors].map(([path, message]) => {
        // The field, or the item an item's own error is about (its fieldset).
        const target = root.querySelector(`#${CSS.escape(idOf(path))}`);
        return html`<li>
          ${
            target
              ? html`<a
                  href=${`#${target.id}`}
                  @click=${(e: Event) => {
                    e.preventDefault();
                    controlOf(root, path)?.focus();
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

export interface ConflictActions {
  readonly saving: boolean;
  readonly reload: () => void;
  readonly overwrite: () => void;
}

/** The 412 view: what changed on the server since `mine`, with Reload and Overwrite. */
export function renderConflict(
  fmt: Format,
  server: SuccessGoal | undefined,
  mine: SuccessGoal | undefined,
  actions: ConflictActions,
): TemplateResult | typeof nothing {
  if (!server) return nothing;
  const theirs = formOf(server);
  const base = mine ? formOf(mine) : undefined;
  const keys: Array<[keyof GoalForm, string]> = [
    ['name', L.name!],
    ['description', L.description!],
    ['category', L.category!],
    ['owner_name', L.owner!],
    ['weight', L.weight!],
    ['start_date', L.start_date!],
    ['target_date', L.target_date!],
    ['metrics', L.metrics!],
    ['value_drivers', L.value_drivers!],
  ];
  const changed = base
    ? keys.filter(([k]) => JSON.stringify(theirs[k]) !== JSON.stringify(base[k])).map(([, l]) => l)
    : [];
  return html`<div class="panel conflict" part="conflict" role="region" aria-labelledby="conflict-heading">
    <h3 id="conflict-heading">${EDITOR_TEXT.conflictHeading}</h3>
    <p>${fillText(EDITOR_TEXT.conflictDetail, { version: server.version, date: fmt.date(server.updated_at) })}</p>
    ${changed.length > 0 ? html`<p>${fillText(EDITOR_TEXT.changedFields, { fields: changed.join(', ') })}</p>` : nothing}
    <p>${EDITOR_TEXT.serverGoalName} <strong>${server.name}</strong></p>
    <div class="actions">
      <button type="button" class="reload" @click=${actions.reload}>${EDITOR_TEXT.reload}</button>
      <button type="button" class="overwrite" ?disabled=${actions.saving} @click=${actions.overwrite}>${EDITOR_TEXT.overwrite}</button>
    </div>
  </div>`;
}

/** Asks before dropping unsaved changes on Cancel. */
export function renderDiscardConfirm(keep: () => void, discard: () => void): TemplateResult {
  return html`<div class="panel confirm" role="alertdialog" aria-labelledby="confirm-q" aria-describedby="confirm-d">
    <p id="confirm-q"><strong>${EDITOR_TEXT.discardQuestion}</strong></p>
    <p id="confirm-d">${EDITOR_TEXT.discardDetail}</p>
    <div class="actions">
      <button type="button" class="keep" @click=${keep}>${EDITOR_TEXT.keepEditing}</button>
      <button type="button" class="discard" @click=${discard}>${EDITOR_TEXT.discardChanges}</button>
    </div>
  </div>`;
}

export interface DeleteActions {
  readonly deleting: boolean;
  readonly keep: () => void;
  readonly confirm: () => void;
}

/** Asks before deleting the goal: what is lost, Keep goal (focused first) or delete. */
export function renderDeleteConfirm(name: string, actions: DeleteActions): TemplateResult {
  return html`<div class="panel confirm-delete" part="delete-confirm" role="alertdialog" aria-labelledby="delete-q" aria-describedby="delete-d">
    <p id="delete-q"><strong>${fillText(EDITOR_TEXT.deleteQuestion, { name })}</strong></p>
    <p id="delete-d">${EDITOR_TEXT.deleteDetail}</p>
    <div class="actions">
      <button type="button" class="keep-goal" @click=${actions.keep}>${EDITOR_TEXT.keepGoal}</button>
      <button type="button" class="danger confirm-delete-button" ?disabled=${actions.deleting} @click=${actions.confirm}>${actions.deleting ? EDITOR_TEXT.deleting : EDITOR_TEXT.confirmDelete}</button>
    </div>
  </div>`;
}

/** What is left once the goal is deleted: that it is, and a way out. */
export function renderDeleted(goal: SuccessGoal, close: () => void): TemplateResult {
  return html`<section class="form deleted" aria-labelledby="editor-title">
    <h2 id="editor-title">${EDITOR_TEXT.deletedTitle}</h2>
    <div class="notice info" part="notice" role="note">
      ${icon('info')}<span>${fillText(EDITOR_TEXT.deletedDetail, { name: goal.name })}</span>
    </div>
    <div class="actions" part="actions">
      <button type="button" class="cancel" @click=${close}>${EDITOR_TEXT.close}</button>
    </div>
  </section>`;
}

/** The note that nothing can be changed, and why. */
export function renderReadOnly(
  forbidden: string | undefined,
  readOnly: boolean,
  editing: boolean,
): TemplateResult | typeof nothing {
  if (forbidden !== undefined) {
    return html`<div class="notice danger readonly" part="notice readonly" role="alert">
      ${icon('danger')}<span>${fillText(EDITOR_TEXT.forbidden, { reason: forbidden })}</span>
    </div>`;
  }
  if (!readOnly) return nothing;
  return html`<div class="notice info readonly" part="notice readonly" role="note">
    ${icon('info')}<span>${editing ? EDITOR_TEXT.readOnlyGoal : EDITOR_TEXT.readOnlyNew}</span>
  </div>`;
}
