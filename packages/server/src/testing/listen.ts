// The app on a real socket (127.0.0.1, a free port), for clients that speak HTTP, served the
// way `npm start` serves it (serveApp: timeouts, problem+json for parser errors). Test-only.
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import type { Env } from '../http/context.js';
import { type ServerTimeouts, serveApp } from '../http/server.js';

export interface Listening {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(
  app: Hono<Env>,
  options: { timeouts?: Partial<ServerTimeouts> } = {},
): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serveApp(
      app,
      {
        port: 0,
        hostname: '127.0.0.1',
        ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        });
      },
    );
  });
}
