// The secrets key: AES-256-GCM sealing bound to its record, the key file made once with mode
// 0600 and reused, and errors that name the setting to fix.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { loadSecretBox, parseKey, SecretBox, SecretKeyError } from './secret-box.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cscx-secrets-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('SecretBox', () => {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;

  it('seals to v1.<key id>.<base64url> without the secret, and opens it again', () => {
    const box = SecretBox.fromKeys(randomBytes(32));
    const sealed = box.seal(secret, 'webhook:a');
    expect(sealed).toMatch(new RegExp(`^v1\\.${box.keyId}\\.[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.seal(secret, 'webhook:a')).not.toBe(sealed);
    expect(box.open(sealed, 'webhook:a')).toBe(secret);
  });

  it('refuses a sealed value moved to another record, or altered', () => {
    const box = SecretBox.fromKeys(randomBytes(32));
    const sealed = box.seal(secret, 'webhook:a');
    expect(() => box.open(sealed, 'webhook:b')).toThrow(/altered or belongs to another record/);
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => box.open(flipped, 'webhook:a')).toThrow(SecretKeyError);
  });

  it('opens with a previous key and says which values need sealing again', () => {
    const oldKey = randomBytes(32);
    const sealed = SecretBox.fromKeys(oldKey).seal(secret, 'c');
    const rotated = SecretBox.fromKeys(randomBytes(32), [oldKey]);
    expect(rotated.open(sealed, 'c')).toBe(secret);
    expect(rotated.needsResealing(sealed)).toBe(true);
    expect(rotated.needsResealing(rotated.seal(secret, 'c'))).toBe(false);
    expect(rotated.needsResealing(secret)).toBe(true);
  });

  it('names CSCX_SECRETS_KEY and CSCX_SECRETS_KEY_PREVIOUS when the key is not there', () => {
    const sealed = SecretBox.fromKeys(randomBytes(32)).seal(secret, 'c');
    const other = SecretBox.fromKeys(randomBytes(32));
    expect(() => other.open(sealed, 'c')).toThrow(
      /encrypted with key [0-9a-f]{16}, but this server's key \(CSCX_SECRETS_KEY, or its key file CSCX_SECRETS_KEY_FILE\) is [0-9a-f]{16} and CSCX_SECRETS_KEY_PREVIOUS has no key/,
    );
  });

  it('takes a key as base64 of 32 bytes only', () => {
    const key = randomBytes(32);
    expect(parseKey(key.toString('base64'), 'X').equals(key)).toBe(true);
    for (const bad of ['', 'short', randomBytes(16).toString('base64'), `${key.toString('hex')}`])
      expect(() => parseKey(bad, 'CSCX_SECRETS_KEY')).toThrow(
        'CSCX_SECRETS_KEY must be the base64 of 32 random bytes (for example: openssl rand -base64 32).',
      );
  });
});

describe('loadSecretBox', () => {
  it('creates the key file with mode 0600 on first use and reads the same key after', () => {
    const path = join(tempDir(), 'nested', 'secrets.key');
    const first = loadSecretBox({ key: null, previous: [], keyFile: path }, true);
    expect(first.source).toEqual({ kind: 'file', path, created: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    const second = loadSecretBox({ key: null, previous: [], keyFile: path }, true);
    expect(second.source).toEqual({ kind: 'file', path, created: false });
    expect(second.keyId).toBe(first.keyId);
    expect(second.open(first.seal('s', 'c'), 'c')).toBe('s');
  });

  it('prefers CSCX_SECRETS_KEY and does not touch the key file', () => {
    const path = join(tempDir(), 'secrets.key');
    const key = randomBytes(32);
    const box = loadSecretBox({ key, previous: [], keyFile: path }, true);
    expect(box.source).toEqual({ kind: 'env' });
    expect(box.keyId).toBe(SecretBox.fromKeys(key).keyId);
    expect(() => statSync(path)).toThrow();
  });

  it('does not make a new key when sealed secrets exist and the key file is gone', () => {
    const path = join(tempDir(), 'secrets.key');
    expect(() => loadSecretBox({ key: null, previous: [], keyFile: path }, false)).toThrow(
      `Webhook signing secrets in the database are encrypted, but the key file ${path} does not exist: restore it, or set CSCX_SECRETS_KEY (or CSCX_SECRETS_KEY_FILE) to the key they were encrypted with.`,
    );
    expect(() => statSync(path)).toThrow();
  });

  it('refuses a key file that is not a key, naming it', () => {
    const path = join(tempDir(), 'secrets.key');
    writeFileSync(path, 'not a key\n', { mode: 0o600 });
    expect(() => loadSecretBox({ key: null, previous: [], keyFile: path }, true)).toThrow(
      `The key file ${path} (CSCX_SECRETS_KEY_FILE) must be the base64 of 32 random bytes`,
    );
  });
});

describe('loadConfig: secrets key settings', () => {
  it('defaults the key file to <CSCX_DATA_DIR>/secrets.key, and reads CSCX_SECRETS_KEY, _PREVIOUS and _FILE', () => {
    expect(loadConfig({ CSCX_DATA_DIR: '/srv/cscx' }, []).secrets).toEqual({
      key: null,
      previous: [],
      keyFile: '/srv/cscx/secrets.key',
    });
    const [a, b, c] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const s = loadConfig(
      {
        CSCX_SECRETS_KEY: a.toString('base64'),
        CSCX_SECRETS_KEY_PREVIOUS: `${b.toString('base64')}, ${c.toString('base64')}`,
        CSCX_SECRETS_KEY_FILE: '/etc/cscx/key',
      },
      [],
    ).secrets;
    expect(s.key?.equals(a)).toBe(true);
    expect(s.previous.map((k) => k.toString('base64'))).toEqual([
      b.toString('base64'),
      c.toString('base64'),
    ]);
    expect(s.keyFile).toBe('/etc/cscx/key');
  });

  it('fails with the variable named when a key is not base64 of 32 bytes', () => {
    expect(() => loadConfig({ CSCX_SECRETS_KEY: 'hunter2' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ CSCX_SECRETS_KEY: 'hunter2' }, [])).toThrow(
      /^CSCX_SECRETS_KEY must be the base64 of 32 random bytes/,
    );
    expect(() => loadConfig({ CSCX_SECRETS_KEY_PREVIOUS: 'x' }, [])).toThrow(
      /^Each key of CSCX_SECRETS_KEY_PREVIOUS must be/,
    );
  });
});
