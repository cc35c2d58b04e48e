import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Credentials inside stored idempotent replies (a minted embed token, a webhook's signing
 * secret): a repeat must return the same credential, yet the idempotency table must never hold
 * a usable one. They are sealed under a key derived from the caller's own bearer token, which the
 * database holds only as a SHA-256 hash; a repeat carries the same bearer token (keys belong to
 * the token that sent them) and so can open it.
 */
const SEALED = 'sealed:';

/** The key sealing credentials of `purpose` in the reply stored under Idempotency-Key `key`. */
export function sealingKey(bearer: string, key: string, purpose: string): Buffer {
  return createHmac('sha256', bearer).update(`cscx ${purpose} replay\n${key}`).digest();
}

/** AES-256-GCM of `text`, as `sealed:` + base64url(iv, ciphertext, tag). */
export function seal(text: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return SEALED + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The text {@link seal} sealed; throws when the key is not the one it was sealed with. */
export function unseal(text: string, key: Buffer): string {
  const raw = Buffer.from(text.slice(SEALED.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([
    decipher.update(raw.subarray(12, raw.length - 16)),
    decipher.final(),
  ]).toString('utf8');
}
