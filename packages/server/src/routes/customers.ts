import type { Hono } from 'hono';
import { scopeOf } from '../auth.js';
import type { CustomerList } from '../contract.js';
import { customerInScope } from '../data.js';
import { toCustomer } from '../derive/customer.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, TEXT_KEY } from '../http/cursor.js';
import { etag } from '../http/preconditions.js';
import { sendJson } from '../http/respond.js';
import { listCustomers } from '../repo/customers.js';
import { pathId, Query } from '../validate.js';

const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;

export function registerCustomers(app: Hono<Env>, ctx: AppContext): void {
  // listCustomers: the token's scope, narrowed by the filters, by name then id.
  app.get('/api/customers', async (c) => {
    const q = new Query(c.req.url, ['segment', 'csm_id', 'search', 'cursor', 'limit']);
    const segment = q.enum('segment', SEGMENTS);
    const csmId = q.id('csm_id');
    const search = q.string('search', { max: 200 });
    const limit = q.limit();
    const filters = { op: 'listCustomers', segment, csmId, search };
    const after = ctx.cursors.decode(q.string('cursor', { max: CURSOR_MAX }), filters, [
      TEXT_KEY,
      TEXT_KEY,
    ]);
    const rows = await listCustomers(ctx.db, {
      scope: scopeOf(c.get('principal')),
      segment,
      csmId,
      search,
      after: after ? [after[0] as string, after[1] as string] : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: CustomerList = {
      items: page.map(toCustomer),
      next_cursor:
        rows.length > limit && last ? ctx.cursors.encode([last.name, last.id], filters) : null,
    };
    return sendJson(c, 200, body);
  });

  // getCustomer
  app.get('/api/customers/:customerId', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('customerId', c.req.param('customerId'));
    const customer = await customerInScope(ctx, c.get('principal'), id);
    return sendJson(c, 200, toCustomer(customer), { etag: etag(customer.version) });
  });
}
