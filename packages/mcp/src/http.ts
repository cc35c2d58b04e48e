// Streamable HTTP: one stateless MCP exchange per HTTP request, each served by a fresh MCP server
// whose SDK client carries that request's bearer token, so no answer can leak between callers.
import { createMcpHandler } from '@modelcontextprotocol/server';
import { createSuccessMcpServer } from './server.js';

/** Options of {@link createSuccessMcpHttpHandler}. */
export interface SuccessMcpHttpOptions {
  /** The API's base URL, or how to find it from the MCP request (the reference server's own origin). */
  readonly baseUrl: string | ((request: Request) => string);
  /** The `fetch` the SDK calls the API with; the reference server passes its app, in process. */
  readonly fetch?: typeof fetch;
}

/** A fetch-shaped MCP endpoint: mount it on any web-standard server at, say, `/mcp`. */
export interface SuccessMcpHttpHandler {
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/** The bearer token of a request, or null. */
export function bearerToken(request: Request): string | null {
  const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
  return m?.[1] ?? null;
}

function unauthorized(request: Request): Response {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      detail:
        'The MCP endpoint needs "Authorization: Bearer <token>", the same token the CSCX Success API takes (for the demo: demo-csm-token).',
      instance: new URL(request.url).pathname,
    }),
    {
      status: 401,
      headers: {
        'content-type': 'application/problem+json',
        'www-authenticate': 'Bearer realm="cscx-success"',
      },
    },
  );
}

/**
 * The MCP server over Streamable HTTP. Each request must carry `Authorization: Bearer <token>`
 * (401 without it); the tools then see what that token sees in the API.
 *
 * @example
 * import { createSuccessMcpHttpHandler } from '@cscx/success-mcp';
 *
 * const mcp = createSuccessMcpHttpHandler({ baseUrl: 'http://127.0.0.1:8787' });
 * // Hono: app.all('/mcp', (c) => mcp.fetch(c.req.raw));
 */
export function createSuccessMcpHttpHandler(options: SuccessMcpHttpOptions): SuccessMcpHttpHandler {
  const handler = createMcpHandler((ctx) => {
    const request = ctx.requestInfo;
    const token = request ? bearerToken(request) : null;
    if (!request || !token) throw new Error('No bearer token on the MCP request.');
    const baseUrl =
      typeof options.baseUrl === 'function' ? options.baseUrl(request) : options.baseUrl;
    return createSuccessMcpServer({
      baseUrl,
      token,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  });
  return {
    async fetch(request) {
      if (!bearerToken(request)) return unauthorized(request);
      return handler.fetch(request);
    },
    close: () => handler.close(),
  };
}
