import type { SuccessClient } from '@cscx/success-sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { apiErrorStatus, describeError } from '../data-controller.js';
import { emit } from '../events.js';
import type { Format } from '../format.js';
import { fillText, goalStatusInfo, icon } from '../states.js';
import type { SuccessGoal } from '../types.js';
import { EDITOR_TEXT } from './editor-text.js';
import { today } from './goal-draft.js';
import { type Errors, newKey, num, validateMeasurement } from './goal-form.js';
import { MeasurementHistory } from './measurement-history.js';

type MeasureBody = Parameters<SuccessClient['recordMeasurement']>[0]['body'];

type Host = HTMLElement & {
  requestUpdate(): void;
  readonly updateComplete: Promise<unknown>;
  /** Runs `fn` in the editor's locale: for words made in an event or after an await. */
  localize<R>(fn: () => R): R;
};

/** What the measurement form needs from the editor around it. */
export interface MeasurementFormOptions {
  readonly host: Host;
  readonly client: () => SuccessClient | undefined;
  /** The stored goal measured. */
  readonly goal: () => SuccessGoal | undefined;
  readonly readOnly: () => boolean;
  readonly fmt: () => Format;
  /** Says `text` through the editor's live region. */
  readonly announce: (text: string) => void;
  /** A write was refused as forbidden (403): the editor turns read-only, saying why. */
  readonly forbid: (error: unknown) => void;
  /** The measurement was stored: `goal` is the goal after it (a new version). */
  readonly recorded: (goal: SuccessGoal) => void;
}

/**
 * The form that records a measurement of one of an existing goal's metrics, with its own
 * Idempotency-Key per attempt (a retry records once), apart from the goal form and its save.
 */
export class MeasurementForm {
  readonly #o: MeasurementFormOptions;

  readonly #history: MeasurementHistory;
  /** The visible confirmation of the last write (role=status), until the next one. */
  #confirmation = '';

  constructor(options: MeasurementFormOptions) {
    this.#o = options;
    this.#history = new MeasurementHistory({
      host: options.host,
      client: options.client,
      goal: options.goal,
      readOnly: options.readOnly,
      fmt: options.fmt,
      forbid: options.forbid,
      changed: options.recorded,
      confirm: (text) => {
        this.#confirmation = text;
      },
      outcome: (goal) => this.#outcome(goal),
    });
  }

  #outcome(goal: SuccessGoal): { progress: string; status: string } {
    const [, word] = goalStatusInfo(goal.status);
    const pct = goal.achievement_pct;
    return {
      progress: pct === null ? EDITOR_TEXT.progressNotAvailable : this.#o.fmt().percent(pct),
      status: word,
    };
  }

  #measure = { metric: '', value: '', date: today(), note: '' };
  #errors: Errors = new Map();
  #measuring = false;
  #key: { key: string; json: string } | undefined;

  /** Starts empty, on `metricId`. */
  reset(metricId: string): void {
    this.#measure = { metric: metricId, value: '', date: today(), note: '' };
    this.#confirmation = '';
  }

  /** Picks `metricId` when no metric is chosen yet (a goal just created). */
  offer(metricId: string): void {
    if (!this.#measure.metric) this.#measure.metric = metricId;
  }

  /** Records the measurement in the form. */
  async record(): Promise<void> {
    const o = this.#o;
    const goal = o.goal();
    const client = o.client();
    if (!goal || !client || this.#measuring || o.readOnly()) return;
    const m = this.#measure;
    const body: Record<string, unknown> = {
      metric_id: m.metric,
      value: num(m.value) ?? Number.NaN,
    };
    if (m.date) body.measured_at = `${m.date}T00:00:00Z`;
    if (m.note.trim()) body.note = m.note.trim();
    this.#errors = validateMeasurement(body);
    if (m.value.trim() === '') this.#errors.set('value', EDITOR_TEXT.valueRequired);
    if (this.#errors.size > 0) {
      o.announce([...this.#errors.values()].join(' '));
      o.host.requestUpdate();
      return;
    }
    const json = JSON.stringify(body);
    if (!this.#key || this.#key.json !== json) this.#key = { key: newKey(), json };
    this.#measuring = true;
    this.#confirmation = '';
    o.host.requestUpdate();
    try {
      const result = await client.recordMeasurement({
        goalId: goal.id,
        idempotencyKey: this.#key.key,
        body: body as unknown as MeasureBody,
      });
      this.#key = undefined;
      o.recorded(result.goal);
      this.#measure = { ...m, value: '', note: '' };
      // Shown where the form is (role=status, so it is announced too), not only spoken.
      this.#confirmation = o.host.localize(() =>
        fillText(EDITOR_TEXT.measurementRecorded, this.#outcome(result.goal)),
      );
      emit(o.host, 'success-measurement-recorded', {
        goal: result.goal,
        metricId: result.metric_id,
        measurement: result.measurement,
      });
    } catch (error) {
      if (apiErrorStatus(error) === 403) o.forbid(error);
      else
        this.#errors = new Map([
          [
            'form',
            o.host.localize(() =>
              fillText(EDITOR_TEXT.notRecorded, { reason: describeError(error).title }),
            ),
          ],
        ]);
    } finally {
      this.#measuring = false;
      o.host.requestUpdate();
    }
  }

  render(): TemplateResult {
    const goal = this.#o.goal();
    if (!goal) return html``;
    const m = this.#measure;
    const errs = this.#errors;
    const err = (k: string) => errs.get(k);
    const described = (k: string) => (err(k) ? `m-${k}-error` : nothing);
    const message = (k: string) =>
      err(k)
        ? html`<p class="error" id=${`m-${k}-error`}>${icon('danger')}<span>${err(k)}</span></p>`
        : nothing;
    const setM = (k: keyof typeof m) => (e: Event) => {
      this.#measure = { ...this.#measure, [k]: (e.target as HTMLInputElement).value };
      this.#o.host.requestUpdate();
    };
    return html`<form
      part="measurement"
      class="measurement"
      novalidate
      aria-labelledby="measure-heading"
      @submit=${(e: Event) => {
        e.preventDefault();
        // The checks before the first await speak the editor's language.
        void this.#o.host.localize(() => this.record());
      }}
    >
      <h3 id="measure-heading">${EDITOR_TEXT.recordHeading}</h3>
      ${err('form') ? html`<div class="notice danger" part="notice" role="alert">${icon('danger')}<span>${err('form')}</span></div>` : nothing}
      <div class="grid">
        <div class="field">
          <label for="m-metric">${EDITOR_TEXT.columnMetric}</label>
          <select id="m-metric" .value=${m.metric} @change=${setM('metric')} aria-invalid=${err('metric') ? 'true' : 'false'} aria-describedby=${described('metric')}>
            ${goal.metrics.map((x) => html`<option value=${x.id} ?selected=${x.id === m.metric}>${x.name}</option>`)}
          </select>
          ${message('metric')}
        </div>
        <div class="field">
          <label for="m-value">${EDITOR_TEXT.columnValue}</label>
          <input id="m-value" inputmode="decimal" autocomplete="off" .value=${m.value} @input=${setM('value')} aria-invalid=${err('value') ? 'true' : 'false'} aria-describedby=${described('value')} />
          ${message('value')}
        </div>
        <div class="field">
          <label for="m-date">${EDITOR_TEXT.columnDate}</label>
          <input id="m-date" type="date" .value=${m.date} @input=${setM('date')} aria-invalid=${err('date') ? 'true' : 'false'} aria-describedby=${described('date')} />
          ${message('date')}
        </div>
        <div class="field wide">
          <label for="m-note">${EDITOR_TEXT.columnNote}</label>
          <textarea id="m-note" .value=${m.note} @input=${setM('note')}></textarea>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="record" ?disabled=${this.#measuring}>${this.#measuring ? EDITOR_TEXT.recording : EDITOR_TEXT.record}</button>
      </div>
      <p class="confirmation" part="measurement-confirmation" role="status">${
        this.#confirmation ? html`${icon('success')}<span>${this.#confirmation}</span>` : nothing
      }</p>
    </form>
    ${this.#history.render(m.metric)}`;
  }
}
