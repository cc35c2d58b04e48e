// The server process (`npm start`): configuration from the environment, the database (PGlite in
// CSCX_DATA_DIR, or PostgreSQL at DATABASE_URL), migrations, demo data on first run, then HTTP
// on 127.0.0.1:PORT until SIGINT/SIGTERM, which finish in-flight requests and close the database.
import { createApp } from './app.js';
import { ReadCache } from './cache.js';
import { ConfigError, loadConfig } from './config.js';
import type { Database } from './db/database.js';
import { DataDirLockedError } from './db/lock.js';
import { migrate } from './db/migrate.js';
import { type OpenedDatabase, openDatabase } from './db/open.js';
import { serveApp } from './http/server.js';
import { createLogger } from './log.js';
import { memoryReport } from './memory.js';
import { purgeExpired } from './repo/idempotency.js';
import { ReportPool } from './report-worker/pool.js';
import { DEMO_SHARE_LINK, DEMO_TOKENS, isEmpty, seedDemo, tokenHash } from './seed/seed.js';
import { DEMO_CUSTOMERS, generatedFor } from './seed/size.js';
import { SummaryStore } from './summaries.js';
import { WebhookDispatcher } from './webhooks/deliver.js';
import { LOG_KEEP_MS, purgeDeliveries } from './webhooks/outbox.js';
import { hasSealedSecrets, sealStoredSecrets } from './webhooks/seal-stored.js';
import { loadSecretBox, type SecretBox, SecretKeyError } from './webhooks/secret-box.js';
import { sweepOncePerPeriod } from './write/alert-sweep.js';

const SWEEP_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;
// Past midnight by a little: a clock a few milliseconds behind would still see yesterday.
const WARM_AFTER_MIDNIGHT_MS = 5_000;
// Any constant, distinct from the migrations' and the sweep's locks.
const SEED_LOCK_KEY = 5_165_071;
const SECRETS_LOCK_KEY = 5_165_072;
const DRAIN_MS = 10_000;
/** How often the webhook worker looks for due deliveries: events reach receivers within seconds. */
const WEBHOOK_POLL_MS = 1000;

function fail(message: string): never {
  process.stderr.write(`cscx-server: ${message}\n`);
  process.exit(1);
}

/**
 * Runs `fn` while holding a PostgreSQL advisory lock (the transaction holding it stays open on
 * its own pool connection while `fn` works on others), so instances starting together do it one
 * at a time. PGlite has one process: it simply runs `fn`.
 */
async function oneAtATime<T>(db: Database, key: number, fn: () => Promise<T>): Promise<T> {
  if (db.exclusive) return fn();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [key]);
    return fn();
  });
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (e) {
    fail(e instanceof ConfigError ? e.message : String(e));
  }
  const log = createLogger(config.logLevel);
  let opened: OpenedDatabase;
  try {
    opened = await openDatabase(config);
  } catch (e) {
    fail(
      e instanceof DataDirLockedError
        ? e.message
        : `cannot open the database: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const { db } = opened;
  const { applied } = await migrate(db);
  if (applied.length > 0) log.info('migrated', { applied });
  // Replicas starting at once on an empty PostgreSQL database take turns: the first seeds it,
  // the others then find it full (isEmpty is checked under the lock).
  const seeded = await oneAtATime(db, SEED_LOCK_KEY, async () => {
    if (config.demo && (await isEmpty(db))) {
      const customers = config.demoCustomers ?? DEMO_CUSTOMERS;
      process.stdout.write(`Seeding the demo data (first run, ${customers} customers)...\n`);
      const t0 = performance.now();
      const summary = await seedDemo(db, new Date(), { generated: generatedFor(customers) });
      const ms = Math.round(performance.now() - t0);
      process.stdout.write(
        `Seeded ${summary.customers} customers, ${summary.goals} goals, ${summary.measurements} measurements in ${(ms / 1000).toFixed(1)} s.\n`,
      );
      log.info('seeded demo data', { ...summary, ms });
      return true;
    } else if (config.demoCustomers !== null) {
      process.stdout.write(
        `--customers / CSCX_DEMO_CUSTOMERS size the demo of a new database only: ${opened.where} already holds data (npm run seed -- --reset --customers N replaces it).\n`,
      );
    }
    return false;
  });
  // Webhook secrets under the current key before anything is served or sent: plain-text ones
  // (before migration 015) and ones under a previous key are encrypted again; a secret under a
  // key this server lacks stops it here, naming the setting, rather than at the first delivery.
  let secrets: SecretBox;
  try {
    secrets = await oneAtATime(db, SECRETS_LOCK_KEY, async () => {
      const box = loadSecretBox(config.secrets, !(await hasSealedSecrets(db)));
      const { sealed, resealed } = await sealStoredSecrets(db, box);
      if (box.source.kind === 'file' && box.source.created)
        log.info('created the secrets key file', { path: box.source.path });
      if (sealed > 0 || resealed > 0)
        log.info('webhook secrets encrypted', { sealed, resealed, key_id: box.keyId });
      return box;
    });
  } catch (e) {
    if (!(e instanceof SecretKeyError)) throw e;
    await opened.close();
    fail(e.message);
  }
  const hashes = new Set(
    (
      await db.query<{ token_hash: string }>(
        'SELECT token_hash FROM api_tokens WHERE demo AND revoked_at IS NULL',
      )
    ).map((r) => r.token_hash),
  );
  const demoTokens = DEMO_TOKENS.filter((t) => hashes.has(tokenHash(t.token)));
  // The seeded share link, while it is live (createShareLink makes others).
  const demoShare = (
    await db.query<{ expires_at: number }>(
      'SELECT epoch_ms(expires_at) AS expires_at FROM share_links WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()',
      [DEMO_SHARE_LINK.id],
    )
  )[0];

  // Reports render on their own thread, started with the first report, so a PDF never holds
  // up the dashboard. CSCX_REPORT_THREADS=0 renders them in this thread (the bench's baseline).
  const threads = config.reportThreads;
  const reports = threads === 0 ? null : new ReportPool({ size: threads, log });
  const readCache = new ReadCache(db);
  // Saved summaries: a restart at 10,000 customers answers its first portfolio without deriving
  // everyone again (summaries.ts).
  const summaryStore = new SummaryStore(db, readCache, { save: true });
  if (seeded) {
    // Derived and saved while the seeding message is up, so the first portfolio (and the first
    // after a restart) starts from them: at 10,000 customers deriving everyone takes seconds.
    const t0 = performance.now();
    const all = await summaryStore.summaries(new Date());
    await summaryStore.idle();
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(`Derived and saved ${all.size} customers' summaries in ${seconds} s.\n`);
  }
  // `kill -USR2 <pid>`: one line on stderr (apart from the access log) of where the memory goes
  // (sizes only), for the scale bench.
  process.on('SIGUSR2', () => {
    process.stderr.write(`memory ${JSON.stringify(memoryReport(db, readCache, summaryStore))}\n`);
  });
  const app = createApp({
    db,
    log,
    readCache,
    summaryStore,
    ...(reports ? { reports } : {}),
    cors: { origins: config.corsOrigins },
    rateLimit: config.rateLimit,
    cursorSecret: config.cursorSecret,
    secrets,
  });
  const server = serveApp(app, { port: config.port, hostname: config.host });
  server.on('error', (e: NodeJS.ErrnoException) => {
    const why =
      e.code === 'EADDRINUSE'
        ? `port ${config.port} is already in use; set PORT to another port`
        : e.message;
    process.stderr.write(`cscx-server: cannot listen on ${config.host}:${config.port}: ${why}\n`);
    void opened.close().finally(() => process.exit(1));
  });
  server.on('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const lines = [
      '',
      `CSCX Success Kit reference server on http://${config.host}:${port}/`,
      `  API reference  http://${config.host}:${port}/docs`,
      `  Contract       http://${config.host}:${port}/openapi.yaml`,
      `  Data           ${opened.where}${seeded ? ' (demo data seeded)' : ''}`,
    ];
    if (demoTokens.length > 0) {
      lines.push('  Demo tokens (Authorization: Bearer <token>):');
      for (const t of demoTokens) lines.push(`    ${t.token.padEnd(20)} ${t.label}`);
      if (demoShare) {
        lines.push(
          `  Share link (Acme Corp, customer-facing, until ${new Date(demoShare.expires_at).toISOString().slice(0, 10)}):`,
          `    http://${config.host}:${port}/share/${DEMO_SHARE_LINK.token}`,
        );
      }
    } else {
      lines.push('  No demo tokens: issue one with npm run token -- create --role manager');
    }
    lines.push('');
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  const sweep = async () => {
    try {
      // Once per period across instances: the others find it done and skip. 0.9 of the timer's
      // period, so the instance whose timer fires first in a period claims it.
      const { ran, raised } = await sweepOncePerPeriod(db, () => new Date(), SWEEP_MS * 0.9);
      if (!ran) return;
      const purged = await purgeExpired(db, Date.now());
      const deliveries = await purgeDeliveries(db, Date.now() - LOG_KEEP_MS);
      if (raised > 0 || purged > 0 || deliveries > 0)
        log.info('sweep', {
          alerts_raised: raised,
          idempotency_keys_purged: purged,
          webhook_deliveries_purged: deliveries,
        });
    } catch (e) {
      log.error('sweep failed', { error: e instanceof Error ? e.message : String(e) });
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();

  // Every portfolio reads the summaries store. Brought up to date before anyone asks: at start
  // (from the saved summaries after a restart) and just after each UTC midnight (statuses depend
  // on the day), so the day's first dashboard does not wait while 10,000 customers are derived.
  // A request meanwhile waits for this refresh instead of starting its own.
  const warm = () => {
    summaryStore.summaries(new Date()).catch((e: unknown) => {
      log.warn('summaries warm-up failed', { error: e instanceof Error ? e.message : String(e) });
    });
  };
  const untilNextDay = () => DAY_MS - (Date.now() % DAY_MS) + WARM_AFTER_MIDNIGHT_MS;
  let warmTimer: NodeJS.Timeout;
  const daily = () => {
    warm();
    warmTimer = setTimeout(daily, untilNextDay());
    warmTimer.unref();
  };
  warmTimer = setTimeout(daily, untilNextDay());
  warmTimer.unref();
  warm();

  // Webhook deliveries: the outbox is in the database, so this simply picks up where the last
  // process stopped (a killed one's in-flight attempts are retried once their lease lapses).
  const webhooks = new WebhookDispatcher({ db, clock: () => new Date(), log, secrets });
  webhooks.start(WEBHOOK_POLL_MS);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    clearTimeout(warmTimer);
    process.stdout.write(
      `\n${signal}: finishing in-flight requests, then closing the database...\n`,
    );
    // Stop accepting; idle keep-alive connections close now, busy ones after their response.
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections go as soon as their last response is out, not at their timeout.
    const idle = setInterval(() => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }, 50);
    const deadline = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, DRAIN_MS);
    void drained
      .then(() => webhooks.stop())
      .then(() => reports?.close())
      .then(() => summaryStore.idle())
      .then(() => opened.close())
      .then(
        () => {
          clearTimeout(deadline);
          clearInterval(idle);
          process.stdout.write('Stopped.\n');
          process.exit(0);
        },
        (e: unknown) => {
          process.stderr.write(`cscx-server: error while stopping: ${String(e)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
