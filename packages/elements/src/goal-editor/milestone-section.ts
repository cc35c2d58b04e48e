import type { SuccessClient } from '@cscx/success-sdk';
import { schemas } from '@cscx/success-sdk';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { describeError } from '../data-controller.js';
import { emit } from '../events.js';
import type { Format } from '../format.js';
import { localized } from '../localize.js';
import { fillText, icon, milestoneStatusInfo, renderError, statusBadge } from '../states.js';
import type { Milestone } from '../types.js';
import { EDITOR_TEXT, MILESTONE_EDITOR_MESSAGES } from './editor-text.js';

// Loaded with a dynamic import the first time an editor shows an existing goal: milestone
// editing is not part of the elements' initial JS (DESIGN.md: <= 35 KB min+gzip for all).

type CreateBody = Parameters<SuccessClient['createMilestone']>[0]['body'];
type UpdateBody = Parameters<SuccessClient['updateMilestone']>[0]['body'];

/** What the section needs from the `<goal-editor>` that shows it. */
export interface MilestoneSectionOptions {
  readonly client: () => SuccessClient | undefined;
  /** The customer whose milestones are listed and created. */
  readonly customerId: () => string | undefined;
  /** The goal being edited, offered as the link of a milestone. */
  readonly goal: () => { readonly id: string; readonly name: string } | undefined;
  /** True when nothing may be changed: the list is shown without Add, Edit or Record. */
  readonly readOnly: () => boolean;
  readonly fmt: () => Format;
  /** Says `text` through the editor's live region. */
  readonly announce: (text: string) => void;
  /** A write was refused as forbidden (403): the editor turns read-only, saying why. */
  readonly forbidden: (error: unknown) => void;
}

type Host = ReactiveControllerHost &
  HTMLElement & {
    readonly renderRoot: ParentNode;
    /** Runs `fn` in the editor's locale: for words made in an event or after an await. */
    localize<R>(fn: () => R): R;
  };

/** The form as typed: strings, so a half-typed date is never lost to parsing. */
interface MilestoneForm {
  name: string;
  description: string;
  target_date: string;
  achieved_date: string;
  status: 'planned' | 'at_risk';
  goal_id: string;
}

type Field = keyof MilestoneForm;

interface Editing {
  /** The milestone as last read from the server; undefined for a new one. */
  readonly base: Milestone | undefined;
  readonly form: MilestoneForm;
  /** The button that opened the form, to give focus back on close. */
  readonly opener: string;
}

const T = localized(MILESTONE_EDITOR_MESSAGES);
const LABELS: Readonly<Record<Field, string>> = T;

/** Today as the server dates milestones (UTC), the latest achieved date it accepts. */
const today = () => new Date().toISOString().slice(0, 10);

const byDate = (a: Milestone, b: Milestone) =>
  a.target_date < b.target_date
    ? -1
    : a.target_date > b.target_date
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

function formOf(m: Milestone | undefined, goalId: string | undefined): MilestoneForm {
  return {
    name: m?.name ?? '',
    description: m?.description ?? '',
    target_date: m?.target_date.slice(0, 10) ?? '',
    achieved_date: m?.achieved_date?.slice(0, 10) ?? '',
    // `achieved` and `missed` are derived from the dates; the stored flag behind them is one of
    // the two a user can set, and `planned` is the API's default.
    status: m?.status === 'at_risk' ? 'at_risk' : 'planned',
    goal_id: m ? (m.goal_id ?? '') : (goalId ?? ''),
  };
}

/** The request body of the form (MilestoneInput / MilestoneUpdate); not yet validated. */
export function milestoneBody(f: MilestoneForm): Record<string, unknown> {
  return {
    name: f.name.trim(),
    description: f.description.trim(),
    goal_id: f.goal_id || null,
    target_date: f.target_date,
    achieved_date: f.achieved_date || null,
    status: f.status,
  };
}

function fieldOf(path: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined) {
  const first = path?.[0];
  const key = typeof first === 'object' && first !== null ? first.key : first;
  return String(key ?? 'name') as Field;
}

/**
 * Validates a milestone body with the SDK's valibot schema (through its Standard Schema
 * interface, as the goal form does), plus the rule the schema cannot state and the server
 * enforces: an achieved date is not in the future.
 */
export function validateMilestone(
  body: Record<string, unknown>,
  creating: boolean,
  asOf: string,
): Map<Field, string> {
  const schema = creating ? schemas.MilestoneInputSchema : schemas.MilestoneUpdateSchema;
  const result = schema['~standard'].validate(body);
  const errors = new Map<Field, string>();
  if (!(result instanceof Promise) && result.issues) {
    for (const issue of result.issues) {
      const field = fieldOf(issue.path);
      if (errors.has(field)) continue;
      const value = body[field];
      const label = LABELS[field] ?? field;
      errors.set(
        field,
        value === '' || value === undefined
          ? fillText(EDITOR_TEXT.isRequired, { label })
          : field.endsWith('date')
            ? fillText(EDITOR_TEXT.notDate, { label })
            : field === 'name'
              ? T.nameTooLong
              : field === 'description'
                ? T.descriptionTooLong
                : fillText(EDITOR_TEXT.notValid, { label }),
      );
    }
  }
  const achieved = body.achieved_date;
  if (typeof achieved === 'string' && !errors.has('achieved_date') && achieved > asOf) {
    errors.set('achieved_date', T.achievedInFuture);
  }
  return errors;
}

/** The fields of the order they appear in, for focusing the first invalid one. */
const ORDER: readonly Field[] = [
  'name',
  'description',
  'target_date',
  'status',
  'achieved_date',
  'goal_id',
];

/** HTTP status of an SDK error, read by shape: the SDK loads lazily and may exist twice. */
function statusOf(error: unknown): number | undefined {
  const s = (error as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * The milestones part of `<goal-editor>` (PRD-165 FR-165.8): the customer's milestones through
 * `listMilestones`, a form to create one (`createMilestone` with one `Idempotency-Key` per
 * save, reused when the same body is retried) or to edit one and record its achieved date
 * (`updateMilestone` with `If-Match`; a 412 shows the server's version with Reload and
 * Overwrite). Renders into the editor's shadow root, so it shares its styles and live region.
 *
 * @example
 * const { MilestoneSection } = await import('./milestone-section.js');
 * this.#milestones = new MilestoneSection(this, { client: () => this.client, ... });
 * // in render(): ${this.#milestones.render()}
 */
export class MilestoneSection implements ReactiveController {
  readonly #host: Host;
  readonly #o: MilestoneSectionOptions;
  #key: string | undefined;
  #abort: AbortController | undefined;
  #status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  #error: unknown;
  #items: Milestone[] = [];
  #editing: Editing | undefined;
  #errors = new Map<Field, string>();
  #saving = false;
  #saveError: string | undefined;
  #attempt: { key: string; json: string } | undefined;
  #conflict: Milestone | undefined;

  constructor(host: Host, options: MilestoneSectionOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
    // Often built during the host's render (the module was already on the page): hostUpdate,
    // which lists the milestones, first runs in the host's next update, so ask for one.
    queueMicrotask(() => host.requestUpdate());
  }

  /** The milestones as last listed or saved, by target date. */
  get items(): readonly Milestone[] {
    return this.#items;
  }

  /** Lists the milestones again (some were created elsewhere, e.g. from a goal template). */
  reload(): void {
    if (this.#status === 'loading') return;
    this.#status = 'idle';
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const client = this.#o.client();
    const customerId = this.#o.customerId();
    const key = client && customerId ? customerId : undefined;
    if (key !== this.#key || (key && this.#status === 'idle')) {
      this.#key = key;
      if (client && key) void this.#load(client, key);
      else this.#reset();
    }
  }

  hostDisconnected(): void {
    // A list still on its way is not wanted; reconnecting lists again.
    if (this.#status === 'loading') {
      this.#abort?.abort();
      this.#status = 'idle';
    }
  }

  #reset(): void {
    this.#abort?.abort();
    this.#items = [];
    this.#status = 'idle';
    this.#editing = undefined;
    this.#conflict = undefined;
  }

  async #load(client: SuccessClient, customerId: string): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#status = 'loading';
    this.#host.requestUpdate();
    try {
      const items = await this.#list(client, customerId, abort.signal);
      if (abort.signal.aborted) return;
      this.#items = items;
      this.#status = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#error = error;
      this.#status = 'error';
    }
    this.#host.requestUpdate();
  }

  async #list(client: SuccessClient, customerId: string, signal?: AbortSignal) {
    const items: Milestone[] = [];
    for await (const m of client.listMilestones.all(
      { customerId, limit: 200 },
      signal ? { signal } : {},
    ))
      items.push(m);
    return items.sort(byDate);
  }

  #focus(selector: string): void {
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
    );
  }

  #open(m: Milestone | undefined, opener: string, achieveToday = false): void {
    const form = formOf(m, this.#o.goal()?.id);
    if (achieveToday && !form.achieved_date) form.achieved_date = today();
    this.#editing = { base: m, form, opener };
    this.#errors = new Map();
    this.#saveError = undefined;
    this.#conflict = undefined;
    this.#attempt = undefined;
    this.#host.requestUpdate();
    this.#focus(achieveToday ? '#ms-achieved_date' : '#ms-name');
  }

  #close(): void {
    const opener = this.#editing?.opener;
    this.#editing = undefined;
    this.#errors = new Map();
    this.#saveError = undefined;
    this.#conflict = undefined;
    this.#host.requestUpdate();
    if (opener) this.#focus(opener);
  }

  #set(field: Field, value: string): void {
    const e = this.#editing;
    if (!e) return;
    (e.form as unknown as Record<Field, string>)[field] = value;
    if (this.#errors.size > 0) this.#errors = this.#validate(e).errors;
    this.#host.requestUpdate();
  }

  #validate(e: Editing) {
    const body = milestoneBody(e.form);
    return { body, errors: validateMilestone(body, e.base === undefined, today()) };
  }

  /** Saves the open milestone form; resolves when the attempt is over. */
  async save(overwrite = false): Promise<void> {
    const e = this.#editing;
    if (!e || this.#saving) return;
    const { body, errors } = this.#validate(e);
    this.#errors = errors;
    this.#saveError = undefined;
    if (errors.size > 0) {
      this.#o.announce(
        fillText(T.notSavedBecause, { errors: [...errors.values()].join(' ') }).replace(/\s+$/, ''),
      );
      this.#host.requestUpdate();
      const first = ORDER.find((f) => errors.has(f));
      if (first) this.#focus(`#ms-${first}`);
      return;
    }
    const client = this.#o.client();
    const customerId = this.#o.customerId();
    if (!client || !customerId) {
      this.#saveError = EDITOR_TEXT.noConnection;
      this.#host.requestUpdate();
      return;
    }
    const json = JSON.stringify(body);
    // One key per attempt: a retry of the same body reuses it, so the server applies it once.
    if (!this.#attempt || this.#attempt.json !== json)
      this.#attempt = { key: crypto.randomUUID(), json };
    this.#saving = true;
    this.#o.announce(T.saving);
    this.#host.requestUpdate();
    try {
      const base = e.base;
      const saved = base
        ? await client.updateMilestone({
            milestoneId: base.id,
            ifMatch: overwrite && this.#conflict ? this.#conflict.version : base.version,
            body: body as unknown as UpdateBody,
          })
        : await client.createMilestone({
            customerId,
            idempotencyKey: this.#attempt.key,
            body: body as unknown as CreateBody,
          });
      this.#items = [...this.#items.filter((m) => m.id !== saved.id), saved].sort(byDate);
      this.#attempt = undefined;
      this.#editing = undefined;
      this.#conflict = undefined;
      this.#o.announce(
        this.#host.localize(() =>
          fillText(base ? T.saved : T.created, {
            name: saved.name,
            status: milestoneStatusInfo(saved.status)[1],
          }),
        ),
      );
      emit(this.#host, 'success-milestone-saved', { milestone: saved, created: !base });
      this.#focus(`button.ms-edit[data-id="${CSS.escape(saved.id)}"]`);
    } catch (error) {
      await this.#failed(error, client, customerId, e);
    } finally {
      this.#saving = false;
      this.#host.requestUpdate();
    }
  }

  async #failed(error: unknown, client: SuccessClient, customerId: string, e: Editing) {
    const status = statusOf(error);
    const { title } = describeError(error);
    if (status === 403) {
      this.#o.forbidden(error);
      return;
    }
    if (status === 412 && e.base) {
      try {
        const items = await this.#list(client, customerId);
        this.#items = items;
        const theirs = items.find((m) => m.id === e.base?.id);
        if (!theirs) {
          this.#saveError = this.#host.localize(() => T.gone);
          return;
        }
        this.#conflict = theirs;
        this.#o.announce(this.#host.localize(() => T.conflictAnnounce));
      } catch (again) {
        this.#saveError = this.#host.localize(() =>
          fillText(T.conflictLoadFailed, { reason: describeError(again).title }),
        );
      }
      return;
    }
    const fieldErrors = (error as { fieldErrors?: readonly { field: string; message: string }[] })
      .fieldErrors;
    if (status === 422 && fieldErrors && fieldErrors.length > 0) {
      for (const f of fieldErrors) {
        const field = f.field.replace(/^\//, '').split('/')[0] as Field;
        if (field in LABELS) {
          this.#errors.set(
            field,
            this.#host.localize(() =>
              fillText(T.fieldError, { field: LABELS[field], message: f.message }),
            ),
          );
        }
      }
    }
    // Announced by the notice's role="alert"; the live region would say it twice.
    this.#saveError = this.#host.localize(() => fillText(T.notSaved, { reason: title }));
  }

  #reloadFromServer(): void {
    const theirs = this.#conflict;
    const e = this.#editing;
    if (!theirs || !e) return;
    this.#editing = { ...e, base: theirs, form: formOf(theirs, this.#o.goal()?.id) };
    this.#conflict = undefined;
    this.#errors = new Map();
    this.#o.announce(this.#host.localize(() => T.reloaded));
    this.#host.requestUpdate();
  }

  render(): TemplateResult {
    const ro = this.#o.readOnly();
    return html`<section class="milestones" part="milestones" aria-labelledby="ms-heading">
      <h3 id="ms-heading">${T.heading}</h3>
      ${this.#renderList(ro)}
      ${this.#editing && !ro ? this.#renderForm(this.#editing) : nothing}
      ${
        ro || this.#editing || this.#status !== 'ready'
          ? nothing
          : html`<div class="actions">
              <button type="button" class="ms-add" @click=${() => this.#open(undefined, 'button.ms-add')}>${T.add}</button>
            </div>`
      }
    </section>`;
  }

  #renderList(ro: boolean): TemplateResult {
    if (this.#status === 'loading' || this.#status === 'idle')
      return html`<p class="muted" role="status">${T.loading}</p>`;
    if (this.#status === 'error') {
      const client = this.#o.client();
      const id = this.#o.customerId();
      return renderError({
        ...describeError(this.#error),
        onRetry: client && id ? () => void this.#load(client, id) : undefined,
      });
    }
    if (this.#items.length === 0) return html`<p class="muted">${T.empty}</p>`;
    const fmt = this.#o.fmt();
    const goal = this.#o.goal();
    return html`<ul class="ms-list" role="list">
      ${this.#items.map((m) => {
        const link = m.goal_id === null ? '' : m.goal_id === goal?.id ? T.thisGoal : T.anotherGoal;
        const editing = this.#editing?.base?.id === m.id;
        return html`<li class="ms-item">
          <div class="ms-line">
            <span class="ms-name">${m.name}</span>
            ${statusBadge(...milestoneStatusInfo(m.status))}
          </div>
          <p class="muted ms-dates">
            ${
              m.achieved_date
                ? fillText(T.datesAchieved, {
                    target: fmt.date(m.target_date),
                    achieved: fmt.date(m.achieved_date),
                  })
                : fillText(T.dates, { target: fmt.date(m.target_date) })
            }${link}
          </p>
          ${m.description ? html`<p class="ms-description">${m.description}</p>` : nothing}
          ${
            ro || editing
              ? nothing
              : html`<div class="actions">
                  <button type="button" class="ms-edit" data-id=${m.id} aria-label=${fillText(T.editLabel, { name: m.name })}
                    @click=${() => this.#open(m, `button.ms-edit[data-id="${CSS.escape(m.id)}"]`)}>${T.edit}</button>
                  ${
                    m.achieved_date
                      ? nothing
                      : html`<button type="button" class="ms-achieve" aria-label=${fillText(T.achieveLabel, { name: m.name })}
                          @click=${() => this.#open(m, `button.ms-edit[data-id="${CSS.escape(m.id)}"]`, true)}>${T.achieve}</button>`
                  }
                </div>`
          }
        </li>`;
      })}
    </ul>`;
  }

  #renderForm(e: Editing): TemplateResult {
    const f = e.form;
    const goal = this.#o.goal();
    const other = f.goal_id && f.goal_id !== goal?.id ? f.goal_id : undefined;
    return html`<form class="ms-form" part="milestone-form" novalidate aria-labelledby="ms-form-heading"
      @submit=${(ev: Event) => {
        ev.preventDefault();
        // The checks before the first await speak the editor's language.
        void this.#host.localize(() => this.save());
      }}>
      <h4 id="ms-form-heading">${e.base ? fillText(T.editHeading, { name: e.base.name }) : T.newHeading}</h4>
      ${this.#saveError ? html`<div class="notice danger" part="notice" role="alert">${icon('danger')}<span>${this.#saveError}</span></div>` : nothing}
      ${this.#renderConflict(e)}
      <div class="grid">
        ${this.#input('name', f.name, { required: true, wide: true })}
        <div class="field wide">
          <label for="ms-description">${T.description}</label>
          <textarea id="ms-description" .value=${f.description} aria-invalid=${this.#errors.has('description') ? 'true' : 'false'}
            aria-describedby=${this.#errors.has('description') ? 'ms-description-error' : nothing}
            @input=${(ev: Event) => this.#set('description', (ev.target as HTMLTextAreaElement).value)}></textarea>
          ${this.#message('description')}
        </div>
        ${this.#input('target_date', f.target_date, { required: true, type: 'date' })}
        <div class="field">
          <label for="ms-status">${T.status}</label>
          <select id="ms-status" aria-describedby="ms-status-hint"
            @change=${(ev: Event) => this.#set('status', (ev.target as HTMLSelectElement).value)}>
            <option value="planned" ?selected=${f.status === 'planned'}>${T.planned}</option>
            <option value="at_risk" ?selected=${f.status === 'at_risk'}>${T.at_risk}</option>
          </select>
          <p class="hint" id="ms-status-hint">${T.statusHint}</p>
        </div>
        ${this.#input('achieved_date', f.achieved_date, { type: 'date', max: today() })}
        <div class="field">
          <label for="ms-goal_id">${T.goal_id}</label>
          <select id="ms-goal_id" @change=${(ev: Event) => this.#set('goal_id', (ev.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${f.goal_id === ''}>${T.noGoal}</option>
            ${goal ? html`<option value=${goal.id} ?selected=${f.goal_id === goal.id}>${fillText(T.thisGoalOption, { name: goal.name })}</option>` : nothing}
            ${other ? html`<option value=${other} selected>${fillText(T.anotherGoalOption, { id: other })}</option>` : nothing}
          </select>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="primary ms-save" ?disabled=${this.#saving}>
          ${this.#saving ? EDITOR_TEXT.saving : e.base ? T.save : T.create}
        </button>
        <button type="button" class="ms-cancel" @click=${() => this.#close()}>${EDITOR_TEXT.cancel}</button>
      </div>
    </form>`;
  }

  #renderConflict(e: Editing): TemplateResult | typeof nothing {
    const theirs = this.#conflict;
    const mine = e.base;
    if (!theirs || !mine) return nothing;
    const fields: Array<[keyof Milestone, string]> = [
      ['name', T.name],
      ['description', T.description],
      ['target_date', T.target_date],
      ['achieved_date', T.achieved_date],
      ['status', T.status],
      ['goal_id', T.goal_id],
    ];
    const changed = fields.filter(([k]) => theirs[k] !== mine[k]).map(([, l]) => l);
    return html`<div class="panel conflict" part="conflict" role="region" aria-labelledby="ms-conflict-heading">
      <h4 id="ms-conflict-heading">${T.conflictHeading}</h4>
      <p>${fillText(T.conflictDetail, { version: theirs.version })}</p>
      ${changed.length > 0 ? html`<p>${fillText(EDITOR_TEXT.changedFields, { fields: changed.join(', ') })}</p>` : nothing}
      <p>${T.serverName} <strong>${theirs.name}</strong></p>
      <div class="actions">
        <button type="button" class="ms-reload" @click=${() => this.#host.localize(() => this.#reloadFromServer())}>${EDITOR_TEXT.reload}</button>
        <button type="button" class="ms-overwrite" ?disabled=${this.#saving} @click=${() => void this.#host.localize(() => this.save(true))}>${EDITOR_TEXT.overwrite}</button>
      </div>
    </div>`;
  }

  #message(field: Field): TemplateResult | typeof nothing {
    const error = this.#errors.get(field);
    return error
      ? html`<p class="error" id=${`ms-${field}-error`}>${icon('danger')}<span>${error}</span></p>`
      : nothing;
  }

  #input(
    field: Field,
    value: string,
    opts: { required?: boolean; wide?: boolean; type?: 'text' | 'date'; max?: string },
  ): TemplateResult {
    const error = this.#errors.has(field);
    return html`<div class=${opts.wide ? 'field wide' : 'field'}>
      <label for=${`ms-${field}`}>${opts.required ? fillText(EDITOR_TEXT.required, { label: LABELS[field] }) : LABELS[field]}</label>
      <input id=${`ms-${field}`} type=${opts.type ?? 'text'} autocomplete="off" .value=${value}
        max=${opts.max ?? nothing}
        aria-required=${opts.required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `ms-${field}-error` : nothing}
        @input=${(ev: Event) => this.#set(field, (ev.target as HTMLInputElement).value)} />
      ${this.#message(field)}
    </div>`;
  }
}
