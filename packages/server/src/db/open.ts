import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from './database.js';
import { lockDataDir } from './lock.js';

export interface OpenedDatabase {
  readonly db: Database;
  /** Where the data lives, for messages: the data directory or the server (without password). */
  readonly where: string;
  /** Closes the database and releases the data directory. */
  close(): Promise<void>;
}

/**
 * PostgreSQL when DATABASE_URL is set, else the embedded PGlite in `<dataDir>/pgdata`, taken
 * exclusively (a second server on the same directory stops with a clear error).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<OpenedDatabase> {
  if (config.databaseUrl !== null) {
    const { openPostgres } = await import('./postgres.js');
    const db = await openPostgres(config.databaseUrl);
    const url = new URL(config.databaseUrl);
    url.password = '';
    return { db, where: `PostgreSQL ${url.host}${url.pathname}`, close: () => db.close() };
  }
  const dir = resolve(config.dataDir);
  const lock = await lockDataDir(dir);
  try {
    const { openPglite } = await import('./pglite.js');
    const db = await openPglite(join(dir, 'pgdata'));
    return {
      db,
      where: dir,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}
