import { createHash } from 'node:crypto';
import { badRequest } from '../problem.js';

/**
 * Opaque keyset cursors: the sort key of the last item of a page, plus a fingerprint of the
 * filters that produced it, so a cursor is only accepted with the same filters.
 */

export function filterHash(filters: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
}

export function encodeCursor(key: readonly (string | number)[], filters: string): string {
  return Buffer.from(JSON.stringify({ k: key, f: filters })).toString('base64url');
}

const invalid = () =>
  badRequest(
    'query.cursor',
    'Invalid or expired cursor: start again from the first page.',
    'invalid',
    'The cursor is not valid for this request.',
  );

/** The key of a cursor made by {@link encodeCursor} with the same filters; 400 otherwise. */
export function decodeCursor(
  cursor: string | undefined,
  filters: string,
  shape: readonly ('string' | 'number')[],
): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (parsed === null || typeof parsed !== 'object') throw invalid();
  const { k, f } = parsed as { k?: unknown; f?: unknown };
  if (f !== filters || !Array.isArray(k) || k.length !== shape.length) throw invalid();
  k.forEach((part, i) => {
    if (typeof part !== shape[i] || (typeof part === 'number' && !Number.isFinite(part)))
      throw invalid();
  });
  return k as (string | number)[];
}
