import { inferDirection, valueDelivered } from '@cscx/success-calc';
import { isoDay } from '../clock.js';
import type {
  AccountGoalInput,
  Direction,
  GoalCategory,
  SuccessGoalCreate,
  SuccessGoalFlatCreate,
  SuccessGoalFlatReplace,
  SuccessGoalReplace,
  ValueDriverInput,
} from '../contract.js';
import { calcDriver, type MetricLike } from '../derive/goal.js';
import { type FieldError, validationFailed } from '../problem.js';
import type { MetricRecord, StoredDriver } from '../repo/goals.js';

/**
 * The three goal bodies of the contract (full form, PRD-165's flat shorthand, PRD-069's
 * camelCase body) brought to one shape, with the domain rules a schema cannot express: dates
 * in order, an explicit direction that agrees with baseline versus target, value drivers with a
 * usable amount (by calc's own rule, so what is accepted is what calc can value), and a driver's
 * `metric_id` naming a metric of the same goal.
 */
export interface GoalFields {
  readonly name: string;
  readonly description: string;
  readonly category: GoalCategory;
  readonly owner: { readonly name: string; readonly title: string | null } | null;
  readonly weight: number;
  readonly start_date: string;
  readonly target_date: string;
  readonly metrics: readonly MetricFields[];
  readonly value_drivers: readonly StoredDriver[];
}

export interface MetricFields {
  /** Set when a replacement names an existing metric. */
  readonly id?: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: MetricRecord['direction'];
  readonly baseline_value: number | null;
  readonly target_value: number;
  /** A value known at creation: recorded as the first measurement. */
  readonly current_value: number | null;
  readonly data_source: string | null;
  readonly frequency: MetricRecord['frequency'];
  readonly weight: number;
}

/** Where a metric's fields live in the body, for `errors[]`. */
type MetricPath = (
  index: number,
  field: 'direction' | 'baseline_value' | 'target_value' | 'id',
) => string;

interface RawMetric {
  readonly id?: string;
  readonly name: string;
  readonly unit?: string;
  readonly direction?: Direction;
  readonly baseline_value: number | null;
  readonly target_value: number;
  readonly current_value?: number | null;
  readonly data_source?: string | null;
  readonly frequency?: MetricRecord['frequency'];
  readonly weight?: number;
}

interface RawGoal {
  readonly name: string;
  readonly description?: string;
  readonly category?: GoalCategory;
  readonly owner?: { readonly name: string; readonly title?: string | null } | null;
  readonly weight?: number;
  readonly start_date?: string;
  readonly target_date: string;
  readonly metrics: readonly RawMetric[];
  readonly value_drivers?: readonly ValueDriverInput[];
}

function storedDriver(d: ValueDriverInput): StoredDriver {
  return {
    type: d.type,
    label: d.label ?? d.type,
    confidence: d.confidence ?? null,
    hours_per_unit: d.hours_per_unit ?? null,
    units_per_month: d.units_per_month ?? null,
    hours_per_month: d.hours_per_month ?? null,
    hourly_rate: d.hourly_rate ?? null,
    monthly_amount: d.monthly_amount ?? null,
    annual_amount: d.annual_amount ?? null,
    metric_id: d.metric_id ?? null,
  };
}

/** calc's driver fields, as the body spells them, for `errors[]`. */
const BODY_FIELD: Readonly<Record<string, string>> = {
  annualAmount: 'annual_amount',
  monthlyAmount: 'monthly_amount',
  hoursPerUnit: 'hours_per_unit',
  unitsPerMonth: 'units_per_month',
  hoursPerMonth: 'hours_per_month',
  hourlyRate: 'hourly_rate',
};
const LINKED_FIELDS = new Set(['annualAmount', 'monthlyAmount', 'hoursPerUnit', 'hoursPerMonth']);

/**
 * The errors of one driver: its link (the metric must be one of this goal's, by id) and its
 * amounts by calc's own rule, so what is accepted is what calc can value.
 */
function driverErrors(
  d: StoredDriver,
  i: number,
  metrics: readonly MetricFields[],
  linkable: ReadonlyMap<string, number>,
): FieldError[] {
  const at = `/value_drivers/${i}`;
  const id = d.metric_id ?? null;
  const index = id === null ? undefined : linkable.get(id);
  if (id !== null && index === undefined) {
    return [
      {
        field: `${at}/metric_id`,
        message:
          linkable.size === 0
            ? `No metric ${id} in this request: metrics get their ids when they are saved. Save the goal first, then link the driver with updateSuccessGoal, naming the id of one of its metrics.`
            : `No metric ${id} among this goal's metrics in this request. Name the id of a metric listed in metrics[].`,
        code: 'not_found',
      },
    ];
  }
  const m = index === undefined ? undefined : metrics[index];
  const link: MetricLike[] = m && id !== null ? [{ ...m, id, current_value: null }] : [];
  const r = valueDelivered([calcDriver(d, link)]);
  if (r.ok) return [];
  const calcField = r.field ?? '';
  if (id !== null && LINKED_FIELDS.has(calcField)) {
    const field = BODY_FIELD[calcField] ?? calcField;
    return [
      {
        field: `${at}/${field}`,
        message: `Linked to metric ${id}, whose measured change gives this amount: leave ${field} out (units_per_month and hourly_rate may stay).`,
        code: 'linked_amount',
      },
    ];
  }
  const noAmount = r.message.includes('no amount');
  return [
    {
      field: at,
      message: noAmount
        ? d.type === 'time_saved'
          ? 'No usable amount: give annual_amount, monthly_amount, hours_per_month, or hours_per_unit with units_per_month.'
          : 'No usable amount: give annual_amount, monthly_amount, or hours with an hourly_rate.'
        : r.message,
      code: noAmount ? 'no_amount' : 'invalid',
    },
  ];
}

/**
 * `linkedIds`: metric ids a driver may name that the body does not list by id (the flat
 * shorthand's one existing metric, at index 0).
 */
function normalise(
  raw: RawGoal,
  defaultStart: string,
  path: MetricPath,
  startGiven: string,
  linkedIds: ReadonlyMap<string, number> = new Map(),
): GoalFields {
  const errors: FieldError[] = [];
  const start = raw.start_date ?? defaultStart;
  if (start > raw.target_date) {
    errors.push(
      raw.start_date === undefined
        ? {
            field: '/target_date',
            message: `Must not be before the start date, which defaults to ${start}.`,
            code: 'date_order',
          }
        : { field: startGiven, message: 'Must not be after target_date.', code: 'date_order' },
    );
  }
  const metrics = raw.metrics.map((m, i): MetricFields => {
    const inferred = inferDirection(m.baseline_value, m.target_value);
    if (m.direction !== undefined && inferred !== null && m.direction !== inferred) {
      errors.push({
        field: path(i, 'direction'),
        message: `Contradicts baseline ${m.baseline_value} and target ${m.target_value}, which mean ${inferred}. Fix the direction or the target.`,
        code: 'direction_conflict',
      });
    }
    return {
      ...(m.id === undefined ? {} : { id: m.id }),
      name: m.name,
      unit: m.unit ?? '',
      direction: m.direction ?? inferred ?? 'higher_is_better',
      baseline_value: m.baseline_value,
      target_value: m.target_value,
      current_value: m.current_value ?? null,
      data_source: m.data_source ?? null,
      frequency: m.frequency ?? 'monthly',
      weight: m.weight ?? 1,
    };
  });
  // A driver links to a metric by id: the ones the body lists with theirs (existing metrics).
  const linkable = new Map(linkedIds);
  metrics.forEach((m, i) => {
    if (m.id !== undefined) linkable.set(m.id, i);
  });
  const drivers = (raw.value_drivers ?? []).map(storedDriver);
  drivers.forEach((d, i) => {
    errors.push(...driverErrors(d, i, metrics, linkable));
  });
  if (errors.length > 0) throw validationFailed(errors);
  return {
    name: raw.name,
    description: raw.description ?? '',
    category: raw.category ?? 'custom',
    owner: raw.owner ? { name: raw.owner.name, title: raw.owner.title ?? null } : null,
    weight: raw.weight ?? 1,
    start_date: start,
    target_date: raw.target_date,
    metrics,
    value_drivers: drivers,
  };
}

const fullPath: MetricPath = (i, f) => `/metrics/${i}/${f}`;
const flatPath: MetricPath = (_i, f) => (f === 'id' ? '' : `/${f}`);

function flatMetric(b: SuccessGoalFlatCreate | SuccessGoalFlatReplace): RawMetric {
  return {
    name: b.metric,
    unit: b.unit ?? '',
    ...(b.direction === undefined ? {} : { direction: b.direction }),
    baseline_value: b.baseline_value,
    target_value: b.target_value,
    ...('current_value' in b ? { current_value: b.current_value ?? null } : {}),
    ...(b.data_source === undefined ? {} : { data_source: b.data_source }),
    ...(b.frequency === undefined ? {} : { frequency: b.frequency }),
  };
}

/** `createSuccessGoal`'s body, either shape. `today` is the default start date. */
export function fromCreate(
  body: SuccessGoalCreate | SuccessGoalFlatCreate,
  today: string,
): GoalFields {
  if ('metrics' in body) return normalise(body, today, fullPath, '/start_date');
  return normalise({ ...body, metrics: [flatMetric(body)] }, today, flatPath, '/start_date');
}

/**
 * `updateSuccessGoal`'s body; an omitted start date goes back to the day the goal was created.
 * `existingMetricIds`: the goal's metrics now, so a flat body's drivers can link to its one
 * metric (the flat shorthand names no metric ids).
 */
export function fromReplace(
  body: SuccessGoalReplace | SuccessGoalFlatReplace,
  createdAt: number,
  existingMetricIds: readonly string[] = [],
): GoalFields {
  const created = isoDay(createdAt);
  if ('metrics' in body) return normalise(body, created, fullPath, '/start_date');
  const only = existingMetricIds.length === 1 ? existingMetricIds[0] : undefined;
  return normalise(
    { ...body, metrics: [flatMetric(body)] },
    created,
    flatPath,
    '/start_date',
    new Map(only === undefined ? [] : [[only, 0]]),
  );
}

/** PRD-069's camelCase body (`createAccountGoal`). */
export function fromAccount(body: AccountGoalInput, today: string): GoalFields {
  return normalise(
    {
      name: body.title,
      ...(body.description === undefined ? {} : { description: body.description }),
      category: 'custom',
      owner: body.owner ? { name: body.owner, title: null } : null,
      target_date: body.targetDate,
      metrics: body.metrics.map((m) => ({
        name: m.name,
        unit: m.unit,
        ...(m.direction === undefined ? {} : { direction: m.direction }),
        baseline_value: m.baseline,
        target_value: m.target,
        current_value: m.current ?? null,
        data_source: m.dataSource ?? null,
        ...(m.frequency === undefined ? {} : { frequency: m.frequency }),
      })),
    },
    today,
    (i, f) =>
      `/metrics/${i}/${f === 'baseline_value' ? 'baseline' : f === 'target_value' ? 'target' : f}`,
    '/start_date',
  );
}
