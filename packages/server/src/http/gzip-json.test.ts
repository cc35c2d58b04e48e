import { describe, expect, it } from 'vitest';
import { approximateBytes } from '../cache.js';
import { acceptsGzip, GzipJson } from './gzip-json.js';

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['x-gzip', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0.0, *', false],
    ['br, *;q=0', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('%j: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('GzipJson', () => {
  it('gives back the exact text and is counted in the cache by its compressed bytes', () => {
    const text = JSON.stringify({
      name: 'Café Müller — 東京',
      values: Array.from({ length: 500 }, (_, i) => i),
    });
    const body = new GzipJson(text);
    expect(body.text()).toBe(text);
    expect(approximateBytes(body)).toBe(body.gzip.byteLength);
    expect(body.gzip.byteLength).toBeLessThan(text.length / 2);
  });

  it("holds no more memory than the bytes it counts, not zlib's whole output chunk", () => {
    const body = new GzipJson(JSON.stringify({ values: Array.from({ length: 300 }, (_, i) => i) }));
    // A view into zlib's 16 KiB chunk kept 16 KiB per cached body alive (issue 12).
    expect(body.gzip.buffer.byteLength).toBe(body.gzip.byteLength);
    expect(body.gzip.byteOffset).toBe(0);
  });
});
