// record_measurement: the one write. The API decides who may write (a viewer token gets 403);
// the tool turns that into a sentence the agent can relay.
import { randomUUID } from 'node:crypto';
import { PermissionDeniedError, type SuccessClient } from '@cscx/success-sdk';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { answering, ToolError } from '../errors.js';
import { percent, status } from '../format.js';
import { answer } from '../result.js';
import { id, mcpSchema, nullableNumber } from '../schema.js';

export const recordOutput = v.object({
  goal_id: v.string(),
  metric_id: v.string(),
  measurement_id: v.string(),
  value: v.number(),
  goal_status: v.string(),
  achievement_pct: nullableNumber,
  version: v.number(),
  alerts: v.array(v.object({ type: v.string(), message: v.string() })),
});

export function registerRecordMeasurement(server: McpServer, client: SuccessClient): void {
  server.registerTool(
    'record_measurement',
    {
      title: 'Record a measurement',
      description:
        "Records a new value of one metric of a goal (dated now) and returns the goal's new progress and status. Needs a CSM or manager token: viewer tokens are read-only.",
      inputSchema: mcpSchema(
        v.object({
          goal_id: id('goal id'),
          metric_id: id('metric id'),
          value: v.pipe(
            v.number('The value is a number.'),
            v.minValue(-1e15, 'The value is at least -1e15.'),
            v.maxValue(1e15, 'The value is at most 1e15.'),
            v.description("The metric's new value, in its unit."),
          ),
          note: v.optional(
            v.pipe(v.string(), v.maxLength(500, 'A note is at most 500 characters.')),
          ),
        }),
      ),
      outputSchema: mcpSchema(recordOutput),
      annotations: {
        title: 'Record a measurement',
        readOnlyHint: false,
        idempotentHint: false,
        destructiveHint: false,
        openWorldHint: false,
      },
    },
    async ({ goal_id, metric_id, value, note }) =>
      answering('record the measurement', async () => {
        let result: Awaited<ReturnType<SuccessClient['recordMeasurement']>>;
        try {
          result = await client.recordMeasurement({
            goalId: goal_id,
            // One key per call: a retried request is applied once.
            idempotencyKey: randomUUID(),
            body: { metric_id, value, ...(note !== undefined ? { note } : {}) },
          });
        } catch (e) {
          if (e instanceof PermissionDeniedError) {
            throw new ToolError(
              `This token is read-only (a viewer token), so it cannot record measurements. Ask a CSM or a manager to record ${value} for ${metric_id}. (${e.problem.detail ?? e.problem.title})`,
            );
          }
          throw e;
        }
        const g = result.goal;
        const out = {
          goal_id: g.id,
          metric_id,
          measurement_id: result.measurement.id,
          value,
          goal_status: g.status,
          achievement_pct: g.achievement_pct,
          version: g.version,
          alerts: result.alerts.map((a) => ({ type: a.type, message: a.title })),
        };
        const alerts =
          out.alerts.length > 0 ? ` Alerts: ${out.alerts.map((a) => a.message).join('; ')}.` : '';
        return answer(
          `Recorded ${value} for ${metric_id} on "${g.name}": the goal is now ${status(g.status)} at ${percent(g.achievement_pct)} of target.${alerts}`,
          out,
        );
      }),
  );
}
