// Every word the report prints, in English, as message tables of the kit's one catalogue
// (@cscx/success-calc/i18n): the HTML, PDF and PowerPoint renderers look them up with
// `messagesFor(TABLE, input.locale)`, so one translation (locales/<tag>.ts) switches all three.
// The shared words (statuses, bands, segments, the executive summary's lines) are calc's
// vocabulary, read the same as the dashboard; calc's formula texts (FORMULAS) are calc's own.
import { type Catalogue, defineMessages, type MessageTable } from '@cscx/success-calc/i18n';
import type { KpiFigure } from '@cscx/success-calc/kpi';
import type { ReportSection } from './types.js';

/** The heading of each section, the same in every format. */
export const SECTION_MESSAGES = defineMessages('report.section', {
  overview: 'Success overview',
  rollup: 'Accounts in this group',
  goals: 'Goals',
  value: 'Value delivered',
  milestones: 'Milestones',
  benchmarks: 'Benchmarks',
  trends: 'Progress over time',
  health: 'Health and KPIs',
  recommendations: 'Recommended actions',
} satisfies Record<ReportSection, string>);

/** A recommended action's priority. */
export const PRIORITY_MESSAGES = defineMessages('report.priority', {
  immediate: 'Immediate',
  this_week: 'This week',
  this_month: 'This month',
});

/**
 * What the trend charts draw, in words (speaker notes, derivations, legends, captions and alt
 * texts): true to each format's drawing. The SVG charts (HTML, PDF) dash the target; the deck's
 * native line charts draw every series solid, the target in green, each measurement a dot placed
 * by its date.
 */
export const TREND_MESSAGES = defineMessages('report.trend', {
  chartLines: 'Each line is a metric’s recorded measurements; the dashed line is its target.',
  deckLines:
    'Each blue line is a metric’s recorded measurements, a dot per measurement placed on a date axis; the green line is its target.',
  measured: 'Measured',
  target: 'Target',
  baseline: 'Baseline',
  noMeasurements: 'No measurements in this period.',
  captionTarget: 'Target {value}',
  captionLatest: 'latest {value} ({date})',
  captionForecast: 'forecast to reach it {date}',
  altTarget: 'the target of {value}',
  altEmpty: 'Chart of {name}: no measurements in this period; {target}.',
  altOne: '1 measurement, {value} on {date}',
  altMany: '{count} measurements from {first} to {last}, going from {from} to {to}',
  altForecast: ', forecast to reach it on {date}',
  alt: 'Line chart of {name}: {span}, against {target}{forecast}.',
  sparkLabel: '{name}: {count} points, latest {latest}, target {target}',
});

/** The deck's own words: slide headings and labels the other formats do not print. */
export const DECK_MESSAGES = defineMessages('report.deck', {
  kicker: 'SUCCESS REPORT · QUARTERLY BUSINESS REVIEW',
  footer: 'Success report',
  generated: 'Generated',
  executiveSummary: 'Executive summary',
  noGoals: 'No success goals defined.',
  goalProgress: 'Progress',
  goalStatus: 'Status',
  goalValue: 'Annual value delivered',
  goalProjected: 'Projected at target',
  goalOwner: 'Owner',
  goalTarget: 'Target date',
  metric: 'Metric',
  baseline: 'Baseline',
  target: 'Target',
  current: 'Current',
  goalMetric: 'Goal / metric',
  annualValue: 'Annual value',
  valueByCategory: 'Annual value delivered by category',
  noValue: 'No value delivered yet: value counts once a goal is measured.',
  totalPerYear: 'Total value per year',
  achieved: 'Achieved',
  upcoming: 'Upcoming',
  noneAchieved: 'None in this period.',
  noneUpcoming: 'None planned.',
  noMilestones: 'No milestones in this period.',
  percentile: 'Percentile among peers',
  peerAverage: 'Peer average',
  nextSteps: 'Next steps',
  noNextSteps: 'No upcoming milestones.',
  noActions: 'No goal is at risk or missed: no action needed.',
  noCharts: 'No metrics to chart.',
  part: '{part} of {count}',
});

/**
 * The value at target's label and note: always beside, never inside, the value delivered (a goal
 * with no measurement yet delivers nothing; DESIGN.md "Value is delivered only when measured").
 */
export const PROJECTED_MESSAGES = defineMessages('report.projected', {
  label: 'Projected at target (not in total or ROI)',
  /** After an amount in a row that delivers nothing yet: "$144,000 projected at target". */
  short: 'projected at target',
  note: 'Projected at target is the value of every goal at its target, including goals with no measurement yet. Value counts as delivered only once measured, so it is not part of the total or the ROI.',
});

/** The words of a goal row's detail line. */
export const GOAL_ROW_MESSAGES = defineMessages('report.goal-row', {
  target: 'Target',
  owner: 'Owner',
  metric: 'Metric',
});

/**
 * The report's document words: cover, title, metadata, footers, the headline numbers, table
 * headers and the lines of the value, milestone and benchmark sections every format prints.
 */
export const REPORT_MESSAGES = defineMessages('report.text', {
  coverKicker: 'SUCCESS REPORT',
  generatedOn: 'Generated {date}',
  generatedLower: 'generated {date}',
  documentTitle: '{name}: success report',
  pageTitle: '{name} · Success report',
  footer: '{name} · Success report',
  page: 'Page {page} of {count}',
  subject: 'Customer success report for {name}, {period} ({periodName})',
  keywords: 'success report, QBR, {sections}',
  periodTo: 'to {date}',
  periodSpan: '{start} – {end}',
  goalsAchieved: 'Goals achieved',
  noGoalsYet: 'No goals yet',
  achievementRate: '{rate} achievement rate',
  valueDelivered: 'Value delivered',
  perYear: '{amount} per year',
  roi: 'ROI',
  vsInvestment: 'vs {amount} investment',
  successScore: 'Success score',
  scoreOutOf: '{score} / 100',
  investment: 'Investment',
  noGoals: 'No success goals defined.',
  goalMetric: 'Goal / metric',
  baseline: 'Baseline',
  target: 'Target',
  current: 'Current',
  progress: 'Progress',
  status: 'Status',
  sourceOfValue: 'Source of value',
  annualValue: 'Annual value',
  hoursSaved: 'Hours saved',
  confidence: 'Confidence',
  noValueDrivers: 'No value drivers recorded.',
  total: 'Total',
  timeSaved: 'Time saved',
  costReduction: 'Cost reduction',
  revenueImpact: 'Revenue impact',
  netReturn: 'Net return',
  unpricedHours:
    'Hours saved without an hourly rate are shown as hours and add nothing to the money total, so no value is counted twice.',
  confidenceHigh: 'High',
  confidenceMedium: 'Medium',
  confidenceLow: 'Low',
  date: 'Date',
  milestone: 'Milestone',
  achieved: 'Achieved',
  upcoming: 'Upcoming',
  noneAchieved: 'None in this period.',
  noneUpcoming: 'None planned.',
  metric: 'Metric',
  peerAverage: 'Peer average',
  percentile: 'Percentile',
  noBenchmarks: 'Benchmarks are not available.',
  comparedWith: 'Compared with {count} other customers in the {segment} segment.',
  noCharts: 'No metrics to chart.',
  noActions: 'No goal is at risk or missed: no action needed.',
  derivationTitle: 'How these numbers are computed',
  provenance:
    'Figures are computed by @cscx/success-calc from the recorded goals, measurements and value drivers. {progress} Value is annual. {roi} ({investment}). Amounts in {currency}.',
});

/**
 * The sentences of the "how these numbers are computed" lines around calc's formula texts
 * (`{formula}` places) and the API's explanations.
 */
export const DERIVATION_MESSAGES = defineMessages('report.derivation', {
  unpricedHours:
    '{hours} saved without an hourly rate are reported as hours and add no money, so nothing is counted twice.',
  projected:
    'Value at target, including goals not measured yet, is {amount}: reported apart, never in the total or ROI.',
  goalsAchieved: 'Goals achieved: {formula} {explanation}.',
  scoreNone: 'Success score: not computed ({note}).',
  scoreNoteNone: 'no goals',
  score: '{formula} Here {score} / 100, band "{band}".',
  successScore: 'Success score',
  onTrack: 'Goals on track or exceeded',
  atRisk: 'Goals at risk',
  metricProgress:
    'Metric {formula} It works for both directions (lower is better when the target is below the baseline).',
  goalProgress: '{formula} Goal {status}',
  milestones:
    '{achieved} milestones achieved in the period; {upcoming} upcoming, with their recorded status.',
  benchmarks: '{peerAverage} {percentile} {count} other customers of the {segment} segment.',
  recommendations:
    'Actions are suggested for goals at risk or missed, from the metrics furthest behind their target.',
  progress: 'progress',
  status: 'status',
  valueDelivered: 'value delivered',
  valueAtTarget: 'value at target',
  forecast: 'forecast',
  change: 'change',
  hours: 'hours',
  thisCustomer: 'this customer',
  peerAverage: 'peer average',
  percentile: 'percentile',
});

/**
 * The words of the "Health and KPIs" section. `{name}` places are filled by calc's `fillText`.
 * The band, component and trigger names are `<success-health>`'s (its HEALTH_TEXT).
 */
export const HEALTH_MESSAGES = defineMessages('report.health', {
  none: 'No health or KPI observations recorded for this customer yet.',
  noHealth: 'No health observation recorded yet.',
  noKpis: 'No KPI observation recorded yet.',
  score: 'Health score',
  scoreValue: '{score} / 100',
  asOf: 'As of {date}',
  components: 'Components',
  component: 'Component',
  componentScore: 'Score',
  weight: 'Weight',
  source: 'Source',
  derived: 'derived from goals, ROI and milestones',
  noSource: 'Not recorded',
  history: 'History',
  historyCaption: 'The latest {count} of {total} observations',
  historyAlt:
    'Bar chart of the health score: {count} observations from {first} to {last}, going from {from} to {to}.',
  date: 'Date',
  band: 'Band',
  activeTriggers: 'Active triggers',
  noTriggers: 'No active triggers.',
  triggerFrom: 'From {from} on {fromDate} to {to} on {toDate}',
  kpis: 'KPIs for {month}',
  kpisCompared: 'KPIs for {month}, trends against {previous}',
  kpi: 'KPI',
  value: 'Value',
  rating: 'Rating',
  target: 'Target',
  minimum: 'Minimum',
  benchmark: 'Benchmark',
  bestInClass: 'Best in class',
  trend: 'Trend',
  notMeasured: 'Not measured',
  trendWas: '{trend} (was {previous})',
  minutes: '{n} min',
  months: '{n} months',
  outOf: '{n} / {max}',
});

/** Seed 002's health components as `<success-health>` names them. */
export const HEALTH_COMPONENT_MESSAGES = defineMessages('report.health-component', {
  usage: 'Product usage',
  outcomes: 'Business outcomes',
  relationship: 'Relationship quality',
  growth: 'Account growth',
});

/** A trigger's name; `{points}` and `{count}` come from the segment's model. */
export const HEALTH_TRIGGER_MESSAGES = defineMessages('report.health-trigger', {
  score_drop: 'Score dropped more than {points} points',
  entered_at_risk: 'Entered at risk',
  entered_critical: 'Entered critical',
  consecutive_decline: '{count} declines in a row',
});

/** Each KPI's name, in the order of calc's KPI_FIGURES (retention, then service). */
export const KPI_MESSAGES = defineMessages('report.kpi', {
  nrr: 'Net revenue retention (NRR)',
  grr: 'Gross revenue retention (GRR)',
  monthly_churn: 'Churn rate, monthly',
  annual_churn: 'Churn rate, annual',
  clv: 'Customer lifetime value (CLV)',
  cac_payback: 'CAC payback',
  csat: 'CSAT, mean answer',
  csat_percent: 'CSAT, % satisfied',
  nps: 'Net Promoter Score (NPS)',
  ces: 'Customer effort score (CES)',
  fcr: 'First contact resolution (FCR)',
  sla_compliance: 'SLA compliance',
  aht: 'Average handle time (AHT)',
  ttr_critical: 'Time to resolution, critical',
  ttr_high: 'Time to resolution, high',
  ttr_medium: 'Time to resolution, medium',
  ttr_low: 'Time to resolution, low',
} satisfies Record<KpiFigure, string>);

/** A KPI's rating against its thresholds. */
export const KPI_RATING_MESSAGES = defineMessages('report.kpi-rating', {
  best_in_class: 'Best in class',
  on_target: 'On target',
  acceptable: 'Acceptable',
  below_minimum: 'Below minimum',
});

/** A KPI's trend against the previous month. */
export const KPI_TREND_MESSAGES = defineMessages('report.kpi-trend', {
  improving: 'Improving',
  worsening: 'Worsening',
  unchanged: 'Unchanged',
});

/**
 * A benchmark row's metric, by its wire name. English is the API's own `label`, which the report
 * prints as it is; a translation replaces it.
 */
export const BENCHMARK_MESSAGES = defineMessages('report.benchmark', {
  success_score: 'Success Score',
  achievement_rate: 'Goals Achieved',
  roi_pct: 'ROI',
});

/**
 * The words of the "Accounts in this group" section (a parent account's rollup): its table, its
 * totals and the notes under it.
 */
export const ROLLUP_MESSAGES = defineMessages('report.rollup', {
  account: 'Account',
  goalsAchieved: 'Goals achieved',
  atRisk: 'At risk',
  valueDelivered: 'Value delivered',
  successScore: 'Success score',
  roi: 'ROI',
  thisAccount: '{name} (this account)',
  groupTotal: 'Group total',
  currencyTotal: 'Total in {currency}',
  summary:
    'Accounts rolled up, this one included: {accounts}. Goals achieved: {achieved} of {total} ({rate}); at risk: {atRisk}.',
  summaryNoGoals: 'Accounts rolled up, this one included: {accounts}. No goals yet.',
  weighting:
    'Value delivered is summed within each currency; the group’s success score and ROI are weighted by each account’s investment.',
  mixedCurrencies:
    'The accounts are in several currencies ({currencies}). Amounts are never added across currencies, so there is no single group total: each currency has its own total, score and ROI.',
  noInvestment:
    'No account has an investment above 0 (with a success score, for the score), so the group has no weighted ROI or score.',
  none: '{name} has no child accounts.',
  valueIn: 'Value delivered in {currency}',
  roiIn: 'ROI in {currency}',
  scoreIn: 'Success score in {currency}',
});

/** Every message table of the report, for translators and the completeness test. */
export const REPORT_TABLES: readonly MessageTable<Catalogue>[] = [
  SECTION_MESSAGES,
  PRIORITY_MESSAGES,
  TREND_MESSAGES,
  DECK_MESSAGES,
  PROJECTED_MESSAGES,
  GOAL_ROW_MESSAGES,
  REPORT_MESSAGES,
  DERIVATION_MESSAGES,
  HEALTH_MESSAGES,
  HEALTH_COMPONENT_MESSAGES,
  HEALTH_TRIGGER_MESSAGES,
  KPI_MESSAGES,
  KPI_RATING_MESSAGES,
  KPI_TREND_MESSAGES,
  BENCHMARK_MESSAGES,
  ROLLUP_MESSAGES,
];
