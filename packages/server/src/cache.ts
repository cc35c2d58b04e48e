import type { Database } from './db/database.js';
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
export class ReadCache {
  readonly #db: Database;
  readonly #revs = new Map<string, number>();
  #total = 0;
  readonly #entries = new Map<string, { rev: string; value: unknown }>();
  readonly #max: number;

  constructor(db: Database, max = 2_000) {
    this.#db = db;
    this.#max = max;
  }

  async customerRev(id: string): Promise<string> {
    return this.#db.exclusive ? String(this.#revs.get(id) ?? 0) : customerRevision(this.#db, id);
  }

  async totalRev(): Promise<string> {
    return this.#db.exclusive ? String(this.#total) : totalRevision(this.#db);
  }

  get<T>(key: string, rev: string): T | undefined {
    const e = this.#entries.get(key);
    return e && e.rev === rev ? (e.value as T) : undefined;
  }

  set(key: string, rev: string, value: unknown): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#max) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { rev, value });
  }

  /** After a write to `customerId` committed. */
  bump(customerId: string): void {
    this.#revs.set(customerId, (this.#revs.get(customerId) ?? 0) + 1);
    this.#total++;
  }

  clear(): void {
    this.#entries.clear();
    this.#total++;
    this.#revs.clear();
  }
}
