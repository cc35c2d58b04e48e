import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.js';

/** See {@link PgliteOptions.sharedBuffersMb}. */
export const DEFAULT_SHARED_BUFFERS_MB = 16;

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

/** Options of {@link openPglite}. */
export interface PgliteOptions {
  /**
   * Postgres's page cache inside PGlite's WebAssembly memory, in MiB (default 16). Postgres's
   * own default, 128 MiB, is resident for good once touched (WebAssembly memory never shrinks)
   * and was the largest single part of the server's RSS; the data files stay in the operating
   * system's page cache either way, so a smaller pool costs little (bench/results/scale.json).
   */
  readonly sharedBuffersMb?: number;
}

/**
 * Opens (creating on first use) an embedded Postgres in `dataDir`, or in memory when `dataDir`
 * is undefined. The caller must hold the data directory's lock (see `lock.ts`): two PGlite
 * instances on one directory corrupt it.
 *
 * @example
 * const db = await openPglite('./data/pgdata', { sharedBuffersMb: 32 });
 */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<Database> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const startParams = [
    ...PGlite.defaultStartParams,
    '-c',
    `shared_buffers=${options.sharedBuffersMb ?? DEFAULT_SHARED_BUFFERS_MB}MB`,
  ];
  const pg = await PGlite.create(
    dataDir === undefined ? { startParams } : { dataDir, startParams },
  );
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
