/**
 * @cscx/success-elements: the success dashboard of PRD-165 and PRD-069 as Lit web components.
 *
 * Importing this module defines nothing: import `@cscx/success-elements/define/<tag>.js` for
 * each element a page uses (or all of them), which registers the tag.
 *
 * @packageDocumentation
 */

export type { Message, Translation } from '@cscx/success-calc/i18n';
export {
  clientContext,
  currencyContext,
  localeContext,
  type SuccessTheme,
  themeContext,
  toTheme,
} from './context.js';
export {
  DataController,
  type DataControllerOptions,
  type DataStatus,
  describeError,
  type ErrorDescription,
} from './data-controller.js';
export * from './events.js';
export { createFormat, DEFAULT_CURRENCY, type Format, MISSING_VALUE } from './format.js';
export { GoalEditor } from './goal-editor/goal-editor.js';
export { GoalProgress } from './goal-progress/goal-progress.js';
export { registerTranslation, whenLocaleReady } from './localize.js';
export { lazyClient } from './provider/lazy-client.js';
export { SuccessProvider } from './provider/success-provider.js';
export { type IssuedToken, TokenError, type TokenFailure } from './provider/token-source.js';
export * from './states.js';
export {
  baseStyles,
  type ColorToken,
  colorTokens,
  darkColors,
  lightColors,
  readColors,
  tokenStyles,
} from './styles/tokens.js';
export { SuccessAlerts } from './success-alerts/success-alerts.js';
export { SuccessBenchmarks } from './success-benchmarks/success-benchmarks.js';
export { SuccessElement } from './success-element.js';
export { SuccessGoalsTable } from './success-goals-table/success-goals-table.js';
export { SuccessHealth } from './success-health/success-health.js';
export { SuccessKpis } from './success-kpis/success-kpis.js';
export { type MilestoneItem, SuccessMilestones } from './success-milestones/success-milestones.js';
export { SuccessOverview } from './success-overview/success-overview.js';
export { SuccessPortfolio } from './success-portfolio/success-portfolio.js';
export { SuccessScore } from './success-score/success-score.js';
export {
  type ExpectedPace,
  loadChartRuntime,
  SuccessTrendChart,
} from './success-trend-chart/success-trend-chart.js';
export { SuccessValue, UNPRICED_HOURS_NOTE } from './success-value/success-value.js';
export type * from './types.js';
