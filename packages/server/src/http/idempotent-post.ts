import type { Hono } from 'hono';
import type { Principal } from '../auth.js';
import { pathId, Query } from '../validate.js';
import type { JsonBody } from './body.js';
import { readJson } from './body.js';
import type { AppContext, Env } from './context.js';
import type { Reply, SaveReply } from './idempotency.js';
import { idempotencyKey } from './preconditions.js';
import { send } from './respond.js';

/** What an idempotent POST handler gets: the request already read and checked. */
export interface PostRequest {
  /** The path parameter named by `param`, validated; '' when the route has none. */
  readonly id: string;
  readonly body: JsonBody;
  /** The Idempotency-Key, or null when the request has none (nothing to store). */
  readonly key: string | null;
  readonly principal: Principal;
  /** Stores the reply with the Idempotency-Key inside the handler's write transaction. */
  readonly save: SaveReply;
}

/**
 * Registers a POST route with the steps every one shares, in the order their errors take
 * precedence: no query parameters, the path id, the Idempotency-Key header, the JSON body; then
 * the handler runs under the key, so a repeat returns the stored first reply.
 */
export function idempotentPost(
  app: Hono<Env>,
  ctx: AppContext,
  path: string,
  param: string | null,
  handler: (req: PostRequest) => Promise<Reply>,
): void {
  app.post(path, async (c) => {
    new Query(c.req.url, []);
    const id = param ? pathId(param, c.req.param(param)) : '';
    const key = idempotencyKey(c);
    const body = await readJson(c, ctx.bodyLimit);
    const principal = c.get('principal');
    const reply = await ctx.idempotency.run(
      principal,
      key,
      { method: 'POST', path: c.req.path, raw: body.raw },
      (save) => handler({ id, body, key, principal, save }),
    );
    return send(c, reply);
  });
}
