import type { ReadCache, ReadCacheStats } from './cache.js';
import type { Database } from './db/database.js';
import type { SummaryStats, SummaryStore } from './summaries.js';

/**
 * Where this process's memory goes, in MB (one decimal), and the caches' sizes. Counts only:
 * no keys, ids, tokens or data, so it can be logged.
 */
export interface MemoryReport {
  /** Resident set size: what the budget counts. */
  readonly rss_mb: number;
  /** V8's JavaScript heap in use, and reserved. */
  readonly heap_used_mb: number;
  readonly heap_total_mb: number;
  /** Memory outside the JS heap held by JS objects (Buffers, ArrayBuffers, WebAssembly memory). */
  readonly external_mb: number;
  readonly array_buffers_mb: number;
  /** PGlite's WebAssembly memory (part of `external_mb`), 0 on PostgreSQL. */
  readonly database_mb: number;
  readonly read_cache: ReadCacheStats;
  readonly summaries: SummaryStats;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Measures now.
 *
 * @example
 * ```ts
 * log.info('memory', { ...memoryReport(db, cache, store) });
 * ```
 */
export function memoryReport(db: Database, cache: ReadCache, store: SummaryStore): MemoryReport {
  const m = process.memoryUsage();
  return {
    rss_mb: mb(m.rss),
    heap_used_mb: mb(m.heapUsed),
    heap_total_mb: mb(m.heapTotal),
    external_mb: mb(m.external),
    array_buffers_mb: mb(m.arrayBuffers),
    database_mb: mb(db.memoryBytes()),
    read_cache: cache.stats(),
    summaries: store.stats(),
  };
}
