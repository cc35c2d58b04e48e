import type { Context, Hono } from 'hono';
import { assertCanWrite, type Principal, scopeOf, sees } from '../auth.js';
import type { AlertList, AlertState } from '../contract.js';
import { customerInScope, findCustomer } from '../data.js';
import { audienceOf, projectAlerts } from '../derive/audience.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, TEXT_KEY, TIME_KEY } from '../http/cursor.js';
import type { Reply } from '../http/idempotency.js';
import {
  checkVersion,
  etag,
  idempotencyKey,
  parseIfMatch,
  requireIfMatch,
} from '../http/preconditions.js';
import { jsonReply, send, sendJson } from '../http/respond.js';
import { notFound } from '../problem.js';
import {
  type AlertRecord,
  alertWire,
  findAlert,
  listAlerts,
  setAlertState,
} from '../repo/alerts.js';
import { pathId, Query } from '../validate.js';

const STATE_FILTERS = ['active', 'open', 'acknowledged', 'dismissed', 'all'] as const;
type StateFilter = (typeof STATE_FILTERS)[number];

/** The states a `state` filter lists; undefined for all of them. */
function statesOf(filter: StateFilter): readonly AlertState[] | undefined {
  if (filter === 'all') return undefined;
  return filter === 'active' ? ['open', 'acknowledged'] : [filter];
}

/** How far along each state is: a state change only moves forward. */
const RANK: Readonly<Record<AlertState, number>> = { open: 0, acknowledged: 1, dismissed: 2 };

/** Who acted, as `acknowledged_by` / `dismissed_by` name them (openapi.yaml `Alert`). */
function actor(p: Principal): string {
  return p.role === 'csm' && p.csmId !== null ? p.csmId : p.tokenId;
}

/** An alert the token may see; the same 404 whether missing or outside the scope. */
async function alertInScope(ctx: AppContext, p: Principal, id: string): Promise<AlertRecord> {
  const a = await findAlert(ctx.db, id);
  const customer = a === null ? null : await findCustomer(ctx, a.customer_id);
  if (a === null || !customer || !sees(p, customer)) throw notFound('Alert', id);
  return a;
}

export function registerAlerts(app: Hono<Env>, ctx: AppContext): void {
  // listAlerts: newest first, within the token's scope.
  app.get('/api/alerts', async (c) => {
    const q = new Query(c.req.url, ['customer_id', 'state', 'since', 'cursor', 'limit']);
    const customerId = q.id('customer_id');
    const state = q.enum('state', STATE_FILTERS) ?? 'active';
    const since = q.timestamp('since');
    const limit = q.limit();
    const filters = { op: 'listAlerts', customerId, state, since };
    const after = ctx.cursors.decode(q.string('cursor', { max: CURSOR_MAX }), filters, [
      TIME_KEY,
      TEXT_KEY,
    ]);
    const p = c.get('principal');
    if (customerId !== undefined) await customerInScope(ctx, p, customerId);
    // A customer_id outside the scope was a 404 above; inside it, it narrows the scope (a viewer
    // token of a parent sees its children's alerts too).
    const scope = scopeOf(p);
    const rows = await listAlerts(ctx.db, {
      csmId: scope.csmId,
      customerId,
      scopeCustomerId: scope.customerId,
      scopeExact: scope.exact === true,
      states: statesOf(state),
      since,
      after: after ? [after[0] as number, after[1] as string] : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: AlertList = {
      items: page.map(alertWire),
      next_cursor:
        rows.length > limit && last
          ? ctx.cursors.encode([last.created_at, last.id], filters)
          : null,
      // Viewers and share links read alerts only.
      can_change: p.role !== 'viewer' && p.role !== 'share',
    };
    return sendJson(c, 200, projectAlerts(body, audienceOf(p)));
  });

  // acknowledgeAlert and dismissAlert: a state change under If-Match, no body.
  const change = (to: 'acknowledged' | 'dismissed') => async (c: Context<Env>) => {
    new Query(c.req.url, []);
    const id = pathId('alertId', c.req.param('alertId'));
    const ifMatch = parseIfMatch(c);
    const key = idempotencyKey(c);
    const p = c.get('principal');
    await alertInScope(ctx, p, id);
    assertCanWrite(p);
    const expected = requireIfMatch(ifMatch);
    const now = ctx.clock().getTime();
    // The alert's own row lock serialises two changes to it. The customer's lock (and its
    // revision bump) is not taken: no derived view reads an alert's state, so nothing cached
    // needs recomputing.
    const reply = await ctx.idempotency.run(
      p,
      key,
      { method: 'POST', path: c.req.path, raw: '' },
      (save) =>
        ctx.db.transaction(async (tx): Promise<Reply> => {
          const rows = await tx.query<{ state: AlertState; version: number }>(
            'SELECT state, version::float8 AS version FROM alerts WHERE id = $1 FOR UPDATE',
            [id],
          );
          const current = rows[0];
          if (!current) throw notFound('Alert', id);
          let a: AlertRecord | null;
          // Already there (or past it): the change is in effect, so a retry gets 200 (RFC 9110
          // §13.1.1) rather than a 412 for the version its first attempt moved on.
          if (RANK[current.state] >= RANK[to]) a = await findAlert(tx, id);
          else {
            checkVersion('alert', current.version, expected);
            a = await setAlertState(tx, id, to, actor(p), now);
          }
          if (!a) throw notFound('Alert', id);
          const r = jsonReply(200, alertWire(a), { etag: etag(a.version) });
          await save(tx, r);
          return r;
        }),
    );
    return send(c, reply);
  };
  app.post('/api/alerts/:alertId/acknowledge', change('acknowledged'));
  app.post('/api/alerts/:alertId/dismiss', change('dismissed'));
}
