import type { Queryable } from '../db/database.js';

/** What a saved summary must match to be used again (see migration 010). */
export interface SummaryKey {
  /** The day it was derived for (YYYY-MM-DD). */
  readonly day: string;
  /** The health models' versions it was banded with. */
  readonly modelsKey: string;
  /** The derivation code's fingerprint (derive/fingerprint.ts). */
  readonly fingerprint: string;
}

/** One customer's saved summary: the revision it was derived at and the summary as JSON. */
export interface SavedSummary {
  readonly customerId: string;
  readonly rev: string;
  readonly json: string;
}

/** Rows per INSERT: one statement's text stays well under a megabyte. */
const SAVE_CHUNK = 500;

/** The saved summaries derived under `key`; the rest of the table is left unread. */
export async function loadSavedSummaries(
  q: Queryable,
  key: SummaryKey,
): Promise<Map<string, SavedSummary>> {
  const rows = await q.query<{ customer_id: string; rev: string; summary: string }>(
    `SELECT customer_id, rev, summary FROM customer_summaries
     WHERE day = $1::date AND models_key = $2 AND fingerprint = $3`,
    [key.day, key.modelsKey, key.fingerprint],
  );
  return new Map(
    rows.map((r) => [r.customer_id, { customerId: r.customer_id, rev: r.rev, json: r.summary }]),
  );
}

/**
 * Saves `rows` under `key`, replacing each customer's earlier row, `SAVE_CHUNK` per statement.
 * Each chunk is its own statement, so a server busy answering requests interleaves them. A
 * customer deleted meanwhile is skipped (the foreign key would refuse it).
 */
export async function saveSummaries(
  q: Queryable,
  key: SummaryKey,
  rows: readonly SavedSummary[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += SAVE_CHUNK) {
    const chunk = rows.slice(i, i + SAVE_CHUNK);
    await q.query(
      `INSERT INTO customer_summaries (customer_id, rev, day, models_key, fingerprint, summary)
       SELECT s.id, s.rev, $4::date, $5, $6, s.summary
       FROM unnest($1::text[], $2::text[], $3::text[]) AS s(id, rev, summary)
       JOIN customers c ON c.id = s.id
       ON CONFLICT (customer_id) DO UPDATE SET rev = excluded.rev, day = excluded.day,
         models_key = excluded.models_key, fingerprint = excluded.fingerprint,
         summary = excluded.summary`,
      [
        chunk.map((r) => r.customerId),
        chunk.map((r) => r.rev),
        chunk.map((r) => r.json),
        key.day,
        key.modelsKey,
        key.fingerprint,
      ],
    );
  }
}
