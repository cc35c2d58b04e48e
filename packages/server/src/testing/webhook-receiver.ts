// A real webhook receiver for tests: an HTTP server on 127.0.0.1 that records every request and
// answers as the test says, and a Standard Webhooks verifier (the `standardwebhooks` package, as
// a receiver would use it). Test-only.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { vi } from 'vitest';
import type { Clock } from '../clock.js';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The receiver's "now" when the request arrived (its clock), which verification uses. */
  readonly at: Date;
}

/** What the receiver answers a request with: a status, and an optional body. */
export type Answer = (r: Received, n: number) => { status: number; body?: string };

export interface Receiver {
  readonly port: number;
  readonly url: string;
  readonly received: Received[];
  /** Changes how the next requests are answered. */
  answer(fn: Answer): void;
  /** Stops listening (connections are then refused); `start` listens on the same port again. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A free port on 127.0.0.1 (listened on and released). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/**
 * A receiver on `port` (a free one by default), answering 204 until told otherwise. `clock` is
 * its "now" (the app's test clock, which the server signs with).
 */
export async function startReceiver(
  clock: Clock,
  port?: number,
  listening = true,
): Promise<Receiver> {
  const p = port ?? (await freePort());
  const received: Received[] = [];
  let answer: Answer = () => ({ status: 204 });
  let server: Server | null = null;
  const receiver: Receiver = {
    port: p,
    url: `http://127.0.0.1:${p}/hooks`,
    received,
    answer(fn) {
      answer = fn;
    },
    async start() {
      if (server) return;
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const r = { headers: req.headers, body, at: clock() };
          received.push(r);
          const a = answer(r, received.length);
          res.writeHead(a.status, { 'content-type': 'text/plain', connection: 'close' });
          res.end(a.body ?? '');
        });
      });
      await new Promise<void>((r) => s.listen(p, '127.0.0.1', r));
      server = s;
    },
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      await new Promise<void>((r) => {
        s.close(() => r());
        s.closeAllConnections();
      });
    },
  };
  if (listening) await receiver.start();
  return receiver;
}

/**
 * Verifies a request as a receiver would on arrival, with `standardwebhooks`: the signature over
 * `id.timestamp.body` and the timestamp within 5 minutes of the receiver's now, which in tests is
 * the test clock at arrival (the server signs with it), so Date is pinned to it while verifying.
 * Returns the parsed payload; throws when verification fails.
 */
export function verified(secret: string, r: Received): unknown {
  const headers = {
    'webhook-id': String(r.headers['webhook-id'] ?? ''),
    'webhook-timestamp': String(r.headers['webhook-timestamp'] ?? ''),
    'webhook-signature': String(r.headers['webhook-signature'] ?? ''),
  };
  vi.useFakeTimers({ toFake: ['Date'], now: r.at });
  try {
    return new Webhook(secret).verify(r.body, headers);
  } finally {
    vi.useRealTimers();
  }
}
