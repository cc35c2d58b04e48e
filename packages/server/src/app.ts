import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSuccessMcpHttpHandler } from '@cscx/success-mcp';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { Authenticator, type Principal } from './auth.js';
import { ReadCache } from './cache.js';
import { type Clock, systemClock } from './clock.js';
import type { Database } from './db/database.js';
import type { AppContext, Env } from './http/context.js';
import { Cursors } from './http/cursor.js';
import { Idempotency } from './http/idempotency.js';
import { negotiatedLanguage } from './http/language.js';
import { requestContext } from './http/middleware.js';
import { type Limiter, type RateLimit, RateLimiter } from './http/rate-limit.js';
import { SharedRateLimiter } from './http/shared-rate-limit.js';
import type { ImportLimits } from './import/validate-file.js';
import { type Logger, silentLogger } from './log.js';
import { ProblemError, problemResponse } from './problem.js';
import { inThreadRenderer, type ReportRenderer } from './report-worker/render.js';
import { registerAlerts } from './routes/alerts.js';
import { registerAtRiskGoals } from './routes/at-risk-goals.js';
import { registerCustomers } from './routes/customers.js';
import { registerCustomerWrites } from './routes/customers-write.js';
import { registerEmbedTokens } from './routes/embed-tokens.js';
import { registerGoalTemplates } from './routes/goal-templates.js';
import { registerGoals } from './routes/goals.js';
import { registerHealth } from './routes/health.js';
import { DEFAULT_IMPORT_LIMITS, registerImports } from './routes/imports.js';
import { registerIntelligence } from './routes/intelligence.js';
import { registerKpis } from './routes/kpis.js';
import { registerMeasurements } from './routes/measurements.js';
import { registerMilestones } from './routes/milestones.js';
import { registerReports } from './routes/reports.js';
import { registerShareLinks } from './routes/share-links.js';
import { registerStatic, type StaticOptions } from './routes/static.js';
import { registerWebhooks } from './routes/webhooks.js';
import { SummaryStore } from './summaries.js';
import { SecretBox } from './webhooks/secret-box.js';

export interface AppOptions {
  readonly db: Database;
  /** "Now": statuses depend on today's date. Default: the system clock. */
  readonly clock?: Clock;
  readonly log?: Logger;
  /** Partner origins allowed to call the API from a browser. Default: none (same origin only). */
  readonly cors?: { readonly origins: readonly string[] };
  /** Largest request body in bytes. Default 1 MiB (openapi.yaml). */
  readonly bodyLimit?: number;
  /**
   * Requests per second per token (429 with Retry-After beyond it; failed sign-ins are counted
   * per client address). Default: no limit; `npm start` applies CSCX_RATE_LIMIT (default 50/s).
   */
  readonly rateLimit?: RateLimit | null;
  /**
   * Renders generateSuccessReport's files. Default: in this thread. `npm start` passes a
   * ReportPool (rendering threads), which its owner closes on shutdown.
   */
  readonly reports?: ReportRenderer;
  /**
   * The key list cursors are signed with (CSCX_CURSOR_SECRET). Default: random per process, so
   * a cursor from another instance, or from before a restart, is refused with a 400.
   */
  readonly cursorSecret?: string | null;
  /**
   * The read cache and the summaries store, when the caller wants to watch their size (main.ts's
   * memory report). Default: new ones over `db`. A store must be built on the cache given.
   */
  readonly readCache?: ReadCache;
  readonly summaryStore?: SummaryStore;
  /** The largest import (createImport): bytes and rows. Default 64 MiB and 100,000 rows. */
  readonly importLimits?: ImportLimits;
  /**
   * Seals webhook signing secrets at rest; the delivery worker must be given the same box.
   * Default: a random key for this process (what it seals cannot be opened after a restart);
   * `npm start` passes the key of CSCX_SECRETS_KEY or its key file.
   */
  readonly secrets?: SecretBox;
  /** /openapi.yaml, /docs and the demo host page; `false` for the API alone. */
  readonly static?: StaticOptions | false;
}

const REPO = new URL('../../../', import.meta.url);

/** The contract and the demo host page of this repository. */
export const DEFAULT_STATIC: StaticOptions = {
  specFile: fileURLToPath(new URL('openapi.yaml', REPO)),
  hostPageDir: fileURLToPath(new URL('examples/host-page/', REPO)),
  cdnDir: fileURLToPath(new URL('packages/elements/dist/cdn/', REPO)),
};

/** The API's operations, by path: a method not listed here answers 405 with `Allow`. */
const METHODS: Readonly<Record<string, readonly string[]>> = {
  '/api/customers': ['GET'],
  '/api/customers/:customerId': ['GET'],
  '/api/customers/:customerId/milestones': ['GET', 'POST'],
  '/api/milestones/:milestoneId': ['PUT'],
  '/api/success-goals': ['POST'],
  '/api/success-goals/:goalId': ['GET', 'PUT', 'DELETE'],
  '/api/success-goals/:goalId/measurements': ['POST'],
  '/api/reports/success-metrics': ['GET'],
  '/api/reports/success-metrics/:customerId': ['GET'],
  '/api/reports/success-metrics/:customerId/generate': ['POST'],
  '/api/intelligence/success-metrics/:customerId': ['GET'],
  '/api/intelligence/success-metrics/:customerId/goals': ['POST'],
  '/api/alerts': ['GET'],
  '/api/alerts/:alertId/acknowledge': ['POST'],
  '/api/alerts/:alertId/dismiss': ['POST'],
  '/api/imports': ['POST'],
  '/api/imports/:importId': ['GET'],
  '/api/embed-tokens': ['POST'],
  // Before /api/embed-tokens/:tokenId, which would also match it.
  '/api/embed-tokens/revoke': ['POST'],
  '/api/embed-tokens/:tokenId': ['DELETE'],
  '/api/customers/:customerId/share-links': ['GET', 'POST'],
  '/api/customers/:customerId/share-links/:shareLinkId': ['DELETE'],
  '/api/webhooks': ['GET', 'POST'],
  '/api/webhooks/:webhookId': ['GET', 'PUT', 'DELETE'],
  '/api/webhooks/:webhookId/rotate-secret': ['POST'],
  '/api/webhooks/:webhookId/test': ['POST'],
  '/api/webhooks/:webhookId/deliveries': ['GET'],
  '/api/webhooks/:webhookId/deliveries/:deliveryId/redeliver': ['POST'],
  '/api/goal-templates': ['GET', 'POST'],
  '/api/goal-templates/:templateId': ['GET', 'PUT', 'DELETE'],
};

const EXPOSED = [
  'ETag',
  'Location',
  'X-Request-Id',
  'Retry-After',
  'Content-Disposition',
  'WWW-Authenticate',
  'Idempotent-Replayed',
];

/**
 * The reference implementation of openapi.yaml as a Hono app (no listening: main.ts does that,
 * tests call `app.request()`).
 */
export function createApp(options: AppOptions): Hono<Env> {
  const clock = options.clock ?? systemClock;
  const cache = options.readCache ?? new ReadCache(options.db);
  const ctx: AppContext = {
    db: options.db,
    clock,
    log: options.log ?? silentLogger,
    cache,
    summaries: options.summaryStore ?? new SummaryStore(options.db, cache),
    auth: new Authenticator(options.db, clock),
    idempotency: new Idempotency(options.db, clock),
    cursors: new Cursors(options.cursorSecret),
    secrets: options.secrets ?? SecretBox.ephemeral(),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
  };
  const app = new Hono<Env>();

  app.use('*', requestContext(ctx.log));

  const origins = options.cors?.origins ?? [];
  if (origins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: (origin) => (origins.includes(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
        allowHeaders: [
          'Authorization',
          'Content-Type',
          'If-Match',
          'Idempotency-Key',
          'X-Request-Id',
        ],
        exposeHeaders: EXPOSED,
        maxAge: 600,
      }),
    );
  }

  // With PostgreSQL other instances may serve the same client: they share buckets in the database.
  const limiter: Limiter | null = !options.rateLimit
    ? null
    : options.db.exclusive
      ? new RateLimiter(options.rateLimit)
      : new SharedRateLimiter(options.db, options.rateLimit);
  // Before authentication: a 401's problem is answered in the negotiated language too.
  app.use('/api/*', negotiatedLanguage());
  app.use('/api/*', async (c, next) => {
    let principal: Principal;
    try {
      principal = await ctx.auth.authenticate(c.req.header('authorization'));
    } catch (e) {
      // Guessing tokens costs the guesser: failed sign-ins draw on the address's bucket.
      if (limiter && e instanceof ProblemError && e.status === 401) {
        await limiter.take(`address:${clientAddress(c.env)}`);
      }
      throw e;
    }
    await limiter?.take(`token:${principal.tokenId}`);
    c.set('principal', principal);
    await next();
  });

  registerCustomers(app, ctx);
  registerCustomerWrites(app, ctx);
  registerHealth(app, ctx);
  registerKpis(app, ctx);
  registerMilestones(app, ctx);
  registerGoals(app, ctx);
  registerMeasurements(app, ctx);
  registerReports(app, ctx, options.reports ?? inThreadRenderer);
  registerAtRiskGoals(app, ctx);
  registerIntelligence(app, ctx);
  registerAlerts(app, ctx);
  registerEmbedTokens(app, ctx);
  const hostPageDir =
    options.static === false ? null : (options.static ?? DEFAULT_STATIC).hostPageDir;
  registerShareLinks(app, ctx, hostPageDir ? join(hostPageDir, 'share.html') : null);
  registerWebhooks(app, ctx);
  registerGoalTemplates(app, ctx);
  registerImports(app, ctx, options.importLimits ?? DEFAULT_IMPORT_LIMITS);

  // MCP over Streamable HTTP for agents. Its tools call this API in process with the caller's
  // bearer token, so they see exactly what that token sees here (@cscx/success-mcp).
  const mcp = createSuccessMcpHttpHandler({
    baseUrl: (request) => new URL(request.url).origin,
    fetch: async (input, init) => app.request(input instanceof URL ? input.href : input, init),
  });
  app.all('/mcp', (c) => mcp.fetch(c.req.raw));

  if (options.static !== false) {
    registerStatic(app, { corsOrigins: origins, ...(options.static ?? DEFAULT_STATIC) });
  }

  for (const [path, methods] of Object.entries(METHODS)) {
    app.all(path, (c) => {
      throw new ProblemError(
        405,
        `${c.req.method} is not allowed on this path; use ${methods.join(', ')}.`,
        [],
        {
          allow: methods.join(', '),
        },
      );
    });
  }

  app.notFound((c) =>
    problemResponse(
      404,
      `There is no ${c.req.method} ${c.req.path}.`,
      [],
      c.get('requestId'),
      instance(c.req.url),
    ),
  );

  app.onError((err, c) => {
    const requestId = c.get('requestId') ?? 'unknown';
    if (err instanceof ProblemError) {
      return problemResponse(
        err.status,
        err.detail,
        err.errors,
        requestId,
        instance(c.req.url),
        err.headers,
        err.extensions,
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      return problemResponse(
        err.status,
        err.message || 'Bad request.',
        [],
        requestId,
        instance(c.req.url),
      );
    }
    ctx.log.error('unhandled error', {
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return problemResponse(
      500,
      `An internal error occurred. Quote request id ${requestId} when you report it.`,
      [],
      requestId,
      instance(c.req.url),
    );
  });

  return app;
}

/** The peer's address under @hono/node-server; `app.request()` in tests has none. */
function clientAddress(env: unknown): string {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

/**
 * The problem's `instance`: the request's path, without the query, which can carry what error
 * bodies and the logs they end up in should not repeat (cursors, search text, tokens).
 */
function instance(url: string): string {
  // A URI reference (RFC 3986) even for a path sent with a stray `%` or a `[`, which the URL
  // parser leaves as they are.
  return new URL(url).pathname.replace(
    /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g,
    (ch) => (ch === '%' ? '%25' : encodeURIComponent(ch)),
  );
}
