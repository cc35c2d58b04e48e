import { existsSync, readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import {
  bearerToken,
  hashToken,
  newShareToken,
  type Principal,
  SHARE_TOKEN_PREFIX,
} from '../auth.js';
import { isoTimestamp, parseTimestamp } from '../clock.js';
import { schemas } from '../contract.js';
import { customerInScope } from '../data.js';
import { readJson } from '../http/body.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, TEXT_KEY, TIME_KEY } from '../http/cursor.js';
import { requiredIdempotencyKey } from '../http/preconditions.js';
import { jsonReply, send, sendJson } from '../http/respond.js';
import { seal, sealingKey, unseal } from '../http/sealed.js';
import { newId } from '../ids.js';
import { notFound, ProblemError, problemResponse, validationFailed } from '../problem.js';
import {
  findShareLinkByHash,
  insertShareLink,
  listShareLinks,
  revokeShareLink,
  type ShareLinkRecord,
} from '../repo/share-links.js';
import { parseBody, pathId, Query } from '../validate.js';

const DAY_MS = 86_400_000;
/** openapi.yaml ShareLinkInput: 30 days unless the caller says otherwise, 5 minutes to 90 days. */
export const SHARE_DEFAULT_MS = 30 * DAY_MS;
export const SHARE_MIN_MS = 5 * 60_000;
export const SHARE_MAX_MS = 90 * DAY_MS;
/** The response holds a credential: no cache, shared or private, may keep it. */
const NO_STORE = { 'cache-control': 'no-store' } as const;

type ShareLinkWire = ReturnType<typeof toWire>;

function toWire(l: ShareLinkRecord, now: number) {
  return {
    id: l.id,
    customer_id: l.customer_id,
    label: l.label,
    status:
      l.revoked_at !== null && l.revoked_at <= now
        ? ('revoked' as const)
        : l.expires_at <= now
          ? ('expired' as const)
          : ('active' as const),
    created_at: isoTimestamp(l.created_at),
    expires_at: isoTimestamp(l.expires_at),
    revoked_at: l.revoked_at === null ? null : isoTimestamp(l.revoked_at),
  };
}

/** A manager or the customer's CSM: the scope first (404 outside it), then the role (403). */
async function sharer(ctx: AppContext, p: Principal, customerId: string) {
  const customer = await customerInScope(ctx, p, customerId);
  if (p.role !== 'manager' && p.role !== 'csm') {
    throw new ProblemError(
      403,
      'Only a manager or the customer’s CSM may share the customer or see its share links.',
    );
  }
  return customer;
}

/** The link a share token opens, on the origin the request reached. */
export function shareUrl(requestUrl: string, token: string): string {
  return `${new URL(requestUrl).origin}/share/${token}`;
}

/**
 * createShareLink, listShareLinks, revokeShareLink, and the link's page: `/share/<token>` serves
 * `pageFile` (the demo's customer-facing dashboard) while the link is live, 410 once it expired
 * or was revoked, 404 for a token that was never a link. `pageFile` null: the API alone.
 */
export function registerShareLinks(app: Hono<Env>, ctx: AppContext, pageFile: string | null): void {
  // createShareLink: the token is shown in this reply only; a repeat opens its sealed copy.
  app.post('/api/customers/:customerId/share-links', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('customerId', c.req.param('customerId'));
    const p = c.get('principal');
    const customer = await sharer(ctx, p, id);
    const key = requiredIdempotencyKey(c, 'Creating a share link');
    const body = await readJson(c, ctx.bodyLimit);
    const bearer = bearerToken(c.req.header('authorization')) ?? '';
    const sealing = sealingKey(bearer, key, 'share-link');
    const reply = await ctx.idempotency.run(
      p,
      key,
      { method: 'POST', path: c.req.path, raw: body.raw },
      async (save) => {
        const input = parseBody(schemas.ShareLinkInputSchema, body.value);
        const now = ctx.clock().getTime();
        const expires =
          input.expires_at === undefined
            ? now + SHARE_DEFAULT_MS
            : (parseTimestamp(input.expires_at) ?? Number.NaN);
        if (!(expires >= now + SHARE_MIN_MS && expires <= now + SHARE_MAX_MS)) {
          throw validationFailed([
            {
              field: '/expires_at',
              message: `Must be at least 5 minutes and at most 90 days from now (${isoTimestamp(now + SHARE_MAX_MS)}).`,
              code: 'expiry_range',
            },
          ]);
        }
        const token = newShareToken();
        const record: ShareLinkRecord = {
          id: newId('shl'),
          customer_id: customer.id,
          label: input.label ?? '',
          created_by: p.tokenId,
          created_at: now,
          expires_at: expires,
          revoked_at: null,
        };
        const url = shareUrl(c.req.url, token);
        const headers = {
          ...NO_STORE,
          location: `/api/customers/${customer.id}/share-links/${record.id}`,
        };
        const wire = { ...toWire(record, now), token, url };
        return ctx.db.transaction(async (tx) => {
          await insertShareLink(tx, { ...record, hash: hashToken(token) });
          await save(
            tx,
            jsonReply(
              201,
              { ...wire, token: seal(token, sealing), url: seal(url, sealing) },
              headers,
            ),
          );
          return jsonReply(201, wire, headers);
        });
      },
    );
    if (reply.headers['idempotent-replayed'] === undefined) return send(c, reply);
    const stored = JSON.parse(String(reply.body)) as ShareLinkWire & { token: string; url: string };
    return send(c, {
      ...reply,
      headers: { ...reply.headers, ...NO_STORE },
      body: JSON.stringify({
        ...stored,
        token: unseal(stored.token, sealing),
        url: unseal(stored.url, sealing),
      }),
    });
  });

  // listShareLinks: newest first, never a token.
  app.get('/api/customers/:customerId/share-links', async (c) => {
    const q = new Query(c.req.url, ['cursor', 'limit']);
    const id = pathId('customerId', c.req.param('customerId'));
    const limit = q.limit();
    const filters = { op: 'listShareLinks', customer: id };
    const after = ctx.cursors.decode(q.string('cursor', { max: CURSOR_MAX }), filters, [
      TIME_KEY,
      TEXT_KEY,
    ]);
    const customer = await sharer(ctx, c.get('principal'), id);
    const rows = await listShareLinks(
      ctx.db,
      customer.id,
      after ? [after[0] as number, after[1] as string] : undefined,
      limit + 1,
    );
    const now = ctx.clock().getTime();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return sendJson(c, 200, {
      items: page.map((l) => toWire(l, now)),
      next_cursor:
        rows.length > limit && last
          ? ctx.cursors.encode([last.created_at, last.id], filters)
          : null,
    });
  });

  // revokeShareLink: only the customer's own links; a repeat answers 204 again.
  app.delete('/api/customers/:customerId/share-links/:shareLinkId', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('customerId', c.req.param('customerId'));
    const linkId = pathId('shareLinkId', c.req.param('shareLinkId'));
    const customer = await sharer(ctx, c.get('principal'), id);
    if (!(await revokeShareLink(ctx.db, customer.id, linkId, ctx.clock().getTime())))
      throw notFound('Share link', linkId);
    return send(c, { status: 204, headers: {}, body: '' });
  });

  // The link itself: the customer-facing dashboard while it is live, never data once it is not.
  app.get('/share/:token', async (c) => {
    const token = c.req.param('token');
    // `instance` without the token: problem bodies end up in logs and bug reports.
    const gone = (status: number, detail: string) =>
      problemResponse(status, detail, [], c.get('requestId') ?? 'unknown', '/share', {
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
    const link =
      token.startsWith(SHARE_TOKEN_PREFIX) && token.length <= 512
        ? await findShareLinkByHash(ctx.db, hashToken(token))
        : null;
    if (!link) return gone(404, 'There is no such share link.');
    const now = ctx.clock().getTime();
    if (link.revoked_at !== null && link.revoked_at <= now)
      return gone(
        410,
        'This share link was revoked. Ask your customer success manager for a new one.',
      );
    if (link.expires_at <= now)
      return gone(
        410,
        'This share link has expired. Ask your customer success manager for a new one.',
      );
    if (!pageFile || !existsSync(pageFile)) {
      return c.text(
        'The share page is not built yet: run `npm start` (it builds examples/host-page/).\n',
        503,
        { 'cache-control': 'no-store' },
      );
    }
    // The page says until when the link works (an ISO timestamp: nothing to escape).
    const html = readFileSync(pageFile, 'utf8').replace(
      '<meta name="share-expires" content="" />',
      `<meta name="share-expires" content="${isoTimestamp(link.expires_at)}" />`,
    );
    return c.body(html, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': SHARE_CSP,
      'cache-control': 'no-store',
      // The token is in the path: no other site learns it from a Referer.
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
  });
}

/** As the host page's, but never framed: the customer opens it as a page of its own. */
const SHARE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
