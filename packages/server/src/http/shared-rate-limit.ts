import type { Database } from '../db/database.js';
import { type Limiter, type RateLimit, tooManyRequests } from './rate-limit.js';

/** How often an instance forgets the buckets that have refilled (they hold nothing). */
const CLEANUP_MS = 60_000;

/**
 * The token buckets of {@link RateLimiter}, kept in PostgreSQL (table `rate_limit_buckets`) so
 * that every instance on the database draws on the same bucket: a client's limit is the same
 * whether its requests reach one instance or are spread over several. One statement per request
 * takes a token atomically (the row lock serialises concurrent takes of one client), timed by
 * the database's clock so instances whose clocks disagree still agree. A bucket that has
 * refilled is full whether it exists or not, so once a minute each instance deletes those: the
 * table holds only the clients active in the last `burst / perSecond` seconds plus a minute.
 *
 * @example
 * const limiter = new SharedRateLimiter(db, { perSecond: 50, burst: 100 });
 * await limiter.take('token:tok_1'); // throws the 429 problem when the bucket is empty
 */
export class SharedRateLimiter implements Limiter {
  readonly #db: Database;
  #cleanedAt = Number.NEGATIVE_INFINITY;

  constructor(
    db: Database,
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#db = db;
  }

  /** Takes one request from `client`'s bucket, or throws the 429 problem. */
  async take(client: string): Promise<void> {
    const { perSecond, burst } = this.limit;
    const rows = await this.#db.query<{ granted: boolean; tokens: number }>(
      `INSERT INTO rate_limit_buckets AS b (client, tokens, at, granted)
       VALUES ($1, $3::float8 - 1, clock_timestamp(), true)
       ON CONFLICT (client) DO UPDATE SET
         tokens = CASE
           WHEN least($3::float8, b.tokens + greatest(0, extract(epoch FROM EXCLUDED.at - b.at)::float8) * $2::float8) >= 1
           THEN least($3::float8, b.tokens + greatest(0, extract(epoch FROM EXCLUDED.at - b.at)::float8) * $2::float8) - 1
           ELSE least($3::float8, b.tokens + greatest(0, extract(epoch FROM EXCLUDED.at - b.at)::float8) * $2::float8)
         END,
         granted = least($3::float8, b.tokens + greatest(0, extract(epoch FROM EXCLUDED.at - b.at)::float8) * $2::float8) >= 1,
         at = greatest(b.at, EXCLUDED.at)
       RETURNING granted, tokens`,
      [client, perSecond, burst],
    );
    this.#cleanup();
    const row = rows[0];
    if (!row || row.granted) return;
    throw tooManyRequests(this.limit, row.tokens);
  }

  /** Deletes the buckets that have refilled; returns how many (tests call it directly). */
  async forgetIdle(): Promise<number> {
    const { perSecond, burst } = this.limit;
    const rows = await this.#db.query(
      `DELETE FROM rate_limit_buckets
       WHERE at < clock_timestamp() - make_interval(secs => $1::float8) RETURNING client`,
      [burst / perSecond],
    );
    return rows.length;
  }

  /** How many clients have a bucket now (across instances). */
  async tracked(): Promise<number> {
    const rows = await this.#db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM rate_limit_buckets',
    );
    return rows[0]?.n ?? 0;
  }

  #cleanup(): void {
    const now = this.now();
    if (now - this.#cleanedAt < CLEANUP_MS) return;
    this.#cleanedAt = now;
    // Off the request's path; a failure only delays the clean-up to the next minute.
    this.forgetIdle().catch(() => {});
  }
}
