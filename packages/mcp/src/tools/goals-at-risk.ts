// list_goals_at_risk: "Which goals are at risk?" for one customer, or across the token's
// portfolio when no customer is named, each with the API's recommended actions.
import type { components, SuccessClient } from '@cscx/success-sdk';
import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { APP_URI, appMeta } from '../app/data.js';
import { resolveCustomer } from '../customers.js';
import { answering } from '../errors.js';
import { percent, status } from '../format.js';
import { answer, READ_ONLY } from '../result.js';
import { customerRef, mcpSchema, nullableNumber } from '../schema.js';

type Goal = components['schemas']['SuccessGoal'];

/** Goals whose recommendations are fetched one by one in the portfolio view. */
const MAX_PORTFOLIO_GOALS = 50;

const recommendation = v.object({ priority: v.string(), action: v.string(), reason: v.string() });

export const goalAtRisk = v.object({
  customer_id: v.string(),
  customer_name: v.string(),
  goal_id: v.string(),
  name: v.string(),
  status: v.string(),
  achievement_pct: nullableNumber,
  expected_pct: nullableNumber,
  target_date: v.string(),
  recommendations: v.array(recommendation),
});

export const goalsAtRiskOutput = v.object({
  scope: v.picklist(['customer', 'portfolio']),
  total: v.number(),
  goals: v.array(goalAtRisk),
});

type GoalAtRisk = v.InferOutput<typeof goalAtRisk>;

const fromGoal = (g: Goal, customerName: string): GoalAtRisk => ({
  customer_id: g.customer_id,
  customer_name: customerName,
  goal_id: g.id,
  name: g.name,
  status: g.status,
  achievement_pct: g.achievement_pct,
  expected_pct: g.expected_pct,
  target_date: g.target_date,
  // Null for a customer-facing token: the API withholds internal text from it.
  recommendations: (g.recommendations ?? []).map((r) => ({ ...r })),
});

function riskText(goals: readonly GoalAtRisk[], total: number, scope: string): string {
  if (goals.length === 0) return `No goal is at risk ${scope}.`;
  const lines = goals.map((g) => {
    const expected = g.expected_pct === null ? '' : `, expected ${percent(g.expected_pct)} by now`;
    const first = g.recommendations[0];
    const next = first ? ` Next: ${first.action} (${first.reason}).` : '';
    return `- ${g.customer_name}: ${g.name} (${status(g.status)}), ${percent(g.achievement_pct)} of target${expected}, due ${g.target_date}.${next}`;
  });
  const more = total > goals.length ? `\n(${total - goals.length} more not listed.)` : '';
  return `${total} goal${total === 1 ? '' : 's'} at risk ${scope}:\n${lines.join('\n')}${more}`;
}

export function registerGoalsAtRisk(server: McpServer, client: SuccessClient): void {
  registerAppTool(
    server,
    'list_goals_at_risk',
    {
      title: 'Goals at risk',
      description:
        'The goals that are at risk (or missed) with the recommended next actions: of one customer, or of every customer this token can see when `customer` is left out. Answers "Which goals are at risk?".',
      inputSchema: mcpSchema(v.object({ customer: v.optional(customerRef) })),
      outputSchema: mcpSchema(goalsAtRiskOutput),
      annotations: { title: 'Goals at risk', ...READ_ONLY },
      // MCP Apps: one customer's answer comes with their dashboard (the portfolio's is text).
      _meta: { ui: { resourceUri: APP_URI } },
    },
    async ({ customer }) =>
      answering('list the goals at risk', async () => {
        if (customer !== undefined) {
          const c = await resolveCustomer(client, customer);
          const m = await client.getCustomerSuccessMetrics({ customerId: c.id });
          const goals = m.goals
            .filter((g) => g.status === 'at_risk' || g.status === 'missed')
            .map((g) => fromGoal(g, c.name));
          const out = { scope: 'customer' as const, total: goals.length, goals };
          return {
            ...answer(riskText(goals, goals.length, `for ${c.name}`), out),
            _meta: appMeta(m),
          };
        }
        const portfolio = await client.getPortfolioSuccessMetrics({ limit: 1 });
        const listed = portfolio.summary.goals_at_risk;
        // The portfolio lists the goals (at most 20); each goal carries its recommendations.
        const goals = await Promise.all(
          listed
            .slice(0, MAX_PORTFOLIO_GOALS)
            .map(async (r) =>
              fromGoal(await client.getSuccessGoal({ goalId: r.goal_id }), r.customer_name),
            ),
        );
        const total = portfolio.summary.at_risk;
        const out = { scope: 'portfolio' as const, total, goals };
        return answer(riskText(goals, total, 'across your customers'), out);
      }),
  );
}
