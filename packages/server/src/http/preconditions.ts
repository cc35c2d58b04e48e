import type { Context } from 'hono';
import { badRequest, ProblemError } from '../problem.js';

const BARE = /^[1-9][0-9]{0,14}$/;
// RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text.
const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;
const FIELD = 'header.If-Match';
const MAX_TAGS = 50;

/**
 * A parsed `If-Match` (RFC 9110 §13.1.1): `*`, or the strong entity tags it lists. Weak tags
 * are kept out: the strong comparison If-Match uses never matches them.
 */
export type IfMatch = { readonly any: true } | { readonly any: false; readonly tags: string[] };

/**
 * The `If-Match` header: `*`, or a list of entity tags (`"7"`, `W/"7"`, `"a", "b"`); the bare
 * version `7` is also accepted as `"7"`. Null when the header is absent. A tag that does not
 * match is no syntax error (it gets 412 once compared); only a broken header is 400.
 */
export function parseIfMatch(c: Context): IfMatch | null {
  const value = c.req.header('if-match');
  if (value === undefined) return null;
  const v = value.trim();
  if (v === '*') return { any: true };
  if (BARE.test(v)) return { any: false, tags: [v] };
  const tags: string[] = [];
  const items = v.split(',').map((t) => t.trim());
  for (const item of items) {
    // RFC 9110 §5.6.1: empty list elements are allowed and ignored.
    if (item === '') continue;
    const m = ENTITY_TAG.exec(item);
    if (!m || items.length > MAX_TAGS) {
      throw badRequest(
        FIELD,
        'Must be * or entity tags such as "7" (the ETag you last read), or the bare version 7.',
        'pattern',
      );
    }
    if (m[1] === undefined) tags.push(m[2] ?? '');
  }
  if (tags.length === 0 && !items.some((i) => i.startsWith('W/'))) {
    throw badRequest(FIELD, 'Must name at least one entity tag, such as "7".', 'pattern');
  }
  return { any: false, tags };
}

/** 428 for a PUT without If-Match. */
export function requireIfMatch(ifMatch: IfMatch | null): IfMatch {
  if (ifMatch === null) {
    throw new ProblemError(428, 'Send If-Match with the version you last read.', [
      { field: FIELD, message: 'Required.', code: 'required' },
    ]);
  }
  return ifMatch;
}

/** Whether `If-Match` matches `current` (strong comparison; `*` matches any). */
export function matchesVersion(ifMatch: IfMatch, current: number): boolean {
  return ifMatch.any || ifMatch.tags.includes(String(current));
}

/**
 * 412 unless `If-Match` matches the current version (strong comparison, RFC 9110 §8.8.3.2):
 * the resource moved on since the client read it, or the tag was never one of ours. Nothing is
 * changed.
 */
export function checkVersion(what: string, current: number, ifMatch: IfMatch): void {
  if (ifMatch.any || matchesVersion(ifMatch, current)) return;
  const named =
    ifMatch.tags.length === 0 ? 'only weak tags' : ifMatch.tags.map((t) => `"${t}"`).join(', ');
  throw new ProblemError(
    412,
    `The ${what} is at version ${current} (ETag ${etag(current)}); If-Match named ${named}.`,
    [
      {
        field: FIELD,
        message: `No match for the current version ${current}; GET the ${what} again and retry.`,
        code: 'stale_version',
      },
    ],
  );
}

/** The strong ETag of a version. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** The optional Idempotency-Key: 1-255 visible ASCII characters, else 400. */
export function idempotencyKey(c: Context): string | null {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return null;
  if (key.length < 1 || key.length > 255 || !/^[!-~]+$/.test(key)) {
    throw badRequest(
      'header.Idempotency-Key',
      'Must be 1-255 visible ASCII characters, such as a UUID.',
      'pattern',
    );
  }
  return key;
}

/**
 * The Idempotency-Key a create must carry (428 without one): `what` names the request in the
 * problem, e.g. `'Creating a webhook'`.
 */
export function requiredIdempotencyKey(c: Context, what: string): string {
  const key = idempotencyKey(c);
  if (key === null) {
    throw new ProblemError(428, `${what} needs an Idempotency-Key, so it can be retried safely.`, [
      { field: 'header.Idempotency-Key', message: 'Required.', code: 'required' },
    ]);
  }
  return key;
}
