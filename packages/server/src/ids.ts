import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A new opaque id, `<prefix>_` + 16 random base32 characters (80 bits): unguessable, so ids
 * reveal nothing about what else exists, and within the contract's id pattern.
 */
export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = `${prefix}_`;
  for (let i = 0; i < 16; i++) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return out;
}
