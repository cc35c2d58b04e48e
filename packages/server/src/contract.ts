// The wire contract as code, from @cscx/success-sdk (generated from openapi.yaml): the request
// schemas the server validates bodies with, and the response types it must produce.
import type { components } from '@cscx/success-sdk';

export { schemas } from '@cscx/success-sdk';

type S = components['schemas'];
export type Customer = S['Customer'];
export type CustomerList = S['CustomerList'];
export type SuccessGoal = S['SuccessGoal'];
export type SuccessMetric = S['SuccessMetric'];
export type Measurement = S['Measurement'];
export type MetricTrend = S['MetricTrend'];
export type ValueDriver = S['ValueDriver'];
export type Recommendation = S['Recommendation'];
export type Milestone = S['Milestone'];
export type MilestoneList = S['MilestoneList'];
export type Alert = S['Alert'];
export type AlertList = S['AlertList'];
export type ProgressTrend = S['ProgressTrend'];
export type SuccessScore = S['SuccessScore'];
export type GoalCounts = S['GoalCounts'];
export type ValueDelivered = S['ValueDelivered'];
export type SuccessMetrics = S['SuccessMetrics'];
export type CustomerSuccessMetrics = S['CustomerSuccessMetrics'];
export type Explanation = S['Explanation'];
export type CustomerSuccessSummary = S['CustomerSuccessSummary'];
export type AtRiskGoal = S['AtRiskGoal'];
export type AtRiskGoalList = S['AtRiskGoalList'];
export type PortfolioSuccess = S['PortfolioSuccess'];
export type PortfolioSuccessMetrics = S['PortfolioSuccessMetrics'];
export type ValueCategory = S['ValueCategory'];
export type ValueSummary = S['ValueSummary'];
export type Benchmarks = S['Benchmarks'];
export type BenchmarkRow = S['BenchmarkRow'];
export type GoalRecommendations = S['GoalRecommendations'];
export type AccountSuccessMetrics = S['AccountSuccessMetrics'];
export type MeasurementResult = S['MeasurementResult'];
export type Problem = S['Problem'];
export type ProblemFieldError = S['ProblemFieldError'];
export type EmbedToken = S['EmbedToken'];

export type SuccessGoalCreate = S['SuccessGoalCreate'];
export type SuccessGoalFlatCreate = S['SuccessGoalFlatCreate'];
export type SuccessGoalReplace = S['SuccessGoalReplace'];
export type SuccessGoalFlatReplace = S['SuccessGoalFlatReplace'];
export type MetricInput = S['MetricInput'];
export type MetricReplace = S['MetricReplace'];
export type ValueDriverInput = S['ValueDriverInput'];
export type MeasurementInput = S['MeasurementInput'];
export type MilestoneInput = S['MilestoneInput'];
export type MilestoneUpdate = S['MilestoneUpdate'];
export type AccountGoalInput = S['AccountGoalInput'];
export type ReportRequest = S['ReportRequest'];

export type Segment = S['Segment'];
export type GoalCategory = S['GoalCategory'];
export type GoalStatus = S['GoalStatus'];
export type Direction = S['Direction'];
export type Frequency = S['Frequency'];
export type ValueDriverType = S['ValueDriverType'];
export type Confidence = S['Confidence'];
export type AlertType = S['AlertType'];
export type ReportSection = S['ReportSection'];
