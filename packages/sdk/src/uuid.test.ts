// Idempotency keys where crypto.randomUUID is missing: pages on plain http (not a secure
// context) have crypto.getRandomValues but no randomUUID.
import { afterEach, describe, expect, it } from 'vitest';
import { responseExample } from '../../../testing/openapi-spec.js';
import { createSuccessClient } from './index.js';
import { json, startFaultServer } from './testing/fault-server.js';
import { randomUUID } from './uuid.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const getRandomValues = <T extends Uint8Array>(a: T): T => crypto.getRandomValues(a);

describe('randomUUID', () => {
  it('uses crypto.randomUUID where there is one', () => {
    expect(randomUUID({ randomUUID: () => 'from-platform', getRandomValues })).toBe(
      'from-platform',
    );
  });

  it('builds an RFC 4122 version 4 UUID from getRandomValues when randomUUID is missing', () => {
    const ids = Array.from({ length: 2_000 }, () => randomUUID({ getRandomValues }));
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    const fill =
      (byte: number) =>
      <T extends Uint8Array>(a: T): T =>
        a.fill(byte);
    expect(randomUUID({ getRandomValues: fill(0) })).toBe('00000000-0000-4000-8000-000000000000');
    expect(randomUUID({ getRandomValues: fill(0xff) })).toBe(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    );
    const counting = <T extends Uint8Array>(a: T): T => {
      a.forEach((_, i) => {
        a[i] = i;
      });
      return a;
    };
    expect(randomUUID({ getRandomValues: counting })).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });

  it('still gives a version 4 UUID without any Web Crypto', () => {
    expect(randomUUID({})).toMatch(V4);
    expect(randomUUID(undefined)).toMatch(V4);
  });
});

describe('the client without crypto.randomUUID', () => {
  afterEach(() => {
    // The own property shadowed Crypto.prototype.randomUUID; deleting it restores the platform's.
    Reflect.deleteProperty(globalThis.crypto, 'randomUUID');
  });

  it('sends a POST with a version 4 Idempotency-Key all the same', async () => {
    const server = await startFaultServer();
    try {
      Object.defineProperty(globalThis.crypto, 'randomUUID', {
        value: undefined,
        configurable: true,
      });
      expect(globalThis.crypto.randomUUID).toBeUndefined();
      server.use((_req, res) => json(res, 201, responseExample('createEmbedToken')));
      const client = createSuccessClient({ baseUrl: server.url, token: 'tok_plain_http_1' });
      await client.createEmbedToken({ body: { customer_id: 'cus_acme' } });
      await client.createEmbedToken({ body: { customer_id: 'cus_acme' } });
      const keys = server.requests.map((r) => String(r.headers['idempotency-key']));
      for (const key of keys) expect(key).toMatch(V4);
      expect(new Set(keys).size).toBe(2);
    } finally {
      await server.close();
    }
  });
});
