/**
 * The one seam between the server and its storage. Two implementations exist: PGlite (embedded
 * Postgres in WASM, the default, persisted to a data directory) and PostgreSQL through a `pg`
 * pool (when DATABASE_URL is set). Both speak the same SQL and run the same migrations, so the
 * rest of the server never knows which one it has.
 */

/** A row as the driver returns it; callers name the columns they selected. */
export type Row = Record<string, unknown>;

/** Runs SQL. Parameters are positional (`$1`, `$2`, ...). */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * True when this process is the only writer (PGlite holds its data directory exclusively), so
   * in-memory caches invalidated on our own writes are authoritative. With PostgreSQL other
   * processes may write too, and caches must check the database's revision counters.
   */
  readonly exclusive: boolean;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws, so no
   * partial write is ever visible.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Bytes of memory the database holds inside this process: PGlite's WebAssembly memory (it
   * grows with the largest query result and never shrinks), 0 for PostgreSQL (another process).
   */
  memoryBytes(): number;
}
