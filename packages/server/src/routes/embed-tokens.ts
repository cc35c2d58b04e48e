import type { Context, Hono } from 'hono';
import { assertManager, bearerToken, hashToken, newToken } from '../auth.js';
import { isoTimestamp } from '../clock.js';
import { type EmbedToken, schemas } from '../contract.js';
import { findCustomer } from '../data.js';
import { readJson } from '../http/body.js';
import type { AppContext, Env } from '../http/context.js';
import type { Reply, SaveReply } from '../http/idempotency.js';
import { idempotencyKey } from '../http/preconditions.js';
import { jsonReply, send } from '../http/respond.js';
import { seal, sealingKey, unseal } from '../http/sealed.js';
import { newId } from '../ids.js';
import { notFound, ProblemError } from '../problem.js';
import { deleteExpiredEmbedTokens, insertToken, revokeEmbedToken } from '../repo/tokens.js';
import { parseBody, pathId, Query } from '../validate.js';

/** openapi.yaml EmbedTokenRequest: 15 minutes unless the caller says otherwise. */
const DEFAULT_TTL_SECONDS = 900;
/** Expired embed tokens are kept a day (revoking one still answers 204), then deleted. */
const KEEP_EXPIRED_MS = 86_400_000;
/** The response holds a credential: no cache, shared or private, may keep it. */
const NO_STORE = { 'cache-control': 'no-store' } as const;

/**
 * A manager-only POST: the role first (a csm or viewer learns nothing about the body or the
 * customer), then the steps every POST shares (no query, Idempotency-Key, JSON body), the
 * handler under the key.
 */
async function managerPost(
  c: Context<Env>,
  ctx: AppContext,
  what: string,
  handler: (body: unknown, key: string | null, save: SaveReply) => Promise<Reply>,
): Promise<{ reply: Reply; key: string | null }> {
  new Query(c.req.url, []);
  const principal = c.get('principal');
  assertManager(principal, what);
  const key = idempotencyKey(c);
  const body = await readJson(c, ctx.bodyLimit);
  const reply = await ctx.idempotency.run(
    principal,
    key,
    { method: 'POST', path: c.req.path, raw: body.raw },
    (save) => handler(body.value, key, save),
  );
  return { reply, key };
}

export function registerEmbedTokens(app: Hono<Env>, ctx: AppContext): void {
  // createEmbedToken: a viewer token of one customer that expires, stored as its hash.
  app.post('/api/embed-tokens', async (c) => {
    const bearer = bearerToken(c.req.header('authorization')) ?? '';
    const { reply, key } = await managerPost(
      c,
      ctx,
      'mint embed tokens',
      async (body, key, save) => {
        const input = parseBody(schemas.EmbedTokenRequestSchema, body);
        const customer = await findCustomer(ctx, input.customer_id);
        if (!customer) throw notFound('Customer', input.customer_id);
        const now = ctx.clock().getTime();
        const expires = now + (input.ttl_seconds ?? DEFAULT_TTL_SECONDS) * 1000;
        const token = newToken();
        const minted: EmbedToken = {
          id: newId('tok'),
          token,
          expires_at: isoTimestamp(expires),
          customer_id: customer.id,
        };
        return ctx.db.transaction(async (tx) => {
          await deleteExpiredEmbedTokens(tx, now - KEEP_EXPIRED_MS);
          await insertToken(tx, {
            id: minted.id,
            hash: hashToken(token),
            role: 'viewer',
            csm_id: null,
            customer_id: customer.id,
            label: 'embed',
            demo: false,
            embed: true,
            created_at: now,
            expires_at: expires,
          });
          if (key !== null) {
            const sealed = {
              ...minted,
              token: seal(token, sealingKey(bearer, key, 'embed-token')),
            };
            await save(tx, jsonReply(201, sealed, NO_STORE));
          }
          return jsonReply(201, minted, NO_STORE);
        });
      },
    );
    if (key === null || reply.headers['idempotent-replayed'] === undefined) return send(c, reply);
    // A repeat: the stored first reply, with its token opened again.
    const stored = JSON.parse(String(reply.body)) as EmbedToken;
    const opened = {
      ...stored,
      token: unseal(stored.token, sealingKey(bearer, key, 'embed-token')),
    };
    return send(c, {
      ...reply,
      headers: { ...reply.headers, ...NO_STORE },
      body: JSON.stringify(opened),
    });
  });

  // revokeEmbedTokenByValue: for a partner backend that kept the token but not its id.
  app.post('/api/embed-tokens/revoke', async (c) => {
    const { reply } = await managerPost(c, ctx, 'revoke embed tokens', async (body, _key, save) => {
      const input = parseBody(schemas.EmbedTokenRevocationSchema, body);
      const hash = hashToken(input.token);
      return ctx.db.transaction(async (tx) => {
        const revoked = await revokeEmbedToken(tx, { hash }, ctx.clock().getTime());
        // Never the value in the answer: it may be someone's live token of another kind.
        if (revoked === null) throw new ProblemError(404, 'The token given is not an embed token.');
        ctx.auth.forgetToken(revoked);
        const r: Reply = { status: 204, headers: {}, body: '' };
        await save(tx, r);
        return r;
      });
    });
    return send(c, reply);
  });

  // revokeEmbedToken: by the id createEmbedToken returned; no other kind of token.
  app.delete('/api/embed-tokens/:tokenId', async (c) => {
    new Query(c.req.url, []);
    assertManager(c.get('principal'), 'revoke embed tokens');
    const id = pathId('tokenId', c.req.param('tokenId'));
    const revoked = await revokeEmbedToken(ctx.db, { id }, ctx.clock().getTime());
    if (revoked === null) throw notFound('Embed token', id);
    ctx.auth.forgetToken(revoked);
    return send(c, { status: 204, headers: {}, body: '' });
  });
}
