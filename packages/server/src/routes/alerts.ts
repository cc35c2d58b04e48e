import type { Hono } from 'hono';
import { scopeOf } from '../auth.js';
import { isoTimestamp } from '../clock.js';
import type { AlertList } from '../contract.js';
import { customerInScope } from '../data.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, TEXT_KEY, TIME_KEY } from '../http/cursor.js';
import { sendJson } from '../http/respond.js';
import { listAlerts } from '../repo/alerts.js';
import { Query } from '../validate.js';

export function registerAlerts(app: Hono<Env>, ctx: AppContext): void {
  // listAlerts: newest first, within the token's scope.
  app.get('/api/alerts', async (c) => {
    const q = new Query(c.req.url, ['customer_id', 'since', 'cursor', 'limit']);
    const customerId = q.id('customer_id');
    const since = q.timestamp('since');
    const limit = q.limit();
    const filters = { op: 'listAlerts', customerId, since };
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
      since,
      after: after ? [after[0] as number, after[1] as string] : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: AlertList = {
      items: page.map((a) => ({ ...a, created_at: isoTimestamp(a.created_at) })),
      next_cursor:
        rows.length > limit && last
          ? ctx.cursors.encode([last.created_at, last.id], filters)
          : null,
    };
    return sendJson(c, 200, body);
  });
}
