import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.js';

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/**
 * The size of PGlite's WebAssembly memory. PGlite keeps its Emscripten module in a protected
 * field with no public accessor; read defensively so a future version without it reports 0.
 */
function wasmBytes(pg: PGlite): number {
  const mod = (pg as unknown as { mod?: { wasmMemory?: WebAssembly.Memory } }).mod;
  return mod?.wasmMemory?.buffer.byteLength ?? 0;
}

/**
 * Opens (creating on first use) an embedded Postgres in `dataDir`, or in memory when `dataDir`
 * is undefined. The caller must hold the data directory's lock (see `lock.ts`): two PGlite
 * instances on one directory corrupt it.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  // Timestamps are written and read in UTC whatever the machine's zone is.
  await pg.exec("SET TIME ZONE 'UTC'");
  const base = wrap(pg);
  return {
    kind: 'pglite',
    exclusive: true,
    query: base.query,
    exec: base.exec,
    // PGlite queues every query behind an open transaction, so transactions are serialised.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
    memoryBytes: () => wasmBytes(pg),
  };
}
