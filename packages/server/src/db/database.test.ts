// The storage layer on both backends: migrations are versioned and applied once, a newer or
// edited schema is refused, and a transaction is all or nothing.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBackends,
  openPgliteCopy,
  openPostgresSchema,
  pgliteTemplate,
  type TestDatabase,
} from '../testing/test-db.js';
import { type Migration, migrate, readMigrations } from './migrate.js';
import { DEFAULT_SHARED_BUFFERS_MB } from './pglite.js';

const migrations = readMigrations();

async function blank(backend: string): Promise<TestDatabase> {
  if (backend === 'postgres') return openPostgresSchema(async () => {});
  const template = await pgliteTemplate('blank', 'initdb-only-v1', async () => {});
  return openPgliteCopy(template);
}

describeBackends('storage (%s)', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await blank(backend);
  }, 120_000);
  afterAll(() => t?.cleanup());

  it.runIf(backend === 'pglite')(
    "keeps PGlite's page cache at 16 MB, not Postgres's 128 MB that stays resident for good",
    async () => {
      const [row] = await t.db.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(row?.shared_buffers).toBe(`${DEFAULT_SHARED_BUFFERS_MB}MB`);
      expect(DEFAULT_SHARED_BUFFERS_MB).toBe(16);
    },
  );

  it('applies every migration file in order, once', async () => {
    expect(migrations.map((m) => m.name)).toContain('001_initial.sql');
    const first = await migrate(t.db);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const again = await migrate(t.db);
    expect(again.applied).toEqual([]);
    const rows = await t.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });

  it('refuses a database migrated by a newer server', async () => {
    await t.db.query(
      "INSERT INTO schema_migrations (version, name, checksum) VALUES (999, '999_future.sql', 'x')",
    );
    await expect(migrate(t.db)).rejects.toThrow(/999_future\.sql.*newer/);
    await t.db.query('DELETE FROM schema_migrations WHERE version = 999');
  });

  it('refuses a migration file edited after it was applied', async () => {
    const edited: Migration[] = migrations.map((m) =>
      m.version === 1
        ? {
            ...m,
            sql: `${m.sql}\n-- edit`,
            checksum: createHash('sha256').update('edit').digest('hex'),
          }
        : m,
    );
    await expect(migrate(t.db, edited)).rejects.toThrow(/001_initial\.sql was edited/);
  });

  it('applies a new migration on top of the existing schema', async () => {
    const extra: Migration = {
      version: 900,
      name: '900_probe.sql',
      sql: 'CREATE TABLE probe (id integer PRIMARY KEY);',
      checksum: 'probe',
    };
    const r = await migrate(t.db, [...migrations, extra]);
    expect(r.applied).toEqual(['900_probe.sql']);
    await t.db.exec('DROP TABLE probe; DELETE FROM schema_migrations WHERE version = 900;');
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query(
        "INSERT INTO customers (id, name, segment, currency) VALUES ('cus_tx_ok', 'Ok', 'smb', 'USD')",
      );
    });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(
          "INSERT INTO customers (id, name, segment, currency) VALUES ('cus_tx_bad', 'Bad', 'smb', 'USD')",
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await t.db.query<{ id: string }>(
      "SELECT id FROM customers WHERE id LIKE 'cus_tx_%' ORDER BY id",
    );
    expect(rows.map((r) => r.id)).toEqual(['cus_tx_ok']);
  });

  it('never shows a transaction half done to a concurrent reader', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const writer = t.db.transaction(async (tx) => {
      await tx.query("UPDATE customers SET name = 'Half' WHERE id = 'cus_tx_ok'");
      await gate;
      await tx.query("UPDATE customers SET name = 'Whole' WHERE id = 'cus_tx_ok'");
    });
    const reader = t.db.query<{ name: string }>(
      "SELECT name FROM customers WHERE id = 'cus_tx_ok'",
    );
    setTimeout(release, 50);
    await writer;
    const [row] = await reader;
    expect(['Ok', 'Whole']).toContain(row?.name);
  });

  it('reads back numbers and texts exactly as written', async () => {
    const values = [0.1 + 0.2, 104.16666666666667, -1e15, 1e15, 5e-324];
    await t.db.query(
      "INSERT INTO customers (id, name, segment, currency, investment) VALUES ('cus_num', 'Zoë \"quoted\" <b>', 'smb', 'EUR', $1)",
      [values[0]],
    );
    const [row] = await t.db.query<{ name: string; investment: number }>(
      "SELECT name, investment FROM customers WHERE id = 'cus_num'",
    );
    expect(row).toEqual({ name: 'Zoë "quoted" <b>', investment: values[0] });
    const echoed = await t.db.query<{ v: number[] }>('SELECT $1::float8[] AS v', [values]);
    expect(echoed[0]?.v).toEqual(values);
  });
});
