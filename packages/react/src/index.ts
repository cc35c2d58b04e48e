'use client';
/**
 * @cscx/success-react: the CSCX Success Kit's web components as React components, made with
 * @lit/react. Props are the elements' properties (`customerId`, `baseUrl`, `data`, `client`, ...,
 * objects included); every `success-*` event an element fires is an `onSuccess…` prop whose
 * handler receives the typed `CustomEvent`.
 *
 * Each wrapper lives in its own module, which imports only its own element's define module: a
 * bundler keeps the wrappers an app uses (and, with them, their elements) and drops the rest.
 *
 * @example
 * import { SuccessOverview, SuccessProvider } from '@cscx/success-react';
 *
 * <SuccessProvider baseUrl="https://api.example.com" token={token}>
 *   <SuccessOverview customerId="cus_acme" onSuccessGoalSelect={(e) => open(e.detail.goalId)} />
 * </SuccessProvider>
 *
 * @packageDocumentation
 */
export { GoalEditor, type GoalEditorProps } from './goal-editor.js';
export { GoalProgress, type GoalProgressProps } from './goal-progress.js';
export { SuccessAlerts, type SuccessAlertsProps } from './success-alerts.js';
export { SuccessBenchmarks, type SuccessBenchmarksProps } from './success-benchmarks.js';
export { SuccessGoalsTable, type SuccessGoalsTableProps } from './success-goals-table.js';
export { SuccessHealth, type SuccessHealthProps } from './success-health.js';
export { SuccessKpis, type SuccessKpisProps } from './success-kpis.js';
export { SuccessMilestones, type SuccessMilestonesProps } from './success-milestones.js';
export { SuccessOverview, type SuccessOverviewProps } from './success-overview.js';
export { SuccessPortfolio, type SuccessPortfolioProps } from './success-portfolio.js';
export { SuccessProvider, type SuccessProviderProps } from './success-provider.js';
export { SuccessScore, type SuccessScoreProps } from './success-score.js';
export { SuccessTrendChart, type SuccessTrendChartProps } from './success-trend-chart.js';
export { SuccessValue, type SuccessValueProps } from './success-value.js';
export type {
  DisplayOptions,
  EventMap,
  SuccessEventType,
  Wrapper,
  WrapperProps,
} from './wrapper.js';
