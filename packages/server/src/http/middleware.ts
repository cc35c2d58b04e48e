import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.js';
import type { Env } from './context.js';

const CLIENT_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * First on every request: the request id (the client's when it is a valid one, else a new one)
 * on the response and on the log line, security headers, and one access-log line.
 */
export function requestContext(log: Logger): MiddlewareHandler<Env> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id =
      given !== undefined && CLIENT_ID.test(given)
        ? given
        : `req_${randomBytes(9).toString('base64url')}`;
    c.set('requestId', id);
    const started = performance.now();
    await next();
    const h = c.res.headers;
    h.set('x-request-id', id);
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'no-referrer');
    h.set('cross-origin-opener-policy', 'same-origin');
    if (!h.has('content-security-policy')) {
      // API answers are data, never documents to render or frame.
      h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
    if (!h.has('x-frame-options')) h.set('x-frame-options', 'DENY');
    if (c.req.path.startsWith('/api/') && !h.has('cache-control'))
      h.set('cache-control', 'no-store');
    const principal = c.get('principal');
    log.info('request', {
      request_id: id,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(principal ? { token: principal.tokenId } : {}),
    });
  };
}
