// list_alerts, acknowledge_alert, dismiss_alert: the alerts the API raises (goal achieved, at
// risk, milestone achieved) and moving them on. The API takes the alert's version as If-Match;
// the tools take it too, or read it first and say so.
import { type components, PreconditionFailedError, type SuccessClient } from '@cscx/success-sdk';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { resolveCustomer } from '../customers.js';
import { answering, ToolError } from '../errors.js';
import { status } from '../format.js';
import { answer, READ_ONLY } from '../result.js';
import { customerRef, id, mcpSchema } from '../schema.js';

type Alert = components['schemas']['Alert'];

/** Alerts one list_alerts answer holds at most (one API page). */
const LIST_MAX = 100;
/** Pages of active alerts read to find an alert's version when none is given. */
const LOOKUP_PAGES = 10;
const LOOKUP_PAGE_SIZE = 500;

export const alertOutput = v.object({
  id: v.string(),
  customer_id: v.string(),
  goal_id: v.nullable(v.string()),
  milestone_id: v.nullable(v.string()),
  type: v.string(),
  title: v.string(),
  cause: v.string(),
  created_at: v.string(),
  state: v.string(),
  version: v.number(),
});

export const alertListOutput = v.object({
  state: v.string(),
  can_change: v.boolean(),
  alerts: v.array(alertOutput),
  next_cursor: v.nullable(v.string()),
});

export const alertChangeOutput = v.object({
  alert: alertOutput,
  /** The version sent as If-Match, and whether the tool read it first. */
  if_match: v.number(),
  version_read_first: v.boolean(),
});

const toOutput = (a: Alert): v.InferOutput<typeof alertOutput> => ({
  id: a.id,
  customer_id: a.customer_id,
  goal_id: a.goal_id,
  milestone_id: a.milestone_id,
  type: a.type,
  title: a.title,
  cause: a.cause,
  created_at: a.created_at,
  state: a.state,
  version: a.version,
});

const STATES = ['active', 'open', 'acknowledged', 'dismissed', 'all'] as const;

const alertId = id(
  'alert id',
  'alt_acme_0001',
  'The alert, by its id as list_alerts returned it (such as alt_acme_0001).',
);
const version = v.optional(
  v.pipe(
    v.number('The version is a whole number.'),
    v.integer('The version is a whole number.'),
    v.minValue(1, 'The version is at least 1.'),
    v.description(
      "The alert's version from list_alerts, sent as If-Match: the change is refused if the alert moved on since you read it. Leave it out and the tool reads the current version first.",
    ),
  ),
);

/** The alert's current version, from the alerts this token sees (every state). */
async function readVersion(client: SuccessClient, alert: string): Promise<number> {
  let cursor: string | undefined;
  for (let page = 0; page < LOOKUP_PAGES; page++) {
    const list = await client.listAlerts({
      state: 'all',
      limit: LOOKUP_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    const found = list.items.find((a) => a.id === alert);
    if (found) return found.version;
    if (!list.next_cursor) break;
    cursor = list.next_cursor;
  }
  throw new ToolError(
    `No alert ${alert} among the alerts this token can see. Check the id with list_alerts (state "all"), or pass its version.`,
  );
}

function listText(alerts: readonly Alert[], state: string, who: string, more: boolean): string {
  if (alerts.length === 0) return `No ${state === 'all' ? '' : `${state} `}alerts ${who}.`;
  const lines = alerts.map(
    (a) =>
      `- ${a.id} (${status(a.state)}, version ${a.version}, ${a.created_at.slice(0, 10)}): ${a.title}. ${a.cause}`,
  );
  return `${alerts.length} ${state === 'all' ? '' : `${state} `}alert${alerts.length === 1 ? '' : 's'} ${who}, newest first:\n${lines.join('\n')}${more ? '\n(More: call again with next_cursor.)' : ''}`;
}

export function registerAlerts(server: McpServer, client: SuccessClient): void {
  server.registerTool(
    'list_alerts',
    {
      title: 'List alerts',
      description:
        'The alerts the kit raised (goal achieved, goal at risk, milestone achieved), newest first, each with its cause, state and version: of one customer, or of every customer this token sees when `customer` is left out. `state`: "active" (default: open and acknowledged, still to act on), "open", "acknowledged", "dismissed" or "all". `can_change` says whether this token may acknowledge or dismiss them.',
      inputSchema: mcpSchema(
        v.object({
          customer: v.optional(customerRef),
          state: v.optional(
            v.pipe(
              v.picklist(STATES, 'The state is active, open, acknowledged, dismissed or all.'),
              v.description(
                'Which alerts: active (default), open, acknowledged, dismissed or all.',
              ),
            ),
          ),
          cursor: v.optional(
            v.pipe(
              v.string(),
              v.maxLength(2048, 'A cursor is at most 2048 characters.'),
              v.description('next_cursor of the previous answer, for the next page.'),
            ),
          ),
        }),
      ),
      outputSchema: mcpSchema(alertListOutput),
      annotations: { title: 'List alerts', ...READ_ONLY },
    },
    async ({ customer, state, cursor }) =>
      answering('list the alerts', async () => {
        const c = customer === undefined ? null : await resolveCustomer(client, customer);
        const chosen = state ?? 'active';
        const list = await client.listAlerts({
          state: chosen,
          limit: LIST_MAX,
          ...(c ? { customer_id: c.id } : {}),
          ...(cursor ? { cursor } : {}),
        });
        const out = {
          state: chosen,
          can_change: list.can_change,
          alerts: list.items.map(toOutput),
          next_cursor: list.next_cursor,
        };
        const who = c ? `for ${c.name}` : 'across your customers';
        const readOnly = list.can_change
          ? ''
          : '\nThis token is read-only: it cannot acknowledge or dismiss alerts.';
        return answer(
          `${listText(list.items, chosen, who, list.next_cursor !== null)}${readOnly}`,
          out,
        );
      }),
  );

  const change = (
    name: 'acknowledge_alert' | 'dismiss_alert',
    verb: 'acknowledge' | 'dismiss',
    description: string,
  ) =>
    server.registerTool(
      name,
      {
        title: verb === 'acknowledge' ? 'Acknowledge an alert' : 'Dismiss an alert',
        description,
        inputSchema: mcpSchema(v.object({ alert_id: alertId, version })),
        outputSchema: mcpSchema(alertChangeOutput),
        annotations: {
          title: verb === 'acknowledge' ? 'Acknowledge an alert' : 'Dismiss an alert',
          readOnlyHint: false,
          // A repeat finds the alert already moved on and returns it unchanged.
          idempotentHint: true,
          destructiveHint: false,
          openWorldHint: false,
        },
      },
      async ({ alert_id, version: given }) =>
        answering(`${verb} alert ${alert_id}`, async () => {
          const ifMatch = given ?? (await readVersion(client, alert_id));
          let a: Alert;
          try {
            a =
              verb === 'acknowledge'
                ? await client.acknowledgeAlert({ alertId: alert_id, ifMatch })
                : await client.dismissAlert({ alertId: alert_id, ifMatch });
          } catch (e) {
            if (e instanceof PreconditionFailedError) {
              throw new ToolError(
                `The API refused to ${verb} alert ${alert_id} (412): ${e.problem.detail ?? e.problem.title} Someone changed it since version ${ifMatch} was read: call list_alerts for its current state and version, or leave the version out to use the current one.`,
              );
            }
            throw e;
          }
          const read = given === undefined ? ` (read its current version ${ifMatch} first)` : '';
          const done =
            a.version === ifMatch
              ? `Alert ${a.id} was already ${status(a.state)}; nothing changed${read}.`
              : `${verb === 'acknowledge' ? 'Acknowledged' : 'Dismissed'} alert ${a.id}${read}: "${a.title}" is now ${status(a.state)}, version ${a.version}.`;
          return answer(done, {
            alert: toOutput(a),
            if_match: ifMatch,
            version_read_first: given === undefined,
          });
        }),
    );

  change(
    'acknowledge_alert',
    'acknowledge',
    "Marks an open alert acknowledged (someone is acting on it; it stays in the active list). Takes the alert id from list_alerts and, optionally, its version (If-Match: refused if the alert changed since); without a version the tool reads the current one first and says so. An alert already acknowledged or dismissed is returned unchanged. Needs a CSM (own portfolio) or manager token: a viewer token gets the API's 403.",
  );
  change(
    'dismiss_alert',
    'dismiss',
    'Marks an open or acknowledged alert dismissed (handled; off the active list, still listed with state "dismissed"). Takes the alert id from list_alerts and, optionally, its version (If-Match: refused if the alert changed since); without a version the tool reads the current one first and says so. An alert already dismissed is returned unchanged. Needs a CSM (own portfolio) or manager token: a viewer token gets the API\'s 403.',
  );
}
