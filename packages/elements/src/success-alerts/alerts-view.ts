import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing, type TemplateResult } from 'lit';
import { apiErrorStatus, describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { localized } from '../localize.js';
import { fillText, renderEmpty, renderNotice, statusBadge, type Tone } from '../states.js';
import type { Alert, AlertList, AlertType } from '../types.js';
import type { SuccessAlerts } from './success-alerts.js';

export { alertsViewStyles } from './success-alerts.styles.js';

/** The UI strings of the alerts view (the alerts' own titles and causes come from the API). */
export const ALERTS_MESSAGES = defineMessages('elements.alerts', {
  empty: 'No alerts to act on.',
  partial: 'Showing the {count} newest alerts; older ones are not listed.',
  listLabel: 'Alerts, newest first',
  goal_achieved: 'Goal achieved',
  goal_at_risk: 'Goal at risk',
  milestone_achieved: 'Milestone achieved',
  health_score_drop: 'Health score drop',
  health_entered_at_risk: 'Health at risk',
  health_entered_critical: 'Health critical',
  health_consecutive_decline: 'Health declining',
  raised: 'Raised {time}',
  customer: 'Customer: {name}',
  acknowledgedBy: 'Acknowledged by {who}, {time}',
  acknowledge: 'Acknowledge',
  dismiss: 'Dismiss',
  acknowledgeLabel: 'Acknowledge: {title}',
  dismissLabel: 'Dismiss: {title}',
  acknowledged: 'Alert acknowledged: {title}',
  dismissed: 'Alert dismissed: {title}',
  stale:
    'This alert changed since it was loaded, so nothing was changed. The list shows it as it is now.',
  gone: 'This alert no longer exists. The list was reloaded.',
  readOnly: 'This token is read-only: alerts cannot be acknowledged or dismissed.',
  failed: 'The alert could not be changed: {reason}',
});
/** {@link ALERTS_MESSAGES} in the locale of the element being rendered. */
export const ALERTS_TEXT = localized(ALERTS_MESSAGES);

const T = ALERTS_TEXT;

// What <success-alerts> shows once it has data, with its styles and its two actions: loaded
// with a dynamic import the first time alerts are shown, so the initial bundle never carries it.

/**
 * The API's words as shown: a hyphen between digits (a date, "2026-04-30") becomes the
 * non-breaking hyphen U+2011, which reads and looks the same, so a date never splits over two
 * lines. Still text: nothing in it is parsed as markup.
 *
 * @example
 * shownText('45 on 2026-04-30'); // '45 on 2026‑04‑30'
 */
export function shownText(text: string): string {
  return text.replace(/(?<=\d)-(?=\d)/g, '\u2011');
}

/** An alert kind's look: the tone carries the colour, the words carry the meaning. */
export const ALERT_TONE: Record<AlertType, Tone> = {
  goal_achieved: 'success',
  milestone_achieved: 'success',
  goal_at_risk: 'warning',
  health_score_drop: 'warning',
  health_entered_at_risk: 'warning',
  health_consecutive_decline: 'warning',
  health_entered_critical: 'danger',
};

type Action = 'acknowledge' | 'dismiss';

/** The view of one `<success-alerts>`: the rows, the buttons, the live region. */
export class AlertsView {
  readonly #host: SuccessAlerts;
  /** Alerts with a request under way: their buttons are disabled until it settles. */
  readonly #busy = new Set<string>();
  /** The last announcement (the live region's text). */
  #announcement = '';
  /** A note above the list after a refused change (stale, gone, read-only, failed). */
  #note: string | undefined;

  constructor(host: SuccessAlerts) {
    this.#host = host;
  }

  render(list: AlertList): TemplateResult {
    const alerts = this.#host.shown(list);
    const canChange = this.#host.canChange;
    return html`<div class="alerts">
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcement}</p>
      ${this.#note ? renderNotice(this.#note, 'warning') : nothing}
      ${
        alerts.length === 0
          ? html`<div class="empty-focus" tabindex="-1">${renderEmpty({ message: T.empty })}</div>`
          : html`${list.next_cursor ? renderNotice(fillText(T.partial, { count: list.items.length }), 'info') : nothing}
            <ul class="list" part="list" role="list" aria-label=${T.listLabel}>
              ${alerts.map((a) => this.#row(a, canChange))}
            </ul>`
      }
    </div>`;
  }

  #row(a: Alert, canChange: boolean): TemplateResult {
    const fmt = this.#host.fmt;
    const busy = this.#busy.has(a.id);
    const titleId = `alert-${a.id}`;
    return html`<li class="alert tone-${ALERT_TONE[a.type] ?? 'neutral'} state-${a.state}" part="alert" data-alert=${a.id} aria-labelledby=${titleId} tabindex="-1">
      <p class="kind">${statusBadge(ALERT_TONE[a.type] ?? 'neutral', T[a.type] ?? a.type)}
        <span class="when muted">${fillText(T.raised, { time: fmt.date(a.created_at) })}</span>
      </p>
      <p class="title" id=${titleId}>${shownText(a.title)}</p>
      <p class="cause">${shownText(a.cause)}</p>
      ${this.#host.customerId ? nothing : html`<p class="customer muted">${fillText(T.customer, { name: a.customer_name })}</p>`}
      ${
        a.state === 'acknowledged'
          ? html`<p class="acked muted">${fillText(T.acknowledgedBy, {
              who: a.acknowledged_by ?? '',
              time: a.acknowledged_at ? fmt.date(a.acknowledged_at) : '',
            })}</p>`
          : nothing
      }
      ${
        canChange
          ? html`<div class="actions" part="actions">
              ${
                a.state === 'open'
                  ? html`<button type="button" data-action="acknowledge" ?disabled=${busy}
                      aria-label=${fillText(T.acknowledgeLabel, { title: a.title })}
                      @click=${() => void this.act(a, 'acknowledge')}>${T.acknowledge}</button>`
                  : nothing
              }
              <button type="button" data-action="dismiss" ?disabled=${busy}
                aria-label=${fillText(T.dismissLabel, { title: a.title })}
                @click=${() => void this.act(a, 'dismiss')}>${T.dismiss}</button>
            </div>`
          : nothing
      }
    </li>`;
  }

  /**
   * Acknowledges or dismisses `a` under If-Match with the version on screen. The change shows at
   * once from the answer; a dismissed alert leaves the list and the focus moves to the alert
   * after it (or before it, or the list). A refusal is said in a note and the list reloaded.
   */
  async act(a: Alert, action: Action): Promise<void> {
    const host = this.#host;
    const client = host.alerts.client;
    if (!client || this.#busy.has(a.id)) return;
    this.#busy.add(a.id);
    this.#note = undefined;
    host.requestUpdate();
    // The row to focus if this one goes: chosen now, from the list as the user sees it.
    const list = host.alerts.value;
    const rows = list ? host.shown(list) : [];
    const at = rows.findIndex((x) => x.id === a.id);
    const next = rows[at + 1] ?? rows[at - 1];
    try {
      const input = { alertId: a.id, ifMatch: a.version };
      const changed =
        action === 'acknowledge'
          ? await client.acknowledgeAlert(input)
          : await client.dismissAlert(input);
      host.changed.set(changed.id, changed);
      this.#announcement = host.localize(() =>
        fillText(action === 'acknowledge' ? T.acknowledged : T.dismissed, { title: changed.title }),
      );
      emit(
        host,
        action === 'acknowledge' ? 'success-alert-acknowledged' : 'success-alert-dismissed',
        { alert: changed },
      );
      this.#busy.delete(a.id);
      await this.#rendered();
      if (changed.state === 'dismissed') this.#focusAfter(next);
      else this.#focus(`[data-alert="${CSS.escape(a.id)}"] [data-action="dismiss"]`);
    } catch (error) {
      this.#busy.delete(a.id);
      const status = apiErrorStatus(error);
      this.#note = host.localize(() => {
        if (status === 412) return T.stale;
        if (status === 404) return T.gone;
        if (status === 403) return T.readOnly;
        return fillText(T.failed, { reason: describeError(error).title });
      });
      if (status === 403) host.markReadOnly();
      this.#announcement = this.#note;
      host.requestUpdate();
      if (status === 412 || status === 404) await host.refresh();
      await this.#rendered();
      // The focus stays where the user was, or the list when the row is gone.
      if (!this.#focus(`[data-alert="${CSS.escape(a.id)}"] button`)) this.#focusAfter(next);
    }
  }

  async #rendered(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
  }

  #focusAfter(next: Alert | undefined): void {
    if (next && this.#focus(`[data-alert="${CSS.escape(next.id)}"] button`)) return;
    if (next && this.#focus(`[data-alert="${CSS.escape(next.id)}"]`)) return;
    this.#focus('.empty-focus') || this.#focus('[part="list"] [part="alert"]');
  }

  #focus(selector: string): boolean {
    const el = this.#host.renderRoot.querySelector<HTMLElement>(selector);
    if (!el) return false;
    el.focus();
    return true;
  }
}
