import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { type Logger, silentLogger } from '../log.js';
import { webhookSecretContext } from '../repo/webhooks.js';
import {
  guardedLookup,
  isPublicAddress,
  privateReceiversAllowed,
  type Resolver,
  systemResolver,
  urlHost,
} from './address-guard.js';
import { retryAfter } from './schedule.js';
import { SecretBox, SecretKeyError } from './secret-box.js';
import { signMessage } from './sign.js';

/** How long a receiver has to answer, headers and body (Standard Webhooks suggests 15 s or less). */
export const DELIVERY_TIMEOUT_MS = 10_000;
/**
 * How long a claimed attempt is ours. Far above the timeout: an attempt whose worker was killed
 * (SIGKILL, a crash) is retried once its lease lapses, and never while a live worker is on it.
 */
export const LEASE_MS = 60_000;
/** The part of a response body kept in the delivery log (characters), and the bytes read for it. */
export const SNIPPET_CHARS = 1000;
const READ_CAP_BYTES = 4096;
/** Deliveries one tick claims at most. */
const BATCH = 25;

export interface DispatcherOptions {
  readonly db: Database;
  /** The clock that schedules attempts and signs them (tests move it instead of waiting). */
  readonly clock: Clock;
  readonly log?: Logger;
  /** Deliver to private and loopback receivers. Default: CSCX_WEBHOOK_ALLOW_PRIVATE=1. */
  readonly allowPrivate?: boolean;
  readonly resolve?: Resolver;
  /** The jitter's source, in [0, 1). Default Math.random. */
  readonly random?: () => number;
  readonly timeoutMs?: number;
  /**
   * Opens the subscriptions' sealed signing secrets: the box the app seals with. Default: this
   * process's random key, like createApp's default.
   */
  readonly secrets?: SecretBox;
}

/** What one attempt came to. */
interface Outcome {
  readonly ok: boolean;
  readonly status: number | null;
  readonly snippet: string | null;
  readonly error: string | null;
  readonly durationMs: number;
}

interface Claimed {
  readonly id: string;
  readonly attempts: number;
  readonly created_at: number;
  readonly message_id: string;
  readonly payload: string;
  readonly subscription_id: string;
  readonly url: string;
  readonly secret_sealed: string;
}

/**
 * The delivery worker. Each tick claims the due head of every (subscription, customer) queue,
 * so a customer's message n+1 is never sent to a subscription before n succeeded or was given
 * up; sends each, signed, with a timeout, no redirects and a capped read; and records the
 * outcome with the next attempt's time (schedule.ts). Everything lives in the database: a
 * restarted server carries on where the last one stopped, and instances sharing one PostgreSQL
 * claim with FOR UPDATE SKIP LOCKED plus a lease, so no two send the same attempt.
 */
export class WebhookDispatcher {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #allowPrivate: boolean;
  readonly #resolve: Resolver;
  readonly #random: () => number;
  readonly #timeoutMs: number;
  readonly #secrets: SecretBox;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;
  #stopped = false;

  constructor(options: DispatcherOptions) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#log = options.log ?? silentLogger;
    this.#allowPrivate = options.allowPrivate ?? privateReceiversAllowed();
    this.#resolve = options.resolve ?? systemResolver;
    this.#random = options.random ?? Math.random;
    this.#timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    this.#secrets = options.secrets ?? SecretBox.ephemeral();
  }

  /** One round: claims what is due now, delivers it, records it. Returns the attempts made. */
  async tick(): Promise<number> {
    const claimed = await this.#claim();
    await Promise.all(claimed.map((d) => this.#attempt(d)));
    return claimed.length;
  }

  /**
   * Ticks until nothing more is due now (a queue's next message becomes due as soon as the one
   * before it succeeded), at most `rounds` times. Returns the attempts made.
   */
  async drain(rounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < rounds; i++) {
      const n = await this.tick();
      if (n === 0) break;
      total += n;
    }
    return total;
  }

  /** Polls every `intervalMs` until {@link stop}. */
  start(intervalMs = 1000): void {
    this.#stopped = false;
    const loop = () => {
      if (this.#stopped) return;
      this.#running = this.drain()
        .catch((e: unknown) =>
          this.#log.error('webhook delivery failed', {
            error: e instanceof Error ? e.message : String(e),
          }),
        )
        .finally(() => {
          this.#running = null;
          if (!this.#stopped) this.#timer = setTimeout(loop, intervalMs);
          this.#timer?.unref();
        });
    };
    this.#timer = setTimeout(loop, 0);
    this.#timer.unref();
  }

  /** Stops polling and waits for the round under way (its attempts are recorded). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  async #claim(): Promise<Claimed[]> {
    const now = this.#clock().getTime();
    return this.#db.transaction(async (tx) => {
      // The head of each queue: the oldest unfinished delivery per (subscription, customer).
      // Only a head may be attempted, which is what keeps a customer's messages in order.
      const heads = await tx.query<{ id: string }>(
        `SELECT id FROM (
           SELECT DISTINCT ON (d.subscription_id, d.customer_key)
             d.id, d.status, d.next_attempt_at, d.lease_until
           FROM webhook_deliveries d
           JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.enabled
           WHERE d.status IN ('pending', 'delivering')
           ORDER BY d.subscription_id, d.customer_key, d.seq
         ) h
         WHERE (h.status = 'pending' AND h.next_attempt_at <= to_timestamp($1::float8 / 1000))
            OR (h.status = 'delivering' AND h.lease_until <= to_timestamp($1::float8 / 1000))
         ORDER BY h.next_attempt_at LIMIT $2`,
        [now, BATCH],
      );
      if (heads.length === 0) return [];
      // Claimed under row locks, the due condition checked again: another instance that got
      // there first holds the row (skipped) or has already leased it (no longer due).
      return tx.query<Claimed & Record<string, unknown>>(
        `WITH claimed AS (
           UPDATE webhook_deliveries SET status = 'delivering', attempts = attempts + 1,
             lease_until = to_timestamp($2::float8 / 1000)
           WHERE id IN (
             SELECT id FROM webhook_deliveries
             WHERE id = ANY($1::text[])
               AND ((status = 'pending' AND next_attempt_at <= to_timestamp($3::float8 / 1000))
                 OR (status = 'delivering' AND lease_until <= to_timestamp($3::float8 / 1000)))
             FOR UPDATE SKIP LOCKED
           )
           RETURNING id, attempts, epoch_ms(created_at) AS created_at, message_id, subscription_id
         )
         SELECT c.id, c.attempts, c.created_at, c.message_id, m.payload, c.subscription_id, s.url,
           s.secret_sealed
         FROM claimed c
         JOIN webhook_messages m ON m.id = c.message_id
         JOIN webhook_subscriptions s ON s.id = c.subscription_id`,
        [heads.map((h) => h.id), now + LEASE_MS, now],
      );
    });
  }

  async #attempt(d: Claimed): Promise<void> {
    const startedAt = this.#clock().getTime();
    const outcome = await this.#send(d, new Date(startedAt));
    const finishedAt = this.#clock().getTime();
    const decision = outcome.ok
      ? null
      : retryAfter(d.attempts, d.created_at, finishedAt, this.#random);
    const status = outcome.ok ? 'succeeded' : decision?.giveUp ? 'failed' : 'pending';
    const next = decision && !decision.giveUp ? decision.at : finishedAt;
    await this.#db.transaction(async (tx) => {
      // Only while the claim is still this attempt's (same attempt number, still leased): a
      // lease that lapsed and was claimed again belongs to the newer attempt.
      const rows = await tx.query(
        `UPDATE webhook_deliveries
         SET status = $3, lease_until = NULL, next_attempt_at = to_timestamp($4::float8 / 1000),
           finished_at = CASE WHEN $3 IN ('succeeded', 'failed') THEN to_timestamp($5::float8 / 1000) END
         WHERE id = $1 AND attempts = $2 AND status = 'delivering'
         RETURNING id`,
        [d.id, d.attempts, status, next, finishedAt],
      );
      if (rows.length === 0) return;
      await tx.query(
        `INSERT INTO webhook_attempts
           (delivery_id, attempt, started_at, duration_ms, http_status, response_snippet, error)
         VALUES ($1, $2, to_timestamp($3::float8 / 1000), $4, $5, $6, $7)
         ON CONFLICT DO NOTHING`,
        [
          d.id,
          d.attempts,
          startedAt,
          Math.max(0, Math.round(outcome.durationMs)),
          outcome.status,
          outcome.snippet,
          outcome.error,
        ],
      );
    });
    if (!outcome.ok) {
      this.#log.warn('webhook attempt failed', {
        delivery_id: d.id,
        attempt: d.attempts,
        status: outcome.status,
        error: outcome.error,
        gave_up: status === 'failed',
      });
    }
  }

  /** One signed POST of the message's body. Never throws: every failure is an outcome. */
  async #send(d: Claimed, at: Date): Promise<Outcome> {
    const t0 = performance.now();
    const failed = (
      error: string,
      status: number | null = null,
      snippet: string | null = null,
    ) => ({
      ok: false,
      status,
      snippet,
      error: error.slice(0, 500),
      durationMs: performance.now() - t0,
    });
    let url: URL;
    try {
      url = new URL(d.url);
    } catch {
      return failed('The receiver URL is not valid.');
    }
    const host = urlHost(url);
    if (!this.#allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) {
      return failed(`The receiver's address ${host} is not a public address.`);
    }
    // A secret this process cannot open fails the attempt, named: never a send signed with
    // something else (the receiver would reject it, and nobody would know why).
    let secret: string;
    try {
      secret = this.#secrets.open(d.secret_sealed, webhookSecretContext(d.subscription_id));
    } catch (e) {
      if (!(e instanceof SecretKeyError)) throw e;
      this.#log.error('webhook secret cannot be decrypted', {
        delivery_id: d.id,
        webhook_id: d.subscription_id,
        error: e.message,
      });
      return failed(`Not sent: cannot decrypt the signing secret. ${e.message}`);
    }
    const body = Buffer.from(d.payload, 'utf8');
    const headers = {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'user-agent': 'cscx-success-webhooks/0.1',
      ...signMessage(secret, d.message_id, at, d.payload),
    };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Outcome>((resolve) => {
      const req = client.request(
        url,
        {
          method: 'POST',
          headers,
          // A fresh connection per attempt, so every attempt resolves and checks the address.
          agent: false,
          lookup: guardedLookup(this.#allowPrivate, this.#resolve),
          signal: AbortSignal.timeout(this.#timeoutMs),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = () => {
            const snippet = Buffer.concat(chunks).toString('utf8').slice(0, SNIPPET_CHARS);
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              resolve({
                ok: true,
                status,
                snippet,
                error: null,
                durationMs: performance.now() - t0,
              });
            } else if (status >= 300 && status < 400) {
              resolve(
                failed(
                  `The receiver answered ${status}; redirects are not followed.`,
                  status,
                  snippet,
                ),
              );
            } else {
              resolve(failed(`The receiver answered ${status}.`, status, snippet));
            }
          };
          res.on('data', (chunk: Buffer) => {
            if (size >= READ_CAP_BYTES) return;
            chunks.push(chunk.subarray(0, READ_CAP_BYTES - size));
            size += chunk.length;
            // Enough for the log: the rest of a large body is not worth the wait or the memory.
            if (size >= READ_CAP_BYTES) {
              res.destroy();
              done();
            }
          });
          res.on('end', done);
          res.on('error', (e) => resolve(failed(describe(e))));
        },
      );
      req.on('error', (e) => resolve(failed(describe(e))));
      req.end(body);
    });
  }
}

function describe(e: Error & { code?: string }): string {
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return 'The receiver did not answer within the timeout.';
  if (e.code === 'ECONNREFUSED') return 'The receiver refused the connection.';
  return e.message || String(e);
}
