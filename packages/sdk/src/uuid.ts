/** The part of Web Crypto the UUID needs; `randomUUID` is absent outside secure contexts. */
export interface UuidCrypto {
  readonly randomUUID?: (() => string) | undefined;
  readonly getRandomValues?: (<T extends Uint8Array>(array: T) => T) | undefined;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A random RFC 4122 version 4 UUID, e.g. for an Idempotency-Key. `crypto.randomUUID` exists
 * only in secure contexts (https, localhost), so a page served over plain http gets the same
 * format built from `crypto.getRandomValues`, which every context has.
 *
 * @example
 * headers.set('idempotency-key', randomUUID()); // '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'
 */
export function randomUUID(
  source: UuidCrypto | undefined = globalThis.crypto as UuidCrypto | undefined,
): string {
  if (typeof source?.randomUUID === 'function') return source.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof source?.getRandomValues === 'function') source.getRandomValues(bytes);
  else {
    // No Web Crypto at all (an old embedded runtime): unique enough for a retry key, which is
    // all it is used for; it guards no secret.
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  // RFC 4122 section 4.4: version 4 in the high nibble of byte 6, variant 10xx in byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i] ?? 0];
  }
  return out;
}
