import {
  type GoalProgressResult,
  goalProgress,
  goalStatus,
  goalValue,
  metricProgress,
  type ValueDeliveredResult,
} from '@cscx/success-calc';
import { schemas } from '@cscx/success-sdk';
import { localized } from '../localize.js';
import { fillText } from '../states.js';
import type { GoalStatus, SuccessGoal } from '../types.js';
import { EDITOR_TEXT, FIELD_MESSAGES, OPTION_TEXT } from './editor-text.js';

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
  'weight',
] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

export const DRIVER_FIELDS = [
  'type',
  'label',
  'hours_per_unit',
  'units_per_month',
  'hours_per_month',
  'hourly_rate',
  'monthly_amount',
  'annual_amount',
  'confidence',
] as const;
export type DriverField = (typeof DRIVER_FIELDS)[number];

/** The numeric inputs of a driver; which of them a driver shows depends on its type. */
export const DRIVER_AMOUNTS = [
  'hours_per_unit',
  'units_per_month',
  'hours_per_month',
  'hourly_rate',
  'monthly_amount',
  'annual_amount',
] as const satisfies readonly DriverField[];
export type DriverAmount = (typeof DRIVER_AMOUNTS)[number];

/**
 * What a stored goal, metric or driver held when the form was made from it. A field whose text
 * is still the text it was shown with is sent as the stored value itself (not trimmed, not
 * parsed again), and `extra` holds the fields the form has no control for, sent back as they
 * came: saving an unchanged goal changes nothing and loses nothing.
 */
export interface Loaded {
  /** The form's text of each field when loaded. */
  readonly shown: Readonly<Record<string, string>>;
  /** The stored value behind each of those fields. */
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * Writable fields without a control (the API's, e.g. a driver's `metric_id`) and fields this
   * SDK does not know yet (a newer server's). Read-only fields (`annual_value`) are left out.
   */
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface MetricForm extends Record<MetricField, string> {
  /** The stored metric's id (edit mode): PUT keeps its measurement history. */
  id?: string;
  loaded?: Loaded;
}
export interface DriverForm extends Record<DriverField, string> {
  loaded?: Loaded;
}

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
  loaded?: Loaded;
  /**
   * The template a new goal was started from: its milestones are created, linked to the goal,
   * once the goal is. Kept in the session draft with the rest; never part of a request body.
   */
  template?: TemplateOrigin;
}

/** Where a new goal's form came from: a goal template, with the milestones it suggests. */
export interface TemplateOrigin {
  readonly id: string;
  readonly name: string;
  readonly milestones: readonly { name: string; description?: string; offset_days: number }[];
}

/** A select's choices: each wire value with its label in the rendering locale. */
type Options = ReadonlyArray<readonly [string, string]>;
// Lists of wire values; their labels are read when the select renders, in its locale.
const options = (values: readonly (keyof typeof OPTION_TEXT | '')[]): Options =>
  values.map((v) => [v, OPTION_TEXT[v === '' ? 'notSet' : v]] as const);

export const categories = (): Options =>
  options(['efficiency', 'revenue', 'cost', 'quality', 'adoption', 'satisfaction', 'custom']);
export const directions = (): Options => options(['higher_is_better', 'lower_is_better']);
export const frequencies = (): Options => options(['monthly', 'weekly', 'daily', 'quarterly']);
export const driverTypes = (): Options =>
  options(['time_saved', 'cost_reduction', 'revenue_increase']);
export const confidences = (): Options => options(['', 'high', 'medium', 'low']);

/** Labels of every field, by its path in the request body; used in messages and the summary. */
export const FIELD_LABELS: Readonly<Record<string, string>> = localized(FIELD_MESSAGES);

/**
 * The label of a body path: `metrics.1.target_value` is "Metric 2: Target", `value_drivers.0`
 * "Value driver 1". A field the editor has no label for is named as the API names it.
 */
export function labelOf(path: string): string {
  const m = /^(metrics|value_drivers)\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!m) return FIELD_LABELS[path] ?? path;
  const kind = m[1] === 'metrics' ? 'metric' : 'driver';
  const n = Number(m[2]) + 1;
  const item = fillText(kind === 'metric' ? EDITOR_TEXT.metricN : EDITOR_TEXT.driverN, { n });
  if (m[3] === undefined) return item;
  return fillText(EDITOR_TEXT.itemField, {
    item,
    field: FIELD_LABELS[`${kind}.${m[3]}`] ?? m[3],
  });
}

export const emptyMetric = (): MetricForm => ({
  name: '',
  unit: '',
  direction: 'higher_is_better',
  baseline_value: '',
  target_value: '',
  data_source: '',
  frequency: 'monthly',
  weight: '1',
});

export const emptyDriver = (): DriverForm => ({
  type: 'time_saved',
  label: '',
  hours_per_unit: '',
  units_per_month: '',
  hours_per_month: '',
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

/**
 * A form as it was kept (a session draft, possibly from an older editor): every field present,
 * so a field added since reads as empty rather than breaking the editor.
 */
export function completeForm(form: GoalForm): GoalForm {
  return {
    ...emptyForm(''),
    ...form,
    metrics: form.metrics.map((m) => ({ ...emptyMetric(), ...m })),
    value_drivers: (form.value_drivers ?? []).map((d) => ({ ...emptyDriver(), ...d })),
  };
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

const keysOf = (schema: { readonly entries: object }, readOnly: readonly string[] = []) =>
  new Set(Object.keys(schema.entries).filter((k) => !readOnly.includes(k)));
// What the contract lets a replacement write, and what a read returns: a stored field in neither
// is one this SDK does not know yet, kept like a writable one; one only read is derived. A
// replacement accepts the read-only fields back unchanged, but they go stale once a measurement
// moves the goal on, so they are never sent.
const RO = schemas.readOnlyProperties;
const WRITABLE = {
  goal: keysOf(schemas.SuccessGoalReplaceSchema, RO.SuccessGoalReplaceSchema),
  metric: keysOf(schemas.MetricReplaceSchema, RO.MetricReplaceSchema),
  driver: keysOf(schemas.ValueDriverInputSchema),
};
const READ = {
  goal: keysOf(schemas.SuccessGoalSchema),
  metric: keysOf(schemas.SuccessMetricSchema),
  driver: keysOf(schemas.ValueDriverSchema),
};
/** The goal's own fields the form has a control for (its metrics and drivers have theirs). */
const GOAL_FIELDS = [
  'name',
  'description',
  'category',
  'owner',
  'weight',
  'start_date',
  'target_date',
] as const;
const CONTROLLED = {
  goal: new Set<string>([...GOAL_FIELDS, 'metrics', 'value_drivers']),
  metric: new Set<string>(['id', ...METRIC_FIELDS]),
  driver: new Set<string>(DRIVER_FIELDS),
};

function extraOf(stored: object, kind: keyof typeof WRITABLE): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (CONTROLLED[kind].has(key)) continue;
    if (WRITABLE[kind].has(key) || !READ[kind].has(key)) extra[key] = value;
  }
  return extra;
}

function loadedOf(
  stored: object,
  kind: keyof typeof WRITABLE,
  shown: Record<string, string>,
  fields: readonly string[],
): Loaded {
  const record = stored as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const f of fields) if (f in record) values[f] = record[f];
  return { shown, values, extra: extraOf(stored, kind) };
}

function metricFormOf(m: SuccessGoal['metrics'][number]): MetricForm {
  const shown: Record<MetricField, string> = {
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    baseline_value: str(m.baseline_value),
    target_value: str(m.target_value),
    data_source: m.data_source ?? '',
    frequency: m.frequency,
    weight: str(m.weight),
  };
  return { id: m.id, ...shown, loaded: loadedOf(m, 'metric', shown, METRIC_FIELDS) };
}

function driverFormOf(d: SuccessGoal['value_drivers'][number]): DriverForm {
  const shown: Record<DriverField, string> = {
    type: d.type,
    label: d.label,
    hours_per_unit: str(d.hours_per_unit),
    units_per_month: str(d.units_per_month),
    hours_per_month: str(d.hours_per_month),
    hourly_rate: str(d.hourly_rate),
    monthly_amount: str(d.monthly_amount),
    annual_amount: str(d.annual_amount),
    confidence: d.confidence ?? '',
  };
  return { ...shown, loaded: loadedOf(d, 'driver', shown, DRIVER_FIELDS) };
}

/** The form of a stored goal. */
export function formOf(goal: SuccessGoal): GoalForm {
  const shown = {
    name: goal.name,
    description: goal.description,
    category: goal.category,
    owner_name: goal.owner?.name ?? '',
    owner_title: goal.owner?.title ?? '',
    weight: str(goal.weight),
    start_date: goal.start_date.slice(0, 10),
    target_date: goal.target_date.slice(0, 10),
  };
  return {
    ...shown,
    metrics: goal.metrics.map(metricFormOf),
    value_drivers: goal.value_drivers.map(driverFormOf),
    loaded: loadedOf(goal, 'goal', shown, GOAL_FIELDS),
  };
}

/** A typed number: empty is null; anything unparsable is NaN, which the schemas reject. */
export function num(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  return Number(t.replace(/,/g, ''));
}

type Body = Record<string, unknown>;
type Texts = Readonly<Record<string, string>>;

/** True when `field` still shows the text it was loaded with: its stored value is sent. */
function untouched(form: Texts, loaded: Loaded | undefined, field: string): loaded is Loaded {
  return loaded !== undefined && field in loaded.values && loaded.shown[field] === form[field];
}

/** The value of a field: the stored one while untouched, else what was typed, parsed. */
function fieldValue(
  form: Texts,
  loaded: Loaded | undefined,
  field: string,
  parse: (text: string) => unknown,
): unknown {
  return untouched(form, loaded, field) ? loaded.values[field] : parse(form[field] ?? '');
}

const trimmed = (s: string) => s.trim();
const orNull = (s: string) => s.trim() || null;
const asIs = (s: string) => s;

function driverBody(driver: DriverForm, extras: boolean): Body {
  const d = driver as unknown as Texts;
  const l = driver.loaded;
  const has = (f: string) => l !== undefined && f in l.values;
  const b: Body = { type: fieldValue(d, l, 'type', asIs) };
  const label = fieldValue(d, l, 'label', trimmed);
  if (label !== '') b.label = label;
  const confidence = fieldValue(d, l, 'confidence', (s) => s || null);
  if (confidence !== null || has('confidence')) b.confidence = confidence;
  // Every amount is sent whatever the type: the API accepts any combination (an annual amount
  // on a time-saved driver, hours with a rate on a cost reduction) and values what it gets.
  for (const f of DRIVER_AMOUNTS) {
    const n = fieldValue(d, l, f, num);
    if (n !== null || has(f)) b[f] = n;
  }
  if (extras && l) Object.assign(b, l.extra);
  return b;
}

function metricBody(metric: MetricForm, editing: boolean, extras: boolean): Body {
  const m = metric as unknown as Texts;
  const l = metric.loaded;
  const out: Body = {};
  if (editing && metric.id) out.id = metric.id;
  out.name = fieldValue(m, l, 'name', trimmed);
  out.unit = fieldValue(m, l, 'unit', trimmed);
  out.direction = fieldValue(m, l, 'direction', asIs);
  out.baseline_value = fieldValue(m, l, 'baseline_value', num);
  // An empty target is reported as required rather than as "not a number".
  out.target_value = fieldValue(m, l, 'target_value', (s) => num(s) ?? Number.NaN);
  out.data_source = fieldValue(m, l, 'data_source', orNull);
  out.frequency = fieldValue(m, l, 'frequency', asIs);
  const weight = fieldValue(m, l, 'weight', num);
  if (weight !== null) out.weight = weight;
  if (extras && l) Object.assign(out, l.extra);
  return out;
}

function ownerBody(form: GoalForm): unknown {
  const l = form.loaded;
  if (l && 'owner' in l.values && untouchedOwner(form, l)) return l.values.owner;
  const stored = (l?.values.owner ?? null) as { name?: unknown; title?: unknown } | null;
  const name =
    l && stored && l.shown.owner_name === form.owner_name ? stored.name : form.owner_name.trim();
  if (typeof name !== 'string' || name.trim() === '') return null;
  const title =
    l && stored && l.shown.owner_title === form.owner_title
      ? (stored.title ?? null)
      : form.owner_title.trim() || null;
  return { name, title };
}

const untouchedOwner = (form: GoalForm, l: Loaded) =>
  l.shown.owner_name === form.owner_name && l.shown.owner_title === form.owner_title;

/**
 * The request body of the form: `SuccessGoalCreate` (with `customer_id`) when creating,
 * `SuccessGoalReplace` when editing. Not yet validated. `extras: false` leaves out the fields the
 * form has no control for (they came from the server; the editor cannot judge them).
 */
export function bodyOf(
  form: GoalForm,
  customerId: string | undefined,
  editing: boolean,
  { extras = true }: { readonly extras?: boolean } = {},
): Body {
  const l = form.loaded;
  const texts = form as unknown as Texts;
  const b: Body = {};
  if (!editing) b.customer_id = customerId ?? '';
  b.name = fieldValue(texts, l, 'name', trimmed);
  b.description = fieldValue(texts, l, 'description', trimmed);
  b.category = fieldValue(texts, l, 'category', asIs);
  b.owner = ownerBody(form);
  const weight = fieldValue(texts, l, 'weight', num);
  if (weight !== null) b.weight = weight;
  const start = fieldValue(texts, l, 'start_date', asIs);
  if (start) b.start_date = start;
  b.target_date = fieldValue(texts, l, 'target_date', asIs);
  b.metrics = form.metrics.map((m) => metricBody(m, editing, extras));
  b.value_drivers = form.value_drivers.map((d) => driverBody(d, extras));
  if (extras && l) Object.assign(b, l.extra);
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
  const T = EDITOR_TEXT;
  const say = (message: string) => fillText(message, { label: labelOf(path) });
  if (value === '' || value === undefined) return say(T.isRequired);
  if (typeof value === 'number' && Number.isNaN(value)) return say(T.notNumber);
  if (/date$/.test(path)) return say(T.notDate);
  if (/weight$/.test(path)) return say(T.weightRange);
  if (typeof value === 'number') return say(T.outOfRange);
  if (typeof value === 'string') return say(T.tooLong);
  return say(T.notValid);
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
    errors.set('target_date', EDITOR_TEXT.targetBeforeStart);
  }
  return sortErrors(errors);
}

/** One invalid field as the API (`errors[]`) or the SDK's request check names it. */
export interface NamedFieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * The form path (`metrics.0.target_value`) of a field the API or the SDK names: a JSON Pointer
 * into the body (`/metrics/0/target_value`, the server's format), or the dotted form SDKs before
 * 0.2 gave (`metrics.0.target_value`). Undefined for the whole body (`""`) and for parameters
 * (`query.limit`, `header.If-Match`), which no field of the form holds.
 */
export function pathOfField(field: string): string | undefined {
  if (field === '' || field === '/') return undefined;
  if (field.startsWith('/')) {
    return field
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .join('.');
  }
  return /^(query|path|header)\./.test(field) ? undefined : field;
}

/**
 * The API's field errors as messages by form path, each with the field's name and the API's
 * reason: "Metric 1: Direction: Contradicts baseline 24 and target 12, …". A field without a
 * path in the form (a parameter, the whole body) keeps the name the API gave.
 */
export function serverErrors(fields: readonly NamedFieldError[]): Errors {
  const errors: Errors = new Map();
  for (const { field, message } of fields) {
    const path = pathOfField(field);
    const key = path ?? (field || EDITOR_TEXT.wholeGoal);
    const text = fillText(EDITOR_TEXT.fieldError, {
      field: path === undefined ? key : labelOf(path),
      message,
    });
    const before = errors.get(key);
    errors.set(key, before ? `${before} ${text}` : text);
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
      const label =
        field === 'value'
          ? EDITOR_TEXT.columnValue
          : field === 'date'
            ? EDITOR_TEXT.columnDate
            : EDITOR_TEXT.columnMetric;
      if (!errors.has(field)) {
        const v = valueAt(body, path);
        errors.set(
          field,
          fillText(
            typeof v === 'number' && Number.isNaN(v) ? EDITOR_TEXT.notNumber : EDITOR_TEXT.notValid,
            { label },
          ),
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
  'owner',
  'owner.name',
  'owner.title',
  'weight',
  'start_date',
  'target_date',
];
function rank(path: string): number[] {
  const top = ORDER.indexOf(path);
  if (top >= 0) return [top];
  const m = /^(metrics|value_drivers)(?:\.(\d+)(?:\.(.+))?)?$/.exec(path);
  if (!m) return [99];
  const fields: readonly string[] = m[1] === 'metrics' ? METRIC_FIELDS : DRIVER_FIELDS;
  // An item's own error (`value_drivers.0`) comes before its fields'; unknown fields after them.
  const field = m[3] === undefined ? -1 : fields.indexOf(m[3]);
  return [
    m[1] === 'metrics' ? 10 : 11,
    m[2] === undefined ? -1 : Number(m[2]),
    field === -1 && m[3] !== undefined ? 98 : field,
  ];
}
export function sortErrors(errors: Errors): Errors {
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? -1) - (b[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  };
  return new Map([...errors].sort(([a], [b]) => cmp(rank(a), rank(b))));
}

/**
 * What calc will compute for the drivers as typed, by its measured rule (`goalValue`), as the
 * server does: a goal without any measurement (a new one, or `measured` false) delivers
 * nothing yet, and its drivers count only as projected at target.
 */
export function previewValue(form: GoalForm, measured: boolean): ValueDeliveredResult {
  return goalValue({
    measured,
    drivers: form.value_drivers.map((d) => {
      const b = driverBody(d, false);
      const n = (k: string) => (typeof b[k] === 'number' ? (b[k] as number) : null);
      return {
        type: d.type as 'time_saved' | 'cost_reduction' | 'revenue_increase',
        hoursPerUnit: n('hours_per_unit'),
        unitsPerMonth: n('units_per_month'),
        hoursPerMonth: n('hours_per_month'),
        hourlyRate: n('hourly_rate'),
        monthlyAmount: n('monthly_amount'),
        annualAmount: n('annual_amount'),
      };
    }),
  });
}

/**
 * Calc's reason when a metric's target equals its baseline (no progress can be computed from
 * them), as typed; undefined otherwise.
 */
export function targetEqualsBaseline(m: MetricForm): string | undefined {
  const baseline = num(m.baseline_value);
  const target = num(m.target_value);
  if (baseline === null || target === null || baseline !== target) return undefined;
  const r = metricProgress({ baseline, target });
  return !r.ok && r.reason === 'target_equals_baseline' ? r.message : undefined;
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
    metrics: form.metrics.map((m) => {
      const weight = num(m.weight);
      return {
        baseline: num(m.baseline_value),
        target: num(m.target_value) ?? Number.NaN,
        current: m.id ? (current.get(m.id) ?? null) : null,
        direction: m.direction === 'lower_is_better' ? 'lower_is_better' : 'higher_is_better',
        // A weight still being typed (or invalid) counts as the default until it is valid.
        weight: weight !== null && weight > 0 && weight <= 1000 ? weight : null,
      };
    }),
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
