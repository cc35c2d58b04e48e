import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The environment variable holding the current key: base64 of 32 random bytes. */
export const SECRETS_KEY_ENV = 'CSCX_SECRETS_KEY';
/** Older keys, comma-separated: they only open secrets, which are then sealed again. */
export const SECRETS_KEY_PREVIOUS_ENV = 'CSCX_SECRETS_KEY_PREVIOUS';
/** Where the key is kept when CSCX_SECRETS_KEY is not set. */
export const SECRETS_KEY_FILE_ENV = 'CSCX_SECRETS_KEY_FILE';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** `v1.<key id>.<base64url iv + ciphertext + tag>`: the key id says which key opens it. */
const FORMAT = /^v1\.([0-9a-f]{16})\.([A-Za-z0-9_-]+)$/;

/** A key that cannot open a secret, or a key setting that cannot be used. */
export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';
}

/**
 * A short public name of a key (not the key): a SHA-256 of it under a label, so a stored secret
 * says which key sealed it and a startup can tell "sealed with a key I lack" from tampering.
 */
export function keyId(key: Buffer): string {
  return createHash('sha256')
    .update('cscx secrets key id\n')
    .update(key)
    .digest('hex')
    .slice(0, 16);
}

/** A key given as base64 of 32 bytes, or a SecretKeyError naming where it came from. */
export function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (
    !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ||
    key.length !== KEY_BYTES ||
    key.toString('base64') !== trimmed
  ) {
    throw new SecretKeyError(
      `${origin} must be the base64 of ${KEY_BYTES} random bytes (for example: openssl rand -base64 32).`,
    );
  }
  return key;
}

/** Where the current key comes from, for messages: the env var or the key file. */
export type KeySource =
  | { readonly kind: 'env' }
  | { readonly kind: 'file'; readonly path: string; readonly created: boolean }
  | { readonly kind: 'ephemeral' };

/** This process's random key for {@link SecretBox.ephemeral}, made on first use. */
let processKey: Buffer | null = null;

/**
 * Seals stored credentials (webhook signing secrets) with AES-256-GCM under a key kept outside
 * the database: HMAC needs the secret itself, so it cannot be hashed, and a copy of the database
 * alone must not sign as the kit. Previous keys open what they sealed, so a key can be rotated:
 * {@link needsResealing} says which stored values to seal again under the current key.
 *
 * @example
 * const box = SecretBox.fromKeys(parseKey(process.env.CSCX_SECRETS_KEY!, 'CSCX_SECRETS_KEY'));
 * const stored = box.seal('whsec_...', 'webhook:whk_1');
 * box.open(stored, 'webhook:whk_1'); // 'whsec_...'
 */
export class SecretBox {
  readonly #current: Buffer;
  readonly #keys: ReadonlyMap<string, Buffer>;
  /** The current key's id: every value sealed now carries it. */
  readonly keyId: string;
  readonly source: KeySource;

  private constructor(current: Buffer, previous: readonly Buffer[], source: KeySource) {
    this.#current = current;
    this.keyId = keyId(current);
    const keys = new Map<string, Buffer>();
    for (const k of previous) keys.set(keyId(k), k);
    keys.set(this.keyId, current);
    this.#keys = keys;
    this.source = source;
  }

  /** A box over the current key and any previous ones. */
  static fromKeys(
    current: Buffer,
    previous: readonly Buffer[] = [],
    source: KeySource = { kind: 'env' },
  ): SecretBox {
    if (current.length !== KEY_BYTES) throw new SecretKeyError(`A key must be ${KEY_BYTES} bytes.`);
    return new SecretBox(current, previous, source);
  }

  /**
   * A random key for this process only, for tests and for an app embedded without a key: what it
   * seals cannot be opened after a restart, which then fails delivery with a clear error.
   */
  static ephemeral(): SecretBox {
    processKey ??= randomBytes(KEY_BYTES);
    return new SecretBox(processKey, [], { kind: 'ephemeral' });
  }

  /** `plain` sealed under the current key, bound to `context` (a sealed value moved fails). */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${this.keyId}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** The key id a stored value was sealed with, or null when it is not a sealed value. */
  static sealedWith(stored: string): string | null {
    return FORMAT.exec(stored)?.[1] ?? null;
  }

  /** True when `stored` is plain text or sealed under a previous key. */
  needsResealing(stored: string): boolean {
    return SecretBox.sealedWith(stored) !== this.keyId;
  }

  /** Whether this box has the key that sealed `stored`. */
  canOpen(stored: string): boolean {
    const id = SecretBox.sealedWith(stored);
    return id !== null && this.#keys.has(id);
  }

  /**
   * The plain text of a sealed value. Throws a SecretKeyError naming the setting to fix when
   * the key is missing or the value was changed: never a wrong secret.
   */
  open(stored: string, context: string): string {
    const m = FORMAT.exec(stored);
    if (!m) throw new SecretKeyError('The stored secret is not sealed (expected v1.<key id>.…).');
    const key = this.#keys.get(m[1]!);
    if (!key) {
      throw new SecretKeyError(
        `The secret was encrypted with key ${m[1]}, but this server's key (${SECRETS_KEY_ENV}, or its key file ${SECRETS_KEY_FILE_ENV}) is ${this.keyId} and ${SECRETS_KEY_PREVIOUS_ENV} has no key ${m[1]}.`,
      );
    }
    const raw = Buffer.from(m[2]!, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES)
      throw new SecretKeyError('The stored secret is cut short.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretKeyError(
        `The stored secret does not open with key ${m[1]}: it was altered or belongs to another record.`,
      );
    }
  }

  /** Where the current key comes from, in words. */
  describeSource(): string {
    switch (this.source.kind) {
      case 'env':
        return `key ${this.keyId} from ${SECRETS_KEY_ENV}`;
      case 'file':
        return `key ${this.keyId} from the key file ${this.source.path}${this.source.created ? ', created now' : ''}, as ${SECRETS_KEY_ENV} is not set`;
      case 'ephemeral':
        return `key ${this.keyId}, random for this process, as the app was given no key`;
    }
  }
}

/** The key settings of the process (config.ts reads them from the environment). */
export interface SecretKeySettings {
  readonly key: Buffer | null;
  readonly previous: readonly Buffer[];
  readonly keyFile: string;
}

/**
 * The process's box: the key from CSCX_SECRETS_KEY, or else from the key file, which is created
 * (mode 0600, in a 0700 directory when it makes one) when it does not exist and `mayCreate`
 * allows it. Two instances starting together on one machine end up with the same file: the
 * second's exclusive create fails and it reads the first's.
 */
export function loadSecretBox(settings: SecretKeySettings, mayCreate: boolean): SecretBox {
  if (settings.key) return SecretBox.fromKeys(settings.key, settings.previous, { kind: 'env' });
  const path = settings.keyFile;
  const read = (created: boolean) =>
    SecretBox.fromKeys(
      parseKey(readFileSync(path, 'utf8'), `The key file ${path} (${SECRETS_KEY_FILE_ENV})`),
      settings.previous,
      { kind: 'file', path, created },
    );
  try {
    statSync(path);
    return read(false);
  } catch (e) {
    if (!isMissing(e)) throw keyFileError(path, e);
  }
  if (!mayCreate) {
    throw new SecretKeyError(
      `Webhook signing secrets in the database are encrypted, but the key file ${path} does not exist: restore it, or set ${SECRETS_KEY_ENV} (or ${SECRETS_KEY_FILE_ENV}) to the key they were encrypted with.`,
    );
  }
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    return read(true);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return read(false);
    throw keyFileError(path, e);
  }
}

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException).code === 'ENOENT';
}

function keyFileError(path: string, e: unknown): SecretKeyError {
  if (e instanceof SecretKeyError) return e;
  return new SecretKeyError(
    `Cannot use the key file ${path} (${SECRETS_KEY_FILE_ENV}): ${e instanceof Error ? e.message : String(e)}. Set ${SECRETS_KEY_ENV} instead, or make the file readable by this user.`,
  );
}
