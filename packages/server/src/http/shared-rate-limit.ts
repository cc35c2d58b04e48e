import type { Database } from '../db/database.js';
import { type Limiter, type RateLimit, tooManyRequests } from './rate-limit.js';

/** How often an instance forgets the buckets that have refilled (they hold nothing). */
const CLEANUP_MS = 60_000;
/** How much of a client's rate an instance takes from the shared bucket at once, in seconds. */
const LEASE_S = 0.1;
/**
 * How long tokens taken but not yet granted stay usable. Past it they are dropped, never given
 * back: an instance the client stopped using holds at most one lease for this long, and the
 * limit can only err strict.
 */
const LEASE_TTL_MS = 1000;
/** Past this many leases held, the expired ones are forgotten: memory stays bounded. */
const MAX_LEASES = 10_000;

/** What one instance holds of a client's shared bucket. */
interface Lease {
  /** Tokens taken from the bucket and not yet granted. */
  tokens: number;
  /** When the unused tokens are dropped (this instance's clock). */
  expires: number;
  /** Not asked again before then: the bucket could not fill a whole lease, and cannot have refilled one yet. */
  refusedUntil: number;
  /** The bucket's tokens when it refused, for the 429's Retry-After. */
  refusedTokens: number;
  /** The statement taking the next lease, which concurrent requests wait on (one at a time). */
  pending: Promise<void> | null;
}

/**
 * The token buckets of {@link RateLimiter}, kept in PostgreSQL (table `rate_limit_buckets`) so
 * that every instance on the database draws on the same bucket: a client's limit is the same
 * whether its requests reach one instance or are spread over several.
 *
 * An instance does not ask the database for every request: one statement takes a lease of up to
 * a tenth of a second of the client's rate (at least one token) atomically (the row lock
 * serialises concurrent takes of one client, timed by the database's clock so instances whose
 * clocks disagree still agree), and the instance grants those locally. At one statement per
 * request, 50 connections of one token queued on its row, and the limiter was the busiest
 * statement under load (issue 12). The limit still holds across instances: nothing is granted
 * that was not taken from the shared bucket, and unused tokens expire after a second rather
 * than going back. When the bucket cannot fill a whole lease, the instance grants what it got
 * and then refuses that client without asking again until a lease's worth can have refilled (a
 * tenth of a second at most): a client over its limit costs one statement per lease, not one
 * per request.
 *
 * A bucket that has refilled is full whether it exists or not, so once a minute each instance
 * deletes those: the table holds only the clients active in the last `burst / perSecond`
 * seconds plus a minute.
 *
 * @example
 * const limiter = new SharedRateLimiter(db, { perSecond: 50, burst: 100 });
 * await limiter.take('token:tok_1'); // throws the 429 problem when the bucket is empty
 */
export class SharedRateLimiter implements Limiter {
  readonly #db: Database;
  readonly #leases = new Map<string, Lease>();
  readonly #leaseSize: number;
  #cleanedAt = Number.NEGATIVE_INFINITY;

  constructor(
    db: Database,
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#db = db;
    this.#leaseSize = Math.max(1, Math.min(limit.burst, Math.floor(limit.perSecond * LEASE_S)));
  }

  /** Tokens one statement takes at most: a tenth of a second of the rate, at least 1. */
  get leaseSize(): number {
    return this.#leaseSize;
  }

  /** Takes one request from `client`'s bucket, or throws the 429 problem. */
  async take(client: string): Promise<void> {
    for (;;) {
      const lease = this.#lease(client);
      const now = this.now();
      if (lease.tokens >= 1 && now < lease.expires) {
        lease.tokens -= 1;
        return;
      }
      if (now < lease.refusedUntil) throw tooManyRequests(this.limit, lease.refusedTokens);
      if (lease.pending === null) {
        const refill = this.#refill(client, lease);
        lease.pending = refill;
        try {
          await refill;
        } finally {
          lease.pending = null;
        }
      } else {
        await lease.pending;
      }
    }
  }

  #lease(client: string): Lease {
    let lease = this.#leases.get(client);
    if (lease === undefined) {
      if (this.#leases.size >= MAX_LEASES) this.#forgetExpired(this.now());
      lease = { tokens: 0, expires: 0, refusedUntil: 0, refusedTokens: 0, pending: null };
      this.#leases.set(client, lease);
    }
    return lease;
  }

  /** One statement: takes up to a lease's worth of tokens (all there are, if fewer). */
  async #refill(client: string, lease: Lease): Promise<void> {
    const { perSecond, burst } = this.limit;
    // `avail`: the bucket refilled to now, capped at the burst; a lease takes whole tokens.
    const avail =
      'least($3::float8, b.tokens + greatest(0, extract(epoch FROM EXCLUDED.at - b.at)::float8) * $2::float8)';
    const rows = await this.#db.query<{ taken: number; tokens: number }>(
      `INSERT INTO rate_limit_buckets AS b (client, tokens, at, granted, taken)
       VALUES ($1, $3::float8 - least($4::int, floor($3::float8)::int), clock_timestamp(), true, least($4::int, floor($3::float8)::int))
       ON CONFLICT (client) DO UPDATE SET
         tokens = ${avail} - least($4::int, floor(${avail})::int),
         taken = least($4::int, floor(${avail})::int),
         granted = ${avail} >= 1,
         at = greatest(b.at, EXCLUDED.at)
       RETURNING taken, tokens`,
      [client, perSecond, burst, this.#leaseSize],
    );
    this.#cleanup();
    const row = rows[0];
    const now = this.now();
    const taken = row?.taken ?? 0;
    const tokens = row?.tokens ?? 0;
    // A bucket that could not fill a whole lease is drained: the client is over its limit. It is
    // not asked again until a whole lease can have refilled (at a high rate one token refills
    // every millisecond, which would be a statement each); what it gave is granted meanwhile.
    if (taken < this.#leaseSize) {
      lease.refusedTokens = tokens;
      lease.refusedUntil = now + (Math.max(0, this.#leaseSize - tokens) / perSecond) * 1000;
    }
    if (taken >= 1) {
      lease.tokens = taken;
      lease.expires = now + LEASE_TTL_MS;
      return;
    }
    throw tooManyRequests(this.limit, tokens);
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

  #forgetExpired(now: number): void {
    for (const [client, l] of this.#leases) {
      if (l.pending === null && now >= l.expires && now >= l.refusedUntil)
        this.#leases.delete(client);
    }
  }

  #cleanup(): void {
    const now = this.now();
    if (now - this.#cleanedAt < CLEANUP_MS) return;
    this.#cleanedAt = now;
    this.#forgetExpired(now);
    // Off the request's path; a failure only delays the clean-up to the next minute.
    this.forgetIdle().catch(() => {});
  }
}
