import type { Context } from 'hono';
import type { Reply } from './idempotency.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON reply (not yet sent). Header names are lower-case. */
export function jsonReply(
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(data) };
}

/** Sends a reply. */
export function send(_c: Context, reply: Reply): Response {
  return new Response(reply.status === 204 ? null : reply.body, {
    status: reply.status,
    headers: reply.headers,
  });
}

/** Sends JSON text that is already serialised (from a cache). */
export function sendJsonText(
  _c: Context,
  text: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(text, { status: 200, headers: { 'content-type': JSON_TYPE, ...headers } });
}

/** Sends data as JSON. */
export function sendJson(
  c: Context,
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): Response {
  return send(c, jsonReply(status, data, headers));
}
