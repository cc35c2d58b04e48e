import type { components } from '@cscx/success-sdk';

/** The `ui://` resource of the MCP App that shows a customer's dashboard. */
export const APP_URI = 'ui://cscx-success/overview.html';

/**
 * Where a tool result carries what the view renders: the API's own body, in `_meta` so the
 * structured content and text a model reads stay as they are (and small).
 */
export const APP_DATA_KEY = 'cscx-success/overview';

/** What the view renders: `<success-overview>`'s `.data`. */
export interface AppData {
  readonly metrics: components['schemas']['CustomerSuccessMetrics'];
}

/** A tool result's `_meta` that links it to the view's data. */
export const appMeta = (metrics: AppData['metrics']): Record<string, unknown> => ({
  [APP_DATA_KEY]: { metrics } satisfies AppData,
});
