// A fingerprint of everything a database holds (each table's rows, each sequence's position),
// for tests that prove a request changed nothing. Works on PGlite and on a PostgreSQL schema of
// its own alike. Test-only.
import type { Queryable } from '../db/database.js';

/** Rows and a checksum of their contents per table, and the position of each sequence. */
export type Snapshot = Record<string, string>;

export async function snapshot(db: Queryable): Promise<Snapshot> {
  const out: Snapshot = {};
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  for (const { name } of tables) {
    // Saved summaries are derived data the summaries store writes after a read (migration 010),
    // not anything a request stored.
    if (name === 'customer_summaries') continue;
    // Each row as text, hashed, in a fixed order: any changed, added or removed row shows.
    const [row] = await db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS h
       FROM "${name}" t`,
    );
    out[`table ${name}`] = `${row?.n ?? 0} rows, ${row?.h ?? '-'}`;
  }
  const sequences = await db.query<{ name: string }>(
    `SELECT sequence_name AS name FROM information_schema.sequences
     WHERE sequence_schema = current_schema() ORDER BY sequence_name`,
  );
  for (const { name } of sequences) {
    const [row] = await db.query<{ v: string; called: boolean }>(
      `SELECT last_value::text AS v, is_called AS called FROM "${name}"`,
    );
    out[`sequence ${name}`] = `${row?.v}${row?.called ? '' : ' (unused)'}`;
  }
  return out;
}
