import { type Derivation, derivation, type FormulaId, type Pointers, type Raw } from './explain.js';
import { failureText, type Say, sayIn } from './explain-text.js';
import { formatMoney, formatNumber } from './format.js';
import { KPI_THRESHOLDS, type KpiName, type KpiRating, kpiRating } from './kpi-rating.js';
import { type CalcFailure, isFiniteNumber, must } from './result.js';
import {
  type CacPaybackInput,
  type ChurnRateInput,
  type ClvInput,
  cacPayback,
  churnRate,
  clv,
  type GrrInput,
  grr,
  type NrrInput,
  nrr,
} from './retention.js';
import {
  averageHandleTime,
  ces,
  csat,
  type FcrInput,
  fcr,
  type HandleTimeTotal,
  nps,
  type ResolutionTimeTotal,
  type SlaComplianceInput,
  slaCompliance,
  timeToResolution,
} from './service.js';

/**
 * Survey answers as counts: element `i` is how many respondents answered the scale's lowest
 * answer + `i` (CSAT 1-5: 5 counts; NPS 0-10: 11; CES 1-7: 7). The survey KPIs depend only on
 * the distribution, so counts give exactly what the individual answers would.
 */
export type SurveyCounts = readonly number[];

/** The KPIs {@link explainKpi} computes, with the inputs each one takes. */
export interface KpiFigureInputs {
  readonly nrr: NrrInput;
  readonly grr: GrrInput;
  readonly monthly_churn: ChurnRateInput;
  readonly annual_churn: ChurnRateInput;
  readonly clv: ClvInput;
  readonly cac_payback: CacPaybackInput;
  readonly csat: SurveyCounts;
  readonly csat_percent: SurveyCounts;
  readonly nps: SurveyCounts;
  readonly ces: SurveyCounts;
  readonly fcr: FcrInput;
  readonly sla_compliance: SlaComplianceInput;
  readonly aht: HandleTimeTotal;
  readonly ttr_critical: ResolutionTimeTotal;
  readonly ttr_high: ResolutionTimeTotal;
  readonly ttr_medium: ResolutionTimeTotal;
  readonly ttr_low: ResolutionTimeTotal;
}

/** A KPI {@link explainKpi} computes. */
export type KpiFigure = keyof KpiFigureInputs;

/** Every {@link KpiFigure}, in the order a KPI view lists them (retention, then service). */
export const KPI_FIGURES: readonly KpiFigure[] = [
  'nrr',
  'grr',
  'monthly_churn',
  'annual_churn',
  'clv',
  'cac_payback',
  'csat',
  'csat_percent',
  'nps',
  'ces',
  'fcr',
  'sla_compliance',
  'aht',
  'ttr_critical',
  'ttr_high',
  'ttr_medium',
  'ttr_low',
];

/** A KPI's figure: its value (null when not computable), its rating, and how it was computed. */
export interface KpiFigureResult {
  readonly value: number | null;
  /** Against the seeds' thresholds; null without a value or for a KPI the seeds give none (CLV, CAC payback). */
  readonly rating: KpiRating | null;
  readonly derivation: Derivation;
}

const num = (v: number | null | undefined, locale: string | undefined): string =>
  formatNumber(v, { maximumFractionDigits: 2, locale }).replace('-', '−');

const FORMULA: Readonly<Record<KpiFigure, FormulaId>> = {
  nrr: 'kpi.nrr',
  grr: 'kpi.grr',
  monthly_churn: 'kpi.churn_rate',
  annual_churn: 'kpi.churn_rate',
  clv: 'kpi.clv',
  cac_payback: 'kpi.cac_payback',
  csat: 'kpi.csat',
  csat_percent: 'kpi.csat_percent',
  nps: 'kpi.nps',
  ces: 'kpi.ces',
  fcr: 'kpi.fcr',
  sla_compliance: 'kpi.sla_compliance',
  aht: 'kpi.aht',
  ttr_critical: 'kpi.ttr',
  ttr_high: 'kpi.ttr',
  ttr_medium: 'kpi.ttr',
  ttr_low: 'kpi.ttr',
};

const SURVEY = {
  csat: { lowest: 1, answers: 5, label: 'CSAT' },
  csat_percent: { lowest: 1, answers: 5, label: 'CSAT' },
  nps: { lowest: 0, answers: 11, label: 'NPS' },
  ces: { lowest: 1, answers: 7, label: 'CES' },
} as const;

/** At most this many survey answers are expanded from counts (bounds the work per figure). */
const MAX_RESPONSES = 10_000_000;

/**
 * The answers a list of counts stands for, lowest answer first, or why the counts are unusable
 * (not whole numbers >= 0, the wrong length, or too many answers to expand).
 *
 * @example
 * responsesFromCounts([0, 0, 1, 2, 1], 1); // [3, 4, 4, 5]
 */
export function responsesFromCounts(
  counts: SurveyCounts,
  lowest: number,
  answers: number = counts?.length ?? 0,
): number[] | CalcFailure<'invalid_number' | 'out_of_range'> {
  if (!Array.isArray(counts) || counts.length !== answers) {
    return must('out_of_range', 'Survey counts', `a list of ${answers} counts`, counts?.length);
  }
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const c: unknown = counts[i];
    if (!isFiniteNumber(c) || c < 0 || !Number.isInteger(c)) {
      return must('invalid_number', `Count of answer ${lowest + i}`, 'a whole number >= 0', c);
    }
    total += c;
  }
  if (total > MAX_RESPONSES) {
    return must('out_of_range', 'Survey responses', `at most ${MAX_RESPONSES}`, total);
  }
  const out: number[] = [];
  counts.forEach((c, i) => {
    for (let k = 0; k < c; k++) out.push(lowest + i);
  });
  return out;
}

function rated(kpi: KpiFigure, value: number | null): KpiRating | null {
  if (value === null || kpi === 'clv' || kpi === 'cac_payback') return null;
  return kpiRating(kpi as KpiName, value);
}

function ratingText(
  kpi: KpiFigure,
  rating: KpiRating | null,
  say: Say,
  n: (v: number) => string,
): string {
  if (rating === null || kpi === 'clv' || kpi === 'cac_payback') return '';
  const t = KPI_THRESHOLDS[kpi as KpiName];
  const unit = t.unit === '%' ? ' %' : t.unit === 'min' ? ' min' : t.unit === 'h' ? ' h' : '';
  const parts = [say('kpiTarget', { value: `${n(t.target)}${unit}` })];
  if (t.minimum !== undefined) parts.push(say('kpiMinimum', { value: `${n(t.minimum)}${unit}` }));
  if (t.bestInClass !== undefined)
    parts.push(say('kpiBestInClass', { value: `${n(t.bestInClass)}${unit}` }));
  return say('kpiRating', {
    rating: say(`rating_${rating}`),
    thresholds: parts.join(say('listSeparator')),
    direction: say(t.direction === 'lower_is_better' ? 'lowerIsBetter' : 'higherIsBetter'),
  });
}

/**
 * One KPI computed by its calc function, rated against the seeds' thresholds
 * (`kpiRating`) and explained: the formula with the numbers filled in, its inputs, the seed
 * rule. `input` null or undefined means nothing was recorded: no value, `missing` as the text.
 * Never NaN, never a throw.
 *
 * @example
 * const r = explainKpi('nrr', { startingArr: 1_000_000, expansion: 150_000, contraction: 30_000, churned: 20_000 });
 * r.value; // 110
 * r.rating; // 'on_target'
 * r.derivation.text;
 * // "(1,000,000 + 150,000 − 30,000 − 20,000) / 1,000,000 × 100 = 110 %; on target (target 110 %, minimum 100 %, best in class 120 %, higher is better)"
 */
export function explainKpi<K extends KpiFigure>(
  kpi: K,
  input: KpiFigureInputs[K] | null | undefined,
  options: {
    readonly currency?: string;
    readonly missing?: string;
    readonly pointers?: Pointers;
    /** The language and number format of the text (default English, en-US). */
    readonly locale?: string;
  } = {},
): KpiFigureResult {
  const formula = FORMULA[kpi];
  const locale = options.locale;
  const say = sayIn(locale);
  const n = (v: number | null | undefined) => num(v, locale);
  const pct = (v: number): string => `${n(v)} %`;
  const counted = (xs: readonly number[]) => xs.map((x) => n(x)).join(' + ');
  const pointers = options.pointers;
  const fail = (text: string, raw: Raw): KpiFigureResult => ({
    value: null,
    rating: null,
    derivation: derivation(formula, text, null, raw, pointers),
  });
  if (input === null || input === undefined) {
    return fail(options.missing ?? say('kpiMissing'), []);
  }
  const done = (value: number, text: string, raw: Raw): KpiFigureResult => {
    const rating = rated(kpi, value);
    return {
      value,
      rating,
      derivation: derivation(
        formula,
        `${text}${ratingText(kpi, rating, say, n)}`,
        value,
        raw,
        pointers,
      ),
    };
  };
  const money = (v: number): string =>
    options.currency ? formatMoney(v, options.currency, { locale }).replace('-', '−') : n(v);
  switch (kpi) {
    case 'nrr':
    case 'grr': {
      const i = input as NrrInput;
      const withExpansion = kpi === 'nrr';
      const raw: Raw = [
        ['starting_arr', i.startingArr],
        ...(withExpansion ? ([['expansion', i.expansion]] as const) : []),
        ['contraction', i.contraction],
        ['churned', i.churned],
      ];
      const r = withExpansion ? nrr(i) : grr(i);
      if (!r.ok) return fail(failureText(r.message, locale), raw);
      const plus = withExpansion ? ` + ${money(i.expansion)}` : '';
      return done(
        r.percent,
        `(${money(i.startingArr)}${plus} − ${money(i.contraction)} − ${money(i.churned)}) / ${money(i.startingArr)} × 100 = ${pct(r.percent)}`,
        raw,
      );
    }
    case 'monthly_churn':
    case 'annual_churn': {
      const i = input as ChurnRateInput;
      const raw: Raw = [
        ['customers_lost', i.lost],
        ['customers_at_start', i.atStart],
      ];
      const r = churnRate(i);
      if (!r.ok) return fail(failureText(r.message, locale), raw);
      return done(
        r.percent,
        say('kpiChurn', { lost: n(i.lost), atStart: n(i.atStart), percent: pct(r.percent) }),
        raw,
      );
    }
    case 'clv': {
      const i = input as ClvInput;
      const raw: Raw = [
        ['average_revenue', i.averageRevenue],
        ['gross_margin_pct', i.grossMarginPercent],
        ['churn_rate_pct', i.churnRatePercent],
      ];
      const r = clv(i);
      if (!r.ok) return fail(failureText(r.message, locale), raw);
      return done(
        r.value,
        say('kpiClv', {
          revenue: money(i.averageRevenue),
          margin: pct(i.grossMarginPercent),
          churn: pct(i.churnRatePercent),
          value: money(r.value),
          periods: n(r.lifetimePeriods),
        }),
        raw,
      );
    }
    case 'cac_payback': {
      const i = input as CacPaybackInput;
      const raw: Raw = [
        ['cac', i.cac],
        ['monthly_revenue', i.monthlyRevenue],
        ['gross_margin_pct', i.grossMarginPercent],
      ];
      const r = cacPayback(i);
      if (!r.ok) return fail(failureText(r.message, locale), raw);
      return done(
        r.months,
        say('kpiCacPayback', {
          cac: money(i.cac),
          revenue: money(i.monthlyRevenue),
          margin: pct(i.grossMarginPercent),
          months: n(r.months),
        }),
        raw,
      );
    }
    case 'csat':
    case 'csat_percent':
    case 'nps':
    case 'ces': {
      const s = SURVEY[kpi as keyof typeof SURVEY];
      const counts = input as SurveyCounts;
      const raw: Raw = Array.isArray(counts)
        ? counts.map((c, i) => [`answered ${s.lowest + i}`, c] as const)
        : [];
      const answers = responsesFromCounts(counts, s.lowest, s.answers);
      if (!Array.isArray(answers)) return fail(failureText(answers.message, locale), raw);
      if (kpi === 'nps') {
        const r = nps(answers);
        if (!r.ok) return fail(failureText(r.message, locale), raw);
        return done(
          r.score,
          say('kpiNps', {
            promoters: n(r.promoters),
            detractors: n(r.detractors),
            count: n(r.count),
            score: n(r.score),
          }),
          raw,
        );
      }
      if (kpi === 'ces') {
        const r = ces(answers);
        if (!r.ok) return fail(failureText(r.message, locale), raw);
        return done(
          r.average,
          say('kpiMeanAnswers', { count: n(r.count), scale: '1-7', average: n(r.average) }),
          raw,
        );
      }
      const r = csat(answers);
      if (!r.ok) return fail(failureText(r.message, locale), raw);
      if (kpi === 'csat') {
        return done(
          r.average,
          say('kpiMeanAnswers', { count: n(r.count), scale: '1-5', average: n(r.average) }),
          raw,
        );
      }
      const satisfied = counts.slice(3).reduce((a, b) => a + b, 0);
      return done(
        r.percent,
        say('kpiCsatPercent', {
          counts: counted(counts.slice(3)),
          satisfied: n(satisfied),
          count: n(r.count),
          percent: pct(r.percent),
        }),
        raw,
      );
    }
    case 'fcr':
    case 'sla_compliance': {
      const part =
        kpi === 'fcr'
          ? (input as FcrInput).firstContactResolved
          : (input as SlaComplianceInput).met;
      const total = (input as FcrInput).total;
      const name = kpi === 'fcr' ? 'first_contact_resolved' : 'sla_met';
      const raw: Raw = [
        [name, part],
        ['tickets', total],
      ];
      const r = kpi === 'fcr' ? fcr(input as FcrInput) : slaCompliance(input as SlaComplianceInput);
      if (!r.ok) return fail(failureText(r.message, locale), raw);
      return done(
        r.percent,
        say('kpiTickets', { part: n(part), total: n(total), percent: pct(r.percent) }),
        raw,
      );
    }
    case 'aht': {
      const i = input as HandleTimeTotal;
      const raw: Raw = [
        ['handle_minutes', i.totalMinutes],
        ['tickets', i.tickets],
      ];
      const r = averageHandleTime(i);
      if (!r.ok) return fail(failureText(r.message, locale), raw);
      return done(
        r.minutes,
        say('kpiAht', { minutes: n(i.totalMinutes), tickets: n(i.tickets), average: n(r.minutes) }),
        raw,
      );
    }
    default: {
      const i = input as ResolutionTimeTotal;
      const raw: Raw = [
        ['resolution_hours', i.totalHours],
        ['tickets_resolved', i.tickets],
      ];
      const r = timeToResolution(i);
      if (!r.ok) return fail(failureText(r.message, locale), raw);
      return done(
        r.hours,
        say('kpiTtr', { hours: n(i.totalHours), tickets: n(i.tickets), average: n(r.hours) }),
        raw,
      );
    }
  }
}

/** How a KPI moved from the previous period, read in its direction (lower churn is improving). */
export type KpiTrend = 'improving' | 'worsening' | 'unchanged';

/**
 * The trend of a KPI between two periods, direction-aware (seed 003's thresholds say which way
 * is better; CLV is higher-is-better, CAC payback lower). Null when either value is missing.
 *
 * @example
 * kpiTrend('monthly_churn', 1.5, 2); // 'improving'
 * kpiTrend('nrr', 104, 110); // 'worsening'
 */
export function kpiTrend(
  kpi: KpiFigure,
  value: number | null,
  previous: number | null,
): KpiTrend | null {
  if (!isFiniteNumber(value) || !isFiniteNumber(previous)) return null;
  if (value === previous) return 'unchanged';
  const lower =
    kpi === 'cac_payback' ||
    (kpi !== 'clv' && KPI_THRESHOLDS[kpi as KpiName].direction === 'lower_is_better');
  return value < previous === lower ? 'improving' : 'worsening';
}
