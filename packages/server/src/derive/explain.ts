import type { TrendPoint, ValueDriverType } from '@cscx/success-calc';
import {
  type Derivation,
  explainAchievementRate,
  explainBenchmark,
  explainBenchmarkValue,
  explainCount,
  explainDriver,
  explainForecast,
  explainGoalForecast,
  explainGoalProgress,
  explainGoalStatus,
  explainMetricProgress,
  explainMetricStatus,
  explainRoi,
  explainRollup,
  explainSuccessScore,
  explainSum,
  explainTrend,
  type RollupTerm,
  type SumTerm,
} from '@cscx/success-calc/explain';
import type { AccountRollup, Explanation, ValueCategory } from '../contract.js';
import type { CustomerRecord } from '../repo/customers.js';
import type { CustomerView } from './customer.js';
import { type DerivedGoal, dailyPoints } from './goal.js';
import type { Window } from './period.js';

/** `explanations`: each derived figure's derivation, keyed by its JSON Pointer (RFC 6901). */
export type Explanations = Record<string, Explanation>;

/** openapi.yaml `Explanation.inputs` maxItems: a sum over thousands of drivers lists the first. */
const MAX_INPUTS = 5000;

/** calc's derivation on the wire: the same fields; `result` is the figure at the key. */
function wire(d: Derivation): Explanation {
  return {
    formula: d.formula,
    text: d.text,
    inputs: d.inputs
      .slice(0, MAX_INPUTS)
      .map((i) => (i.pointer === undefined ? { name: i.name, value: i.value } : i)),
    rule: d.rule,
    result: d.result,
  };
}

/** Where a goal sits in a response: its pointer, and the pointers of its peers' goals. */
type GoalAt = (index: number) => string | null;

const MAX_GOALS = 200;
const MAX_TRENDS = 200;

function trendPoints(g: DerivedGoal, j: number, w: Window): TrendPoint[] {
  const ms = g.record.metrics[j]?.measurements ?? [];
  const inWindow = w.startMs === null ? ms : ms.filter((x) => x.at >= w.startMs!);
  return inWindow.map((m) => ({ at: m.at, value: m.value }));
}

/** Every derived figure of one goal (`base` is its pointer, e.g. `/goals/0`). */
function goalExplanations(
  out: Explanations,
  g: DerivedGoal,
  base: string,
  w: Window,
  currency: string,
  locale: string | undefined,
): void {
  const put = (key: string, d: Derivation) => {
    out[`${base}${key}`] = wire(d);
  };
  g.record.metrics.forEach((m, j) => {
    const at = `${base}/metrics/${j}`;
    const current = g.wire.metrics[j]?.current_value ?? null;
    const progress = explainMetricProgress(
      { baseline: m.baseline_value, target: m.target_value, current, direction: m.direction },
      {
        baseline: `${at}/baseline_value`,
        target: `${at}/target_value`,
        current: `${at}/current_value`,
      },
      undefined,
      locale,
    );
    put(`/metrics/${j}/progress_pct`, progress);
    const percent = typeof progress.result === 'number' ? progress.result : null;
    put(
      `/metrics/${j}/status`,
      explainMetricStatus(percent, { progress: `${at}/progress_pct` }, locale),
    );
    if (g.wire.metrics[j]?.trend) {
      const points = trendPoints(g, j, w);
      const options = { direction: m.direction };
      const src = { measurements: `${at}/measurements` };
      put(`/metrics/${j}/trend/direction`, explainTrend(points, options, 'direction', src, locale));
      put(`/metrics/${j}/trend/slope_per_day`, explainTrend(points, options, 'slope', src, locale));
      put(
        `/metrics/${j}/trend/change_pct`,
        explainTrend(points, options, 'change_pct', src, locale),
      );
    }
  });
  put(
    '/achievement_pct',
    explainGoalProgress(
      g.record.metrics.map((m, j) => ({
        value: g.wire.metrics[j]?.progress_pct ?? null,
        weight: m.weight ?? 1,
        pointer: `${base}/metrics/${j}/progress_pct`,
      })),
      locale,
    ),
  );
  const statusInput = {
    percent: g.percent,
    startDate: g.record.start_date,
    targetDate: g.record.target_date,
    hasMeasurement: g.record.metrics.some((m) => m.measurements.length > 0),
  };
  const statusAt = {
    progress: `${base}/achievement_pct`,
    start_date: `${base}/start_date`,
    target_date: `${base}/target_date`,
  };
  put('/status', explainGoalStatus(statusInput, { asOf: w.end }, 'status', statusAt, locale));
  put(
    '/expected_pct',
    explainGoalStatus(statusInput, { asOf: w.end }, 'expected_pct', statusAt, locale),
  );
  const drivers = g.value.drivers;
  const sums: Record<'annual_value' | 'projected_value' | 'projected_hours', SumTerm[]> = {
    annual_value: [],
    projected_value: [],
    projected_hours: [],
  };
  drivers.forEach((d, k) => {
    const v = g.drivers[k];
    if (!v) return;
    const at = `/value_drivers/${k}`;
    put(`${at}/annual_value`, explainDriver(d, v, currency, 'value', undefined, locale));
    put(`${at}/annual_hours`, explainDriver(d, v, currency, 'hours', undefined, locale));
    put(
      `${at}/projected_value`,
      explainDriver(d, v, currency, 'projected_value', undefined, locale),
    );
    put(
      `${at}/projected_hours`,
      explainDriver(d, v, currency, 'projected_hours', undefined, locale),
    );
    if (v.measuredChange !== undefined)
      put(
        `${at}/measured_change`,
        explainDriver(d, v, currency, 'measured_change', undefined, locale),
      );
    for (const key of ['annual_value', 'projected_value', 'projected_hours'] as const) {
      const value =
        key === 'annual_value'
          ? v.annualValue
          : key === 'projected_value'
            ? v.projectedValue
            : v.projectedHours;
      sums[key].push({ name: `value_drivers[${k}]`, value, pointer: `${base}${at}/${key}` });
    }
  });
  put('/annual_value', explainSum('value.sum', sums.annual_value, currency, locale));
  put('/projected_value', explainSum('value.sum', sums.projected_value, currency, locale));
  put('/projected_hours', explainSum('value.sum', sums.projected_hours, null, locale));
  put(
    '/forecast_date',
    explainGoalForecast(
      g.trends.map((t, j) => ({ value: t.forecast_date, pointer: `${base}/metrics/${j}` })),
      locale,
    ),
  );
}

function trendExplanations(
  out: Explanations,
  goals: readonly DerivedGoal[],
  w: Window,
  locale: string | undefined,
): void {
  let t = 0;
  for (const g of goals) {
    g.trends.forEach((tr, j) => {
      if (t >= MAX_TRENDS) return;
      const points = dailyPoints(
        (g.record.metrics[j]?.measurements ?? []).filter(
          (x) => w.startMs === null || x.at >= w.startMs,
        ),
      );
      out[`/trends/${t}/forecast_date`] = wire(
        explainForecast(
          points.map((p) => ({ at: p.date, value: p.value })),
          tr.target,
          tr.direction,
          { measurements: `/trends/${t}/points`, target: `/trends/${t}/target` },
          locale,
        ),
      );
      t++;
    });
  }
}

interface ValueAt {
  /** Pointer of the value object, e.g. `/metrics/value_delivered`. */
  readonly base: string;
  /** Whether that object shows the parts (time value, cost reduction, revenue impact). */
  readonly parts: boolean;
}

/**
 * Value delivered (sums of the drivers' figures, pointing at each driver) and ROI. Sums follow
 * calc's order (`valueOfGoals`): hours over every driver, money by kind, then the kinds added.
 */
function valueExplanations(
  out: Explanations,
  c: CustomerRecord,
  goals: readonly DerivedGoal[],
  goalAt: GoalAt,
  at: ValueAt,
  locale: string | undefined,
): void {
  const hours: SumTerm[] = [];
  const projectedHours: SumTerm[] = [];
  const byKind: Record<ValueDriverType, SumTerm[]> = {
    time_saved: [],
    cost_reduction: [],
    revenue_increase: [],
  };
  const atTarget: Record<ValueDriverType, number> = {
    time_saved: 0,
    cost_reduction: 0,
    revenue_increase: 0,
  };
  goals.forEach((g, i) => {
    const p = goalAt(i);
    g.drivers.forEach((v, k) => {
      const d = p === null ? undefined : `${p}/value_drivers/${k}`;
      const name = `goals[${i}].value_drivers[${k}]`;
      hours.push({ name, value: v.annualHours, pointer: d && `${d}/annual_hours` });
      projectedHours.push({ name, value: v.projectedHours, pointer: d && `${d}/projected_hours` });
      byKind[v.type].push({ name, value: v.annualValue, pointer: d && `${d}/annual_value` });
      atTarget[v.type] += v.projectedValue;
    });
  });
  const cur = c.currency;
  const b = at.base;
  out[`${b}/time_saved_hours`] = wire(explainSum('value.sum', hours, null, locale));
  out[`${b}/projected_hours`] = wire(explainSum('value.sum', projectedHours, null, locale));
  const time = explainSum('value.sum', byKind.time_saved, cur, locale);
  const cost = explainSum('value.sum', byKind.cost_reduction, cur, locale);
  const revenue = explainSum('value.sum', byKind.revenue_increase, cur, locale);
  if (at.parts) {
    out[`${b}/time_saved_value`] = wire(time);
    out[`${b}/cost_reduction`] = wire(cost);
    out[`${b}/revenue_impact`] = wire(revenue);
  }
  const kinds = (vals: readonly number[], pointers: boolean): SumTerm[] =>
    (['time_saved_value', 'cost_reduction', 'revenue_impact'] as const).map((name, i) => ({
      name,
      value: vals[i] ?? 0,
      pointer: pointers && at.parts ? `${b}/${name}` : undefined,
    }));
  const total = explainSum(
    'value.total',
    kinds([time.result, cost.result, revenue.result].map(Number), true),
    cur,
    locale,
  );
  out[`${b}/total_value`] = wire(total);
  out[`${b}/projected_value`] = wire(
    explainSum(
      'value.total',
      kinds([atTarget.time_saved, atTarget.cost_reduction, atTarget.revenue_increase], false),
      cur,
      locale,
    ),
  );
  const value = Number(total.result);
  const src = { total_value: `${b}/total_value`, investment: `${b}/investment` };
  for (const [key, figure] of [
    ['roi_multiplier', 'multiplier'],
    ['roi_pct', 'percent'],
    ['net_return_pct', 'net_return'],
  ] as const) {
    out[`${b}/${key}`] = wire(explainRoi(value, c.investment, cur, figure, src, locale));
  }
}

function scoreExplanations(
  out: Explanations,
  base: string,
  goals: readonly DerivedGoal[],
  goalAt: GoalAt,
  locale: string | undefined,
): void {
  const terms = goals.map((g, i) => {
    const p = goalAt(i);
    return {
      value: g.scorePercent,
      weight: g.record.weight,
      pointer: p === null ? undefined : `${p}/metrics`,
    };
  });
  out[`${base}/score`] = wire(explainSuccessScore(terms, 'score', locale));
  out[`${base}/band`] = wire(explainSuccessScore(terms, 'band', locale));
}

const CATEGORY_FIGURES = [
  ['annual_value', 'annualValue', true],
  ['annual_hours', 'annualHours', false],
  ['projected_value', 'projectedValue', true],
  ['projected_hours', 'projectedHours', false],
] as const;

/** PRD-069's value table: each category sums the drivers of its type and label. */
function categoryExplanations(
  out: Explanations,
  goals: readonly DerivedGoal[],
  goalAt: GoalAt,
  categories: readonly ValueCategory[],
  currency: string,
  locale: string | undefined,
): void {
  categories.forEach((cat, ci) => {
    for (const [key, field, isMoney] of CATEGORY_FIGURES) {
      const terms: SumTerm[] = [];
      goals.forEach((g, i) => {
        const p = goalAt(i);
        g.record.value_drivers.forEach((d, k) => {
          const v = g.drivers[k];
          if (!v || d.type !== cat.category || d.label !== cat.label) return;
          terms.push({
            name: `goals[${i}].value_drivers[${k}]`,
            value: v[field],
            pointer: p === null ? undefined : `${p}/value_drivers/${k}/${key}`,
          });
        });
      });
      out[`/value_summary/categories/${ci}/${key}`] = wire(
        explainSum('value.sum', terms, isMoney ? currency : null, locale),
      );
    }
  });
}

/**
 * Explanations of every derived figure of one goal as `getSuccessGoal` returns it, keyed by the
 * JSON Pointer within the goal (`/achievement_pct`, `/metrics/0/progress_pct`): the same
 * derivations as the goal's entries under `/goals/{i}` in the metrics responses.
 */
export function goalOnlyExplanations(
  g: DerivedGoal,
  w: Window,
  currency: string,
  locale?: string,
): Explanations {
  const out: Explanations = {};
  goalExplanations(out, g, '', w, currency, locale);
  return out;
}

const inList = (i: number): string | null => (i < MAX_GOALS ? `/goals/${i}` : null);

/**
 * Explanations of every derived figure of `getCustomerSuccessMetrics`' response, their texts in
 * `locale` (English by default; see negotiateLocale).
 */
export function customerExplanations(view: CustomerView, locale?: string): Explanations {
  const { customer: c, window: w, goals } = view;
  const out: Explanations = {};
  goals.slice(0, MAX_GOALS).forEach((g, i) => {
    goalExplanations(out, g, `/goals/${i}`, w, c.currency, locale);
  });
  trendExplanations(out, goals, w, locale);
  const statuses = goals.map((g) => g.status);
  const counts: readonly [string, readonly string[]][] = [
    ['total', []],
    ['achieved', ['achieved']],
    ['on_track', ['on_track']],
    ['at_risk', ['at_risk']],
    ['missed', ['missed']],
    ['not_started', ['not_started']],
  ];
  for (const [key, counted] of counts) {
    out[`/metrics/goals/${key}`] = wire(explainCount(statuses, counted, undefined, locale));
  }
  out['/metrics/goals/achievement_rate'] = wire(
    explainAchievementRate(
      statuses.filter((s) => s === 'achieved').length,
      statuses.length,
      {
        achieved: '/metrics/goals/achieved',
        goals: '/metrics/goals/total',
      },
      locale,
    ),
  );
  valueExplanations(
    out,
    c,
    goals,
    inList,
    { base: '/metrics/value_delivered', parts: true },
    locale,
  );
  scoreExplanations(out, '/metrics/success_score', goals, inList, locale);
  return out;
}

/** The peer values each benchmark row compares with (see `benchmarks` in account.ts). */
export interface BenchmarkInputs {
  readonly rows: readonly {
    readonly label: string;
    readonly value: number | null;
    readonly peers: readonly number[];
  }[];
}

/**
 * Explanations of every derived figure of `getAccountSuccessMetrics`' response. `order` is the
 * response's goal order (at-risk first): the index in `view.goals` of each listed goal.
 */
export function accountExplanations(
  view: CustomerView,
  order: readonly number[],
  bench: BenchmarkInputs | null,
  categories: readonly ValueCategory[],
  locale?: string,
): Explanations {
  const { customer: c, window: w, goals } = view;
  const out: Explanations = {};
  const position = new Map<number, number>();
  order.slice(0, MAX_GOALS).forEach((gi, pos) => {
    position.set(gi, pos);
    const g = goals[gi];
    if (g) goalExplanations(out, g, `/goals/${pos}`, w, c.currency, locale);
  });
  const goalAt: GoalAt = (i) => {
    const pos = position.get(i);
    return pos === undefined ? null : `/goals/${pos}`;
  };
  trendExplanations(out, goals, w, locale);
  const statuses = goals.map((g) => g.status);
  out['/executive_summary/goals_total'] = wire(explainCount(statuses, [], undefined, locale));
  out['/executive_summary/goals_on_track_or_exceeded'] = wire(
    explainCount(statuses, ['on_track', 'achieved'], undefined, locale),
  );
  out['/executive_summary/goals_at_risk'] = wire(
    explainCount(statuses, ['at_risk'], undefined, locale),
  );
  valueExplanations(out, c, goals, goalAt, { base: '/value_summary', parts: false }, locale);
  categoryExplanations(out, goals, goalAt, categories, c.currency, locale);
  const total = out['/value_summary/total_value'];
  if (total) out['/executive_summary/annual_value'] = total;
  scoreExplanations(out, '/success_score', goals, goalAt, locale);
  bench?.rows.forEach((r, i) => {
    const src = {
      value: `/benchmarks/rows/${i}/value`,
      peer_count: `/benchmarks/rows/${i}/peer_count`,
    };
    const label = r.label;
    out[`/benchmarks/rows/${i}/value`] = wire(
      explainBenchmarkValue(label, r.value, undefined, locale),
    );
    if (r.peers.length === 0) return;
    out[`/benchmarks/rows/${i}/peer_average`] = wire(
      explainBenchmark(r.value, r.peers, 'peer_average', src, locale),
    );
    out[`/benchmarks/rows/${i}/percentile`] = wire(
      explainBenchmark(r.value, r.peers, 'percentile', src, locale),
    );
  });
  return out;
}

/**
 * Explanations of a parent's `rollup` in `getCustomerSuccessMetrics` and
 * `getAccountSuccessMetrics` (issue 16): each
 * currency's value, ROI and score, and the overall ROI and score (those of the one currency),
 * with every account's figures pointing at where the response holds them (the parent's metrics,
 * each child's row). Only figures that are numbers get a key.
 */
export function rollupExplanations(
  out: Explanations,
  rollup: AccountRollup,
  parent: {
    readonly name: string;
    readonly currency: string;
    readonly investment: number | null;
    readonly value: number;
    readonly score: number | null;
    /** Where the response holds the parent's figures: getCustomerSuccessMetrics' by default. */
    readonly pointers?: RollupTerm['pointers'];
  },
  locale?: string,
): void {
  rollup.by_currency.forEach((c, i) => {
    const terms: RollupTerm[] = [];
    if (parent.currency === c.currency) {
      terms.push({
        name: parent.name,
        value: parent.value,
        investment: parent.investment,
        score: parent.score,
        pointers: parent.pointers ?? {
          value: '/metrics/value_delivered/total_value',
          investment: '/metrics/value_delivered/investment',
          score: '/metrics/success_score/score',
        },
      });
    }
    rollup.children.forEach((k, j) => {
      if (k.currency !== c.currency) return;
      terms.push({
        name: k.name,
        value: k.total_value,
        investment: k.investment,
        score: k.success_score,
        pointers: {
          value: `/rollup/children/${j}/total_value`,
          investment: `/rollup/children/${j}/investment`,
          score: `/rollup/children/${j}/success_score`,
        },
      });
    });
    const base = `/rollup/by_currency/${i}`;
    out[`${base}/total_value`] = wire(explainRollup('value', terms, c.currency, locale));
    if (c.roi_multiplier !== null) {
      const roi = wire(explainRollup('roi', terms, c.currency, locale));
      out[`${base}/roi_multiplier`] = roi;
      if (rollup.roi_multiplier !== null) out['/rollup/roi_multiplier'] = roi;
    }
    if (c.success_score !== null) {
      const score = wire(explainRollup('score', terms, c.currency, locale));
      out[`${base}/success_score`] = score;
      if (rollup.success_score !== null) out['/rollup/success_score'] = score;
    }
  });
}
