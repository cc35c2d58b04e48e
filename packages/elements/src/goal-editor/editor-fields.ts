import { html, nothing, type TemplateResult } from 'lit';
import { fillText, icon } from '../states.js';
import { EDITOR_TEXT } from './editor-text.js';
import type { Errors } from './goal-form.js';

// The form's controls, each with its label, its message and the ARIA that ties them together:
// an invalid field has aria-invalid and aria-describedby naming its message (and a warning, when
// it has one), so a screen reader says why as the field is reached.

/** The element id of the control of a body path: `metrics.0.name` is `f-metrics-0-name`. */
export const idOf = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** What every control needs from the editor. */
export interface FieldContext {
  /** Messages by body path; an item's own (`value_drivers.0`) marks its `group` fields too. */
  readonly errors: Errors;
  /** Warnings by body path: said with the field, never blocking a save. */
  readonly warnings: ReadonlyMap<string, string>;
  readonly readOnly: boolean;
  /** The user changed the field at `key` (a form key: `owner_name`, `metrics.0.unit`). */
  readonly set: (key: string, value: string) => void;
}

export interface FieldOptions {
  readonly type?: 'text' | 'date';
  readonly numeric?: boolean;
  readonly required?: boolean;
  readonly wide?: boolean;
  /** The form key when it is not the body path (`owner.name` is typed into `owner_name`). */
  readonly key?: string;
  /** The item the field belongs to (`value_drivers.0`): its error marks this field too. */
  readonly group?: string;
}

/** The id of the message of an item's own error (`value_drivers.0`), shown in its fieldset. */
export const groupMessageId = (group: string) => `${idOf(group)}-error`;

function parts(ctx: FieldContext, path: string, group?: string) {
  const id = idOf(path);
  const error = ctx.errors.get(path);
  const groupError = group ? ctx.errors.get(group) : undefined;
  const warning = ctx.warnings.get(path);
  const described = [
    error ? `${id}-error` : '',
    groupError && group ? groupMessageId(group) : '',
    warning ? `${id}-warning` : '',
  ].filter(Boolean);
  return {
    id,
    invalid: error || groupError ? 'true' : 'false',
    describedby: described.length > 0 ? described.join(' ') : nothing,
    message: html`${
      error
        ? html`<p class="error" id=${`${id}-error`}>${icon('danger')}<span>${error}</span></p>`
        : nothing
    }${
      warning
        ? html`<p class="field-warning" id=${`${id}-warning`}>${icon('warning')}<span>${warning}</span></p>`
        : nothing
    }`,
  };
}

export function input(
  ctx: FieldContext,
  path: string,
  label: string,
  value: string,
  opts: FieldOptions = {},
): TemplateResult {
  const f = parts(ctx, path, opts.group);
  const key = opts.key ?? path;
  return html`<div class=${opts.wide ? 'field wide' : 'field'}>
    <label for=${f.id}>${opts.required ? fillText(EDITOR_TEXT.required, { label }) : label}</label>
    <input
      id=${f.id}
      type=${opts.type ?? 'text'}
      inputmode=${opts.numeric ? 'decimal' : nothing}
      autocomplete="off"
      .value=${value}
      ?readonly=${ctx.readOnly}
      aria-required=${opts.required ? 'true' : 'false'}
      aria-invalid=${f.invalid}
      aria-describedby=${f.describedby}
      @input=${(e: Event) => ctx.set(key, (e.target as HTMLInputElement).value)}
    />
    ${f.message}
  </div>`;
}

export function textarea(
  ctx: FieldContext,
  path: string,
  label: string,
  value: string,
): TemplateResult {
  const f = parts(ctx, path);
  return html`<div class="field wide">
    <label for=${f.id}>${label}</label>
    <textarea
      id=${f.id}
      .value=${value}
      ?readonly=${ctx.readOnly}
      aria-invalid=${f.invalid}
      aria-describedby=${f.describedby}
      @input=${(e: Event) => ctx.set(path, (e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${f.message}
  </div>`;
}

export function select(
  ctx: FieldContext,
  path: string,
  label: string,
  value: string,
  options: ReadonlyArray<readonly [string, string]>,
  opts: Pick<FieldOptions, 'group'> = {},
): TemplateResult {
  const f = parts(ctx, path, opts.group);
  return html`<div class="field">
    <label for=${f.id}>${label}</label>
    <select
      id=${f.id}
      ?disabled=${ctx.readOnly}
      aria-invalid=${f.invalid}
      aria-describedby=${f.describedby}
      @change=${(e: Event) => ctx.set(path, (e.target as HTMLSelectElement).value)}
    >
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>
    ${f.message}
  </div>`;
}
