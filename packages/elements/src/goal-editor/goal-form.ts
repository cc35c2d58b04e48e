import {
  type GoalProgressResult,
  goalProgress,
  goalStatus,
  type ValueDeliveredResult,
  valueDelivered,
} from '@cscx/success-calc';
import { schemas } from '@cscx/success-sdk';
import type { GoalStatus, SuccessGoal } from '../types.js';

// The editor keeps what the user typed as strings, so a half-typed "12." or an empty field is
// never lost to number parsing; bodies are built from them only to validate, preview and save.

export const METRIC_FIELDS = [
  'name',
  'unit',
  'direction',
  'baseline_value',
  'target_value',
  'data_source',
  'frequency',
] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

export const DRIVER_FIELDS = [
  'type',
  'label',
  'hours_per_unit',
  'units_per_month',
  'hourly_rate',
  'monthly_amount',
  'annual_amount',
  'confidence',
] as const;
export type DriverField = (typeof DRIVER_FIELDS)[number];

export interface MetricForm extends Record<MetricField, string> {
  /** The stored metric's id (edit mode): PUT keeps its measurement history. */
  id?: string;
}
export type DriverForm = Record<DriverField, string>;

export interface GoalForm {
  name: string;
  description: string;
  category: string;
  owner_name: string;
  owner_title: string;
  weight: string;
  start_date: string;
  target_date: string;
  metrics: MetricForm[];
  value_drivers: DriverForm[];
}

export const CATEGORIES = [
  ['efficiency', 'Efficiency'],
  ['revenue', 'Revenue'],
  ['cost', 'Cost'],
  ['quality', 'Quality'],
  ['adoption', 'Adoption'],
  ['satisfaction', 'Satisfaction'],
  ['custom', 'Custom'],
] as const;
export const DIRECTIONS = [
  ['higher_is_better', 'Higher is better'],
  ['lower_is_better', 'Lower is better'],
] as const;
export const FREQUENCIES = [
  ['monthly', 'Monthly'],
  ['weekly', 'Weekly'],
  ['daily', 'Daily'],
  ['quarterly', 'Quarterly'],
] as const;
export const DRIVER_TYPES = [
  ['time_saved', 'Time saved'],
  ['cost_reduction', 'Cost reduction'],
  ['revenue_increase', 'Revenue increase'],
] as const;
export const CONFIDENCES = [
  ['', 'Not set'],
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
] as const;

/** Labels of every field, by its path in the request body; used in messages and the summary. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Goal name',
  description: 'Description',
  category: 'Category',
  'owner.name': 'Owner name',
  'owner.title': 'Owner title',
  weight: 'Weight',
  start_date: 'Start date',
  target_date: 'Target date',
  'metric.name': 'Metric name',
  'metric.unit': 'Unit',
  'metric.direction': 'Direction',
  'metric.baseline_value': 'Baseline',
  'metric.target_value': 'Target',
  'metric.data_source': 'Data source',
  'metric.frequency': 'Frequency',
  'driver.type': 'Driver type',
  'driver.label': 'Label',
  'driver.hours_per_unit': 'Hours per unit',
  'driver.units_per_month': 'Units per month',
  'driver.hourly_rate': 'Hourly rate',
  'driver.monthly_amount': 'Monthly amount',
  'driver.annual_amount': 'Annual amount',
  'driver.confidence': 'Confidence',
};

/** The label of a body path: `metrics.1.target_value` is "Metric 2: Target". */
export function labelOf(path: string): string {
  const m = /^(metrics|value_drivers)\.(\d+)\.(.+)$/.exec(path);
  if (!m) return FIELD_LABELS[path] ?? path;
  const kind = m[1] === 'metrics' ? 'metric' : 'driver';
  const n = Number(m[2]) + 1;
  const field = FIELD_LABELS[`${kind}.${m[3]}`] ?? m[3] ?? '';
  return `${kind === 'metric' ? 'Metric' : 'Value driver'} ${n}: ${field}`;
}

export const emptyMetric = (): MetricForm => ({
  name: '',
  unit: '',
  direction: 'higher_is_better',
  baseline_value: '',
  target_value: '',
  data_source: '',
  frequency: 'monthly',
});

export const emptyDriver = (): DriverForm => ({
  type: 'time_saved',
  label: '',
  hours_per_unit: '',
  units_per_month: '',
  hourly_rate: '',
  monthly_amount: '',
  annual_amount: '',
  confidence: '',
});

export function emptyForm(today: string): GoalForm {
  return {
    name: '',
    description: '',
    category: 'efficiency',
    owner_name: '',
    owner_title: '',
    weight: '1',
    start_date: today,
    target_date: '',
    metrics: [emptyMetric()],
    value_drivers: [],
  };
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** The form of a stored goal. */
export function formOf(goal: SuccessGoal): GoalForm {
  return {
    name: goal.name,
    description: goal.description,
    category: goal.category,
    owner_name: goal.owner?.name ?? '',
    owner_title: goal.owner?.title ?? '',
    weight: str(goal.weight),
    start_date: goal.start_date.slice(0, 10),
    target_date: goal.target_date.slice(0, 10),
    metrics: goal.metrics.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      direction: m.direction,
      baseline_value: str(m.baseline_value),
      target_value: str(m.target_value),
      data_source: m.data_source ?? '',
      frequency: m.frequency,
    })),
    value_drivers: goal.value_drivers.map((d) => ({
      type: d.type,
      label: d.label,
      hours_per_unit: str(d.hours_per_unit),
      units_per_month: str(d.units_per_month),
      hourly_rate: str(d.hourly_rate),
      monthly_amount: str(d.monthly_amount),
      annual_amount: str(d.annual_amount),
      confidence: d.confidence ?? '',
    })),
  };
}

/** A typed number: empty is null; anything unparsable is NaN, which the schemas reject. */
export function num(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  return Number(t.replace(/,/g, ''));
}

type Body = Record<string, unknown>;

function driverBody(d: DriverForm): Body {
  const b: Body = { type: d.type };
  if (d.label.trim()) b.label = d.label.trim();
  if (d.confidence) b.confidence = d.confidence;
  const numeric =
    d.type === 'time_saved'
      ? (['hours_per_unit', 'units_per_month', 'hourly_rate'] as const)
      : (['monthly_amount', 'annual_amount'] as const);
  for (const f of numeric) {
    const n = num(d[f]);
    if (n !== null) b[f] = n;
  }
  return b;
}

/**
 * The request body of the form: `SuccessGoalCreate` (with `customer_id`) when creating,
 * `SuccessGoalReplace` when editing. Not yet validated.
 */
export function bodyOf(form: GoalForm, customerId: string | undefined, editing: boolean): Body {
  const b: Body = {};
  if (!editing) b.customer_id = customerId ?? '';
  b.name = form.name.trim();
  b.description = form.description.trim();
  b.category = form.category;
  b.owner = form.owner_name.trim()
    ? { name: form.owner_name.trim(), title: form.owner_title.trim() || null }
    : null;
  const weight = num(form.weight);
  if (weight !== null) b.weight = weight;
  if (form.start_date) b.start_date = form.start_date;
  b.target_date = form.target_date;
  b.metrics = form.metrics.map((m) => {
    const out: Body = {};
    if (editing && m.id) out.id = m.id;
    out.name = m.name.trim();
    out.unit = m.unit.trim();
    out.direction = m.direction;
    out.baseline_value = num(m.baseline_value);
    // An empty target is reported as required rather than as "not a number".
    out.target_value = num(m.target_value) ?? Number.NaN;
    out.data_source = m.data_source.trim() || null;
    out.frequency = m.frequency;
    return out;
  });
  b.value_drivers = form.value_drivers.map(driverBody);
  return b;
}

/** Validation messages by body path, in form order. */
export type Errors = Map<string, string>;

interface Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

function pathOf(issue: Issue): string {
  return (issue.path ?? [])
    .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
    .map(String)
    .join('.');
}

function messageFor(path: string, value: unknown): string {
  const label = labelOf(path);
  if (value === '' || value === undefined) return `${label} is required.`;
  if (typeof value === 'number' && Number.isNaN(value)) return `${label} must be a number.`;
  if (/date$/.test(path)) return `${label} must be a valid date.`;
  if (/weight$/.test(path)) return `${label} must be more than 0 and at most 1,000.`;
  if (typeof value === 'number') return `${label} is out of range.`;
  if (typeof value === 'string') return `${label} is too long.`;
  return `${label} is not valid.`;
}

function valueAt(body: Body, path: string): unknown {
  let cur: unknown = body;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * Validates a body with the SDK's valibot schema through its Standard Schema interface (so the
 * elements need no direct valibot dependency), plus the one rule the schema cannot state: the
 * target date is not before the start date.
 */
export function validate(body: Body, editing: boolean): Errors {
  const schema = editing ? schemas.SuccessGoalReplaceSchema : schemas.SuccessGoalCreateSchema;
  const result = schema['~standard'].validate(body);
  const errors: Errors = new Map();
  if (!(result instanceof Promise) && result.issues) {
    for (const issue of result.issues) {
      const path = pathOf(issue) || 'name';
      if (!errors.has(path)) errors.set(path, messageFor(path, valueAt(body, path)));
    }
  }
  const start = body.start_date;
  const target = body.target_date;
  if (
    typeof start === 'string' &&
    typeof target === 'string' &&
    target !== '' &&
    !errors.has('target_date') &&
    target < start
  ) {
    errors.set('target_date', 'Target date must be on or after the start date.');
  }
  return sortErrors(errors);
}

/** The measurement body check, through the SDK schema too. */
export function validateMeasurement(body: Body): Errors {
  const result = schemas.MeasurementInputSchema['~standard'].validate(body);
  const errors: Errors = new Map();
  if (!(result instanceof Promise) && result.issues) {
    for (const issue of result.issues) {
      const path = pathOf(issue);
      const field = path === 'value' ? 'value' : path === 'measured_at' ? 'date' : 'metric';
      const label = field === 'value' ? 'Value' : field === 'date' ? 'Date' : 'Metric';
      if (!errors.has(field)) {
        const v = valueAt(body, path);
        errors.set(
          field,
          typeof v === 'number' && Number.isNaN(v)
            ? `${label} must be a number.`
            : `${label} is not valid.`,
        );
      }
    }
  }
  return errors;
}

const ORDER = [
  'name',
  'description',
  'category',
  'owner.name',
  'owner.title',
  'weight',
  'start_date',
  'target_date',
];
function rank(path: string): number[] {
  const top = ORDER.indexOf(path);
  if (top >= 0) return [top];
  const m = /^(metrics|value_drivers)\.(\d+)\.(.+)$/.exec(path);
  if (!m) return [99];
  const fields: readonly string[] = m[1] === 'metrics' ? METRIC_FIELDS : DRIVER_FIELDS;
  return [m[1] === 'metrics' ? 10 : 11, Number(m[2]), fields.indexOf(m[3] ?? '')];
}
function sortErrors(errors: Errors): Errors {
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? -1) - (b[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  };
  return new Map([...errors].sort(([a], [b]) => cmp(rank(a), rank(b))));
}

/** What calc will compute for the drivers as typed: the expected value per year. */
export function previewValue(form: GoalForm): ValueDeliveredResult {
  return valueDelivered(
    form.value_drivers.map((d) => {
      const b = driverBody(d);
      const n = (k: string) => (typeof b[k] === 'number' ? (b[k] as number) : null);
      return {
        type: d.type as 'time_saved' | 'cost_reduction' | 'revenue_increase',
        hoursPerUnit: n('hours_per_unit'),
        unitsPerMonth: n('units_per_month'),
        hourlyRate: n('hourly_rate'),
        monthlyAmount: n('monthly_amount'),
        annualAmount: n('annual_amount'),
      };
    }),
  );
}

export interface ProgressPreview {
  readonly progress: GoalProgressResult;
  readonly status: GoalStatus;
  readonly percent: number | null;
}

/**
 * What calc will compute for an existing goal with the baselines and targets as typed and the
 * current values it has: its progress and status today.
 */
export function previewProgress(form: GoalForm, goal: SuccessGoal, asOf: Date): ProgressPreview {
  const current = new Map(goal.metrics.map((m) => [m.id, m.current_value]));
  const progress = goalProgress({
    metrics: form.metrics.map((m) => ({
      baseline: num(m.baseline_value),
      target: num(m.target_value) ?? Number.NaN,
      current: m.id ? (current.get(m.id) ?? null) : null,
      direction: m.direction === 'lower_is_better' ? 'lower_is_better' : 'higher_is_better',
    })),
  });
  const percent = progress.ok ? progress.percent : null;
  const status = goalStatus(
    {
      percent,
      startDate: form.start_date || null,
      targetDate: form.target_date || null,
      hasMeasurement: goal.metrics.some((m) => m.current_value !== null),
    },
    { asOf },
  ).status;
  return { progress, status, percent };
}

/** A fresh idempotency key. */
export function newKey(): string {
  return crypto.randomUUID();
}
