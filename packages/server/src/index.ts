/**
 * @cscx/success-server as a library: what tests of other packages (the SDK, the elements, the
 * reports) need to run the reference server in-process. The process itself is main.ts.
 *
 * @example
 * import { serve } from '@hono/node-server';
 * import { createApp, migrate, openPglite, seedDemo } from '@cscx/success-server';
 *
 * const db = await openPglite(); // in memory
 * await migrate(db);
 * await seedDemo(db, new Date());
 * serve({ fetch: createApp({ db }).fetch, port: 8787, hostname: '127.0.0.1' });
 * // curl -H 'Authorization: Bearer demo-csm-token' http://127.0.0.1:8787/api/reports/success-metrics/cus_acme
 */
export { type AppOptions, createApp, DEFAULT_STATIC } from './app.js';
export { type Clock, systemClock } from './clock.js';
export type { Database, Queryable } from './db/database.js';
export { DataDirLockedError, lockDataDir } from './db/lock.js';
export { migrate } from './db/migrate.js';
export { openDatabase } from './db/open.js';
export { openPglite, type PgliteOptions } from './db/pglite.js';
export { openPostgres } from './db/postgres.js';
export { SERVER_TIMEOUTS, type ServerTimeouts, serveApp } from './http/server.js';
export { createLogger, type Logger } from './log.js';
export { DEMO_TOKENS, seedDemo } from './seed/seed.js';
export { sweepAlerts } from './write/alert-sweep.js';
