// explain_number: where a figure comes from, in the API's own words (`?explain=true`): the
// formula, the formula with the customer's numbers, its inputs and the rule it follows. The
// derivations are calc's, keyed by JSON Pointer; no formula text is written here.
import type { components, SuccessClient } from '@cscx/success-sdk';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { resolveCustomer } from '../customers.js';
import { answering, ToolError } from '../errors.js';
import { answer, READ_ONLY } from '../result.js';
import { customerRef, mcpSchema, period } from '../schema.js';

type Metrics = components['schemas']['CustomerSuccessMetrics'];

/** The names people use for the headline figures, and the JSON Pointer of each. */
export const FIGURES: Readonly<Record<string, string>> = {
  roi: '/metrics/value_delivered/roi_multiplier',
  roi_multiplier: '/metrics/value_delivered/roi_multiplier',
  roi_pct: '/metrics/value_delivered/roi_pct',
  net_return: '/metrics/value_delivered/net_return_pct',
  value: '/metrics/value_delivered/total_value',
  total_value: '/metrics/value_delivered/total_value',
  value_delivered: '/metrics/value_delivered/total_value',
  cost_reduction: '/metrics/value_delivered/cost_reduction',
  revenue_impact: '/metrics/value_delivered/revenue_impact',
  time_saved: '/metrics/value_delivered/time_saved_hours',
  time_saved_hours: '/metrics/value_delivered/time_saved_hours',
  success_score: '/metrics/success_score/score',
  score: '/metrics/success_score/score',
  achievement_rate: '/metrics/goals/achievement_rate',
  success_rate: '/metrics/goals/achievement_rate',
};

const input = v.object({
  name: v.string(),
  value: v.unknown(),
  pointer: v.optional(v.string()),
});

export const explainOutput = v.object({
  customer_id: v.string(),
  pointer: v.string(),
  formula: v.string(),
  text: v.string(),
  rule: v.nullable(v.string()),
  result: v.unknown(),
  inputs: v.array(input),
});

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The pointer `figure` names in `m`: an alias, a pointer, or a goal's name ("Revenue from upsell"). */
function pointerOf(figure: string, m: Metrics, keys: readonly string[]): string | null {
  const f = figure.trim();
  if (f.startsWith('/')) return keys.includes(f) ? f : null;
  const alias = FIGURES[norm(f)];
  if (alias) return alias;
  const goal = m.goals.findIndex((g) => g.name.toLowerCase() === f.toLowerCase());
  if (goal >= 0) return `/goals/${goal}/achievement_pct`;
  const tail = keys.filter((k) => k.endsWith(`/${norm(f)}`));
  return tail.length === 1 ? (tail[0] ?? null) : null;
}

export function registerExplainNumber(server: McpServer, client: SuccessClient): void {
  server.registerTool(
    'explain_number',
    {
      title: 'Explain a figure',
      description:
        "How a figure of a customer's success metrics was computed: the formula, the formula with the customer's numbers, its inputs and the rule (PRD or test case) it follows. `figure` is a name (roi, total_value, cost_reduction, revenue_impact, time_saved_hours, success_score, achievement_rate), a goal's name for its progress, or a JSON Pointer into get_success_metrics' API response such as /goals/0/metrics/0/progress_pct.",
      inputSchema: mcpSchema(
        v.object({
          customer: customerRef,
          figure: v.pipe(
            v.string(),
            v.minLength(1, 'Name the figure to explain, such as roi or total_value.'),
            v.maxLength(300, 'A figure is at most 300 characters.'),
            v.description(
              'The figure: roi, total_value, success_score, a goal name, or a JSON Pointer.',
            ),
          ),
          period: v.optional(period),
        }),
      ),
      outputSchema: mcpSchema(explainOutput),
      annotations: { title: 'Explain a figure', ...READ_ONLY },
    },
    async ({ customer, figure, period: p }) =>
      answering('explain the figure', async () => {
        const c = await resolveCustomer(client, customer);
        const m = await client.getCustomerSuccessMetrics({
          customerId: c.id,
          explain: true,
          ...(p ? { period: p } : {}),
        });
        const explanations = m.explanations ?? {};
        const keys = Object.keys(explanations);
        const pointer = pointerOf(figure, m, keys);
        const e = pointer ? explanations[pointer] : undefined;
        if (!pointer || !e) {
          throw new ToolError(
            `"${figure}" is not a figure of ${c.name}'s metrics that has an explanation. Try one of: ${Object.keys(FIGURES).join(', ')}, a goal name (${m.goals.map((g) => g.name).join(', ')}), or a pointer such as ${keys.slice(0, 3).join(', ')}.`,
            { figures: keys.slice(0, 100) },
          );
        }
        const out = {
          customer_id: c.id,
          pointer,
          formula: e.formula,
          text: e.text,
          rule: e.rule ?? null,
          result: e.result,
          inputs: e.inputs.map((i) => ({
            name: i.name,
            value: i.value,
            ...(i.pointer ? { pointer: i.pointer } : {}),
          })),
        };
        const rule = e.rule ? ` (${e.rule})` : '';
        return answer(`${c.name}, ${pointer}: ${e.text}${rule}. Formula: ${e.formula}.`, out);
      }),
  );
}
