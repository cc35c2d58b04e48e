// Prompts: the two conversations CSMs have most (PRD-165 section 8): preparing a QBR and
// reviewing what is at risk. Each names the tools that hold the numbers, so the model asks them
// rather than guessing.
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { customerRef, mcpSchema } from './schema.js';

const user = (text: string) => ({
  messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }],
});

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'qbr_preparation',
    {
      title: 'Prepare a QBR',
      description:
        'Prepares a quarterly business review for one customer: value delivered, ROI, goal progress, risks and the report file.',
      argsSchema: mcpSchema(
        v.object({
          customer: customerRef,
          period: v.optional(v.pipe(v.string(), v.maxLength(7))),
        }),
      ),
    },
    ({ customer, period }) =>
      user(
        [
          `Prepare the quarterly business review for the customer "${customer}"${period ? ` for the period ${period}` : ''}.`,
          `1. Call get_success_metrics (customer "${customer}"${period ? `, period "${period}"` : ''}) and state the value delivered, the ROI and how many goals are achieved.`,
          `2. Call value_delivered for the same customer and period and break the value down (cost reduction, revenue impact, hours saved).`,
          `3. Call list_goals_at_risk for the customer and give each goal at risk with its recommended next action.`,
          '4. Use explain_number for any figure the customer may question (ROI, total value).',
          `5. Call generate_success_report with format "ppt" and link the deck.`,
          'Quote the figures exactly as the tools format them; do not recompute them.',
        ].join('\n'),
      ),
  );

  server.registerPrompt(
    'at_risk_review',
    {
      title: 'Review goals at risk',
      description:
        'Reviews the goals at risk, across the portfolio or for one customer, and proposes the next actions.',
      argsSchema: mcpSchema(v.object({ customer: v.optional(customerRef) })),
    },
    ({ customer }) =>
      user(
        [
          customer
            ? `Review the goals at risk of the customer "${customer}".`
            : 'Review the goals at risk across my customers.',
          `1. Call list_goals_at_risk${customer ? ` with customer "${customer}"` : ' with no customer'}.`,
          '2. For each goal: how far it is behind the expected pace, its target date, and the recommended actions in priority order.',
          '3. Group the actions by who should take them this week, and say which goal most needs attention.',
          'Quote the figures exactly as the tool formats them; do not recompute them.',
        ].join('\n'),
      ),
  );
}
