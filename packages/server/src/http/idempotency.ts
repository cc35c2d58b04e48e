import { createHash, type Hash } from 'node:crypto';
import type { Principal } from '../auth.js';
import type { Clock } from '../clock.js';
import type { Database, Queryable } from '../db/database.js';
import { ProblemError } from '../problem.js';
import { findStored, storeResponse } from '../repo/idempotency.js';

/**
 * The hash an Idempotency-Key's fingerprint is computed with: the method and path, then the body
 * (fed as it arrives, for bodies too large to hold).
 */
export function fingerprintHash(method: string, path: string): Hash {
  return createHash('sha256').update(`${method} ${path}\n`);
}

/** A response before it is sent, so it can also be stored for repeats. */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Text (JSON, HTML) or bytes (PDF, PowerPoint); both are stored and replayed exactly. */
  readonly body: string | Uint8Array<ArrayBuffer>;
}

/**
 * Stores the reply inside the write's own transaction (call it just before the transaction
 * commits). Only successful replies are stored: an error applied nothing, so a repeat is simply
 * evaluated again.
 */
export type SaveReply = (tx: Queryable, reply: Reply) => Promise<void>;

/** Another request stored this key first (another process, with PostgreSQL). */
class KeyTaken extends Error {}

/** Response headers worth replaying; X-Request-Id is the repeat's own. */
const REPLAYED = [
  'content-type',
  'location',
  'etag',
  'content-disposition',
  'content-security-policy',
];

/**
 * `Idempotency-Key` on POST (openapi.yaml "Idempotency"): keys belong to the token and live 24
 * hours; a repeat with the same body gets the stored first response and applies nothing; the
 * same key with another body is 409; a repeat that arrives while the first is still running
 * waits for it.
 */
export class Idempotency {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #inflight = new Map<string, Promise<void>>();

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /**
   * Runs `handler` under `key`. The request is what the fingerprint covers: the method, path and
   * body text, or the hex digest of a body already hashed while it streamed in
   * ({@link fingerprintHash}).
   */
  async run(
    principal: Principal,
    key: string | null,
    request: { method: string; path: string; raw: string } | { fingerprint: string },
    handler: (save: SaveReply) => Promise<Reply>,
  ): Promise<Reply> {
    if (key === null) return handler(async () => {});
    const slot = `${principal.tokenId}\n${key}`;
    const fingerprint =
      'fingerprint' in request
        ? request.fingerprint
        : fingerprintHash(request.method, request.path).update(request.raw).digest('hex');
    for (;;) {
      const running = this.#inflight.get(slot);
      if (running) {
        await running;
        continue;
      }
      const stored = await findStored(this.#db, principal.tokenId, key, this.#clock().getTime());
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          throw new ProblemError(
            409,
            'This Idempotency-Key was used for a different request body.',
            [
              {
                field: 'header.Idempotency-Key',
                message: 'Already used for a different request body.',
                code: 'idempotency_key_reused',
              },
            ],
          );
        }
        return {
          status: stored.status,
          headers: { ...stored.headers, 'idempotent-replayed': 'true' },
          body: stored.body,
        };
      }
      // Someone may have started while we looked it up.
      if (this.#inflight.has(slot)) continue;
      let finish = () => {};
      this.#inflight.set(
        slot,
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
      );
      try {
        return await handler(async (tx, reply) => {
          if (reply.status >= 300) return;
          const headers: Record<string, string> = {};
          for (const h of REPLAYED)
            if (reply.headers[h] !== undefined) headers[h] = reply.headers[h];
          const stored = await storeResponse(
            tx,
            principal.tokenId,
            key,
            { fingerprint, status: reply.status, headers, body: reply.body },
            this.#clock().getTime(),
          );
          if (!stored) throw new KeyTaken();
        });
      } catch (e) {
        if (e instanceof KeyTaken) continue;
        throw e;
      } finally {
        this.#inflight.delete(slot);
        finish();
      }
    }
  }
}
