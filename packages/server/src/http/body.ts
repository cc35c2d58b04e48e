import type { Context } from 'hono';
import { badRequest, ProblemError } from '../problem.js';

export interface JsonBody {
  /** The body as sent: the idempotency fingerprint covers exactly these bytes. */
  readonly raw: string;
  readonly value: unknown;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Bounds on a body's shape, checked on its text before JSON.parse builds anything: no request of
 * this API nests more than 3 levels, has an array of more than 20 items or a string of more
 * than 2,000 characters (openapi.yaml), so these are far above any real request yet keep a 1 MiB
 * body from becoming 100,000 nested arrays (which exhaust the validator's stack) or half a
 * million members (each of which the validator would report).
 */
export const JSON_LIMITS = { depth: 32, members: 1000, stringChars: 16_384 } as const;

/** The first bound of {@link JSON_LIMITS} that `raw` breaks, as a 400; null within them. */
export function checkJsonShape(raw: string): ProblemError | null {
  const { depth: maxDepth, members, stringChars } = JSON_LIMITS;
  // Commas seen at each open level: n commas are n + 1 members.
  const commas = new Uint32Array(maxDepth + 1);
  let depth = 0;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x22) {
      // A string: skip to its closing quote; an escape's next character is never the end.
      const start = i + 1;
      i = start;
      while (i < n) {
        const c = raw.charCodeAt(i);
        if (c === 0x22) break;
        i += c === 0x5c ? 2 : 1;
      }
      // Text length as sent (escapes count in full): a bound on the decoded length too.
      if (i - start > stringChars) {
        return badRequest(
          '',
          `A string in the body is longer than ${stringChars} characters.`,
          'max_length',
          'The request body has a string longer than any field of this API takes.',
        );
      }
    } else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > maxDepth) {
        return badRequest(
          '',
          `Not valid JSON here: it is nested more than ${maxDepth} levels deep.`,
          'invalid_json',
          'The request body is nested too deeply.',
        );
      }
      commas[depth] = 0;
    } else if (ch === 0x5d || ch === 0x7d) {
      if (depth > 0) depth--;
    } else if (ch === 0x2c && depth > 0) {
      const seen = (commas[depth] ?? 0) + 1;
      commas[depth] = seen;
      if (seen >= members) {
        return badRequest(
          '',
          `An array or object in the body has more than ${members} members.`,
          'max_items',
          'The request body has an array or object larger than any field of this API takes.',
        );
      }
    }
  }
  return null;
}

function tooLarge(limit: number): ProblemError {
  return new ProblemError(413, `Request bodies are limited to ${limit} bytes.`);
}

/**
 * Reads a JSON request body: 415 unless it is `application/json`, 413 past `limit` bytes
 * (checked on Content-Length first and again while streaming, for chunked bodies), 400 for an
 * empty body, bytes that are not UTF-8, text past {@link JSON_LIMITS}, or text that is not JSON.
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
  const shape = checkJsonShape(raw);
  if (shape) throw shape;
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
