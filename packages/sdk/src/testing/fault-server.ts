// A real HTTP server on 127.0.0.1 for the SDK's behaviour tests: each test installs the handler
// it needs (a normal answer, a dropped connection, a slow or truncated body, a 429 with
// Retry-After, ...) and the client talks to it over real sockets. Test-only; not exported.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type Handler = (
  req: RecordedRequest,
  res: ServerResponse,
  attempt: number,
) => void | Promise<void>;

export interface FaultServer {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Replace the handler; attempts are counted from 1 again. */
  use(handler: Handler): void;
  close(): Promise<void>;
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': 'req_test',
    ...headers,
  });
  res.end(text);
}

export async function startFaultServer(): Promise<FaultServer> {
  let handler: Handler = (_req, res) => json(res, 404, { title: 'Not Found', status: 404 });
  let attempt = 0;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const recorded = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(recorded);
    attempt++;
    try {
      await handler(recorded, res, attempt);
    } catch (e) {
      if (!res.headersSent)
        json(res, 500, { title: 'fixture handler threw', status: 500, detail: String(e) });
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    use(h) {
      handler = h;
      attempt = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
