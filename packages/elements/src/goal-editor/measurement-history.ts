import type { SuccessClient } from '@cscx/success-sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { apiErrorStatus, describeError } from '../data-controller.js';
import type { Format } from '../format.js';
import { fillText, icon } from '../states.js';
import type { SuccessGoal } from '../types.js';
import { EDITOR_TEXT } from './editor-text.js';
import { num } from './goal-form.js';

type Host = HTMLElement & {
  requestUpdate(): void;
  readonly updateComplete: Promise<unknown>;
  /** Runs `fn` in the editor's locale: for words made in an event or after an await. */
  localize<R>(fn: () => R): R;
};
type Measurement = SuccessGoal['metrics'][number]['measurements'][number];
type Result = Awaited<ReturnType<SuccessClient['updateMeasurement']>>;

/** What the history needs from the measurement form around it. */
export interface MeasurementHistoryOptions {
  readonly host: Host;
  readonly client: () => SuccessClient | undefined;
  readonly goal: () => SuccessGoal | undefined;
  readonly readOnly: () => boolean;
  readonly fmt: () => Format;
  readonly forbid: (error: unknown) => void;
  /** A write (or a reload after a 412) gave the goal as it is now. */
  readonly changed: (goal: SuccessGoal) => void;
  /** Shows `text` as the visible confirmation of a write (role=status). */
  readonly confirm: (text: string) => void;
  /** The confirmation of a write: its progress and status as sentence parts. */
  readonly outcome: (goal: SuccessGoal) => { progress: string; status: string };
}

interface Correction {
  readonly id: string;
  readonly measuredAt: string;
  value: string;
  date: string;
  source: string;
  note: string;
}

/**
 * A metric's recorded values, newest first, each of which can be corrected in place or removed
 * (after a confirmation), so a wrong entry does not stay in the goal's figures for good. Both
 * writes go under If-Match with the goal's version; the goal the API answers with replaces the
 * one shown, so progress, status and value follow.
 */
export class MeasurementHistory {
  readonly #o: MeasurementHistoryOptions;
  #editing: Correction | undefined;
  #removing: string | undefined;
  #busy = false;
  #error: string | undefined;

  constructor(options: MeasurementHistoryOptions) {
    this.#o = options;
  }

  #focus(selector: string): void {
    const host = this.#o.host;
    void host.updateComplete.then(() => {
      host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
    });
  }

  #update(): void {
    this.#o.host.requestUpdate();
  }

  startCorrection(m: Measurement): void {
    if (!m.id) return;
    this.#removing = undefined;
    this.#error = undefined;
    this.#editing = {
      id: m.id,
      measuredAt: m.measured_at,
      value: String(m.value),
      date: m.measured_at.slice(0, 10),
      source: m.source ?? '',
      note: m.note ?? '',
    };
    this.#update();
    this.#focus('#h-value');
  }

  askRemove(m: Measurement): void {
    if (!m.id) return;
    this.#editing = undefined;
    this.#error = undefined;
    this.#removing = m.id;
    this.#update();
    // The safe choice first, as for deleting the goal.
    this.#focus('button.keep-measurement');
  }

  #back(id: string, action: 'correct' | 'remove'): void {
    this.#editing = undefined;
    this.#removing = undefined;
    this.#update();
    this.#focus(`button.${action}-measurement[data-id="${id}"]`);
  }

  /** Runs one write; on success the goal follows, on 412 it is reloaded. */
  async #write(
    run: (client: SuccessClient, goal: SuccessGoal) => Promise<Result>,
    done: 'measurementCorrected' | 'measurementRemoved',
  ): Promise<void> {
    const o = this.#o;
    const goal = o.goal();
    const client = o.client();
    if (!goal || !client || this.#busy || o.readOnly()) return;
    this.#busy = true;
    this.#error = undefined;
    this.#update();
    try {
      const result = await run(client, goal);
      this.#editing = undefined;
      this.#removing = undefined;
      o.changed(result.goal);
      o.confirm(o.host.localize(() => fillText(EDITOR_TEXT[done], o.outcome(result.goal))));
      this.#focus('#m-value');
    } catch (error) {
      const status = apiErrorStatus(error);
      if (status === 403) o.forbid(error);
      else if (status === 412) {
        this.#error = o.host.localize(() => EDITOR_TEXT.notChangedStale);
        try {
          o.changed(await client.getSuccessGoal({ goalId: goal.id }));
        } catch {
          // The stale notice stands; the next attempt reloads again.
        }
      } else {
        this.#error = o.host.localize(() =>
          fillText(EDITOR_TEXT.notChanged, { reason: describeError(error).title }),
        );
      }
    } finally {
      this.#busy = false;
      this.#update();
    }
  }

  async saveCorrection(): Promise<void> {
    const c = this.#editing;
    if (!c) return;
    const value = num(c.value);
    if (value === null || !c.date) {
      this.#error = this.#o.host.localize(() =>
        fillText(EDITOR_TEXT.notChanged, {
          reason: value === null ? EDITOR_TEXT.valueNotNumber : EDITOR_TEXT.dateRequired,
        }),
      );
      this.#update();
      return;
    }
    // An unchanged day keeps the time of day it was measured at.
    const measuredAt = c.date === c.measuredAt.slice(0, 10) ? c.measuredAt : `${c.date}T00:00:00Z`;
    await this.#write(
      (client, goal) =>
        client.updateMeasurement({
          goalId: goal.id,
          measurementId: c.id,
          ifMatch: goal.version,
          body: {
            value,
            measured_at: measuredAt,
            source: c.source.trim() || null,
            note: c.note.trim() || null,
          },
        }),
      'measurementCorrected',
    );
  }

  async confirmRemove(): Promise<void> {
    const id = this.#removing;
    if (!id) return;
    await this.#write(
      (client, goal) =>
        client.deleteMeasurement({ goalId: goal.id, measurementId: id, ifMatch: goal.version }),
      'measurementRemoved',
    );
  }

  render(metricId: string): TemplateResult | typeof nothing {
    const o = this.#o;
    const metric = o.goal()?.metrics.find((m) => m.id === metricId);
    if (!metric) return nothing;
    const fmt = o.fmt();
    const ro = o.readOnly();
    const rows = [...metric.measurements].reverse();
    const heading = fillText(EDITOR_TEXT.historyHeading, { metric: metric.name });
    const dateOf = (m: Measurement) => fmt.date(m.measured_at.slice(0, 10));
    const given = (v: string | null) => (v ? v : EDITOR_TEXT.notGiven);
    const row = (m: Measurement): TemplateResult => {
      const c = this.#editing;
      const date = dateOf(m);
      if (c && c.id === m.id) {
        const set = (k: 'value' | 'date' | 'source' | 'note') => (e: Event) => {
          c[k] = (e.target as HTMLInputElement).value;
          this.#update();
        };
        // Enter saves and Escape cancels, from any field of the row.
        const keys = (e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void this.saveCorrection();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            this.#back(m.id ?? '', 'correct');
          }
        };
        return html`<tr class="correcting" @keydown=${keys}>
          <td><input id="h-date" type="date" aria-label=${EDITOR_TEXT.columnDate} .value=${c.date} @input=${set('date')} /></td>
          <td><input id="h-value" inputmode="decimal" autocomplete="off" aria-label=${EDITOR_TEXT.columnValue} .value=${c.value} @input=${set('value')} /></td>
          <td><input id="h-source" autocomplete="off" aria-label=${EDITOR_TEXT.columnSource} .value=${c.source} @input=${set('source')} /></td>
          <td><input id="h-note" autocomplete="off" aria-label=${EDITOR_TEXT.columnNote} .value=${c.note} @input=${set('note')} /></td>
          <td class="row-actions">
            <button type="button" class="save-correction" ?disabled=${this.#busy} @click=${() => void this.saveCorrection()}>${this.#busy ? EDITOR_TEXT.savingCorrection : EDITOR_TEXT.saveCorrection}</button>
            <button type="button" class="cancel-correction" @click=${() => this.#back(m.id ?? '', 'correct')}>${EDITOR_TEXT.cancelCorrection}</button>
          </td>
        </tr>`;
      }
      return html`<tr>
        <td>${date}</td>
        <td class="num">${fmt.metric(m.value, metric.unit)}</td>
        <td>${given(m.source)}</td>
        <td class="note">${given(m.note)}</td>
        <td class="row-actions">${
          ro || !m.id
            ? EDITOR_TEXT.notGiven
            : html`<button type="button" class="correct-measurement" data-id=${m.id} aria-label=${fillText(EDITOR_TEXT.correctLabel, { date })} @click=${() => this.startCorrection(m)}>${EDITOR_TEXT.correct}</button>
                <button type="button" class="danger remove-measurement" data-id=${m.id} aria-label=${fillText(EDITOR_TEXT.removeLabel, { date })} @click=${() => this.askRemove(m)}>${EDITOR_TEXT.remove}</button>`
        }</td>
      </tr>`;
    };
    const removing = rows.find((m) => m.id === this.#removing);
    return html`<section class="history" part="measurement-history" aria-labelledby="history-heading">
      <h4 id="history-heading">${heading}</h4>
      ${this.#error ? html`<div class="notice danger" part="notice" role="alert">${icon('danger')}<span>${this.#error}</span></div>` : nothing}
      ${
        removing
          ? html`<div class="panel confirm-delete confirm-remove" role="alertdialog" aria-labelledby="remove-q" aria-describedby="remove-d">
              <p id="remove-q"><strong>${fillText(EDITOR_TEXT.removeQuestion, { value: fmt.metric(removing.value, metric.unit), date: dateOf(removing) })}</strong></p>
              <p id="remove-d">${EDITOR_TEXT.removeDetail}</p>
              <div class="actions">
                <button type="button" class="keep-measurement" @click=${() => this.#back(removing.id ?? '', 'remove')}>${EDITOR_TEXT.keepMeasurement}</button>
                <button type="button" class="danger confirm-remove-button" ?disabled=${this.#busy} @click=${() => void this.confirmRemove()}>${this.#busy ? EDITOR_TEXT.removing : EDITOR_TEXT.confirmRemove}</button>
              </div>
            </div>`
          : nothing
      }
      ${
        rows.length === 0
          ? html`<p class="muted">${EDITOR_TEXT.historyEmpty}</p>`
          : html`<div class="table-wrap"><table>
              <thead><tr>
                <th scope="col">${EDITOR_TEXT.columnDate}</th>
                <th scope="col">${EDITOR_TEXT.columnValue}</th>
                <th scope="col">${EDITOR_TEXT.columnSource}</th>
                <th scope="col">${EDITOR_TEXT.columnNote}</th>
                <th scope="col">${EDITOR_TEXT.columnActions}</th>
              </tr></thead>
              <tbody>${rows.map(row)}</tbody>
            </table></div>`
      }
    </section>`;
  }
}
