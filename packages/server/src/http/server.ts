// The app on a Node HTTP server, with what Node's defaults leave out: timeouts that close a
// connection a slow client holds open, and problem+json answers to requests refused before the
// app ever sees them, by Node's HTTP parser or by @hono/node-server turning them into a Request
// (both reply with an empty 400 of their own).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { Hono } from 'hono';
import { problemBody } from '../problem.js';
import type { Env } from './context.js';
import { PERMISSIONS_POLICY } from './middleware.js';

export interface ServerTimeouts {
  /** From a connection's first byte to the end of the request's headers. */
  readonly headersTimeout: number;
  /** From a connection's first byte to the end of the request's body (1 MiB at most). */
  readonly requestTimeout: number;
  /** An idle keep-alive connection is closed after this long. */
  readonly keepAliveTimeout: number;
  /** How often Node checks the two request timeouts: they are only as precise as this. */
  readonly connectionsCheckingInterval: number;
}

/**
 * Node's defaults (headers 60 s, request 300 s, checked every 30 s) let a client that trickles
 * its headers hold a connection, and a slot of the server, for minutes. A real client sends its
 * headers in well under a second and 1 MiB over a slow mobile link in about ten; once the
 * request is in, the time the response takes (a PDF report) does not count.
 */
export const SERVER_TIMEOUTS: ServerTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};

export interface ServeOptions {
  readonly port: number;
  readonly hostname: string;
  /** Tests shorten them; `npm start` uses {@link SERVER_TIMEOUTS}. */
  readonly timeouts?: Partial<ServerTimeouts>;
}

/**
 * Serves `app` over HTTP/1.1 with {@link SERVER_TIMEOUTS} and {@link answerClientError}.
 *
 * @example
 * const server = serveApp(createApp({ db }), { port: 8787, hostname: '127.0.0.1' });
 */
export function serveApp(
  app: Hono<Env>,
  options: ServeOptions,
  onListening?: (info: AddressInfo) => void,
): Server {
  const t = { ...SERVER_TIMEOUTS, ...options.timeouts };
  // What @hono/node-server's serve() does, plus the error handler serve() has no option for.
  const listener = getRequestListener(app.fetch, {
    hostname: options.hostname,
    errorHandler: answerRequestError,
  });
  const server = createServer(
    {
      headersTimeout: t.headersTimeout,
      requestTimeout: t.requestTimeout,
      keepAliveTimeout: t.keepAliveTimeout,
      connectionsCheckingInterval: t.connectionsCheckingInterval,
    },
    listener,
  );
  trackResponses(server);
  server.on('clientError', answerClientError);
  server.listen(options.port, options.hostname, () => {
    onListening?.(server.address() as AddressInfo);
  });
  return server;
}

/**
 * A request @hono/node-server cannot make a Request of (a backslash in the path, a bad Host
 * header): 400 as a problem. Anything else got past the app's own error handler: 500.
 */
async function answerRequestError(err: unknown): Promise<Response> {
  const known = err instanceof RequestError;
  const status = known ? 400 : 500;
  const detail = !known
    ? 'An internal error occurred.'
    : /backslash/i.test(err.message)
      ? 'The request target is not a valid path: a backslash (\\) must be percent-encoded (%5C).'
      : /host/i.test(err.message)
        ? 'The Host header is missing or not a valid host name.'
        : 'The request target is not a valid path.';
  const { body, headers } = rawProblem(status, detail);
  return new Response(body, { status, headers });
}

/** A problem document with the headers the app's middleware would have added. */
function rawProblem(
  status: number,
  detail: string,
): { body: string; headers: Record<string, string> } {
  const requestId = `req_${randomBytes(9).toString('base64url')}`;
  return {
    body: JSON.stringify(problemBody(status, detail, [], requestId, undefined)),
    headers: {
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      'X-Request-Id': requestId,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': PERMISSIONS_POLICY,
    },
  };
}

/** Sockets with a response being written: a parser error there must not write into it. */
const responding = new WeakSet<Socket | Duplex>();

function trackResponses(server: Server): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    responding.add(socket);
    const done = () => responding.delete(socket);
    res.once('finish', done);
    res.once('close', done);
  });
}

interface ParserError extends Error {
  readonly code?: string;
}

/** Status and explanation for Node's parser errors (llhttp's HPE_* codes and Node's own). */
function classify(code: string | undefined): { status: number; detail: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        detail: 'The request line and headers are larger than the server accepts (16 KiB).',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        detail: 'The request did not arrive in time: send the headers and body without pausing.',
      };
    case 'HPE_INVALID_METHOD':
      return {
        status: 400,
        detail: 'Unknown HTTP method: this API takes GET, POST, PUT and DELETE.',
      };
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return { status: 400, detail: 'Content-Length must be one non-negative whole number.' };
    case 'HPE_INVALID_URL':
      return {
        status: 400,
        detail:
          'The request target is not a valid path: characters such as spaces must be percent-encoded.',
      };
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'HPE_INVALID_TRANSFER_ENCODING':
    case 'HPE_INVALID_CHUNK_SIZE':
      return { status: 400, detail: 'A header or the body framing is not valid HTTP/1.1.' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, detail: 'The chunk extensions of the body are too large.' };
    default:
      return { status: 400, detail: 'The request is not valid HTTP/1.1.' };
  }
}

/**
 * The server's `clientError` handler: a request Node's parser refuses (an unknown method,
 * `Content-Length: -1`, a backslash in the path, headers over 16 KiB, a timeout) gets the same
 * problem+json as the app's errors, then the connection closes, as the parser cannot find where
 * the next request would start. Nothing is written when the peer is gone or a response is
 * already being written on the socket.
 */
export function answerClientError(err: ParserError, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable || responding.has(socket)) {
    socket.destroy();
    return;
  }
  const { status, detail } = classify(err.code);
  const { body, headers } = rawProblem(status, detail);
  const lines = [`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', '', body);
  socket.end(lines.join('\r\n'));
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};
