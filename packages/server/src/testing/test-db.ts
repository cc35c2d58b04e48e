// Databases for tests. A new PGlite takes 4-6 s to initialise on the CI machine, so each kind of
// database (blank, migrated, seeded) is built once into a template directory under the system
// temp dir, keyed by a fingerprint of what built it, and every test file opens a copy (< 1 s).
// When CSCX_TEST_DATABASE_URL is set, the same tests also run against PostgreSQL, one schema
// per test file. Test-only.
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite.js';
import { dropSchema, openPostgres } from '../db/postgres.js';

export const TEST_DATABASE_URL = process.env.CSCX_TEST_DATABASE_URL;

/** Why the PostgreSQL leg is skipped, shown in the test names. */
export const POSTGRES_SKIP_REASON =
  'PostgreSQL leg skipped: set CSCX_TEST_DATABASE_URL (the .ci/run script does) to run it';

export type BackendName = 'pglite' | 'postgres';

/** The backends this run covers: PGlite always, PostgreSQL when its URL is set. */
export const BACKENDS: readonly BackendName[] = TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

const ROOT = join(tmpdir(), 'cscx-server-test-templates');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function age(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * A PGlite data directory built once by `build` and reused while `fingerprint` is unchanged.
 * Test files run in parallel processes, so building is guarded by a lock directory.
 */
export async function pgliteTemplate(
  name: string,
  fingerprint: string,
  build: (db: Database) => Promise<void>,
): Promise<string> {
  mkdirSync(ROOT, { recursive: true });
  const dir = join(ROOT, `${name}-${fingerprint.slice(0, 16)}`);
  const ready = join(dir, 'READY');
  const lock = `${dir}.building`;
  for (;;) {
    if (existsSync(ready)) return dir;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A builder that died leaves its lock behind; building takes well under 3 minutes.
      if (age(lock) > 180_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (!existsSync(ready)) {
      rmSync(dir, { recursive: true, force: true });
      // Templates of older fingerprints are stale: the code that built them has changed.
      for (const old of readdirSync(ROOT)) {
        const path = join(ROOT, old);
        if (
          old.startsWith(`${name}-`) &&
          !old.endsWith('.building') &&
          path !== dir &&
          age(path) > 600_000
        ) {
          rmSync(path, { recursive: true, force: true });
        }
      }
      const db = await openPglite(join(dir, 'pgdata'));
      try {
        await build(db);
      } finally {
        await db.close();
      }
      writeFileSync(ready, new Date().toISOString());
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}

export interface TestDatabase {
  readonly db: Database;
  readonly backend: BackendName;
  /** The PGlite data directory (a private copy), for tests that reopen it. */
  readonly dataDir?: string;
  cleanup(): Promise<void>;
}

/** A private copy of a PGlite template, opened. */
export async function openPgliteCopy(template: string): Promise<TestDatabase> {
  const home = mkdtempSync(join(tmpdir(), 'cscx-server-test-'));
  const dataDir = join(home, 'pgdata');
  cpSync(join(template, 'pgdata'), dataDir, { recursive: true });
  const db = await openPglite(dataDir);
  return {
    db,
    backend: 'pglite',
    dataDir,
    async cleanup() {
      await db.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A fresh PostgreSQL schema of its own, prepared by `build`. */
export async function openPostgresSchema(
  build: (db: Database) => Promise<void>,
): Promise<TestDatabase> {
  const url = TEST_DATABASE_URL;
  if (!url) throw new Error(POSTGRES_SKIP_REASON);
  const schema = `cscx_test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(url, { schema, max: 8 });
  await build(db);
  return {
    db,
    backend: 'postgres',
    async cleanup() {
      await db.close();
      await dropSchema(url, schema);
    },
  };
}

/**
 * `describe` once per backend. Without CSCX_TEST_DATABASE_URL the PostgreSQL run is listed as
 * skipped, with the reason, so a green run never hides that it did not cover PostgreSQL.
 */
export function describeBackends(title: string, fn: (backend: BackendName) => void): void {
  describe.each(BACKENDS)(title, fn);
  if (!TEST_DATABASE_URL) {
    describe.skip(title.replace('%s', 'postgres'), () => {
      it(POSTGRES_SKIP_REASON, () => {});
    });
  }
}
