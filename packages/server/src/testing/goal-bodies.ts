// Request bodies the bad-input tests start from and then spoil: one per shape a goal can take.

/** A createSuccessGoal body with every field the contract allows set, and two value drivers. */
export function fullGoalBody(): Record<string, unknown> {
  return {
    customer_id: 'cus_acme',
    name: 'Full',
    description: 'd',
    category: 'efficiency',
    owner: { name: 'A', title: 'B' },
    weight: 2,
    start_date: '2026-01-01',
    target_date: '2026-06-30',
    metrics: [
      {
        name: 'm',
        unit: 'h',
        direction: 'lower_is_better',
        baseline_value: 24,
        target_value: 12,
        current_value: 20,
        data_source: 's',
        frequency: 'weekly',
        weight: 1,
      },
    ],
    value_drivers: [
      {
        type: 'time_saved',
        label: 'l',
        confidence: 'high',
        hours_per_unit: 1,
        units_per_month: 2,
        hourly_rate: 3,
      },
      { type: 'cost_reduction', label: 'c', confidence: 'medium', monthly_amount: 100 },
    ],
  };
}
