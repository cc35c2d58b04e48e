import type { GoalTemplate } from '../types.js';
import { emptyDriver, emptyMetric, type GoalForm } from './goal-form.js';

const text = (n: number | string | null | undefined) =>
  n === null || n === undefined ? '' : String(n);

/** `date` (YYYY-MM-DD) plus `days`, in UTC like every date of the API. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return '';
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The form of a new goal started from `template` on `start` (YYYY-MM-DD): the template's goal
 * with its metrics, suggested baselines and targets and value drivers, a target date
 * `duration_days` after the start, and the template remembered for its milestones. The owner
 * stays empty: a template knows no customer's people.
 */
export function formOfTemplate(template: GoalTemplate, start: string): GoalForm {
  const g = template.goal;
  return {
    name: g.name,
    description: g.description ?? '',
    category: g.category,
    owner_name: '',
    owner_title: '',
    weight: text(g.weight ?? 1),
    start_date: start,
    target_date: addDays(start, template.duration_days),
    metrics: g.metrics.map((m) => ({
      ...emptyMetric(),
      name: m.name,
      unit: m.unit,
      direction: m.direction ?? 'higher_is_better',
      baseline_value: text(m.baseline_value),
      target_value: text(m.target_value),
      data_source: m.data_source ?? '',
      frequency: m.frequency ?? 'monthly',
      weight: text(m.weight ?? 1),
    })),
    value_drivers: (g.value_drivers ?? []).map((d) => ({
      ...emptyDriver(),
      type: d.type,
      label: d.label ?? '',
      hours_per_unit: text(d.hours_per_unit),
      units_per_month: text(d.units_per_month),
      hours_per_month: text(d.hours_per_month),
      hourly_rate: text(d.hourly_rate),
      monthly_amount: text(d.monthly_amount),
      annual_amount: text(d.annual_amount),
      confidence: d.confidence ?? '',
    })),
    template: {
      id: template.id,
      name: template.name,
      milestones: template.milestones.map((m) => ({
        name: m.name,
        ...(m.description ? { description: m.description } : {}),
        offset_days: m.offset_days,
      })),
    },
  };
}
