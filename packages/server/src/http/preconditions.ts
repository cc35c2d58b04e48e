import type { Context } from 'hono';
import { badRequest, ProblemError } from '../problem.js';

const VERSION = /^("[1-9][0-9]{0,14}"|[1-9][0-9]{0,14})$/;
const FIELD = 'header.If-Match';

/**
 * The version named by `If-Match`: `"7"` (the ETag) or `7`. Null when the header is absent.
 * `*` would bypass the check and a weak validator never matches (RFC 9110), so both are 400,
 * as is anything else malformed.
 */
export function parseIfMatch(c: Context): number | null {
  const value = c.req.header('if-match');
  if (value === undefined) return null;
  const v = value.trim();
  if (v === '*') {
    throw badRequest(
      FIELD,
      'Send the version you last read; * would skip the version check.',
      'pattern',
    );
  }
  if (v.startsWith('W/')) {
    throw badRequest(
      FIELD,
      'Weak validators never match If-Match; send the strong ETag ("7") or the bare version (7).',
      'pattern',
    );
  }
  if (!VERSION.test(v)) {
    throw badRequest(
      FIELD,
      'Must be the version you last read, as its ETag ("7") or as a number (7).',
      'pattern',
    );
  }
  return Number(v.replaceAll('"', ''));
}

/** 428 for a PUT without If-Match. */
export function requireIfMatch(version: number | null): number {
  if (version === null) {
    throw new ProblemError(428, 'Send If-Match with the version you last read.', [
      { field: FIELD, message: 'Required.', code: 'required' },
    ]);
  }
  return version;
}

/** 412 when the resource moved on since the client read it; nothing is changed. */
export function checkVersion(what: string, current: number, expected: number): void {
  if (current !== expected) {
    throw new ProblemError(
      412,
      `The ${what} is at version ${current}; If-Match named version ${expected}.`,
      [
        {
          field: FIELD,
          message: `Stale version ${expected}; current version is ${current}.`,
          code: 'stale_version',
        },
      ],
    );
  }
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
