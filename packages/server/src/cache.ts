import type { Database } from './db/database.js';
import { GzipJson } from './http/gzip-json.js';
import { customerRevision, totalRevision } from './repo/customers.js';

/**
 * Read caches for the hot endpoints. A customer's metrics depend only on its stored data and
 * today's date, so a response computed once can be served until either changes. Every write
 * bumps its customer's revision; entries carry the revision they were computed at.
 *
 * With PGlite this process is the only writer, so revisions counted in memory are exact. With
 * PostgreSQL other processes may write, so revisions are read from the database (one indexed
 * row) before an entry is trusted.
 */
/** Bytes an entry is counted as besides its value: the key, the map slot, the record. */
const ENTRY_OVERHEAD = 160;

/**
 * What `value` holds in memory, roughly: a compressed body its bytes, strings at two bytes a character (V8 stores Latin-1
 * text in one, so this errs high), other values by the length of their JSON (rows of the
 * database: a few hundred bytes).
 */
export function approximateBytes(value: unknown): number {
  if (value instanceof GzipJson) return value.gzip.byteLength;
  if (typeof value === 'string') return 2 * value.length;
  if (value === null || value === undefined) return 8;
  return 2 * (JSON.stringify(value)?.length ?? 0);
}

/** The read cache's size now, for the memory report (no keys or values). */
export interface ReadCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
}

export class ReadCache {
  readonly #db: Database;
  readonly #revs = new Map<string, number>();
  #total = 0;
  readonly #entries = new Map<string, { rev: string; value: unknown; bytes: number }>();
  readonly #maxBytes: number;
  #bytes = 0;
  #hits = 0;
  #misses = 0;
  #evictions = 0;
  readonly #listeners: ((customerId: string | null) => void)[] = [];

  /**
   * `maxBytes` bounds the entries' approximate size ({@link approximateBytes}); the least
   * recently used go first. Responses are held gzip-compressed ({@link GzipJson}): 32 MiB
   * holds every customer's metrics for two periods at 10,000 customers (about 1.6 KB each).
   */
  constructor(db: Database, maxBytes = 32 * 1024 * 1024) {
    this.#db = db;
    this.#maxBytes = maxBytes;
  }

  async customerRev(id: string): Promise<string> {
    return this.#db.exclusive ? String(this.#revs.get(id) ?? 0) : customerRevision(this.#db, id);
  }

  /**
   * True when `rev` (from {@link customerRev}) tells that the customer has no children: with
   * PostgreSQL the revision lists the children's (repo `customerRevision`); in-memory counters
   * tell nothing (false).
   */
  childless(rev: string): boolean {
    return !this.#db.exclusive && !rev.includes(';');
  }

  async totalRev(): Promise<string> {
    return this.#db.exclusive ? String(this.#total) : totalRevision(this.#db);
  }

  get<T>(key: string, rev: string): T | undefined {
    const e = this.#entries.get(key);
    if (!e || e.rev !== rev) {
      this.#misses++;
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, e);
    this.#hits++;
    return e.value as T;
  }

  set(key: string, rev: string, value: unknown): void {
    this.#remove(key);
    const bytes = ENTRY_OVERHEAD + 2 * key.length + approximateBytes(value);
    if (bytes > this.#maxBytes) return;
    while (this.#bytes + bytes > this.#maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#remove(oldest.value);
      this.#evictions++;
    }
    this.#entries.set(key, { rev, value, bytes });
    this.#bytes += bytes;
  }

  #remove(key: string): void {
    const e = this.#entries.get(key);
    if (!e) return;
    this.#entries.delete(key);
    this.#bytes -= e.bytes;
  }

  /**
   * Calls `listener` after every committed write with its customer's id, and with null when
   * everything may have changed ({@link clear}). The summaries store keeps itself current so.
   */
  onChange(listener: (customerId: string | null) => void): void {
    this.#listeners.push(listener);
  }

  /** After a write to `customerId` committed. */
  bump(customerId: string): void {
    this.#revs.set(customerId, (this.#revs.get(customerId) ?? 0) + 1);
    this.#total++;
    for (const l of this.#listeners) l(customerId);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#total++;
    this.#revs.clear();
    for (const l of this.#listeners) l(null);
  }

  stats(): ReadCacheStats {
    return {
      entries: this.#entries.size,
      bytes: this.#bytes,
      maxBytes: this.#maxBytes,
      hits: this.#hits,
      misses: this.#misses,
      evictions: this.#evictions,
    };
  }
}
