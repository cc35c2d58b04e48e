import { defineMessages } from '@cscx/success-calc/i18n';
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { DataController } from '../data-controller.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderError, renderSkeleton, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Alert, AlertList } from '../types.js';

const loadView = () => import('./alerts-view.js');

// The shell's own strings; the view's are in alerts-view.ts and arrive with it.
export const ALERTS_SHELL_MESSAGES = defineMessages('elements.alerts-shell', {
  heading: 'Alerts',
  loading: 'Loading alerts…',
  viewFailed: 'The alerts could not be shown.',
});
const T = localized(ALERTS_SHELL_MESSAGES);

/** The most alerts one fetch asks for: the newest page. */
export const ALERTS_PAGE = 50;

// The writes of a goal editor that may raise an alert: after one, the list is fetched again.
const RAISING = ['success-goal-saved', 'success-measurement-recorded', 'success-milestone-saved'];

/**
 * @summary A customer's (or the whole portfolio's) alerts, newest first: what happened and its
 * cause, when, and whether someone acknowledged it, with Acknowledge and Dismiss.
 *
 * @description Given `.data` (an AlertList of openapi.yaml) it renders that, with no network
 * and no actions; inside a `<success-provider>` it fetches the alerts still to act on
 * (`listAlerts`: open and acknowledged ones) of `customer-id`, or of every customer the token
 * sees when `customer-id` is not set. Each open alert has Acknowledge and Dismiss buttons, an
 * acknowledged one Dismiss; they call `acknowledgeAlert` and `dismissAlert` through the
 * provider's client with the alert's version as `If-Match`. A dismissed alert leaves the list
 * and the focus moves to the next one (or the list); each change is announced in a live region.
 * A read-only token (the list's `can_change` false, or a write refused with 403), the
 * `readonly` attribute, or data given without a provider shows no buttons. The list is fetched
 * again after a goal editor on the page saves (the writes that raise alerts) and, with
 * `refresh-interval`, every that many seconds, without a banner. An alert that changed since it
 * was read (412) is reloaded with a note. Every text from the data is rendered as text. The
 * view (and its styles) loads with a dynamic import the first time alerts are shown;
 * `updateComplete` waits for it.
 *
 * @csspart base - The wrapper of every state.
 * @csspart list - The list of alerts.
 * @csspart alert - One alert.
 * @csspart status - An alert's kind badge (icon and words).
 * @csspart actions - An alert's buttons.
 * @csspart state - Loading, empty and error states.
 * @csspart notice - The stale and partial notices, and the note after a refused change.
 *
 * @cssprop [--success-alerts-max-height=none] - The list's height before it scrolls.
 *
 * @event {CustomEvent<SuccessAlertChangeDetail>} success-alert-acknowledged - An alert was acknowledged.
 * @event {CustomEvent<SuccessAlertChangeDetail>} success-alert-dismissed - An alert was dismissed.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessAlerts extends SuccessElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    stateStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  static override properties = {
    customerId: { attribute: 'customer-id' },
    data: { attribute: false },
    heading: {},
    readonly: { type: Boolean, reflect: true },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
  };

  /** The customer whose alerts to fetch (inside a provider); unset: every customer in scope. */
  declare customerId: string | undefined;

  /** The alerts as data (`listAlerts`'s answer). When set, nothing is fetched. */
  declare data: AlertList | undefined;

  /** The heading text; empty for none; unset: "Alerts" in the element's language. */
  declare heading: string | undefined;

  /** No Acknowledge or Dismiss buttons, whatever the token may do. */
  declare readonly: boolean;

  /** Seconds between quiet refetches (provider mode); unset or 0: only on the page's writes. */
  declare refreshInterval: number | undefined;

  /** The alerts shown: given as `.data`, or fetched through the provider (value, error, loading). */
  readonly alerts = new DataController<AlertList>(this, {
    data: () => this.data,
    key: () => (this.customerId ? `customer:${this.customerId}` : 'portfolio'),
    fetch: (client, key, signal) =>
      client.listAlerts(
        key.startsWith('customer:')
          ? { customer_id: key.slice('customer:'.length), limit: ALERTS_PAGE }
          : { limit: ALERTS_PAGE },
        { signal },
      ),
  });

  /**
   * Alerts changed here, by id: shown in place of the fetched copy while that one is older (a
   * lower version), so a refetch that started before the change never brings it back.
   * @internal
   */
  readonly changed = new Map<string, Alert>();

  /** A write was refused as forbidden: the token is read-only. */
  #forbidden = false;

  /** True while a refresh runs that shows no banner (a poll, a write elsewhere on the page). */
  #quiet = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  readonly #view = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.AlertsView(this),
    styles: (m) => [m.alertsViewStyles],
  });

  constructor() {
    super();
    this.readonly = false;
  }

  /** Whether Acknowledge and Dismiss are offered. @internal */
  get canChange(): boolean {
    const list = this.alerts.value;
    return (
      !this.readonly &&
      !this.#forbidden &&
      this.data === undefined &&
      this.alerts.client !== undefined &&
      list?.can_change !== false
    );
  }

  /** The API refused a change as forbidden (403): no more buttons. @internal */
  markReadOnly(): void {
    this.#forbidden = true;
    this.requestUpdate();
  }

  /** The alerts to show: the fetched ones with the changes made here, dismissed ones left out. @internal */
  shown(list: AlertList): Alert[] {
    const out: Alert[] = [];
    for (const a of list.items) {
      const mine = this.changed.get(a.id);
      const alert = mine && mine.version > a.version ? mine : a;
      if (alert.state !== 'dismissed') out.push(alert);
    }
    return out;
  }

  /** Fetches again (provider mode); the current alerts stay on screen meanwhile. */
  refresh(): Promise<void> {
    return this.alerts.refresh();
  }

  /** A refetch with no "refreshing" banner: new alerts simply appear. @internal */
  quietRefresh(): Promise<void> {
    if (this.alerts.pending) return this.alerts.settled;
    this.#quiet = true;
    return this.alerts.refresh().finally(() => {
      this.#quiet = false;
    });
  }

  readonly #onWrite = () => void this.quietRefresh();

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of RAISING) document.addEventListener(type, this.#onWrite);
    this.#schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of RAISING) document.removeEventListener(type, this.#onWrite);
    this.#stopTimer();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('refreshInterval')) this.#schedule();
  }

  #schedule(): void {
    this.#stopTimer();
    const seconds = Number(this.refreshInterval);
    if (!this.isConnected || !Number.isFinite(seconds) || seconds <= 0) return;
    // At most once a second: a typo of 0.01 does not hammer the API.
    this.#timer = setInterval(() => void this.quietRefresh(), Math.max(seconds, 1) * 1000);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  // A caller awaiting `updateComplete` sees the alerts view, not the moment before it arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
  }

  protected override render(): TemplateResult {
    const heading = this.heading ?? T.heading;
    const a = this.alerts;
    const skeleton = () => renderSkeleton(T.loading, 3);
    return html`<div part="base">
      ${heading ? html`<h3>${heading}</h3>` : ''}
      ${
        a.value !== undefined && a.stale && a.pending && this.#quiet
          ? this.#renderAlerts(a.value)
          : a.render((list) => this.#renderAlerts(list), { skeleton })
      }
    </div>`;
  }

  #renderAlerts(list: AlertList): unknown {
    return this.#view.render((view) => view.render(list), {
      loading: () => renderSkeleton(T.loading, 3),
      failed: (retry) => renderError({ title: T.viewFailed, onRetry: retry }),
    });
  }
}
