import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.js';

/** Where the versioned schema files live: `NNN_name.sql`, applied in order. */
export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;
// Any constant: two servers starting on one PostgreSQL database take turns migrating it.
const LOCK_KEY = 5_165_069;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

/** The migration files of `dir`, in version order. */
export function readMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = FILE.exec(file);
    if (!m) continue;
    const sql = readFileSync(new URL(file, dir), 'utf8');
    out.push({
      version: Number(m[1]),
      name: file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  for (let i = 1; i < out.length; i++) {
    if (out[i]?.version === out[i - 1]?.version) {
      throw new Error(`two migrations share version ${out[i]?.version}: ${out[i]?.name}`);
    }
  }
  return out;
}

/**
 * Brings the schema up to date: applies, in one transaction, every migration not yet recorded
 * in `schema_migrations`. Refuses to run against a database migrated by a newer server, or one
 * whose applied migration files were edited afterwards (the schema would no longer be the one
 * the files describe).
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = readMigrations(),
): Promise<{ applied: string[] }> {
  return db.transaction(async (tx) => {
    // The lock first: two servers creating schema_migrations at once on an empty database
    // collide in the catalog (IF NOT EXISTS does not guard against a concurrent CREATE).
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    const done = new Set<number>();
    for (const row of rows) {
      const file = known.get(row.version);
      if (!file) {
        throw new Error(
          `the database has migration ${row.name}, which this server does not know: it was created by a newer version`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new Error(
          `migration ${row.name} was edited after it was applied; add a new migration instead`,
        );
      }
      done.add(row.version);
    }
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [m.version, m.name, m.checksum],
      );
      applied.push(m.name);
    }
    return { applied };
  });
}
