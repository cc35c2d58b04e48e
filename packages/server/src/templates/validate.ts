import {
  type GoalTemplateGoal,
  type GoalTemplateInput,
  type GoalTemplateMilestone,
  type SuccessGoalCreate,
  schemas,
} from '../contract.js';
import { type FieldError, ProblemError, validationFailed } from '../problem.js';
import { parseBody } from '../validate.js';
import { fromCreate, type GoalFields } from '../write/goal-input.js';

/** The days from a goal's start to its target when a template does not say (openapi.yaml). */
export const DEFAULT_DURATION_DAYS = 180;

/** A template as validated, every optional field with its default (how it is stored and sent). */
export interface TemplateDefinition {
  readonly name: string;
  readonly description: string;
  readonly industry: string | null;
  readonly duration_days: number;
  readonly goal: Required<GoalTemplateGoal>;
  readonly milestones: Required<GoalTemplateMilestone>[];
}

// Any customer and start date: only the goal's own rules are checked, never a customer's.
const PROBE_CUSTOMER = 'cus_template_probe';
const PROBE_START = '2026-01-01';

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The `createSuccessGoal` body a template's goal becomes once a customer and dates are filled
 * in: what `<goal-editor>` and scripts send, and what the template is validated as.
 */
export function goalBodyOf(
  t: { readonly goal: GoalTemplateGoal; readonly duration_days: number },
  customerId: string,
  startDate: string,
): SuccessGoalCreate {
  return {
    customer_id: customerId,
    ...t.goal,
    start_date: startDate,
    target_date: addDays(startDate, t.duration_days),
  };
}

/**
 * Validates a goal template body (`createGoalTemplate`, `updateGoalTemplate`, and every entry
 * of the shipped library in its test): the schema, then the template's goal as the
 * `createSuccessGoal` body it becomes, through that operation's own schema and rules, so a
 * template can never suggest a goal the API would refuse. Throws a 422 naming each field.
 */
export function checkTemplate(value: unknown): TemplateDefinition {
  const input: GoalTemplateInput = parseBody(schemas.GoalTemplateInputSchema, value);
  const duration = input.duration_days ?? DEFAULT_DURATION_DAYS;
  const errors: FieldError[] = [];
  (input.milestones ?? []).forEach((m, i) => {
    if (m.offset_days > duration)
      errors.push({
        field: `/milestones/${i}/offset_days`,
        message: `Must be at most duration_days (${duration}): a milestone falls within the goal's timeline.`,
        code: 'maximum',
      });
  });
  const body = goalBodyOf(
    { goal: input.goal, duration_days: duration },
    PROBE_CUSTOMER,
    PROBE_START,
  );
  let fields: GoalFields;
  try {
    fields = fromCreate(parseBody(schemas.SuccessGoalCreateSchema, body), PROBE_START);
  } catch (e) {
    if (!(e instanceof ProblemError) || e.status !== 422) throw e;
    // The goal's fields are under `/goal` in a template; reported with the milestones' errors.
    throw validationFailed([
      ...e.errors.map((f) => ({ ...f, field: `/goal${f.field}` })),
      ...errors,
    ]);
  }
  if (errors.length > 0) throw validationFailed(errors);
  const g = input.goal;
  return {
    name: input.name,
    description: input.description ?? '',
    industry: input.industry ?? null,
    duration_days: duration,
    goal: {
      name: g.name,
      description: g.description ?? '',
      category: g.category,
      weight: g.weight ?? 1,
      metrics: g.metrics.map((m, i) => ({
        name: m.name,
        unit: m.unit,
        // Resolved as the goal would resolve it, so the template shows what the goal will do.
        direction: fields.metrics[i]?.direction ?? m.direction ?? 'higher_is_better',
        baseline_value: m.baseline_value,
        target_value: m.target_value,
        data_source: m.data_source ?? null,
        frequency: m.frequency ?? 'monthly',
        weight: m.weight ?? 1,
      })),
      value_drivers: [...(g.value_drivers ?? [])],
    },
    milestones: (input.milestones ?? []).map((m) => ({
      name: m.name,
      description: m.description ?? '',
      offset_days: m.offset_days,
    })),
  };
}
