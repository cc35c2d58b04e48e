import { defineMessages } from '@cscx/success-calc/i18n';
import { css, html, type TemplateResult } from 'lit';
import { DataController } from '../data-controller.js';
import { ExplainController, explainStyles } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderError, renderSkeleton, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { CustomerKpis } from '../types.js';

const loadView = () => import('./kpis-view.js');

// The shell's own strings; the view's are in kpis-view.ts and arrive with it.
export const KPIS_SHELL_MESSAGES = defineMessages('elements.kpis-shell', {
  heading: 'Customer KPIs',
  loading: 'Loading customer KPIs…',
  viewFailed: 'The KPI view could not be shown.',
});
const T = localized(KPIS_SHELL_MESSAGES);

// The fetch key: the customer and the month, apart (a month never contains a newline).
const SEP = '\n';

/**
 * @summary A customer's retention and service KPIs (seeds 002 and 003) as tiles: each value in
 * its unit, its rating against the seeds' thresholds in words and colour, its trend from the
 * previous month and the thresholds it was rated against.
 *
 * @description Given `.data` (a CustomerKpis of openapi.yaml) it renders that, with no network;
 * given `customer-id` (and optionally `period`, `YYYY-MM`) inside a `<success-provider>` it
 * fetches it with `getCustomerKpis`. Each measured KPI has a "How is this computed?" disclosure
 * from its explanation; a KPI without a value reads "Not measured" with the API's reason, and a
 * month with some KPIs unmeasured says so. Without any observation the API's note is shown. The
 * element only reads: it offers no edit, whatever the token's role. Every text from the data is
 * rendered as text. The view (and its styles) loads with a dynamic import the first time KPIs
 * are shown; `updateComplete` waits for it.
 *
 * @csspart base - The wrapper of every state.
 * @csspart group - A group of tiles (retention, satisfaction, service) with its heading.
 * @csspart tile - One KPI's tile.
 * @csspart value - A tile's value, or "Not measured".
 * @csspart status - A tile's rating badge (icon and words).
 * @csspart state - Loading, empty and error states.
 * @csspart notice - The stale and partial notices.
 * @csspart explain-button - A KPI's "How is this computed?" button.
 * @csspart explain-panel - The explanation it reveals.
 *
 * @cssprop [--success-kpis-tile-width=13rem] - The narrowest a tile gets before the grid wraps.
 *
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessKpis extends SuccessElement {
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
    period: {},
    data: { attribute: false },
    heading: {},
  };

  /** The customer to fetch the KPIs of (inside a provider). */
  declare customerId: string | undefined;

  /** The month to fetch, `YYYY-MM`; unset: the latest month with an observation. */
  declare period: string | undefined;

  /** The KPIs as data (`getCustomerKpis`'s answer). When set, nothing is fetched. */
  declare data: CustomerKpis | undefined;

  /** The heading text; empty for none; unset: "Customer KPIs" in the element's language. */
  declare heading: string | undefined;

  /** The disclosures of the KPI view (explain/explain.ts). @internal */
  readonly explain = new ExplainController(this, (v) => this.fmt.number(v));

  /** The KPIs shown: given as `.data`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly kpis = new DataController<CustomerKpis>(this, {
    data: () => this.data,
    key: () => (this.customerId ? `${this.customerId}${SEP}${this.period ?? ''}` : undefined),
    fetch: (client, key, signal) => {
      const [customerId = '', period = ''] = key.split(SEP);
      return client.getCustomerKpis(period ? { customerId, period } : { customerId }, { signal });
    },
  });

  readonly #view = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.KpisView(this),
    styles: (m) => [m.kpisViewStyles],
  });

  /** Fetches again (provider mode); the current KPIs stay on screen meanwhile. */
  refresh(): Promise<void> {
    return this.kpis.refresh();
  }

  // A caller awaiting `updateComplete` sees the KPI view, not the moment before it arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
  }

  protected override render(): TemplateResult {
    return html`<div part="base">
      ${(this.heading ?? T.heading) ? html`<h3>${this.heading ?? T.heading}</h3>` : ''}
      ${this.kpis.render((k) => this.#renderKpis(k), {
        skeleton: () => renderSkeleton(T.loading, 6),
      })}
    </div>`;
  }

  #renderKpis(k: CustomerKpis): unknown {
    return this.#view.render((view) => view.render(k), {
      loading: () => renderSkeleton(T.loading, 6),
      failed: (retry) => renderError({ title: T.viewFailed, onRetry: retry }),
    });
  }
}
