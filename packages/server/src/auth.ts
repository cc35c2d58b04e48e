import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from './clock.js';
import type { Database } from './db/database.js';
import { ProblemError } from './problem.js';
import type { CustomerRecord, ScopeFilter } from './repo/customers.js';
import { findShareLinkByHash } from './repo/share-links.js';
import { findTokenByHash, type Role, type TokenRecord } from './repo/tokens.js';

/**
 * Bearer tokens (RFC 6750). A token has a role and a scope: a manager sees every customer, a CSM
 * the customers whose `csm_id` is theirs, a viewer exactly one customer, read-only. Tokens are
 * stored as SHA-256 hashes: a database leak reveals no usable token.
 */
export interface Principal {
  readonly tokenId: string;
  readonly role: PrincipalRole;
  readonly csmId: string | null;
  readonly customerId: string | null;
}

export type { Role };

/**
 * Who may call: a token's role, or `share` for a share link (createShareLink), whose scope is
 * exactly its one customer, read-only and customer-facing, whatever a viewer may come to see.
 */
export type PrincipalRole = Role | 'share';

/** Share link tokens carry this prefix, so they are looked up in share_links alone. */
export const SHARE_TOKEN_PREFIX = 'cscx_share_';

/** A new share link token: 256 bits, URL-safe (it is the last segment of the link). */
export function newShareToken(): string {
  return `${SHARE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token: 256 bits, URL-safe. */
export function newToken(): string {
  return `cscx_${randomBytes(32).toString('base64url')}`;
}

const REALM = 'Bearer realm="cscx"';
// RFC 6750 b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
/**
 * Looked-up tokens are reused this long. Expiry is checked against the clock on every use; a
 * revocation through the API drops the token from this process's cache at once (`forgetToken`),
 * and embed tokens are never cached when other processes share the database (PostgreSQL), since
 * one of them may revoke it.
 */
const CACHE_MS = 10_000;

function unauthorized(detail: string, invalid: boolean): ProblemError {
  return new ProblemError(401, detail, [], {
    'www-authenticate': invalid
      ? `${REALM}, error="invalid_token", error_description="${detail.replace(/"/g, "'")}"`
      : REALM,
  });
}

export class Authenticator {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #cache = new Map<string, { token: TokenRecord; at: number }>();

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** The principal of an `Authorization` header, or a 401 problem with its challenge. */
  async authenticate(header: string | undefined): Promise<Principal> {
    if (header === undefined || header.trim() === '') {
      throw unauthorized(
        'A valid bearer token is required: send Authorization: Bearer <token>.',
        false,
      );
    }
    const bearer = bearerToken(header);
    if (bearer === null) {
      throw unauthorized('The Authorization header must be "Bearer <token>".', true);
    }
    const hash = hashToken(bearer);
    const now = this.#clock().getTime();
    if (bearer.startsWith(SHARE_TOKEN_PREFIX)) return this.#shareLink(hash, now);
    let entry = this.#cache.get(hash);
    if (!entry || now - entry.at > CACHE_MS || now < entry.at) {
      const token = await findTokenByHash(this.#db, hash);
      if (!token) {
        this.#cache.delete(hash);
        throw unauthorized('The bearer token is not known.', true);
      }
      entry = { token, at: now };
      if (!token.embed || this.#db.exclusive) {
        if (this.#cache.size > 10_000) this.#cache.clear();
        this.#cache.set(hash, entry);
      }
    }
    const t = entry.token;
    if (t.revoked_at !== null && t.revoked_at <= now)
      throw unauthorized('The bearer token was revoked.', true);
    if (t.expires_at !== null && t.expires_at <= now)
      throw unauthorized('The bearer token has expired.', true);
    return { tokenId: t.id, role: t.role, csmId: t.csm_id, customerId: t.customer_id };
  }

  /**
   * A share link's principal. Never cached: a revocation through any instance holds from the
   * next request on, and a link's page makes few requests.
   */
  async #shareLink(hash: string, now: number): Promise<Principal> {
    const link = await findShareLinkByHash(this.#db, hash);
    if (!link) throw unauthorized('The bearer token is not known.', true);
    if (link.revoked_at !== null && link.revoked_at <= now)
      throw unauthorized('The share link was revoked.', true);
    if (link.expires_at <= now) throw unauthorized('The share link has expired.', true);
    return { tokenId: link.id, role: 'share', csmId: null, customerId: link.customer_id };
  }

  /** Forgets cached tokens (after a token is revoked in this process). */
  forget(): void {
    this.#cache.clear();
  }

  /** Forgets one cached token, by the hash of its value (after it is revoked in this process). */
  forgetToken(hash: string): void {
    this.#cache.delete(hash);
  }
}

/** The token of an `Authorization: Bearer <token>` header (RFC 6750 b64token), or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = header === undefined ? null : BEARER.exec(header);
  return m?.[1] && m[1].length <= 512 ? m[1] : null;
}

/**
 * Whether the token's scope includes the customer. A viewer token of a parent account sees its
 * children too (one level: a child has no children of its own, migration 014).
 */
export function sees(
  p: Principal,
  c: Pick<CustomerRecord, 'id' | 'csm_id'> & { readonly parent_id?: string | null },
): boolean {
  switch (p.role) {
    case 'manager':
      return true;
    case 'csm':
      return c.csm_id !== null && c.csm_id === p.csmId;
    case 'viewer':
      return (
        p.customerId !== null &&
        (c.id === p.customerId || (c.parent_id != null && c.parent_id === p.customerId))
      );
    case 'share':
      // Exactly its one customer: a share link of a parent never shows the children.
      return c.id === p.customerId;
  }
}

/** The token's scope as a filter on customers (a viewer's customer includes its children). */
export function scopeOf(p: Principal): ScopeFilter {
  if (p.role === 'csm') return { csmId: p.csmId ?? '\u0000' };
  if (p.role === 'viewer') return { customerId: p.customerId ?? '\u0000' };
  if (p.role === 'share') return { customerId: p.customerId ?? '\u0000', exact: true };
  return {};
}

/** Operations only a manager may call (embed tokens): 403 for every other role. */
export function assertManager(p: Principal, what: string): void {
  if (p.role !== 'manager') throw new ProblemError(403, `Only a manager token may ${what}.`);
}

/** Viewers are read-only: a write inside their scope is 403 (outside it, the caller says 404). */
export function assertCanWrite(p: Principal): void {
  if (p.role === 'viewer') throw new ProblemError(403, 'Viewer tokens are read-only.');
  if (p.role === 'share') throw new ProblemError(403, 'Share links are read-only.');
}
