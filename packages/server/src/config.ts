import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRateLimit, type RateLimit } from './http/rate-limit.js';
import type { LogLevel } from './log.js';
import { parseLogLevel } from './log.js';
import { parseCustomerCount } from './seed/size.js';
import {
  parseKey,
  SECRETS_KEY_ENV,
  SECRETS_KEY_FILE_ENV,
  SECRETS_KEY_PREVIOUS_ENV,
  SecretKeyError,
  type SecretKeySettings,
} from './webhooks/secret-box.js';

/** The server process's settings, from the environment and the command line. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Where the embedded database lives when DATABASE_URL is not set. */
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly corsOrigins: readonly string[];
  readonly logLevel: LogLevel;
  /** Seed the demo data into an empty database (off with --no-demo or CSCX_DEMO=0). */
  readonly demo: boolean;
  /**
   * Customers in the demo seeded on first start (`--customers N` or CSCX_DEMO_CUSTOMERS, 2 to
   * 100,000, Acme and Globex included); null: the demo as it ships.
   */
  readonly demoCustomers: number | null;
  /** Per-token request limit (CSCX_RATE_LIMIT); null when turned off. */
  readonly rateLimit: RateLimit | null;
  /** Threads rendering reports (CSCX_REPORT_THREADS, 0-8, default 1; 0: the server's thread). */
  readonly reportThreads: number;
  /**
   * The key list cursors are signed with (CSCX_CURSOR_SECRET, at least 32 characters). Null: a
   * random key per process, so cursors fail with a 400 after a restart or on another instance;
   * instances behind one load balancer share a secret.
   */
  readonly cursorSecret: string | null;
  /**
   * The key webhook signing secrets are encrypted with at rest (AES-256-GCM). CSCX_SECRETS_KEY:
   * base64 of 32 bytes (`openssl rand -base64 32`); instances sharing one PostgreSQL on several
   * machines give each the same key. When it is not set, the key file CSCX_SECRETS_KEY_FILE
   * (default `<CSCX_DATA_DIR>/secrets.key`, beside the embedded database's `pgdata/`, which
   * instances on one machine share, also with PostgreSQL) is read, or created with mode 0600 on
   * first start. CSCX_SECRETS_KEY_PREVIOUS (comma-separated keys) opens secrets encrypted with
   * older keys, which the server encrypts again under the current key at start (rotation).
   */
  readonly secrets: SecretKeySettings;
}

/**
 * `.data/` at the repository root (git-ignored), wherever the command runs from: `npm start`,
 * `npm run token` and `npm run seed` must find the same database.
 */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data/', import.meta.url));

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): Config {
  const portText = env.PORT ?? '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535)
    throw new ConfigError(`PORT must be a port number (0-65535), not ${JSON.stringify(portText)}.`);
  const origins = (env.CSCX_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) {
      throw new ConfigError(
        `CSCX_CORS_ORIGINS: ${JSON.stringify(o)} is not an origin such as https://partner.example.com.`,
      );
    }
  }
  let rateLimit: RateLimit | null;
  try {
    rateLimit = parseRateLimit(env.CSCX_RATE_LIMIT);
  } catch (e) {
    throw new ConfigError(e instanceof Error ? e.message : String(e));
  }
  const threadsText = env.CSCX_REPORT_THREADS ?? '1';
  if (!/^[0-8]$/.test(threadsText)) {
    throw new ConfigError(
      `CSCX_REPORT_THREADS must be a whole number from 0 to 8, not ${JSON.stringify(threadsText)}.`,
    );
  }
  const cursorSecret = env.CSCX_CURSOR_SECRET ? env.CSCX_CURSOR_SECRET : null;
  if (cursorSecret !== null && cursorSecret.length < 32) {
    throw new ConfigError(
      'CSCX_CURSOR_SECRET must be at least 32 characters (for example: openssl rand -base64 32).',
    );
  }
  let demoCustomers: number | null = null;
  const setCustomers = (text: string, origin: string) => {
    const n = parseCustomerCount(text, origin);
    if (n instanceof Error) throw new ConfigError(n.message);
    demoCustomers = n;
  };
  if (env.CSCX_DEMO_CUSTOMERS) setCustomers(env.CSCX_DEMO_CUSTOMERS, 'CSCX_DEMO_CUSTOMERS');
  // The command line wins over the environment.
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-demo') continue;
    if (a === '--customers' || a.startsWith('--customers=')) {
      const value = a === '--customers' ? argv[++i] : a.slice('--customers='.length);
      if (value === undefined) throw new ConfigError('--customers needs a number.');
      setCustomers(value, '--customers');
      continue;
    }
    throw new ConfigError(
      `Unknown argument ${JSON.stringify(a)}. Known: --no-demo, --customers N.`,
    );
  }
  const demo = !argv.includes('--no-demo') && env.CSCX_DEMO !== '0';
  if (!demo && demoCustomers !== null) {
    throw new ConfigError(
      '--customers / CSCX_DEMO_CUSTOMERS size the demo data, which --no-demo / CSCX_DEMO=0 turn off: give one or the other.',
    );
  }
  let secrets: SecretKeySettings;
  try {
    const dataDir = env.CSCX_DATA_DIR ?? DEFAULT_DATA_DIR;
    secrets = {
      key: env[SECRETS_KEY_ENV] ? parseKey(env[SECRETS_KEY_ENV], SECRETS_KEY_ENV) : null,
      previous: (env[SECRETS_KEY_PREVIOUS_ENV] ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
        .map((k) => parseKey(k, `Each key of ${SECRETS_KEY_PREVIOUS_ENV}`)),
      keyFile: env[SECRETS_KEY_FILE_ENV] || join(dataDir, 'secrets.key'),
    };
  } catch (e) {
    throw new ConfigError(e instanceof SecretKeyError ? e.message : String(e));
  }
  return {
    port,
    host: env.CSCX_HOST ?? '127.0.0.1',
    dataDir: env.CSCX_DATA_DIR ?? DEFAULT_DATA_DIR,
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    corsOrigins: origins,
    logLevel: parseLogLevel(env.CSCX_LOG_LEVEL),
    demo,
    demoCustomers,
    rateLimit,
    reportThreads: Number(threadsText),
    cursorSecret,
    secrets,
  };
}
