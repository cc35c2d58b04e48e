import type { Context } from 'hono';
import { badRequest, ProblemError } from '../problem.js';

export interface JsonBody {
  /** The body as sent: the idempotency fingerprint covers exactly these bytes. */
  readonly raw: string;
  readonly value: unknown;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

function tooLarge(limit: number): ProblemError {
  return new ProblemError(413, `Request bodies are limited to ${limit} bytes.`);
}

/**
 * Reads a JSON request body: 415 unless it is `application/json`, 413 past `limit` bytes
 * (checked on Content-Length first and again while streaming, for chunked bodies), 400 for an
 * empty body, bytes that are not UTF-8, or text that is not JSON.
 */
export async function readJson(c: Context, limit: number): Promise<JsonBody> {
  const length = c.req.header('content-length');
  if (length !== undefined && /^\d+$/.test(length) && Number(length) > limit) throw tooLarge(limit);
  const type = c.req.header('content-type');
  const stream = c.req.raw.body;
  if (type === undefined && stream === null) {
    throw badRequest(
      '',
      'A JSON request body is required.',
      'required',
      'This operation needs a JSON body.',
    );
  }
  if (type === undefined || !JSON_TYPE.test(type)) {
    throw new ProblemError(415, 'Send the body as application/json.', [
      { field: 'header.Content-Type', message: 'Must be application/json.', code: 'enum' },
    ]);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (stream) {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  if (size === 0) {
    throw badRequest(
      '',
      'A JSON request body is required.',
      'required',
      'This operation needs a JSON body.',
    );
  }
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest(
      '',
      'The body is not valid UTF-8.',
      'invalid_json',
      'The request body is not valid UTF-8 JSON.',
    );
  }
  try {
    return { raw, value: JSON.parse(raw) as unknown };
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : 'it is nested too deeply';
    throw badRequest(
      '',
      `Not valid JSON: ${why}`,
      'invalid_json',
      'The request body is not valid JSON.',
    );
  }
}
