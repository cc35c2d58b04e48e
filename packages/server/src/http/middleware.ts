import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.js';
import type { Env } from './context.js';

const CLIENT_ID = /^[A-Za-z0-9._-]{1,128}$/;

export const PERMISSIONS_POLICY =
  'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()';

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
    // Browser features nothing served here uses, off for its pages and for anything they frame.
    if (!h.has('permissions-policy')) h.set('permissions-policy', PERMISSIONS_POLICY);
    // Other origins read the API through CORS, which CORP does not restrict; what it stops is a
    // page elsewhere pulling API answers in as no-cors scripts or images. /cdn/ sets
    // `cross-origin` itself: partner pages load the script bundle from there.
    if (!h.has('cross-origin-resource-policy'))
      h.set('cross-origin-resource-policy', 'same-origin');
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
      // A share link's path is its token: never in the logs.
      path: c.req.path.startsWith('/share/') ? '/share/…' : c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(principal ? { token: principal.tokenId } : {}),
    });
  };
}
