import pg from 'pg';
import type { Database, Queryable, Row } from './database.js';

export interface PostgresOptions {
  /** Schema to work in (created when missing); tests use one schema per test file. */
  readonly schema?: string;
  /** Pool size; default 10. */
  readonly max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// SQLSTATEs worth running a whole transaction again: serialization failure, deadlock.
const RETRYABLE = new Set(['40001', '40P01']);

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await client.query(sql);
    },
  };
}

/** Opens a pool on a real PostgreSQL server (`DATABASE_URL`). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  }
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const settings = ['-c TimeZone=UTC'];
  if (schema !== undefined) settings.push(`-c search_path=${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    options: settings.join(' '),
  });
  // An idle client's error (the server restarting) must not crash the process.
  pool.on('error', () => {});
  const base = wrap(pool);
  return {
    kind: 'postgres',
    exclusive: false,
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          const code = (e as { code?: unknown }).code;
          if (attempt < 3 && typeof code === 'string' && RETRYABLE.has(code)) continue;
          throw e;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
    memoryBytes: () => 0,
  };
}

/** Drops a schema made by {@link openPostgres} (test clean-up). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}
