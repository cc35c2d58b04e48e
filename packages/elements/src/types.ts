import type { components } from '@cscx/success-sdk';

// Short names for the wire shapes of openapi.yaml that the elements render. Types only: the SDK
// validates bodies once on arrival, so elements never re-validate per render.
type Schemas = components['schemas'];

export type Customer = Schemas['Customer'];
export type CustomerSuccessMetrics = Schemas['CustomerSuccessMetrics'];
export type AccountSuccessMetrics = Schemas['AccountSuccessMetrics'];
export type SuccessMetrics = Schemas['SuccessMetrics'];
export type SuccessGoal = Schemas['SuccessGoal'];
export type SuccessMetric = Schemas['SuccessMetric'];
export type GoalStatus = Schemas['GoalStatus'];
export type MetricStatus = Schemas['MetricStatus'];
export type ValueDelivered = Schemas['ValueDelivered'];
/** Named apart from the `SuccessScore` element class. */
export type SuccessScoreData = Schemas['SuccessScore'];
export type SuccessBand = Schemas['SuccessBand'];
export type Milestone = Schemas['Milestone'];
export type GoalTemplate = Schemas['GoalTemplate'];
export type Measurement = Schemas['Measurement'];
export type CustomerSuccessSummary = Schemas['CustomerSuccessSummary'];
export type AchievedMilestone = Schemas['AchievedMilestone'];
export type MilestoneStatus = Schemas['MilestoneStatus'];
export type Benchmarks = Schemas['Benchmarks'];
export type BenchmarkRow = Schemas['BenchmarkRow'];
export type GoalRecommendations = Schemas['GoalRecommendations'];
export type Recommendation = Schemas['Recommendation'];
export type ProgressTrend = Schemas['ProgressTrend'];
export type ReportFormat = Schemas['ReportFormat'];
export type Problem = Schemas['Problem'];
export type CustomerHealth = Schemas['CustomerHealth'];
export type HealthBand = Schemas['HealthBand'];
export type HealthComponent = Schemas['HealthComponent'];
export type HealthHistoryPoint = Schemas['HealthHistoryPoint'];
/** Named apart from calc's `HealthTrigger`: the wire shape, with its cause in words. */
export type HealthTriggerData = Schemas['HealthTrigger'];
export type CustomerKpis = Schemas['CustomerKpis'];
export type Kpi = Schemas['Kpi'];
export type KpiValues = Schemas['KpiValues'];
export type KpiRating = Schemas['KpiRating'];
export type KpiTrend = Schemas['KpiTrend'];
export type Alert = Schemas['Alert'];
export type AlertList = Schemas['AlertList'];
export type AlertType = Schemas['AlertType'];
export type AlertState = Schemas['AlertState'];
export type Explanation = Schemas['Explanation'];
/** `explanations` of a response (`explain: true`), keyed by JSON Pointer (RFC 6901). */
export type Explanations = Readonly<Record<string, Explanation>>;
