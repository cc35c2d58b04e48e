// What every format of the report shows, as text already formatted in the report's locale: the
// HTML, PDF and PowerPoint renderers lay these strings out, so a number reads the same in all
// three and is formatted in one place (calc's Intl formatters).
import {
  STATUS_TEXT as CALC_STATUS_TEXT,
  formatBenchmarkValue,
  formatDate,
  formatHours,
  formatMetricValue,
  formatMoney,
  formatMultiplier,
  formatNumber,
  formatPercent,
  type SummaryLine,
} from '@cscx/success-calc';
import {
  explainAchievementRate,
  explainRoi,
  explainSum,
  type FormulaId,
  formulaWords,
} from '@cscx/success-calc/explain';
import {
  fillText,
  HEALTH_BAND_MESSAGES,
  type Localized,
  type MessageTable,
  messagesFor,
  type Vocabulary,
  vocabulary,
} from '@cscx/success-calc/i18n';
import { KPI_FIGURES, type KpiFigure } from '@cscx/success-calc/kpi';
import { registerReportTranslations } from './locales/index.js';
import {
  BENCHMARK_MESSAGES,
  DECK_MESSAGES,
  DERIVATION_MESSAGES,
  GOAL_ROW_MESSAGES,
  HEALTH_COMPONENT_MESSAGES,
  HEALTH_MESSAGES,
  HEALTH_TRIGGER_MESSAGES,
  KPI_MESSAGES,
  KPI_RATING_MESSAGES,
  KPI_TREND_MESSAGES,
  PRIORITY_MESSAGES,
  PROJECTED_MESSAGES,
  REPORT_MESSAGES,
  ROLLUP_MESSAGES,
  SECTION_MESSAGES,
  TREND_MESSAGES,
} from './messages.js';
import type {
  AccountSuccessMetrics,
  CustomerHealth,
  CustomerKpis,
  CustomerSuccessMetrics,
  Explanations,
  HealthBand,
  Kpi as KpiFigureData,
  ProgressTrend,
  ReportInput,
  ReportSection,
  SuccessGoal,
} from './types.js';

/**
 * Every section of the report, in the order the report shows them. When none are chosen the
 * report shows {@link defaultSections}: all of these, `rollup` only for a parent account (its
 * metrics carry a `rollup`), `health` only with health or KPI data.
 *
 * @example
 * renderReportHtml({ metrics, account, sections: REPORT_SECTIONS, locale: 'en-US' });
 */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  'overview',
  'rollup',
  'goals',
  'value',
  'milestones',
  'benchmarks',
  'trends',
  'health',
  'recommendations',
];

/** The heading of each section in English ({@link reportText} gives them in any locale). */
export const SECTION_TITLE: Readonly<Record<ReportSection, string>> = SECTION_MESSAGES.en;

/** A table's messages with its keys as plain strings, for lookups by a wire name. */
type Words = Readonly<Record<string, string>>;

/**
 * Every word of the report in `locale`: the report's message tables (messages.ts) and calc's
 * shared vocabulary, from the registered translations (the report's and calc's, registered on
 * first use), English where a translation lacks a message.
 *
 * @example
 * reportText('de-DE').section.value; // 'Erzielter Nutzen'
 */
export function reportText(locale: string | undefined): ReportText {
  registerReportTranslations();
  const t = <T extends Readonly<Record<string, string>>>(table: MessageTable<T>) =>
    messagesFor(table, locale) as Localized<T> & Readonly<Record<keyof T, string>>;
  return {
    locale,
    vocabulary: vocabulary(locale),
    section: t(SECTION_MESSAGES),
    priority: t(PRIORITY_MESSAGES),
    trend: t(TREND_MESSAGES),
    deck: t(DECK_MESSAGES),
    projected: t(PROJECTED_MESSAGES),
    goalRow: t(GOAL_ROW_MESSAGES),
    text: t(REPORT_MESSAGES),
    derivation: t(DERIVATION_MESSAGES),
    health: t(HEALTH_MESSAGES),
    healthComponent: t(HEALTH_COMPONENT_MESSAGES),
    healthTrigger: t(HEALTH_TRIGGER_MESSAGES),
    kpi: t(KPI_MESSAGES),
    kpiRating: t(KPI_RATING_MESSAGES),
    kpiTrend: t(KPI_TREND_MESSAGES),
    benchmark: t(BENCHMARK_MESSAGES),
    rollup: t(ROLLUP_MESSAGES),
  };
}

/** The report's words in one locale ({@link reportText}). */
export interface ReportText {
  readonly locale: string | undefined;
  /** calc's shared words: statuses, bands, segments, periods, the executive summary's lines. */
  readonly vocabulary: Vocabulary;
  readonly section: Readonly<Record<ReportSection, string>>;
  readonly priority: Words;
  readonly trend: Readonly<Record<keyof (typeof TREND_MESSAGES)['en'], string>>;
  readonly deck: Readonly<Record<keyof (typeof DECK_MESSAGES)['en'], string>>;
  readonly projected: Readonly<Record<keyof (typeof PROJECTED_MESSAGES)['en'], string>>;
  readonly goalRow: Readonly<Record<keyof (typeof GOAL_ROW_MESSAGES)['en'], string>>;
  readonly text: Readonly<Record<keyof (typeof REPORT_MESSAGES)['en'], string>>;
  readonly derivation: Readonly<Record<keyof (typeof DERIVATION_MESSAGES)['en'], string>>;
  readonly health: Readonly<Record<keyof (typeof HEALTH_MESSAGES)['en'], string>>;
  readonly healthComponent: Words;
  readonly healthTrigger: Words;
  readonly kpi: Readonly<Record<KpiFigure, string>>;
  readonly kpiRating: Words;
  readonly kpiTrend: Words;
  readonly benchmark: Words;
  readonly rollup: Readonly<Record<keyof (typeof ROLLUP_MESSAGES)['en'], string>>;
}

/** A message with its `{name}` places filled (calc's fillText; plural forms by `count`). */
export function fillIn(
  t: ReportText,
  message: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillText(message, values, t.locale);
}

/**
 * A status's words by its wire name: calc's one vocabulary, so the report reads as the elements
 * do. A metric's `exceeding` is "Exceeded" here; the goal and metric rows go through
 * `goalStatusText` / `metricStatusText`, which also tell "Achieved" (at 100 %) from "Exceeded".
 */
export const STATUS_TEXT: Readonly<Record<string, string>> = {
  ...CALC_STATUS_TEXT,
  exceeding: CALC_STATUS_TEXT.exceeded,
};

/** Status colours (hex without '#', as PowerPoint wants them), shared by PDF and PPTX. */
export const STATUS_COLOR: Readonly<Record<string, string>> = {
  achieved: '1A7F43',
  exceeding: '1A7F43',
  on_track: '2155C4',
  at_risk: 'B25E00',
  missed: 'B3261E',
  not_met: 'B3261E',
  not_started: '5B6675',
  planned: '5B6675',
};

/** A recommended action's priority in English ({@link reportText}: any locale). */
export const PRIORITY_TEXT: Readonly<Record<string, string>> = PRIORITY_MESSAGES.en;

export const MISSING = '—';

/**
 * What the trend charts draw, in words (speaker notes, derivations): true to each format's
 * drawing. The SVG charts (HTML, PDF) dash the target; the deck's native line charts draw every
 * series solid, the target in green, each measurement a dot placed by its date.
 */
export const TREND_TEXT = TREND_MESSAGES.en;

/** The kit's own look, what a report without `branding` uses. */
export const DEFAULT_BRAND = { color: '2155C4', font: 'Arial' } as const;

/** A report's look resolved from its `branding`: colour as hex without '#', the logo's bytes. */
export interface Brand {
  readonly color: string;
  readonly font: string;
  readonly logo: {
    readonly mediaType: 'image/png' | 'image/svg+xml';
    readonly data: string;
  } | null;
}

/**
 * The brand of a report input, checked: a logo must be what its media type says (the PNG
 * signature, or SVG markup), a colour `#RRGGBB`. A bad value throws a RangeError naming it.
 */
export function brandOf(input: ReportInput): Brand {
  const b = input.branding;
  const color = b?.primary_color;
  if (color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(color))
    throw new RangeError(`branding.primary_color must be #RRGGBB, not "${color}"`);
  const logo = b?.logo;
  if (logo) {
    const head = atob(logo.data.slice(0, 64));
    const ok =
      logo.media_type === 'image/png'
        ? head.startsWith('\x89PNG\r\n\x1a\n')
        : /^\s*(<\?xml|<svg)/.test(head);
    if (!ok) throw new RangeError(`branding.logo.data is not a ${logo.media_type} image`);
  }
  return {
    color: color ? color.slice(1).toUpperCase() : DEFAULT_BRAND.color,
    font: b?.font_family ?? DEFAULT_BRAND.font,
    logo: logo ? { mediaType: logo.media_type, data: logo.data } : null,
  };
}

/** The deck's own words in English: slide headings and labels the other formats do not print. */
export const DECK_TEXT = DECK_MESSAGES.en;

/**
 * The value at target's label and note: always beside, never inside, the value delivered (a goal
 * with no measurement yet delivers nothing; DESIGN.md "Value is delivered only when measured").
 */
export const PROJECTED_TEXT = PROJECTED_MESSAGES.en;

/**
 * The value at target as a fact, when it differs from the value delivered (an older server's
 * data without it gives none).
 */
export function projectedFact(
  v: { readonly total_value: number; readonly projected_value?: number },
  currency: string,
  locale: string,
): [string, string] | undefined {
  const projected = v.projected_value;
  return projected === undefined || projected === v.total_value
    ? undefined
    : [reportText(locale).projected.label, formatMoney(projected, currency, { locale })];
}

export function capitalise(text: string): string {
  return (text[0]?.toUpperCase() ?? '') + text.slice(1);
}

/** A status by its wire name in calc's words (a metric's `exceeding` reads "Exceeded"). */
export function statusLabel(status: string | null, locale?: string): string {
  if (status === null) return MISSING;
  const v = reportText(locale).vocabulary;
  return status === 'exceeding' ? v.status('exceeded') : v.status(status);
}

/** A segment in calc's words ("Enterprise", "Mid-market"), as the portfolio shows it. */
export function segmentLabel(segment: string, locale?: string): string {
  return reportText(locale).vocabulary.segment(segment);
}

/** The period in calc's words: "All time" for `all`. */
export function periodName(period: string, locale?: string): string {
  return reportText(locale).vocabulary.period(period);
}

/** A metric's value in its unit, as the dashboard shows it (calc's formatMetricValue). */
export function valueWithUnit(v: number | null, unit: string, locale: string): string {
  return formatMetricValue(v, unit, { locale });
}

/** "1 Jul 2025 – 30 Apr 2026" or "to 30 Apr 2026" when the period has no start. */
export function periodLabel(m: CustomerSuccessMetrics, locale: string): string {
  const t = reportText(locale);
  const end = formatDate(m.metrics.period_end, { locale });
  return m.metrics.period_start === null
    ? fillIn(t, t.text.periodTo, { date: end })
    : fillIn(t, t.text.periodSpan, { start: formatDate(m.metrics.period_start, { locale }), end });
}

/** When the report was made: the caller's `generatedAt`, else the metrics' `as_of`. */
export function generatedAt(input: ReportInput): Date {
  const at = input.generatedAt ?? input.metrics.as_of;
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime()))
    throw new RangeError(`generatedAt must be a valid date or ISO 8601 timestamp, not "${at}"`);
  return d;
}

/** A headline number: what it is, the number, and one line of context. */
export interface Kpi {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
}

/** The four headline numbers of the overview: goals achieved, value, ROI, success score. */
export function headlineKpis(m: CustomerSuccessMetrics, locale: string): Kpi[] {
  const g = m.metrics.goals;
  const v = m.metrics.value_delivered;
  const cur = m.metrics.currency;
  const score = m.metrics.success_score;
  const t = reportText(locale);
  const T = t.text;
  return [
    {
      label: T.goalsAchieved,
      value: `${g.achieved} / ${g.total}`,
      detail:
        g.achievement_rate === null
          ? T.noGoalsYet
          : fillIn(t, T.achievementRate, { rate: formatPercent(g.achievement_rate, { locale }) }),
    },
    {
      label: T.valueDelivered,
      value: formatMoney(v.total_value, cur, { locale, compact: true }),
      detail: fillIn(t, T.perYear, { amount: formatMoney(v.total_value, cur, { locale }) }),
    },
    {
      label: T.roi,
      value: formatMultiplier(v.roi_multiplier, { locale }),
      detail:
        v.roi_multiplier === null
          ? (v.roi_note ?? '')
          : fillIn(t, T.vsInvestment, {
              amount: formatMoney(v.investment, cur, { locale, compact: true }),
            }),
    },
    {
      label: T.successScore,
      value:
        score.score === null
          ? MISSING
          : fillIn(t, T.scoreOutOf, {
              score: formatNumber(score.score, { locale, maximumFractionDigits: 0 }),
            }),
      detail:
        score.band === null
          ? (score.note ?? '')
          : (t.vocabulary.band(score.band) ?? capitalise(score.band)),
    },
  ];
}

/**
 * The executive summary's three lines (PRD-069), each a figure and its words, by calc's summary
 * lines: the dashboard builds its line from the same functions.
 */
export function executiveSummaryLines(a: AccountSuccessMetrics, locale: string): SummaryLine[] {
  const s = a.executive_summary;
  const v = reportText(locale).vocabulary;
  return [
    v.onTrackLine(s.goals_on_track_or_exceeded, s.goals_total),
    v.valueLine(s.annual_value, s.currency),
    v.atRiskLine(s.goals_at_risk),
  ];
}

/** The executive summary's three lines, as plain text. */
export function executiveSummary(a: AccountSuccessMetrics, locale: string): string[] {
  return executiveSummaryLines(a, locale).map((l) => `${l.figure} ${l.words}`);
}

/** One row of the goals table: a goal, or one of its metrics under it. */
export interface GoalRow {
  readonly kind: 'goal' | 'metric';
  readonly name: string;
  /** Target date, owner and any note (goal rows only). */
  readonly sub: string;
  readonly baseline: string;
  readonly target: string;
  readonly current: string;
  readonly progress: string;
  readonly progressPct: number | null;
  readonly status: string;
  readonly statusKey: string | null;
}

/**
 * The goals table as rows: each goal followed by its metrics. With `mergeSingleMetric`, a goal
 * of one metric (PRD-165's one-metric shorthand) is a single row carrying its metric's figures,
 * so the same name and numbers are not printed twice.
 */
export function goalRows(
  goals: readonly SuccessGoal[],
  locale: string,
  options: { readonly mergeSingleMetric?: boolean } = {},
): GoalRow[] {
  const rows: GoalRow[] = [];
  const t = reportText(locale);
  const R = t.goalRow;
  for (const g of goals) {
    const owner = g.owner
      ? ` · ${R.owner}: ${g.owner.name}${g.owner.title ? ` (${g.owner.title})` : ''}`
      : '';
    const only = options.mergeSingleMetric && g.metrics.length === 1 ? g.metrics[0] : undefined;
    const metricName = only && only.name !== g.name ? ` · ${R.metric}: ${only.name}` : '';
    rows.push({
      kind: 'goal',
      name: g.name,
      sub: `${R.target} ${formatDate(g.target_date, { locale })}${owner}${metricName}${g.progress_note ? ` · ${g.progress_note}` : ''}`,
      baseline: only ? valueWithUnit(only.baseline_value, only.unit, locale) : '',
      target: only ? valueWithUnit(only.target_value, only.unit, locale) : '',
      current: only ? valueWithUnit(only.current_value, only.unit, locale) : '',
      progress: formatPercent(g.achievement_pct, { locale }),
      progressPct: g.achievement_pct,
      status: t.vocabulary.goalStatus(g.status, g.exceeded),
      statusKey: g.status,
    });
    if (only) continue;
    for (const m of g.metrics) {
      rows.push({
        kind: 'metric',
        name: m.name,
        sub: '',
        baseline: valueWithUnit(m.baseline_value, m.unit, locale),
        target: valueWithUnit(m.target_value, m.unit, locale),
        current: valueWithUnit(m.current_value, m.unit, locale),
        progress:
          m.progress_pct === null
            ? (m.progress_note ?? MISSING)
            : formatPercent(m.progress_pct, { locale }),
        progressPct: m.progress_pct,
        status: t.vocabulary.metricStatus(m.status, m.progress_pct),
        statusKey: m.status,
      });
    }
  }
  return rows;
}

/** The words of a goal row's detail line, in English. */
export const GOAL_ROW_TEXT = GOAL_ROW_MESSAGES.en;

export interface ValueRow {
  readonly label: string;
  readonly annualValue: string;
  readonly hours: string;
  readonly confidence: string;
}

/** The sources of value with the total last, and the ROI facts under the table. */
export function valueTable(
  a: AccountSuccessMetrics,
  m: CustomerSuccessMetrics,
  locale: string,
): { rows: ValueRow[]; total: ValueRow; facts: [string, string][]; notes: string[] } {
  const v = a.value_summary;
  const cur = v.currency;
  const d = m.metrics.value_delivered;
  const projected = projectedFact(v, cur, locale);
  const t = reportText(locale);
  const T = t.text;
  return {
    rows: v.categories.map((c) => ({
      label: c.label,
      annualValue:
        c.annual_value === 0 && c.annual_hours > 0
          ? MISSING
          : c.annual_value === 0 &&
              c.annual_hours === 0 &&
              (c.projected_value > 0 || c.projected_hours > 0)
            ? notMeasuredYet(c, cur, locale)
            : formatMoney(c.annual_value, cur, { locale }),
      hours: c.annual_hours > 0 ? formatHours(c.annual_hours, { locale }) : MISSING,
      confidence: c.confidence ? confidenceLabel(c.confidence, locale) : MISSING,
    })),
    total: {
      label: T.total,
      annualValue: formatMoney(v.total_value, cur, { locale }),
      hours: formatHours(v.time_saved_hours, { locale }),
      confidence: '',
    },
    facts: [
      [T.timeSaved, formatHours(d.time_saved_hours, { locale })],
      [T.costReduction, formatMoney(d.cost_reduction, cur, { locale })],
      [T.revenueImpact, formatMoney(d.revenue_impact, cur, { locale })],
      [T.investment, formatMoney(v.investment, cur, { locale })],
      [
        T.roi,
        `${formatMultiplier(v.roi_multiplier, { locale })} (${formatPercent(v.roi_pct, { locale })})`,
      ],
      [T.netReturn, formatPercent(v.net_return_pct, { locale })],
      ...(projected ? [projected] : []),
    ],
    notes: [
      ...(v.roi_note ? [v.roi_note] : []),
      T.unpricedHours,
      ...(projected ? [t.projected.note] : []),
    ],
  };
}

/**
 * A value category whose goals have no measurement yet: it delivers nothing, so it reads as the
 * goal table does ("Not started", calc's STATUS_TEXT) with the value at target beside it, never
 * as $0 delivered (DESIGN.md "Value is delivered only when measured").
 */
export function notMeasuredYet(
  c: { readonly projected_value: number; readonly projected_hours: number },
  currency: string,
  locale: string,
): string {
  const at =
    c.projected_value > 0
      ? formatMoney(c.projected_value, currency, { locale })
      : formatHours(c.projected_hours, { locale });
  const t = reportText(locale);
  return `${t.vocabulary.status('not_started')} · ${at} ${t.projected.short}`;
}

/** A value driver's confidence ("High", "Medium", "Low"); an unknown one capitalised. */
export function confidenceLabel(confidence: string, locale: string): string {
  const T = reportText(locale).text;
  const known: Words = { high: T.confidenceHigh, medium: T.confidenceMedium, low: T.confidenceLow };
  return known[confidence] ?? capitalise(confidence);
}

export interface MilestoneItem {
  readonly date: string;
  readonly name: string;
  readonly detail: string;
  readonly status: string;
  readonly statusKey: string | null;
}

/** Milestones achieved in the period, and the ones coming up. */
export function milestoneLists(
  m: CustomerSuccessMetrics,
  a: AccountSuccessMetrics,
  locale: string,
): { achieved: MilestoneItem[]; upcoming: MilestoneItem[] } {
  const v = reportText(locale).vocabulary;
  return {
    achieved: m.metrics.milestones.map((x) => ({
      date: formatDate(x.achieved_date, { locale, style: 'short' }),
      name: x.name,
      detail: x.description,
      status: v.milestoneStatus('achieved'),
      statusKey: 'achieved',
    })),
    upcoming: a.upcoming_milestones.map((x) => ({
      date: formatDate(x.target_date, { locale, style: 'short' }),
      name: x.name,
      detail: x.description,
      status: v.milestoneStatus(x.status),
      statusKey: x.status,
    })),
  };
}

/** The benchmark rows as text, or null with the reason they are missing. */
export function benchmarkTable(
  a: AccountSuccessMetrics,
  locale: string,
):
  | { ok: true; rows: [string, string, string, string][]; note: string }
  | { ok: false; note: string } {
  const b = a.benchmarks;
  const t = reportText(locale);
  if (!b) return { ok: false, note: a.benchmarks_note ?? t.text.noBenchmarks };
  const fmt = (metric: string, v: number | null) => formatBenchmarkValue(metric, v, { locale });
  return {
    ok: true,
    rows: b.rows.map((r) => [
      benchmarkLabel(r, locale),
      fmt(r.metric, r.value),
      fmt(r.metric, r.peer_average),
      r.percentile === null
        ? MISSING
        : formatNumber(r.percentile, { locale, maximumFractionDigits: 0 }),
    ]),
    note: fillIn(t, t.text.comparedWith, {
      count: b.peer_count,
      segment: segmentLabel(b.segment, locale),
    }),
  };
}

/**
 * A benchmark row's name: the API's label, or the locale's word for its metric where a
 * translation has one (the API names its rows in English).
 */
export function benchmarkLabel(
  r: { readonly metric: string; readonly label: string },
  locale: string,
): string {
  const own = reportText(locale).benchmark[r.metric];
  const english: Words = BENCHMARK_MESSAGES.en;
  return own !== undefined && own !== english[r.metric] ? own : r.label;
}

/** "Target 12 hours · latest 11.5 hours (4/28/26) · forecast to reach it Apr 17, 2026". */
export function trendCaption(t: ProgressTrend, locale: string): string {
  const w = reportText(locale);
  const T = w.trend;
  const last = t.points.at(-1);
  return [
    fillIn(w, T.captionTarget, { value: valueWithUnit(t.target, t.unit, locale) }),
    ...(last
      ? [
          fillIn(w, T.captionLatest, {
            value: valueWithUnit(last.value, t.unit, locale),
            date: formatDate(last.date, { locale, style: 'short' }),
          }),
        ]
      : []),
    ...(t.forecast_date
      ? [fillIn(w, T.captionForecast, { date: formatDate(t.forecast_date, { locale }) })]
      : []),
  ].join(' · ');
}

/**
 * What a trend chart shows, in one sentence, for readers who cannot see it (the PDF's figure
 * alternate text): the metric, how many measurements over which dates, first and latest value,
 * the target, and the forecast when there is one.
 */
export function trendAltText(t: ProgressTrend, locale: string): string {
  const w = reportText(locale);
  const T = w.trend;
  const first = t.points[0];
  const last = t.points.at(-1);
  const target = fillIn(w, T.altTarget, { value: valueWithUnit(t.target, t.unit, locale) });
  if (!first || !last) return fillIn(w, T.altEmpty, { name: t.name, target });
  const when = (d: string) => formatDate(d, { locale });
  const span =
    t.points.length === 1
      ? fillIn(w, T.altOne, {
          value: valueWithUnit(first.value, t.unit, locale),
          date: when(first.date),
        })
      : fillIn(w, T.altMany, {
          count: formatNumber(t.points.length, { locale }),
          first: when(first.date),
          last: when(last.date),
          from: valueWithUnit(first.value, t.unit, locale),
          to: valueWithUnit(last.value, t.unit, locale),
        });
  const forecast = t.forecast_date ? fillIn(w, T.altForecast, { date: when(t.forecast_date) }) : '';
  return fillIn(w, T.alt, { name: t.name, span, target, forecast });
}

/** A formula in words in `locale` (calc's registry, translated): "Progress = …". */
const formula = (id: FormulaId, locale: string | undefined): string => formulaWords(id, locale);

/** The same inside a sentence: English lower-cased ("progress = …"), other languages as written. */
const formulaInline = (id: FormulaId, locale: string | undefined): string =>
  !locale || /^en(-|$)/i.test(locale) ? formula(id, locale).toLowerCase() : formula(id, locale);

/** The same without its closing full stop, for a sentence that goes on. */
const formulaOpen = (id: FormulaId, locale: string | undefined): string =>
  formula(id, locale).replace(/[.。]$/, '');

/** The footer line: where the figures come from. */
export function provenance(m: CustomerSuccessMetrics, locale: string): string {
  const c = m.customer;
  const t = reportText(locale);
  return fillIn(t, t.text.provenance, {
    progress: formula('metric_progress.baseline_relative', locale),
    roi: formulaOpen('roi.multiplier', locale),
    investment: formatMoney(c.investment, c.currency, { locale }),
    currency: c.currency,
  });
}

/**
 * The heading of every "how were these numbers computed" block (PDF appendix, HTML details), in
 * English ({@link reportText}'s `text.derivationTitle` in any locale).
 */
export const DERIVATION_TITLE = REPORT_MESSAGES.en.derivationTitle;

/**
 * "label: text" for the figure at `pointer`, in the API's own words (`explanations` of an
 * `explain=true` response, calc's derivations): no formula is written out here a second time.
 * Nothing when the response carries no explanation of it.
 */
function explained(x: Explanations | undefined, pointer: string, label: string): string[] {
  const e = x?.[pointer];
  return e ? [`${label}: ${e.text}`] : [];
}

/** Several explained figures of one thing on one line: "Name: progress …; status …". */
function explainedLine(
  x: Explanations | undefined,
  name: string,
  parts: readonly (readonly [pointer: string, label: string])[],
): string[] {
  const found = parts.flatMap(([pointer, label]) => explained(x, pointer, label));
  return found.length === 0 ? [] : [`${name}: ${found.join('; ')}.`];
}

/** Each goal's and metric's figures, explained (keys as in getCustomerSuccessMetrics). */
function goalDerivations(m: CustomerSuccessMetrics, D: ReportText['derivation']): string[] {
  const x = m.explanations;
  return m.goals.flatMap((g, i) => {
    const at = `/goals/${i}`;
    const own = explainedLine(x, g.name, [
      [`${at}/achievement_pct`, D.progress],
      [`${at}/status`, D.status],
      ...(g.annual_value !== 0 || g.projected_value !== 0
        ? ([
            [`${at}/annual_value`, D.valueDelivered],
            [`${at}/projected_value`, D.valueAtTarget],
          ] as const)
        : []),
      ...(g.forecast_date ? ([[`${at}/forecast_date`, D.forecast]] as const) : []),
    ]);
    const metrics = g.metrics.flatMap((metric, j) =>
      explainedLine(x, `${g.name} · ${metric.name}`, [
        [`${at}/metrics/${j}/progress_pct`, D.progress],
        [`${at}/metrics/${j}/trend/change_pct`, D.change],
      ]),
    );
    return [...own, ...metrics];
  });
}

/** The value table's categories, explained (keys as in getAccountSuccessMetrics). */
function categoryDerivations(a: AccountSuccessMetrics, D: ReportText['derivation']): string[] {
  const x = a.explanations;
  return a.value_summary.categories.flatMap((c, i) => {
    const at = `/value_summary/categories/${i}`;
    const delivered = c.annual_value !== 0 || c.annual_hours !== 0;
    return explainedLine(x, c.label, [
      ...(c.annual_hours !== 0 ? ([[`${at}/annual_hours`, D.hours]] as const) : []),
      ...(delivered || c.projected_value === 0
        ? ([[`${at}/annual_value`, D.valueDelivered]] as const)
        : []),
      ...(c.projected_value !== c.annual_value
        ? ([[`${at}/projected_value`, D.valueAtTarget]] as const)
        : []),
    ]);
  });
}

/** Each benchmark row: the customer's figure, the peer average and the percentile, explained. */
function benchmarkDerivations(a: AccountSuccessMetrics, D: ReportText['derivation']): string[] {
  const x = a.explanations;
  return (a.benchmarks?.rows ?? []).flatMap((r, i) =>
    explainedLine(x, r.label, [
      [`/benchmarks/rows/${i}/value`, D.thisCustomer],
      [`/benchmarks/rows/${i}/peer_average`, D.peerAverage],
      [`/benchmarks/rows/${i}/percentile`, D.percentile],
    ]),
  );
}

/** Each trend's forecast, explained. */
function trendDerivations(m: CustomerSuccessMetrics, D: ReportText['derivation']): string[] {
  return m.trends.flatMap((t, i) =>
    explainedLine(m.explanations, t.name, [[`/trends/${i}/forecast_date`, D.forecast]]),
  );
}

/**
 * Where each section's numbers come from (formula and inputs), for the PDF appendix, the PPTX
 * speaker notes and the HTML details: the section's formulas in words, then every figure it
 * shows with its derivation in the customer's numbers when the responses carry `explanations`
 * (the server's report endpoint asks for them).
 */
export function derivation(
  section: ReportSection,
  m: CustomerSuccessMetrics,
  a: AccountSuccessMetrics,
  locale: string,
  extra: Pick<ReportInput, 'health' | 'kpis'> = {},
): string[] {
  const g = m.metrics.goals;
  const v = m.metrics.value_delivered;
  const cur = m.metrics.currency;
  const score = m.metrics.success_score;
  // The formula texts come from calc's one registry (FORMULAS, in the report's locale) and its
  // explain functions, the same derivations the API serves under `explanations` (DESIGN.md
  // "Formulas"). calc's translations first: these are read before reportText below.
  registerReportTranslations();
  const ratio = (figure: 'multiplier' | 'net_return') =>
    explainRoi(v.total_value, v.investment, cur, figure, undefined, locale).text;
  const roi =
    v.roi_multiplier === null
      ? `${formula('roi.multiplier', locale)} ${ratio('multiplier')}`
      : `${formula('roi.multiplier', locale)} ${ratio('multiplier')}. ${formula('roi.net_return', locale)} ${ratio('net_return')}.`;
  const projected = projectedFact(v, cur, locale);
  const total = explainSum(
    'value.total',
    [
      { name: 'time_saved_value', value: v.time_saved_value },
      { name: 'cost_reduction', value: v.cost_reduction },
      { name: 'revenue_impact', value: v.revenue_impact },
    ],
    cur,
    locale,
  );
  const t = reportText(locale);
  const D = t.derivation;
  const unpriced = fillIn(t, D.unpricedHours, {
    hours: formatHours(v.time_saved_hours, { locale }),
  });
  const value = `${formula('value.total', locale)} ${formula('value.sum', locale)} ${total.text}. ${unpriced}${projected ? ` ${fillIn(t, D.projected, { amount: projected[1] })}` : ''}`;
  switch (section) {
    case 'overview':
      return [
        fillIn(t, D.goalsAchieved, {
          formula: formula('goal_counts.achievement_rate', locale),
          explanation: explainAchievementRate(g.achieved, g.total, undefined, locale).text,
        }),
        value,
        roi,
        score.score === null
          ? fillIn(t, D.scoreNone, { note: score.note ?? D.scoreNoteNone })
          : fillIn(t, D.score, {
              formula: formula('success_score', locale),
              score: formatNumber(score.score, { locale, maximumFractionDigits: 0 }),
              // The wire name in English (as the API's explanations write it), the word elsewhere.
              band:
                score.band === null
                  ? MISSING
                  : /^en(-|$)/i.test(locale)
                    ? score.band
                    : t.vocabulary.band(score.band),
            }),
        ...explained(m.explanations, '/metrics/success_score/score', D.successScore),
        ...explained(a.explanations, '/executive_summary/goals_on_track_or_exceeded', D.onTrack),
        ...explained(a.explanations, '/executive_summary/goals_at_risk', D.atRisk),
      ];
    case 'goals':
      return [
        fillIn(t, D.metricProgress, {
          formula: formulaInline('metric_progress.baseline_relative', locale),
        }),
        fillIn(t, D.goalProgress, {
          formula: formula('goal_progress.weighted_mean', locale),
          status: formulaInline('goal_status', locale),
        }),
        ...goalDerivations(m, D),
      ];
    case 'value':
      return [value, roi, ...categoryDerivations(a, D)];
    case 'milestones':
      return [
        fillIn(t, D.milestones, {
          achieved: m.metrics.milestones.length,
          upcoming: a.upcoming_milestones.length,
        }),
      ];
    case 'benchmarks':
      return [
        a.benchmarks
          ? fillIn(t, D.benchmarks, {
              peerAverage: formula('benchmark.peer_average', locale),
              percentile: formula('benchmark.percentile', locale),
              count: a.benchmarks.peer_count,
              segment: segmentLabel(a.benchmarks.segment, locale),
            })
          : (a.benchmarks_note ?? t.text.noBenchmarks),
        ...benchmarkDerivations(a, D),
      ];
    case 'trends':
      return [
        `${t.trend.chartLines} ${formula('forecast.least_squares', locale)}`,
        ...trendDerivations(m, D),
      ];
    case 'rollup':
      return rollupDerivations(m, t, locale);
    case 'health':
      return healthDerivations(extra.health, extra.kpis, t);
    case 'recommendations':
      return [D.recommendations];
  }
}

// ------------------------------------------------------------------------- health and KPIs

/**
 * The words of the "Health and KPIs" section in English ({@link reportText}'s `health` in any
 * locale). The band, component and trigger names are `<success-health>`'s (its HEALTH_TEXT).
 */
export const HEALTH_TEXT = HEALTH_MESSAGES.en;

/** A text of {@link HEALTH_TEXT} with its `{name}` places filled: the sentence stays whole. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return fillText(text, values);
}

/** Seed 002's bands as `<success-health>` names them, in English (calc's vocabulary). */
export const HEALTH_BAND_TEXT: Readonly<Record<HealthBand, string>> = HEALTH_BAND_MESSAGES.en;

/**
 * Seed 002's band colours (green, yellow, orange, red) as `<success-health>` draws them (its
 * light theme's `--success-health-*` defaults), hex without '#' as PowerPoint wants them. Beside
 * the band's name, never instead of it.
 */
export const HEALTH_BAND_COLOR: Readonly<Record<HealthBand, string>> = {
  excellent: '1A7F37',
  good: 'BF8700',
  at_risk: 'BC4C00',
  critical: 'C4232E',
};

export const HEALTH_COMPONENT_TEXT: Readonly<Record<string, string>> = HEALTH_COMPONENT_MESSAGES.en;

/** A trigger's name; `{points}` and `{count}` come from the segment's model. */
export const HEALTH_TRIGGER_TEXT: Readonly<Record<string, string>> = HEALTH_TRIGGER_MESSAGES.en;

/** Each KPI's name, in the order of calc's KPI_FIGURES (retention, then service). */
export const KPI_TEXT: Readonly<Record<KpiFigure, string>> = KPI_MESSAGES.en;

export const KPI_RATING_TEXT: Readonly<Record<string, string>> = KPI_RATING_MESSAGES.en;

/** Rating colours, as the status colours: green at or above target, amber, red. */
export const KPI_RATING_COLOR: Readonly<Record<string, string>> = {
  best_in_class: '1A7F43',
  on_target: '1A7F43',
  acceptable: 'B25E00',
  below_minimum: 'B3261E',
};

export const KPI_TREND_TEXT: Readonly<Record<string, string>> = KPI_TREND_MESSAGES.en;

/**
 * A KPI figure in its unit (`Kpi.unit`, `KpiThresholds.unit`), through calc's formatters:
 * "110%", "10.1 min", "1.8 hrs", "$2,599,128", "7.4 months", "4.28 / 5", "33.3". Not a finite
 * number: "—".
 */
export function kpiValueText(v: number | null | undefined, unit: string, locale: string): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return MISSING;
  const w = reportText(locale);
  const n = (digits: number) => formatNumber(v, { locale, maximumFractionDigits: digits });
  switch (unit) {
    case '%':
      return formatPercent(v, { locale, maximumFractionDigits: 1 });
    case 'h':
      return formatHours(v, { locale, maximumFractionDigits: 1 });
    case 'min':
      return fillIn(w, w.health.minutes, { n: n(1) });
    case 'months':
      return fillIn(w, w.health.months, { n: n(1) });
    case '1..5':
      return fillIn(w, w.health.outOf, { n: n(2), max: formatNumber(5, { locale }) });
    case '1..7':
      return fillIn(w, w.health.outOf, { n: n(2), max: formatNumber(7, { locale }) });
    case '-100..100':
      return n(1);
    default:
      return /^[A-Z]{3}$/.test(unit)
        ? formatMoney(v, unit, { locale })
        : formatMetricValue(v, unit, { locale });
  }
}

/** "March 2026" for `2026-03`, in the locale (the month itself when Intl cannot say it). */
export function monthLabel(period: string, locale: string): string {
  const ms = Date.parse(`${period}-01T00:00:00Z`);
  if (!/^\d{4}-\d{2}$/.test(period) || Number.isNaN(ms)) return period;
  try {
    return new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(ms);
  } catch {
    return period;
  }
}

/** The health score as the report shows it: "84 / 100", as `<success-health>` rounds it. */
export function healthScoreText(score: number, locale: string): string {
  const w = reportText(locale);
  return fillIn(w, w.health.scoreValue, {
    score: formatNumber(Math.min(100, Math.max(0, score)), { locale, maximumFractionDigits: 0 }),
  });
}

export interface HealthComponentRow {
  readonly name: string;
  readonly score: string;
  readonly weight: string;
  readonly source: string;
}

export interface HealthHistoryRow {
  readonly date: string;
  readonly shortDate: string;
  readonly score: string;
  /** The score, 0..100, for bar lengths. */
  readonly value: number;
  readonly band: string;
  readonly bandKey: HealthBand;
}

export interface HealthTriggerRow {
  readonly name: string;
  readonly date: string;
  readonly change: string;
  /** The API's cause, with its dates and scores (calc's explanation). */
  readonly cause: string;
  /** The band the trigger led to, for its colour. */
  readonly bandKey: HealthBand;
}

export interface HealthSummary {
  readonly score: string;
  readonly band: string;
  readonly bandKey: HealthBand;
  readonly asOf: string;
  readonly components: readonly HealthComponentRow[];
  /** The latest observations, oldest first. */
  readonly history: readonly HealthHistoryRow[];
  readonly historyCaption: string;
  readonly historyAlt: string;
  readonly triggers: readonly HealthTriggerRow[];
}

/** The observations the history shows: enough to see a trend, few enough for one page. */
export const HEALTH_HISTORY_SHOWN = 12;

/** Whether the input has a health observation (a score). */
function hasHealth(
  h: CustomerHealth | undefined,
): h is CustomerHealth & { score: number; band: HealthBand } {
  return (
    h !== undefined && typeof h.score === 'number' && Number.isFinite(h.score) && h.band !== null
  );
}

/** Whether the input has a KPI observation for its month. */
function hasKpis(k: CustomerKpis | undefined): k is CustomerKpis & { period: string } {
  return k !== undefined && k.period !== null && k.observation !== null;
}

/** Whether the customer has a health or KPI observation: the default sections show `health` then. */
export function hasHealthOrKpis(input: {
  readonly health?: CustomerHealth | undefined;
  readonly kpis?: CustomerKpis | undefined;
}): boolean {
  return hasHealth(input.health) || hasKpis(input.kpis);
}

/**
 * The sections a report shows when none are chosen: all of {@link REPORT_SECTIONS}, except
 * `rollup` for a customer whose metrics have no `rollup` (not a parent; asked for by name, it
 * says so in one line), `health` for a customer with neither a health nor a KPI observation (asked for by name, it
 * says so in one line), and `recommendations` when the account's are null (a customer-facing
 * report: recommendations are internal to the CS team).
 *
 * @example
 * renderReportPdf({ ...input, sections: defaultSections(input) });
 */
export function defaultSections(input: {
  readonly health?: CustomerHealth | undefined;
  readonly kpis?: CustomerKpis | undefined;
  readonly account?: { readonly recommendations: readonly unknown[] | null } | undefined;
  readonly metrics?: { readonly rollup?: unknown } | undefined;
}): ReportSection[] {
  const withHealth = hasHealthOrKpis(input);
  // Null recommendations: a customer-facing report (the API withholds them), no such section.
  const withActions = input.account?.recommendations !== null;
  // A rollup only on a parent with children the token sees (the API leaves it out otherwise).
  const withRollup = input.metrics?.rollup !== undefined;
  return REPORT_SECTIONS.filter(
    (s) =>
      (s !== 'health' || withHealth) &&
      (s !== 'recommendations' || withActions) &&
      (s !== 'rollup' || withRollup),
  );
}

/** The health part of the section, or null without a health observation. */
export function healthSummary(h: CustomerHealth | undefined, locale: string): HealthSummary | null {
  if (!hasHealth(h)) return null;
  const w = reportText(locale);
  const n = (v: number, digits = 0) => formatNumber(v, { locale, maximumFractionDigits: digits });
  const date = (d: string) => formatDate(d, { locale });
  const shown = h.history.slice(-HEALTH_HISTORY_SHOWN);
  const first = shown[0];
  const last = shown.at(-1);
  return {
    score: healthScoreText(h.score, locale),
    band: w.vocabulary.healthBand(h.band),
    bandKey: h.band,
    asOf: h.as_of ? fillIn(w, w.health.asOf, { date: date(h.as_of) }) : '',
    components: h.components.map((c) => ({
      name: w.healthComponent[c.name] ?? c.name,
      score: n(c.score, 1),
      weight: formatPercent(c.weight_pct, { locale, maximumFractionDigits: 1 }),
      source: c.derived ? w.health.derived : (c.source ?? w.health.noSource),
    })),
    history: shown.map((p) => ({
      date: date(p.observed_on),
      shortDate: formatDate(p.observed_on, { locale, style: 'short' }),
      score: n(p.score),
      value: Number.isFinite(p.score) ? Math.min(100, Math.max(0, p.score)) : 0,
      band: w.vocabulary.healthBand(p.band),
      bandKey: p.band,
    })),
    historyCaption: fillIn(w, w.health.historyCaption, {
      count: n(shown.length),
      total: n(h.history.length),
    }),
    historyAlt:
      first && last
        ? fillIn(w, w.health.historyAlt, {
            count: n(shown.length),
            first: date(first.observed_on),
            last: date(last.observed_on),
            from: n(first.score),
            to: n(last.score),
          })
        : '',
    triggers: h.active_triggers.map((t) => ({
      name: fillIn(w, w.healthTrigger[t.type] ?? t.type, {
        points: n(h.model.triggers.drop_points),
        count: n(h.model.triggers.consecutive_declines),
      }),
      date: date(t.at),
      change: fillIn(w, w.health.triggerFrom, {
        from: n(t.from.score),
        fromDate: date(t.from.at),
        to: n(t.to.score),
        toDate: date(t.to.at),
      }),
      cause: t.cause,
      bandKey: t.to.band,
    })),
  };
}

export interface KpiRow {
  readonly key: KpiFigure;
  readonly name: string;
  readonly value: string;
  readonly rating: string;
  readonly ratingKey: string | null;
  readonly target: string;
  readonly minimum: string;
  readonly benchmark: string;
  readonly bestInClass: string;
  readonly trend: string;
}

/** The KPI table: every KPI of the month in calc's order, or null without a KPI observation. */
export function kpiTable(
  k: CustomerKpis | undefined,
  locale: string,
): { readonly title: string; readonly rows: readonly KpiRow[] } | null {
  if (!hasKpis(k)) return null;
  const w = reportText(locale);
  const month = monthLabel(k.period, locale);
  const rows = KPI_FIGURES.map((key): KpiRow => {
    const x: KpiFigureData = k.kpis[key];
    const t = x.thresholds;
    const th = (v: number | null | undefined) => (t ? kpiValueText(v, t.unit, locale) : MISSING);
    const value = kpiValueText(x.value, x.unit, locale);
    const trend = x.trend === null ? MISSING : (w.kpiTrend[x.trend] ?? x.trend);
    const previous = kpiValueText(x.previous_value, x.unit, locale);
    return {
      key,
      name: w.kpi[key],
      value: value === MISSING ? w.health.notMeasured : value,
      rating: x.rating === null ? MISSING : (w.kpiRating[x.rating] ?? x.rating),
      ratingKey: x.rating,
      target: th(t?.target),
      minimum: th(t?.minimum),
      benchmark: th(t?.benchmark),
      bestInClass: th(t?.best_in_class),
      trend:
        x.trend === null || x.trend === 'unchanged' || previous === MISSING
          ? trend
          : fillIn(w, w.health.trendWas, { trend, previous }),
    };
  });
  return {
    title: k.previous_period
      ? fillIn(w, w.health.kpisCompared, { month, previous: monthLabel(k.previous_period, locale) })
      : fillIn(w, w.health.kpis, { month }),
    rows,
  };
}

/** The section's derivations: the API's own explanations of the score, band, triggers and KPIs. */
function healthDerivations(
  h: CustomerHealth | undefined,
  k: CustomerKpis | undefined,
  w: ReportText,
): string[] {
  const out: string[] = [];
  if (hasHealth(h)) {
    out.push(formula('health_score', w.locale));
    out.push(...explained(h.explanations, '/score', w.health.score));
    h.active_triggers.forEach((t) => {
      out.push(`${w.health.activeTriggers}: ${t.cause}`);
    });
  }
  if (hasKpis(k)) {
    for (const key of KPI_FIGURES) {
      const x = k.kpis[key];
      const text = x.value === null ? (x.reason ?? x.explanation.text) : x.explanation.text;
      out.push(`${w.kpi[key]}: ${text}`);
    }
  }
  // Nothing to explain without data: the section's one line says so.
  return out;
}

// ------------------------------------------------------------------------- accounts in this group

/** One row of the "Accounts in this group" table: an account or a total, its figures as text. */
export interface RollupRow {
  readonly name: string;
  readonly goals: string;
  readonly atRisk: string;
  readonly value: string;
  readonly score: string;
  readonly roi: string;
  /** A total row (a currency's or the group's), drawn apart from the accounts. */
  readonly total: boolean;
}

/** The "Accounts in this group" section, or the one line of a customer without children. */
export type RollupTable =
  | {
      readonly ok: true;
      readonly headers: readonly [string, string, string, string, string, string];
      /** The parent first, then each child as the API orders them (name, then id). */
      readonly rows: readonly RollupRow[];
      /** One total per currency; with several, a last row with the goals and no money. */
      readonly totals: readonly RollupRow[];
      readonly summary: string;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly note: string };

/**
 * A parent account's rollup (getCustomerSuccessMetrics' `rollup`) as the report prints it: the
 * parent and its children with their goals, value delivered in their own currency, success
 * score and ROI, then the group's totals exactly as the API (calc's `accountRollup`) gives them,
 * never summed here: one total per currency, and with several currencies no group amount at
 * all (a note says why). Without a rollup, one line saying the customer has no child accounts.
 *
 * @example
 * const r = rollupTable(metrics, 'en-US');
 * if (r.ok) console.log(r.totals.map((t) => `${t.name}: ${t.value}`)); // ['Group total: $412,000.00']
 */
export function rollupTable(m: CustomerSuccessMetrics, locale: string): RollupTable {
  const t = reportText(locale);
  const R = t.rollup;
  const r = m.rollup;
  if (!r) return { ok: false, note: fillIn(t, R.none, { name: m.customer.name }) };
  const score = (v: number | null) =>
    v === null ? MISSING : formatNumber(v, { locale, maximumFractionDigits: 0 });
  const roi = (v: number | null) => (v === null ? MISSING : formatMultiplier(v, { locale }));
  const own = m.metrics;
  const rows: RollupRow[] = [
    {
      name: fillIn(t, R.thisAccount, { name: m.customer.name }),
      goals: `${own.goals.achieved} / ${own.goals.total}`,
      atRisk: formatNumber(own.goals.at_risk, { locale }),
      value: formatMoney(own.value_delivered.total_value, own.currency, { locale }),
      score: score(own.success_score.score),
      roi: roi(own.value_delivered.roi_multiplier),
      total: false,
    },
    ...r.children.map((c) => ({
      name: c.name,
      goals: `${c.goals_achieved} / ${c.goals_total}`,
      atRisk: formatNumber(c.goals_at_risk, { locale }),
      value: formatMoney(c.total_value, c.currency, { locale }),
      score: score(c.success_score),
      roi: roi(c.roi_multiplier),
      total: false,
    })),
  ];
  const goals = `${r.goals.achieved} / ${r.goals.total}`;
  const atRisk = formatNumber(r.goals.at_risk, { locale });
  const mixed = r.by_currency.length > 1;
  const totals: RollupRow[] = r.by_currency.map((c) => ({
    name: mixed ? fillIn(t, R.currencyTotal, { currency: c.currency }) : R.groupTotal,
    goals: mixed ? '' : goals,
    atRisk: mixed ? '' : atRisk,
    value: formatMoney(c.total_value, c.currency, { locale }),
    score: score(c.success_score),
    roi: roi(c.roi_multiplier),
    total: true,
  }));
  if (mixed)
    totals.push({
      name: R.groupTotal,
      goals,
      atRisk,
      value: MISSING,
      score: MISSING,
      roi: MISSING,
      total: true,
    });
  const notes = [R.weighting];
  if (mixed)
    notes.push(
      fillIn(t, R.mixedCurrencies, {
        currencies: r.by_currency.map((c) => c.currency).join(', '),
      }),
    );
  else if (r.roi_multiplier === null || r.success_score === null) notes.push(R.noInvestment);
  return {
    ok: true,
    headers: [R.account, R.goalsAchieved, R.atRisk, R.valueDelivered, R.successScore, R.roi],
    rows,
    totals,
    summary:
      r.goals.achievement_rate === null
        ? fillIn(t, R.summaryNoGoals, { accounts: r.accounts })
        : fillIn(t, R.summary, {
            accounts: r.accounts,
            achieved: r.goals.achieved,
            total: r.goals.total,
            rate: formatPercent(r.goals.achievement_rate, { locale }),
            atRisk: r.goals.at_risk,
          }),
    notes,
  };
}

/**
 * The rollup's formulas in words (calc's FORMULAS, in the report's locale), then each currency's value, ROI and score
 * with its derivation in the accounts' numbers when the metrics carry `explanations`.
 */
function rollupDerivations(
  m: CustomerSuccessMetrics,
  t: ReportText,
  locale: string | undefined,
): string[] {
  const r = m.rollup;
  if (!r) return [];
  const R = t.rollup;
  return [
    `${formula('rollup.value', locale)} ${formula('rollup.roi_weighted', locale)} ${formula('rollup.score_weighted', locale)}`,
    ...r.by_currency.flatMap((c, i) => {
      const at = `/rollup/by_currency/${i}`;
      const currency = { currency: c.currency };
      return [
        ...explained(m.explanations, `${at}/total_value`, fillIn(t, R.valueIn, currency)),
        ...explained(m.explanations, `${at}/roi_multiplier`, fillIn(t, R.roiIn, currency)),
        ...explained(m.explanations, `${at}/success_score`, fillIn(t, R.scoreIn, currency)),
      ];
    }),
  ];
}
