import type { Hash } from 'node:crypto';
import { badRequest, ProblemError } from '../problem.js';

/** The 413 of a body past `limit` bytes. */
export function bodyTooLarge(limit: number): ProblemError {
  return new ProblemError(413, `Import files are limited to ${limit} bytes.`);
}

/**
 * The chunks of a request body as they arrive, each fed to `hash` (the Idempotency-Key's
 * fingerprint) and counted: past `limit` bytes the upload is cancelled with a 413. Nothing is
 * kept: the caller reads the next chunk only when it is done with the last (backpressure).
 */
export async function* meteredChunks(
  body: ReadableStream<Uint8Array>,
  limit: number,
  hash: Hash,
  progress: { bytes: number },
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      progress.bytes += value.byteLength;
      if (progress.bytes > limit) throw bodyTooLarge(limit);
      hash.update(value);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** The body's text, decoded as it streams: 400 at the first byte sequence that is not UTF-8. */
export async function* utf8Text(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (e) {
    if (e instanceof TypeError) {
      throw badRequest(
        '',
        'The file is not valid UTF-8.',
        'invalid_encoding',
        'The import file is not valid UTF-8 text.',
      );
    }
    throw e;
  }
}
