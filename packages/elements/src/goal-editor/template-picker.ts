import { defineMessages } from '@cscx/success-calc/i18n';
import type { SuccessClient } from '@cscx/success-sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from '../data-controller.js';
import { localized } from '../localize.js';
import { fillText, icon, renderNotice } from '../states.js';
import type { GoalTemplate, SuccessGoal } from '../types.js';
import { newKey, type TemplateOrigin } from './goal-form.js';
import { addDays } from './goal-template.js';

/** The words of starting a goal from a template (PRD-165 Appendix A's library, managers' own). */
export const TEMPLATE_MESSAGES = defineMessages('elements.editor-templates', {
  legend: 'Start from a template',
  hint: 'A template fills in the goal, its metrics with suggested baselines and targets and its value drivers; its milestones are created with the goal. Everything can be changed before saving.',
  choose: 'Template',
  none: 'Choose a template',
  anyIndustry: 'Any industry',
  use: 'Use template',
  loading: 'Loading templates…',
  failed: 'The goal templates could not be loaded: {reason}',
  notFound: 'The template “{id}” was not found, so the form starts empty.',
  replaceQuestion: 'Replace what you typed with the template “{name}”?',
  replaceDetail: 'The form is filled in from the template and what you typed is lost.',
  keep: 'Keep what I typed',
  replace: 'Use the template',
  applied: 'The form was filled in from the template “{name}”. Review it, then create the goal.',
  origin: {
    one: 'Started from the template “{name}”: its {count} milestone is created with the goal.',
    other: 'Started from the template “{name}”: its {count} milestones are created with the goal.',
  },
  originNoMilestones: 'Started from the template “{name}”.',
  creatingMilestones: 'Creating the template’s milestones…',
  milestonesCreated: {
    one: 'The goal was created with {count} milestone from its template.',
    other: 'The goal was created with {count} milestones from its template.',
  },
  milestonesFailed:
    'The goal was saved, but {failed} of its template’s {total} milestones could not be created: {reason}',
  retryMilestones: 'Create the missing milestones',
});
const T = localized(TEMPLATE_MESSAGES);

type Host = HTMLElement & {
  requestUpdate(): void;
  readonly updateComplete: Promise<unknown>;
  /** Runs `fn` in the editor's locale: for words made in an event or after an await. */
  localize<R>(fn: () => R): R;
  readonly templateId: string | undefined;
};

/** What the picker needs from the editor around it. */
export interface TemplatePickerOptions {
  readonly host: Host;
  readonly client: () => SuccessClient | undefined;
  /** True when the form has changes a template would replace. */
  readonly dirty: () => boolean;
  /** True when the form shows a draft restored from the session: a `template-id` waits. */
  readonly restored: () => boolean;
  /** Replaces the form with the goal `template` makes. */
  readonly apply: (template: GoalTemplate) => void;
  readonly announce: (text: string) => void;
  /** The template milestones were created after a retry: the milestone list shows them. */
  readonly milestonesChanged: () => void;
}

interface PendingMilestone {
  readonly key: string;
  readonly body: { name: string; description?: string; target_date: string; goal_id: string };
}

/**
 * Starting a new goal from a goal template: lists the templates (`listGoalTemplates`, every
 * page) the first time a new goal is shown, grouped by industry; "Use template" fills the form
 * (asking first when it has changes); a `template-id` on the editor fills it on arrival. Once the
 * goal is created, the template's milestones are created for it (`createMilestone`, linked to
 * the goal, each target date the goal's start plus its offset), each with its own
 * Idempotency-Key kept until it lands, so "Create the missing milestones" after a failure never
 * makes one twice.
 */
export class TemplatePicker {
  readonly #o: TemplatePickerOptions;
  #status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  #error = '';
  #templates: GoalTemplate[] = [];
  #chosen = '';
  #confirming: GoalTemplate | undefined;
  /** The `template-id` already applied (or found missing), so it is applied once. */
  #appliedId: string | undefined;
  #notFound: string | undefined;
  /** Milestones of the last created goal that are not created yet, with their keys. */
  #pending: PendingMilestone[] = [];
  #total = 0;
  #failure = '';
  #creating = false;

  constructor(options: TemplatePickerOptions) {
    this.#o = options;
  }

  async #load(client: SuccessClient): Promise<void> {
    this.#status = 'loading';
    this.#o.host.requestUpdate();
    try {
      const all: GoalTemplate[] = [];
      for await (const t of client.listGoalTemplates.all({})) all.push(t);
      this.#templates = all;
      this.#status = 'ready';
      this.#applyRequested();
    } catch (error) {
      this.#error = describeError(error).title;
      this.#status = 'error';
    }
    this.#o.host.requestUpdate();
  }

  // A host asked for one template (`template-id`): it fills an untouched form once, and never
  // replaces a draft the user is coming back to.
  #applyRequested(): void {
    const id = this.#o.host.templateId;
    if (!id || id === this.#appliedId || this.#status !== 'ready') return;
    this.#appliedId = id;
    if (this.#o.restored() || this.#o.dirty()) return;
    const template = this.#templates.find((t) => t.id === id);
    this.#notFound = template ? undefined : id;
    if (template) this.#use(template);
  }

  #use(template: GoalTemplate): void {
    this.#confirming = undefined;
    this.#chosen = template.id;
    this.#o.apply(template);
    this.#o.announce(this.#o.host.localize(() => fillText(T.applied, { name: template.name })));
    this.#o.host.requestUpdate();
  }

  #ask(): void {
    const template = this.#templates.find((t) => t.id === this.#chosen);
    if (!template) return;
    if (!this.#o.dirty()) {
      this.#use(template);
      return;
    }
    this.#confirming = template;
    this.#o.host.requestUpdate();
    void this.#o.host.updateComplete.then(() =>
      this.#o.host.shadowRoot?.querySelector<HTMLElement>('.template-confirm .keep')?.focus(),
    );
  }

  #keep(): void {
    this.#confirming = undefined;
    this.#o.host.requestUpdate();
    void this.#o.host.updateComplete.then(() =>
      this.#o.host.shadowRoot?.querySelector<HTMLElement>('.use-template')?.focus(),
    );
  }

  /**
   * The goal was created from a form that came from a template: creates the template's
   * milestones for it before the editor shows the saved goal, so its milestone list has them.
   * Never throws: a failure is shown with a way to create what is missing.
   */
  async created(goal: SuccessGoal, origin: TemplateOrigin | undefined): Promise<void> {
    if (!origin || origin.milestones.length === 0) return;
    const start = goal.start_date.slice(0, 10);
    this.#pending = origin.milestones.map((m) => ({
      key: newKey(),
      body: {
        name: m.name,
        ...(m.description ? { description: m.description } : {}),
        target_date: addDays(start, m.offset_days),
        goal_id: goal.id,
      },
    }));
    this.#total = this.#pending.length;
    await this.#createPending(goal.customer_id);
  }

  async #createPending(customerId: string): Promise<void> {
    const client = this.#o.client();
    if (!client || this.#creating) return;
    this.#creating = true;
    this.#failure = '';
    this.#o.announce(this.#o.host.localize(() => T.creatingMilestones));
    this.#o.host.requestUpdate();
    const left: PendingMilestone[] = [];
    let reason = '';
    for (const m of this.#pending) {
      try {
        await client.createMilestone({ customerId, idempotencyKey: m.key, body: m.body });
      } catch (error) {
        left.push(m);
        reason ||= describeError(error).detail ?? describeError(error).title;
      }
    }
    this.#pending = left;
    this.#creating = false;
    this.#o.host.localize(() => {
      if (left.length > 0) {
        this.#failure = fillText(T.milestonesFailed, {
          failed: left.length,
          total: this.#total,
          reason,
        });
      } else {
        this.#o.announce(fillText(T.milestonesCreated, { count: this.#total }));
      }
    });
    this.#o.host.requestUpdate();
  }

  /** The failure of the last goal's template milestones, with Retry; nothing when none. */
  renderMilestoneFailure(customerId: string | undefined): TemplateResult | typeof nothing {
    if (!this.#failure || this.#pending.length === 0 || !customerId) return nothing;
    return html`<div class="notice danger template-milestones" part="notice" role="alert">
      ${icon('danger')}<span>${this.#failure}</span>
      <button type="button" class="retry-milestones" ?disabled=${this.#creating} @click=${async () => {
        await this.#createPending(customerId);
        if (this.#pending.length === 0) this.#o.milestonesChanged();
      }}>${T.retryMilestones}</button>
    </div>`;
  }

  /** The picker above a new goal's form; nothing without a client (no templates to list). */
  render(origin: TemplateOrigin | undefined): TemplateResult | typeof nothing {
    const client = this.#o.client();
    if (!client) return nothing;
    if (this.#status === 'idle') void this.#load(client);
    this.#applyRequested();
    return html`<fieldset class="templates">
      <legend>${T.legend}</legend>
      <p class="muted" id="template-hint">${T.hint}</p>
      ${this.#renderBody()}
      ${
        origin
          ? html`<p class="template-origin" role="note">${
              origin.milestones.length > 0
                ? fillText(T.origin, { name: origin.name, count: origin.milestones.length })
                : fillText(T.originNoMilestones, { name: origin.name })
            }</p>`
          : nothing
      }
      ${this.#notFound ? renderNotice(fillText(T.notFound, { id: this.#notFound }), 'warning') : nothing}
      ${this.#confirming ? this.#renderConfirm(this.#confirming) : nothing}
    </fieldset>`;
  }

  #renderBody(): TemplateResult {
    if (this.#status === 'error') {
      return renderNotice(fillText(T.failed, { reason: this.#error }), 'danger', () => {
        const client = this.#o.client();
        if (client) void this.#load(client);
      });
    }
    if (this.#status !== 'ready') return html`<p class="muted" role="status">${T.loading}</p>`;
    // Templates for any industry first, then each industry's, by name within a group.
    const groups = new Map<string, GoalTemplate[]>();
    for (const t of this.#templates) {
      const key = t.industry ?? '';
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    const names = [...groups.keys()].sort((a, b) =>
      a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
    );
    return html`<div class="template-choice">
      <label for="template-select">${T.choose}</label>
      <select id="template-select" aria-describedby="template-hint" .value=${this.#chosen} @change=${(
        e: Event,
      ) => {
        this.#chosen = (e.target as HTMLSelectElement).value;
        this.#o.host.requestUpdate();
      }}>
        <option value="" ?selected=${this.#chosen === ''}>${T.none}</option>
        ${names.map(
          (name) => html`<optgroup label=${name || T.anyIndustry}>
            ${[...(groups.get(name) ?? [])]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map(
                (t) =>
                  html`<option value=${t.id} ?selected=${t.id === this.#chosen}>${t.name}</option>`,
              )}
          </optgroup>`,
        )}
      </select>
      <button type="button" class="use-template" ?disabled=${this.#chosen === ''} @click=${() => this.#ask()}>${T.use}</button>
    </div>`;
  }

  #renderConfirm(template: GoalTemplate): TemplateResult {
    return html`<div class="panel template-confirm" role="alertdialog" aria-labelledby="template-q" aria-describedby="template-d">
      <p id="template-q"><strong>${fillText(T.replaceQuestion, { name: template.name })}</strong></p>
      <p id="template-d">${T.replaceDetail}</p>
      <div class="actions">
        <button type="button" class="keep" @click=${() => this.#keep()}>${T.keep}</button>
        <button type="button" class="replace" @click=${() => this.#use(template)}>${T.replace}</button>
      </div>
    </div>`;
  }
}
