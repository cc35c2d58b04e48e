import type { Authenticator, Principal } from '../auth.js';
import type { ReadCache } from '../cache.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import type { SummaryStore } from '../summaries.js';
import type { SecretBox } from '../webhooks/secret-box.js';
import type { Cursors } from './cursor.js';
import type { Idempotency } from './idempotency.js';

/** What every route needs, built once by createApp. */
export interface AppContext {
  readonly db: Database;
  readonly clock: Clock;
  readonly log: Logger;
  readonly cache: ReadCache;
  /** Every customer's summary, kept current incrementally (portfolio, benchmarks). */
  readonly summaries: SummaryStore;
  readonly auth: Authenticator;
  readonly idempotency: Idempotency;
  /** Signs and checks list cursors. */
  readonly cursors: Cursors;
  /** Seals webhook signing secrets before they are stored. */
  readonly secrets: SecretBox;
  /** Largest accepted request body, in bytes (1 MiB by the contract). */
  readonly bodyLimit: number;
}

/** Hono's per-request variables. */
export type Env = {
  Variables: {
    requestId: string;
    principal: Principal;
    /** The shipped locale `Accept-Language` chose (http/language.ts); default `en-US`. */
    locale: string;
  };
};
