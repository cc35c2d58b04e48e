import { defineMessages } from '@cscx/success-calc/i18n';
import { css, html, type TemplateResult } from 'lit';
import { DataController } from '../data-controller.js';
import { ExplainController, explainStyles } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderError, renderSkeleton, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { CustomerHealth } from '../types.js';

const loadView = () => import('./health-view.js');

// The shell's own strings; the view's are in health-view.ts and arrive with it.
export const HEALTH_SHELL_MESSAGES = defineMessages('elements.health-shell', {
  heading: 'Customer health',
  loading: 'Loading customer health…',
  viewFailed: 'The health view could not be shown.',
});
const T = localized(HEALTH_SHELL_MESSAGES);

/**
 * @summary A customer's health (seed 002): the score as a gauge in the band's colour with the
 * band in words, the four components with their weights and sources, the history and the
 * active triggers with their dates and scores.
 *
 * @description Given `.data` (a CustomerHealth of openapi.yaml) it renders that, with no
 * network; given `customer-id` inside a `<success-provider>` it fetches it with
 * `getCustomerHealth`. The score (with its band), a derived business outcomes score and each
 * active trigger have a "How is this computed?" disclosure from the API's `explanations`.
 * Without any observation the API's note is shown. Every text from the data is rendered as
 * text. The view (and its styles) loads with a dynamic import the first time health is shown;
 * `updateComplete` waits for it.
 *
 * @csspart base - The wrapper of every state.
 * @csspart meter - The score gauge (role `meter`).
 * @csspart band - The band: a swatch in its colour and its name.
 * @csspart components - The components table.
 * @csspart history - The history chart and its table.
 * @csspart triggers - The active triggers list.
 * @csspart state - Loading, empty and error states.
 * @csspart notice - The stale notice.
 * @csspart explain-button - A figure's "How is this computed?" button (only with explanations).
 * @csspart explain-panel - The explanation it reveals.
 *
 * @cssprop [--success-health-excellent=#1a7f37] - Seed 002's green, 90-100 (dark: #3fb950).
 * @cssprop [--success-health-good=#bf8700] - Seed 002's yellow, 70-89 (dark: #e3b341).
 * @cssprop [--success-health-at-risk=#bc4c00] - Seed 002's orange, 50-69 (dark: #f0883e).
 * @cssprop [--success-health-critical=#c4232e] - Seed 002's red, 0-49 (dark: #ff6b61).
 * @cssprop [--success-health-size=9rem] - Width of the gauge.
 *
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessHealth extends SuccessElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    stateStyles,
    explainStyles,
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
  };

  /** The customer to fetch the health of (inside a provider). */
  declare customerId: string | undefined;

  /** The health as data (`getCustomerHealth`'s answer). When set, nothing is fetched. */
  declare data: CustomerHealth | undefined;

  /** The heading text; empty for none; unset: "Customer health" in the element's language. */
  declare heading: string | undefined;

  /** The disclosures of the health view (explain/explain.ts). @internal */
  readonly explain = new ExplainController(this, (v) => this.fmt.number(v));

  /** The health shown: given as `.data`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly health = new DataController<CustomerHealth>(this, {
    data: () => this.data,
    key: () => this.customerId,
    fetch: (client, customerId, signal) => client.getCustomerHealth({ customerId }, { signal }),
  });

  readonly #view = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.HealthView(this),
    styles: (m) => [m.healthViewStyles],
  });

  /** Fetches again (provider mode); the current health stays on screen meanwhile. */
  refresh(): Promise<void> {
    return this.health.refresh();
  }

  // A caller awaiting `updateComplete` sees the health view, not the moment before it arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
  }

  protected override render(): TemplateResult {
    return html`<div part="base">
      ${(this.heading ?? T.heading) ? html`<h3>${this.heading ?? T.heading}</h3>` : ''}
      ${this.health.render((h) => this.#renderHealth(h), {
        skeleton: () => renderSkeleton(T.loading, 5),
      })}
    </div>`;
  }

  #renderHealth(h: CustomerHealth): unknown {
    return this.#view.render((view) => view.render(h), {
      loading: () => renderSkeleton(T.loading, 5),
      failed: (retry) => renderError({ title: T.viewFailed, onRetry: retry }),
    });
  }
}
